/* Painting: layout lines and plain strings to cchar_t cells; the only curses drawing calls. */
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/text.h"

#include "ui.h"

static attr_t	draw_style(unsigned, short *);
static int	draw_run(WINDOW *, int, int, int, const char *, size_t,
		    attr_t, short);
static int	draw_joiner(uint32_t);
static void	draw_grapheme(WINDOW *, int, int, int, const char *, size_t,
		    attr_t, short);

/* Style flags to curses attributes; colour only where term.c set it up. */
static attr_t
draw_style(unsigned style, short *pair)
{
	attr_t	a = A_NORMAL;
	int	colour = term_colours();

	*pair = 0;
	if (style & (STYLE_HEADING | SPAN_STRONG | SPAN_HEADING))
		a |= A_BOLD;
	if (style & SPAN_EMPH)
		a |= term_italic() ? A_ITALIC : A_UNDERLINE;
	if (style & STYLE_DECOR)
		a |= A_DIM;
	if (style & SPAN_CODE) {
		if (colour)
			*pair = PAIR_CODE;
	}
	if (style & (SPAN_LINK | SPAN_URL)) {
		a |= A_UNDERLINE;
		if (colour)
			*pair = PAIR_LINK;
	}
	if (style & STYLE_META && colour)
		*pair = PAIR_META;
	if (style & (SPAN_REF | SPAN_NOTELABEL)) {
		if (colour) {
			*pair = PAIR_REF;
			a |= A_BOLD;
		} else
			a |= A_REVERSE;
	}
	if (style & STYLE_CONTROL) {
		if (colour) {
			*pair = PAIR_CONTROL;
			a |= A_BOLD;
		} else
			a |= A_REVERSE;
	}
	return a;
}

/* Zero-width characters that make terminals join or widen glyphs. */
static int
draw_joiner(uint32_t c)
{
	return c == 0x200D || c == 0xFE0E || c == 0xFE0F;
}

/*
 * One grapheme cluster. Widths are sums of character widths (text.h), so
 * each spacing character gets a cell of its own at its column, carrying the
 * combining marks after it; joiners and emoji selectors are left out so the
 * terminal cannot merge cells and shift the rest of the row. Nothing is
 * drawn past w columns.
 */
static void
draw_grapheme(WINDOW *win, int y, int x, int w, const char *s, size_t n,
    attr_t attr, short pair)
{
	wchar_t		wch[CCHARW_MAX + 1];
	cchar_t		cc;
	uint32_t	c;
	size_t		k = 0, l;
	int		i = 0, col = 0, cw = 0;

	while (k <= n) {
		l = k < n ? text_decode(s + k, n - k, &c) : 0;
		if (k == n || text_char_width(c) > 0) {
			/* a new cell starts: put out the one being built */
			if (i > 0 && col + cw <= w) {
				wch[i] = L'\0';
				if (setcchar(&cc, wch, attr, pair, NULL) != ERR)
					mvwadd_wch(win, y, x + col, &cc);
			}
			if (k == n)
				break;
			if (i > 0)
				col += cw;
			i = 0;
			cw = text_char_width(c);
			wch[i++] = (wchar_t)c;
		} else if (i > 0 && i < CCHARW_MAX && !draw_joiner(c))
			wch[i++] = (wchar_t)c;
		k += l > 0 ? l : 1;
	}
}

/*
 * Draw UTF-8 from column x, never past x + w; each grapheme is placed at the
 * column our width function gives, so the terminal and the layout agree.
 * Returns the columns used.
 */
static int
draw_run(WINDOW *win, int y, int x, int w, const char *s, size_t n,
    attr_t attr, short pair)
{
	size_t	off = 0, g;
	int	col = 0, gw;

	while (off < n) {
		g = text_grapheme(s + off, n - off);
		if (g == 0)
			g = 1;
		gw = (int)text_width(s + off, g);
		if (col + gw > w)
			break;
		if (gw > 0)
			draw_grapheme(win, y, x + col, gw, s + off, g, attr,
			    pair);
		col += gw;
		off += g;
	}
	return col;
}

/* A layout line at row y; the rest of the row is cleared. */
void
draw_line(WINDOW *win, int y, int x, int w, const struct layout_line *l)
{
	const struct layout_run	*run;
	attr_t			 attr;
	short			 pair;
	int			 i, col = 0;

	wmove(win, y, x);
	wclrtoeol(win);
	if (l == NULL)
		return;
	for (i = 0; i < l->nruns && col < w; i++) {
		run = &l->runs[i];
		attr = draw_style(run->style, &pair);
		col += draw_run(win, y, x + col, w - col, l->text + run->off,
		    run->len, attr, pair);
	}
}

int
draw_text(WINDOW *win, int y, int x, int w, const char *s, size_t n,
    attr_t attr)
{
	if (w <= 0)
		return 0;
	return draw_run(win, y, x, w, s, n, attr, 0);
}

/* Fill w cells of row y with blanks in the given attribute. */
void
draw_blank(WINDOW *win, int y, int x, int w, attr_t attr)
{
	cchar_t	cc;
	wchar_t	sp[2] = { L' ', L'\0' };

	if (w <= 0)
		return;
	setcchar(&cc, sp, attr, 0, NULL);
	mvwhline_set(win, y, x, &cc, w);
}

void
draw_erase(WINDOW *win)
{
	werase(win);
}

void
draw_commit(WINDOW *win)
{
	wnoutrefresh(win);
}

void
draw_flush(void)
{
	doupdate();
}

/* The whole terminal is below the minimum: say so in what room there is. */
void
draw_too_small(int cols, int rows)
{
	static const char	msg[] = "terminal too small";
	int			n;

	werase(stdscr);
	if (cols > 0 && rows > 0) {
		n = cols < (int)sizeof msg - 1 ? cols : (int)sizeof msg - 1;
		mvwaddnstr(stdscr, 0, 0, msg, n);
	}
	wnoutrefresh(stdscr);
}
