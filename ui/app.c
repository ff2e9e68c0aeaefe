/* The reader: its state and the event loop turning reaction bits into one screen update. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/log.h"
#include "scholia/xmalloc.h"

#include "ui.h"

static void	app_update(struct app *, int);
static int	app_arrange(struct app *);

/* Set the one-shot status message (sanitised: it may quote the document). */
void
app_message(struct app *app, const char *msg)
{
	struct buf	b = { 0 };

	status_sanitise(msg, strlen(msg), &b);
	snprintf(app->msg, sizeof app->msg, "%s", b.data != NULL ? b.data : "");
	buf_free(&b);
}

/* Give every pane its rectangle for the current terminal size. */
static int
app_arrange(struct app *app)
{
	static const struct rect	 none;
	struct arrange			*g = &app->geo;
	int				 bits = RE_PAINT | RE_STATUS;
	int				 was_small = g->too_small;

	arrange_compute(COLS, LINES, 0, g);
	if (was_small && !g->too_small)
		draw_erase(stdscr);	/* the "too small" note goes */
	log_debug("arrange %dx%d too_small %d", COLS, LINES, g->too_small);
	if (g->too_small) {
		pane_place(app->body, &none);
		pane_place(app->help, &none);
		pane_place(app->status, &none);
		return bits;
	}
	bits |= pane_place(app->help_on ? app->help : app->body, &g->body);
	pane_place(app->help_on ? app->body : app->help, &none);
	bits |= pane_place(app->status, &g->status);
	return bits;
}

/*
 * One pass of the loop's output side: geometry, then wrapping, then
 * painting the panes that need it, then a single doupdate.
 */
static void
app_update(struct app *app, int bits)
{
	struct pane	*panes[3];
	int		 i;

	panes[0] = app->body;
	panes[1] = app->help;
	panes[2] = app->status;
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
		for (i = 0; i < 3; i++) {
			if (pane_shown(panes[i]) && panes[i]->ops->layout)
				panes[i]->ops->layout(panes[i]);
		}
		bits |= RE_PAINT | RE_STATUS;
	}
	/* stdscr stays clean, so waiting for input never repaints it */
	draw_commit(stdscr);
	if (bits & RE_PAINT) {
		pane_paint(app->body);
		pane_paint(app->help);
	}
	if (bits & (RE_PAINT | RE_STATUS))
		pane_paint(app->status);
	draw_flush();
}

/* Input side of the loop: a key becomes an action, the action reaction bits. */
int
app_run(struct doc *doc, const struct app_opts *opts)
{
	struct app	 app;
	struct buf	 name = { 0 };
	int		 bits, code, fkey;

	memset(&app, 0, sizeof app);
	app.doc = doc;
	status_sanitise(opts->name, strlen(opts->name), &name);
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
	app.status = pane_new(&status_ops, &app, status_data());
	app.focus = app.body;
	if (opts->warning != NULL)
		app_message(&app, opts->warning);

	bits = RE_ARRANGE | RE_LAYOUT | RE_PAINT | RE_STATUS;
	while (!term_signalled()) {
		app_update(&app, bits);
		bits = 0;
		if (!term_getkey(&code, &fkey))
			continue;
		if (fkey && code == KEY_RESIZE) {
			bits = RE_ARRANGE;
			continue;
		}
		if (app.msg[0] != '\0') {
			app.msg[0] = '\0';
			bits |= RE_STATUS;
		}
		bits |= actions_run(&app, keys_lookup(code, fkey));
		if (bits & RE_QUIT)
			break;
	}

	pane_free(app.body);
	pane_free(app.help);
	pane_free(app.status);
	term_done();
	free(app.name);
	return 0;
}
