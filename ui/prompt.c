/* The prompt: a one-line editor on the status row for searches and go-to. */
#include <stdio.h>
#include <string.h>

#include "scholia/text.h"

#include "ui.h"

#define CTRL(c)	((c) & 0x1f)

static void	prompt_erase_char(struct prompt *);
static int	prompt_changed(struct app *);
static int	prompt_close(struct app *, int accept);

void
prompt_open(struct app *app, int kind)
{
	app->prompt.active = 1;
	app->prompt.kind = kind;
	app->prompt.len = 0;
	app->prompt.text[0] = '\0';
}

/* Drop the last character (not just its last byte). */
static void
prompt_erase_char(struct prompt *pr)
{
	while (pr->len > 0) {
		pr->len--;
		if (((unsigned char)pr->text[pr->len] & 0xC0) != 0x80)
			break;
	}
	pr->text[pr->len] = '\0';
}

/* A search follows every edit; go-to waits for Enter. */
static int
prompt_changed(struct app *app)
{
	if (app->prompt.kind == ':')
		return RE_STATUS;
	return find_update(app, app->prompt.text, app->prompt.len);
}

static int
prompt_close(struct app *app, int accept)
{
	app->prompt.active = 0;
	if (app->prompt.kind == ':')
		return accept ? jump_goto(app, app->prompt.text) : RE_STATUS;
	return accept ? find_accept(app) : find_cancel(app);
}

/* Keys while the prompt is open: editing, Enter, Esc. */
int
prompt_key(struct app *app, int code, int fkey)
{
	struct prompt	*pr = &app->prompt;
	char		 u[4];
	size_t		 n;

	if (!fkey && code == 27)
		return prompt_close(app, 0);
	if ((!fkey && (code == '\r' || code == '\n')) ||
	    (fkey && code == KEY_ENTER))
		return prompt_close(app, 1);
	if ((!fkey && (code == 127 || code == CTRL('h'))) ||
	    (fkey && code == KEY_BACKSPACE)) {
		if (pr->len == 0)
			return prompt_close(app, 0);
		prompt_erase_char(pr);
		return prompt_changed(app);
	}
	if (!fkey && code == CTRL('u')) {
		pr->len = 0;
		pr->text[0] = '\0';
		return prompt_changed(app);
	}
	if (fkey || code < 0x20 || code == 0x7f || code > 0x10FFFF ||
	    (code >= 0x80 && code < 0xA0) || text_is_unsafe((uint32_t)code))
		return 0;
	if (code < 0x80) {
		u[0] = (char)code;
		n = 1;
	} else if (code < 0x800) {
		u[0] = (char)(0xC0 | (code >> 6));
		u[1] = (char)(0x80 | (code & 0x3F));
		n = 2;
	} else if (code < 0x10000) {
		u[0] = (char)(0xE0 | (code >> 12));
		u[1] = (char)(0x80 | ((code >> 6) & 0x3F));
		u[2] = (char)(0x80 | (code & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (code >> 18));
		u[1] = (char)(0x80 | ((code >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((code >> 6) & 0x3F));
		u[3] = (char)(0x80 | (code & 0x3F));
		n = 4;
	}
	if (pr->len + n >= sizeof pr->text)
		return 0;
	memcpy(pr->text + pr->len, u, n);
	pr->len += n;
	pr->text[pr->len] = '\0';
	return prompt_changed(app);
}

/*
 * The prompt row: its kind, the text (its end if long) and a cursor; for a
 * search, the current match and the count on the right as they change.
 */
void
prompt_paint(struct app *app, WINDOW *win, int w)
{
	struct prompt	*pr = &app->prompt;
	char		 k[2] = { (char)pr->kind, '\0' }, st[96];
	size_t		 off = 0;
	int		 col, rw = 0;

	draw_blank(win, 0, 0, w, A_NORMAL);
	draw_text(win, 0, 0, 1, k, 1, A_BOLD);
	if (pr->kind != ':' && pr->len > 0) {
		find_count_text(app, st, sizeof st - 1);
		/* never "not found" while some of the text is unread */
		if (strcmp(st, "0/0") == 0)
			snprintf(st, sizeof st, "not found");
		else if (strcmp(st, "0/0+") == 0)
			snprintf(st, sizeof st, "none yet (loading)");
		if (st[0] != '\0')
			strcat(st, " ");
		rw = (int)text_width(st, strlen(st));
		if (rw < w / 2)
			draw_text(win, 0, w - rw, rw, st, strlen(st), A_BOLD);
		else
			rw = 0;
	}
	while (off < pr->len &&
	    (int)text_width(pr->text + off, pr->len - off) > w - 3 - rw)
		off++;
	while (off < pr->len && ((unsigned char)pr->text[off] & 0xC0) == 0x80)
		off++;
	col = 1 + draw_text(win, 0, 1, w - 2 - rw, pr->text + off,
	    pr->len - off, A_NORMAL);
	draw_blank(win, 0, col, 1, A_REVERSE);
}
