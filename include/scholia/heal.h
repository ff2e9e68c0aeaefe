/* Healing what page breaks did: rejoined paragraphs, dropped furniture and junk. */
#ifndef SCHOLIA_HEAL_H
#define SCHOLIA_HEAL_H

struct doc;

/*
 * Runs after notes_recover. Hides (BLOCK_HIDDEN) program code before the
 * document, page numbers ("• 128 •", "- 12 -"), short lines repeated on
 * three or more pages (running heads; the first line of the document and
 * heading lines are kept), and rules that only introduce notes. Then a
 * paragraph that stops mid-sentence is joined with the paragraph after
 * the notes or the break that cut it (the first block gets a fresh copy of
 * both texts and spans, the second is hidden, references move along);
 * without a break between, only a clear mid-word cut joins. References in
 * hidden junk and furniture are removed.
 */
void	heal_recover(struct doc *);

#endif
