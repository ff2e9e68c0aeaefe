/* Outline recovery: headings from numbering and section words, their levels, and articles. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/outline.h"
#include "scholia/source.h"

#define OUTLINE_MAX_HAN		50	/* characters of a CJK heading line */
#define OUTLINE_MAX_LATIN	120

struct outline_ctx {
	struct doc	*d;
	int		 has_cn;	/* 一、 or （一） numbering is used */
	int		 has_cap;	/* 壹、 sits above 一、 */
	int		 has_roman;
	int		 has_chapter;
};

static size_t	outline_lit(const char *, size_t, const char *);
static size_t	outline_cnnum(const char *, size_t);
static size_t	outline_capnum(const char *, size_t);
static size_t	outline_digits(const char *, size_t);
static size_t	outline_spaces(const char *, size_t);
static int	outline_title_ok(const char *, size_t);
static int	outline_is_unit(uint32_t);
static enum outline_kind outline_word(const char *, size_t);
static int	outline_level(const struct outline_ctx *, enum outline_kind);
static int	outline_para_shape(const struct doc *, int, struct buf *);
static int	outline_unnumbered(const struct doc *, int);
static void	outline_add(struct doc *, int, int);
static void	outline_runin(struct doc *, int);
static void	outline_articles(struct doc *);
static int	outline_listy(enum outline_kind);
static void	outline_norm(const char *, size_t, struct buf *);
static void	outline_contents(struct doc *);

static const char *const outline_words[] = {
	"引言", "导言", "導言", "导论", "導論", "前言", "绪论", "緒論", "序言",
	"结论", "結論", "结语", "結語", "余论", "餘論", "小结", "小結",
	"结束语", "結束語", "参考文献", "參考文獻", "注释", "註釋", "附录",
	"附錄", "致谢", "致謝", "后记", "後記", "结论与讨论", "讨论",
	"introduction", "conclusion", "conclusions", "references",
	"bibliography", "acknowledgements", "acknowledgments", "appendix",
	"notes", "discussion", "concluding remarks", NULL
};
static const char *const outline_abstracts[] = {
	"摘要", "提要", "内容提要", "內容提要", "内容摘要", "abstract",
	"summary", "executive summary", NULL
};

/* Bytes of literal lit at s, 0 if s does not start with it. */
static size_t
outline_lit(const char *s, size_t n, const char *lit)
{
	size_t	l = strlen(lit);

	return n >= l && memcmp(s, lit, l) == 0 ? l : 0;
}

/* Bytes of a run of Chinese numerals (一 … 十, 百, 零) at s. */
static size_t
outline_cnnum(const char *s, size_t n)
{
	static const char *const nums[] = {
		"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
		"百", "零", "〇", "两", NULL
	};
	size_t	i = 0, k, cnt = 0;
	int	j, hit;

	for (;;) {
		hit = 0;
		for (j = 0; nums[j] != NULL; j++)
			if ((k = outline_lit(s + i, n - i, nums[j])) != 0) {
				i += k;
				hit = 1;
				break;
			}
		if (!hit || ++cnt > 4)
			break;
	}
	return cnt > 4 ? 0 : i;
}

/* Bytes of one capital numeral (壹 貳 參 …) at s. */
static size_t
outline_capnum(const char *s, size_t n)
{
	static const char *const caps[] = {
		"壹", "貳", "贰", "參", "叁", "叄", "肆", "伍", "陸", "陆",
		"柒", "捌", "玖", "拾", NULL
	};
	size_t	k;
	int	j;

	for (j = 0; caps[j] != NULL; j++)
		if ((k = outline_lit(s, n, caps[j])) != 0)
			return k;
	return 0;
}

static size_t
outline_digits(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

static size_t
outline_spaces(const char *s, size_t n)
{
	size_t		i = 0, l;
	uint32_t	c;

	while (i < n) {
		l = recover_decode(s + i, n - i, &c);
		if (!recover_is_space(c))
			break;
		i += l;
	}
	return i;
}

/* The title after a number must be words, not a number or a sentence tail. */
static int
outline_title_ok(const char *s, size_t n)
{
	uint32_t	c;

	if (n == 0)
		return 0;
	recover_decode(s, n, &c);
	if ((c >= '0' && c <= '9') || c == '%' || c == '.' || c == ',' ||
	    c == 0xff0c || c == 0x3001 || c == 0x3002 || c == ')' ||
	    c == 0xff09)
		return 0;
	return 1;
}

/* A measure word after a number: 1.5亿, 2.3万 are amounts. */
static int
outline_is_unit(uint32_t c)
{
	static const char units[] = "亿万千百十年月日倍个元美吨米项次号时岁人家成折";
	char		u[8];
	size_t		l;

	l = 0;
	if (c < 0x800 || c > 0xffff)
		return 0;
	u[l++] = (char)(0xe0 | (c >> 12));
	u[l++] = (char)(0x80 | ((c >> 6) & 0x3f));
	u[l++] = (char)(0x80 | (c & 0x3f));
	u[l] = '\0';
	return strstr(units, u) != NULL;
}

/* A section word alone on the line: 引言, 结 语, Summary: . */
static enum outline_kind
outline_word(const char *s, size_t n)
{
	char		 w[96];
	size_t		 i, k = 0, l;
	uint32_t	 c;
	const char	*const *p;

	for (i = 0; i < n; i += l) {
		l = recover_decode(s + i, n - i, &c);
		if (recover_is_space(c) && k > 0 && w[k - 1] >= 'A' &&
		    i + l < n && (unsigned char)s[i + l] < 0x80) {
			if (k + 1 >= sizeof w)
				return OUTLINE_NONE;
			w[k++] = ' ';	/* keep "Concluding Remarks" apart */
			continue;
		}
		if (recover_is_space(c) || c == '*' || c == '#')
			continue;
		if ((c == ':' || c == 0xff1a) && i + l == n)
			break;
		if (k + l >= sizeof w)
			return OUTLINE_NONE;
		memcpy(w + k, s + i, l);
		k += l;
	}
	w[k] = '\0';
	if (k == 0)
		return OUTLINE_NONE;
	for (p = outline_words; *p != NULL; p++)
		if (strcasecmp(w, *p) == 0)
			return OUTLINE_WORD;
	for (p = outline_abstracts; *p != NULL; p++)
		if (strcasecmp(w, *p) == 0)
			return OUTLINE_ABSTRACT;
	return OUTLINE_NONE;
}

enum outline_kind
outline_kind(const char *s, size_t n)
{
	size_t		k, m, sp;
	uint32_t	c;
	enum outline_kind w;

	s = recover_trim(s, &n);
	if (n == 0)
		return OUTLINE_NONE;
	if ((w = outline_word(s, n)) != OUTLINE_NONE)
		return w;
	/* 壹、 title */
	if ((k = outline_capnum(s, n)) != 0) {
		if ((m = outline_lit(s + k, n - k, "、")) == 0 &&
		    (m = outline_lit(s + k, n - k, "．")) == 0 &&
		    (m = outline_spaces(s + k, n - k)) == 0)
			return OUTLINE_NONE;
		k += m;
		k += outline_spaces(s + k, n - k);
		return outline_title_ok(s + k, n - k) ? OUTLINE_CN0 :
		    OUTLINE_NONE;
	}
	/* 一、 title; 一 title */
	if ((k = outline_cnnum(s, n)) != 0) {
		if ((m = outline_lit(s + k, n - k, "、")) != 0 ||
		    (m = outline_lit(s + k, n - k, "．")) != 0 ||
		    (m = outline_lit(s + k, n - k, ".")) != 0) {
			/* "四、2026年…" may start with a year */
			k += m;
			k += outline_spaces(s + k, n - k);
			return k < n ? OUTLINE_CN1 : OUTLINE_NONE;
		}
		if ((m = outline_spaces(s + k, n - k)) == 0)
			return OUTLINE_NONE;
		k += m;
		return outline_title_ok(s + k, n - k) ? OUTLINE_CN1 :
		    OUTLINE_NONE;
	}
	/* 第一章, 第一节 */
	if ((k = outline_lit(s, n, "第")) != 0) {
		m = outline_cnnum(s + k, n - k);
		if (m == 0)
			m = outline_digits(s + k, n - k);
		if (m == 0)
			return OUTLINE_NONE;
		k += m;
		k += outline_spaces(s + k, n - k);
		if (outline_lit(s + k, n - k, "章") ||
		    outline_lit(s + k, n - k, "编") ||
		    outline_lit(s + k, n - k, "編") ||
		    outline_lit(s + k, n - k, "篇") ||
		    outline_lit(s + k, n - k, "部分"))
			return OUTLINE_CHAPTER;
		if (outline_lit(s + k, n - k, "节") ||
		    outline_lit(s + k, n - k, "節"))
			return OUTLINE_SECTION;
		return OUTLINE_NONE;
	}
	/* （一）, (一), （1）, (1) */
	if ((k = outline_lit(s, n, "（")) != 0 || (k = outline_lit(s, n, "("))) {
		enum outline_kind kind = OUTLINE_CN2;

		k += outline_spaces(s + k, n - k);
		if ((m = outline_cnnum(s + k, n - k)) == 0) {
			m = outline_digits(s + k, n - k);
			if (m == 0 || m > 2)
				return OUTLINE_NONE;
			kind = OUTLINE_PAREN_AR;
		}
		k += m;
		k += outline_spaces(s + k, n - k);
		if ((m = outline_lit(s + k, n - k, "）")) == 0 &&
		    (m = outline_lit(s + k, n - k, ")")) == 0)
			return OUTLINE_NONE;
		k += m;
		k += outline_spaces(s + k, n - k);
		return outline_title_ok(s + k, n - k) ? kind : OUTLINE_NONE;
	}
	/* 1. title, 1.1 title, 1.1.1 title, 1 Introduction */
	if ((k = outline_digits(s, n)) != 0) {
		enum outline_kind kind = OUTLINE_AR1;

		if (k > 2)
			return OUTLINE_NONE;
		if (k < n && s[k] == '.' && k + 1 < n &&
		    s[k + 1] >= '0' && s[k + 1] <= '9') {
			k++;
			m = outline_digits(s + k, n - k);
			if (m > 2 || s[k] == '0')
				return OUTLINE_NONE;	/* 2.0 is a version */
			k += m;
			kind = OUTLINE_AR2;
			if (k + 1 < n && s[k] == '.' && s[k + 1] >= '0' &&
			    s[k + 1] <= '9') {
				k++;
				m = outline_digits(s + k, n - k);
				if (m > 2)
					return OUTLINE_NONE;
				k += m;
				kind = OUTLINE_AR3;
			}
			if (k < n && s[k] == '.')
				k++;
			sp = outline_spaces(s + k, n - k);
			recover_decode(s + k + sp, n - k - sp, &c);
			if (sp == 0 && (!recover_is_han(c) ||
			    outline_is_unit(c)))
				return OUTLINE_NONE;	/* 1.5亿 */
			k += sp;
			return outline_title_ok(s + k, n - k) ? kind :
			    OUTLINE_NONE;
		}
		if ((m = outline_lit(s + k, n - k, ".")) != 0 ||
		    (m = outline_lit(s + k, n - k, "．")) != 0 ||
		    (m = outline_lit(s + k, n - k, "、")) != 0) {
			k += m;
			k += outline_spaces(s + k, n - k);
			return outline_title_ok(s + k, n - k) ? kind :
			    OUTLINE_NONE;
		}
		sp = outline_spaces(s + k, n - k);
		if (sp > 0 && k + sp < n && s[k + sp] >= 'A' &&
		    s[k + sp] <= 'Z')
			return kind;	/* "1 Introduction" */
		return OUTLINE_NONE;
	}
	/* I. II. IV. */
	for (k = 0; k < n && k < 5 && strchr("IVX", s[k]) != NULL; k++)
		;
	if (k > 0 && k < n && (s[k] == '.' || outline_lit(s + k, n - k,
	    "、"))) {
		k += s[k] == '.' ? 1 : 3;
		sp = outline_spaces(s + k, n - k);
		if ((sp > 0 || s[k - 1] != '.') && k + sp < n &&
		    outline_title_ok(s + k + sp, n - k - sp))
			return OUTLINE_ROMAN;
	}
	return OUTLINE_NONE;
}

/*
 * Whether a block has the shape of a heading line: a paragraph alone on
 * its line, short, not a sentence. Its plain text is left in out.
 */
static int
outline_para_shape(const struct doc *d, int bi, struct buf *out)
{
	const struct block	*b = &d->blocks[bi];
	size_t			 nch, lim, l;
	uint32_t		 c, last = 0;
	int			 han = 0;

	if (b->type != BLOCK_PARA || !doc_in_flow(d, bi) ||
	    (b->flags & BLOCK_LISTITEM) || b->quote_depth > 0 ||
	    b->list_depth > 0)
		return 0;
	if (d->source != NULL && !d->markdown && b->end_line > b->line)
		return 0;
	buf_reset(out);
	recover_block_plain(d, bi, out);
	if (out->len == 0)
		return 0;
	for (l = 0; l < out->len;) {
		size_t k = recover_decode(out->data + l, out->len - l, &c);

		if (recover_is_han(c))
			han = 1;
		if (c == 0x3002 || c == 0xff1b)
			return 0;	/* a sentence */
		l += k;
	}
	nch = recover_nchars(out->data, out->len);
	lim = han ? OUTLINE_MAX_HAN : OUTLINE_MAX_LATIN;
	if (nch > lim)
		return 0;
	recover_decode_last(out->data, out->len, &last);
	if (last == 0xff0c || last == ',' || last == 0x3001 || last == ';' ||
	    last == 0x3002 || (last == '.' && han))
		return 0;
	return 1;
}

enum outline_kind
outline_block_kind(const struct doc *d, int bi)
{
	struct buf		plain = { 0 };
	enum outline_kind	k = OUTLINE_NONE;
	uint32_t		last = 0;

	if (outline_para_shape(d, bi, &plain)) {
		k = outline_kind(plain.data, plain.len);
		recover_decode_last(plain.data, plain.len, &last);
		if ((last == ':' || last == 0xff1a) && k != OUTLINE_WORD &&
		    k != OUTLINE_ABSTRACT)
			k = OUTLINE_NONE;
		if (k == OUTLINE_PAREN_AR && recover_nchars(plain.data,
		    plain.len) > 30)
			k = OUTLINE_NONE;	/* an enumerated sentence */
		if (last >= '0' && last <= '9' && (memmem(plain.data,
		    plain.len, "…", 3) != NULL || memmem(plain.data,
		    plain.len, "..", 2) != NULL || memmem(plain.data,
		    plain.len, "··", 4) != NULL))
			k = OUTLINE_NONE;	/* a contents line: "一、引言……1" */
	}
	buf_free(&plain);
	return k;
}

/* Level of a numbering kind, as the contract in DESIGN.md fixes it. */
static int
outline_level(const struct outline_ctx *c, enum outline_kind k)
{
	int	cap = c->has_cap;	/* 壹、 pushes the rest down one */

	switch (k) {
	case OUTLINE_CN0:
	case OUTLINE_WORD:
	case OUTLINE_ABSTRACT:
	case OUTLINE_CHAPTER:
	case OUTLINE_ROMAN:
		return 2;
	case OUTLINE_CN1:
		return 2 + cap;
	case OUTLINE_CN2:
		return 3 + cap;
	case OUTLINE_SECTION:
		return c->has_chapter ? 3 : 2;
	case OUTLINE_AR1:
		return c->has_cn ? 4 + cap : c->has_roman ? 3 : 2;
	case OUTLINE_AR2:
		return c->has_cn ? 5 + cap : c->has_roman ? 4 : 3;
	case OUTLINE_AR3:
		return c->has_cn ? 6 + cap : c->has_roman ? 5 : 4;
	case OUTLINE_PAREN_AR:
		return c->has_cn ? 5 + cap : 3;
	default:
		return 2;
	}
}

/*
 * An unnumbered heading of a paper without numbering: a short line between
 * longer paragraphs, with the body or a list right after it.
 */
static int
outline_unnumbered(const struct doc *d, int bi)
{
	struct buf	 plain = { 0 };
	const struct block *nb;
	size_t		 nch, nnext, l;
	uint32_t	 c, last = 0;
	int		 next, han = 0, ok = 0;

	if (!outline_para_shape(d, bi, &plain))
		goto out;
	nch = recover_nchars(plain.data, plain.len);
	for (l = 0; l < plain.len;) {
		size_t k = recover_decode(plain.data + l, plain.len - l, &c);

		if (recover_is_han(c))
			han = 1;
		if (han && (c == 0xff0c || c == ','))
			goto out;
		l += k;
	}
	if (nch > (han ? 30u : 80u) || nch < 2)
		goto out;
	recover_decode_last(plain.data, plain.len, &last);
	if (recover_is_final(last) && last != '?' && last != 0xff1f)
		goto out;
	if (last == ':' || last == 0xff1a || last == 0x2014)
		goto out;
	next = recover_next_flow(d, bi);
	if (next < 0)
		goto out;
	nb = &d->blocks[next];
	if (nb->flags & BLOCK_LISTITEM) {
		ok = 1;
		goto out;
	}
	if (nb->type != BLOCK_PARA)
		goto out;
	nnext = recover_nchars(doc_text(d, nb->text_off), nb->text_len);
	ok = nnext >= 2 * nch && nnext >= 40;
out:
	buf_free(&plain);
	return ok;
}

/* Numberings that plain lists use too. */
static int
outline_listy(enum outline_kind k)
{
	return k == OUTLINE_AR1 || k == OUTLINE_AR2 || k == OUTLINE_PAREN_AR ||
	    k == OUTLINE_CN1 || k == OUTLINE_CN2;
}

/* Record block bi as a heading of this level, titled by its plain text. */
static void
outline_add(struct doc *d, int bi, int level)
{
	struct buf	plain = { 0 };

	recover_block_plain(d, bi, &plain);
	doc_add_heading(d, level, d->blocks[bi].line, bi,
	    plain.data != NULL ? plain.data : "");
	buf_free(&plain);
}

/* A bold head run into its paragraph ("**再次，…。**正文") is styled as one. */
static void
outline_runin(struct doc *d, int bi)
{
	struct block	*b = &d->blocks[bi];
	struct span	*sp;

	if (b->type != BLOCK_PARA || b->span_count < 2)
		return;
	sp = &d->spans[b->span_first];
	if ((sp->flags & SPAN_STRONG) && !(sp->flags & SPAN_REF) &&
	    recover_nchars(doc_text(d, sp->off), sp->len) <= 60)
		sp->flags |= SPAN_HEADING;
}

/* Split the doc into articles at level-1 headings; tag blocks and notes. */
static void
outline_articles(struct doc *d)
{
	size_t	i;
	int	cur = -1, a, first_flow = -1;

	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (first_flow < 0 && doc_in_flow(d, (int)i))
			first_flow = (int)i;
		if (b->type == BLOCK_HEADING && b->heading >= 0 &&
		    d->headings[b->heading].level == 1) {
			a = doc_add_article(d, d->headings[b->heading].title,
			    b->line, (int)i);
			d->articles[a].heading = b->heading;
			if (cur < 0 && a == 0)
				d->articles[a].first_block = 0;
			cur = a;
		}
		if (cur >= 0) {
			b->article = cur;
			d->articles[cur].last_block = (int)i;
		}
	}
	if (d->narticles == 0 && d->nblocks > 0) {
		struct buf plain = { 0 };

		if (d->nheadings > 0)
			buf_puts(&plain, d->headings[0].title);
		a = doc_add_article(d, plain.data != NULL ? plain.data : "",
		    first_flow >= 0 ? d->blocks[first_flow].line : 1, 0);
		buf_free(&plain);
		d->articles[a].last_block = (int)d->nblocks - 1;
	}
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].article < 0)
			d->blocks[i].article = 0;
	for (i = 0; i < d->nnotes; i++)
		if (d->notes[i].block >= 0)
			d->notes[i].article = d->blocks[d->notes[i].block].article;
	for (i = 0; i < d->nheadings; i++)
		if (d->headings[i].block >= 0)
			d->headings[i].article =
			    d->blocks[d->headings[i].block].article;
}

/* Letters, digits and ideographs only, lower case: what titles compare by. */
static void
outline_norm(const char *s, size_t n, struct buf *out)
{
	size_t		i, l;
	uint32_t	c;

	buf_reset(out);
	for (i = 0; i < n; i += l) {
		l = recover_decode(s + i, n - i, &c);
		if (c < 0x80) {
			if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
				buf_putc(out, (char)c);
			else if (c >= 'A' && c <= 'Z')
				buf_putc(out, (char)(c - 'A' + 'a'));
		} else if (recover_is_han(c))
			buf_append(out, s + i, l);
	}
}

/* A short line before an article that names it is its contents entry. */
static void
outline_contents(struct doc *d)
{
	struct buf	*titles, text = { 0 };
	size_t		 i, a, tn;

	if (d->narticles < 2 || d->narticles > 500)
		return;
	titles = xcalloc(d->narticles, sizeof *titles);
	for (a = 0; a < d->narticles; a++)
		outline_norm(d->articles[a].title,
		    strlen(d->articles[a].title), &titles[a]);
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (b->type != BLOCK_PARA || !doc_in_flow(d, (int)i))
			continue;
		outline_norm(doc_text(d, b->text_off), b->text_len, &text);
		for (a = 0; a < d->narticles; a++) {
			tn = titles[a].len;
			if ((size_t)d->articles[a].first_block <= i ||
			    recover_nchars(titles[a].data, tn) < 4 ||
			    text.len > 2 * tn + 60 ||
			    memmem(text.data, text.len, titles[a].data,
			    tn) == NULL)
				continue;
			b->entry_of = (int)a;
			break;
		}
	}
	buf_free(&text);
	for (a = 0; a < d->narticles; a++)
		buf_free(&titles[a]);
	free(titles);
}

void
outline_recover(struct doc *d)
{
	struct outline_ctx	 c;
	struct buf		 plain = { 0 };
	enum outline_kind	*kinds;
	char			*listed;
	size_t			 i;
	int			 first, numbered = 0, level, title = -1, prev;
	int			 under_abstract = 0;

	memset(&c, 0, sizeof c);
	c.d = d;
	kinds = xcalloc(d->nblocks + 1, sizeof *kinds);
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (!doc_in_flow(d, (int)i))
			continue;
		if (b->type == BLOCK_HEADING) {
			buf_reset(&plain);
			recover_block_plain(d, (int)i, &plain);
			kinds[i] = outline_kind(plain.data != NULL ?
			    plain.data : "", plain.len);
		} else
			kinds[i] = outline_block_kind(d, (int)i);
		if (kinds[i] == OUTLINE_CN1 || kinds[i] == OUTLINE_CN2 ||
		    kinds[i] == OUTLINE_CN0)
			c.has_cn = 1;
		if (kinds[i] == OUTLINE_CN0)
			c.has_cap = 1;
		if (kinds[i] == OUTLINE_ROMAN)
			c.has_roman = 1;
		if (kinds[i] == OUTLINE_CHAPTER)
			c.has_chapter = 1;
		if (kinds[i] != OUTLINE_NONE && kinds[i] != OUTLINE_WORD &&
		    kinds[i] != OUTLINE_ABSTRACT)
			numbered = 1;
	}

	/* numbered lines in a row with no text between are a list */
	listed = xcalloc(d->nblocks + 1, 1);
	for (i = 0; i < d->nblocks; i++) {
		int p, q;

		if (d->blocks[i].type != BLOCK_PARA ||
		    !outline_listy(kinds[i]))
			continue;
		p = recover_prev_flow(d, (int)i);
		q = recover_next_flow(d, (int)i);
		if ((p >= 0 && d->blocks[p].type == BLOCK_PARA &&
		    kinds[p] == kinds[i]) ||
		    (q >= 0 && d->blocks[q].type == BLOCK_PARA &&
		    kinds[q] == kinds[i]))
			listed[i] = 1;
	}
	for (i = 0; i < d->nblocks; i++)
		if (listed[i])
			kinds[i] = OUTLINE_NONE;
	free(listed);

	/* the title: an unnumbered first heading, or a short first line */
	first = -1;
	for (i = 0; i < d->nblocks; i++)
		if (doc_in_flow(d, (int)i)) {
			first = (int)i;
			break;
		}
	if (first >= 0 && kinds[first] == OUTLINE_NONE) {
		struct block *b = &d->blocks[first];

		buf_reset(&plain);
		if (b->type == BLOCK_HEADING)
			title = first;
		else if (outline_para_shape(d, first, &plain) &&
		    !recover_block_ends_sentence(d, first) &&
		    recover_next_flow(d, first) >= 0)
			title = first;
	}

	prev = -1;
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];
		const char *t;
		size_t n;

		if (!doc_in_flow(d, (int)i))
			continue;
		if (b->type == BLOCK_PARA)
			outline_runin(d, (int)i);
		level = 0;
		if ((int)i == title)
			level = 1;
		else if (kinds[i] != OUTLINE_NONE)
			level = outline_level(&c, kinds[i]);
		else if (b->type == BLOCK_HEADING) {
			level = b->level < 1 ? 1 : b->level > 6 ? 6 : b->level;
			buf_reset(&plain);
			recover_block_plain(d, (int)i, &plain);
			n = plain.len;
			t = plain.data != NULL ? plain.data : "";
			if (n == 0) {
				prev = (int)i;
				continue;
			}
			/* ——subtitle: part of the title above it */
			if (prev >= 0 && d->blocks[prev].type ==
			    BLOCK_HEADING && d->blocks[prev].level == 1 &&
			    (outline_lit(t, n, "——") || outline_lit(t, n,
			    "—") || outline_lit(t, n, "--"))) {
				b->level = 1;
				prev = (int)i;
				continue;
			}
		} else if (!numbered && outline_unnumbered(d, (int)i))
			level = under_abstract ? 3 : 2;
		if (level > 0) {
			if (kinds[i] == OUTLINE_ABSTRACT)
				under_abstract = 1;
			else if (level <= 2 && kinds[i] != OUTLINE_NONE)
				under_abstract = 0;
			outline_add(d, (int)i, level);
		}
		prev = (int)i;
	}
	buf_free(&plain);
	free(kinds);
	outline_articles(d);
	outline_contents(d);
}
