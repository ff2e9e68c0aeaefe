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
/*
 * A new list holding every entry of this one, back and forward, passed
 * through fn, in the same order and at the same step: fn rewrites the place
 * and returns 0, or returns -1 to drop the entry. The list given is left
 * as it was (to carry a list to another doc of the same text).
 */
struct nav	*nav_map(const struct nav *,
		    int (*fn)(struct nav_pos *, void *), void *);

#endif
