/* The status line: file name, position, one-shot messages; every byte sanitised. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/text.h"

#include "ui.h"

#define STATUS_NAME_MIN	8	/* columns of the name kept beside a message */

static void	status_paint(struct pane *);
static void	status_section(struct app *, struct buf *);

const struct pane_ops status_ops = {
	.name = "status",
	.paint = status_paint,
};

void *
status_data(void)
{
	return NULL;
}

/*
 * File names and messages come from outside (the command line, the
 * document): control characters become placeholders and invalid UTF-8
 * becomes U+FFFD, so nothing but text reaches the terminal.
 */
void
status_sanitise(const char *s, size_t n, struct buf *out)
{
	char		ph[32];
	uint32_t	c;
	size_t		off = 0, k, m;

	while (off < n) {
		k = text_decode(s + off, n - off, &c);
		if (k == 0)
			k = 1;
		if (text_is_unsafe(c)) {
			m = text_placeholder(c, ph, sizeof ph);
			buf_append(out, ph, m < sizeof ph ? m : sizeof ph - 1);
		} else if (c == 0xFFFD)
			buf_puts(out, "\xef\xbf\xbd");
		else
			buf_append(out, s + off, k);
		off += k;
	}
}

/* The section being read: "article › heading", sanitised, into out. */
static void
status_section(struct app *app, struct buf *out)
{
	const struct doc	*d = app->doc;
	int			 at = pane_body_reading(app->body);
	const struct block	*b;
	int			 h, art;

	if (at < 0)
		return;
	b = &d->blocks[at];
	art = b->article;
	h = pane_toc_current(d, at);
	if (art >= 0 && (size_t)art < d->narticles && d->narticles > 1 &&
	    d->articles[art].title != NULL) {
		status_sanitise(d->articles[art].title,
		    strlen(d->articles[art].title), out);
		if (h >= 0 && d->headings[h].level > 1)
			buf_puts(out, " \xe2\x80\xba ");
	}
	if (h >= 0 && d->headings[h].title != NULL &&
	    (d->headings[h].level > 1 || out->len == 0))
		status_sanitise(d->headings[h].title,
		    strlen(d->headings[h].title), out);
}

/*
 * Name on the left, then the section or a message; search state, focus
 * and position on the right, all reversed. A message is what the reader
 * must see: the name and section give up room for it.
 */
static void
status_paint(struct pane *p)
{
	struct app	*app = p->app;
	struct buf	 mid = { 0 };
	char		 right[200], where[40], srch[120], load[24];
	const char	*focus = "";
	int		 w = p->r.w, rw = 0, nw, line, percent, x, i;
	attr_t		 ma = A_REVERSE;

	if (app->prompt.active) {
		prompt_paint(app, p->win, w);
		return;
	}
	draw_blank(p->win, 0, 0, w, A_REVERSE);
	if (app->body != NULL &&
	    pane_body_where(app->body, &line, &percent)) {
		/* the end of a loading file whose lines are being counted */
		if (!loading_exact(app))
			snprintf(where, sizeof where, "line \xe2\x80\xa6%s",
			    percent == 100 ? "  100%" : "");
		else if (percent < 0)	/* the file's lines not counted */
			snprintf(where, sizeof where, "line %d", line);
		else
			snprintf(where, sizeof where, "line %d  %d%%", line,
			    percent);
	} else
		snprintf(where, sizeof where, "empty");
	/* a search shown while loading says the file is not all read */
	find_status(app, srch, sizeof srch);
	loading_status(app, load, sizeof load);
	if (srch[0] == '\0')
		snprintf(srch, sizeof srch, "%s", load);
	else if (load[0] != '\0' && !app->find_wait)
		snprintf(srch + strlen(srch), sizeof srch - strlen(srch),
		    "  %s", load);
	if (app->focus == app->notes)
		focus = "[notes] ";
	else if (app->focus == app->toc)
		focus = "[outline] ";
	else if (pane_shown(app->notes) || pane_shown(app->toc))
		focus = "[text] ";
	/* the focus goes first when room is short, then the search */
	for (i = 0; i < 3; i++) {
		snprintf(right, sizeof right, "%s%s%s%s ",
		    i < 2 ? srch : "", i < 2 && srch[0] ? "  " : "",
		    i == 0 ? focus : "", where);
		rw = (int)text_width(right, strlen(right));
		if (rw <= w * 2 / 3)
			break;
	}
	if (rw > w * 2 / 3)
		rw = 0;
	if (app->msg[0] != '\0') {
		buf_puts(&mid, app->msg);
		ma = A_REVERSE | A_BOLD;
	} else
		status_section(app, &mid);
	nw = w - rw - 2;
	if (mid.len > 0) {
		nw = (w - rw) / 3;
		if (nw < STATUS_NAME_MIN)
			nw = STATUS_NAME_MIN;
		if (app->msg[0] != '\0' &&
		    (int)text_width(app->name, strlen(app->name)) + 3 +
		    (int)text_width(mid.data, mid.len) > w - rw - 2)
			nw = STATUS_NAME_MIN;
	}
	nw = draw_text(p->win, 0, 1, nw, app->name, strlen(app->name),
	    A_REVERSE | A_BOLD);
	if (mid.len > 0) {
		x = nw + 1;
		draw_text(p->win, 0, x, 3, " \xc2\xb7 ", 4, A_REVERSE);
		x += 3;
		draw_text(p->win, 0, x, w - rw - x - 1, mid.data, mid.len, ma);
	}
	buf_free(&mid);
	if (rw > 0)
		draw_text(p->win, 0, w - rw, rw, right, strlen(right),
		    A_REVERSE);
}
