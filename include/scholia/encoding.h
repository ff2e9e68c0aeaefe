/* Charset detection and conversion of input bytes to UTF-8. */
#ifndef SCHOLIA_ENCODING_H
#define SCHOLIA_ENCODING_H

#include <stddef.h>

#include "buf.h"

enum encoding {
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_GB18030,	/* also GBK and GB2312, its subsets */
	ENC_BIG5,
};

const char	*encoding_name(enum encoding);	/* "UTF-8", "GB18030", ... */
int		 encoding_from_name(const char *, enum encoding *);
enum encoding	 encoding_detect(const char *, size_t);

/*
 * Convert n bytes in the given encoding to UTF-8, appended to out (a BOM is
 * dropped). Undecodable bytes become U+FFFD and are counted in *invalid.
 * Returns 0, or -1 with an allocated message in *cause.
 */
int	encoding_to_utf8(const char *, size_t, enum encoding, struct buf *,
	    size_t *invalid, char **cause);

#endif
