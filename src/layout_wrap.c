/* Wrapping: UAX #14 breaks, kinsoku, graphemes, tabs and placeholders. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "layout_priv.h"
#include "layout_unit.h"
#include "scholia/doc.h"
#include "scholia/text.h"

/* The state of wrapping one stretch of text. */
struct wrap {
	struct lb		*lb;
	const struct prefix	*pfx;
	int			 width;
	int			 tab;
	int			 code;
	struct unit		*line;	/* units of the open line */
	size_t			 nline;
	size_t			 cap_line;
	struct unit		*stack;	/* units waiting, next on top */
	size_t			 nstack;
	size_t			 cap_stack;
	int			 cols;
	int			 avail;
	int			 first;
	int			 soft;	/* the open line began at a wrap */
	int			 emitted;
	size_t			 base;
	const char		*dtext;	/* the doc text */
};

/* A wrap in progress, resumed a few lines at a time (table cells). */
struct wrapper {
	struct wrap	 w;
	struct uiter	 it;
	int		 done;
};

static const char *unit_text(const struct unit *);
static int	 unit_is_space(const struct wrap *, const struct unit *);
static int	 unit_verbatim(const struct wrap *, const struct unit *);
static void	 wrap_push(struct wrap *, const struct unit *);
static void	 wrap_one(struct wrap *, struct unit *);
static void	 wrap_emit(struct wrap *, size_t, const struct unit *, int);
static size_t	 wrap_find(struct wrap *, const struct unit *);
static size_t	 wrap_emergency(struct wrap *, const struct unit *);
static void	 wrap_squeeze(struct wrap *, struct unit *);
static int	 measure_run(const struct doc *, const struct wrap_src *, int,
		    int, int *, int *);

#define MEASURE_QUICK	4096	/* text bytes worth a quick look first */

static const char *
unit_text(const struct unit *u)
{
	return u->s != NULL ? u->s : u->ph;
}

/* Whether a unit shows exactly its doc bytes (a space is a doc ' '). */
static int
unit_verbatim(const struct wrap *w, const struct unit *u)
{
	if (u->kind == U_TEXT)
		return u->s == w->dtext + u->doc_off && u->n == u->dlen;
	return u->kind == U_SPACE && u->n == 1 && u->dlen == 1;
}

/* Spaces and tabs are dropped at a wrap, outside code. */
static int
unit_is_space(const struct wrap *w, const struct unit *u)
{
	return !w->code && (u->kind == U_SPACE || u->kind == U_TAB);
}

static void
wrap_push(struct wrap *w, const struct unit *u)
{
	*ARRAY_PUSH(w->stack, w->nstack, w->cap_stack) = *u;
}

/* Write line units [0, p) out, and queue u and the units after p again. */
static void
wrap_emit(struct wrap *w, size_t p, const struct unit *u, int soft)
{
	size_t		 k, g, end = p, rlen;
	struct unit	*x, *y;
	int		 cols, rcols;

	if (u != NULL)
		wrap_push(w, u);
	for (k = w->nline; k > p; k--)
		wrap_push(w, &w->line[k - 1]);
	while (end > 0 && unit_is_space(w, &w->line[end - 1]))
		end--;
	lb_line(w->lb, w->first ? LINE_FIRST : 0,
	    end > 0 ? w->line[0].doc_off : w->base);
	lb_prefix(w->lb, w->pfx, w->first);
	for (k = 0, cols = 0; k < end; k = g) {
		x = &w->line[k];
		/*
		 * Units showing their doc bytes as they are, in a row of the
		 * same style, go in as one piece: lb_put would merge them.
		 */
		rcols = x->cols;
		rlen = x->n;
		for (g = k + 1; unit_verbatim(w, x) && g < end; g++) {
			y = &w->line[g];
			if (!unit_verbatim(w, y) || y->style != x->style ||
			    y->ref != x->ref || y->doc_off != x->doc_off + rlen)
				break;
			rcols += y->cols;
			rlen += y->n;
		}
		cols += rcols;
		lb_put(w->lb, g > k + 1 ? w->dtext + x->doc_off : unit_text(x),
		    rlen, rcols, x->style, x->ref, x->doc_off,
		    g > k + 1 ? rlen : x->dlen, x->kind == U_TEXT ||
		    x->kind == U_SPACE);
	}
	/* a break at a soft hyphen shows the hyphen when it fits */
	x = p < w->nline ? &w->line[p] : NULL;
	if (x == NULL && u != NULL && !w->code)
		x = (struct unit *)u;
	if (x != NULL && x->shy && end == p && end > 0 && cols < w->avail)
		lb_put(w->lb, "-", 1, 1, w->line[end - 1].style, -1,
		    LAYOUT_NO_OFF, 0, 0);
	if (end < p)
		w->base = w->line[end].doc_off;
	else if (p > 0)
		w->base = w->line[p - 1].doc_off + w->line[p - 1].dlen;
	w->emitted++;
	w->first = 0;
	w->nline = 0;
	w->cols = 0;
	w->soft = soft;
	w->avail = w->width - lb_prefix_cols(w->pfx, 0);
	if (w->avail < 1)
		w->avail = 1;
}

/* The last place to break before u (or inside the line) that kinsoku allows. */
static size_t
wrap_find(struct wrap *w, const struct unit *u)
{
	const struct unit	*next, *prev;
	size_t			 p, k;

	for (p = w->nline; p >= 1; p--) {
		next = p == w->nline ? u : &w->line[p];
		if (next->brk != TEXT_BREAK_POSSIBLE &&
		    next->brk != TEXT_BREAK_HYPHENATION &&
		    next->brk != TEXT_BREAK_MANDATORY)
			continue;
		if (next->close)
			continue;
		prev = NULL;
		for (k = p; k > 0; k--) {
			if (!unit_is_space(w, &w->line[k - 1])) {
				prev = &w->line[k - 1];
				break;
			}
		}
		if (prev == NULL || prev->open)
			continue;
		return p;
	}
	return 0;
}

/* No break opportunity fits: split between graphemes, kinsoku permitting. */
static size_t
wrap_emergency(struct wrap *w, const struct unit *u)
{
	const struct unit	*next;
	size_t			 p;

	for (p = w->nline; p >= 1; p--) {
		next = p == w->nline ? u : &w->line[p];
		if (next->close || w->line[p - 1].open)
			continue;
		return p;
	}
	return w->nline;
}

/* Make a unit wider than an empty line fit: cut a placeholder, or show "?". */
static void
wrap_squeeze(struct wrap *w, struct unit *u)
{
	struct unit	rest;

	if (u->kind == U_TAB || u->kind == U_SPACE) {
		u->cols = w->avail;
		u->n = (size_t)w->avail;
		return;
	}
	if (u->kind == U_CTRL) {
		rest = *u;
		memmove(rest.ph, u->ph + w->avail, u->n - (size_t)w->avail);
		rest.n = u->n - (size_t)w->avail;
		rest.cols = (int)rest.n;
		rest.dlen = 0;
		rest.brk = TEXT_BREAK_PROHIBITED;
		u->n = (size_t)w->avail;
		u->cols = w->avail;
		wrap_push(w, &rest);
		return;
	}
	u->s = NULL;
	u->kind = U_CTRL;
	u->ph[0] = '?';
	u->n = 1;
	u->cols = 1;
	u->style |= STYLE_CONTROL;
}

/* Place one unit: on the open line, or wrap first. */
static void
wrap_one(struct wrap *w, struct unit *u)
{
	size_t	p;

	if (u->kind == U_NL) {
		if (w->nline == 0 && w->soft)
			w->soft = 0;	/* the wrap already ended the line */
		else
			wrap_emit(w, w->nline, NULL, 0);
		return;
	}
	if (w->nline == 0 && w->soft && unit_is_space(w, u))
		return;
	if (u->kind == U_TAB) {
		u->cols = w->tab - w->cols % w->tab;
		u->n = (size_t)u->cols;
	}
	if (w->cols + u->cols <= w->avail) {
		*ARRAY_PUSH(w->line, w->nline, w->cap_line) = *u;
		w->cols += u->cols;
		return;
	}
	if (w->nline == 0) {
		wrap_squeeze(w, u);
		*ARRAY_PUSH(w->line, w->nline, w->cap_line) = *u;
		w->cols += u->cols;
		return;
	}
	if (unit_is_space(w, u)) {
		wrap_emit(w, w->nline, NULL, 1);
		return;
	}
	if (w->code) {
		wrap_emit(w, w->nline, u, 0);
		return;
	}
	if ((p = wrap_find(w, u)) == 0)
		p = wrap_emergency(w, u);
	wrap_emit(w, p, u, 1);
}

void
wrap_text(const struct doc *d, const struct wrap_src *src, int width,
    int tab, int code, unsigned style, const struct prefix *pfx,
    struct lb *lb)
{
	struct wrapper	*wr;

	wr = wrap_start(d, src, width, tab, code, style, pfx, lb);
	wrap_step(wr, (size_t)-1);
	wrap_stop(wr);
}

struct wrapper *
wrap_start(const struct doc *d, const struct wrap_src *src, int width,
    int tab, int code, unsigned style, const struct prefix *pfx,
    struct lb *lb)
{
	struct wrapper	*wr = xcalloc(1, sizeof *wr);
	struct wrap	*w = &wr->w;

	w->lb = lb;
	w->pfx = pfx;
	w->width = width;
	w->tab = tab;
	w->code = code;
	w->first = 1;
	w->base = src->off;
	w->dtext = d->text.data;
	w->avail = width - lb_prefix_cols(pfx, 1);
	if (w->avail < 1)
		w->avail = 1;
	uiter_init(&wr->it, d, src, code, style);
	return wr;
}

/*
 * Wrap on until the builder holds more than want lines (every line it holds
 * is finished) or the text ends; 1 once it has ended.
 */
int
wrap_step(struct wrapper *wr, size_t want)
{
	struct wrap	*w = &wr->w;
	struct unit	 u;

	while (!wr->done && w->lb->nlines <= want) {
		if (!uiter_next(&wr->it, &u)) {
			if (w->nline > 0)
				wrap_emit(w, w->nline, NULL, 0);
			wr->done = 1;
			break;
		}
		wrap_one(w, &u);
		while (w->nstack > 0) {
			u = w->stack[--w->nstack];
			wrap_one(w, &u);
		}
	}
	return wr->done;
}

void
wrap_stop(struct wrapper *wr)
{
	if (wr == NULL)
		return;
	free(wr->it.brk);
	free(wr->w.line);
	free(wr->w.stack);
	free(wr);
}

/*
 * A long text with cap > 0 is first walked without working out its breaks,
 * only until a line reaches cap columns: found, *word is -1 (unknown).
 */
void
wrap_measure(const struct doc *d, const struct wrap_src *src, int tab,
    int cap, int *widest, int *word)
{
	if (cap > 0 && src->len >= MEASURE_QUICK &&
	    measure_run(d, src, tab, cap, widest, word)) {
		*word = -1;
		return;
	}
	measure_run(d, src, tab, 0, widest, word);
}

/* Widest line and word; with cap > 0, no breaks, and 1 once a line is cap. */
static int
measure_run(const struct doc *d, const struct wrap_src *src, int tab,
    int cap, int *widest, int *word)
{
	struct uiter	it;
	struct unit	u;
	int		line = 0, run = 0;

	*widest = *word = 0;
	uiter_init(&it, d, src, cap > 0, 0);
	while (uiter_next(&it, &u)) {
		if (u.kind == U_NL) {
			line = run = 0;
			continue;
		}
		if (u.kind == U_TAB)
			u.cols = tab - line % tab;
		if (u.kind == U_SPACE || u.kind == U_TAB ||
		    u.brk == TEXT_BREAK_POSSIBLE)
			run = 0;
		line += u.cols;
		if (u.kind != U_SPACE && u.kind != U_TAB)
			run += u.cols;
		if (line > *widest)
			*widest = line;
		if (run > *word)
			*word = run;
		if (cap > 0 && *widest >= cap) {
			free(it.brk);
			return 1;
		}
	}
	return 0;
}
