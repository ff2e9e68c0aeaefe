/* Private to src/: large inputs as read-only file mappings whose pages can be given back. */
#ifndef SCHOLIA_SOURCE_MAP_H
#define SCHOLIA_SOURCE_MAP_H

#include <stddef.h>

struct source;

#define SOURCE_MAP_MIN	((size_t)4 << 20)	/* smaller files are read */

/*
 * Map size bytes of a regular file read-only, followed by at least one NUL.
 * Returns the text, or NULL (then the caller reads the file instead). Should
 * the file shrink while mapped, the lost pages read as NULs instead of
 * killing the process with SIGBUS, and map_lost says so.
 */
char	*map_file(int, size_t);
void	 map_free(char *, size_t);
int	 map_lost(const char *);
/* Drop the resident pages of [from, to); they are read again on use. */
void	 map_release(const char *, size_t, size_t, size_t);

/*
 * For the pipeline: give back what the parsers have read of a mapped
 * source (text before off), or all of it; nothing to give back for a
 * source in memory. Either way off is noted as the progress of the pass.
 */
void	 source_release(const struct source *, size_t off);
/* The same, for the text before a 1-based line. */
void	 source_release_line(const struct source *, int);
/*
 * Give back every page of a mapped source read so far, telling no
 * progress (a look over all of it before a pass).
 */
void	 source_drop(const struct source *);
/* Where the last call above was, for progress (safe from any thread). */
size_t	 source_progress(const struct source *);
/* Tell the progress to *sink too (it must outlive the source's passes). */
void	 source_progress_to(struct source *, size_t *);
/*
 * A view of n bytes of a source from byte from, the start of a line, for a
 * parser on another thread: its own lines and pages (offsets from its
 * start, lines numbered from 1), its text that of the whole, which must
 * outlive it. What it releases is released in the whole; its progress,
 * scaled, is the whole's unless quiet. Returns -1 when from is not the
 * start of a line or the whole was not made by source.c.
 */
int	 source_part(const struct source *, size_t from, size_t n, int quiet,
	    struct source **);
/* Whether a mapped source's file shrank while it was being read. */
int	 source_changed(const struct source *);

#endif
