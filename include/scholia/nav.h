/* Reading positions anchored to the text, and the jump list (back and forward). */
#ifndef SCHOLIA_NAV_H
#define SCHOLIA_NAV_H

#include <stddef.h>

/*
 * A position is a block and a doc text offset inside it, never a screen
 * line, so it survives a resize or a pane toggle (the layout maps it back
 * to a display line).
 */
struct nav_pos {
	int	block;
	size_t	off;
};

struct nav;

struct nav	*nav_new(void);
void		 nav_free(struct nav *);

/* Record where a jump starts; forward history past it is dropped. */
void		 nav_push(struct nav *, struct nav_pos);
/* Step back (or forward): cur is where the reader is now, saved so that
   the opposite step returns to it. Returns 0 when there is nowhere to go. */
int		 nav_back(struct nav *, struct nav_pos cur, struct nav_pos *);
int		 nav_forward(struct nav *, struct nav_pos cur, struct nav_pos *);
size_t		 nav_depth(const struct nav *);	/* steps back available */

#endif
