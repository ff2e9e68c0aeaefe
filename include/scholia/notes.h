/* Footnote recovery: note definitions, reference markers, and their links. */
#ifndef SCHOLIA_NOTES_H
#define SCHOLIA_NOTES_H

struct doc;

/*
 * Turn note-definition paragraphs into BLOCK_NOTE blocks, decide which bare
 * circled numbers are references, and link each reference to the note with
 * its label in the first block of notes after it ([^name] by name).
 *
 * Notes: paragraphs headed by the parser's SPAN_NOTELABEL (^①, ①, [1], *,
 * [^name]:), by a reference marker and a blank ("<sup>1</sup> Smith"), and
 * numbered paragraphs or ordered list items ("1 Smith", "1. Smith") when a
 * reference without a note finds its number among them. A paragraph that
 * opens with ① and goes on to ② enumerates, and stays body text. Pandoc's
 * indented paragraphs and a wrapped line between two notes in sequence are
 * joined to their note. A block of notes is a run of notes with only
 * hidden blocks or rules between; a label seen again starts the next run.
 * A reference whose run lacks its label stays unlinked (note -1). Bare
 * circled numbers (SPAN_MAYBEREF) and plain "[n]" become references only
 * when their run has the label.
 */
void	notes_recover(struct doc *);

#endif
