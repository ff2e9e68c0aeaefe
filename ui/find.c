/* Search in the reader: incremental matching as the prompt is edited, n/N, hits to draw. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/search.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define FIND_KEY_MS	8.0	/* searching a key does before its screen */
#define FIND_IDLE_MS	4.0	/* a slice between keys */
#define FIND_CHUNK	(128 * 1024)	/* bytes between looks at the clock */

static void	find_drop(struct app *);
static void	find_index(struct app *);
static int	find_show(struct app *);
static int	find_shown(const struct doc *, int);
static int	find_ahead(struct app *, struct nav_pos);
static int	find_unread(struct app *);
static double	find_ms(const struct timespec *);
static long	find_seek(struct app *, int, size_t, int,
		    const struct timespec *, double);
static int	find_more(struct app *, const struct timespec *, double);
static int	find_go(struct app *, int, const struct timespec *, double);
static int	find_first(struct app *, const struct timespec *, double);
static void	find_last(struct app *);

/* Free the search shown unless it is the saved one. */
static void
find_drop(struct app *app)
{
	if (app->search != NULL && app->search != app->saved)
		search_free(app->search);
	if (app->query != app->saved_query)
		free(app->query);
	app->search = NULL;
	app->query = NULL;
	app->match = -1;
	app->find_wait = 0;
	app->find_pend = 0;
	app->find_pend_jump = 0;
}

/* Milliseconds since t0. */
static double
find_ms(const struct timespec *t0)
{
	struct timespec	t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/*
 * search_seek until ms have passed since t0 (SEARCH_MORE then). The scan
 * may grow before the current match: its index is found again.
 */
static long
find_seek(struct app *app, int block, size_t off, int fw,
    const struct timespec *t0, double ms)
{
	const struct search_match	*m;
	struct search_match		 cur = { -1, 0, 0 };
	long				 r;

	if (app->match >= 0 &&
	    (m = search_match_at(app->search, (size_t)app->match)) != NULL)
		cur = *m;
	do {
		r = search_seek(app->search, block, off, fw, FIND_CHUNK);
	} while (r == SEARCH_MORE && find_ms(t0) < ms);
	if (cur.block >= 0)
		app->match = search_seek(app->search, cur.block, cur.off, 1,
		    0);
	return r;
}

/* Scan on for the count until ms have passed since t0; 1: all done. */
static int
find_more(struct app *app, const struct timespec *t0, double ms)
{
	const struct search_match	*m;
	struct search_match		 cur = { -1, 0, 0 };
	int				 done;

	if (app->match >= 0 &&
	    (m = search_match_at(app->search, (size_t)app->match)) != NULL)
		cur = *m;
	do {
		done = search_more(app->search, FIND_CHUNK, !app->backward);
	} while (!done && find_ms(t0) < ms);
	if (cur.block >= 0)
		app->match = search_seek(app->search, cur.block, cur.off, 1,
		    0);
	return done;
}

/*
 * The query's first hit from where the prompt opened, within ms of t0:
 * RE_* bits, or -1 when it is still to be found.
 */
static int
find_first(struct app *app, const struct timespec *t0, double ms)
{
	struct nav_pos	from = app->origin;
	long		r;
	int		bits = RE_PAINT | RE_STATUS;

	if (from.off == LAYOUT_NO_OFF)
		from.off = app->doc->blocks[from.block].text_off;
	r = find_seek(app, from.block, from.off, !app->backward, t0, ms);
	if (r == SEARCH_MORE)
		return -1;
	app->find_pend = 0;
	app->match = r;
	if (r < 0) {
		if (!app->prompt.active) {
			app->find_pend_jump = 0;
			if (app->job != NULL)
				return find_unread(app);
			app_message(app, "Pattern not found");
		}
		return bits | pane_body_goto(app->body, app->origin, BODY_TOP);
	}
	bits |= find_show(app);
	if (app->find_pend_jump) {
		app->find_pend_jump = 0;
		jump_remember(app, app->origin);
	}
	return bits;
}

/* The current hit lies at or after from in reading order (no wrap). */
static int
find_ahead(struct app *app, struct nav_pos from)
{
	const struct search_match	*m;

	if (app->match < 0 ||
	    (m = search_match_at(app->search, (size_t)app->match)) == NULL)
		return 0;
	if (from.off == LAYOUT_NO_OFF)
		from.off = app->doc->blocks[from.block].text_off;
	return m->block > from.block ||
	    (m->block == from.block && m->off >= from.off);
}

/*
 * No hit ahead while part of the file is unread: the end of a loading
 * file is searched, else the search waits for the full doc (never "not
 * found" while some text is unsearched). Returns RE_* bits, -1: loaded.
 */
static int
find_unread(struct app *app)
{
	struct nav_pos	from = app->origin;
	int		bits;

	if (app->job == NULL)
		return -1;
	if ((bits = loading_find(app, app->query, from)) >= 0) {
		app->find_wait = 0;
		if (app->backward)
			find_last(app);
		return bits | find_show(app);
	}
	app->match = -1;
	app->find_wait = 1;
	app_message(app, FIND_WAIT_MSG);
	return RE_PAINT | RE_STATUS |
	    pane_body_goto(app->body, app->origin, BODY_TOP);
}

/* The last match that can be shown, as a backward search wraps to it. */
static void
find_last(struct app *app)
{
	const struct search_match	*m;
	size_t				 i;

	for (i = search_count(app->search); i-- > 0; ) {
		m = search_match_at(app->search, i);
		if (m != NULL && find_shown(app->doc, m->block)) {
			app->match = (long)i;
			return;
		}
	}
}

/* One index per document, made when the first search needs it. */
static void
find_index(struct app *app)
{
	if (app->sidx == NULL)
		app->sidx = search_index_new(app->doc);
}

/* A match can be shown: in the flow or in a note. */
static int
find_shown(const struct doc *d, int block)
{
	const struct block	*b = &d->blocks[block];

	if (b->flags & BLOCK_HIDDEN)
		return 0;
	return doc_in_flow(d, block) || (b->type == BLOCK_NOTE && b->note >= 0);
}

/*
 * Bring the current match into view: in the body, or for a hit in a note,
 * the body at its first reference and the notes pane at the note (all
 * notes when nothing refers to it).
 */
static int
find_show(struct app *app)
{
	const struct doc		*d = app->doc;
	const struct search_match	*m;
	const struct note		*n;
	const struct ref		*r;
	struct nav_pos			 np;
	int				 bits = RE_PAINT | RE_STATUS;

	if (app->search == NULL || app->match < 0)
		return bits;
	m = search_match_at(app->search, (size_t)app->match);
	if (m == NULL)
		return bits;
	if (doc_in_flow(d, m->block)) {
		np.block = m->block;
		np.off = m->off;
		return bits | pane_body_goto(app->body, np, BODY_VISIBLE);
	}
	if (d->blocks[m->block].type != BLOCK_NOTE ||
	    d->blocks[m->block].note < 0)
		return bits;
	n = &d->notes[d->blocks[m->block].note];
	if (!app->notes_on) {
		app->notes_on = 1;
		bits |= RE_ARRANGE;
	}
	if (n->nrefs > 0 && doc_in_flow(d, d->refs[n->refs[0]].block)) {
		r = &d->refs[n->refs[0]];
		np.block = r->block;
		np.off = r->text_off;
		bits |= pane_body_goto(app->body, np, BODY_VISIBLE);
	} else
		pane_notes_set_all(app->notes, 1);
	pane_notes_show(app->notes, d->blocks[m->block].note);
	return bits;
}

/* The prompt opens: remember the search and the place to return to. */
void
find_begin(struct app *app, int backward)
{
	app->saved = app->search;
	app->saved_query = app->query;
	app->saved_match = app->match;
	app->saved_backward = app->backward;
	app->search = NULL;
	app->query = NULL;
	app->match = -1;
	app->find_pend = 0;
	app->find_pend_jump = 0;
	app->backward = backward;
	app->origin = pane_body_pos(app->body);	/* exact, for Esc */
	prompt_open(app, backward ? '?' : '/');
}

/* The query changed: search again from where the prompt opened. */
int
find_update(struct app *app, const char *q, size_t n)
{
	struct timespec	t0;
	int		bits;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	find_drop(app);
	if (n == 0)
		return RE_PAINT | RE_STATUS |
		    pane_body_goto(app->body, app->origin, BODY_TOP);
	find_index(app);
	app->search = search_new_at(app->sidx, q, n, app->origin.block);
	app->query = xstrndup(q, n);
	if ((bits = find_first(app, &t0, FIND_KEY_MS)) < 0) {
		app->find_pend = FIND_PEND_FIRST;
		return RE_PAINT | RE_STATUS |
		    pane_body_goto(app->body, app->origin, BODY_TOP);
	}
	/* the count, in what is left of the key's time */
	find_more(app, &t0, FIND_KEY_MS);
	return bits;
}

/* Enter: keep the search; the place it left is a step back. */
int
find_accept(struct app *app)
{
	struct nav_pos	here;

	if (app->search == NULL) {
		/* an empty query: the search before stays */
		app->search = app->saved;
		app->query = app->saved_query;
		app->match = app->saved_match;
		app->backward = app->saved_backward;
		app->saved = NULL;
		app->saved_query = NULL;
		return RE_PAINT | RE_STATUS;
	}
	if (app->saved != NULL)
		search_free(app->saved);
	free(app->saved_query);
	app->saved = NULL;
	app->saved_query = NULL;
	if (app->find_pend == FIND_PEND_FIRST && app->job == NULL) {
		/* found between keys, the place left remembered then */
		app->find_pend_jump = 1;
		return RE_PAINT | RE_STATUS;
	}
	if (app->find_pend == FIND_PEND_FIRST) {
		app->find_pend = 0;
		app->match = search_next(app->search, app->origin.block,
		    app->origin.off == LAYOUT_NO_OFF ?
		    app->doc->blocks[app->origin.block].text_off :
		    app->origin.off, !app->backward);
	}
	/*
	 * The unread text lies ahead of a forward search with no hit after
	 * the place, and behind a backward one with none before it.
	 */
	if (app->job != NULL && (search_count(app->search) == 0 ||
	    (!app->backward && !find_ahead(app, app->origin)) ||
	    (app->backward && app->doc == app->head &&
	    find_ahead(app, app->origin))))
		return find_unread(app);
	if (app->match < 0) {
		app_message(app, "Pattern not found");
		return RE_PAINT | RE_STATUS;
	}
	here = pane_body_pos(app->body);
	if (here.block != app->origin.block || here.off != app->origin.off)
		jump_remember(app, app->origin);
	return RE_PAINT | RE_STATUS;
}

/* Esc: the search before comes back, and so does the place. */
int
find_cancel(struct app *app)
{
	find_drop(app);
	app->search = app->saved;
	app->query = app->saved_query;
	app->match = app->saved_match;
	app->backward = app->saved_backward;
	app->saved = NULL;
	app->saved_query = NULL;
	return RE_PAINT | RE_STATUS |
	    pane_body_goto(app->body, app->origin, BODY_TOP);
}

/*
 * The next shown match in reading order way fw from the current one, and
 * the reader there, within ms of t0: RE_* bits, -1 when still to be found.
 */
static int
find_go(struct app *app, int fw, const struct timespec *t0, double ms)
{
	const struct search_match	*m;
	long				 next;
	struct nav_pos			 np;
	int				 tries, bits;

	next = app->match;
	for (tries = 0; tries < 1000; tries++) {
		if (next < 0) {
			np = pane_body_text_pos(app->body);
			next = find_seek(app, np.block, np.off, fw, t0, ms);
		} else {
			m = search_match_at(app->search, (size_t)next);
			next = find_seek(app, m->block,
			    fw ? m->off + 1 : m->off, fw, t0, ms);
		}
		if (next == SEARCH_MORE)
			return -1;
		if (next < 0)
			return RE_STATUS;
		m = search_match_at(app->search, (size_t)next);
		if (find_shown(app->doc, m->block))
			break;
	}
	/* past either end of a loading head: the end of the file next */
	if (app->match >= 0 && (fw ? next <= app->match :
	    next >= app->match) &&
	    (bits = loading_find(app, app->query, jump_here(app))) >= 0) {
		if (!fw)
			find_last(app);
		return bits | find_show(app);
	}
	if (app->match >= 0 && (fw ? next <= app->match : next >= app->match))
		app_message(app, fw ? "Search hit the end, went on from the "
		    "start" : "Search hit the start, went on from the end");
	jump_remember(app, jump_here(app));
	app->match = next;
	return find_show(app);
}

/* n and N: the next match in the search's direction, or against it. */
int
find_step(struct app *app, int forward)
{
	struct timespec	t0;
	int		fw, bits;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (app->search == NULL) {
		app_message(app, "No search yet: / searches");
		return RE_STATUS;
	}
	if (app->find_pend)
		return RE_STATUS;	/* the hit before is still sought */
	if (app->job != NULL ? search_count(app->search) == 0 :
	    search_done(app->search) && search_known(app->search) == 0) {
		app_message(app, app->job != NULL ? FIND_WAIT_MSG :
		    "Pattern not found");
		return RE_STATUS;
	}
	fw = app->backward ? !forward : forward;
	if ((bits = find_go(app, fw, &t0, FIND_KEY_MS)) < 0) {
		app->find_pend = FIND_PEND_STEP;
		app->find_pend_fw = fw;
		return RE_STATUS;
	}
	return bits;
}

/* Work is left for between keys: a hit to find, or the count. */
int
find_busy(struct app *app)
{
	return app->search != NULL &&
	    (app->find_pend || !search_done(app->search));
}

/* A slice of the search between keys: RE_* bits. */
int
find_idle(struct app *app)
{
	struct timespec	t0;
	int		bits;

	if (!find_busy(app))
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (app->find_pend == FIND_PEND_FIRST) {
		if ((bits = find_first(app, &t0, FIND_IDLE_MS)) < 0)
			return 0;
		return bits;
	}
	if (app->find_pend == FIND_PEND_STEP) {
		if ((bits = find_go(app, app->find_pend_fw, &t0,
		    FIND_IDLE_MS)) < 0)
			return 0;
		app->find_pend = 0;
		return bits | RE_STATUS;
	}
	return find_more(app, &t0, FIND_IDLE_MS) ? RE_STATUS : 0;
}

/* Search for a word chosen elsewhere (the keyword index) and go to it. */
int
find_word(struct app *app, const char *w)
{
	struct nav_pos	here = pane_body_text_pos(app->body);

	find_drop(app);
	find_index(app);
	app->backward = 0;
	app->search = search_new_at(app->sidx, w, strlen(w), here.block);
	app->query = xstrdup(w);
	app->match = search_next(app->search, here.block, here.off, 1);
	if (app->match < 0) {
		app_message(app, app->job != NULL ? FIND_WAIT_MSG :
		    "Pattern not found");
		return RE_PAINT | RE_STATUS;
	}
	jump_remember(app, jump_here(app));
	return find_show(app);
}

int
find_clear(struct app *app)
{
	if (app->search == NULL)
		return 0;
	find_drop(app);
	return RE_PAINT | RE_STATUS;
}

/* The hits of the search in [off, end) of a block, as marks to draw. */
int
find_marks(struct app *app, int block, size_t off, size_t end,
    struct draw_mark *marks, int max)
{
	const struct search_match	*m, *cur = NULL;
	size_t				 n, i;
	int				 k = 0;

	if (app->search == NULL)
		return 0;
	if (app->match >= 0)
		cur = search_match_at(app->search, (size_t)app->match);
	/* a block the scan has not reached yet is scanned for itself */
	n = search_block_matches(app->search, block, &m);
	for (i = 0; i < n && k < max; i++) {
		if (m[i].off + m[i].len <= off || m[i].off >= end)
			continue;
		marks[k].off = m[i].off;
		marks[k].end = m[i].off + m[i].len;
		marks[k].current = cur != NULL && cur->block == block &&
		    cur->off == m[i].off;
		k++;
	}
	return k;
}

/* A search for w with nothing scanned yet: the keyword index counts with it. */
struct search *
find_word_search(struct app *app, const char *w)
{
	find_index(app);
	return search_new_at(app->sidx, w, strlen(w), 0);
}

/* After a new doc: the prompt's place to return to is where the reader is. */
void
find_begin_again(struct app *app)
{
	app->origin = pane_body_pos(app->body);
}

/* After a new doc: the search shown, again, its current hit the next one. */
void
find_again(struct app *app, const char *q)
{
	struct nav_pos	here = pane_body_text_pos(app->body);

	find_index(app);
	/* not a key: counted at once, as the part shown was */
	app->search = search_new_indexed(app->sidx, q, strlen(q));
	app->query = xstrdup(q);
	app->match = here.block < 0 ? -1 :
	    search_next(app->search, here.block, here.off, 1);
}

/*
 * The full doc replaced the part shown and find_again ran the search on
 * it: the hit that was current stays so, and a search that found nothing
 * in the part read shows its first hit after the reading place.
 */
int
find_loaded(struct app *app, struct nav_pos hit)
{
	struct nav_pos	here;

	if (app->search == NULL)
		return 0;
	if (!app->find_wait) {
		if (hit.block >= 0)
			app->match = search_next(app->search, hit.block,
			    hit.off, 1);
		return RE_PAINT | RE_STATUS;
	}
	app->find_wait = 0;
	if (app->match < 0) {
		app_message(app, "Pattern not found");
		return RE_PAINT | RE_STATUS;
	}
	here = jump_here(app);
	jump_remember(app, here);
	app_message(app, "Found in the rest of the file");
	return find_show(app);
}
