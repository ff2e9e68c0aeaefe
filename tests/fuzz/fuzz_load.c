/* libFuzzer target: load, parse, recover and lay out arbitrary bytes at a fuzzed width. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/layout.h"
#include "scholia/load.h"
#include "scholia/text.h"

static void	fl_check_line(const struct layout_line *, int);
static size_t	fl_walk(struct layout *, int);

/* A display line fits the width, and nothing unsafe reaches the terminal. */
static void
fl_check_line(const struct layout_line *line, int width)
{
	size_t		i, l;
	uint32_t	c;
	int		r;

	if (line->cols < 0 || line->cols > width)
		abort();
	for (i = 0; i < line->len; i += l) {
		l = text_decode(line->text + i, line->len - i, &c);
		if (l == 0 || c == '\t' || c == '\n' || text_is_unsafe(c))
			abort();
	}
	for (r = 0; r < line->nruns; r++)
		if (line->runs[r].off + line->runs[r].len > line->len ||
		    line->runs[r].cols < 0)
			abort();
}

/* Lines from the first down, then back up: both ways must agree. */
static size_t
fl_walk(struct layout *l, int width)
{
	struct layout_pos	pos;
	size_t			down = 0, up = 0;

	if (!layout_first(l, &pos))
		return 0;
	do {
		fl_check_line(layout_line_at(l, pos), width);
		down++;
	} while (layout_forward(l, &pos, 1) == 1);
	while (layout_back(l, &pos, 1) == 1)
		up++;
	if (up + 1 != down)
		abort();
	return down;
}

/*
 * The first byte chooses the width, the format and the ambiguous width,
 * like md4c's fuzzer takes its flags.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE		*null;
	struct load_opts	 opts = { 0 };
	struct layout_opts	 lo = { 0 };
	struct layout		*l;
	struct doc		*d;
	char			*cause = NULL;

	if (size < 1)
		return 0;
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	lo.width = 1 + data[0] % 120;
	opts.format = (data[0] >> 7) ? LOAD_MARKDOWN : LOAD_AUTO;
	opts.allow_binary = 1;
	text_set_ambiguous_wide((data[0] >> 6) & 1);
	if (load_memory("fuzz", (const char *)data + 1, size - 1, &opts, &d,
	    &cause) != 0) {
		free(cause);
		return 0;
	}
	l = layout_new(d, &lo);
	fl_walk(l, lo.width);
	layout_free(l);
	if (export_dump(d, lo.width, null) != 0 || export_json(d, null) != 0 ||
	    export_toc(d, null) != 0 || export_notes(d, null) != 0 ||
	    export_tree(d, null) != 0)
		abort();
	doc_free(d);
	text_set_ambiguous_wide(0);
	return 0;
}
