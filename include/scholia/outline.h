/* Outline recovery: headings and their true levels, articles. */
#ifndef SCHOLIA_OUTLINE_H
#define SCHOLIA_OUTLINE_H

struct doc;

void	outline_recover(struct doc *);

#endif
