/* Stub: plain-text parser. */
#include "scholia/doc.h"
#include "scholia/parse.h"

int parse_text(struct doc *d, char **cause) { (void)d; (void)cause; return 0; }
