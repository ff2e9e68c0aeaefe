/* UTF-8 validation at memory speed for ASCII and runs of 3-byte forms (CJK). */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define UTF8_HIGH	0x8080808080808080ULL

/* A 64-bit word of six bytes a to f as memcpy loads them, two bytes after. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define UTF8_SIX(a, b, c, d, e, f)					\
	((uint64_t)(a) << 56 | (uint64_t)(b) << 48 | (uint64_t)(c) << 40 |	\
	(uint64_t)(d) << 32 | (uint64_t)(e) << 24 | (uint64_t)(f) << 16)
#else
#define UTF8_SIX(a, b, c, d, e, f)					\
	((uint64_t)(a) | (uint64_t)(b) << 8 | (uint64_t)(c) << 16 |	\
	(uint64_t)(d) << 24 | (uint64_t)(e) << 32 | (uint64_t)(f) << 40)
#endif
/* two 3-byte forms: 1110xxxx 10xxxxxx 10xxxxxx, twice */
#define UTF8_TWO3_MASK	UTF8_SIX(0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0)
#define UTF8_TWO3	UTF8_SIX(0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80)
/* their leads' low four bits, 0x0D, 0x0F and bit 4 there */
#define UTF8_LEADS	UTF8_SIX(0x0F, 0, 0, 0x0F, 0, 0)
#define UTF8_LEADS_D	UTF8_SIX(0x0D, 0, 0, 0x0D, 0, 0)
#define UTF8_LEADS_BIT4	UTF8_SIX(0x10, 0, 0, 0x10, 0, 0)

static size_t	utf8_ascii(const unsigned char *, size_t, size_t);
static size_t	utf8_three(const unsigned char *, size_t, size_t);

/* Skip ASCII eight bytes at a time from i; returns the first other byte. */
static size_t
utf8_ascii(const unsigned char *p, size_t i, size_t n)
{
	uint64_t	w;

	while (i + 8 <= n) {
		memcpy(&w, p + i, 8);
		if (w & UTF8_HIGH)
			break;
		i += 8;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

/*
 * Skip valid 3-byte forms two at a time from i, the bulk of Chinese text:
 * one mask test of six bytes, then one that neither lead is E0 or ED,
 * which restrict the byte after them and are left to the byte-wise checks.
 * A lead's low four bits l, and l ^ 0xD, are nonzero when adding 0xF to
 * them carries into bit 4. Returns where it stopped.
 */
static size_t
utf8_three(const unsigned char *p, size_t i, size_t n)
{
	uint64_t	w, l;

	for (; i + 8 <= n; i += 6) {
		memcpy(&w, p + i, 8);
		if ((w & UTF8_TWO3_MASK) != UTF8_TWO3)
			break;
		l = w & UTF8_LEADS;
		if (((l + UTF8_LEADS) & ((l ^ UTF8_LEADS_D) + UTF8_LEADS) &
		    UTF8_LEADS_BIT4) != UTF8_LEADS_BIT4)
			break;
	}
	return i;
}

size_t
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, j;
	unsigned char		 c, lo, hi;

	while (i < n) {
		c = p[i];
		if (c < 0x80) {
			i = utf8_ascii(p, i, n);
			continue;
		}
		if ((c & 0xF0) == 0xE0 && (j = utf8_three(p, i, n)) > i) {
			i = j;
			continue;
		}
		if (c >= 0xE1 && c <= 0xEC) {
			/* a CJK character left over by utf8_three */
			if (i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 ||
			    (p[i + 2] & 0xC0) != 0x80)
				return i;
			i += 3;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80)
				return i;
			i += 2;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		else if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
		else if (c < 0xE0 || c > 0xF4)
			return i;
		if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi)
			return i;
		if (c < 0xF0) {
			if (i + 2 >= n || (p[i + 2] & 0xC0) != 0x80)
				return i;
			i += 3;
			continue;
		}
		if (i + 3 >= n || (p[i + 2] & 0xC0) != 0x80 ||
		    (p[i + 3] & 0xC0) != 0x80)
			return i;
		i += 4;
	}
	return n;
}
