/* Private to src/: the pipeline after reading, shared by load.c and load_job.c. */
#ifndef SCHOLIA_LOAD_INT_H
#define SCHOLIA_LOAD_INT_H

#include <stddef.h>

struct doc;
struct load_opts;
struct source;

/* Stages of a load, for progress: reading is 0, done is LOAD_DONE. */
enum {
	LOAD_READ,
	LOAD_PARSE,
	LOAD_KEYWORDS,
	LOAD_NOTES,
	LOAD_HEAL,
	LOAD_OUTLINE,
	LOAD_DONE,
};

/*
 * Parse and recover a source; the doc takes it over. Stores the stage in
 * *stage (if not NULL) as it goes, atomically. With cut set, the source is
 * the start of a file cut inside its last paragraph: that paragraph is
 * split into pieces as a long one is (doc_split_long).
 */
int	load_source(struct source *, const struct load_opts *, struct doc **,
	    char **, int *stage, int cut);
/*
 * Parse a doc's Markdown source: a large one (8 MB and more) in two parts
 * at once, each on its own thread, the second doc then appended to the
 * first; the doc is the same as parse_md makes. Returns as parse_md.
 */
int	load_parse_md(struct doc *, char **);
/*
 * Where Markdown text s..n can be cut in two parts that parse alone as
 * they do together: a line after a blank line, past the middle, opening a
 * plain paragraph at the left margin with no fenced code or HTML block
 * open, no page break in the paragraph before. 0 when there is none, or
 * when the text may hold a link reference definition.
 */
size_t	load_split_cut(const char *, size_t);
/* Sources from this size on are parsed in two parts (tests lower it). */
void	load_set_split_min(size_t);
/* Add delta to every source line the doc records (a doc of a later part). */
void	load_shift_lines(struct doc *, int);

#endif
