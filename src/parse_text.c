/* Plain-text parser: paragraphs, bullets and rules from unmarked text. */
#include <string.h>

#include "parse_internal.h"
#include "scholia/doc.h"
#include "scholia/parse.h"
#include "scholia/source.h"

int
parse_is_markdown(const char *s, size_t n)
{
	(void)s;
	(void)n;
	return 0;
}

int
parse_text(struct doc *d, char **cause)
{
	(void)d;
	(void)cause;
	return 0;
}
