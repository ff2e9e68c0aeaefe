/* Running heads: short lines repeated page after page, found by their keys. */
#include <stdlib.h>
#include <string.h>

#include "heal_internal.h"
#include "internal.h"
#include "recover.h"
#include "scholia/doc.h"

#define HEAL_RUNNING_MIN	3	/* occurrences that make one */
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

static uint64_t	heal_key_hash(const char *, size_t);
static void	heal_sort_map(void *, size_t, size_t);
static void	heal_sort(struct heal_key *, size_t);
static int	heal_key_cmp(const void *, const void *);
static int	heal_key_order(const void *, const void *);
static int	heal_key_same(const struct heal_key *, const struct heal_key *);
static size_t	heal_common(const char *, const char *, size_t);
static void	heal_drop_heads(struct heal_map *, struct heal_key *, size_t,
		    int);

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
int
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
 * them), but block first, the title they repeat.
 */
void
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
