/* Helpers shared by the structure recovery passes (notes, heal, outline, keywords). */
#ifndef SCHOLIA_RECOVER_H
#define SCHOLIA_RECOVER_H

#include <stddef.h>
#include <stdint.h>

#include "scholia/buf.h"
#include "scholia/text.h"

struct doc;

/* Decode the character at s (U+FFFD and length 1 when invalid). */
/* Decode the character ending at s + n; returns its length, 0 if n is 0. */
size_t		 recover_decode_last(const char *, size_t, uint32_t *);

/* ASCII, U+3000, NBSP (inline: the passes ask it of every character) */
static inline int
recover_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0x3000 ||
	    c == 0xa0 || c == 0x2002 || c == 0x2003 || c == 0x2009;
}

/* Ideographs, kana, Hangul. */
static inline int
recover_is_han(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff) ||
	    (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
}

int		 recover_is_cjk(uint32_t);	/* Han plus CJK punctuation */
int		 recover_is_closing(uint32_t);	/* closing quotes, brackets */
int		 recover_is_final(uint32_t);	/* 。！？.!?… end a sentence */

/* s..n without leading and trailing spaces (ASCII, U+3000). */
const char	*recover_trim(const char *, size_t *);
/* Number of characters of UTF-8 text. */
size_t		 recover_nchars(const char *, size_t);
/* Whether text has more characters than lim, read only as far as needed. */
int		 recover_nchars_over(const char *, size_t, size_t);

/*
 * Display text of a block without its reference markers and note label,
 * trimmed, appended to out.
 */
void		 recover_block_plain(const struct doc *, int, struct buf *);
/*
 * The same text where it is in the doc text as it is (no marker to leave
 * out): its start, and its length in *n; NULL when it needs the copy.
 */
const char	*recover_block_plain_at(const struct doc *, int, size_t *);
/* Last character of a block that is not a reference or space, 0 if none. */
uint32_t	 recover_block_last(const struct doc *, int);
/* Whether a block ends a sentence (final punctuation, maybe in quotes). */
int		 recover_block_ends_sentence(const struct doc *, int);

/*
 * Ask the cache for what reading block bi takes (its spans, its text's
 * head and end) while the blocks before it are read; bi may be past the
 * last block.
 */
void		 recover_prefetch(const struct doc *, size_t);

/* Next block after bi that is in the reading flow, or -1. */
int		 recover_next_flow(const struct doc *, int);
int		 recover_prev_flow(const struct doc *, int);

/*
 * Append block b's text and spans to block a (a fresh contiguous copy at
 * the end of the doc text), with a space between unless both sides are
 * CJK; b is hidden, its references move to a.
 */
void		 recover_join(struct doc *, int a, int b);
/* The same with several blocks at once, in order. */
void		 recover_join_many(struct doc *, int, const int *, size_t);
/*
 * Remove the references marked in drop (one flag per reference),
 * renumbering the rest in spans and notes; their spans become plain text.
 */
void		 recover_drop_refs(struct doc *, const char *);
/* Put text with flags before block bi's text (a fresh contiguous copy). */
void		 recover_prepend(struct doc *, int, const char *, unsigned);
/* Give the first n bytes of block bi a span of their own with flags added. */
void		 recover_split_head(struct doc *, int, size_t, unsigned);

/*
 * Run fn(arg, from, to) over [0, n) in two halves on two threads when n
 * is large (recover_set_par_min; tests lower it), else at once. Each step
 * must write only what is its own: the halves run at the same time.
 */
void		 recover_par(size_t, void (*)(void *, size_t, size_t), void *);
void		 recover_set_par_min(size_t);

/*
 * heal_recover, returning the outline kind (+ 1, 0 unknown) it found of
 * each paragraph still as it was; outline_recover with those kinds (or
 * NULL), which it frees.
 */
unsigned char	*heal_recover_kinds(struct doc *);
void		 outline_recover_kinds(struct doc *, unsigned char *);
/* Whether recover_par runs a map of n steps at once, on one thread. */
int		 recover_par_one(size_t);

#endif
