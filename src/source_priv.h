/* Private to source.c and source_part.c: what a source made by source.c keeps. */
#ifndef SCHOLIA_SOURCE_PRIV_H
#define SCHOLIA_SOURCE_PRIV_H

#include <sys/stat.h>

#include <stddef.h>

struct source;

/* What source.c keeps of a source it made (source->priv). */
struct source_priv {
	size_t		 map;		/* text is a file mapping of this
					   many bytes; 0: allocated */
	size_t		 released;	/* pages before this given back */
	size_t		 told;		/* the last offset heeded */
	size_t		 progress;	/* where the current pass is (atomic) */
	size_t		*sink;		/* also told here, if set */
	struct stat	 st;		/* the mapped file when mapped */
	const struct source *whole;	/* a part: the source it views */
	size_t		 base;		/* a part: where it starts in whole */
	int		 quiet;		/* a part that tells no progress */
};

#endif
