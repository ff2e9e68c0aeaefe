/* Popups over the body: a peeked note, or the keyword index with counts; both close with Esc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/search.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define POPUP_SLICE	(256 * 1024)	/* text bytes counted at a time */
#define POPUP_IDLE_MS	4.0		/* counting between keys */

struct popup {
	enum popup_kind	  kind;
	int		  note;
	struct layout	 *lay;
	int		  top;		/* first line or entry shown */
	int		  cur;		/* keyword cursor */
	const char	**words;	/* keywords, each once */
	size_t		 *counts;
	struct search	**counting;	/* per word, until its count is
					   known: a big doc is counted
					   between keys */
	int		  nwords;
	char		 *again_word;	/* the cursor's word, and the */
	int		  again_line;	/* note's line, across a new doc */
};

static void	popup_layout(struct pane *);
static void	popup_paint(struct pane *);
static int	popup_key(struct pane *, enum action);
static void	popup_free(struct pane *);
static void	popup_reset(struct pane *);
static void	popup_drop_words(struct popup *);
static void	popup_gather(struct pane *);
static void	popup_again(struct pane *);
static void	popup_paint_note(struct pane *, struct popup *);
static void	popup_paint_words(struct pane *, struct popup *);
static const struct layout_line *popup_note_lines(struct popup *,
		    const struct doc *, int *);

const struct pane_ops pane_popup_ops = {
	.name = "popup",
	.layout = popup_layout,
	.paint = popup_paint,
	.key = popup_key,
	.reset = popup_reset,
	.free = popup_free,
};

void *
pane_popup_data(void)
{
	struct popup	*pp;

	pp = xcalloc(1, sizeof *pp);
	pp->note = -1;
	return pp;
}

static void
popup_drop_words(struct popup *pp)
{
	int	i;

	for (i = 0; i < pp->nwords; i++)
		search_free(pp->counting[i]);
	free(pp->counting);
	free(pp->words);
	free(pp->counts);
	pp->counting = NULL;
	pp->words = NULL;
	pp->counts = NULL;
	pp->nwords = 0;
}

static void
popup_free(struct pane *p)
{
	struct popup	*pp = p->data;

	layout_free(pp->lay);
	popup_drop_words(pp);
	free(pp->again_word);
	free(pp);
}

/*
 * A new doc of the same file (the whole file replacing the part read
 * first): what is open stays open, found again in it when first needed.
 */
static void
popup_reset(struct pane *p)
{
	struct popup		*pp = p->data;
	const struct doc	*old = p->app->doc;

	free(pp->again_word);
	pp->again_word = NULL;
	pp->again_line = 0;
	if (pp->kind == POPUP_KEYWORDS && pp->cur < pp->nwords)
		pp->again_word = xstrdup(pp->words[pp->cur]);
	if (pp->kind == POPUP_NOTE && old != NULL && pp->note >= 0 &&
	    (size_t)pp->note < old->nnotes)
		pp->again_line = old->notes[pp->note].line;
	else if (pp->kind == POPUP_NOTE)
		pp->kind = POPUP_NONE;
	layout_free(pp->lay);
	pp->lay = NULL;
	popup_drop_words(pp);
	pp->note = -1;
}

/* What popup_reset left to find in the new doc: the words, or the note. */
static void
popup_again(struct pane *p)
{
	struct popup		*pp = p->data;
	const struct doc	*d = p->app->doc;
	char			*word = pp->again_word;
	size_t			 i;
	int			 k;

	pp->again_word = NULL;
	if (pp->kind == POPUP_KEYWORDS && pp->words == NULL) {
		popup_gather(p);
		for (k = 0; word != NULL && k < pp->nwords; k++)
			if (strcmp(pp->words[k], word) == 0)
				pp->cur = k;
		if (pp->cur >= pp->nwords)
			pp->cur = pp->nwords > 0 ? pp->nwords - 1 : 0;
	}
	if (pp->kind == POPUP_NOTE && pp->note < 0 && pp->again_line > 0) {
		for (i = 0; i < d->nnotes; i++)
			if (d->notes[i].line == pp->again_line)
				break;
		if (i < d->nnotes)
			pp->note = (int)i;
		else
			pp->kind = POPUP_NONE;	/* not in it: nothing to show */
	}
	pp->again_line = 0;
	free(word);
}

/*
 * As wide as the body, so its edges never cut a wide character of the text
 * under it in half; two thirds as high at most, or the whole body when it
 * is small; above or below the row avoid (-1: none) when there is room.
 */
void
pane_popup_rect(const struct rect *body, enum popup_kind kind, int rows,
    int avoid, struct rect *r)
{
	int	room;

	memset(r, 0, sizeof *r);
	if (kind == POPUP_NONE || body->w <= 0 || body->h <= 0)
		return;
	*r = *body;
	if (body->h < 8)
		return;
	r->h = body->h * 2 / 3;
	if (rows + 2 < r->h)
		r->h = rows + 2 > 3 ? rows + 2 : 3;
	r->y = body->y + (body->h - r->h) / 3;
	if (avoid < 0 || avoid >= body->h)
		return;
	/* keep the row of the reference peeked at in sight */
	if (avoid < body->h / 2) {
		room = body->h - avoid - 1;
		r->y = body->y + avoid + 1;
	} else {
		room = avoid;
		r->y = body->y + avoid - (r->h < room ? r->h : room);
	}
	if (room >= 3 && r->h > room)
		r->h = room;
	if (room < 3)
		r->y = body->y + (body->h - r->h) / 3;
}

/* The rows a popup's contents take at a width (for its height). */
int
pane_popup_rows(struct pane *p, int w)
{
	struct popup		*pp = p->data;
	struct layout_opts	 opts = { 0 };
	int			 n;

	popup_again(p);
	if (pp->kind == POPUP_KEYWORDS)
		return pp->nwords > 0 ? pp->nwords : 1;
	if (pp->kind != POPUP_NOTE)
		return 0;
	opts.width = w > 5 ? w - 4 : 1;
	if (pp->lay == NULL || layout_width(pp->lay) != opts.width) {
		layout_free(pp->lay);
		pp->lay = layout_new(p->app->doc, &opts);
	}
	popup_note_lines(pp, p->app->doc, &n);
	return n;
}

static void
popup_layout(struct pane *p)
{
	struct popup		*pp = p->data;
	struct layout_opts	 opts = { 0 };

	if (!pane_shown(p))
		return;
	opts.width = p->r.w > 5 ? p->r.w - 4 : 1;
	layout_free(pp->lay);
	pp->lay = layout_new(p->app->doc, &opts);
}

/* Peek at a note. */
void
pane_popup_note(struct pane *p, int note)
{
	struct popup	*pp = p->data;

	pp->kind = POPUP_NOTE;
	pp->note = note;
	pp->top = 0;
}

/* The keyword index: every keyword of the paper once, with its count. */
void
pane_popup_keywords(struct pane *p)
{
	struct popup	*pp = p->data;

	pp->kind = POPUP_KEYWORDS;
	pp->top = pp->cur = 0;
	if (pp->words == NULL)
		popup_gather(p);
}

/* The doc's keywords, each once, their counting begun. */
static void
popup_gather(struct pane *p)
{
	struct popup		*pp = p->data;
	const struct doc	*d = p->app->doc;
	size_t			 i, total = 0;
	int			 j, k;

	for (i = 0; i < d->nkeywords; i++)
		total += (size_t)d->keywords[i].nwords;
	pp->words = xcalloc(total + 1, sizeof *pp->words);
	pp->counts = xcalloc(total + 1, sizeof *pp->counts);
	pp->counting = xcalloc(total + 1, sizeof *pp->counting);
	for (i = 0; i < d->nkeywords; i++) {
		for (j = 0; j < d->keywords[i].nwords; j++) {
			const char	*w = d->keywords[i].words[j];

			if (w == NULL || *w == '\0')
				continue;
			for (k = 0; k < pp->nwords; k++) {
				if (strcmp(pp->words[k], w) == 0)
					break;
			}
			if (k < pp->nwords)
				continue;
			pp->words[pp->nwords] = w;
			pp->counting[pp->nwords] = find_word_search(p->app, w);
			pp->nwords++;
		}
	}
	pane_popup_idle(p);	/* a small doc is counted at once */
}

int
pane_popup_busy(struct pane *p)
{
	struct popup	*pp = p->data;
	int		 i;

	popup_again(p);
	for (i = 0; i < pp->nwords; i++)
		if (pp->counting[i] != NULL)
			return 1;
	return 0;
}

/* Count for a few milliseconds, a word after another. */
int
pane_popup_idle(struct pane *p)
{
	struct popup	*pp = p->data;
	struct timespec	 t0, t;
	int		 i, shown = 0;

	popup_again(p);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < pp->nwords; i++) {
		while (pp->counting[i] != NULL) {
			if (search_more(pp->counting[i], POPUP_SLICE, 1)) {
				pp->counts[i] = search_count(pp->counting[i]);
				search_free(pp->counting[i]);
				pp->counting[i] = NULL;
				shown = pp->kind == POPUP_KEYWORDS;
			}
			clock_gettime(CLOCK_MONOTONIC, &t);
			if ((t.tv_sec - t0.tv_sec) * 1000.0 +
			    (t.tv_nsec - t0.tv_nsec) / 1e6 >= POPUP_IDLE_MS)
				return shown ? RE_PAINT : 0;
		}
	}
	return shown ? RE_PAINT : 0;
}

enum popup_kind
pane_popup_kind(struct pane *p)
{
	struct popup	*pp = p->data;

	popup_again(p);
	return pp->kind;
}

static const struct layout_line *
popup_note_lines(struct popup *pp, const struct doc *d, int *n)
{
	const struct layout_line	*l;
	int				 b;

	*n = 0;
	if (pp->lay == NULL || pp->note < 0 || (size_t)pp->note >= d->nnotes)
		return NULL;
	b = d->notes[pp->note].block;
	if (b < 0)
		return NULL;
	l = layout_block(pp->lay, b, n);
	while (l != NULL && *n > 0 && (l->flags & LINE_BLANK)) {
		l++;
		(*n)--;
	}
	return l;
}

static void
popup_paint_note(struct pane *p, struct popup *pp)
{
	const struct doc		*d = p->app->doc;
	const struct layout_line	*l;
	struct buf			 t = { 0 };
	int				 n, row;

	buf_puts(&t, " Note ");
	if (pp->note >= 0)
		status_sanitise(d->notes[pp->note].label,
		    strlen(d->notes[pp->note].label), &t);
	buf_puts(&t, "  (Esc closes) ");
	draw_box(p->win, t.data);
	buf_free(&t);
	l = popup_note_lines(pp, d, &n);
	for (row = 1; row < p->r.h - 1 && pp->top + row - 1 < n; row++)
		draw_line(p->win, row, 2, p->r.w - 4, &l[pp->top + row - 1]);
	/* drawing a line clears to its end: the right edge again */
	draw_vrule(p->win, p->r.w - 1, 1, p->r.h - 2);
}

static void
popup_paint_words(struct pane *p, struct popup *pp)
{
	struct buf	 b = { 0 };
	char		 num[24];
	int		 row, i, w = p->r.w - 4, nw;
	attr_t		 a;

	draw_box(p->win, " Keywords  (Enter searches, Esc closes) ");
	if (pp->nwords == 0 && p->r.h > 2)
		draw_text(p->win, 1, 2, w, "(this paper lists no keywords)",
		    30, A_DIM);
	if (pp->cur < pp->top)
		pp->top = pp->cur;
	if (pp->cur >= pp->top + p->r.h - 2)
		pp->top = pp->cur - (p->r.h - 2) + 1;
	for (row = 1; row < p->r.h - 1; row++) {
		i = pp->top + row - 1;
		if (i >= pp->nwords)
			break;
		a = i == pp->cur ? A_REVERSE | A_BOLD : A_NORMAL;
		draw_blank(p->win, row, 1, p->r.w - 2, a);
		buf_reset(&b);
		status_sanitise(pp->words[i], strlen(pp->words[i]), &b);
		if (pp->counting[i] != NULL)
			snprintf(num, sizeof num, "\xe2\x80\xa6");	/* … */
		else	/* while the file loads: at least this many */
			snprintf(num, sizeof num, "%zu%s", pp->counts[i],
			    p->app->job != NULL ? "+" : "");
		nw = pp->counting[i] != NULL ? 1 : (int)strlen(num);
		draw_text(p->win, row, 2, w - nw - 1, b.data, b.len, a);
		draw_text(p->win, row, 2 + w - nw, nw, num, strlen(num), a);
	}
	buf_free(&b);
}

static void
popup_paint(struct pane *p)
{
	struct popup	*pp = p->data;

	popup_again(p);
	if (pp->kind == POPUP_NOTE)
		popup_paint_note(p, pp);
	else if (pp->kind == POPUP_KEYWORDS)
		popup_paint_words(p, pp);
}

/* Keys while a popup is open: it takes them all. */
static int
popup_key(struct pane *p, enum action a)
{
	struct popup	*pp = p->data;
	int		 n = pp->kind == POPUP_KEYWORDS ? pp->nwords : 0;
	int		 rows = p->r.h > 3 ? p->r.h - 2 : 1, i;

	popup_again(p);
	n = pp->kind == POPUP_KEYWORDS ? pp->nwords : 0;
	if (pp->kind == POPUP_NOTE)
		popup_note_lines(pp, p->app->doc, &n);
	switch (a) {
	case ACT_CANCEL:
	case ACT_QUIT:
	case ACT_PEEK:
	case ACT_KEYWORDS:
		pp->kind = POPUP_NONE;
		return RE_ARRANGE | RE_PAINT;
	case ACT_LINE_DOWN:
	case ACT_REF_NEXT:
		i = 1;
		break;
	case ACT_LINE_UP:
	case ACT_REF_PREV:
		i = -1;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		i = rows;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		i = -rows;
		break;
	case ACT_ENTER:
		if (pp->kind == POPUP_KEYWORDS && pp->cur < pp->nwords) {
			pp->kind = POPUP_NONE;
			return RE_ARRANGE | find_word(p->app,
			    pp->words[pp->cur]);
		}
		pp->kind = POPUP_NONE;
		return RE_ARRANGE | RE_PAINT;
	default:
		return 0;
	}
	if (pp->kind == POPUP_KEYWORDS) {
		pp->cur += i;
		if (pp->cur >= n)
			pp->cur = n - 1;
		if (pp->cur < 0)
			pp->cur = 0;
	} else {
		pp->top += i;
		if (pp->top > n - rows)
			pp->top = n - rows;
		if (pp->top < 0)
			pp->top = 0;
	}
	return RE_PAINT;
}
