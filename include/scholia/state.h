/* Reading positions remembered per document across runs. */
#ifndef SCHOLIA_STATE_H
#define SCHOLIA_STATE_H

#include "nav.h"

struct doc;

/*
 * Positions live in $XDG_STATE_HOME/scholia/positions (by default
 * ~/.local/state/scholia/positions), one text line per document: its real
 * path, size and a hash of its first 64 KiB, then block, offset and source
 * line. A size or hash that no longer agrees means the file changed, and
 * its position is not offered. Writes go to a temporary file in the same
 * directory, synced, then renamed over the old one: a crash or a failed
 * write never loses the positions already saved. The STATE_MAX most
 * recently saved documents are kept.
 */
#define STATE_MAX	500

struct state_pos {
	struct nav_pos	 pos;
	int		 line;		/* source line at pos: a sanity check */
};

struct state;

/*
 * Read the saved positions. Never fails: *cause is set (caller frees) when
 * the file could not be read or had corrupt lines, for the UI to show once;
 * the reader goes on without them (corrupt lines are dropped).
 */
struct state	*state_open(char **cause);
void		 state_close(struct state *);

/* The saved position of a file: 1 when there is one, else 0. */
int		 state_get(struct state *, const char *path,
		    struct state_pos *);

/*
 * Save the position of a file, keeping what other instances saved since
 * the open. Returns 0, or -1 with *cause set the first time a save fails
 * (NULL on later failures, so the UI does not repeat itself).
 */
int		 state_put(struct state *, const char *path,
		    const struct state_pos *, char **cause);

/*
 * Check a saved position against the doc it is for: keep it if it still
 * lies in its block and the block holds its line, else move it to the
 * start of the block holding (or first after) the line. 0 when unusable.
 */
int		 state_fit(const struct doc *, struct state_pos *);

#endif
