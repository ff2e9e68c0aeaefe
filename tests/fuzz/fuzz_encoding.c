/* libFuzzer target: charset detection and conversion never misbehave on any bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "scholia/buf.h"
#include "scholia/encoding.h"
#include "scholia/source.h"

static void	fe_check_source(const struct source *);

/* The invariants every consumer of a source relies on. */
static void
fe_check_source(const struct source *s)
{
	size_t	i;

	if (u8_check((const uint8_t *)s->text, s->len) != NULL)
		abort();
	if (s->text[s->len] != '\0' || memchr(s->text, '\r', s->len) != NULL)
		abort();
	if (s->len > 0 && (s->nlines == 0 || s->lines[0] != 0))
		abort();
	for (i = 1; i < s->nlines; i++)
		if (s->lines[i] <= s->lines[i - 1] || s->lines[i] > s->len ||
		    s->text[s->lines[i] - 1] != '\n')
			abort();
	for (i = 0; i < s->npages; i++)
		if (s->pages[i] >= s->len || s->text[s->pages[i]] != '\f')
			abort();
}

/* The first byte picks a forced encoding (or detection), as md4c's flags. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char	*names[] = { NULL, "UTF-8", "UTF-16LE",
				    "UTF-16BE", "GB18030", "BIG5", "GBK" };
	struct source_opts	 so = { 0 };
	struct source		*s;
	struct buf		 out = { 0 };
	enum encoding		 e;
	size_t			 invalid = 0;
	char			*cause = NULL;

	if (size < 1)
		return 0;
	so.encoding = names[data[0] % (sizeof names / sizeof names[0])];
	data++;
	size--;

	e = encoding_detect((const char *)data, size);
	if (encoding_name(e) == NULL)
		abort();
	if (encoding_to_utf8((const char *)data, size, e, &out, &invalid,
	    &cause) == 0) {
		if (u8_check((const uint8_t *)out.data, out.len) != NULL)
			abort();
		if (invalid > size)
			abort();
	} else
		free(cause);
	buf_free(&out);

	cause = NULL;
	if (source_from_memory("fuzz", (const char *)data, size, &so, &s,
	    &cause) == 0) {
		fe_check_source(s);
		source_free(s);
	} else
		free(cause);
	return 0;
}
