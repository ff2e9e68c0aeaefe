/* Private to src/: a fast strict UTF-8 validator (libunistring's u8_check is ~870 MB/s). */
#ifndef SCHOLIA_UTF8_H
#define SCHOLIA_UTF8_H

#include <stddef.h>

/*
 * Length of the longest valid UTF-8 prefix of s: n when all of s is valid,
 * else the offset of the first invalid sequence, exactly where u8_check
 * points (no overlongs, surrogates or values past U+10FFFF).
 */
size_t	utf8_valid(const char *, size_t);

#endif
