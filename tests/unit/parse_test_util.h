/* Helpers for the parser tests: sources from strings or corpus files. */
#ifndef PARSE_TEST_UTIL_H
#define PARSE_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/source.h"

/* A source over a copy of n bytes, with its line and page index. */
static inline struct source *
ptu_source(const char *text, size_t n)
{
	struct source	*s = calloc(1, sizeof *s);
	size_t		 i;

	s->name = strdup("test");
	s->text = malloc(n + 1);
	memcpy(s->text, text, n);
	s->text[n] = '\0';
	s->len = n;
	s->lines = malloc((n + 2) * sizeof *s->lines);
	s->pages = malloc((n + 1) * sizeof *s->pages);
	s->lines[s->nlines++] = 0;
	for (i = 0; i < n; i++) {
		if (text[i] == '\n' && i + 1 < n)
			s->lines[s->nlines++] = i + 1;
		if (text[i] == '\f')
			s->pages[s->npages++] = i;
	}
	return s;
}

static inline void
ptu_source_free(struct source *s)
{
	free(s->name);
	free(s->text);
	free(s->lines);
	free(s->pages);
	free(s);
}

/* Read a corpus file into a source; NULL if it is missing. */
static inline struct source *
ptu_corpus(const char *prefix)
{
	char		 path[1024];
	FILE		*f;
	char		*p = NULL;
	size_t		 n = 0, cap = 0, r;
	struct source	*s;

	snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, prefix);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (n + 65536 > cap)
			p = realloc(p, cap = cap * 2 + 65536);
		if ((r = fread(p + n, 1, cap - n, f)) == 0)
			break;
		n += r;
	}
	fclose(f);
	s = ptu_source(p, n);
	free(p);
	return s;
}

/* The text of block bi as a NUL-terminated string (static storage). */
static inline const char *
ptu_block(const struct doc *d, size_t bi)
{
	static char	*t;

	free(t);
	t = strndup(d->text.data + d->blocks[bi].text_off,
	    d->blocks[bi].text_len);
	return t;
}

/* Index of the first block whose text contains needle, or -1. */
static inline int
ptu_find(const struct doc *d, const char *needle)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++)
		if (strstr(ptu_block(d, i), needle) != NULL)
			return (int)i;
	return -1;
}

/* The i-th span of block bi as a string (static storage). */
static inline const char *
ptu_span(const struct doc *d, size_t bi, size_t i, unsigned *flags)
{
	static char		*t;
	const struct span	*sp;

	sp = &d->spans[d->blocks[bi].span_first + i];
	free(t);
	t = strndup(d->text.data + sp->off, sp->len);
	if (flags != NULL)
		*flags = sp->flags;
	return t;
}

/* Spans of a block cover its text exactly, in order. */
static inline int
ptu_spans_cover(const struct doc *d, size_t bi)
{
	const struct block	*b = &d->blocks[bi];
	size_t			 i, off = b->text_off;

	if (b->type == BLOCK_TABLE)
		return 1;
	for (i = 0; i < b->span_count; i++) {
		const struct span *sp = &d->spans[b->span_first + i];

		if (sp->off != off || sp->len == 0)
			return 0;
		off += sp->len;
	}
	return off == b->text_off + b->text_len;
}

/* The source of the doc ptu_parse made last (one at a time per test). */
static struct source	*ptu_cur_src;

/* Parse text with a parser (parse_md or parse_text); cmocka asserts success. */
static inline struct doc *
ptu_parse(const char *text, int (*parse)(struct doc *, char **))
{
	struct doc	*d;
	char		*cause = NULL;

	ptu_cur_src = ptu_source(text, strlen(text));
	d = doc_new(ptu_cur_src);
	assert_int_equal(parse(d, &cause), 0);
	assert_int_equal(d->open_block, -1);
	return d;
}

/* Check that spans cover every block, then free the doc and its source. */
static inline void
ptu_done(struct doc *d)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++)
		assert_true(ptu_spans_cover(d, i));
	doc_free(d);
	ptu_source_free(ptu_cur_src);
}

#endif
