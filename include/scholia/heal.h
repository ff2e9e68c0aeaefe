/* Healing what page breaks did: rejoined paragraphs, dropped furniture and junk. */
#ifndef SCHOLIA_HEAL_H
#define SCHOLIA_HEAL_H

struct doc;

void	heal_recover(struct doc *);

#endif
