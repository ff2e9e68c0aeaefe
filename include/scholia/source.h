/* The input document: read once, converted to UTF-8, with a line index. */
#ifndef SCHOLIA_SOURCE_H
#define SCHOLIA_SOURCE_H

#include <stddef.h>

#include "encoding.h"

#define SOURCE_MAX_BYTES ((size_t)1 << 31)	/* refused beyond this */

struct source {
	char		*name;		/* path as given, "-" for stdin */
	char		*text;		/* UTF-8, line ends normalised to \n */
	size_t		 len;
	enum encoding	 encoding;	/* what the input was in */
	size_t		 invalid;	/* bytes replaced by U+FFFD */
	int		 binary;	/* looks like a binary file */
	size_t		*lines;		/* offset of the start of each line */
	size_t		 nlines;	/* 0 if empty; lines[0] is 0 */
	size_t		*pages;		/* offsets of form feeds (page breaks) */
	size_t		 npages;
	void		*priv;		/* source.c's: how the text is held;
					   NULL in a source made elsewhere */
};

struct source_opts {
	const char	*encoding;	/* force this charset; NULL to detect */
	int		 refuse_binary;	/* fail once the first 64 KiB read
					   look binary (an endless stream) */
};

/*
 * Read a file ("-" for stdin) or a memory buffer. CRLF and lone CR become
 * LF; form feeds stay in the text and are listed in pages. Returns 0, or -1
 * with an allocated message in *cause (missing, directory, unreadable, too
 * large).
 */
int	source_read_file(const char *, const struct source_opts *,
	    struct source **, char **cause);
int	source_from_memory(const char *, const char *, size_t,
	    const struct source_opts *, struct source **, char **cause);

/*
 * Whether a regular file looks binary, from its first 64 KiB, as a read
 * would judge it: 1 yes, 0 no or not a regular file (then nothing is read).
 */
int	source_sniff(const char *, const struct source_opts *);

/* 1-based line holding byte offset off of the text. */
int	source_line_of(const struct source *, size_t);
void	source_free(struct source *);

#endif
