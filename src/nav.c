/* The jump list: where jumps started, walked back and forward like a browser. */
#include <stdlib.h>

#include "internal.h"
#include "scholia/nav.h"

/*
 * Two stacks: back holds the starts of jumps (the newest on top), forward
 * holds the positions left by stepping back. A push drops forward.
 */
struct nav {
	struct nav_pos	*back;
	size_t		 nback;
	size_t		 cap_back;
	struct nav_pos	*fwd;
	size_t		 nfwd;
	size_t		 cap_fwd;
};

static int	nav_same(struct nav_pos, struct nav_pos);
static void	nav_map_stack(const struct nav_pos *, size_t,
		    int (*)(struct nav_pos *, void *), void *,
		    struct nav_pos **, size_t *, size_t *);

struct nav *
nav_new(void)
{
	return xcalloc(1, sizeof(struct nav));
}

void
nav_free(struct nav *n)
{
	if (n == NULL)
		return;
	free(n->back);
	free(n->fwd);
	free(n);
}

static int
nav_same(struct nav_pos a, struct nav_pos b)
{
	return a.block == b.block && a.off == b.off;
}

/* A push equal to the newest entry adds nothing: back would stay put. */
void
nav_push(struct nav *n, struct nav_pos pos)
{
	n->nfwd = 0;
	if (n->nback > 0 && nav_same(n->back[n->nback - 1], pos))
		return;
	*ARRAY_PUSH(n->back, n->nback, n->cap_back) = pos;
}

int
nav_back(struct nav *n, struct nav_pos cur, struct nav_pos *out)
{
	if (n->nback == 0)
		return 0;
	*ARRAY_PUSH(n->fwd, n->nfwd, n->cap_fwd) = cur;
	*out = n->back[--n->nback];
	return 1;
}

int
nav_forward(struct nav *n, struct nav_pos cur, struct nav_pos *out)
{
	if (n->nfwd == 0)
		return 0;
	*ARRAY_PUSH(n->back, n->nback, n->cap_back) = cur;
	*out = n->fwd[--n->nfwd];
	return 1;
}

size_t
nav_depth(const struct nav *n)
{
	return n->nback;
}

/* One stack through fn, bottom to top, keeping the entries fn keeps. */
static void
nav_map_stack(const struct nav_pos *from, size_t n,
    int (*fn)(struct nav_pos *, void *), void *arg, struct nav_pos **to,
    size_t *nto, size_t *cap)
{
	struct nav_pos	p;
	size_t		i;

	for (i = 0; i < n; i++) {
		p = from[i];
		if (fn(&p, arg) == 0)
			*ARRAY_PUSH(*to, *nto, *cap) = p;
	}
}

/* Walking the stacks directly spares callers stepping to both ends. */
struct nav *
nav_map(const struct nav *n, int (*fn)(struct nav_pos *, void *), void *arg)
{
	struct nav	*m = nav_new();

	nav_map_stack(n->back, n->nback, fn, arg, &m->back, &m->nback,
	    &m->cap_back);
	nav_map_stack(n->fwd, n->nfwd, fn, arg, &m->fwd, &m->nfwd,
	    &m->cap_fwd);
	return m;
}
