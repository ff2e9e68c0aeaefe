/* Unicode services for the whole program: display width, breaks, sanitising, folding. */
#ifndef SCHOLIA_TEXT_H
#define SCHOLIA_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * Widths agree with what the terminal draws (glibc wcwidth, which ncursesw
 * uses to place characters); East Asian ambiguous characters are one column
 * unless text_set_ambiguous_wide(1).
 */
void	 text_set_ambiguous_wide(int);
int	 text_char_width(uint32_t);	/* 0, 1 or 2; controls count 0 */
size_t	 text_width(const char *, size_t);	/* columns of sanitised UTF-8 */

/* Decode one UTF-8 character; an invalid byte yields U+FFFD and length 1. */
size_t	 text_decode(const char *, size_t, uint32_t *);

/* text_decode with the common two- and three-byte forms inline, for hot loops. */
static inline size_t
text_next(const char *s, size_t n, uint32_t *c)
{
	const unsigned char	*p = (const unsigned char *)s;

	if (n >= 1 && p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	if (n >= 3 && p[0] >= 0xE1 && p[0] <= 0xEC &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*c = ((uint32_t)(p[0] & 0x0F) << 12) |
		    ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		return 3;
	}
	if (n >= 2 && p[0] >= 0xC2 && p[0] <= 0xDF && (p[1] & 0xC0) == 0x80) {
		*c = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	return text_decode(s, n, c);
}
/* Length in bytes of the grapheme cluster starting at s. */
size_t	 text_grapheme(const char *, size_t);

/*
 * Characters that must never reach the terminal: C0 and C1 controls, DEL,
 * bidi embedding/override/isolate controls and marks, line and paragraph
 * separators (U+2028/9), interlinear annotation controls. text_placeholder
 * writes the visible placeholder for one (e.g. "^[", "<9B>", "<U+202E>") and
 * returns its length; text_is_unsafe tells whether a character needs one.
 * text_placeholder works like snprintf (NUL-terminated, truncated to the
 * size given, returns the full length); 0 for a safe character.
 */
int	 text_is_unsafe(uint32_t);
size_t	 text_placeholder(uint32_t, char *, size_t);

/*
 * Line-break opportunities (UAX #14) for UTF-8 text: out[i] is one of the
 * TEXT_BREAK_* values for the byte at i (libunistring's UC_BREAK_* meanings).
 * Bytes inside a character (as text_decode splits them) are UNDEFINED.
 */
enum {
	TEXT_BREAK_UNDEFINED = 0,	/* not a character boundary */
	TEXT_BREAK_PROHIBITED,		/* boundary, no break here */
	TEXT_BREAK_POSSIBLE,		/* a break may go before this char */
	TEXT_BREAK_MANDATORY,		/* a break must go before this char */
	TEXT_BREAK_HYPHENATION,
};
void	 text_breaks(const char *, size_t, char *);

/* Kinsoku classes: may not begin / may not end a display line. */
int	 text_is_closing(uint32_t);
int	 text_is_opening(uint32_t);
int	 text_is_cjk(uint32_t);		/* Han, kana, Hangul, CJK punctuation */
int	 text_is_sentence_end(uint32_t);	/* 。！？.!?… and kin */

/*
 * Search folding: NFKC + case fold (+ simplified/traditional mapping when
 * available). Appends the folded form of s to out; if map is not NULL it is
 * set to an array of out->len + 1 offsets into s giving, for every output
 * byte, the source byte it came from (caller frees). With out not empty on
 * entry, map[0] is for the first byte appended. The map never decreases and
 * its last entry is n: a match [a, b) of the output is [map[a], map[b]) of s.
 */
void	 text_fold(const char *, size_t, struct buf *, size_t **);
/* Whether s needs folding at all (pure lower-case ASCII and CJK do not). */
int	 text_needs_fold(const char *, size_t);

#endif
