/* Plain-text parser: paragraphs, bullets and rules from unmarked text. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse_internal.h"
#include "scholia/doc.h"
#include "scholia/parse.h"
#include "scholia/source.h"

#define TEXT_WRAP_MAX	120	/* widest margin taken for hard wrapping */

/* One source line, trimmed. */
struct tline {
	size_t		 off;		/* first byte after the indentation */
	size_t		 len;		/* up to the trailing blanks */
	int		 line;		/* 1-based source line */
	int		 width;		/* display columns, roughly */
	int		 indent;	/* leading blanks (U+3000 counts 2) */
	int		 page;		/* a form feed precedes it */
	int		 bullet;	/* bytes of a bullet sign, or 0 */
	int		 hr;		/* a rule: ---, ***, ___ */
	int		 sentence_end;	/* ends in 。！？.!? and kin */
};

struct tstate {
	struct doc	*d;
	const char	*s;
	size_t		 n;
	struct tline	*lines;
	size_t		 nlines;
	size_t		 cap_lines;
	int		 wrap;		/* margin of hard-wrapped text, or 0 */
	struct inl	 inl;
};

static void	plain_split(struct tstate *);
static int	plain_bullet(const char *, size_t);
static void	plain_measure(struct tline *, const char *);
static int	plain_is_hr(const char *, size_t);
static int	plain_width(const char *, size_t);
static int	plain_wrap_margin(struct tstate *);
static int	plain_cmp_int(const void *, const void *);
static int	plain_joins(const struct tstate *, size_t);
static void	plain_inline(struct tstate *, const struct tline *);
static size_t	plain_url(const char *, size_t);
static int	plain_line_is_md(const char *, size_t, int *);

/* Whether the text reads as Markdown: structure only markup gives. */
int
parse_is_markdown(const char *s, size_t n)
{
	size_t	i = 0, e;
	int	score = 0, lists = 0, prev_text = 0;

	while (i < n && score < 12) {
		for (e = i; e < n && s[e] != '\n'; e++)
			;
		score += plain_line_is_md(s + i, e - i, &lists);
		if (prev_text && e > i && (s[i] == '=' || s[i] == '-')) {
			size_t k = i;

			while (k < e && s[k] == s[i])
				k++;
			while (k < e && s[k] == ' ')
				k++;
			if (k == e && k - i >= 3)	/* setext underline */
				score += s[i] == '=' ? 2 : 1;
		}
		prev_text = e > i && s[i] != ' ' && s[i] != '=' &&
		    s[i] != '-';
		i = e + 1;
	}
	if (lists >= 3)
		score += 2;
	return score >= 4;
}

/* Markdown evidence in one line: headings, <sup>, bold, links, tables. */
static int
plain_line_is_md(const char *s, size_t n, int *lists)
{
	size_t	k = 0, j;
	int	score = 0;
	char	*p;

	while (k < n && k < 6 && s[k] == '#')
		k++;
	if (k > 0 && k < n && s[k] == ' ')
		score += 3;
	if (n >= 3 && memcmp(s, "```", 3) == 0)
		score += 2;
	if (n >= 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ')
		(*lists)++;
	if (n >= 3 && (s[0] == '|' || s[0] == ':' || s[0] == '-')) {
		for (j = 0; j < n && strchr("|:- ", s[j]) != NULL; j++)
			;
		if (j == n && memchr(s, '|', n) != NULL &&
		    memmem(s, n, "---", 3) != NULL)
			score += 3;
	}
	if (memmem(s, n, "<sup>", 5) != NULL)
		score += 3;
	if ((p = memmem(s, n, "**", 2)) != NULL &&
	    p + 2 < s + n && p[2] != ' ' && p[2] != '*' &&
	    memmem(p + 2, (size_t)(s + n - p - 2), "**", 2) != NULL)
		score += 2;
	if ((p = memmem(s, n, "](", 2)) != NULL && memchr(s, '[', n) != NULL &&
	    memchr(p, ')', (size_t)(s + n - p)) != NULL)
		score += 2;
	return score;
}

int
parse_text(struct doc *d, char **cause)
{
	struct tstate	 st;
	struct tline	*l;
	size_t		 i, j;
	int		 bi, prev_item = 0, prev_end = 0;

	(void)cause;
	memset(&st, 0, sizeof st);
	st.d = d;
	st.s = d->source->text;
	st.n = d->source->len;
	plain_split(&st);
	st.wrap = plain_wrap_margin(&st);
	inl_init(&st.inl, d);
	for (i = 0; i < st.nlines; i = j) {
		l = &st.lines[i];
		j = i + 1;
		if (l->len == 0)
			continue;
		if (l->hr) {
			bi = doc_begin_block(d, BLOCK_HR, l->line);
			if (l->page)
				d->blocks[bi].flags |= BLOCK_PAGEBREAK;
			doc_end_block(d, l->line);
			prev_item = 0;
			continue;
		}
		while (j < st.nlines && plain_joins(&st, j - 1))
			j++;
		bi = doc_begin_block(d, BLOCK_PARA, l->line);
		if (l->page)
			d->blocks[bi].flags |= BLOCK_PAGEBREAK;
		if (l->bullet) {
			d->blocks[bi].flags |= BLOCK_LISTITEM;
			memcpy(d->blocks[bi].marker, "\xe2\x80\xa2", 4);
			d->blocks[bi].list_depth = 1;
			d->blocks[bi].indent = 2;
			if (prev_item && prev_end == l->line - 1)
				d->blocks[bi].flags |= BLOCK_TIGHT;
		}
		inl_begin(&st.inl, !l->bullet);
		plain_inline(&st, l);
		for (i++; i < j; i++) {
			inl_softbr(&st.inl);
			plain_inline(&st, &st.lines[i]);
		}
		inl_end(&st.inl);
		prev_item = l->bullet != 0;
		prev_end = st.lines[j - 1].line;
		doc_end_block(d, prev_end);
		/* Only a bullet sign: nothing to show. */
		if (d->blocks[bi].text_len == 0 && !l->bullet &&
		    (size_t)bi + 1 == d->nblocks)
			d->nblocks--;
	}
	inl_free(&st.inl);
	free(st.lines);
	return 0;
}

/* Cut the text into trimmed lines; note form feeds and bullet signs. */
static void
plain_split(struct tstate *st)
{
	const char	*s = st->s;
	size_t		 i = 0, e, b, t;
	struct tline	*l;
	int		 page = 0, nq = 0, nstar = 0;

	while (i < st->n) {
		for (e = i; e < st->n && s[e] != '\n'; e++)
			;
		l = ARRAY_PUSH(st->lines, st->nlines, st->cap_lines);
		memset(l, 0, sizeof *l);
		l->line = (int)st->nlines;
		b = i;
		for (;;) {
			if (b < e && s[b] == '\f') {
				page = 1;
				b++;
			} else if (b < e && (s[b] == ' ' || s[b] == '\t')) {
				l->indent++;
				b++;
			} else if (e - b >= 3 &&
			    memcmp(s + b, "\xe3\x80\x80", 3) == 0) {
				l->indent += 2;
				b += 3;
			} else if (e - b >= 2 &&
			    memcmp(s + b, "\xc2\xa0", 2) == 0) {
				l->indent++;
				b += 2;
			} else
				break;
		}
		for (t = e; t > b; t--) {
			if (s[t - 1] == ' ' || s[t - 1] == '\t' ||
			    s[t - 1] == '\f' || s[t - 1] == '\r')
				continue;
			if (t - b >= 3 &&
			    memcmp(s + t - 3, "\xe3\x80\x80", 3) == 0) {
				t -= 2;
				continue;
			}
			if (t - b >= 2 &&
			    memcmp(s + t - 2, "\xc2\xa0", 2) == 0) {
				t--;
				continue;
			}
			break;
		}
		l->off = b;
		l->len = t - b;
		if (l->len > 0) {
			l->page = page;
			page = 0;
			plain_measure(l, s + b);
			if (l->bullet && s[b] == '?')
				nq++;
			if (l->bullet && (s[b] == '*' || s[b] == '-'))
				nstar++;
		}
		/* A feed after the text breaks before the next line. */
		if (memchr(s + t, '\f', e - t) != NULL)
			page = 1;
		i = e + 1;
	}
	/* "?" and ASCII signs are bullets only when the file has several. */
	for (i = 0; i < st->nlines; i++) {
		l = &st->lines[i];
		if (l->bullet && ((s[l->off] == '?' && nq < 2) ||
		    ((s[l->off] == '*' || s[l->off] == '-') && nstar < 2)))
			l->bullet = 0;
	}
}

/* Width, rule, bullet sign and sentence end of a trimmed line. */
static void
plain_measure(struct tline *l, const char *s)
{
	uint32_t	c = parse_last_char(s, l->len);

	l->width = plain_width(s, l->len);
	l->hr = plain_is_hr(s, l->len);
	l->bullet = l->hr ? 0 : plain_bullet(s, l->len);
	l->sentence_end = c == 0x3002 || c == '.' || c == '!' || c == '?' ||
	    c == 0xff01 || c == 0xff1f || c == 0x2026 || c == 0x201d ||
	    c == 0xff1b || c == ';';
}

/* Bytes of a bullet sign and the blanks after it at s, 0 if none. */
static int
plain_bullet(const char *s, size_t n)
{
	size_t		k = 0;
	uint32_t	c, next;

	if (n < 2)
		return 0;
	k = text_next(s, n, &c);
	text_next(s + k, n - k, &next);
	if (c == 0x2022 || c == 0x00b7 || c == 0x25cf || c == 0x25aa ||
	    c == 0x25e6 || c == 0x30fb) {
		/* "·" also separates names: require a blank or a word. */
	} else if (c == '-' || c == '*' || c == '+') {
		if (next != ' ' && next != '\t')
			return 0;
	} else if (c == '?') {
		/* A converter's lost bullet: "?" glued to a word. */
		if (next == ' ' || next == '?' || next == 0 ||
		    !(parse_is_cjk(next) || (next >= 'A' && next <= 'Z') ||
		    (next >= 'a' && next <= 'z')))
			return 0;
	} else
		return 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k >= n)
		return 0;
	return (int)k;
}

/* A thematic break: three or more of one of - * _, blanks allowed. */
static int
plain_is_hr(const char *s, size_t n)
{
	size_t	i;
	int	count = 0;

	if (n < 3 || (s[0] != '-' && s[0] != '*' && s[0] != '_'))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == s[0])
			count++;
		else if (s[i] != ' ')
			return 0;
	}
	return count >= 3;
}

/* Display columns, near enough for finding a wrap margin. */
static int
plain_width(const char *s, size_t n)
{
	size_t		i = 0;
	uint32_t	c;
	int		w = 0;

	while (i < n) {
		i += text_next(s + i, n - i, &c);
		w += parse_is_cjk(c) ? 2 : 1;
	}
	return w;
}

static int
plain_cmp_int(const void *a, const void *b)
{
	int	x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/*
 * The margin of a hard-wrapped file, 0 if lines are paragraphs. Wrapped
 * text has a narrow margin most of its lines reach, and lines that run on
 * into the next.
 */
static int
plain_wrap_margin(struct tstate *st)
{
	int	*w, margin, near = 0, nw = 0;
	size_t	 i;

	w = xreallocarray(NULL, st->nlines + 1, sizeof *w);
	for (i = 0; i < st->nlines; i++)
		if (st->lines[i].len > 0 && !st->lines[i].hr)
			w[nw++] = st->lines[i].width;
	if (nw < 4) {
		free(w);
		return 0;
	}
	qsort(w, (size_t)nw, sizeof *w, plain_cmp_int);
	margin = w[(nw * 9) / 10];
	free(w);
	if (margin > TEXT_WRAP_MAX || margin < 20)
		return 0;
	for (i = 0; i + 1 < st->nlines; i++)
		if (st->lines[i].len > 0 && st->lines[i + 1].len > 0 &&
		    st->lines[i].width * 10 >= margin * 6)
			near++;
	return near * 10 >= nw * 3 ? margin : 0;
}

/* Whether line i runs on into line i + 1 of the same paragraph. */
static int
plain_joins(const struct tstate *st, size_t i)
{
	const struct tline	*a = &st->lines[i], *b;

	if (st->wrap == 0 || i + 1 >= st->nlines)
		return 0;
	b = &st->lines[i + 1];
	if (a->len == 0 || b->len == 0 || a->hr || b->hr || b->bullet ||
	    b->page)
		return 0;
	if (b->indent > a->indent && !a->bullet)
		return 0;	/* an indented first line opens a paragraph */
	/* A sentence that ends right at the margin may go on or not. */
	if (a->sentence_end)
		return a->width * 100 >= st->wrap * 95;
	return a->width * 10 >= st->wrap * 6;
}

/* Bytes of a bare URL at s ("https://..."), 0 if none. */
static size_t
plain_url(const char *s, size_t n)
{
	size_t	k;

	if (n > 8 && memcmp(s, "https://", 8) == 0)
		k = 8;
	else if (n > 7 && memcmp(s, "http://", 7) == 0)
		k = 7;
	else
		return 0;
	while (k < n && (unsigned char)s[k] > ' ' &&
	    (unsigned char)s[k] < 0x80 && strchr("<>\"", s[k]) == NULL)
		k++;
	while (k > 0 && strchr(".,;:)]'", s[k - 1]) != NULL)
		k--;
	return k;
}

/* Feed one line to the inline builder: escapes, autolinks, bare URLs. */
static void
plain_inline(struct tstate *st, const struct tline *l)
{
	const char	*s = st->s + l->off;
	size_t		 n = l->len, k, run = 0, e, u, first;

	if (l->bullet)
		run = (size_t)l->bullet;
	for (k = run; k < n; ) {
		if (s[k] == '\\' && k + 1 < n && s[k + 1] != '\0' &&
		    strchr("\\`*_{}[]()#+-.!$<>|~^", s[k + 1]) != NULL) {
			inl_text(&st->inl, s + run, k - run, l->off + run, 0);
			run = k + 1;	/* the escaped character starts a run */
			k += 2;
			continue;
		}
		u = 0;
		if (s[k] == '<') {
			for (e = k + 1; e < n && s[e] != '>' && s[e] != ' ' &&
			    s[e] != '<'; e++)
				;
			if (e < n && s[e] == '>' && plain_url(s + k + 1,
			    e - k - 1) == e - k - 1) {
				inl_text(&st->inl, s + run, k - run,
				    l->off + run, 0);
				inl_flush(&st->inl);
				first = st->d->nspans;
				inl_verbatim(&st->inl, s + k + 1, e - k - 1,
				    l->off + k + 1, SPAN_URL);
				doc_set_link(st->d, first, s + k + 1,
				    e - k - 1);
				k = run = e + 1;
				continue;
			}
		} else if (s[k] == 'h' && (k == 0 ||
		    (unsigned char)s[k - 1] <= ' ' ||
		    (unsigned char)s[k - 1] >= 0x80 || s[k - 1] == '(') &&
		    (u = plain_url(s + k, n - k)) != 0) {
			inl_text(&st->inl, s + run, k - run, l->off + run, 0);
			inl_flush(&st->inl);
			first = st->d->nspans;
			inl_verbatim(&st->inl, s + k, u, l->off + k, SPAN_URL);
			doc_set_link(st->d, first, s + k, u);
			k = run = k + u;
			continue;
		}
		k++;
	}
	inl_text(&st->inl, s + run, n - run, l->off + run, 0);
}
