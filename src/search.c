/* Search over the doc's display text: folded matching mapped back to exact doc byte ranges. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "internal.h"
#include "scholia/doc.h"
#include "scholia/search.h"
#include "search_int.h"

struct search {
	struct search_index	*ix;
	struct search_index	*owned;
	int			 cs;		/* case-sensitive */
	struct buf		 query;		/* folded query */
	int			 query_ascii;
	int			 query_letters;	/* has ASCII letters */
	uint64_t		 rel;		/* relevant variants' bits */
	size_t			 nrel;		/* variants checked for rel */

	/*
	 * Blocks [lo, hi) are scanned, a range grown from start both ways:
	 * the matches of [start, hi) in reading order in m, those of
	 * [lo, start) in back, in reverse reading order (the last first).
	 */
	int			 start;
	int			 lo;
	int			 hi;
	int			 into_back;	/* pushes go to back (1),
						   to peek (2) */
	struct search_match	*m;
	size_t			 nm;
	size_t			 cap_m;
	struct search_match	*back;
	size_t			 nback;
	size_t			 cap_back;
	struct search_match	*peek;		/* one block's, to draw */
	int			 peek_block;	/* scanned into peek, or -1 */
	size_t			 npeek;
	size_t			 cap_peek;
	struct fold_out		 out;		/* a folded stretch */
};

static int	 search_plain_query(const char *, size_t);
static void	 search_relevant(struct search *);
static const char *search_memcase(const char *, size_t, const char *,
		     size_t);
static void	 search_push(struct search *, int, size_t, size_t);
static void	 search_raw(struct search *, int, const char *, size_t,
		     size_t);
static void	 search_folded(struct search *, int, const char *, size_t,
		     size_t);
static void	 search_stretch(struct search *, struct stretch *, int,
		     size_t, size_t);
static void	 search_scan_block(struct search *, int);
static size_t	 search_lower_bound(struct search *, int, size_t);
static size_t	 search_grow(struct search *, int);

/* A query all in ASCII, which a fold without script tables finds right. */
static int
search_plain_query(const char *q, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if ((unsigned char)q[i] >= 0x80)
			return 0;
	}
	return 1;
}

/*
 * Bring s->rel up to date with variants the index learnt since: one is
 * relevant when its fold, or itself, occurs in the folded query.
 */
static void
search_relevant(struct search *s)
{
	struct fold_memo	*m = &s->ix->memo[s->cs];
	struct fold_entry	*e;
	uint32_t		 c;
	uint8_t			 enc[8];
	int			 n;

	for (; s->nrel < s->ix->nvar[s->cs]; s->nrel++) {
		c = s->ix->var[s->cs][s->nrel];
		e = search_fold_lookup(m, c);
		n = u8_uctomb(enc, c, sizeof enc);
		if (memmem(s->query.data, s->query.len, m->pool.data + e->off,
		    e->len) != NULL || (n > 0 && memmem(s->query.data,
		    s->query.len, enc, (size_t)n) != NULL))
			s->rel |= search_bit(c);
	}
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
			if (p[k] != q[k] && !(q[k] >= 'a' && q[k] <= 'z' &&
			    p[k] == q[k] - 'a' + 'A'))
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

	if (s->into_back == 2)
		m = ARRAY_PUSH(s->peek, s->npeek, s->cap_peek);
	else if (s->into_back)
		m = ARRAY_PUSH(s->back, s->nback, s->cap_back);
	else
		m = ARRAY_PUSH(s->m, s->nm, s->cap_m);
	m->block = block;
	m->off = off;
	m->len = len;
}

/* A stretch where folding changes nothing that matters: search it in place. */
static void
search_raw(struct search *s, int block, const char *p, size_t len,
    size_t off)
{
	const char	*h, *q = s->query.data;
	size_t		 qn = s->query.len, x;
	int		 blind = !s->cs && s->query_letters;

	for (x = 0; x + qn <= len; x = (size_t)(h - p) + qn) {
		h = blind ? search_memcase(p + x, len - x, q, qn) :
		    memmem(p + x, len - x, q, qn);
		if (h == NULL)
			break;
		search_push(s, block, off + (size_t)(h - p), qn);
	}
}

/* Fold a stretch and map the matches in the folded text back. */
static void
search_folded(struct search *s, int block, const char *p, size_t len,
    size_t off)
{
	struct fold_out	*o = &s->out;
	const char	*h;
	size_t		 qn = s->query.len, x, a, b;

	search_fold_text(&s->ix->memo[s->cs], p, len, o);
	for (x = 0; x + qn <= o->text.len; ) {
		h = memmem(o->text.data + x, o->text.len - x, s->query.data,
		    qn);
		if (h == NULL)
			break;
		x = (size_t)(h - o->text.data);
		if (search_fold_map(o, x, 0, &a) &&
		    search_fold_map(o, x + qn, 1, &b) && b > a) {
			search_push(s, block, off + a, b - a);
			x += qn;
		} else
			x++;
	}
}

/* Matches in one stretch of doc text (a block's text or a table cell). */
static void
search_stretch(struct search *s, struct stretch *st, int block, size_t off,
    size_t len)
{
	const char	*p = doc_text(s->ix->doc, off);

	if (len == 0 || s->query.len == 0)
		return;
	if (!(st->flags & (STRETCH_SCANNED << s->cs)))
		search_index_scan(s->ix, st, p, len, s->cs);
	/* variants learnt since, by this scan or another search's */
	search_relevant(s);
	if ((st->flags & STRETCH_ASCII) && !s->query_ascii)
		return;
	if (!(st->flags & STRETCH_CONTEXT) && !(st->sig[s->cs] & s->rel))
		search_raw(s, block, p, len, off);
	else
		search_folded(s, block, p, len, off);
}

/* All matches of one block; blocks can be scanned lazily one at a time. */
static void
search_scan_block(struct search *s, int bi)
{
	const struct doc	*d = s->ix->doc;
	const struct block	*b = &d->blocks[bi];
	const struct table	*t;
	size_t			 i, ci, ncells;

	if (b->flags & BLOCK_HIDDEN)
		return;
	if (b->type == BLOCK_TABLE && b->table >= 0 &&
	    (size_t)b->table < d->ntables) {
		t = &d->tables[b->table];
		ncells = (size_t)t->nrows * (size_t)t->ncols;
		for (i = 0; i < ncells && t->cell_first + i < d->ncells; i++) {
			ci = t->cell_first + i;
			search_stretch(s, &s->ix->cells[ci], bi,
			    d->cells[ci].text_off, d->cells[ci].text_len);
		}
	}
	search_stretch(s, &s->ix->blocks[bi], bi, b->text_off, b->text_len);
}

/* A new search, nothing scanned yet: the scan grows from block start. */
struct search *
search_new_at(struct search_index *ix, const char *q, size_t n, int start)
{
	struct search	*s = xcalloc(1, sizeof *s);
	size_t		 i, clen;
	uint32_t	 c;

	/*
	 * While the fold tables are built an ASCII query goes through a
	 * second index that folds without them; any other waits.
	 */
	if (search_warm_busy() && search_plain_query(q, n)) {
		if (ix->plain == NULL) {
			ix->plain = search_index_new(ix->doc);
			ix->plain->memo[0].plain = 1;
			ix->plain->memo[1].plain = 1;
		}
		ix = ix->plain;
	} else
		search_warm_done();
	s->ix = ix;
	for (i = 0; i < n; i += clen) {
		clen = text_decode(q + i, n - i, &c);
		if (clen == 0)
			break;
		if (search_fold_is_upper(c))
			s->cs = 1;
	}
	search_fold_text(&ix->memo[s->cs], q, n, &s->out);
	buf_append(&s->query, s->out.text.data, s->out.text.len);
	for (i = 0; i < s->query.len; i++) {
		c = (unsigned char)s->query.data[i];
		if (c >= 0x80)
			s->query_ascii = -1;
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			s->query_letters = 1;
	}
	s->query_ascii = s->query_ascii == 0;
	search_relevant(s);
	if (start < 0 || ix->doc->nblocks == 0)
		start = 0;
	else if ((size_t)start >= ix->doc->nblocks)
		start = (int)ix->doc->nblocks - 1;
	s->start = s->lo = s->hi = start;
	s->peek_block = -1;
	return s;
}

struct search *
search_new_indexed(struct search_index *ix, const char *q, size_t n)
{
	struct search	*s = search_new_at(ix, q, n, 0);

	search_more(s, SIZE_MAX, 1);
	return s;
}

struct search *
search_new(const struct doc *d, const char *q, size_t n)
{
	struct search_index	*ix = search_index_new(d);
	struct search		*s;

	s = search_new_indexed(ix, q, n);
	s->owned = ix;
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	search_index_free(s->owned);
	buf_free(&s->query);
	search_fold_out_free(&s->out);
	free(s->m);
	free(s->back);
	free(s->peek);
	free(s);
}

int
search_case_sensitive(const struct search *s)
{
	return s->cs;
}

/* Scan one block more on the side asked for; its cost in bytes. */
static size_t
search_grow(struct search *s, int forward)
{
	const struct doc	*d = s->ix->doc;
	const struct block	*b;
	struct search_match	 t;
	size_t			 k, cost, mark;
	int			 bi;

	if (forward) {
		bi = s->hi++;
		s->into_back = 0;
	} else {
		bi = --s->lo;
		s->into_back = 1;
	}
	mark = s->nback;
	search_scan_block(s, bi);
	s->into_back = 0;
	/* a block's matches come in order: reversed onto back */
	for (k = s->nback; mark + 1 < k; mark++, k--) {
		t = s->back[mark];
		s->back[mark] = s->back[k - 1];
		s->back[k - 1] = t;
	}
	b = &d->blocks[bi];
	cost = 64 + ((b->flags & BLOCK_HIDDEN) ? 0 : b->text_len);
	if (b->type == BLOCK_TABLE && !(b->flags & BLOCK_HIDDEN) &&
	    b->table >= 0 && (size_t)b->table < d->ntables)
		cost += b->text_len;	/* the cells, about as long */
	return cost;
}

int
search_more(struct search *s, size_t bytes, int forward)
{
	int	n = (int)s->ix->doc->nblocks;
	size_t	spent = 0;

	while (spent < bytes) {
		if ((forward || s->lo == 0) && s->hi < n)
			spent += search_grow(s, 1);
		else if (s->lo > 0)
			spent += search_grow(s, 0);
		else
			break;
	}
	return search_done(s);
}

int
search_done(const struct search *s)
{
	return s->lo == 0 && (size_t)s->hi >= s->ix->doc->nblocks;
}

size_t
search_known(const struct search *s)
{
	return s->nback + s->nm;
}

size_t
search_count(struct search *s)
{
	search_more(s, SIZE_MAX, 1);
	return search_known(s);
}

const struct search_match *
search_match_at(struct search *s, size_t i)
{
	if (i < s->nback)
		return &s->back[s->nback - 1 - i];
	i -= s->nback;
	return i < s->nm ? &s->m[i] : NULL;
}

/* Index of the first match found so far at or after (block, off). */
static size_t
search_lower_bound(struct search *s, int block, size_t off)
{
	const struct search_match	*m;
	size_t				 lo = 0, hi = search_known(s), mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		m = search_match_at(s, mid);
		if (m->block < block || (m->block == block && m->off < off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The next match from (block, off), scanning on at most bytes more: an
 * answer is given only once the blocks it depends on are all scanned.
 */
long
search_seek(struct search *s, int block, size_t off, int forward,
    size_t bytes)
{
	size_t	spent = 0, i, known;
	int	n = (int)s->ix->doc->nblocks;

	if (block < 0) {
		block = 0;
		off = 0;
	}
	for (;;) {
		known = search_known(s);
		if (block >= s->lo && (block < s->hi || s->hi == n)) {
			i = search_lower_bound(s, block, off);
			if (forward && i < known)
				return (long)i;
			if (!forward && i > 0)
				return (long)(i - 1);
			/* nothing ahead: on to that end, then round */
			if (forward && s->hi == n && s->lo == 0)
				return known > 0 ? 0 : -1;
			if (!forward && s->lo == 0 && s->hi == n)
				return known > 0 ? (long)(known - 1) : -1;
			if (forward && s->hi == n) {
				block = 0;
				off = 0;
			} else if (!forward && s->lo == 0) {
				block = n;
				off = 0;
			}
		}
		if (spent >= bytes)
			return SEARCH_MORE;
		/* grow toward the place asked about */
		if (block >= s->hi && s->hi < n)
			spent += search_grow(s, 1);
		else if (block < s->lo)
			spent += search_grow(s, 0);
		else if (forward && s->hi < n)
			spent += search_grow(s, 1);
		else if (!forward && s->lo > 0)
			spent += search_grow(s, 0);
		else
			return -1;	/* not reached */
	}
}

long
search_next(struct search *s, int block, size_t off, int forward)
{
	return search_seek(s, block, off, forward, SIZE_MAX);
}

void
search_block(struct search *s, int block, size_t *first, size_t *n)
{
	size_t	a = search_lower_bound(s, block, 0);
	size_t	b = search_lower_bound(s, block + 1, 0);

	*first = a;
	*n = b - a;
}

size_t
search_block_matches(struct search *s, int block,
    const struct search_match **out)
{
	size_t	first, n, i;

	if (block == s->peek_block && (block < s->lo || block >= s->hi)) {
		*out = s->peek;
		return s->npeek;
	}
	s->npeek = 0;
	s->peek_block = -1;
	if (block < 0 || (size_t)block >= s->ix->doc->nblocks) {
		*out = NULL;
		return 0;
	}
	if (block >= s->lo && block < s->hi) {
		search_block(s, block, &first, &n);
		for (i = 0; i < n; i++)
			*ARRAY_PUSH(s->peek, s->npeek, s->cap_peek) =
			    *search_match_at(s, first + i);
	} else {
		s->into_back = 2;
		search_scan_block(s, block);
		s->into_back = 0;
		s->peek_block = block;
	}
	*out = s->peek;
	return s->npeek;
}
