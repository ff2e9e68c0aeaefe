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

#include "load_int.h"
#include "recover.h"

static void	fl_check_line(const struct layout_line *, int);
static size_t	fl_walk(struct layout *, int);
static char	*fl_json(const struct doc *, size_t *);
static void	fl_same_split(const uint8_t *, size_t, const struct load_opts *,
		    const struct doc *);

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

/* The JSON export of a doc, in memory. */
static char *
fl_json(const struct doc *d, size_t *len)
{
	char	*out = NULL;
	FILE	*f;

	if ((f = open_memstream(&out, len)) == NULL ||
	    export_json(d, f) != 0 || fclose(f) != 0)
		abort();
	return out;
}

/*
 * Large documents are parsed in two parts and recovered on two threads;
 * with those thresholds at zero the same input must give the same doc as
 * on one thread (the JSON holds all of it that the reader shows).
 */
static void
fl_same_split(const uint8_t *data, size_t size, const struct load_opts *opts,
    const struct doc *one)
{
	struct doc	*two;
	char		*a, *b, *cause = NULL;
	size_t		 na, nb;

	load_set_split_min(0);
	recover_set_par_min(0);
	if (load_memory("fuzz", (const char *)data, size, opts, &two,
	    &cause) != 0)
		abort();
	load_set_split_min(SIZE_MAX);
	recover_set_par_min(SIZE_MAX);
	a = fl_json(one, &na);
	b = fl_json(two, &nb);
	if (na != nb || memcmp(a, b, na) != 0)
		abort();
	free(a);
	free(b);
	doc_free(two);
}

/* One thread for every load but fl_same_split's second. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	load_set_split_min(SIZE_MAX);
	recover_set_par_min(SIZE_MAX);
	return 0;
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
	lo.width = 1 + data[0] % 120;
	opts.format = (data[0] >> 7) ? LOAD_MARKDOWN : LOAD_AUTO;
	opts.allow_binary = 1;
	text_set_ambiguous_wide((data[0] >> 6) & 1);
	if (load_memory("fuzz", (const char *)data + 1, size - 1, &opts, &d,
	    &cause) != 0) {
		free(cause);
		return 0;
	}
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	if (d->markdown)
		fl_same_split(data + 1, size - 1, &opts, d);
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
