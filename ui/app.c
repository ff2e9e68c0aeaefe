/* The reader: its state and the event loop turning reaction bits into one screen update. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/log.h"
#include "scholia/nav.h"
#include "scholia/search.h"
#include "scholia/state.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define APP_WHEEL	3	/* lines a wheel step scrolls */
#define APP_SCREEN_REFS	256	/* references looked at on one screen */

static void	app_update(struct app *, int);
static int	app_arrange(struct app *);
static int	app_notes_title(struct app *);
static int	app_notes_again(struct app *);
static int	app_sel_row(struct app *);
static int	app_mouse(struct app *);
static int	app_key(struct app *, int, int);
static int	app_restore(struct app *, struct state *, const char *);
static int	app_pos_fits(const struct doc *, const struct state_pos *);
static char	*app_save(struct app *, struct state *, const char *);

/* Set the one-shot status message (sanitised: it may quote the document). */
void
app_message(struct app *app, const char *msg)
{
	struct buf	b = { 0 };

	status_sanitise(msg, strlen(msg), &b);
	snprintf(app->msg, sizeof app->msg, "%s", b.data != NULL ? b.data : "");
	buf_free(&b);
}

/* Tab and Shift-Tab: the next shown pane of outline, body, notes. */
int
app_focus_step(struct app *app, int forward)
{
	struct pane	*ring[3];
	int		 n = 0, i, cur = 0;

	if (pane_shown(app->toc))
		ring[n++] = app->toc;
	ring[n++] = app->body;
	if (pane_shown(app->notes))
		ring[n++] = app->notes;
	for (i = 0; i < n; i++) {
		if (ring[i] == app->focus)
			cur = i;
	}
	app->focus = ring[(cur + (forward ? 1 : n - 1)) % n];
	if (app->focus == app->notes && pane_notes_sel(app->notes) < 0 &&
	    pane_body_sel(app->body) >= 0)
		pane_notes_show(app->notes,
		    app->doc->refs[pane_body_sel(app->body)].note);
	if (n == 1)
		app_message(app, "Only the text is shown (t: outline, "
		    "F: notes)");
	return RE_PAINT | RE_STATUS;
}

/* The body row of the selected reference, for a note popup; -1: none. */
static int
app_sel_row(struct app *app)
{
	int	refs[APP_SCREEN_REFS], rows[APP_SCREEN_REFS], n, i, sel;

	sel = pane_body_sel(app->body);
	if (sel < 0 || pane_popup_kind(app->popup) != POPUP_NOTE)
		return -1;
	n = pane_body_refs(app->body, refs, rows, APP_SCREEN_REFS);
	for (i = 0; i < n; i++) {
		if (refs[i] == sel)
			return rows[i];
	}
	return -1;
}

/*
 * With the full geometry in app->geo: the notes band below the body has
 * nothing to show (following, no note for the body's rows it leaves), so
 * it keeps only its title. The body's top stays; it gains rows below.
 */
static int
app_notes_title(struct app *app)
{
	const struct arrange	*g = &app->geo;

	if (g->too_small || g->notes_side || g->notes.h <= 1 ||
	    app->focus == app->notes)
		return 0;
	return pane_notes_none(app->notes, g->body.h);
}

/* Whether the notes band should change height since the last arrange. */
static int
app_notes_again(struct app *app)
{
	struct arrange	full;
	unsigned	want = ARRANGE_NOTES;

	if (app->geo.too_small || app->geo.notes_side)
		return 0;
	if (app->toc_on)
		want |= ARRANGE_OUTLINE;
	arrange_compute(COLS, LINES, want, &full);
	if (full.notes.h <= 1 || app->focus == app->notes)
		return app->notes_title != 0;
	return pane_notes_none(app->notes, full.body.h) !=
	    (app->notes_title != 0);
}

/* Give every pane its rectangle for the current terminal size. */
static int
app_arrange(struct app *app)
{
	static const struct rect	 none;
	struct arrange			*g = &app->geo;
	struct rect			 pr, full;
	int				 bits = RE_PAINT | RE_STATUS;
	int				 was_small = g->too_small;
	unsigned			 want = 0;

	if (app->notes_on && !app->help_on)
		want |= ARRANGE_NOTES;
	if (app->toc_on && !app->help_on)
		want |= ARRANGE_OUTLINE;
	arrange_compute(COLS, LINES, want, g);
	app->notes_title = app_notes_title(app) ? g->body.h : 0;
	if (app->notes_title)
		arrange_compute(COLS, LINES, want | ARRANGE_NOTES_TITLE, g);
	if (was_small && !g->too_small)
		draw_erase(stdscr);	/* the "too small" note goes */
	log_debug("arrange %dx%d too_small %d", COLS, LINES, g->too_small);
	if (g->too_small) {
		pane_place(app->body, &none);
		pane_place(app->help, &none);
		pane_place(app->notes, &none);
		pane_place(app->toc, &none);
		pane_place(app->popup, &none);
		pane_place(app->status, &none);
		return bits;
	}
	if (app->help_on) {
		full.y = full.x = 0;
		full.h = g->status.y;
		full.w = COLS;
		bits |= pane_place(app->help, &full);
		pane_place(app->body, &none);
	} else {
		bits |= pane_place(app->body, &g->body);
		pane_place(app->help, &none);
	}
	bits |= pane_place(app->toc, &g->outline);
	bits |= pane_place(app->notes, &g->notes);
	pane_popup_rect(&g->body, app->help_on ? POPUP_NONE :
	    pane_popup_kind(app->popup),
	    pane_popup_rows(app->popup, g->body.w), app_sel_row(app), &pr);
	bits |= pane_place(app->popup, &pr);
	bits |= pane_place(app->status, &g->status);
	if ((app->focus == app->notes && !pane_shown(app->notes)) ||
	    (app->focus == app->toc && !pane_shown(app->toc)))
		app->focus = app->body;
	return bits;
}

/*
 * One pass of the loop's output side: geometry, then wrapping, then
 * painting the panes that need it, then a single doupdate.
 */
static void
app_update(struct app *app, int bits)
{
	struct pane	*panes[6];
	int		 i;

	/* painting order: the popup goes over the body */
	panes[0] = app->body;
	panes[1] = app->help;
	panes[2] = app->toc;
	panes[3] = app->notes;
	panes[4] = app->popup;
	panes[5] = app->status;
	if (bits & RE_CLEAR)
		term_clear();
	if (bits & RE_ARRANGE)
		bits |= app_arrange(app);
	if (app->geo.too_small) {
		draw_too_small(COLS, LINES);
		draw_flush();
		return;
	}
	if (bits & RE_LAYOUT) {
		for (i = 0; i < 6; i++) {
			if (pane_shown(panes[i]) && panes[i]->ops->layout)
				panes[i]->ops->layout(panes[i]);
		}
		bits |= RE_PAINT | RE_STATUS;
	}
	/* the body moved: notes may have come on screen, or gone */
	if ((bits & RE_PAINT) && app->notes_on && !app->help_on &&
	    app_notes_again(app)) {
		if (app_arrange(app) & RE_LAYOUT)
			app->notes->ops->layout(app->notes);
	}
	/* stdscr stays clean, so waiting for input never repaints it */
	draw_commit(stdscr);
	if (bits & RE_PAINT) {
		for (i = 0; i < 5; i++)
			pane_paint(panes[i]);
	}
	if (bits & (RE_PAINT | RE_STATUS))
		pane_paint(app->status);
	draw_flush();
}

/* A mouse event: the wheel scrolls the pane under it, a click follows. */
static int
app_mouse(struct app *app)
{
	struct mouse_hit	 hit;
	struct pane		*p = NULL;
	unsigned long		 bstate;
	int			 y, x, i, bits = 0, target;

	if (!term_mouse(&y, &x, &bstate))
		return 0;
	mouse_route(&app->geo, y, x, mouse_kind_of(bstate), &hit);
	if (app->help_on || app->prompt.active)
		return 0;
	if (pane_popup_kind(app->popup) != POPUP_NONE) {
		if (hit.kind == MOUSE_CLICK)
			return app->popup->ops->key(app->popup, ACT_CANCEL);
		return 0;
	}
	if (hit.pane == MPANE_BODY)
		p = app->body;
	else if (hit.pane == MPANE_NOTES)
		p = app->notes;
	else if (hit.pane == MPANE_OUTLINE)
		p = app->toc;
	if (p == NULL)
		return 0;
	if (hit.kind == MOUSE_WHEEL_UP || hit.kind == MOUSE_WHEEL_DOWN) {
		/* the outline's list scrolls with its cursor, which follows
		   the reading unless the outline has the focus */
		if (p == app->toc)
			app->focus = p;
		for (i = 0; i < APP_WHEEL; i++)
			bits |= p->ops->key(p, hit.kind == MOUSE_WHEEL_UP ?
			    ACT_LINE_UP : ACT_LINE_DOWN);
		return bits | RE_PAINT;
	}
	if (hit.kind != MOUSE_CLICK)
		return 0;
	app->focus = p;
	if (p == app->body) {
		target = pane_body_ref_at(p, hit.row, hit.col);
		if (target >= 0) {
			app->focus = app->body;
			return jump_ref_to_note(app, target);
		}
	} else if (p == app->toc) {
		target = pane_toc_heading_at(p, hit.row);
		if (target >= 0)
			return jump_heading(app, target);
	} else {
		target = pane_notes_note_at(p, hit.row);
		if (target >= 0)
			pane_notes_show(p, target);
	}
	return RE_PAINT | RE_STATUS;
}

/* A key: to the prompt or popup when one is open, else the key table. */
static int
app_key(struct app *app, int code, int fkey)
{
	enum action	a;

	if (fkey && code == KEY_MOUSE)
		return app_mouse(app);
	if (app->prompt.active)
		return prompt_key(app, code, fkey);
	a = keys_lookup(code, fkey);
	if (pane_popup_kind(app->popup) != POPUP_NONE && !app->help_on &&
	    a != ACT_REDRAW && a != ACT_HELP)
		return app->popup->ops->key(app->popup, a);
	return actions_run(app, a);
}

/* A saved position still inside its block's text, and the line with it. */
static int
app_pos_fits(const struct doc *d, const struct state_pos *sp)
{
	const struct block	*b;

	if (sp->pos.block < 0 || (size_t)sp->pos.block >= d->nblocks)
		return 0;
	b = &d->blocks[sp->pos.block];
	return doc_in_flow(d, sp->pos.block) && sp->pos.off >= b->text_off &&
	    sp->pos.off < b->text_off + b->text_len && sp->line >= b->line &&
	    sp->line <= b->end_line;
}

/*
 * Open where the reader left this file last time, if it has not changed.
 * Returns 1 when the place is past the head of a file still loading: it is
 * tried again on the full doc.
 */
static int
app_restore(struct app *app, struct state *st, const char *path)
{
	struct state_pos	sp;
	char			msg[80];

	if (st == NULL || path == NULL || !state_get(st, path, &sp))
		return 0;
	if (app->job != NULL && !app_pos_fits(app->doc, &sp))
		return 1;
	/*
	 * state_fit judges the offset against the next block's start, which
	 * a healed block's text need not lie before; a position inside its
	 * own block's text is kept as it is.
	 */
	if (!app_pos_fits(app->doc, &sp) && !state_fit(app->doc, &sp))
		return 0;
	if (sp.pos.block == pane_body_pos(app->body).block)
		return 0;	/* the start: nothing to say */
	if (pane_body_goto(app->body, sp.pos, BODY_TOP) == 0)
		return 0;
	snprintf(msg, sizeof msg, "Back where you left off (line %d)",
	    sp.line);
	app_message(app, msg);
	return 0;
}

/* Remember where the reader is in this file; a failure to tell, or NULL. */
static char *
app_save(struct app *app, struct state *st, const char *path)
{
	struct state_pos	 sp;
	char			*cause = NULL;

	if (st == NULL || path == NULL)
		return NULL;
	loading_settle(app, 1);
	sp.pos = pane_body_text_pos(app->body);
	if (sp.pos.block < 0)
		return NULL;
	sp.line = app->doc->blocks[sp.pos.block].line;
	if (state_put(st, path, &sp, &cause) != 0)
		return cause;
	return NULL;
}

/* Input side of the loop: a key becomes an action, the action reaction bits. */
int
app_run(const struct doc *doc, struct load_job *job,
    const struct app_opts *opts)
{
	struct app	 app;
	struct buf	 name = { 0 };
	struct state	*st = NULL;
	const char	*base;
	char		*cause = NULL;
	int		 bits, code, fkey, done, got;

	memset(&app, 0, sizeof app);
	app.doc = doc;
	app.job = job;
	app.head = job != NULL ? doc : NULL;
	app.match = -1;
	app.cycle_note = -1;
	base = strrchr(opts->name, '/');
	base = base != NULL && base[1] != '\0' ? base + 1 : opts->name;
	status_sanitise(base, strlen(base), &name);
	app.name = name.data != NULL ? buf_steal(&name) : xstrdup("");
	if (term_init() != 0) {
		buf_reset(&name);
		if (getenv("TERM") != NULL)
			status_sanitise(getenv("TERM"), strlen(getenv("TERM")),
			    &name);
		fprintf(stderr, "scholia: cannot open the terminal%s%s\n",
		    name.len > 0 ? " of type " : "",
		    name.len > 0 ? name.data : "");
		buf_free(&name);
		free(app.name);
		return 1;
	}
	app.body = pane_new(&pane_body_ops, &app,
	    pane_body_data(opts->max_width));
	app.help = pane_new(&pane_help_ops, &app, pane_help_data());
	app.notes = pane_new(&pane_notes_ops, &app, pane_notes_data());
	app.toc = pane_new(&pane_toc_ops, &app, pane_toc_data());
	app.popup = pane_new(&pane_popup_ops, &app, pane_popup_data());
	app.status = pane_new(&status_ops, &app, status_data());
	app.focus = app.body;
	app.nav = nav_new();
	app.notes_on = doc->nnotes > 0;
	if (opts->path != NULL) {
		st = state_open(&cause);
		if (cause != NULL) {
			app_message(&app, cause);
			free(cause);
			cause = NULL;
		}
	}
	if (opts->warning != NULL)
		app_message(&app, opts->warning);

	app_update(&app, RE_ARRANGE | RE_LAYOUT);
	/* the fold tables of the first search, once the first screen is up */
	search_warm();
	app.restore = app_restore(&app, st, opts->path);
	bits = RE_PAINT | RE_STATUS;
	while (!term_signalled()) {
		if (app.job != NULL) {
			done = loading_poll(&app);
			bits |= done;
			if (done != 0 && app.job == NULL && app.restore &&
			    !app.moved)
				app_restore(&app, st, opts->path);
		}
		app_update(&app, bits);
		replay_drawn();
		bits = 0;
		/* while loading, wake up to show progress and take the doc;
		   while a search or the keyword counts have work left, only
		   look for a key */
		term_timeout(find_busy(&app) || pane_popup_busy(app.popup) ?
		    0 : app.job != NULL ? 100 : -1);
		got = replay_on() ? replay_getkey(&app, &code, &fkey) :
		    term_getkey(&code, &fkey);
		if (got < 0)
			break;
		if (got == 0) {
			if (app.job != NULL)
				bits = RE_STATUS;
			bits |= find_idle(&app);
			if (!find_busy(&app))
				bits |= pane_popup_idle(app.popup);
			continue;
		}
		if (!(fkey && code == KEY_RESIZE))
			app.moved = 1;
		if (fkey && code == KEY_RESIZE) {
			bits = RE_ARRANGE;
			continue;
		}
		if (app.msg[0] != '\0') {
			app.msg[0] = '\0';
			bits |= RE_STATUS;
		}
		bits |= app_key(&app, code, fkey);
		if (bits & RE_QUIT)
			break;
	}

	search_warm_done();
	cause = app_save(&app, st, opts->path);
	state_close(st);
	pane_free(app.body);
	pane_free(app.help);
	pane_free(app.notes);
	pane_free(app.toc);
	pane_free(app.popup);
	pane_free(app.status);
	if (app.search != NULL)
		search_free(app.search);
	if (app.saved != NULL && app.saved != app.search)
		search_free(app.saved);
	if (app.saved_query != app.query)
		free(app.saved_query);
	free(app.query);
	search_index_free(app.sidx);
	nav_free(app.nav);
	doc_free(app.full);
	term_done();
	free(app.name);
	if (cause != NULL) {
		fprintf(stderr, "scholia: %s\n", cause);
		free(cause);
	}
	return 0;
}
