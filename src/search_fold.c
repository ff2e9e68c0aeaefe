/* Search folding through a per-character memo, with runs mapping folded text back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "internal.h"
#include "search_int.h"

#define FOLD_MAXLEN	255

static int	 search_fold_is_context(uint32_t);
static void	 search_fold_recase(struct fold_memo *, const char *, size_t,
		     const size_t *);
static void	 search_fold_run(struct fold_out *, size_t, size_t, size_t,
		     size_t, int);
static void	 search_fold_ascii(struct fold_memo *, const char *, size_t,
		     size_t, struct fold_out *);
static void	 search_fold_segment(struct fold_memo *, const char *, size_t,
		     size_t, struct fold_out *);
static void	 search_fold_plain(const char *, size_t, struct buf *);

static inline char
search_fold_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

void
search_fold_init(struct fold_memo *m, int cs)
{
	memset(m, 0, sizeof *m);
	m->cs = cs;
}

void
search_fold_free(struct fold_memo *m)
{
	size_t	i;

	for (i = 0; i < FOLD_NPAGES; i++)
		free(m->pages[i]);
	buf_free(&m->pool);
	buf_free(&m->tmp);
	buf_free(&m->tmp2);
}

void
search_fold_out_free(struct fold_out *o)
{
	buf_free(&o->text);
	free(o->runs);
}

/* Upper case for smart case: lowering changes it (Ａ, Ⓐ, Ⅳ too). */
int
search_fold_is_upper(uint32_t c)
{
	return uc_tolower(c) != c;
}

/* Characters that NFKC may compose with what precedes them. */
static int
search_fold_is_context(uint32_t c)
{
	if (c >= 0x1100 && c <= 0x11FF)		/* Hangul jamo */
		return 1;
	if (c >= 0x3130 && c <= 0x318F)		/* compatibility jamo */
		return 1;
	if (c >= 0xFF9E && c <= 0xFFDC)		/* half-width voicing, jamo */
		return 1;
	return uc_is_general_category(c, UC_CATEGORY_M);
}

/*
 * Case-sensitive mode: text_fold also folds case, so give upper case back
 * to what came from upper-case source characters. src is what m->tmp was
 * folded from, map its text_fold offset map (NULL: all from src[0]).
 */
static void
search_fold_recase(struct fold_memo *m, const char *src, size_t srclen,
    const size_t *map)
{
	size_t		 k, n, x;
	uint32_t	 oc, sc;
	uint8_t		 enc[6];
	int		 len;

	buf_reset(&m->tmp2);
	for (k = 0; k < m->tmp.len; k += n) {
		n = text_decode(m->tmp.data + k, m->tmp.len - k, &oc);
		sc = 0;
		if ((x = map != NULL ? map[k] : 0) < srclen)
			text_decode(src + x, srclen - x, &sc);
		if (search_fold_is_upper(sc) && (len = u8_uctomb(enc,
		    uc_toupper(oc), sizeof enc)) > 0)
			buf_append(&m->tmp2, enc, (size_t)len);
		else
			buf_append(&m->tmp2, m->tmp.data + k, n);
	}
	buf_reset(&m->tmp);
	buf_append(&m->tmp, m->tmp2.data != NULL ? m->tmp2.data : "",
	    m->tmp2.len);
}

/*
 * text_fold without its last step, the script table, which another thread
 * may be building: NFKC and case folding, invalid text as it is. Such a
 * fold differs from text_fold's only in Han characters, so it finds what
 * text_fold would for a query all in ASCII: a match of one never holds a
 * byte of a fold that is not ASCII (and never part of a fold).
 */
static void
search_fold_plain(const char *s, size_t n, struct buf *out)
{
	uint8_t	 b1[64], b2[64], *r1, *r2;
	size_t	 l1 = sizeof b1, l2 = sizeof b2;

	r1 = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, n, b1, &l1);
	if (r1 == NULL) {
		buf_append(out, s, n);
		return;
	}
	r2 = u8_casefold(r1, l1, NULL, UNINORM_NFKC, b2, &l2);
	if (r2 != NULL)
		buf_append(out, r2, l2);
	else
		buf_append(out, r1, l1);
	if (r2 != NULL && r2 != b2)
		free(r2);
	if (r1 != b1)
		free(r1);
}

/* Compute the memo entry of one character (the slow path of the lookup). */
struct fold_entry *
search_fold_char(struct fold_memo *m, uint32_t c)
{
	struct fold_entry	*page, *e;
	char			 enc[8];
	uint32_t		 first;
	int			 n;

	if (c >= 0x110000)
		c = 0xFFFD;
	if ((page = m->pages[c / FOLD_PAGE]) == NULL)
		page = m->pages[c / FOLD_PAGE] = xcalloc(FOLD_PAGE,
		    sizeof *page);
	e = &page[c % FOLD_PAGE];
	if (e->flags & FOLD_KNOWN)
		return e;
	memset(enc, 0, sizeof enc);
	if ((n = u8_uctomb((uint8_t *)enc, c, 4)) <= 0)
		n = u8_uctomb((uint8_t *)enc, 0xFFFD, 4);
	buf_reset(&m->tmp);
	if (m->plain)
		search_fold_plain(enc, (size_t)n, &m->tmp);
	else
		text_fold(enc, (size_t)n, &m->tmp, NULL);
	if (m->cs)
		search_fold_recase(m, enc, (size_t)n, NULL);
	e->flags = FOLD_KNOWN;
	if (search_fold_is_context(c) || m->tmp.len > FOLD_MAXLEN)
		e->flags |= FOLD_CONTEXT;
	else if (m->tmp.len > 0 &&
	    text_decode(m->tmp.data, m->tmp.len, &first) == m->tmp.len)
		e->flags |= FOLD_SINGLE;
	if (m->tmp.len != (size_t)n || memcmp(m->tmp.data, enc, (size_t)n))
		e->flags |= FOLD_VARIANT;
	e->off = (uint32_t)m->pool.len;
	e->len = (uint8_t)(m->tmp.len > FOLD_MAXLEN ? 0 : m->tmp.len);
	buf_append(&m->pool, m->tmp.data != NULL ? m->tmp.data : "", e->len);
	return e;
}

/* Record where the folded text just appended came from, merging 1:1 runs. */
static inline void
search_fold_run(struct fold_out *o, size_t fo, size_t flen, size_t so,
    size_t slen, int same)
{
	struct fold_run	*r;

	if (same && o->nruns > 0) {
		r = &o->runs[o->nruns - 1];
		if (r->same && r->fo + r->flen == fo && r->so + r->slen == so) {
			r->flen += flen;
			r->slen += slen;
			return;
		}
	}
	r = ARRAY_PUSH(o->runs, o->nruns, o->cap_runs);
	r->fo = fo;
	r->flen = flen;
	r->so = so;
	r->slen = slen;
	r->same = same;
}

/* ASCII folds to itself, lowered unless case-sensitive. */
static void
search_fold_ascii(struct fold_memo *m, const char *p, size_t i, size_t j,
    struct fold_out *o)
{
	size_t	fo = o->text.len, k;

	if (j <= i)
		return;
	buf_append(&o->text, p + i, j - i);
	if (!m->cs)
		for (k = fo; k < o->text.len; k++)
			o->text.data[k] = search_fold_lower(o->text.data[k]);
	search_fold_run(o, fo, j - i, i, j - i, 1);
}

/* Fold characters that combine with each other as one piece. */
static void
search_fold_segment(struct fold_memo *m, const char *p, size_t i, size_t j,
    struct fold_out *o)
{
	size_t	 fo = o->text.len, *map = NULL;

	buf_reset(&m->tmp);
	if (m->plain)
		search_fold_plain(p + i, j - i, &m->tmp);
	else
		text_fold(p + i, j - i, &m->tmp, m->cs ? &map : NULL);
	if (m->cs)
		search_fold_recase(m, p + i, j - i, map);
	free(map);
	buf_append(&o->text, m->tmp.data != NULL ? m->tmp.data : "",
	    m->tmp.len);
	search_fold_run(o, fo, m->tmp.len, i, j - i, 0);
}

/* Fold p into o->text, with o->runs mapping it back to p. */
void
search_fold_text(struct fold_memo *m, const char *p, size_t n,
    struct fold_out *o)
{
	struct fold_entry	*e = NULL, *ne = NULL;
	size_t			 i = 0, j, k, clen = 0, nlen = 0, fo;
	uint32_t		 c, nc;
	int			 have = 0, same;

	buf_reset(&o->text);
	buf_grow(&o->text, n);
	o->nruns = 0;
	while (i < n) {
		if (!have) {
			for (k = i; k < n && (unsigned char)p[k] < 0x80; k++)
				/* nothing */;
			if (k > i) {
				/* The last ASCII character may carry a mark. */
				if (k < n) {
					clen = text_next(p + k, n - k,
					    &c);
					e = search_fold_lookup(m, c);
					if (e->flags & FOLD_CONTEXT)
						k--;
					else
						have = 1;
				}
				search_fold_ascii(m, p, i, k, o);
				if ((i = k) >= n)
					break;
			}
		}
		if (!have) {
			clen = text_next(p + i, n - i, &c);
			e = search_fold_lookup(m, c);
		}
		have = 0;
		for (j = i + clen; j < n && (unsigned char)p[j] >= 0x80;
		    j += nlen) {
			nlen = text_next(p + j, n - j, &nc);
			ne = search_fold_lookup(m, nc);
			if (!(ne->flags & FOLD_CONTEXT)) {
				have = 1;
				break;
			}
		}
		if (j > i + clen || (e->flags & FOLD_CONTEXT))
			search_fold_segment(m, p, i, j, o);
		else {
			fo = o->text.len;
			if (fo + e->len >= o->text.cap)
				buf_grow(&o->text, e->len);
			memcpy(o->text.data + fo, m->pool.data + e->off,
			    e->len);
			o->text.len += e->len;
			same = (e->flags & FOLD_SINGLE) && e->len == clen;
			search_fold_run(o, fo, e->len, i, clen, same);
		}
		if (have) {
			clen = nlen;
			e = ne;
		}
		i = j;
	}
	o->text.data[o->text.len] = '\0';
}

/*
 * Map a folded offset back to the source: a start (end == 0) or an end
 * offset. Returns 0 when it falls inside the fold of one source piece.
 */
int
search_fold_map(const struct fold_out *o, size_t x, int end, size_t *out)
{
	size_t			 lo = 0, hi = o->nruns, mid;
	const struct fold_run	*r;

	/* The last run starting before x (end) or at or before x (start). */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (end ? o->runs[mid].fo < x : o->runs[mid].fo <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	r = &o->runs[lo - 1];
	if (r->same) {
		*out = r->so + (x - r->fo);
		return 1;
	}
	if (!end && x == r->fo) {
		*out = r->so;
		return 1;
	}
	if (end && x == r->fo + r->flen) {
		*out = r->so + r->slen;
		return 1;
	}
	return 0;
}
