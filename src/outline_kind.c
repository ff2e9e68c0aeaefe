/* Reading one line as a heading: its numbering kind and its shape. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "outline_internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/outline.h"

static size_t	outline_cnnum(const char *, size_t);
static size_t	outline_capnum(const char *, size_t);
static size_t	outline_digits(const char *, size_t);
static size_t	outline_spaces(const char *, size_t);
static int	outline_title_ok(const char *, size_t);
static int	outline_is_unit(uint32_t);
static enum outline_kind outline_word(const char *, size_t);
static int	outline_has_stop(const struct doc *, int);
static int	outline_stop_in(const char *, size_t);
static int	outline_pieces_over(const struct doc *, int, size_t);

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
size_t
outline_lit(const char *s, size_t n, const char *lit)
{
	size_t	l;

	/* most differ at the first byte: no need to know the length */
	for (l = 0; lit[l] != '\0'; l++)
		if (l == n || s[l] != lit[l])
			return 0;
	return l;
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
		l = text_next(s + i, n - i, &c);
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
	text_next(s, n, &c);
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
	static const char units[] =
	    "亿万千百十年月日倍个元美吨米项次号时岁人家成折";
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

/*
 * A section word alone on the line: 引言, 结 语, Summary: . The longest
 * word has 18 bytes: a line that fills w is none, read no further.
 */
static enum outline_kind
outline_word(const char *s, size_t n)
{
	char		 w[32];
	size_t		 i, k = 0, l;
	uint32_t	 c;
	const char	*const *p;

	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
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
	/* a first letter that differs settles it without strcasecmp */
	for (p = outline_words; *p != NULL; p++)
		if (tolower((unsigned char)w[0]) ==
		    tolower((unsigned char)(*p)[0]) && strcasecmp(w, *p) == 0)
			return OUTLINE_WORD;
	for (p = outline_abstracts; *p != NULL; p++)
		if (tolower((unsigned char)w[0]) ==
		    tolower((unsigned char)(*p)[0]) && strcasecmp(w, *p) == 0)
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
	if ((k = outline_lit(s, n, "（")) != 0 ||
	    (k = outline_lit(s, n, "(")) != 0) {
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
			text_next(s + k + sp, n - k - sp, &c);
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

/* Whether the plain text of a block holds a 。 or a ；: a sentence. */
static int
outline_has_stop(const struct doc *d, int bi)
{
	const struct block	*b = &d->blocks[bi];
	const struct span	*sp;
	const char		*s;
	size_t			 i, n;

	for (i = 0; i < b->span_count || (i == 0 && b->span_count == 0);
	    i++) {
		if (b->span_count == 0) {
			s = doc_text(d, b->text_off);
			n = b->text_len;
		} else {
			sp = &d->spans[b->span_first + i];
			if (sp->flags & (SPAN_REF | SPAN_NOTELABEL))
				continue;
			s = doc_text(d, sp->off);
			n = sp->len;
		}
		if (outline_stop_in(s, n))
			return 1;
	}
	return 0;
}

/*
 * Whether s..n holds 。 (e3 80 82) or ； (ef bc 9b): a window whose last
 * byte is in neither, nor ends a prefix of one, moves on by three.
 */
static int
outline_stop_in(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 k;
	unsigned char		 c;

	for (k = 0; k + 2 < n;) {
		c = p[k + 2];
		if (c == 0x82 || c == 0x9b) {
			if ((p[k] == 0xe3 && p[k + 1] == 0x80 && c == 0x82) ||
			    (p[k] == 0xef && p[k + 1] == 0xbc && c == 0x9b))
				return 1;
			k += 3;
		} else if (c == 0x80 || c == 0xbc)
			k += 1;
		else if (c == 0xe3 || c == 0xef)
			k += 2;
		else
			k += 3;
	}
	return 0;
}

/*
 * Whether the plain text of a block with markers has more than lim
 * characters, with no copy: each of its pieces, trimmed, is all in it.
 */
static int
outline_pieces_over(const struct doc *d, int bi, size_t lim)
{
	const struct block	*b = &d->blocks[bi];
	const struct span	*sp;
	const char		*s;
	size_t			 i, n, sum = 0;

	for (i = 0; i < b->span_count; i++) {
		sp = &d->spans[b->span_first + i];
		if (sp->flags & (SPAN_REF | SPAN_NOTELABEL))
			continue;
		n = sp->len;
		s = recover_trim(doc_text(d, sp->off), &n);
		if (recover_nchars_over(s, n, lim - sum))
			return 1;
		sum += recover_nchars(s, n);
	}
	return 0;
}

/*
 * Whether a block has the shape of a heading line: a paragraph alone on
 * its line, short, not a sentence. If it has, its plain text is left in
 * out. A paragraph longer than any heading is known from its head: most
 * are read no further and never copied.
 */
int
outline_para_shape(const struct doc *d, int bi, struct buf *out)
{
	const struct block	*b = &d->blocks[bi];
	const char		*s;
	size_t			 n, nch, lim, l;
	uint32_t		 c, last = 0;
	int			 han = 0, copied = 0;

	if (b->type != BLOCK_PARA || !doc_in_flow(d, bi) ||
	    (b->flags & BLOCK_LISTITEM) || b->quote_depth > 0 ||
	    b->list_depth > 0)
		return 0;
	if (d->source != NULL && !d->markdown && b->end_line > b->line)
		return 0;
	buf_reset(out);
	if ((s = recover_block_plain_at(d, bi, &n)) == NULL) {
		/* the tests below, without a copy */
		if (outline_pieces_over(d, bi, OUTLINE_MAX_LATIN) ||
		    outline_has_stop(d, bi))
			return 0;
		recover_block_plain(d, bi, out);
		s = out->data;
		n = out->len;
		copied = 1;
	}
	if (n == 0 || recover_nchars_over(s, n, OUTLINE_MAX_LATIN))
		return 0;	/* over both limits */
	for (l = 0; l < n;) {
		size_t k = text_next(s + l, n - l, &c);

		if (recover_is_han(c))
			han = 1;
		if (c == 0x3002 || c == 0xff1b)
			return 0;	/* a sentence */
		l += k;
	}
	if (!copied && outline_has_stop(d, bi))
		return 0;	/* as the copy would have been spared */
	nch = recover_nchars(s, n);
	lim = han ? OUTLINE_MAX_HAN : OUTLINE_MAX_LATIN;
	if (nch > lim)
		return 0;
	recover_decode_last(s, n, &last);
	if (last == 0xff0c || last == ',' || last == 0x3001 || last == ';' ||
	    last == 0x3002 || last == '.')
		return 0;
	if (!copied)
		buf_append(out, s, n);
	return 1;
}

/* Colons end section words only; (1) sentences, contents lines are none. */
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
			k = OUTLINE_NONE;	/* contents: "一、引言……1" */
	}
	buf_free(&plain);
	return k;
}
