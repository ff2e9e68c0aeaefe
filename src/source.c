/* Stub: source reading. */
#include <stdlib.h>
#include "scholia/source.h"
void source_free(struct source *s) { (void)s; }
int source_read_file(const char *p, const struct source_opts *o, struct source **s, char **c) { (void)p; (void)o; (void)s; (void)c; return -1; }
int source_from_memory(const char *nm, const char *p, size_t n, const struct source_opts *o, struct source **s, char **c) { (void)nm; (void)p; (void)n; (void)o; (void)s; (void)c; return -1; }
