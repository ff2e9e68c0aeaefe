/* Parsers from UTF-8 source text into a doc: Markdown (md4c) and plain text. */
#ifndef SCHOLIA_PARSE_H
#define SCHOLIA_PARSE_H

#include <stddef.h>

struct doc;

/* Whether the text reads as Markdown rather than plain text. */
int	parse_is_markdown(const char *, size_t);

/*
 * Append the blocks of the doc's source text to the doc. Source lines come
 * from doc->source. Returns 0, or -1 with an allocated message in *cause.
 */
int	parse_md(struct doc *, char **cause);
int	parse_text(struct doc *, char **cause);

#endif
