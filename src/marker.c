/* Stub: footnote marker syntaxes. */
#include "scholia/marker.h"

size_t marker_ref(const char *s, size_t n, struct marker *m) { (void)s; (void)n; (void)m; return 0; }
size_t marker_note_head(const char *s, size_t n, struct marker *m) { (void)s; (void)n; (void)m; return 0; }
int marker_sup_label(const char *s, size_t n, char *l, size_t ln) { (void)s; (void)n; (void)l; (void)ln; return 0; }
int marker_circled_value(uint32_t c) { (void)c; return 0; }
