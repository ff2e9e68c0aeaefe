/* Footnote recovery: note definitions, reference markers, and their links. */
#ifndef SCHOLIA_NOTES_H
#define SCHOLIA_NOTES_H

struct doc;

/*
 * Turn note-definition paragraphs into BLOCK_NOTE blocks, decide which bare
 * circled numbers are references, and link each reference to the note with
 * its label in the first block of notes after it ([^name] by name).
 */
void	notes_recover(struct doc *);

#endif
