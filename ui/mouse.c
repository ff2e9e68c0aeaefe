/* Mouse events: which pane, which cell, which gesture; pure so tests can drive it. */
#include <string.h>

#include "ui.h"

static int	mouse_in(const struct rect *, int, int);

/* The gesture behind a curses button state. */
enum mouse_kind
mouse_kind_of(unsigned long bstate)
{
	if (bstate & BUTTON4_PRESSED)
		return MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	if (bstate & BUTTON5_PRESSED)
		return MOUSE_WHEEL_DOWN;
#endif
	if (bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		return MOUSE_CLICK;
	return MOUSE_NONE;
}

static int
mouse_in(const struct rect *r, int y, int x)
{
	return r->w > 0 && r->h > 0 && y >= r->y && y < r->y + r->h &&
	    x >= r->x && x < r->x + r->w;
}

/* The pane under a screen cell and the cell inside it. */
void
mouse_route(const struct arrange *a, int y, int x, enum mouse_kind kind,
    struct mouse_hit *hit)
{
	static const struct {
		enum mouse_pane	 pane;
		size_t		 off;
	} order[] = {
		{ MPANE_BODY, offsetof(struct arrange, body) },
		{ MPANE_NOTES, offsetof(struct arrange, notes) },
		{ MPANE_OUTLINE, offsetof(struct arrange, outline) },
		{ MPANE_STATUS, offsetof(struct arrange, status) },
	};
	const struct rect	*r;
	size_t			 i;

	memset(hit, 0, sizeof *hit);
	hit->kind = kind;
	hit->pane = MPANE_NONE;
	if (a->too_small || kind == MOUSE_NONE)
		return;
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		r = (const struct rect *)((const char *)a + order[i].off);
		if (mouse_in(r, y, x)) {
			hit->pane = order[i].pane;
			hit->row = y - r->y;
			hit->col = x - r->x;
			return;
		}
	}
}
