/* Progressive loading in the reader: the head (or the end) of a large file is shown until the full doc replaces it in place. */
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
static int	loading_swap(struct app *, const struct doc *,
		    struct nav_pos);
static const struct doc *loading_part(const struct doc *,
		    const struct doc *, struct nav_pos, struct nav_pos *);
static const struct doc *loading_decode(struct app *, struct nav_pos,
		    struct nav_pos *);
static int	loading_carry(const struct doc *, struct nav_pos,
		    const struct doc *, struct nav_pos *);
static int	loading_carry_entry(const struct doc *, const struct doc *,
		    struct nav_pos, const struct doc *, struct nav_pos *);
static int	loading_carry_fn(struct nav_pos *, void *);
static const struct doc *loading_tail(struct app *);

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
 * Show another doc of the same file: every pane starts over on it at pos
 * (block -1: its start), and a search shown or being typed runs again on it.
 */
static int
loading_swap(struct app *app, const struct doc *d, struct nav_pos pos)
{
	struct pane	*panes[] = { app->body, app->notes, app->toc,
			    app->popup };
	char		*query;
	size_t		 i;

	loading_forget_search(app, &query);
	app->cycle_note = -1;
	for (i = 0; i < sizeof panes / sizeof panes[0]; i++) {
		if (panes[i]->ops->reset != NULL)
			panes[i]->ops->reset(panes[i]);
	}
	app->doc = d;
	for (i = 0; i < sizeof panes / sizeof panes[0]; i++) {
		if (pane_shown(panes[i]) && panes[i]->ops->layout != NULL)
			panes[i]->ops->layout(panes[i]);
	}
	if (pos.block >= 0)
		pane_body_goto(app->body, pos, BODY_TOP);
	if (app->prompt.active && app->prompt.kind != ':') {
		find_begin_again(app);
		find_update(app, app->prompt.text, app->prompt.len);
	} else if (query != NULL)
		find_again(app, query);
	free(query);
	return RE_ARRANGE | RE_PAINT | RE_STATUS;
}

/*
 * While the end of the file is shown, its jump list entries are numbered
 * after the head's blocks, so an entry tells which part it is in.
 */
struct nav_pos
loading_mark(struct app *app, struct nav_pos pos)
{
	if (app->head != NULL && app->tail != NULL && app->doc == app->tail &&
	    pos.block >= 0)
		pos.block += (int)app->head->nblocks;
	return pos;
}

/* The part of head and end an entry is in, and the place in it; NULL: none. */
static const struct doc *
loading_part(const struct doc *head, const struct doc *tail, struct nav_pos e,
    struct nav_pos *pos)
{
	const struct doc	*d = head;

	*pos = e;
	if (e.block < 0)
		return NULL;
	if ((size_t)e.block >= head->nblocks) {
		if (tail == NULL)
			return NULL;
		d = tail;
		pos->block -= (int)head->nblocks;
	}
	if ((size_t)pos->block >= d->nblocks)
		return NULL;
	return d;
}

/* The doc a jump list entry is in, and the place in it; NULL: none. */
static const struct doc *
loading_decode(struct app *app, struct nav_pos e, struct nav_pos *pos)
{
	if (app->head != NULL)
		return loading_part(app->head, app->tail, e, pos);
	*pos = e;
	if (e.block < 0 || (size_t)e.block >= app->doc->nblocks)
		return NULL;
	return app->doc;
}

/* Back or forward to an entry: its part of a loading file comes on screen. */
int
loading_place(struct app *app, struct nav_pos e, struct nav_pos *pos)
{
	const struct doc	*d;

	d = loading_decode(app, e, pos);
	if (d == NULL) {
		pos->block = -1;
		return 0;
	}
	if (d == app->doc)
		return 0;
	return loading_swap(app, d, *pos);
}

/* A place of one doc in another of the same file; -1 when it has none. */
static int
loading_carry(const struct doc *from, struct nav_pos pos,
    const struct doc *to, struct nav_pos *out)
{
	size_t	off;
	int	blank;

	if (pos.block < 0 || (size_t)pos.block >= from->nblocks)
		return -1;
	/* the blank line before a block stays the blank before its match */
	blank = pos.off == LAYOUT_NO_OFF;
	off = blank ? from->blocks[pos.block].text_off : pos.off;
	if (load_map(from, pos.block, off, to, &out->block, &out->off) != 0)
		return -1;
	if (blank)
		out->off = LAYOUT_NO_OFF;
	return 0;
}

/* A jump list entry of the head or the end as a place in the full doc. */
static int
loading_carry_entry(const struct doc *head, const struct doc *tail,
    struct nav_pos e, const struct doc *to, struct nav_pos *out)
{
	const struct doc	*from;
	struct nav_pos		 pos;

	if ((from = loading_part(head, tail, e, &pos)) == NULL)
		return -1;
	return loading_carry(from, pos, to, out);
}

/* The docs a jump list entry is carried between (for nav_map). */
struct loading_parts {
	const struct doc	*head;
	const struct doc	*tail;
	const struct doc	*to;
};

/* One entry of the list carried; -1 drops it (in neither part). */
static int
loading_carry_fn(struct nav_pos *e, void *arg)
{
	const struct loading_parts	*p = arg;
	struct nav_pos			 out;

	if (loading_carry_entry(p->head, p->tail, *e, p->to, &out) != 0)
		return -1;
	*e = out;
	return 0;
}

/* The jump list carried to the full doc, entry by entry, back and forward. */
struct nav *
loading_carry_jumps(struct nav *old, const struct doc *head,
    const struct doc *tail, const struct doc *to)
{
	struct loading_parts	p = { head, tail, to };

	return nav_map(old, loading_carry_fn, &p);
}

/*
 * When the job is done: the full doc replaces the head (or the end), every
 * pane starts over on it, and the reader stays on the same text, as does
 * every entry of the jump list (load_map). A search shown or being typed
 * is run again on the whole text. Returns RE_* bits, 0 while the job is
 * still working.
 */
int
loading_poll(struct app *app)
{
	struct nav_pos	 here, there = { -1, 0 }, hit = { -1, 0 };
	const struct search_match *m;
	struct nav	*nav;
	struct doc	*full;
	char		*cause = NULL;
	int		 bits;

	if (app->job == NULL)
		return 0;
	if (!load_job_ready(app->job))
		return loading_settle(app, 0);
	/* the full load starts after the count: this does not wait */
	loading_settle(app, 1);
	if (load_job_finish(app->job, &full, &cause) != 0) {
		/* head and end stay, and so does the jump list over them */
		app->job = NULL;
		app->find_wait = 0;
		app_message(app, cause != NULL ? cause :
		    "Could not read the rest of the file");
		free(cause);
		return RE_STATUS;
	}
	app->job = NULL;	/* main frees it, with the head and end */
	here = pane_body_text_pos(app->body);
	if (loading_carry(app->doc, here, full, &there) != 0)
		there.block = -1;
	if (app->search != NULL && app->match >= 0 &&
	    (m = search_match_at(app->search, (size_t)app->match)) != NULL) {
		hit.block = m->block;
		hit.off = m->off;
		if (loading_carry(app->doc, hit, full, &hit) != 0)
			hit.block = -1;
	}
	nav = loading_carry_jumps(app->nav, app->head, app->tail, full);
	nav_free(app->nav);
	app->nav = nav;
	app->head = app->tail = NULL;
	app->full = full;
	if (!app->notes_on && full->nnotes > 0 && !app->moved)
		app->notes_on = 1;
	/* a message about the part still loading is wrong from now on */
	if (strstr(app->msg, "till loading") != NULL)
		app->msg[0] = '\0';
	bits = loading_swap(app, full, there);
	return bits | find_loaded(app, hit);
}

/* The end of the file, parsed apart, without waiting for its lines. */
static const struct doc *
loading_tail(struct app *app)
{
	int	exact;

	if (app->tail == NULL) {
		app->tail = load_job_tail_early(app->job, &exact);
		app->tail_exact = exact;
	}
	return app->tail;
}

int
loading_settle(struct app *app, int wait)
{
	if (app->job == NULL || app->tail == NULL || app->tail_exact)
		return 0;
	if (!load_job_tail_settle(app->job, wait))
		return 0;
	app->tail_exact = 1;
	pane_body_relined(app->body);
	return RE_STATUS;
}

int
loading_exact(struct app *app)
{
	return app->tail == NULL || app->doc != app->tail || app->tail_exact;
}

/* Enter or n with nothing ahead in the head: the end, read apart, too. */
int
loading_find(struct app *app, const char *q, struct nav_pos from)
{
	const struct doc	*tail;
	struct search		*s;
	struct nav_pos		 start = { -1, 0 };
	size_t			 n;

	if (app->job == NULL || app->head == NULL || app->doc != app->head)
		return -1;
	if ((tail = loading_tail(app)) == NULL)
		return -1;
	s = search_new(tail, q, strlen(q));
	n = search_count(s);
	search_free(s);
	if (n == 0)
		return -1;
	jump_remember(app, from);
	return loading_swap(app, tail, start);
}

/* G while loading: the end of the file, read apart, then its last line. */
int
loading_end(struct app *app)
{
	const struct doc	*tail;
	struct nav_pos		 start = { -1, 0 };
	int			 bits = 0;

	if (app->job == NULL || app->head == NULL)
		return -1;
	if ((tail = loading_tail(app)) == NULL)
		return -1;
	if (app->doc != tail)
		bits = loading_swap(app, app->tail, start);
	app_message(app, "End of the file (middle still loading)");
	return bits | RE_STATUS | app->body->ops->key(app->body, ACT_BOTTOM);
}

/* g while the end is shown: the head again, at its start. */
int
loading_start(struct app *app)
{
	struct nav_pos	start = { -1, 0 };
	int		bits;

	if (app->head == NULL || app->tail == NULL || app->doc != app->tail)
		return -1;
	bits = loading_swap(app, app->head, start);
	return bits | app->body->ops->key(app->body, ACT_TOP);
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
