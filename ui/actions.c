/* Actions: what a key does to the reader's state, answered as reaction bits; never draws. */
#include "scholia/doc.h"

#include "ui.h"

#define ACT_SCREEN_REFS	256	/* references looked at on one screen */

static int	actions_toggle_pane(struct app *, int *, struct pane *,
		    const char *);
static int	actions_enter(struct app *);
static int	actions_move(struct app *, enum action);
static int	actions_stop_find(struct app *, enum action);

/*
 * A move of the text while a search still seeks the hit it is to go to
 * (searching...) stops that seeking, so the hit found later does not
 * take the reader away from where they went. Back (Ctrl-O) then stays
 * here, where the search started. Returns 1 when the key is spent.
 */
static int
actions_stop_find(struct app *app, enum action a)
{
	switch (a) {
	case ACT_LINE_DOWN: case ACT_LINE_UP: case ACT_PAGE_DOWN:
	case ACT_PAGE_UP: case ACT_HALF_DOWN: case ACT_HALF_UP:
	case ACT_TOP: case ACT_BOTTOM: case ACT_HEAD_PREV:
	case ACT_HEAD_NEXT: case ACT_BACK: case ACT_FORWARD:
		break;
	default:
		return 0;
	}
	if (!app->find_pend || app->prompt.active || app->focus != app->body)
		return 0;
	app->find_pend = 0;
	app->find_pend_jump = 0;
	if (a != ACT_BACK)
		return 0;
	app_message(app, "Search stopped here (n: next match)");
	return 1;
}

/* t and F: a side pane on or off; its focus goes back to the body. */
static int
actions_toggle_pane(struct app *app, int *on, struct pane *p, const char *what)
{
	struct arrange	g;
	unsigned	want;

	*on = !*on;
	if (!*on && app->focus == p)
		app->focus = app->body;
	if (*on) {
		want = (app->notes_on ? ARRANGE_NOTES : 0) |
		    (app->toc_on ? ARRANGE_OUTLINE : 0);
		arrange_compute(COLS, LINES, want, &g);
		if ((p == app->toc ? g.outline.w : g.notes.w) == 0)
			app_message(app, what);
	}
	return RE_ARRANGE | RE_PAINT | RE_STATUS;
}

/* Enter: follow what is selected in the focused pane. */
static int
actions_enter(struct app *app)
{
	int	refs[ACT_SCREEN_REFS], rows[ACT_SCREEN_REFS], ref, n, i;

	if (app->focus != app->body)
		return app->focus->ops->key(app->focus, ACT_ENTER);
	/* the selected reference while it is on screen, else the first */
	ref = pane_body_sel(app->body);
	n = pane_body_refs(app->body, refs, rows, ACT_SCREEN_REFS);
	for (i = 0; i < n && refs[i] != ref; i++)
		;
	if (i == n) {
		if (n == 0) {
			app_message(app, "No reference on screen (] selects "
			    "the next one)");
			return RE_STATUS;
		}
		ref = refs[0];
	}
	return jump_ref_to_note(app, ref);
}

/* Moves in the body: g and G are jumps, so they can be gone back from. */
static int
actions_move(struct app *app, enum action a)
{
	int	bits;

	if (app->focus == app->body && (a == ACT_TOP || a == ACT_BOTTOM))
		jump_push(app);
	/* a file still loading: its end, or its head again, at once */
	if (app->focus == app->body && a == ACT_BOTTOM && app->job != NULL) {
		if ((bits = loading_end(app)) >= 0)
			return bits;
		app_message(app, "Still loading: this is the end of what is "
		    "read so far");
	}
	if (app->focus == app->body && a == ACT_TOP &&
	    (bits = loading_start(app)) >= 0)
		return bits;
	bits = app->focus->ops->key(app->focus, a);
	/* stuck at an edge of the part of a loading file shown: say why */
	if (bits == 0 && app->focus == app->body && app->job != NULL) {
		if (app->doc == app->tail && (a == ACT_LINE_UP ||
		    a == ACT_PAGE_UP || a == ACT_HALF_UP))
			app_message(app, "Middle still loading (g: start)");
		else if (app->doc == app->head && (a == ACT_LINE_DOWN ||
		    a == ACT_PAGE_DOWN || a == ACT_HALF_DOWN))
			app_message(app, "Rest still loading (G: end)");
		return RE_STATUS;
	}
	return bits;
}

/*
 * Reader-wide actions are handled here; the rest go to the focused pane.
 * The caller turns the returned RE_* bits into arrange/layout/paint.
 */
int
actions_run(struct app *app, enum action a)
{
	if (actions_stop_find(app, a))
		return RE_STATUS;
	switch (a) {
	case ACT_NONE:
		app_message(app, "Unknown key (h: help)");
		return RE_STATUS;
	case ACT_QUIT:
		if (app->help_on) {
			app->help_on = 0;
			app->focus = app->body;
			return RE_ARRANGE;
		}
		return RE_QUIT;
	case ACT_HELP:
		app->help_on = !app->help_on;
		app->focus = app->help_on ? app->help : app->body;
		return RE_ARRANGE;
	case ACT_REDRAW:
		return RE_CLEAR | RE_PAINT | RE_STATUS;
	default:
		break;
	}
	if (app->help_on) {
		if (a == ACT_CANCEL)
			return actions_run(app, ACT_HELP);
		return app->help->ops->key(app->help, a);
	}
	switch (a) {
	case ACT_CANCEL:
		if (find_clear(app) == 0)
			return 0;
		app_message(app, "Search cleared");
		return RE_PAINT | RE_STATUS;
	case ACT_FOCUS_NEXT:
	case ACT_FOCUS_PREV:
		return app_focus_step(app, a == ACT_FOCUS_NEXT);
	case ACT_OUTLINE:
		return actions_toggle_pane(app, &app->toc_on, app->toc,
		    "No room for the outline at this width");
	case ACT_NOTES:
		return actions_toggle_pane(app, &app->notes_on, app->notes,
		    "No room for the notes at this size");
	case ACT_NOTES_MODE:
		pane_notes_set_all(app->notes, !pane_notes_all(app->notes));
		app_message(app, !pane_notes_all(app->notes) ?
		    "Notes: following the text on screen" : app->job != NULL ?
		    "Notes: all those read so far (still loading)" :
		    "Notes: all notes of the document");
		if (!app->notes_on) {
			app->notes_on = 1;
			return RE_ARRANGE | RE_PAINT | RE_STATUS;
		}
		return RE_PAINT | RE_STATUS;
	case ACT_REF_NEXT:
	case ACT_REF_PREV:
		if (app->focus != app->body)
			return app->focus->ops->key(app->focus, a);
		return jump_select_ref(app, a == ACT_REF_NEXT);
	case ACT_ENTER:
		return actions_enter(app);
	case ACT_PEEK:
		return RE_ARRANGE | jump_peek(app);
	case ACT_BACK:
	case ACT_FORWARD:
		return jump_back(app, a == ACT_FORWARD);
	case ACT_SEARCH:
	case ACT_SEARCH_BACK:
		find_begin(app, a == ACT_SEARCH_BACK);
		return RE_STATUS;
	case ACT_MATCH_NEXT:
	case ACT_MATCH_PREV:
		return find_step(app, a == ACT_MATCH_NEXT);
	case ACT_KEYWORDS:
		pane_popup_keywords(app->popup);
		return RE_ARRANGE | RE_PAINT;
	case ACT_FOLD:
	case ACT_UNFOLD:
	case ACT_FOLD_ENTRY:
	case ACT_UNFOLD_ENTRY:
		if (!app->toc_on) {
			app->toc_on = 1;
			return RE_ARRANGE | RE_PAINT | RE_STATUS;
		}
		return app->toc->ops->key(app->toc, a);
	case ACT_GOTO:
		prompt_open(app, ':');
		return RE_STATUS;
	case ACT_HEAD_PREV:
	case ACT_HEAD_NEXT:
		return jump_next_heading(app, a == ACT_HEAD_NEXT);
	default:
		break;
	}
	if (app->focus == NULL || app->focus->ops->key == NULL)
		return 0;
	return actions_move(app, a);
}
