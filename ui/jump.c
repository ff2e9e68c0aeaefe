/* Jumps: reference to note and back, outline entries, go-to, and the jump list over them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/load.h"
#include "scholia/nav.h"
#include "scholia/refs.h"

#include "ui.h"

#define JUMP_SCREEN_REFS 256	/* references looked at on one screen */

static int	jump_notes_on(struct app *);
static void	jump_pct_block(const struct doc *, long, struct nav_pos *);
static int	jump_file_lines(struct app *);
static void	jump_label(struct app *, const char *, const char *,
		    const char *);

/* Where the reader is: the selected note when the notes have focus. */
struct nav_pos
jump_here(struct app *app)
{
	const struct doc	*d = app->doc;
	struct nav_pos		 pos;
	int			 n;

	if (app->focus == app->notes && pane_shown(app->notes) &&
	    (n = pane_notes_sel(app->notes)) >= 0 && d->notes[n].block >= 0) {
		pos.block = d->notes[n].block;
		pos.off = d->blocks[pos.block].text_off;
		return pos;
	}
	return pane_body_pos(app->body);
}

/* The notes pane comes on for a jump into it. */
static int
jump_notes_on(struct app *app)
{
	if (app->notes_on)
		return 0;
	app->notes_on = 1;
	return RE_ARRANGE;
}

/* Go to a remembered place: a note in the notes pane, or body text. */
int
jump_to(struct app *app, struct nav_pos pos)
{
	const struct doc	*d = app->doc;
	const struct note	*n;
	int			 bits = RE_PAINT | RE_STATUS, k;

	if (pos.block < 0 || (size_t)pos.block >= d->nblocks)
		return 0;
	if (d->blocks[pos.block].type == BLOCK_NOTE &&
	    d->blocks[pos.block].note >= 0) {
		n = &d->notes[d->blocks[pos.block].note];
		bits |= jump_notes_on(app);
		/* following: the note shows with a reference to it */
		if (!pane_notes_all(app->notes) && n->nrefs > 0) {
			k = app->cycle_note == d->blocks[pos.block].note ?
			    app->cycle_k : 0;
			bits |= pane_body_select(app->body, n->refs[k]);
		}
		pane_notes_show(app->notes, d->blocks[pos.block].note);
		app->focus = app->notes;
		return bits;
	}
	app->focus = app->body;
	return bits | pane_body_goto(app->body, pos, BODY_TOP);
}

/* Remember the place before a jump. */
int
jump_push(struct app *app)
{
	jump_remember(app, jump_here(app));
	return 0;
}

/* A place into the jump list, saying which part of a loading file it is in. */
void
jump_remember(struct app *app, struct nav_pos pos)
{
	nav_push(app->nav, loading_mark(app, pos));
}

/* Backspace, Ctrl-O, Ctrl-N: walk the jump list. */
int
jump_back(struct app *app, int forward)
{
	struct nav_pos	pos, here;
	int		ok, bits;

	here = loading_mark(app, jump_here(app));
	if (forward)
		ok = nav_forward(app->nav, here, &pos);
	else
		ok = nav_back(app->nav, here, &pos);
	if (!ok) {
		app_message(app, forward ? "No later jump" :
		    "No earlier jump to go back to");
		return RE_STATUS;
	}
	/* a place in the head or the end of a loading file shows that part */
	bits = loading_place(app, pos, &pos);
	return bits | jump_to(app, pos);
}

/* A message naming a reference or note label (sanitised by app_message). */
static void
jump_label(struct app *app, const char *pre, const char *label,
    const char *post)
{
	char	msg[200];

	snprintf(msg, sizeof msg, "%s%.60s%s", pre, label, post);
	app_message(app, msg);
}

/* Enter on a reference: its note in the notes pane, which takes the focus. */
int
jump_ref_to_note(struct app *app, int ref)
{
	const struct doc	*d = app->doc;
	const struct ref	*r;
	int			 bits = RE_PAINT | RE_STATUS;

	if (ref < 0 || (size_t)ref >= d->nrefs)
		return 0;
	r = &d->refs[ref];
	if (r->note < 0) {
		jump_label(app, "Reference ", r->label,
		    " has no note in the text");
		return bits | pane_body_select(app->body, ref);
	}
	jump_push(app);
	bits |= pane_body_select(app->body, ref);
	bits |= jump_notes_on(app);
	pane_notes_show(app->notes, r->note);
	app->focus = app->notes;
	app->cycle_note = -1;
	return bits;
}

/*
 * Enter on a note: its reference in the body; Enter again on the same note
 * goes on to its next reference, round to the first.
 */
int
jump_note_to_ref(struct app *app, int note)
{
	const struct doc	*d = app->doc;
	const struct note	*n;
	char			 msg[64];
	int			 k;

	if (note < 0 || (size_t)note >= d->nnotes)
		return 0;
	n = &d->notes[note];
	if (n->nrefs == 0) {
		jump_label(app, "Note ", n->label, " has no reference");
		return RE_STATUS;
	}
	k = app->cycle_note == note ? (app->cycle_k + 1) % n->nrefs : 0;
	app->cycle_note = note;
	app->cycle_k = k;
	/* the body is what moves: back brings it where it was */
	jump_remember(app, pane_body_pos(app->body));
	if (n->nrefs > 1) {
		snprintf(msg, sizeof msg, "Reference %d of %d", k + 1,
		    n->nrefs);
		app_message(app, msg);
	}
	return RE_PAINT | RE_STATUS | pane_body_select(app->body, n->refs[k]);
}

/* Enter on an outline entry: its section at the top of the body. */
int
jump_heading(struct app *app, int h)
{
	const struct doc	*d = app->doc;
	struct nav_pos		 pos;

	if (h < 0 || (size_t)h >= d->nheadings || d->headings[h].block < 0)
		return 0;
	jump_push(app);
	pos.block = d->headings[h].block;
	pos.off = d->blocks[pos.block].text_off;
	app->focus = app->body;
	return RE_PAINT | RE_STATUS | pane_body_goto(app->body, pos, BODY_TOP);
}

/* ":" then "40%" (of the text) or "120" (a line of the source file). */
/*
 * The last line of the file, also while it loads: that of its end, whose
 * lines are counted (waiting for the count, ~0.1 s for 100 MB).
 */
static int
jump_file_lines(struct app *app)
{
	const struct doc	*t = app->tail;
	int			 exact;

	if (app->job == NULL || app->head == NULL)
		return pane_body_last_line(app->doc);
	if (t == NULL) {
		/* an end not shown yet: settled here (app->tail is unset) */
		if ((t = load_job_tail_early(app->job, &exact)) == NULL)
			return pane_body_last_line(app->doc);
		if (!exact)
			load_job_tail_settle(app->job, 1);
	}
	return pane_body_last_line(t);
}

/*
 * A percentage landing on a line cut into several blocks (a file of one
 * long line): the block as far through them as through that line.
 */
static void
jump_pct_block(const struct doc *d, long pct, struct nav_pos *pos)
{
	int			 line = d->blocks[pos->block].line;
	int			 first = pos->block, n = 0;
	const struct block	*b;
	int			 last = pane_body_last_line(d), i;
	long			 at;
	size_t			 part;

	while (first > 0 && d->blocks[first - 1].line == line)
		first--;
	for (i = first; (size_t)i < d->nblocks && d->blocks[i].line == line;
	    i++)
		n++;
	if (n < 2)
		return;
	/* hundredths of a line into this one, times the blocks */
	at = (long)last * pct - (long)(line - 1) * 100;
	if (at < 0)
		at = 0;
	i = first + (int)(at * n / 100);
	if (i >= first + n) {
		i = first + n - 1;
		at = (long)n * 100;
	}
	for (; i < first + n; i++, at = 0) {
		if (!doc_in_flow(d, i))
			continue;
		pos->block = i;
		pos->off = d->blocks[i].text_off;
		/* and as far into the block, at a character's start */
		b = &d->blocks[i];
		part = (size_t)((at * n) % 100) * b->text_len / 100;
		while (part > 0 && ((unsigned char)*doc_text(d,
		    b->text_off + part) & 0xC0) ==
		    0x80)
			part--;
		pos->off += part;
		return;
	}
}

int
jump_goto(struct app *app, const char *s)
{
	const struct doc	*d = app->doc;
	struct nav_pos		 pos = { -1, 0 };
	char			*end;
	long			 v;
	size_t			 i;
	int			 pct;
	long			 pct_v = 0;

	while (*s == ' ')
		s++;
	v = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	pct = *end == '%';
	if (pct)
		end++;
	while (*end == ' ')
		end++;
	if (end == s || *end != '\0' || v < 0 || (pct && v > 100)) {
		app_message(app, "Go to: a percentage (40%) or a line number");
		return RE_STATUS;
	}
	loading_settle(app, 1);	/* lines of the file, not of its end */
	/* percentages are of the source's lines, as the status shows */
	pct_v = v;
	if (pct)
		v = (long)jump_file_lines(app) * v / 100;
	/* a file still loading: only the part shown can be gone to */
	if (app->job != NULL && (d == app->head || d == app->tail) &&
	    (v < d->blocks[0].line || v > pane_body_last_line(d))) {
		app_message(app, "Still loading there (g: start, G: end)");
		return RE_STATUS;
	}
	for (i = 0; i < d->nblocks; i++) {
		if (!doc_in_flow(d, (int)i))
			continue;
		pos.block = (int)i;
		pos.off = d->blocks[i].text_off;
		if (d->blocks[i].end_line >= v)
			break;
	}
	if (pos.block < 0)
		return RE_STATUS;
	if (pct)
		jump_pct_block(d, pct_v, &pos);
	jump_push(app);
	app->focus = app->body;
	return RE_PAINT | RE_STATUS | pane_body_goto(app->body, pos, BODY_TOP);
}

/* { and }: the heading before or after the top of the body. */
int
jump_next_heading(struct app *app, int forward)
{
	const struct doc	*d = app->doc;
	struct nav_pos		 here, pos;
	size_t			 i;
	int			 best = -1, b;

	here = pane_body_text_pos(app->body);
	for (i = 0; i < d->nheadings; i++) {
		b = d->headings[i].block;
		if (b < 0 || !doc_in_flow(d, b))
			continue;
		if (forward && b > here.block && (best < 0 || b < best))
			best = b;
		if (!forward && b < here.block && b > best)
			best = b;
	}
	if (best < 0) {
		app_message(app, forward ? "No heading after this" :
		    "No heading before this");
		return RE_STATUS;
	}
	pos.block = best;
	pos.off = d->blocks[best].text_off;
	return pane_body_goto(app->body, pos, BODY_TOP);
}

/*
 * ] and [: the next reference after the selected one, scrolling to it; with
 * none selected on screen, the first (last) one on screen.
 */
int
jump_select_ref(struct app *app, int forward)
{
	const struct doc	*d = app->doc;
	struct nav_pos		 here;
	int			 refs[JUMP_SCREEN_REFS], rows[JUMP_SCREEN_REFS];
	int			 n, i, sel, next = -1, on = 0;

	sel = pane_body_sel(app->body);
	n = pane_body_refs(app->body, refs, rows, JUMP_SCREEN_REFS);
	for (i = 0; i < n; i++)
		on |= refs[i] == sel;
	if (sel >= 0 && on)
		next = refs_next(d, d->refs[sel].block, d->refs[sel].text_off,
		    forward);
	else if (n > 0)
		next = forward ? refs[0] : refs[n - 1];
	else {
		/* none on screen: the nearest past the screen's top */
		here = pane_body_text_pos(app->body);
		next = refs_next(d, here.block, here.off, forward);
	}
	if (next < 0) {
		app_message(app, forward ? "No reference after this" :
		    "No reference before this");
		return RE_STATUS;
	}
	if (d->refs[next].note < 0)
		jump_label(app, "Reference ", d->refs[next].label,
		    " has no note in the text");
	return RE_PAINT | RE_STATUS | pane_body_select(app->body, next);
}

/* p: the selected reference's note in a popup; nothing moves. */
int
jump_peek(struct app *app)
{
	const struct doc	*d = app->doc;
	int			 refs[JUMP_SCREEN_REFS], rows[JUMP_SCREEN_REFS];
	int			 ref, n, i, bits = RE_PAINT;

	ref = pane_body_sel(app->body);
	if (app->focus == app->notes && pane_notes_sel(app->notes) >= 0) {
		pane_popup_note(app->popup, pane_notes_sel(app->notes));
		return RE_PAINT;
	}
	n = pane_body_refs(app->body, refs, rows, JUMP_SCREEN_REFS);
	for (i = 0; i < n && refs[i] != ref; i++)
		;
	if (i == n) {
		/* nothing selected on screen: the first reference there */
		if (n == 0) {
			app_message(app, "No reference on screen");
			return RE_STATUS;
		}
		ref = refs[0];
		bits |= pane_body_select(app->body, ref);
	}
	if (d->refs[ref].note < 0) {
		jump_label(app, "Reference ", d->refs[ref].label,
		    " has no note in the text");
		return bits | RE_STATUS;
	}
	pane_popup_note(app->popup, d->refs[ref].note);
	return bits;
}
