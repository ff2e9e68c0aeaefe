/* Search over the doc's display text (body and notes): a query becomes doc text ranges. */
#ifndef SCHOLIA_SEARCH_H
#define SCHOLIA_SEARCH_H

#include <stddef.h>

struct doc;

/*
 * Matching folds both sides: NFKC (full-width = half-width), simplified =
 * traditional Chinese, and case unless the query has an upper-case letter
 * (smart case). A match lies within one block; soft line breaks are already
 * joined in the doc text, so a match may cross them. Matches never cover
 * part of a character's fold (a query "i" does not match inside "ﬁ"). Text
 * where folding cannot change a match is searched raw with memmem (see
 * search_index below); only the rest is folded.
 */
struct search_match {
	int	block;
	size_t	off;		/* in doc->text */
	size_t	len;
};

struct search	*search_new(const struct doc *, const char *, size_t);
void		 search_free(struct search *);
int		 search_case_sensitive(const struct search *);

/*
 * A per-document index: searches through it learn, block by block, which
 * characters fold to something else, and from then on search the raw text
 * (memmem) wherever none of those could take part in a match, folding only
 * the rest. search_new uses a private one; keep one per doc (alive while
 * its searches are) to make repeated and incremental searches cheap.
 */
struct search_index	*search_index_new(const struct doc *);
void			 search_index_free(struct search_index *);
struct search		*search_new_indexed(struct search_index *,
			    const char *, size_t);

/*
 * Folding Chinese builds a table on first use (~0.1 s with OpenCC).
 * search_warm() builds it on a thread of its own from the start, so that
 * the first search need not wait: meanwhile a query all in ASCII is
 * searched without the table (through an index of its own, which finds
 * the same), any other waits for it, and so must any other use of
 * text_fold. search_warm_done() waits for it (before exit, say).
 */
void	 search_warm(void);
void	 search_warm_done(void);

/*
 * Incremental search: search_new_at scans nothing yet; its scan grows from
 * block start both ways, a slice at a time (search_more, search_seek), so
 * that the hit next to the reader is found without scanning the whole doc
 * and the rest is scanned between keys. Blocks scanned are always one
 * range holding start. search_new and search_new_indexed scan all at once.
 */
struct search	*search_new_at(struct search_index *, const char *, size_t,
		    int start);
/* Scan about bytes more of the text, that way first; 1: all scanned. */
int		 search_more(struct search *, size_t bytes, int forward);
int		 search_done(const struct search *);

/*
 * Matches found so far, in reading order (block, then offset): an index
 * stays the same match only while nothing before it is scanned, i.e. until
 * the scan grows backward. search_count scans all and gives the total.
 */
size_t		 search_known(const struct search *);
size_t		 search_count(struct search *);
const struct search_match *search_match_at(struct search *, size_t);

/*
 * Index of the first match at or after (block, off) in reading order
 * (forward), or the last one before it (backward), wrapping around; -1 when
 * there are none. search_next scans as far as it must; search_seek scans
 * about bytes more at most and gives SEARCH_MORE when that was not enough.
 */
#define SEARCH_MORE	(-2L)
long		 search_next(struct search *, int block, size_t off, int forward);
long		 search_seek(struct search *, int block, size_t off, int forward,
		    size_t bytes);

/*
 * The matches inside one block, for highlighting: [*first, *first + *n);
 * none in a block not scanned yet (search_cover).
 */
void		 search_block(struct search *, int block, size_t *first, size_t *n);
/*
 * The matches of one block in order, scanned or not (a block on screen
 * while the scan is elsewhere): valid until the next call.
 */
size_t		 search_block_matches(struct search *, int block,
		    const struct search_match **);

#endif
