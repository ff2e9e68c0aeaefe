/* Labelled front matter (【关键词】, Author:) becomes META blocks; keyword lines become lists. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/keywords.h"

enum kw_kind {
	KW_NONE,
	KW_META,		/* a labelled line: author, source, codes */
	KW_KEYWORDS,		/* its value is a keyword list */
	KW_HEADWORD,		/* 摘要, Abstract: a heading when alone */
};

static enum kw_kind	keywords_label_kind(const char *, size_t);
static size_t		keywords_label(const char *, size_t, enum kw_kind *);
static size_t		keywords_bracket(const char *, size_t, enum kw_kind *);
static size_t		keywords_colon(const char *, size_t, enum kw_kind *);
static int		keywords_is_sep(uint32_t, int);
static void		keywords_split(struct doc *, int, const char *,
			    size_t);
static int		keywords_continues(const struct doc *, int);
static void		keywords_map(void *, size_t, size_t);
static const char	*keywords_text(const struct doc *, int, size_t *);
static const char	*keywords_find(const char *, size_t, const char *,
			    size_t);

#define KW_FAR	93	/* a label and a line it fills end before this */
#define KW_AHEAD	8	/* blocks whose text is fetched ahead */
#define KW_WORD_MAX	32	/* bytes: more than any of the words below */

/* What keywords_map finds of each block's text, on two threads. */
struct kw_map {
	const struct doc	*d;
	uint32_t		*label;		/* bytes of its label, or 0 */
	unsigned char		*kind;		/* of the label */
	char			*meta;		/* a META block */
};

/* Label words, compared without spaces and case. */
static const char *const keywords_words[] = {
	"关键词", "关键字", "關鍵詞", "關鍵字", "主题词",
	"keywords", "keyword", "key words", "index terms",
	NULL
};
static const char *const headwords[] = {
	"内容提要", "内容摘要", "提要", "摘要", "中文摘要", "英文摘要",
	"abstract", "summary", "內容提要", "內容摘要", NULL
};
static const char *const metawords[] = {
	"作者", "作者简介", "作者簡介", "作者信息", "作者单位", "作者單位",
	"author", "authors", "author(s)", "通讯作者", "通訊作者",
	"中图分类号", "中圖分類號", "文献标识码", "文獻標識碼", "文章编号",
	"文章編號", "引用", "引用格式", "引用本文", "责任编辑", "責任編輯",
	"收稿日期", "修回日期", "基金项目", "基金項目", "网站来源",
	"網站來源", "来源", "來源", "source", "日期", "date", "doi",
	"编者按", "編者按", "译者", "譯者", "出处", "出處", "发布时间",
	"發佈時間", "发表时间", "原文标题", "翻译", "編譯", "编译",
	"编辑", "編輯", "审校", "審校", "校对", "本文编辑", "文字编辑",
	"published", "publisher", "citation", "cite", "affiliation",
	"translator", "editor", "received", "accepted", "funding",
	"jel classification", "jel", "分类号", "文献标志码", NULL
};

/* What kind of label a word is, compared without spaces and case. */
static enum kw_kind
keywords_label_kind(const char *s, size_t n)
{
	char		 w[128];
	size_t		 i, k = 0;
	const char	*const *p;

	for (i = 0; i < n && k <= KW_WORD_MAX; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if ((unsigned char)s[i] == 0xe3 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80) {
			i += 2;		/* U+3000 */
			continue;
		}
		w[k++] = s[i];
	}
	/* longer than any label word (none has 20 bytes) */
	if (i < n || k == 0 || k > KW_WORD_MAX)
		return KW_NONE;
	w[k] = '\0';
	for (p = keywords_words; *p != NULL; p++) {
		char	 x[64];
		size_t	 j, m = 0;

		/* the first letters differ: no need to compare the rest */
		if (tolower((unsigned char)w[0]) !=
		    tolower((unsigned char)(*p)[0]))
			continue;
		for (j = 0; (*p)[j] != '\0' && m + 1 < sizeof x; j++)
			if ((*p)[j] != ' ')
				x[m++] = (*p)[j];
		x[m] = '\0';
		if (strcasecmp(w, x) == 0)
			return KW_KEYWORDS;
	}
	for (p = headwords; *p != NULL; p++)
		if (tolower((unsigned char)w[0]) ==
		    tolower((unsigned char)(*p)[0]) && strcasecmp(w, *p) == 0)
			return KW_HEADWORD;
	for (p = metawords; *p != NULL; p++)
		if (tolower((unsigned char)w[0]) ==
		    tolower((unsigned char)(*p)[0]) && strcasecmp(w, *p) == 0)
			return KW_META;
	return KW_NONE;
}

/*
 * The first w of length wl in s..n, as memmem finds it: in the few bytes
 * searched here, a memchr for its lead byte costs less than memmem's setup.
 */
static const char *
keywords_find(const char *s, size_t n, const char *w, size_t wl)
{
	const char	*p, *e = s + n;

	for (p = s; p + wl <= e; p++) {
		p = memchr(p, w[0], (size_t)(e - p) - wl + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, w, wl) == 0)
			return p;
	}
	return NULL;
}

/* A label "A/B" is known when either side is. */
static enum kw_kind
keywords_slashed_kind(const char *s, size_t n)
{
	const char	*sl;
	enum kw_kind	 k;

	k = keywords_label_kind(s, n);
	if (k != KW_NONE)
		return k;
	sl = memchr(s, '/', n);
	if (sl == NULL)
		return KW_NONE;
	k = keywords_label_kind(sl + 1, n - (size_t)(sl + 1 - s));
	if (k != KW_NONE)
		return k;
	return keywords_label_kind(s, (size_t)(sl - s));
}

/* A bracketed label at the start: 【X】, 〔X〕, [X], ［X］, (X：v). */
static size_t
keywords_bracket(const char *s, size_t n, enum kw_kind *kind)
{
	static const char *const pairs[][2] = {
		{ "【", "】" }, { "〔", "〕" }, { "[", "]" }, { "［", "］" },
		{ "（", "）" }, { "(", ")" }, { "〖", "〗" },
	};
	size_t		 i, ol, cl, in, lab;
	const char	*close, *colon;

	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		ol = strlen(pairs[i][0]);
		cl = strlen(pairs[i][1]);
		if (n <= ol || memcmp(s, pairs[i][0], ol) != 0)
			continue;
		/* a close past byte 90 is none: look no further */
		close = keywords_find(s + ol, n - ol < 90 - ol + cl ? n - ol :
		    90 - ol + cl, pairs[i][1], cl);
		if (close == NULL || close - s > 90)
			return 0;
		in = (size_t)(close - (s + ol));
		lab = in;
		colon = memchr(s + ol, ':', in);
		if (colon == NULL)
			colon = keywords_find(s + ol, in, "：", 3);
		if (colon != NULL)
			lab = (size_t)(colon - (s + ol));
		*kind = keywords_slashed_kind(s + ol, lab);
		if ((i == 4 || i == 5) && colon == NULL)
			*kind = KW_NONE;	/* (一) is a heading */
		if (*kind == KW_NONE && i == 0 &&
		    (size_t)(close - s) + cl == n)
			*kind = KW_META;	/* a whole 【…】 line */
		if (*kind == KW_NONE)
			return 0;
		return (size_t)(close - s) + cl;
	}
	return 0;
}

/* A label followed by a colon at the start: 摘要: , 作者/Author(s): . */
static size_t
keywords_colon(const char *s, size_t n, enum kw_kind *kind)
{
	const char	*c1, *c2, *c;
	size_t		 cl;

	c1 = memchr(s, ':', n < 60 ? n : 60);
	c2 = keywords_find(s, n < 60 ? n : 60, "：", 3);
	if (c1 == NULL && c2 == NULL)
		return 0;
	if (c1 == NULL || (c2 != NULL && c2 < c1)) {
		c = c2;
		cl = 3;
	} else {
		c = c1;
		cl = 1;
	}
	*kind = keywords_slashed_kind(s, (size_t)(c - s));
	if (*kind == KW_NONE)
		return 0;
	return (size_t)(c - s) + cl;
}

/* The label a paragraph opens with: bracketed, before a colon, or alone. */
static size_t
keywords_label(const char *s, size_t n, enum kw_kind *kind)
{
	size_t	l;

	*kind = KW_NONE;
	if ((l = keywords_bracket(s, n, kind)) != 0)
		return l;
	if ((l = keywords_colon(s, n, kind)) != 0)
		return l;
	/* a label alone on its line: "Keywords", "摘 要" */
	if (n <= 40 && (*kind = keywords_slashed_kind(s, n)) != KW_NONE)
		return n;
	return 0;
}

/* Keyword separators; spaces only when the list has no other. */
static int
keywords_is_sep(uint32_t c, int spaces)
{
	if (c == 0xff1b || c == ';' || c == 0x3001 || c == ',' ||
	    c == 0xff0c)
		return 1;
	return spaces && recover_is_space(c);
}

/* Split a keyword value on ；;、,， (or on spaces when it has none). */
static void
keywords_split(struct doc *d, int bi, const char *s, size_t n)
{
	char		**words = NULL;
	size_t		  i, l, start, wl, nw = 0, cap = 0;
	uint32_t	  c;
	int		  spaces = 1, han = 0;
	const char	 *w;

	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (keywords_is_sep(c, 0))
			spaces = 0;
		if (recover_is_han(c))
			han = 1;
	}
	if (!han)
		spaces = 0;	/* "Great Power Competition" is one word */
	start = 0;
	for (i = 0; i <= n; i += l) {
		l = 1;
		c = 0;
		if (i < n)
			l = text_next(s + i, n - i, &c);
		if (i < n && !keywords_is_sep(c, spaces))
			continue;
		wl = i - start;
		w = recover_trim(s + start, &wl);
		while (wl > 0 && (w[wl - 1] == '.' || w[wl - 1] == ' '))
			wl--;
		if (wl >= 3 && memcmp(w + wl - 3, "。", 3) == 0)
			wl -= 3;
		if (wl > 0) {
			if (nw == cap) {
				cap = cap ? cap * 2 : 8;
				words = xreallocarray(words, cap,
				    sizeof *words);
			}
			words[nw++] = xstrndup(w, wl);
		}
		start = i + l;
	}
	if (nw > 0)
		doc_add_keywords(d, d->blocks[bi].line, bi, words, (int)nw);
	else
		free(words);
}

/*
 * A short line with no sentence end that may continue a labelled one (a
 * wrapped affiliation).
 */
static int
keywords_continues(const struct doc *d, int bi)
{
	const struct block	*b = &d->blocks[bi];

	return b->type == BLOCK_PARA && !(b->flags & BLOCK_LISTITEM) &&
	    doc_in_flow(d, bi) && !recover_nchars_over(doc_text(d,
	    b->text_off), b->text_len, 60) &&
	    !recover_block_ends_sentence(d, bi);
}

/*
 * Block bi's text without its spaces around; a length past KW_FAR may keep
 * the trailing ones (keywords_label reads the same of any such length),
 * so a long paragraph's end, a cache miss, is read only when the
 * character at KW_FAR is a space that may run to it.
 */
static const char *
keywords_text(const struct doc *d, int bi, size_t *np)
{
	const struct block	*b = &d->blocks[bi];
	const char		*s = doc_text(d, b->text_off);
	size_t			 n = b->text_len, l, k;
	uint32_t		 c;

	while (n > 0 && (l = text_next(s, n, &c)) > 0 &&
	    recover_is_space(c)) {
		s += l;
		n -= l;
	}
	if (n > KW_FAR + 4) {
		/* the start of the character holding byte KW_FAR */
		for (k = KW_FAR; k > KW_FAR - 3 &&
		    ((unsigned char)s[k] & 0xc0) == 0x80; k--)
			;
		text_next(s + k, n - k, &c);
		if (!recover_is_space(c)) {
			*np = n;
			return s;
		}
	}
	*np = n;
	return recover_trim(s, np);
}

/*
 * The label of each paragraph, for blocks from to to, and which blocks
 * are META already: the text does not change in the pass, only the types.
 */
static void
keywords_map(void *arg, size_t from, size_t to)
{
	struct kw_map		*m = arg;
	const struct doc	*d = m->d;
	const struct block	*b;
	const char		*s;
	size_t			 i, n;
	enum kw_kind		 kind;

	for (i = from; i < to; i++) {
		/* the text is read where no cache holds it: ask for it early */
		if (i + KW_AHEAD < to) {
			b = &d->blocks[i + KW_AHEAD];
			__builtin_prefetch(doc_text(d, b->text_off));
			if (b->text_len > KW_FAR)
				__builtin_prefetch(doc_text(d, b->text_off +
				    KW_FAR));
		}
		b = &d->blocks[i];
		m->meta[i] = b->type == BLOCK_META;
		if (b->type != BLOCK_PARA || (b->flags & BLOCK_LISTITEM))
			continue;
		s = keywords_text(d, (int)i, &n);
		m->label[i] = (uint32_t)keywords_label(s, n, &kind);
		m->kind[i] = (unsigned char)kind;
	}
}

/* Retype labelled paragraphs to META and collect keyword lists. */
void
keywords_recover(struct doc *d)
{
	struct block	*b;
	struct kw_map	 m;
	const char	*s, *v;
	size_t		 i, n, l, vn;
	enum kw_kind	 kind;
	int		 p, q, k;

	m.d = d;
	m.label = xcalloc(d->nblocks + 1, sizeof *m.label);
	m.kind = xcalloc(d->nblocks + 1, 1);
	m.meta = xcalloc(d->nblocks + 1, 1);
	recover_par(d->nblocks, keywords_map, &m);
	for (i = 0; i < d->nblocks; i++) {
		/* the few labelled ones: most blocks are not read again */
		l = m.label[i];
		kind = (enum kw_kind)m.kind[i];
		if (l == 0 || kind == KW_NONE)
			continue;
		b = &d->blocks[i];
		if (b->type != BLOCK_PARA || (b->flags & BLOCK_LISTITEM))
			continue;
		n = b->text_len;
		s = recover_trim(doc_text(d, b->text_off), &n);
		vn = n - l;
		v = recover_trim(s + l, &vn);
		if (kind == KW_HEADWORD && vn == 0)
			continue;	/* "摘要:" alone: a section heading */
		b->type = BLOCK_META;
		m.meta[i] = 1;
		if (kind == KW_KEYWORDS && vn == 0) {
			/* "Keywords" alone: the list is the next paragraph */
			q = recover_next_flow(d, (int)i);
			if (q < 0 || d->blocks[q].type != BLOCK_PARA ||
			    recover_nchars_over(doc_text(d,
			    d->blocks[q].text_off), d->blocks[q].text_len, 200))
				continue;
			d->blocks[q].type = BLOCK_META;
			m.meta[q] = 1;
			vn = d->blocks[q].text_len;
			v = recover_trim(doc_text(d, d->blocks[q].text_off),
			    &vn);
			keywords_split(d, q, v, vn);
		} else if (kind == KW_KEYWORDS)
			keywords_split(d, (int)i, v, vn);
	}
	/*
	 * Up to three short lines between labelled ones continue them: the
	 * lines right after a META block in the flow, the only ones read.
	 * (Those made META here are followed by META blocks.)
	 */
	for (i = 0; i < d->nblocks; i++) {
		if (!m.meta[i] || !doc_in_flow(d, (int)i))
			continue;
		p = recover_next_flow(d, (int)i);
		if (p < 0 || !keywords_continues(d, p))
			continue;
		q = p;
		for (k = 0; k < 3 && q >= 0 && keywords_continues(d, q); k++)
			q = recover_next_flow(d, q);
		if (q < 0 || d->blocks[q].type != BLOCK_META)
			continue;
		for (q = p; d->blocks[q].type != BLOCK_META;
		    q = recover_next_flow(d, q))
			d->blocks[q].type = BLOCK_META;
	}
	free(m.label);
	free(m.kind);
	free(m.meta);
}
