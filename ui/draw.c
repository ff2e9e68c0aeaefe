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
static int	draw_run_marked(WINDOW *, int, int, int, const char *,
		    size_t, attr_t, short, size_t, const struct draw_mark *,
		    int);
static int	draw_mark_at(const struct draw_mark *, int, size_t);
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
	draw_line_marked(win, y, x, w, l, NULL, 0, -1);
}

/* Which mark covers doc offset off: 0 none, 1 a hit, 2 the current one. */
static int
draw_mark_at(const struct draw_mark *m, int n, size_t off)
{
	int	i, best = 0;

	for (i = 0; i < n; i++) {
		if (off >= m[i].off && off < m[i].end)
			best = m[i].current ? 2 : (best > 1 ? best : 1);
	}
	return best;
}

/*
 * Like draw_run, but each grapheme inside a mark (by doc offset, base being
 * the doc offset of s) takes the hit attribute instead.
 */
static int
draw_run_marked(WINDOW *win, int y, int x, int w, const char *s, size_t n,
    attr_t attr, short pair, size_t base, const struct draw_mark *m, int nm)
{
	size_t	off = 0, g;
	int	col = 0, gw, k;
	attr_t	a;
	short	pr;

	while (off < n) {
		g = text_grapheme(s + off, n - off);
		if (g == 0)
			g = 1;
		gw = (int)text_width(s + off, g);
		if (col + gw > w)
			break;
		a = attr;
		pr = pair;
		k = draw_mark_at(m, nm, base + off);
		if (k == 2 && term_colours()) {
			a = A_BOLD;
			pr = PAIR_CUR;
		} else if (k == 2) {
			a = A_REVERSE | A_BOLD | A_UNDERLINE;
			pr = 0;
		} else if (k == 1) {
			a = term_colours() ? A_NORMAL : A_REVERSE;
			pr = term_colours() ? PAIR_HIT : 0;
		}
		if (gw > 0)
			draw_grapheme(win, y, x + col, gw, s + off, g, a, pr);
		col += gw;
		off += g;
	}
	return col;
}

/*
 * A layout line at row y with search marks and the selected reference
 * standing out; the rest of the row is cleared. Marks apply to runs that
 * show doc text byte for byte (not placeholders or decoration).
 */
void
draw_line_marked(WINDOW *win, int y, int x, int w, const struct layout_line *l,
    const struct draw_mark *m, int nm, int sel_ref)
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
		if (sel_ref >= 0 && run->ref == sel_ref) {
			attr = term_colours() ? A_BOLD : A_REVERSE | A_BOLD;
			pair = term_colours() ? PAIR_SEL : 0;
		}
		if (nm > 0 && run->doc_off != LAYOUT_NO_OFF &&
		    !(run->style & (STYLE_CONTROL | STYLE_DECOR)))
			col += draw_run_marked(win, y, x + col, w - col,
			    l->text + run->off, run->len, attr, pair,
			    run->doc_off, m, nm);
		else
			col += draw_run(win, y, x + col, w - col,
			    l->text + run->off, run->len, attr, pair);
	}
}

/* A vertical rule down column x from row y: the border of side panes. */
void
draw_vrule(WINDOW *win, int x, int y, int h)
{
	if (h > 0)
		mvwvline_set(win, y, x, WACS_VLINE, h);
}

/* A pane's title row: a rule with the title on it, bright when focused. */
void
draw_title(WINDOW *win, int y, int w, const char *title, int focused)
{
	attr_t	a = focused ? A_BOLD | A_REVERSE : A_DIM;
	short	pair = 0;

	if (w <= 0)
		return;
	if (focused && term_colours()) {
		a = A_BOLD;
		pair = PAIR_TITLE;
	}
	wmove(win, y, 0);
	wclrtoeol(win);
	wattr_set(win, focused ? A_BOLD : A_DIM, 0, NULL);
	mvwhline_set(win, y, 0, WACS_HLINE, w);
	wattr_set(win, A_NORMAL, 0, NULL);
	draw_run(win, y, 1, w - 1, title, strlen(title), a, pair);
}

/* A popup's frame: box lines all round and the title in the top one. */
void
draw_box(WINDOW *win, const char *title)
{
	int	w = getmaxx(win);

	werase(win);
	wborder_set(win, WACS_VLINE, WACS_VLINE, WACS_HLINE, WACS_HLINE,
	    WACS_ULCORNER, WACS_URCORNER, WACS_LLCORNER, WACS_LRCORNER);
	if (w > 4)
		draw_run(win, 0, 2, w - 4, title, strlen(title), A_BOLD, 0);
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
