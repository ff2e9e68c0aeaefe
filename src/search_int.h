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
