/* UTF-8 validation at memory speed for ASCII and the common 3-byte forms. */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define UTF8_HIGH	0x8080808080808080ULL

static size_t	utf8_ascii(const unsigned char *, size_t, size_t);

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

size_t
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0;
	unsigned char		 c, lo, hi;

	while (i < n) {
		c = p[i];
		if (c < 0x80) {
			i = utf8_ascii(p, i, n);
			continue;
		}
		if (c >= 0xE1 && c <= 0xEC) {
			/* the most common case: CJK */
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
