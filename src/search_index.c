/* The search index: per stretch of doc text, which folding variants it holds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "scholia/doc.h"
#include "scholia/search.h"
#include "search_int.h"

struct search_index *
search_index_new(const struct doc *d)
{
	struct search_index	*ix;

	ix = xcalloc(1, sizeof *ix);

	ix->doc = d;
	search_fold_init(&ix->memo[0], 0);
	search_fold_init(&ix->memo[1], 1);
	ix->blocks = xcalloc(d->nblocks + 1, sizeof *ix->blocks);
	ix->cells = xcalloc(d->ncells + 1, sizeof *ix->cells);
	return ix;
}

void
search_index_free(struct search_index *ix)
{
	if (ix == NULL)
		return;
	search_index_free(ix->plain);
	search_fold_free(&ix->memo[0]);
	search_fold_free(&ix->memo[1]);
	free(ix->blocks);
	free(ix->cells);
	free(ix->var[0]);
	free(ix->var[1]);
	free(ix);
}

/* Learn a stretch's variants in one mode: decode and look up, no copying. */
void
search_index_scan(struct search_index *ix, struct stretch *st, const char *p,
    size_t n, int cs)
{
	struct fold_entry	*e;
	uint64_t		 sig = 0;
	size_t			 i = 0, clen;
	uint32_t		 c;
	int			 ascii = 1, bad;

	while (i < n) {
		if ((unsigned char)p[i] < 0x80) {
			i++;
			continue;
		}
		ascii = 0;
		clen = text_next(p + i, n - i, &c);
		e = search_fold_lookup(&ix->memo[cs], c);
		if (e->flags & FOLD_CONTEXT)
			st->flags |= STRETCH_CONTEXT;
		bad = c == 0xFFFD && (clen != 3 || memcmp(p + i, "\xef\xbf\xbd",
		    3) != 0);
		if ((e->flags & FOLD_VARIANT) || bad) {
			sig |= search_bit(c);
			if (!(e->flags & FOLD_LISTED)) {
				e->flags |= FOLD_LISTED;
				*ARRAY_PUSH(ix->var[cs], ix->nvar[cs],
				    ix->cap_var[cs]) = c;
			}
		}
		i += clen;
	}
	st->sig[cs] = sig;
	st->flags |= (STRETCH_SCANNED << cs) | (ascii ? STRETCH_ASCII : 0);
}
