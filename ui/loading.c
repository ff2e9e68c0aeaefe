/* Progressive loading in the reader: the head of a large file is shown until the full doc replaces it in place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/load.h"
#include "scholia/nav.h"
#include "scholia/search.h"
#include "scholia/xmalloc.h"

#include "ui.h"

static void	loading_forget_search(struct app *, char **);

/* Searches index the old doc: drop them, keeping the query to run again. */
static void
loading_forget_search(struct app *app, char **query)
{
	*query = app->query != NULL ? xstrdup(app->query) : NULL;
	if (app->saved != NULL && app->saved != app->search)
		search_free(app->saved);
	if (app->search != NULL)
		search_free(app->search);
	if (app->saved_query != app->query)
		free(app->saved_query);
	free(app->query);
	app->search = app->saved = NULL;
	app->query = app->saved_query = NULL;
	app->match = app->saved_match = -1;
	search_index_free(app->sidx);
	app->sidx = NULL;
}

/*
 * When the job is done: the full doc replaces the head, every pane starts
 * over on it, and the reader stays on the same text (load_map). The jump
 * list held places in the head: it starts afresh. A search shown or being
 * typed is run again on the whole text. Returns RE_* bits, 0 while the job
 * is still working.
 */
int
loading_poll(struct app *app)
{
	struct pane	*panes[] = { app->body, app->notes, app->toc,
			    app->popup };
	struct nav_pos	 here, there;
	struct doc	*full;
	char		*cause = NULL, *query;
	size_t		 i;
	int		 mapped = 0, block;

	if (app->job == NULL || !load_job_ready(app->job))
		return 0;
	if (load_job_finish(app->job, &full, &cause) != 0) {
		app->job = NULL;
		app_message(app, cause != NULL ? cause :
		    "Could not read the rest of the file");
		free(cause);
		return RE_STATUS;
	}
	app->job = NULL;	/* main frees it, with the head */
	here = pane_body_text_pos(app->body);
	if (here.block >= 0 && load_map(app->doc, here.block, here.off, full,
	    &block, &there.off) == 0) {
		there.block = block;
		mapped = 1;
	}
	loading_forget_search(app, &query);
	nav_free(app->nav);
	app->nav = nav_new();
	app->cycle_note = -1;
	for (i = 0; i < sizeof panes / sizeof panes[0]; i++) {
		if (panes[i]->ops->reset != NULL)
			panes[i]->ops->reset(panes[i]);
	}
	app->doc = app->full = full;
	if (!app->notes_on && full->nnotes > 0 && !app->moved)
		app->notes_on = 1;
	for (i = 0; i < sizeof panes / sizeof panes[0]; i++) {
		if (pane_shown(panes[i]) && panes[i]->ops->layout != NULL)
			panes[i]->ops->layout(panes[i]);
	}
	if (mapped)
		pane_body_goto(app->body, there, BODY_TOP);
	if (app->prompt.active && app->prompt.kind != ':') {
		find_begin_again(app);
		find_update(app, app->prompt.text, app->prompt.len);
	} else if (query != NULL)
		find_again(app, query);
	free(query);
	return RE_ARRANGE | RE_PAINT | RE_STATUS;
}

/* "loading 40%" while the full doc is being made, else nothing. */
void
loading_status(struct app *app, char *s, size_t n)
{
	size_t	done, total;

	*s = '\0';
	if (app->job == NULL)
		return;
	load_job_progress(app->job, &done, &total);
	if (total == 0)
		snprintf(s, n, "loading");
	else
		snprintf(s, n, "loading %d%%", (int)(done * 100 / total));
}
