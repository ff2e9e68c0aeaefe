/* References in reading order: the next or previous reference from a place in the text. */
#include <stddef.h>

#include "scholia/doc.h"
#include "scholia/refs.h"

static int	refs_before(int, size_t, int, size_t);

/* Whether place a comes before place b in reading order. */
static int
refs_before(int ablock, size_t aoff, int bblock, size_t boff)
{
	if (ablock != bblock)
		return ablock < bblock;
	return aoff < boff;
}

/*
 * A linear scan: references are few next to the text, and recovery may
 * add them out of order (promoted markers), so no order is assumed.
 */
int
refs_next(const struct doc *d, int block, size_t off, int forward)
{
	const struct ref	*r, *b;
	size_t			 i;
	int			 best = -1;

	for (i = 0; i < d->nrefs; i++) {
		r = &d->refs[i];
		if (r->block < 0 || (size_t)r->block >= d->nblocks ||
		    !doc_in_flow(d, r->block))
			continue;
		if (forward ? !refs_before(block, off, r->block, r->text_off) :
		    !refs_before(r->block, r->text_off, block, off))
			continue;
		if (best >= 0) {
			b = &d->refs[best];
			if (forward ? !refs_before(r->block, r->text_off,
			    b->block, b->text_off) : !refs_before(b->block,
			    b->text_off, r->block, r->text_off))
				continue;
		}
		best = (int)i;
	}
	return best;
}
