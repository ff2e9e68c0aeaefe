/* Search folding: NFKC, case folding, one Chinese script, an offset map. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#ifdef HAVE_OPENCC
#include <opencc.h>
#endif

#include "scholia/text.h"
#include "scholia/xmalloc.h"

/* One traditional character and its simplified form. */
struct fold_pair {
	uint32_t	from;
	uint32_t	to;
};

/* The offset map being built: one source offset per output byte. */
struct fold_map {
	size_t	*v;
	size_t	 n;
	size_t	 cap;
};

static void	 fold_load(void);
static uint32_t	 fold_script(uint32_t);
static int	 fold_is_han(uint32_t);
static int	 fold_continues(uint32_t);
static int	 fold_next_continues(const char *, size_t, size_t);
static int	 fold_stable(uint32_t);
static void	 fold_segment(const char *, size_t, struct buf *);
static void	 fold_char(const char *, size_t, uint32_t, struct buf *);
static void	 fold_put(struct buf *, uint32_t);
static void	 fold_map_add(struct fold_map *, size_t, size_t);
static void	 fold_map_run(struct fold_map *, size_t, size_t);
static inline size_t	 text_next(const char *, size_t, uint32_t *);
#ifdef HAVE_OPENCC
static int	 fold_pair_cmp(const void *, const void *);
static void	 fold_load_opencc(void);
#endif

/* Recent single-character folds, so text_fold runs near copying speed. */
struct fold_cached {
	uint32_t	c;
	uint8_t		used;
	uint8_t		len;
	char		out[10];
};
#define FOLD_CACHE	4096

static struct fold_cached	 fold_cache[FOLD_CACHE];
static int		 fold_loaded;
static uint8_t		 fold_bmp[0x10000 / 8];	/* BMP characters with a pair */
static struct fold_pair	*fold_pairs;		/* sorted by from */
static size_t		 fold_npairs;

/* Build the traditional-to-simplified table, once, when Han text is seen. */
static void
fold_load(void)
{
	if (fold_loaded)
		return;
	fold_loaded = 1;
#ifdef HAVE_OPENCC
	fold_load_opencc();
#endif
}

#ifdef HAVE_OPENCC
static int
fold_pair_cmp(const void *a, const void *b)
{
	uint32_t	x = ((const struct fold_pair *)a)->from;
	uint32_t	y = ((const struct fold_pair *)b)->from;

	return x < y ? -1 : x > y;
}

/*
 * Ask OpenCC (t2s) for every Han character, one per line so that its
 * phrase dictionary cannot apply: a character-level mapping keeps every
 * source character a unit, which keeps offsets mappable.
 */
static void
fold_load_opencc(void)
{
	static const uint32_t	 ranges[][2] = {
		{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0x20000, 0x2FFFF },
	};
	struct buf		 in = { 0 };
	opencc_t		 oc;
	const char		*p, *q, *pe, *qe, *end;
	char			*out;
	size_t			 r, i, cap = 0, pl, ql;
	uint32_t		 c, from, to;
	struct fold_pair	*fp, key;
	int			 k;

	if ((oc = opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP)) ==
	    (opencc_t)-1)
		return;
	for (r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
		for (c = ranges[r][0]; c <= ranges[r][1]; c++) {
			fold_put(&in, c);
			buf_putc(&in, '\n');
		}
	}
	out = opencc_convert_utf8(oc, in.data, in.len);
	opencc_close(oc);
	if (out == NULL) {
		buf_free(&in);
		return;
	}
	p = in.data;
	end = in.data + in.len;
	q = out;
	while (p < end) {
		pe = memchr(p, '\n', (size_t)(end - p));
		if ((qe = strchr(q, '\n')) == NULL)
			break;
		pl = (size_t)(pe - p);
		ql = (size_t)(qe - q);
		if ((pl != ql || memcmp(p, q, pl) != 0) &&
		    text_decode(p, pl, &from) == pl &&
		    text_decode(q, ql, &to) == ql && from != to) {
			if (fold_npairs == cap) {
				cap = cap ? cap * 2 : 4096;
				fold_pairs = xreallocarray(fold_pairs, cap,
				    sizeof *fold_pairs);
			}
			fold_pairs[fold_npairs].from = from;
			fold_pairs[fold_npairs++].to = to;
			if (from < 0x10000)
				fold_bmp[from / 8] |= 1 << (from % 8);
		}
		p = pe + 1;
		q = qe + 1;
	}
	opencc_convert_utf8_free(out);
	buf_free(&in);
	qsort(fold_pairs, fold_npairs, sizeof *fold_pairs, fold_pair_cmp);
	/* Follow chains so that folding twice changes nothing. */
	for (i = 0; i < fold_npairs; i++) {
		for (k = 0; k < 4; k++) {
			key.from = fold_pairs[i].to;
			fp = bsearch(&key, fold_pairs, fold_npairs,
			    sizeof *fold_pairs, fold_pair_cmp);
			if (fp == NULL || fp->to == fold_pairs[i].from)
				break;
			fold_pairs[i].to = fp->to;
		}
	}
}
#endif

/* The one script form of c (simplified when c is traditional). */
static uint32_t
fold_script(uint32_t c)
{
	size_t	lo, hi, mid;

	if (c < 0x3400)
		return c;
	if (!fold_loaded)
		fold_load();
	if (fold_npairs == 0)
		return c;
	if (c < 0x10000 && !(fold_bmp[c / 8] & (1 << (c % 8))))
		return c;
	lo = 0;
	hi = fold_npairs;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fold_pairs[mid].from == c)
			return fold_pairs[mid].to;
		if (fold_pairs[mid].from < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return c;
}

/* Han characters are untouched by NFKC and case folding. */
static int
fold_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x20000 && c < 0x2F800) || (c >= 0x30000 && c <= 0x323AF);
}

/* Characters that NFKC may combine with the character before them. */
static int
fold_continues(uint32_t c)
{
	if (c < 0x300 || (c >= 0x4E00 && c <= 0x9FFF))
		return 0;
	if (c >= 0x1160 && c <= 0x11FF)		/* Hangul vowel, final jamo */
		return 1;
	if (c == 0x3099 || c == 0x309A || c == 0xFF9E || c == 0xFF9F)
		return 1;			/* kana voicing marks */
	return uc_is_general_category(c, UC_CATEGORY_M);
}

/* Whether the character at s[i] combines with the one before it. */
static int
fold_next_continues(const char *s, size_t i, size_t n)
{
	uint32_t	d;

	if (i >= n || (unsigned char)s[i] < 0x80)
		return 0;
	text_next(s + i, n - i, &d);
	return fold_continues(d);
}

/* Non-ASCII characters that fold to themselves (Han, kana, Hangul, ...). */
static int
fold_stable(uint32_t c)
{
	if (fold_is_han(c))
		return fold_script(c) == c;
	return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
	    c == 0x30FC || (c >= 0xAC00 && c <= 0xD7A3) ||
	    (c >= 0x3001 && c <= 0x3003) || (c >= 0x3005 && c <= 0x3007) ||
	    (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F);
}

/* Append the UTF-8 form of c. */
static void
fold_put(struct buf *out, uint32_t c)
{
	uint8_t	enc[4];
	int	n;

	if ((n = u8_uctomb(enc, c, sizeof enc)) <= 0)
		n = u8_uctomb(enc, 0xFFFD, sizeof enc);
	buf_append(out, enc, (size_t)n);
}

/* NFKC, case fold, NFKC again (so that e.g. U+2103 gives "°c"), then script. */
static void
fold_segment(const char *s, size_t n, struct buf *out)
{
	uint8_t		 b1[64], b2[64], *r1, *r2;
	size_t		 l1 = sizeof b1, l2 = sizeof b2, i, l;
	uint32_t	 c;

	r1 = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, n, b1, &l1);
	if (r1 == NULL) {
		buf_append(out, s, n);
		return;
	}
	r2 = u8_casefold(r1, l1, NULL, UNINORM_NFKC, b2, &l2);
	if (r2 == NULL) {
		r2 = r1;
		l2 = l1;
	}
	for (i = 0; i < l2; i += l) {
		l = text_decode((const char *)r2 + i, l2 - i, &c);
		fold_put(out, fold_script(c));
	}
	if (r2 != b2 && r2 != r1)
		free(r2);
	if (r1 != b1)
		free(r1);
}

/* Fold one character alone, through the cache. */
static void
fold_char(const char *s, size_t n, uint32_t c, struct buf *out)
{
	struct fold_cached	*e = &fold_cache[c % FOLD_CACHE];
	size_t			 start = out->len;

	if (e->used && e->c == c) {
		buf_append(out, e->out, e->len);
		return;
	}
	fold_segment(s, n, out);
	if (out->len - start <= sizeof e->out) {
		e->used = 1;
		e->c = c;
		e->len = (uint8_t)(out->len - start);
		memcpy(e->out, out->data + start, e->len);
	}
}

/* Output bytes up to n came one for one from source bytes from src on. */
static void
fold_map_run(struct fold_map *m, size_t n, size_t src)
{
	size_t	first = m->n, k;

	fold_map_add(m, n, src);
	for (k = first; k < n; k++)
		m->v[k] = src + (k - first);
}

/* Every output byte from out0 up to n came from source offset src. */
static void
fold_map_add(struct fold_map *m, size_t n, size_t src)
{
	if (n > m->cap) {
		while (m->cap < n)
			m->cap = m->cap ? m->cap * 2 : 64;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	while (m->n < n)
		m->v[m->n++] = src;
}

/*
 * Fold piece by piece: ASCII in runs, a Han character alone, anything
 * else together with the marks that follow it. All output of a piece maps
 * to the piece's first source byte, so the map never decreases and a match
 * [a, b) in the output covers source [map[a], map[b]).
 */
void
text_fold(const char *s, size_t n, struct buf *out, size_t **map)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct fold_map		 m = { NULL, 0, 0 };
	size_t			 base = out->len, i = 0, j, k, l;
	uint32_t		 c, d;

	buf_grow(out, n);
	while (i < n) {
		/* A run of ASCII, less a last byte that a mark may follow. */
		for (j = i; j < n && p[j] < 0x80; j++)
			;
		if (j < n && j > i)
			j--;
		if (j > i) {
			k = out->len;
			buf_append(out, s + i, j - i);
			for (; k < out->len; k++) {
				if (out->data[k] >= 'A' && out->data[k] <= 'Z')
					out->data[k] += 32;
			}
			if (map != NULL)
				fold_map_run(&m, out->len - base, i);
			i = j;
			continue;
		}
		l = text_next(s + i, n - i, &c);
		if (l == 1 && c == 0xFFFD) {
			fold_put(out, 0xFFFD);
			j = i + 1;
		} else if (fold_is_han(c) &&
		    !fold_next_continues(s, i + l, n)) {
			if ((d = fold_script(c)) == c)
				buf_append(out, s + i, l);
			else
				fold_put(out, d);
			j = i + l;
		} else {
			/* The character and the marks that follow it. */
			for (j = k = i + l; j < n; j += l) {
				l = text_decode(s + j, n - j, &d);
				if ((l == 1 && d == 0xFFFD) ||
				    !fold_continues(d))
					break;
			}
			if (j == k)
				fold_char(s + i, j - i, c, out);
			else
				fold_segment(s + i, j - i, out);
		}
		if (map != NULL)
			fold_map_add(&m, out->len - base, i);
		i = j;
	}
	if (map != NULL) {
		fold_map_add(&m, out->len - base + 1, n);
		*map = m.v;
	}
}

/* Lets search use memmem on the raw text when nothing would change. */
int
text_needs_fold(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0;
	uint32_t		 c;

	while (i < n) {
		if (p[i] < 0x80) {
			if (p[i] >= 'A' && p[i] <= 'Z')
				return 1;
			i++;
			continue;
		}
		i += text_decode(s + i, n - i, &c);
		if (c == 0xFFFD || !fold_stable(c))
			return 1;
	}
	return 0;
}
