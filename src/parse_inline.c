/* Inline text for both parsers: soft-break joining, markers, <sup> notes. */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "internal.h"
#include "parse_internal.h"
#include "source_map.h"
#include "scholia/doc.h"
#include "scholia/marker.h"
#include "scholia/source.h"

static void	inl_resolve_softbr(struct inl *, uint32_t);
static void	inl_plain(struct inl *, const char *, size_t, unsigned);
static void	inl_alone(struct inl *, const char *, size_t, unsigned);
static size_t	inl_src_of(const struct inl *, size_t);
static void	inl_emit(struct inl *, size_t, size_t, unsigned);
static int	inl_escaped(const struct inl *, size_t);
static size_t	inl_stars(const struct inl *, size_t, size_t);
static int	inl_is_blank(char);
static int	inl_may_mark(const char *, size_t);
static size_t	inl_next_work(const char *, size_t, size_t);
#ifdef __SSE2__
static unsigned	inl_work_bits(const char *);
#endif
static int	inl_is_space_end(const char *, size_t);
static int	parse_is_cjk_punct(uint32_t);
static int	parse_is_quote(uint32_t);
static int	inl_ends_sentence(const char *, size_t);

#define INL_HOLD	((size_t)1 << 20)	/* pending text past this goes */

#ifdef __SSE2__
/* Bytes of v equal to c, as a mask. */
#define INL_EQ(v, c)	_mm_cmpeq_epi8((v), _mm_set1_epi8((char)(c)))
#endif

void
inl_init(struct inl *i, struct doc *d)
{
	memset(i, 0, sizeof *i);
	i->d = d;
	i->first_off = INL_NOOFF;
}

void
inl_free(struct inl *i)
{
	buf_free(&i->pend);
	buf_free(&i->sup);
	free(i->chunks);
}

void
inl_begin(struct inl *i, int heads)
{
	buf_reset(&i->pend);
	buf_reset(&i->sup);
	i->nchunks = 0;
	i->flags = 0;
	i->softbr = 0;
	i->last = 0;
	i->head = heads;
	i->first_off = INL_NOOFF;
	i->end_off = 0;
	i->insup = 0;
}

void
inl_touch(struct inl *i, size_t off, size_t n)
{
	if (off == INL_NOOFF)
		return;
	if (i->first_off == INL_NOOFF || off < i->first_off)
		i->first_off = off;
	if (off + n > i->end_off)
		i->end_off = off + n;
}

/* Decide a pending soft break now that the next character is known. */
static void
inl_resolve_softbr(struct inl *i, uint32_t next)
{
	uint32_t	prev;

	if (!i->softbr)
		return;
	i->softbr = 0;
	prev = i->pend.len > 0 ? parse_last_char(i->pend.data, i->pend.len) :
	    i->last;
	if (prev == 0 || prev == '\n' || prev == ' ' ||
	    parse_joins_tight(prev, next))
		return;
	if (i->pend.len > 0)
		buf_putc(&i->pend, ' ');
	else {
		doc_append(i->d, " ", 1, i->flags);
		i->last = ' ';
	}
}

void
inl_text(struct inl *i, const char *s, size_t n, size_t off, unsigned flags)
{
	struct inl_chunk	*c;
	struct marker		 m;
	uint32_t		 first;

	if (n == 0)
		return;
	inl_touch(i, off, n);
	if (i->insup) {
		if (i->sup_off == INL_NOOFF)
			i->sup_off = off;
		buf_append(&i->sup, s, n);
		return;
	}
	/* A reference marker hugs the word before it, across a line end. */
	if (i->softbr && inl_may_mark(s, n) && marker_ref(s, n, &m) != 0)
		i->softbr = 0;
	text_next(s, n, &first);
	inl_resolve_softbr(i, first);
	if (flags != i->flags && i->pend.len > 0)
		inl_flush(i);
	i->flags = flags;
	c = ARRAY_PUSH(i->chunks, i->nchunks, i->cap_chunks);
	c->pos = i->pend.len;
	c->off = off;
	buf_append(&i->pend, s, n);
	/*
	 * A paragraph of megabytes (a book on one line) is not held whole:
	 * past INL_HOLD it goes out after a sentence end, where no marker
	 * can be cut; the source read so far goes back (every 4 MB).
	 */
	if (i->pend.len > INL_HOLD && inl_ends_sentence(s, n))
		inl_flush(i);
	if (off != INL_NOOFF)
		source_release(i->d->source, off);
}

/* Whether text ends with 。 or a period and a blank: a safe place to cut. */
static int
inl_ends_sentence(const char *s, size_t n)
{
	return (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x82", 3) == 0) ||
	    (n >= 2 && s[n - 2] == '.' && s[n - 1] == ' ');
}

void
inl_verbatim(struct inl *i, const char *s, size_t n, size_t off,
    unsigned flags)
{
	uint32_t	first;

	if (n == 0)
		return;
	if (i->insup) {
		inl_text(i, s, n, off, flags);
		return;
	}
	inl_touch(i, off, n);
	text_next(s, n, &first);
	inl_resolve_softbr(i, first);
	inl_flush(i);
	i->flags = flags;
	doc_append(i->d, s, n, flags);
	i->last = parse_last_char(s, n);
	i->head = 0;
}

void
inl_softbr(struct inl *i)
{
	if (i->insup || (i->pend.len == 0 && i->last == 0))
		return;
	i->softbr = 1;
}

void
inl_hardbr(struct inl *i)
{
	struct inl_chunk	*c;

	i->softbr = 0;
	if (i->insup || (i->pend.len == 0 && i->last == 0))
		return;
	c = ARRAY_PUSH(i->chunks, i->nchunks, i->cap_chunks);
	c->pos = i->pend.len;
	c->off = INL_NOOFF;
	buf_putc(&i->pend, '\n');
}

void
inl_sup_open(struct inl *i, size_t off, unsigned flags)
{
	if (i->insup)
		return;
	inl_touch(i, off, 0);
	i->insup = 1;
	i->sup_off = INL_NOOFF;
	i->sup_flags = flags;
	buf_reset(&i->sup);
}

void
inl_sup_close(struct inl *i)
{
	char		 label[64], shown[80];
	uint32_t	 c;
	size_t		 off;
	int		 marker;

	if (!i->insup)
		return;
	i->insup = 0;
	if (i->sup.len == 0)
		return;
	/* A soft break before it stays open until now: markers hug. */
	marker = marker_sup_label(i->sup.data, i->sup.len, label, sizeof label);
	if (marker)
		i->softbr = 0;
	else {
		text_next(i->sup.data, i->sup.len, &c);
		inl_resolve_softbr(i, c);
	}
	inl_flush(i);
	i->flags = i->sup_flags;
	if (marker) {
		text_next(label, strlen(label), &c);
		if (marker_circled_value(c))
			memcpy(shown, label, strlen(label) + 1);
		else {
			shown[0] = '[';
			memcpy(shown + 1, label, strlen(label));
			memcpy(shown + 1 + strlen(label), "]", 2);
		}
		off = i->sup_off != INL_NOOFF ? i->sup_off : i->end_off;
		doc_append_ref(i->d, shown, strlen(shown), label,
		    parse_line_near(i->d->source, off, &i->line_hint),
		    i->sup_flags);
		i->last = parse_last_char(shown, strlen(shown));
	} else {
		doc_append(i->d, i->sup.data, i->sup.len,
		    i->sup_flags | SPAN_SUP);
		i->last = parse_last_char(i->sup.data, i->sup.len);
	}
	i->head = 0;
	buf_reset(&i->sup);
}

void
inl_end(struct inl *i)
{
	inl_sup_close(i);
	inl_flush(i);
	i->softbr = 0;
}

/* Source offset of pending byte pos, through the chunk map. */
static size_t
inl_src_of(const struct inl *i, size_t pos)
{
	size_t	lo = 0, hi = i->nchunks, mid;

	/* The last chunk starting at or before pos; chunks are in order. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (i->chunks[mid].pos <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && i->chunks[lo - 1].off != INL_NOOFF)
		return i->chunks[lo - 1].off + (pos - i->chunks[lo - 1].pos);
	return i->first_off != INL_NOOFF ? i->first_off : 0;
}

/* Whether a note head ended in blanks (they become one space). */
static int
inl_is_space_end(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
		return 1;
	return n >= 2 && memcmp(s + n - 2, "\xc2\xa0", 2) == 0;
}

static void
inl_plain(struct inl *i, const char *s, size_t n, unsigned flags)
{
	doc_append(i->d, s, n, flags);
}

/*
 * Append a span that must stay on its own (a maybe-reference): the builder
 * merges equal runs, so a merged tail is split back off.
 */
static void
inl_alone(struct inl *i, const char *s, size_t n, unsigned flags)
{
	struct doc	*d = i->d;
	struct span	*prev, *sp;
	size_t		 before = d->nspans;

	doc_append(d, s, n, flags);
	if (d->nspans != before)
		return;
	sp = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
	prev = sp - 1;
	*sp = *prev;
	prev->len -= n;
	sp->off = prev->off + prev->len;
	sp->len = n;
	if (d->open_cell != -1)
		d->cells[d->open_cell].span_count++;
	else
		d->blocks[d->open_block].span_count++;
}

/* Move the pending text into the doc, turning markers into references. */
void
inl_flush(struct inl *i)
{
	struct marker	 m;
	const char	*p = i->pend.data;
	size_t		 n = i->pend.len, k = 0, len;
	unsigned	 fl = i->flags;

	if (n == 0)
		return;
	if (i->head) {
		while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\n'))
			k++;
		if (k < n) {
			i->head = 0;
			/* a head starts as a marker does, or with "*" or "\\*" */
			if ((inl_may_mark(p + k, n - k) || p[k] == '*' ||
			    p[k] == '\\') &&
			    (len = marker_note_head(p + k, n - k, &m)) != 0) {
				inl_plain(i, p, k, fl);
				doc_append(i->d, m.shown, strlen(m.shown),
				    fl | SPAN_NOTELABEL);
				if (inl_is_space_end(p + k, len))
					inl_plain(i, " ", 1, fl);
				k += len;
			} else
				k = 0;
		}
	}
	inl_emit(i, k, n, fl);
	i->last = parse_last_char(p, n);
	buf_reset(&i->pend);
	i->nchunks = 0;
}

/* Whether pending byte k was escaped by a backslash in the source. */
static int
inl_escaped(const struct inl *i, size_t k)
{
	const struct source	*src = i->d->source;
	size_t			 off = inl_src_of(i, k);

	return src != NULL && off > 0 && off < src->len &&
	    src->text[off] == '*' && src->text[off - 1] == '\\';
}

/* Length of the run of unescaped asterisks at pending byte k. */
static size_t
inl_stars(const struct inl *i, size_t k, size_t b)
{
	size_t	r = 0;

	while (k + r < b && i->pend.data[k + r] == '*' &&
	    !inl_escaped(i, k + r))
		r++;
	return r;
}

/*
 * Emit pending bytes [a, b) with style fl: markers become references and
 * asterisk pairs that md4c left alone (CJK next to the delimiter defeats
 * CommonMark's flanking rules; plain text never had them parsed) become
 * emphasis.
 */
static void
inl_emit(struct inl *i, size_t a, size_t b, unsigned fl)
{
	struct marker	 m;
	const char	*p = i->pend.data;
	size_t		 k = a, run = a, len, r = 0, c, rc;
	unsigned char	 ch;
	unsigned	 style, lost = 0;
	int		 ri;

	while (k < b) {
		if ((k = inl_next_work(p, k, b)) >= b)
			break;
		ch = (unsigned char)p[k];
		if (inl_may_mark(p + k, b - k) &&
		    (len = marker_ref(p + k, b - k, &m)) != 0) {
			inl_plain(i, p + run, k - run, fl);
			if (m.bare)
				inl_alone(i, m.shown, strlen(m.shown),
				    fl | SPAN_MAYBEREF);
			else {
				ri = doc_append_ref(i->d, m.shown,
				    strlen(m.shown), m.label,
				    parse_line_near(i->d->source,
				    inl_src_of(i, k), &i->line_hint), fl);
				i->d->refs[ri].named = m.named;
			}
			k += len;
			run = k;
			continue;
		}
		if (ch == '*' && (r = inl_stars(i, k, b)) >= 1 && r <= 3 &&
		    k + r < b && !inl_is_blank(p[k + r]) &&
		    !(lost & (1u << r))) {
			for (c = k + r; c < b; c += rc ? rc : 1) {
				rc = p[c] == '*' ? inl_stars(i, c, b) : 0;
				if (rc == r && !inl_is_blank(p[c - 1]))
					break;
			}
			/* No closer now: none for a later opener either. */
			if (c >= b)
				lost |= 1u << r;
			if (c < b) {
				inl_plain(i, p + run, k - run, fl);
				style = r == 1 ? SPAN_EMPH : r == 2 ?
				    SPAN_STRONG : SPAN_EMPH | SPAN_STRONG;
				inl_emit(i, k + r, c, fl | style);
				k = run = c + r;
				continue;
			}
			k += r;
			continue;
		}
		/* A run is one delimiter: rescanning its tail is quadratic. */
		if (ch == '*' && r > 0) {
			k += r;
			continue;
		}
		k++;
	}
	inl_plain(i, p + run, b - run, fl);
}

#ifdef __SSE2__
/* Which of the sixteen bytes at q start work for inl_emit; q[16] is read. */
static unsigned
inl_work_bits(const char *q)
{
	__m128i	v, w, m;

	v = _mm_loadu_si128((const __m128i *)(const void *)q);
	w = _mm_loadu_si128((const __m128i *)(const void *)(q + 1));
	m = _mm_or_si128(_mm_or_si128(INL_EQ(v, '*'), INL_EQ(v, '^')),
	    INL_EQ(v, '['));
	m = _mm_or_si128(m, _mm_and_si128(INL_EQ(v, 0xc2),
	    _mm_or_si128(_mm_or_si128(INL_EQ(w, 0xb2), INL_EQ(w, 0xb3)),
	    INL_EQ(w, 0xb9))));
	m = _mm_or_si128(m, _mm_and_si128(INL_EQ(v, 0xe2),
	    _mm_or_si128(INL_EQ(w, 0x91), INL_EQ(w, 0x81))));
	m = _mm_or_si128(m, _mm_and_si128(INL_EQ(v, 0xe3),
	    _mm_or_si128(INL_EQ(w, 0x89), INL_EQ(w, 0x8a))));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/*
 * The first byte in [k, b) where inl_emit has work: a '*', or where
 * inl_may_mark holds (both bytes are looked at: CJK punctuation shares
 * its lead bytes with markers). This sees every byte of the text, so it
 * takes sixteen at a time where it can, the last sixteen before b too
 * (those before k masked off); p[b] is read (the pending text ends in a
 * NUL, an inner range at its closing '*').
 */
static size_t
inl_next_work(const char *p, size_t k, size_t b)
{
#ifdef __SSE2__
	unsigned	bits;

	for (; k + 16 <= b; k += 16)
		if ((bits = inl_work_bits(p + k)) != 0)
			return k + (size_t)__builtin_ctz(bits);
	if (k < b && b >= 16) {
		bits = inl_work_bits(p + b - 16) & (0xffffu << (k - (b - 16)));
		return bits != 0 ? b - 16 + (size_t)__builtin_ctz(bits) : b;
	}
#endif
	while (k < b && p[k] != '*' && !inl_may_mark(p + k, b - k))
		k++;
	return k;
}

/* Cheap filter before marker_ref: ^, [, and the lead bytes of ①, ¹, ㉑. */
static int
inl_may_mark(const char *s, size_t n)
{
	unsigned char	c = (unsigned char)s[0], c1;

	if (c == '^' || c == '[')
		return 1;
	if (c < 0xc2 || n < 2)
		return 0;
	c1 = (unsigned char)s[1];
	switch (c) {
	case 0xc2:
		return c1 == 0xb2 || c1 == 0xb3 || c1 == 0xb9;
	case 0xe2:
		return c1 == 0x91 || c1 == 0x81;
	case 0xe3:
		return c1 == 0x89 || c1 == 0x8a;
	default:
		return 0;
	}
}

static int
inl_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

uint32_t
parse_last_char(const char *s, size_t n)
{
	size_t		k = n;
	uint32_t	c;

	if (n == 0)
		return 0;
	while (k > 0 && n - k < 4 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0)
		k--;
	text_next(s + k, n - k, &c);
	return c;
}

int
parse_is_cjk(uint32_t c)
{
	return (c >= 0x2e80 && c <= 0x9fff) ||
	    (c >= 0xac00 && c <= 0xd7af) ||
	    (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) ||
	    (c >= 0xff00 && c <= 0xffef) ||
	    (c >= 0x20000 && c <= 0x3ffff);
}

/* Full-width punctuation: never wants a space beside it. */
static int
parse_is_cjk_punct(uint32_t c)
{
	return (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xfe30 && c <= 0xfe4f) ||
	    (c >= 0xff01 && c <= 0xff0f) ||
	    (c >= 0xff1a && c <= 0xff20) ||
	    (c >= 0xff3b && c <= 0xff40) ||
	    (c >= 0xff5b && c <= 0xff65);
}

/* Punctuation shared by Chinese and Latin text: tight next to CJK. */
static int
parse_is_quote(uint32_t c)
{
	return c == 0x201c || c == 0x201d || c == 0x2018 || c == 0x2019 ||
	    c == 0x2014 || c == 0x2015 || c == 0x2026 || c == 0x00b7;
}

int
parse_joins_tight(uint32_t a, uint32_t b)
{
	if (parse_is_cjk_punct(a) || parse_is_cjk_punct(b))
		return 1;
	if (parse_is_cjk(a))
		return parse_is_cjk(b) || parse_is_quote(b);
	return parse_is_cjk(b) && parse_is_quote(a);
}
