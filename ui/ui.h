/* The one private header of the curses front end; the only include of curses. */
#ifndef SCHOLIA_UI_H
#define SCHOLIA_UI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>

#include <stddef.h>

#include "scholia/layout.h"

struct doc;
struct buf;
struct app;

/* A screen rectangle; w == 0 or h == 0 means the pane is not shown. */
struct rect {
	int	y;
	int	x;
	int	h;
	int	w;
};

/* arrange.c: pure geometry, no curses. */
#define ARRANGE_NOTES	0x1	/* notes pane wanted (below the body) */
#define ARRANGE_OUTLINE	0x2	/* outline pane wanted (left of the body) */
#define ARRANGE_MIN_COLS 20	/* below this the panes give up */
#define ARRANGE_MIN_ROWS 6

struct arrange {
	struct rect	 body;
	struct rect	 notes;
	struct rect	 outline;
	struct rect	 status;
	int		 too_small;	/* only a "too small" note fits */
};
void	arrange_compute(int cols, int rows, unsigned want, struct arrange *);
/* "body 0,0 80x23; ..." for tests and the debug log. */
void	arrange_print(const struct arrange *, char *, size_t);

/* Reaction bits: what an action needs done before the next doupdate. */
#define RE_ARRANGE	0x01	/* pane geometry */
#define RE_LAYOUT	0x02	/* wrap width or content */
#define RE_PAINT	0x04	/* pane contents (scroll, highlight) */
#define RE_STATUS	0x08	/* status line only */
#define RE_QUIT		0x10
#define RE_CLEAR	0x20	/* repaint the whole terminal from scratch */

/* keys.c: the key table as data. */
enum action {
	ACT_NONE,
	ACT_LINE_DOWN,
	ACT_LINE_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_REDRAW,
	ACT_HELP,
	ACT_QUIT,
	ACT__COUNT
};

struct keys_binding {
	int		 code;		/* character, or KEY_* when fkey */
	int		 fkey;		/* code is a curses function key */
	const char	*name;		/* as the man page and help show it */
	enum action	 action;
};

extern const struct keys_binding keys_table[];
extern const size_t keys_count;

enum action	 keys_lookup(int code, int fkey);
const char	*keys_help(enum action);	/* NULL for ACT_NONE */
/* The names of the keys bound to an action, joined by ", ". */
void		 keys_names(enum action, struct buf *);

/* term.c: terminal setup, colours, signals. */
int	 term_init(void);
void	 term_done(void);
int	 term_active(void);
int	 term_colours(void);	/* colour pairs are usable */
int	 term_italic(void);	/* the terminal can show italics */
/* Next input: 1 with *code and *fkey set, 0 on no key (signal, timeout). */
int	 term_getkey(int *code, int *fkey);
int	 term_signalled(void);	/* the terminating signal, or 0 */
void	 term_clear(void);	/* next doupdate repaints everything */

/* Colour pairs term.c sets up. */
enum {
	PAIR_CODE = 1,
	PAIR_LINK,
	PAIR_REF,
	PAIR_CONTROL,
	PAIR_META,
};

/* draw.c: the only curses drawing calls. */
void	 draw_line(WINDOW *, int y, int x, int w, const struct layout_line *);
/* Plain UTF-8 (already sanitised) with one attribute; returns columns. */
int	 draw_text(WINDOW *, int y, int x, int w, const char *, size_t,
	    attr_t);
void	 draw_blank(WINDOW *, int y, int x, int w, attr_t);
void	 draw_erase(WINDOW *);
void	 draw_commit(WINDOW *);	/* wnoutrefresh */
void	 draw_flush(void);	/* the one doupdate per loop pass */
void	 draw_too_small(int cols, int rows);

/* pane.c: a pane is a small vtable object. */
struct pane;
struct pane_ops {
	const char	*name;
	void		(*layout)(struct pane *);	/* width or content */
	void		(*paint)(struct pane *);	/* draw into win */
	int		(*key)(struct pane *, enum action);	/* RE_* */
	void		(*resize)(struct pane *);	/* rect changed */
	void		(*free)(struct pane *);
};

struct pane {
	const struct pane_ops	*ops;
	struct app		*app;
	WINDOW			*win;	/* NULL while not shown */
	struct rect		 r;
	void			*data;
};

struct pane	*pane_new(const struct pane_ops *, struct app *, void *);
void		 pane_free(struct pane *);
/* Give a pane its rectangle; returns RE_LAYOUT when its width changed. */
int		 pane_place(struct pane *, const struct rect *);
int		 pane_shown(const struct pane *);
void		 pane_paint(struct pane *);	/* paint + wnoutrefresh */

/*
 * A viewport over a layout: the top line, anchored to a doc offset so a
 * new layout (resize) shows the same text at the top.
 */
struct pane_view {
	struct layout		*lay;
	struct layout_pos	 top;
	int			 rows;
	int			 empty;		/* the layout has no lines */
	int			 anchored;
	int			 anchor_block;
	size_t			 anchor_off;	/* LAYOUT_NO_OFF: use line */
	int			 anchor_line;
};
void	pane_view_set(struct pane_view *, struct layout *, int rows);
int	pane_view_scroll(struct pane_view *, int);	/* RE_PAINT or 0 */
int	pane_view_top(struct pane_view *);
int	pane_view_bottom(struct pane_view *);
int	pane_view_at_end(struct pane_view *);
/* The last line shown, for the percentage. */
int	pane_view_bottom_pos(struct pane_view *, struct layout_pos *);

/* pane_body.c, pane_help.c, status.c: the concrete panes. */
extern const struct pane_ops pane_body_ops;
extern const struct pane_ops pane_help_ops;
extern const struct pane_ops status_ops;
void	*pane_body_data(int max_width);
void	*pane_help_data(void);
void	*status_data(void);
/* Where the body is, for the status line. */
int	 pane_body_where(struct pane *, int *line, int *percent);
/* Copy s into out, every unsafe character replaced by its placeholder. */
void	 status_sanitise(const char *, size_t, struct buf *);

/* app.c: state and the event loop. */
struct app_opts {
	const char	*name;		/* file name shown in the status line */
	const char	*warning;	/* shown once at start, or NULL */
	int		 max_width;	/* wrap no wider than this; 0 = pane */
};

struct app {
	struct doc	*doc;
	char		*name;		/* sanitised */
	struct pane	*body;
	struct pane	*help;
	struct pane	*status;
	struct pane	*focus;
	struct arrange	 geo;
	int		 help_on;
	char		 msg[256];	/* one-shot status message */
};
/* Run the reader until q or a signal; returns the exit status. */
int	app_run(struct doc *, const struct app_opts *);
void	app_message(struct app *, const char *);

/* actions.c */
int	actions_run(struct app *, enum action);

#endif
