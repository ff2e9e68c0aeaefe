/* Private to src/: the pipeline after reading, shared by load.c and load_job.c. */
#ifndef SCHOLIA_LOAD_INT_H
#define SCHOLIA_LOAD_INT_H

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
/* Add delta to every source line the doc records (a doc of a later part). */
void	load_shift_lines(struct doc *, int);

#endif
