/* The search's part of the status and prompt: the query, the current match and the count, or what the search is doing. */
#include <stdio.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/search.h"

#include "ui.h"

#define FIND_SHOW_MAX	40	/* bytes of a query the status shows */
#define FIND_DOTS	"\xe2\x80\xa6"

static int	find_partial(const struct app *);

/*
 * The beginning of a file still loading is searched alone: its count is
 * only the least the whole text has ("3/17+").
 */
static int
find_partial(const struct app *app)
{
	return app->job != NULL && app->head != NULL && app->doc == app->head;
}

/* The count part of the status: "3/17", "counting…", "searching…". */
void
find_count_text(struct app *app, char *s, size_t n)
{
	*s = '\0';
	if (app->search == NULL)
		return;
	if (app->find_wait)
		snprintf(s, n, "%s", FIND_WAIT_MSG);
	else if (app->find_pend)
		snprintf(s, n, "searching" FIND_DOTS);
	else if (!search_done(app->search))
		snprintf(s, n, "counting" FIND_DOTS);
	else
		snprintf(s, n, "%ld/%zu%s", app->match >= 0 ? app->match + 1 : 0,
		    search_known(app->search), find_partial(app) ? "+" : "");
}

/* "/query 3/17", "/query 0/0", or nothing. */
void
find_status(struct app *app, char *s, size_t n)
{
	struct buf	q = { 0 };
	char		count[64];

	*s = '\0';
	if (app->search == NULL || app->query == NULL)
		return;
	find_count_text(app, count, sizeof count);
	/* a keyword chosen from the paper may hold anything: sanitised */
	status_sanitise(app->query, strlen(app->query), &q);
	if (q.len > FIND_SHOW_MAX) {
		/* cut long queries at a character boundary */
		q.len = FIND_SHOW_MAX;
		while (q.len > 0 && (q.data[q.len] & 0xC0) == 0x80)
			q.len--;
		q.data[q.len] = '\0';
	}
	snprintf(s, n, "%c%s %s", app->backward ? '?' : '/',
	    q.data != NULL ? q.data : "", count);
	buf_free(&q);
}
