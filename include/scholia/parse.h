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
 *
 * What both parsers produce:
 * - Leaf blocks in reading order, each with its 1-based source line and
 *   end_line. A list item's first block has BLOCK_LISTITEM and its marker
 *   ("•", or "3." / "3)" with the real number); indent is 2 columns per
 *   enclosing list plus 2 per enclosing quote (the marker hangs in the last
 *   2); blocks of tight lists have BLOCK_TIGHT. Headings keep the number of
 *   '#' as level; parse_text makes no headings (outline recovery does).
 * - A soft line break joins without a space when both sides are CJK, or
 *   one side is full-width punctuation, or a quote or dash touches CJK;
 *   otherwise with one space. Hard breaks are "\n" in the block text.
 * - References (marker_ref: ^①, ^{*}, ^12, [^name], ¹², <sup>[1]</sup>)
 *   are refs showing "①" or "[1]". Bare circled numbers in running text
 *   are not refs yet: they are spans of their own with SPAN_MAYBEREF.
 * - Note heads: at the very start of a paragraph, a marker_note_head match
 *   is appended as its shown form with SPAN_NOTELABEL (never a ref), then
 *   one space if blanks followed it. The notes pass decides whether the
 *   paragraph is a note and clears the flag if not. "[^name]: text" lines
 *   are kept as such paragraphs (md4c would drop them as link definitions).
 * - Asterisk emphasis that CommonMark rejects next to CJK ("**【提要】**正")
 *   and the *x* / **x** of plain text become SPAN_EMPH / SPAN_STRONG; an
 *   asterisk escaped with a backslash stays literal.
 */
int	parse_md(struct doc *, char **cause);
int	parse_text(struct doc *, char **cause);

#endif
