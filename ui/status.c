/* The status line: file name, position, one-shot messages; every byte sanitised. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/text.h"

#include "ui.h"

#define STATUS_NAME_MIN	8	/* columns of the name kept beside a message */

static void	status_paint(struct pane *);

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

/*
 * Name on the left, message after it, position on the right, all reversed.
 * A message is what the reader must see: the name gives up room for it.
 */
static void
status_paint(struct pane *p)
{
	struct app	*app = p->app;
	char		 right[64];
	int		 w = p->r.w, rw, nw, mw = 0, line, percent;

	draw_blank(p->win, 0, 0, w, A_REVERSE);
	if (app->body != NULL &&
	    pane_body_where(app->body, &line, &percent))
		snprintf(right, sizeof right, "line %d  %d%% ", line, percent);
	else
		snprintf(right, sizeof right, "empty ");
	rw = (int)strlen(right);
	if (rw > w / 2)
		rw = 0;
	if (app->msg[0] != '\0')
		mw = (int)text_width(app->msg, strlen(app->msg)) + 3;
	nw = w - rw - 2 - mw;
	if (nw < STATUS_NAME_MIN)
		nw = STATUS_NAME_MIN;
	nw = draw_text(p->win, 0, 1, nw, app->name, strlen(app->name),
	    A_REVERSE | A_BOLD);
	if (mw > 0)
		draw_text(p->win, 0, nw + 3, w - rw - nw - 4, app->msg,
		    strlen(app->msg), A_REVERSE);
	if (rw > 0)
		draw_text(p->win, 0, w - rw, rw, right, (size_t)rw, A_REVERSE);
}
