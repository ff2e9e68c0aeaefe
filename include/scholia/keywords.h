/* Labelled front matter and keyword lists. */
#ifndef SCHOLIA_KEYWORDS_H
#define SCHOLIA_KEYWORDS_H

struct doc;

void	keywords_recover(struct doc *);

#endif
