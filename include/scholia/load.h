/* The whole pipeline behind one call: source, parse, recover. */
#ifndef SCHOLIA_LOAD_H
#define SCHOLIA_LOAD_H

#include <stddef.h>

struct doc;

enum load_format {
	LOAD_AUTO,
	LOAD_MARKDOWN,
	LOAD_TEXT,
};

struct load_opts {
	const char		*encoding;	/* force a charset; NULL detects */
	enum load_format	 format;
	int			 allow_binary;	/* show binary files (placeholders) */
};

/* Load a file ("-" for stdin). The doc owns its source. */
int	load_file(const char *, const struct load_opts *, struct doc **,
	    char **cause);
int	load_memory(const char *name, const char *, size_t,
	    const struct load_opts *, struct doc **, char **cause);

#endif
