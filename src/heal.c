/* Healing what page breaks did: rejoined paragraphs, dropped page furniture and leading junk. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc_compact.h"
#include "internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/heal.h"
#include "scholia/outline.h"

#define HEAL_RUNNING_MAX	40	/* characters of a running head */
#define HEAL_RUNNING_MIN	3	/* occurrences that make one */
#define HEAL_GARBAGE		((size_t)4 << 20)	/* compaction */
#define HEAL_AHEAD		8	/* blocks read ahead of the map */
#define HEAL_SHORT_MD		20	/* shorter lines cut mid-sentence may */
#define HEAL_SHORT_TEXT		40	/* be headings: joined at breaks only */
/* What a running head's key leaves out: page numbers change. */
#define HEAL_KEY_SKIP(c)	(((c) >= '0' && (c) <= '9') || (c) == ' ')

/*
 * A short paragraph's key for running heads: its trimmed text s..n read
 * without digits and spaces, and a hash of that.
 */
struct heal_key {
	const char	*s;
	size_t		 n;
	uint64_t	 hash;
	int		 block;
};

/* heal_map flags of a block */
#define HEAL_BRK	0x01	/* it marks a break */
#define HEAL_KEY	0x02	/* a short line: maybe a running head */
#define HEAL_RULE	0x04	/* a line of rule characters, or an HR */
#define HEAL_JOIN	0x08	/* it may take part in a join */
#define HEAL_MID	0x10	/* and stops in the middle of a sentence */

/*
 * What the map over the blocks finds, each step writing slot i only. A
 * block's text does not change before the joins, and what furniture and
 * rules hide, doc_in_flow tells: the joins read these as they are.
 */
struct heal_map {
	struct doc	*d;
	unsigned char	*f;		/* HEAL_* flags of block i */
	uint32_t	*last;		/* HEAL_JOIN: recover_block_last */
	unsigned char	*kind;		/* outline_block_kind + 1, 0 unknown */
};

static void	heal_map_blocks(void *, size_t, size_t);
static int	heal_has_key(const char *, size_t);
static uint64_t	heal_key_hash(const char *, size_t);
static void	heal_sort_map(void *, size_t, size_t);
static void	heal_sort(struct heal_key *, size_t);
static int	heal_is_code(const char *, size_t);
static void	heal_junk(struct doc *);
static int	heal_is_pageno(const char *, size_t);
static int	heal_key_cmp(const void *, const void *);
static int	heal_key_order(const void *, const void *);
static int	heal_key_same(const struct heal_key *, const struct heal_key *);
static size_t	heal_common(const char *, const char *, size_t);
static void	heal_drop_heads(struct heal_map *, struct heal_key *, size_t,
		    int);
static void	heal_furniture(struct heal_map *, int);
static void	heal_rules(struct heal_map *);
static int	heal_mid_sentence(const struct doc *, int, uint32_t);
static int	heal_next(const struct doc *, int, const unsigned char *,
		    int *);
static int	heal_latin_cut(const struct doc *, int, uint32_t);
static int	heal_is_rule(const char *, size_t);
static void	heal_joins(struct heal_map *);
static size_t	heal_len(const struct doc *, int, const int *, size_t);
static void	heal_drop_hidden_refs(struct doc *);

/* Whether text reads as program code: no ideographs, dense punctuation. */
static int
heal_is_code(const char *s, size_t n)
{
	size_t		i, l, sym = 0, all = 0;
	uint32_t	c;

	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (recover_is_han(c))
			return 0;
		if (recover_is_space(c))
			continue;
		all++;
		if (c < 0x80 && strchr("$;{}()=<>[]'\"\\?&|!", (int)c) != NULL)
			sym++;
	}
	if (all == 0)
		return 0;
	if (n >= 2 && (memcmp(s, "<?", 2) == 0 || memcmp(s, "?>", 2) == 0))
		return 1;
	return sym * 6 >= all && (sym >= 2 || all <= 2);
}

/* Program code left before the document by a scraper is not the document. */
static void
heal_junk(struct doc *d)
{
	struct buf	plain = { 0 };
	size_t		i;

	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (!doc_in_flow(d, (int)i))
			continue;
		if (b->type != BLOCK_PARA && b->type != BLOCK_HEADING &&
		    (b->type != BLOCK_CODE || d->markdown))
			break;	/* a fenced block in Markdown is meant */
		buf_reset(&plain);
		recover_block_plain(d, (int)i, &plain);
		if (b->type != BLOCK_CODE && !heal_is_code(plain.data != NULL ?
		    plain.data : "", plain.len))
			break;
		if (recover_next_flow(d, (int)i) < 0)
			break;	/* nothing after it: it is the document */
		b->flags |= BLOCK_HIDDEN;
	}
	buf_free(&plain);
}

/* A page number: "• 128 •", "- 12 -", "— 5 —", "第 3 页", "Page 7". */
static int
heal_is_pageno(const char *s, size_t n)
{
	size_t		i, l, digits = 0, deco = 0;
	uint32_t	c;

	if (n >= 4 && strncasecmp(s, "page", 4) == 0) {
		s += 4;
		n -= 4;
		deco++;
	}
	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (c >= '0' && c <= '9') {
			if (digits > 0 && i > 0 && !(s[i - 1] >= '0' &&
			    s[i - 1] <= '9'))
				return 0;	/* two numbers */
			digits++;
		} else if (c == 0x2022 || c == 0xb7 || c == '-' ||
		    c == 0x2014 || c == 0x2013 || c == '_' || c == '=' ||
		    c == '*' || c == '|' || c == 0x7b2c || c == 0x9875 ||
		    c == 0x2219 || c == 0x25cf || c == '~' || c == 0xff0d)
			deco++;
		else if (!recover_is_space(c))
			return 0;
	}
	return digits > 0 && digits <= 4 && deco > 0;
}

/* Order running-head keys by hash: equal keys sit together. */
static int
heal_key_cmp(const void *va, const void *vb)
{
	const struct heal_key	*a = va, *b = vb;

	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

/* Bytes a and b (n of each) begin with alike, eight at a time. */
static size_t
heal_common(const char *a, const char *b, size_t n)
{
	size_t	i = 0;

	while (i + 8 <= n && memcmp(a + i, b + i, 8) == 0)
		i += 8;
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

/* Keys in the order of their bytes but digits and spaces, as strings. */
static int
heal_key_order(const void *va, const void *vb)
{
	const struct heal_key	*a = va, *b = vb;
	size_t			 i = 0, j = 0, k;

	for (;;) {
		/* equal bytes, left out or not, go by together */
		k = heal_common(a->s + i, b->s + j, a->n - i < b->n - j ?
		    a->n - i : b->n - j);
		i += k;
		j += k;
		while (i < a->n && HEAL_KEY_SKIP(a->s[i]))
			i++;
		while (j < b->n && HEAL_KEY_SKIP(b->s[j]))
			j++;
		if (i == a->n || j == b->n)
			return (i < a->n) - (j < b->n);
		if (a->s[i] != b->s[j])
			return (unsigned char)a->s[i] <
			    (unsigned char)b->s[j] ? -1 : 1;
	}
}

static int
heal_key_same(const struct heal_key *a, const struct heal_key *b)
{
	return a->hash == b->hash && heal_key_order(a, b) == 0;
}

/* Whether a short line s..n has a key: four bytes or more. */
static int
heal_has_key(const char *s, size_t n)
{
	size_t	i, len = 0;

	for (i = 0; i < n && len < 4; i++)
		len += !HEAL_KEY_SKIP(s[i]);
	return len >= 4;
}

/* The hash (FNV-1a) of the key of a short line s..n. */
static uint64_t
heal_key_hash(const char *s, size_t n)
{
	uint64_t	h = 0xcbf29ce484222325ULL;
	size_t		i;

	for (i = 0; i < n; i++)
		if (!HEAL_KEY_SKIP(s[i]))
			h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

/*
 * For blocks from to to: page numbers hidden, keys of short paragraphs,
 * rules, and for the joins, whether a block may take part and how it
 * ends. One pass reads each block once, and asks its outline kind once.
 */
static void
heal_map_blocks(void *arg, size_t from, size_t to)
{
	struct heal_map		*m = arg;
	struct doc		*d = m->d;
	const char		*s;
	size_t			 i, n;
	enum outline_kind	 kind;

	for (i = from; i < to; i++) {
		struct block *b = &d->blocks[i];

		recover_prefetch(d, i + HEAL_AHEAD);
		if (!doc_in_flow(d, (int)i))
			continue;
		if (b->type == BLOCK_HR)
			m->f[i] |= HEAL_RULE;	/* heal_rules reads no other */
		if (b->type != BLOCK_PARA)
			continue;
		/* for heal_rules, while the text is at hand */
		if (heal_is_rule(doc_text(d, b->text_off), b->text_len))
			m->f[i] |= HEAL_RULE;
		n = b->text_len;
		s = recover_trim(doc_text(d, b->text_off), &n);
		if (b->flags & BLOCK_LISTITEM) {
			/* "• 128 •", "- 12 -" read as bullet items */
			if ((strcmp(b->marker, "•") == 0 ||
			    strcmp(b->marker, "-") == 0) &&
			    heal_is_pageno(s, n)) {
				b->flags |= BLOCK_HIDDEN;
				m->f[i] |= HEAL_BRK;
			}
			continue;	/* no key, no join */
		}
		if (heal_is_pageno(s, n)) {
			b->flags |= BLOCK_HIDDEN;
			m->f[i] |= HEAL_BRK;
			continue;
		}
		kind = OUTLINE_NONE;
		if (b->list_depth == 0 && b->quote_depth == 0)
			kind = outline_block_kind(d, (int)i);	/* else none */
		m->kind[i] = (unsigned char)(kind + 1);
		/* 引言 of each article stays */
		if (!recover_nchars_over(s, n, HEAL_RUNNING_MAX) && n >= 4 &&
		    kind == OUTLINE_NONE && heal_has_key(s, n))
			m->f[i] |= HEAL_KEY;
		if (b->list_depth == 0 && b->quote_depth == 0 &&
		    b->text_len > 0 && kind == OUTLINE_NONE) {
			m->f[i] |= HEAL_JOIN;
			m->last[i] = recover_block_last(d, (int)i);
			if (heal_mid_sentence(d, (int)i, m->last[i]))
				m->f[i] |= HEAL_MID;
		}
	}
}

/* Sort keys from to to (a step of recover_par: each half alone). */
static void
heal_sort_map(void *arg, size_t from, size_t to)
{
	struct heal_key	*order = arg;

	qsort(order + from, to - from, sizeof *order, heal_key_cmp);
}

/*
 * Sort the keys, a half on each thread then merged: the order of equal
 * keys does not matter, a group of them is dropped whole.
 */
static void
heal_sort(struct heal_key *order, size_t n)
{
	struct heal_key	*tmp;
	size_t		 a, b, i, h = n / 2;

	recover_par(n, heal_sort_map, order);
	if (n < 2 || recover_par_one(n))
		return;
	tmp = xreallocarray(NULL, n, sizeof *tmp);
	memcpy(tmp, order, n * sizeof *tmp);
	for (a = 0, b = h, i = 0; a < h || b < n; i++) {
		if (b == n || (a < h && heal_key_cmp(&tmp[a], &tmp[b]) <= 0))
			order[i] = tmp[a++];
		else
			order[i] = tmp[b++];
	}
	free(tmp);
}

/*
 * Drop running heads repeated page after page (heal_map_blocks keyed
 * them), but the first block of the flow as it was before: the title.
 */
static void
heal_furniture(struct heal_map *m, int first)
{
	struct doc	*d = m->d;
	struct heal_key	*order;
	size_t		 i, j, k, n;

	/* equal keys sort together; a group of HEAL_RUNNING_MIN is furniture */
	for (i = 0, n = 0; i < d->nblocks; i++)
		n += (m->f[i] & HEAL_KEY) &&
		    !(d->blocks[i].flags & BLOCK_HIDDEN);
	order = xcalloc(n + 1, sizeof *order);
	for (i = 0, n = 0; i < d->nblocks; i++)
		if ((m->f[i] & HEAL_KEY) &&
		    !(d->blocks[i].flags & BLOCK_HIDDEN)) {
			order[n].n = d->blocks[i].text_len;
			order[n].s = recover_trim(doc_text(d,
			    d->blocks[i].text_off), &order[n].n);
			order[n].hash = heal_key_hash(order[n].s, order[n].n);
			order[n++].block = (int)i;
		}
	heal_sort(order, n);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && order[j].hash == order[i].hash; j++)
			;
		for (k = i + 1; k < j && heal_key_same(&order[i],
		    &order[k]); k++)
			;
		if (k < j)	/* keys that share a hash: order them */
			qsort(order + i, j - i, sizeof *order,
			    heal_key_order);
		heal_drop_heads(m, order + i, j - i, first);
	}
	free(order);
}

/* Hide each group of HEAL_RUNNING_MIN equal keys or more in sorted keys. */
static void
heal_drop_heads(struct heal_map *m, struct heal_key *order, size_t n,
    int first)
{
	size_t	i, j, k;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && heal_key_same(&order[i], &order[j]);
		    j++)
			;
		if (j - i < HEAL_RUNNING_MIN)
			continue;
		for (k = i; k < j; k++) {
			if (order[k].block == first)
				continue;	/* the title it repeats */
			m->d->blocks[order[k].block].flags |= BLOCK_HIDDEN;
			m->f[order[k].block] |= HEAL_BRK;
		}
	}
}

/* A line of only rule characters: "______", "————", "－－－". */
static int
heal_is_rule(const char *s, size_t n)
{
	size_t		i, l, k = 0;
	uint32_t	c;

	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (recover_is_space(c))
			continue;
		if (c != '_' && c != '-' && c != '=' && c != '*' &&
		    c != 0x2014 && c != 0x2500 && c != 0x2501 &&
		    c != 0xff0d && c != 0xff3f && c != 0x2015 && c != '~')
			return 0;
		k++;
	}
	return k >= 3;
}

/*
 * A rule that only introduces a block of notes is not part of the text;
 * HEAL_RULE says which blocks are rules (heal_map_blocks found them).
 */
static void
heal_rules(struct heal_map *m)
{
	struct doc	*d = m->d;
	size_t		 i, j;

	for (i = 0; i < d->nblocks; i++) {
		const struct block *b = &d->blocks[i];

		if (!(m->f[i] & HEAL_RULE) || (b->flags & BLOCK_HIDDEN))
			continue;
		for (j = i + 1; j < d->nblocks; j++)
			if (!(d->blocks[j].flags & BLOCK_HIDDEN))
				break;
		if (j < d->nblocks && d->blocks[j].type == BLOCK_NOTE) {
			d->blocks[i].flags |= BLOCK_HIDDEN;
			m->f[i] |= HEAL_BRK;
		}
	}
}

/* Whether a paragraph whose last character is c stops mid-sentence. */
static int
heal_mid_sentence(const struct doc *d, int bi, uint32_t c)
{
	if (c == 0 || recover_block_ends_sentence(d, bi))
		return 0;
	if (c == ':' || c == 0xff1a || c == 0x2026 || recover_is_closing(c))
		return 0;
	return 1;
}

/* English cut mid-sentence: "…cut by the" then "page break here." */
static int
heal_latin_cut(const struct doc *d, int b, uint32_t last)
{
	const struct block	*nb = &d->blocks[b];
	const char		*s;
	size_t			 n;

	if (!((last >= 'a' && last <= 'z') || last == ','))
		return 0;
	n = nb->text_len;
	s = recover_trim(doc_text(d, nb->text_off), &n);
	return n > 0 && s[0] >= 'a' && s[0] <= 'z';
}

/* The next body block after bi, crossing notes and hidden furniture. */
static int
heal_next(const struct doc *d, int bi, const unsigned char *f, int *crossed)
{
	size_t	j;

	*crossed = 0;
	for (j = (size_t)bi + 1; j < d->nblocks; j++) {
		const struct block *b = &d->blocks[j];

		if ((b->flags & BLOCK_PAGEBREAK) || (f[j] & HEAL_BRK))
			*crossed = 1;
		if (b->flags & BLOCK_HIDDEN)
			continue;
		if (b->type == BLOCK_NOTE) {
			*crossed = 1;
			continue;
		}
		if (b->type == BLOCK_HR)
			return -1;	/* a section break the author drew */
		return (int)j;
	}
	return -1;
}

/* Characters in block first and the pieces chained to it so far. */
static size_t
heal_len(const struct doc *d, int first, const int *chain, size_t n)
{
	size_t	len, k;

	len = recover_nchars(doc_text(d, d->blocks[first].text_off),
	    d->blocks[first].text_len);
	for (k = 0; k < n; k++)
		len += recover_nchars(doc_text(d,
		    d->blocks[chain[k]].text_off),
		    d->blocks[chain[k]].text_len);
	return len;
}

/*
 * Rejoin a paragraph cut by a page break: it stops mid-sentence, and what
 * follows the notes (or the break) is its continuation. A chain of cut
 * pieces is joined in one copy.
 */
static void
heal_joins(struct heal_map *m)
{
	struct doc	*d = m->d;
	const unsigned char *f = m->f;
	int		*chain = NULL;
	size_t		 i, n, cap = 0, len, garbage = 0;
	int		 crossed, next, tail, comma, first;
	uint32_t	 c;

	first = recover_next_flow(d, -1);
	for (i = 0; i < d->nblocks; i++) {
		if (!(f[i] & HEAL_JOIN) || !doc_in_flow(d, (int)i))
			continue;
		n = 0;
		tail = (int)i;
		len = (size_t)-1;	/* counted when first needed */
		while (f[tail] & HEAL_MID) {
			next = heal_next(d, tail, f, &crossed);
			if (next < 0 || !(f[next] & HEAL_JOIN) ||
			    !doc_in_flow(d, next))
				break;
			if (!crossed && (int)i == first)
				break;	/* a long title, not a cut line */
			if (!crossed) {
				/* no break seen: only a plain mid-word stop */
				c = m->last[tail];
				comma = c == 0xff0c || c == 0x3001 || c == ',';
				if (heal_latin_cut(d, next, c))
					comma = 1;
				else if (!recover_is_han(c) && !comma)
					break;
				if (len == (size_t)-1)
					len = heal_len(d, (int)i, chain, n);
				/* a short line may be an unnumbered heading */
				if (len < (comma ? 6u : d->markdown ?
				    HEAL_SHORT_MD : HEAL_SHORT_TEXT))
					break;
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				chain = xreallocarray(chain, cap,
				    sizeof *chain);
			}
			chain[n++] = next;
			if (len != (size_t)-1)
				len += recover_nchars(doc_text(d,
				    d->blocks[next].text_off),
				    d->blocks[next].text_len);
			tail = next;
		}
		if (n > 0) {
			recover_join_many(d, (int)i, chain, n);
			m->kind[i] = 0;		/* new text: ask again */
			/*
			 * The old copies are garbage: give them back now
			 * and then, or they add up to a quarter of the text.
			 */
			garbage += d->blocks[i].text_len;
			if (garbage >= HEAL_GARBAGE &&
			    garbage >= d->text.len / 8) {
				doc_compact(d);
				garbage = 0;
			}
		}
	}
	free(chain);
}

/* References in dropped junk or furniture are no references of the text. */
static void
heal_drop_hidden_refs(struct doc *d)
{
	char	*drop;
	size_t	 i;
	int	 any = 0;

	drop = xcalloc(d->nrefs + 1, 1);
	for (i = 0; i < d->nrefs; i++)
		if (d->refs[i].block >= 0 &&
		    (d->blocks[d->refs[i].block].flags & BLOCK_HIDDEN))
			drop[i] = any = 1;
	if (any)
		recover_drop_refs(d, drop);
	free(drop);
}

void
heal_recover(struct doc *d)
{
	free(heal_recover_kinds(d));
}

/*
 * Heal, and keep for the outline pass the kind of each paragraph it asked
 * (outline_block_kind + 1, 0 unknown): a paragraph no join changed still
 * has it, and the blocks hidden since are out of the outline's flow.
 */
unsigned char *
heal_recover_kinds(struct doc *d)
{
	struct heal_map	m;
	int		first;

	m.d = d;
	m.f = xcalloc(d->nblocks + 1, 1);
	m.last = xcalloc(d->nblocks + 1, sizeof *m.last);
	m.kind = xcalloc(d->nblocks + 1, 1);
	heal_junk(d);
	first = recover_next_flow(d, -1);	/* the map hides page numbers */
	recover_par(d->nblocks, heal_map_blocks, &m);
	heal_furniture(&m, first);
	heal_rules(&m);
	heal_joins(&m);
	free(m.f);
	free(m.last);
	heal_drop_hidden_refs(d);
	return m.kind;
}
