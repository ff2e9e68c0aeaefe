/* Private to the notes pass: page runs of notes and the lookups over them. */
#ifndef SCHOLIA_NOTES_INTERNAL_H
#define SCHOLIA_NOTES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

struct doc;

/* A run of consecutive note paragraphs: the notes of one page. */
struct notes_run {
	int	first;		/* first note index */
	int	last;		/* inclusive */
	int	block;		/* of its first note */
};

/* A slot of the (run, label) -> note index; run -1 indexes all notes. */
struct notes_slot {
	int		run;
	int		note;		/* -1: empty */
	uint32_t	hash;		/* of (run, label) */
};

struct notes_ctx {
	struct doc		*d;
	struct notes_run	*runs;
	size_t			 nruns;
	size_t			 cap_runs;
	struct notes_slot	*slots;
	size_t			 nslots;	/* a power of two */
	int			 named;		/* all notes indexed (run -1) */
	size_t			 hint;		/* last notes_run_after */
};

/* notes_runs.c: group the notes into runs and index their labels. */
void	notes_runs(struct notes_ctx *);
/* Labels equal once full-width digits are read as digits. */
int	notes_same(const char *, const char *);
/* The first run whose first note is after block bi, or -1. */
int	notes_run_after(struct notes_ctx *, int);
/* The note with this label in the first run after block bi, or -1. */
int	notes_find(struct notes_ctx *, int, const char *);
/* A [^name] reference: the note of that name, wherever it is, or -1. */
int	notes_named(struct notes_ctx *, const char *);

/* notes_promote.c: notes and references the parser could not mark */
void	notes_maybe(struct notes_ctx *, int);
/* Whether notes_maybe may find anything in block bi (reads it only). */
int	notes_may_promote(const struct doc *, int);
int	notes_ref_head(struct doc *, int, char *, size_t, char *);
int	notes_digit_notes(struct notes_ctx *);

#endif
