/* Search over the doc's display text: folded matching mapped back to exact doc byte ranges. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "internal.h"
#include "scholia/doc.h"
#include "scholia/search.h"
#include "scholia/text.h"

/*
 * Folding is done character by character with a memo per code point (the
 * fold of one character comes from text_fold once, then is copied), so a
 * whole document folds at memcpy-like speed; characters that combine with
 * their neighbours under NFKC (marks, Hangul jamo, half-width voicing marks)
 * are folded together with the character before them. The query is folded
 * the same way, so both sides always agree. A block of pure ASCII is not
 * folded at all: it is searched in place (memmem, or an ASCII case-blind
 * scan in smart-case-insensitive mode), and skipped when the folded query
 * is not ASCII, since nothing in it could match.
 */

#define FOLD_KNOWN	0x01	/* entry computed */
#define FOLD_SINGLE	0x02	/* the fold is one character */
#define FOLD_CONTEXT	0x04	/* combines with neighbours: fold in context */

struct fold_entry {
	uint32_t	 off;		/* folded bytes in s->pool */
	uint8_t		 len;
	uint8_t		 flags;
};

#define FOLD_PAGE	256
#define FOLD_NPAGES	(0x110000 / FOLD_PAGE)
#define FOLD_MAXLEN	255

/* Where a stretch of folded text came from (source offsets block-relative). */
struct fold_run {
	size_t		 fo;		/* in the folded text */
	size_t		 flen;
	size_t		 so;		/* in the source */
	size_t		 slen;
	int		 same;		/* offsets correspond one to one */
};

struct search {
	const struct doc	*doc;
	int			 cs;		/* case-sensitive (smart case) */
	struct buf		 query;		/* folded query */
	int			 query_ascii;

	struct search_match	*m;
	size_t			 nm;
	size_t			 cap_m;

	struct fold_entry	*pages[FOLD_NPAGES];
	struct buf		 pool;		/* folded forms of characters */
	struct buf		 ftext;		/* folded text of one block */
	struct fold_run		*runs;
	size_t			 nruns;
	size_t			 cap_runs;
	struct buf		 tmp;
	struct buf		 tmp2;
};

static int	 search_is_upper(uint32_t);
static int	 search_is_context(uint32_t);
static void	 search_recase(struct search *, const char *, size_t,
		     const size_t *);
static const struct fold_entry *search_entry(struct search *, uint32_t);
static inline void search_run(struct search *, size_t, size_t, size_t,
		     size_t, int);
static inline size_t search_decode(const char *, size_t, uint32_t *);
static inline const struct fold_entry *search_lookup(struct search *,
		     uint32_t);
static void	 search_emit_ascii(struct search *, const char *, size_t,
		     size_t);
static void	 search_emit_segment(struct search *, const char *, size_t,
		     size_t);
static void	 search_fold(struct search *, const char *, size_t);
static int	 search_map(const struct search *, size_t, int, size_t *);
static int	 search_ascii_only(const char *, size_t);
static const char *search_memcase(const char *, size_t, const char *,
		     size_t);
static void	 search_push(struct search *, int, size_t, size_t);
static void	 search_text(struct search *, int, size_t, size_t);
static void	 search_scan_block(struct search *, int);
static size_t	 search_lower_bound(const struct search *, int, size_t);

static inline char
search_ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Upper case in the smart-case sense: lowering changes it (Ａ, Ⓐ, Ⅳ too). */
static int
search_is_upper(uint32_t c)
{
	return uc_tolower(c) != c;
}

/* Characters that NFKC may compose with what precedes them. */
static int
search_is_context(uint32_t c)
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
 * to what came from upper-case source characters. src is the folded source,
 * map its text_fold offset map (NULL: everything came from src[0]).
 */
static void
search_recase(struct search *s, const char *src, size_t srclen,
    const size_t *map)
{
	size_t		 k, n, x;
	uint32_t	 oc, sc;
	uint8_t		 enc[6];
	int		 len;

	buf_reset(&s->tmp2);
	for (k = 0; k < s->tmp.len; k += n) {
		n = text_decode(s->tmp.data + k, s->tmp.len - k, &oc);
		sc = 0;
		if ((x = map != NULL ? map[k] : 0) < srclen)
			text_decode(src + x, srclen - x, &sc);
		if (search_is_upper(sc) && (len = u8_uctomb(enc,
		    uc_toupper(oc), sizeof enc)) > 0)
			buf_append(&s->tmp2, enc, (size_t)len);
		else
			buf_append(&s->tmp2, s->tmp.data + k, n);
	}
	buf_reset(&s->tmp);
	buf_append(&s->tmp, s->tmp2.data != NULL ? s->tmp2.data : "",
	    s->tmp2.len);
}

/* The memoised fold of one character. */
static const struct fold_entry *
search_entry(struct search *s, uint32_t c)
{
	struct fold_entry	*page, *e;
	char			 enc[8];
	uint32_t		 first;
	int			 n;

	if (c >= 0x110000)
		c = 0xFFFD;
	if ((page = s->pages[c / FOLD_PAGE]) == NULL)
		page = s->pages[c / FOLD_PAGE] = xcalloc(FOLD_PAGE,
		    sizeof *page);
	e = &page[c % FOLD_PAGE];
	if (e->flags & FOLD_KNOWN)
		return e;
	memset(enc, 0, sizeof enc);
	if ((n = u8_uctomb((uint8_t *)enc, c, 4)) <= 0)
		n = u8_uctomb((uint8_t *)enc, 0xFFFD, 4);
	buf_reset(&s->tmp);
	text_fold(enc, (size_t)n, &s->tmp, NULL);
	if (s->cs)
		search_recase(s, enc, (size_t)n, NULL);
	e->flags = FOLD_KNOWN;
	if (search_is_context(c) || s->tmp.len > FOLD_MAXLEN)
		e->flags |= FOLD_CONTEXT;
	else if (s->tmp.len > 0 &&
	    text_decode(s->tmp.data, s->tmp.len, &first) == s->tmp.len)
		e->flags |= FOLD_SINGLE;
	e->off = (uint32_t)s->pool.len;
	e->len = (uint8_t)(s->tmp.len > FOLD_MAXLEN ? 0 : s->tmp.len);
	buf_append(&s->pool, s->tmp.data != NULL ? s->tmp.data : "", e->len);
	return e;
}

/* Record where the folded text just appended came from, merging 1:1 runs. */
static inline void
search_run(struct search *s, size_t fo, size_t flen, size_t so, size_t slen,
    int same)
{
	struct fold_run	*r;

	if (same && s->nruns > 0) {
		r = &s->runs[s->nruns - 1];
		if (r->same && r->fo + r->flen == fo && r->so + r->slen == so) {
			r->flen += flen;
			r->slen += slen;
			return;
		}
	}
	r = ARRAY_PUSH(s->runs, s->nruns, s->cap_runs);
	r->fo = fo;
	r->flen = flen;
	r->so = so;
	r->slen = slen;
	r->same = same;
}

/* ASCII folds to itself, lowered unless case-sensitive. */
static void
search_emit_ascii(struct search *s, const char *p, size_t i, size_t j)
{
	size_t	fo = s->ftext.len, k;

	if (j <= i)
		return;
	buf_append(&s->ftext, p + i, j - i);
	if (!s->cs)
		for (k = fo; k < s->ftext.len; k++)
			s->ftext.data[k] = search_ascii_lower(s->ftext.data[k]);
	search_run(s, fo, j - i, i, j - i, 1);
}

/* Fold characters that combine with each other as one piece. */
static void
search_emit_segment(struct search *s, const char *p, size_t i, size_t j)
{
	size_t	 fo = s->ftext.len, *map = NULL;

	buf_reset(&s->tmp);
	text_fold(p + i, j - i, &s->tmp, s->cs ? &map : NULL);
	if (s->cs)
		search_recase(s, p + i, j - i, map);
	free(map);
	buf_append(&s->ftext, s->tmp.data != NULL ? s->tmp.data : "",
	    s->tmp.len);
	search_run(s, fo, s->tmp.len, i, j - i, 0);
}

/* Decode one character; the common well-formed cases without a call. */
static inline size_t
search_decode(const char *s, size_t n, uint32_t *c)
{
	const unsigned char	*p = (const unsigned char *)s;

	if (n >= 3 && p[0] >= 0xE1 && p[0] <= 0xEC &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*c = ((uint32_t)(p[0] & 0x0F) << 12) |
		    ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		return 3;
	}
	return text_decode(s, n, c);
}

/* The memo entry of c, computing it the first time. */
static inline const struct fold_entry *
search_lookup(struct search *s, uint32_t c)
{
	const struct fold_entry	*page;

	if (c < 0x110000 && (page = s->pages[c / FOLD_PAGE]) != NULL &&
	    (page[c % FOLD_PAGE].flags & FOLD_KNOWN))
		return &page[c % FOLD_PAGE];
	return search_entry(s, c);
}

/* Fold p into s->ftext, with s->runs mapping it back to p. */
static void
search_fold(struct search *s, const char *p, size_t n)
{
	const struct fold_entry	*e = NULL, *ne;
	size_t			 i = 0, j, k, clen = 0, nlen, fo;
	uint32_t		 c, nc;
	int			 have = 0, same;

	buf_reset(&s->ftext);
	buf_grow(&s->ftext, n);
	s->nruns = 0;
	while (i < n) {
		if (!have) {
			for (k = i; k < n && (unsigned char)p[k] < 0x80; k++)
				/* nothing */;
			if (k > i) {
				/* The last ASCII character may carry a mark. */
				if (k < n) {
					clen = search_decode(p + k, n - k, &c);
					e = search_lookup(s, c);
					if (e->flags & FOLD_CONTEXT)
						k--;
					else
						have = 1;
				}
				search_emit_ascii(s, p, i, k);
				if ((i = k) >= n)
					break;
			}
		}
		if (!have) {
			clen = search_decode(p + i, n - i, &c);
			e = search_lookup(s, c);
		}
		have = 0;
		for (j = i + clen; j < n && (unsigned char)p[j] >= 0x80;
		    j += nlen) {
			nlen = search_decode(p + j, n - j, &nc);
			ne = search_lookup(s, nc);
			if (!(ne->flags & FOLD_CONTEXT)) {
				have = 1;
				break;
			}
		}
		if (j > i + clen || (e->flags & FOLD_CONTEXT)) {
			search_emit_segment(s, p, i, j);
			have = 0;
		} else {
			fo = s->ftext.len;
			if (fo + e->len >= s->ftext.cap)
				buf_grow(&s->ftext, e->len);
			memcpy(s->ftext.data + fo, s->pool.data + e->off,
			    e->len);
			s->ftext.len += e->len;
			same = (e->flags & FOLD_SINGLE) && e->len == clen;
			search_run(s, fo, e->len, i, clen, same);
		}
		if (have) {
			c = nc;
			clen = nlen;
			e = ne;
		}
		i = j;
	}
	s->ftext.data[s->ftext.len] = '\0';
}

/*
 * Map a folded offset back to the source: a start (end == 0) or an end
 * offset. Returns 0 when it falls inside the fold of one source piece.
 */
static int
search_map(const struct search *s, size_t x, int end, size_t *out)
{
	size_t			 lo = 0, hi = s->nruns, mid;
	const struct fold_run	*r;

	/* The last run starting before x (end) or at or before x (start). */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (end ? s->runs[mid].fo < x : s->runs[mid].fo <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	r = &s->runs[lo - 1];
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

static int
search_ascii_only(const char *p, size_t n)
{
	uint64_t	w;
	size_t		i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ULL)
			return 0;
	}
	for (; i < n; i++)
		if ((unsigned char)p[i] >= 0x80)
			return 0;
	return 1;
}

/* memmem ignoring ASCII case; q is lower case. */
static const char *
search_memcase(const char *h, size_t hn, const char *q, size_t qn)
{
	const char	*p, *end;
	char		 up;
	size_t		 k;

	if (qn == 0 || qn > hn)
		return NULL;
	up = (q[0] >= 'a' && q[0] <= 'z') ? (char)(q[0] - 'a' + 'A') : q[0];
	end = h + hn - qn;
	for (p = h; p <= end; p++) {
		if (*p != q[0] && *p != up)
			continue;
		for (k = 1; k < qn; k++)
			if (search_ascii_lower(p[k]) != q[k])
				break;
		if (k == qn)
			return p;
	}
	return NULL;
}

static void
search_push(struct search *s, int block, size_t off, size_t len)
{
	struct search_match	*m;

	m = ARRAY_PUSH(s->m, s->nm, s->cap_m);
	m->block = block;
	m->off = off;
	m->len = len;
}

/* Matches in one stretch of doc text (a block's text or a table cell). */
static void
search_text(struct search *s, int block, size_t off, size_t len)
{
	const char	*p = doc_text(s->doc, off), *h, *q = s->query.data;
	size_t		 qn = s->query.len, x, a, b;

	if (len == 0 || qn == 0)
		return;
	if (search_ascii_only(p, len)) {
		if (!s->query_ascii)
			return;
		for (x = 0; x + qn <= len; x = (size_t)(h - p) + qn) {
			h = s->cs ? memmem(p + x, len - x, q, qn) :
			    search_memcase(p + x, len - x, q, qn);
			if (h == NULL)
				break;
			search_push(s, block, off + (size_t)(h - p), qn);
		}
		return;
	}
	search_fold(s, p, len);
	for (x = 0; x + qn <= s->ftext.len; ) {
		h = memmem(s->ftext.data + x, s->ftext.len - x, q, qn);
		if (h == NULL)
			break;
		x = (size_t)(h - s->ftext.data);
		if (search_map(s, x, 0, &a) && search_map(s, x + qn, 1, &b) &&
		    b > a) {
			search_push(s, block, off + a, b - a);
			x += qn;
		} else
			x++;
	}
}

/* All matches of one block; blocks can be scanned lazily one at a time. */
static void
search_scan_block(struct search *s, int bi)
{
	const struct doc	*d = s->doc;
	const struct block	*b = &d->blocks[bi];
	const struct table	*t;
	size_t			 i, ncells;

	if (b->flags & BLOCK_HIDDEN)
		return;
	if (b->type == BLOCK_TABLE && b->table >= 0 &&
	    (size_t)b->table < d->ntables) {
		t = &d->tables[b->table];
		ncells = (size_t)t->nrows * (size_t)t->ncols;
		for (i = 0; i < ncells && t->cell_first + i < d->ncells; i++)
			search_text(s, bi, d->cells[t->cell_first + i].text_off,
			    d->cells[t->cell_first + i].text_len);
	}
	search_text(s, bi, b->text_off, b->text_len);
}

struct search *
search_new(const struct doc *d, const char *q, size_t n)
{
	struct search	*s = xcalloc(1, sizeof *s);
	size_t		 i, clen;
	uint32_t	 c;

	s->doc = d;
	for (i = 0; i < n; i += clen) {
		clen = text_decode(q + i, n - i, &c);
		if (search_is_upper(c))
			s->cs = 1;
	}
	search_fold(s, q, n);
	buf_append(&s->query, s->ftext.data != NULL ? s->ftext.data : "",
	    s->ftext.len);
	s->query_ascii = search_ascii_only(s->query.data, s->query.len);
	for (i = 0; i < d->nblocks; i++)
		search_scan_block(s, (int)i);
	return s;
}

void
search_free(struct search *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < FOLD_NPAGES; i++)
		free(s->pages[i]);
	buf_free(&s->query);
	buf_free(&s->pool);
	buf_free(&s->ftext);
	buf_free(&s->tmp);
	buf_free(&s->tmp2);
	free(s->runs);
	free(s->m);
	free(s);
}

int
search_case_sensitive(const struct search *s)
{
	return s->cs;
}

size_t
search_count(struct search *s)
{
	return s->nm;
}

const struct search_match *
search_match_at(struct search *s, size_t i)
{
	return i < s->nm ? &s->m[i] : NULL;
}

/* Index of the first match at or after (block, off). */
static size_t
search_lower_bound(const struct search *s, int block, size_t off)
{
	size_t	lo = 0, hi = s->nm, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->m[mid].block < block ||
		    (s->m[mid].block == block && s->m[mid].off < off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long
search_next(struct search *s, int block, size_t off, int forward)
{
	size_t	i;

	if (s->nm == 0)
		return -1;
	i = search_lower_bound(s, block, off);
	if (forward)
		return i < s->nm ? (long)i : 0;
	return i > 0 ? (long)(i - 1) : (long)(s->nm - 1);
}

void
search_block(struct search *s, int block, size_t *first, size_t *n)
{
	size_t	a = search_lower_bound(s, block, 0);
	size_t	b = search_lower_bound(s, block + 1, 0);

	*first = a;
	*n = b - a;
}
