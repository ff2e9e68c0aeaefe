/* Character classes and block surgery shared by the recovery passes. */
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "internal.h"
#include "recover.h"
#include "scholia/doc.h"

#define RECOVER_TAIL	64	/* bytes of a block's end read for its end */

static size_t	recover_cont8(const char *);
static void	recover_copy_spans(struct doc *, int, size_t, size_t, int);
static int	recover_abbrev(const char *, size_t, uint32_t);
static size_t	recover_tail(const struct doc *, int, char *, int *);
static int	recover_ends(const char *, size_t, int);
static void	recover_move_text(struct doc *, int, size_t);

/* Step back over up to three continuation bytes to the last character. */
size_t
recover_decode_last(const char *s, size_t n, uint32_t *uc)
{
	size_t	i;

	*uc = 0;
	if (n == 0)
		return 0;
	if ((unsigned char)s[n - 1] < 0x80) {
		*uc = (unsigned char)s[n - 1];	/* a character alone */
		return 1;
	}
	i = n - 1;
	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	if (text_next(s + i, n - i, uc) != n - i) {
		*uc = 0xfffd;
		return 1;
	}
	return n - i;
}

int
recover_is_cjk(uint32_t c)
{
	return recover_is_han(c) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xff00 && c <= 0xffef) || c == 0x201c || c == 0x201d ||
	    c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 ||
	    c == 0xb7 || c == 0x2022;
}

int
recover_is_closing(uint32_t c)
{
	return c == 0x201d || c == 0x2019 || c == '"' || c == '\'' ||
	    c == ')' || c == 0xff09 || c == 0x300d || c == 0x300f ||
	    c == 0x3011 || c == 0x300b || c == 0x3009 || c == ']' ||
	    c == '*' || c == 0xff3d;
}

int
recover_is_final(uint32_t c)
{
	return c == 0x3002 || c == 0xff01 || c == 0xff1f || c == '.' ||
	    c == '!' || c == '?' || c == 0x2026 || c == 0xff0e ||
	    c == 0xff61;
}

const char *
recover_trim(const char *s, size_t *n)
{
	uint32_t	c;
	size_t		l;

	while (*n > 0) {
		l = text_next(s, *n, &c);
		if (!recover_is_space(c))
			break;
		s += l;
		*n -= l;
	}
	while (*n > 0) {
		l = recover_decode_last(s, *n, &c);
		if (!recover_is_space(c))
			break;
		*n -= l;
	}
	return s;
}

/* Continuation bytes among the 8 at s: bit 7 set and bit 6 clear. */
static inline size_t
recover_cont8(const char *s)
{
	uint64_t	w;

	memcpy(&w, s, 8);
	w = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
	return (size_t)((w * 0x0101010101010101ULL) >> 56);
}

/* Characters are bytes that are no continuation byte: counted 8 at once. */
size_t
recover_nchars(const char *s, size_t n)
{
	size_t	i = 0, cont = 0;

	for (; i + 8 <= n; i += 8)
		cont += recover_cont8(s + i);
	for (; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			cont++;
	return n - cont;
}

/*
 * The count of the bytes read so far never exceeds that of the whole:
 * once it passes the limit, the rest need not be read.
 */
int
recover_nchars_over(const char *s, size_t n, size_t lim)
{
	size_t	i = 0, cont = 0;

	if (n <= lim)
		return 0;
	for (; i + 32 <= n; i += 32) {
		cont += recover_cont8(s + i) + recover_cont8(s + i + 8) +
		    recover_cont8(s + i + 16) + recover_cont8(s + i + 24);
		if (i + 32 - cont > lim)
			return 1;
	}
	return i - cont + recover_nchars(s + i, n - i) > lim;
}

/* Spans covering the text in a row, none left out: no copy needed. */
const char *
recover_block_plain_at(const struct doc *d, int bi, size_t *n)
{
	const struct block	*b = &d->blocks[bi];
	const struct span	*sp;
	size_t			 i, at = b->text_off;

	for (i = 0; i < b->span_count; i++) {
		sp = &d->spans[b->span_first + i];
		if (sp->flags & (SPAN_REF | SPAN_NOTELABEL) || sp->off != at)
			return NULL;
		at += sp->len;
	}
	if (at != b->text_off + b->text_len && b->span_count > 0)
		return NULL;
	*n = b->text_len;
	return recover_trim(d->text.data + b->text_off, n);
}

void
recover_block_plain(const struct doc *d, int bi, struct buf *out)
{
	const struct block	*b = &d->blocks[bi];
	const struct span	*sp;
	struct buf		 tmp = { 0 };
	const char		*s;
	size_t			 i, n;

	if ((s = recover_block_plain_at(d, bi, &n)) != NULL) {
		buf_append(out, s, n);
		return;
	}
	for (i = 0; i < b->span_count; i++) {
		sp = &d->spans[b->span_first + i];
		if (sp->flags & (SPAN_REF | SPAN_NOTELABEL))
			continue;
		buf_append(&tmp, d->text.data + sp->off, sp->len);
	}
	n = tmp.len;
	s = recover_trim(tmp.data != NULL ? tmp.data : "", &n);
	buf_append(out, s, n);
	buf_free(&tmp);
}

/*
 * The last bytes of a block's plain text (as recover_block_plain makes it,
 * untrimmed) into buf, at most RECOVER_TAIL from a character start: what
 * its end reads needs no copy of a whole paragraph. Returns their length;
 * *all says whether they are all of it.
 */
static size_t
recover_tail(const struct doc *d, int bi, char *buf, int *all)
{
	const struct block	*b = &d->blocks[bi];
	const struct span	*sp;
	size_t			 k = RECOVER_TAIL, take, n, i;

	*all = 1;
	if (b->span_count == 0) {
		take = b->text_len < k ? b->text_len : k;
		memcpy(buf + k - take, d->text.data + b->text_off +
		    b->text_len - take, take);
		k -= take;
		*all = take == b->text_len;
	} else {
		for (i = b->span_count; i-- > 0;) {
			sp = &d->spans[b->span_first + i];
			if ((sp->flags & (SPAN_REF | SPAN_NOTELABEL)) ||
			    sp->len == 0)
				continue;
			if (k == 0) {
				*all = 0;
				break;
			}
			take = sp->len < k ? sp->len : k;
			memcpy(buf + k - take, d->text.data + sp->off +
			    sp->len - take, take);
			k -= take;
			if (take < sp->len) {
				*all = 0;
				break;
			}
		}
	}
	n = RECOVER_TAIL - k;
	memmove(buf, buf + k, n);
	if (!*all) {
		for (i = 0; i < n && i < 3 &&
		    ((unsigned char)buf[i] & 0xC0) == 0x80; i++)
			;
		memmove(buf, buf + i, n - i);
		n -= i;
	}
	return n;
}

uint32_t
recover_block_last(const struct doc *d, int bi)
{
	struct buf	plain = { 0 };
	char		tail[RECOVER_TAIL];
	uint32_t	c = 0;
	size_t		n, l;
	int		all;

	/* the last character that is no space, in the tail if it is there */
	n = recover_tail(d, bi, tail, &all);
	while (n > 0) {
		l = recover_decode_last(tail, n, &c);
		if (!recover_is_space(c))
			return c;
		n -= l;
	}
	if (all)
		return 0;
	recover_block_plain(d, bi, &plain);
	c = 0;
	recover_decode_last(plain.data, plain.len, &c);
	buf_free(&plain);
	return c;
}

/* "U. S." ends in an initial, not a full stop. */
static int
recover_abbrev(const char *s, size_t n, uint32_t c)
{
	return c == '.' && n >= 2 && s[n - 2] >= 'A' && s[n - 2] <= 'Z' &&
	    (n == 2 || s[n - 3] == ' ' || s[n - 3] == '.');
}

/* recover_block_ends_sentence over plain text s..n; -1: it needs more. */
static int
recover_ends(const char *s, size_t n, int all)
{
	uint32_t	c = 0;
	size_t		l;

	while (n > 0) {
		if (!all && n < 4)
			return -1;	/* near the start of a tail */
		l = recover_decode_last(s, n, &c);
		if (recover_is_final(c))
			/* "U. S." is an abbreviation, not a stop */
			return !recover_abbrev(s, n, c);
		if (!recover_is_closing(c) && !recover_is_space(c))
			return 0;
		n -= l;
	}
	return all ? 0 : -1;
}

int
recover_block_ends_sentence(const struct doc *d, int bi)
{
	struct buf	 plain = { 0 };
	char		 tail[RECOVER_TAIL];
	const char	*s;
	size_t		 n;
	int		 all, final;

	n = recover_tail(d, bi, tail, &all);
	s = tail;
	if (all)
		s = recover_trim(tail, &n);
	else
		while (n > 0 && tail[n - 1] == ' ')
			n--;	/* the rest of the trim: recover_ends skips */
	if ((final = recover_ends(s, n, all)) >= 0)
		return final;
	recover_block_plain(d, bi, &plain);
	n = plain.len;
	final = recover_ends(plain.data, n, 1);
	buf_free(&plain);
	return final;
}

void
recover_prefetch(const struct doc *d, size_t bi)
{
	const struct block	*b;

	if (bi >= d->nblocks)
		return;
	b = &d->blocks[bi];
	__builtin_prefetch(&d->spans[b->span_first]);
	__builtin_prefetch(doc_text(d, b->text_off));
	if (b->text_len > 0)
		__builtin_prefetch(doc_text(d, b->text_off + b->text_len - 1));
}

int
recover_next_flow(const struct doc *d, int bi)
{
	size_t	i;

	for (i = (size_t)bi + 1; i < d->nblocks; i++)
		if (doc_in_flow(d, (int)i))
			return (int)i;
	return -1;
}

int
recover_prev_flow(const struct doc *d, int bi)
{
	int	i;

	for (i = bi - 1; i >= 0; i--)
		if (doc_in_flow(d, i))
			return i;
	return -1;
}

/* Copy spans of block src as spans of block dst whose text starts at base. */
static void
recover_copy_spans(struct doc *d, int src, size_t base, size_t old_off,
    int dst)
{
	struct block	*b = &d->blocks[src];
	struct span	 sp, *np;
	size_t		 i, first = b->span_first, count = b->span_count;

	for (i = 0; i < count; i++) {
		sp = d->spans[first + i];
		sp.off = base + (sp.off - old_off);
		np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
		*np = sp;
		if (sp.ref >= 0 && (size_t)sp.ref < d->nrefs) {
			d->refs[sp.ref].text_off = sp.off;
			d->refs[sp.ref].block = dst;
		}
	}
}

/*
 * The hidden piece of a join reads its text (and spans) from the joined
 * copy at, the same bytes: its old copy is then used by no one, and
 * compaction can give it back.
 */
static void
recover_move_text(struct doc *d, int bi, size_t at)
{
	struct block	*b = &d->blocks[bi];
	size_t		 i;

	for (i = 0; i < b->span_count; i++)
		d->spans[b->span_first + i].off = (uint32_t)(at +
		    (d->spans[b->span_first + i].off - b->text_off));
	b->text_off = at;
}

/* Whether joining text ending in ca to text starting with cb needs a space. */
static int
recover_join_space(const struct doc *d, const struct block *a,
    const struct block *b)
{
	const char	*s;
	size_t		 n;
	uint32_t	 ca = 0, cb = 0;

	n = a->text_len;
	s = recover_trim(d->text.data + a->text_off, &n);
	recover_decode_last(s, n, &ca);
	n = b->text_len;
	s = recover_trim(d->text.data + b->text_off, &n);
	text_next(s, n, &cb);
	return !(recover_is_cjk(ca) || recover_is_cjk(cb)) && ca != 0 &&
	    cb != 0 && ca != '-';
}

void
recover_join(struct doc *d, int ai, int bi)
{
	recover_join_many(d, ai, &bi, 1);
}

/* One copy for a whole chain, so joining stays linear in the text. */
void
recover_join_many(struct doc *d, int ai, const int *next, size_t count)
{
	struct block	*a;
	struct span	*np;
	size_t		 base, first, total, i, at;
	int		 prev, bi;

	total = d->blocks[ai].text_len;
	for (i = 0; i < count; i++)
		total += d->blocks[next[i]].text_len + 1;
	buf_grow(&d->text, total);
	base = d->text.len;
	first = d->nspans;
	a = &d->blocks[ai];
	buf_append(&d->text, d->text.data + a->text_off, a->text_len);
	recover_copy_spans(d, ai, base, a->text_off, ai);
	prev = ai;
	for (i = 0; i < count; i++) {
		bi = next[i];
		if (recover_join_space(d, &d->blocks[prev], &d->blocks[bi])) {
			np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
			memset(np, 0, sizeof *np);
			np->off = d->text.len;
			np->len = 1;
			np->ref = -1;
			buf_putc(&d->text, ' ');
		}
		recover_copy_spans(d, bi, d->text.len, d->blocks[bi].text_off,
		    ai);
		at = d->text.len;
		buf_append(&d->text, d->text.data + d->blocks[bi].text_off,
		    d->blocks[bi].text_len);
		recover_move_text(d, bi, at);
		d->blocks[bi].flags |= BLOCK_HIDDEN;
		if (d->blocks[bi].end_line > d->blocks[ai].end_line)
			d->blocks[ai].end_line = d->blocks[bi].end_line;
		prev = bi;
	}
	a = &d->blocks[ai];
	a->text_off = base;
	a->text_len = d->text.len - base;
	a->span_first = first;
	a->span_count = d->nspans - first;
}

void
recover_split_head(struct doc *d, int bi, size_t n, unsigned flags)
{
	struct block	*b = &d->blocks[bi];
	struct span	 sp, *np;
	size_t		 i, first = b->span_first, count = b->span_count;
	size_t		 end = b->text_off + n, cut;

	b->span_first = d->nspans;
	for (i = 0; i < count; i++) {
		sp = d->spans[first + i];
		if (sp.off >= end || sp.ref >= 0) {
			np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
			*np = sp;
			continue;
		}
		cut = sp.off + sp.len < end ? sp.len : end - sp.off;
		np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
		*np = sp;
		np->len = cut;
		np->flags |= flags;
		if (cut < sp.len) {
			np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
			*np = sp;
			np->off += cut;
			np->len -= cut;
		}
	}
	b = &d->blocks[bi];
	b->span_count = d->nspans - b->span_first;
}

void
recover_prepend(struct doc *d, int bi, const char *pre, unsigned flags)
{
	struct block	*b = &d->blocks[bi];
	struct span	*np;
	size_t		 off = b->text_off, len = b->text_len, n = strlen(pre);
	size_t		 base, first;

	buf_grow(&d->text, n + len);
	base = d->text.len;
	first = d->nspans;
	np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
	memset(np, 0, sizeof *np);
	np->off = base;
	np->len = n;
	np->flags = flags;
	np->ref = -1;
	buf_append(&d->text, pre, n);
	recover_copy_spans(d, bi, d->text.len, off, bi);
	buf_append(&d->text, d->text.data + off, len);
	b = &d->blocks[bi];
	b->text_off = base;
	b->text_len = n + len;
	b->span_first = first;
	b->span_count = d->nspans - first;
}

/* Compact the references, keeping spans and note back-links in step. */
void
recover_drop_refs(struct doc *d, const char *drop)
{
	int	*map;
	size_t	 i, k = 0;
	int	 j, m;

	map = xcalloc(d->nrefs + 1, sizeof *map);
	for (i = 0; i < d->nrefs; i++) {
		if (drop[i]) {
			free(d->refs[i].label);
			map[i] = -1;
			continue;
		}
		map[i] = (int)k;
		d->refs[k++] = d->refs[i];
	}
	for (i = 0; i < d->nspans; i++) {
		struct span *sp = &d->spans[i];

		if (sp->ref < 0 || (size_t)sp->ref >= d->nrefs)
			continue;
		sp->ref = map[sp->ref];
		if (sp->ref < 0)
			sp->flags &= ~SPAN_REF;
	}
	for (i = 0; i < d->nnotes; i++) {
		struct note *n = &d->notes[i];

		for (j = m = 0; j < n->nrefs; j++)
			if (map[n->refs[j]] >= 0)
				n->refs[m++] = map[n->refs[j]];
		n->nrefs = m;
	}
	d->nrefs = k;
	free(map);
}
