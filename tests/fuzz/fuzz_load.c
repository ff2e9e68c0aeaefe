/* libFuzzer target: load, parse, recover and lay out arbitrary bytes at a fuzzed width. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/load.h"
#include "scholia/text.h"

/* The first byte chooses the width and format, like md4c's fuzzer takes its flags. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_opts	 opts = { 0 };
	struct layout_opts	 lo = { 0 };
	struct layout		*l;
	struct layout_pos	 pos;
	struct doc		*d;
	char			*cause = NULL;
	int			 i, n;

	if (size < 1)
		return 0;
	lo.width = 1 + data[0] % 120;
	opts.format = (data[0] >> 7) ? LOAD_MARKDOWN : LOAD_AUTO;
	opts.allow_binary = 1;
	if (load_memory("fuzz", (const char *)data + 1, size - 1, &opts, &d,
	    &cause) != 0) {
		free(cause);
		return 0;
	}
	l = layout_new(d, &lo);
	if (layout_first(l, &pos)) {
		do {
			const struct layout_line *line = layout_line_at(l, pos);

			if (line->cols > lo.width)
				abort();
			for (i = 0; i < (int)line->len; i++) {
				unsigned char c = (unsigned char)line->text[i];

				if (c < 0x20 || c == 0x7f)
					abort();
			}
			n = layout_forward(l, &pos, 1);
		} while (n == 1);
	}
	layout_free(l);
	doc_free(d);
	return 0;
}
