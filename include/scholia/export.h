/* Non-interactive renderers over the doc: plain dump, JSON, outline, notes, tree. */
#ifndef SCHOLIA_EXPORT_H
#define SCHOLIA_EXPORT_H

#include <stdio.h>

struct doc;

/* Each returns 0, or -1 when writing failed (errno set). */
int	export_dump(const struct doc *, int width, FILE *);
int	export_json(const struct doc *, FILE *);
int	export_toc(const struct doc *, FILE *);
int	export_notes(const struct doc *, FILE *);
int	export_tree(const struct doc *, FILE *);

#endif
