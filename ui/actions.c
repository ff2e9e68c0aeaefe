/* Actions: what a key does to the reader's state, answered as reaction bits; never draws. */
#include "ui.h"

/*
 * Reader-wide actions are handled here; the rest go to the focused pane.
 * The caller turns the returned RE_* bits into arrange/layout/paint.
 */
int
actions_run(struct app *app, enum action a)
{
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
	if (app->focus == NULL || app->focus->ops->key == NULL)
		return 0;
	return app->focus->ops->key(app->focus, a);
}
