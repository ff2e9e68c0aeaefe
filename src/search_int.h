/* Search internals shared by search.c and search_fold.c: the per-character fold memo. */
#ifndef SCHOLIA_SEARCH_INT_H
#define SCHOLIA_SEARCH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "scholia/buf.h"
#include "scholia/text.h"

/*
 * Folding goes character by character through a memo per code point: the
 * fold of a character comes from text_fold once, then is copied, so a whole
 * document folds at memcpy-like speed, and the query, folded the same way,
 * always agrees with the text. Characters that NFKC composes with their
 * neighbours (marks, Hangul jamo, half-width voicing marks) are folded in
 * context, together with the character before them.
 */

#define FOLD_KNOWN	0x01	/* entry computed */
#define FOLD_SINGLE	0x02	/* the fold is one character */
#define FOLD_CONTEXT	0x04	/* combines with neighbours: fold in context */
#define FOLD_VARIANT	0x08	/* the fold differs from the character */
#define FOLD_LISTED	0x10	/* in the index's list of variants */

struct fold_entry {
	uint32_t	 off;		/* folded bytes in memo->pool */
	uint8_t		 len;
	uint8_t		 flags;
};

#define FOLD_PAGE	256
#define FOLD_NPAGES	(0x110000 / FOLD_PAGE)

struct fold_memo {
	int			 cs;	/* case-sensitive: keep upper case */
	int			 plain;	/* no script folding: while its table
					   is built, for ASCII queries only */
	struct fold_entry	*pages[FOLD_NPAGES];
	struct buf		 pool;	/* folded forms of characters */
	struct buf		 tmp;
	struct buf		 tmp2;
};

/* Where a stretch of folded text came from (source offsets relative). */
struct fold_run {
	size_t		 fo;		/* in the folded text */
	size_t		 flen;
	size_t		 so;		/* in the source */
	size_t		 slen;
	int		 same;		/* offsets correspond one to one */
};

struct fold_out {
	struct buf	 text;
	struct fold_run	*runs;
	size_t		 nruns;
	size_t		 cap_runs;
};

void	 search_fold_init(struct fold_memo *, int);
void	 search_fold_free(struct fold_memo *);
struct fold_entry *search_fold_char(struct fold_memo *, uint32_t);
void	 search_fold_text(struct fold_memo *, const char *, size_t,
	    struct fold_out *);
int	 search_fold_map(const struct fold_out *, size_t, int, size_t *);
void	 search_fold_out_free(struct fold_out *);
int	 search_fold_is_upper(uint32_t);
/* The warm-up thread is still folding: text_fold is its alone. */
int	 search_warm_busy(void);

/*
 * The fast path, and why it is correct. A match in folded text is made of
 * whole source pieces whose folds lie inside the folded query. A piece
 * whose fold differs from itself (a variant: Ａ, （, 國, an invalid byte)
 * can only take part if its fold is a substring of the folded query. The
 * index records, per stretch of text (a block, or a table cell), a 64-bit
 * signature of the variants in it, and whether it holds characters folded
 * in context (marks). A stretch with no context characters and none of
 * the query's relevant variants is searched raw: memmem, or an ASCII
 * case-blind scan when smart case is off (ASCII case is the one variant
 * handled in place). Everything else is folded and searched folded.
 */

#define STRETCH_SCANNED	0x01	/* << mode: 1 case-blind, 2 case-sensitive */
#define STRETCH_ASCII	0x04	/* nothing but ASCII */
#define STRETCH_CONTEXT	0x08	/* holds characters folded in context */

struct stretch {
	uint64_t	 sig[2];	/* variants present, per mode */
	uint8_t		 flags;
};

struct search_index {
	const struct doc	*doc;
	struct fold_memo	 memo[2];	/* case-blind, case-sensitive */
	struct stretch		*blocks;	/* one per doc block */
	struct stretch		*cells;		/* one per table cell */
	struct search_index	*plain;		/* for ASCII queries while the
						   fold tables are built */
	uint32_t		*var[2];	/* distinct variants seen */
	size_t			 nvar[2];
	size_t			 cap_var[2];
};

/* One of 64 signature bits for a character. */
static inline uint64_t
search_bit(uint32_t c)
{
	return (uint64_t)1 << ((c * 0x9E3779B1u) >> 26);
}

/* Learn a stretch's variants in one mode (cs: case-sensitive). */
void	 search_index_scan(struct search_index *, struct stretch *,
	    const char *, size_t, int cs);

/* The memo entry of c, computing it the first time. */
static inline struct fold_entry *
search_fold_lookup(struct fold_memo *m, uint32_t c)
{
	struct fold_entry	*page;

	if (c < 0x110000 && (page = m->pages[c / FOLD_PAGE]) != NULL &&
	    (page[c % FOLD_PAGE].flags & FOLD_KNOWN))
		return &page[c % FOLD_PAGE];
	return search_fold_char(m, c);
}

#endif
