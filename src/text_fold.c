/* Search folding: NFKC, case folding and one Chinese script form, with an offset map. */
#include <ctype.h>

#include "scholia/text.h"
#include "scholia/xmalloc.h"

/* Interim: ASCII case folding only, identity offsets. */
void
text_fold(const char *s, size_t n, struct buf *out, size_t **map)
{
	size_t	i, base = out->len;

	buf_grow(out, n);
	for (i = 0; i < n; i++)
		out->data[out->len++] = (char)tolower((unsigned char)s[i]);
	out->data[out->len] = '\0';
	if (map != NULL) {
		*map = xreallocarray(NULL, out->len - base + 1, sizeof **map);
		for (i = 0; i <= n; i++)
			(*map)[i] = i;
	}
}

int
text_needs_fold(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (isupper((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}
