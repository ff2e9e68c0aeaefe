/* Stub: replaced by the keywords recovery pass. */
#include "scholia/doc.h"
#include "scholia/keywords.h"

void
keywords_recover(struct doc *d)
{
	(void)d;
}
