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
#include "scholia/nav.h"

struct doc;
struct buf;
struct app;
struct search;
struct search_index;
struct state;
struct load_job;

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
#define ARRANGE_NOTES_TITLE 0x4	/* notes below the body: title line only */
#define ARRANGE_MIN_COLS 20	/* below this the panes give up */
#define ARRANGE_MIN_ROWS 6
#define ARRANGE_SIDE_COLS 140	/* from this width the notes are a column */

struct arrange {
	struct rect	 body;
	struct rect	 notes;
	struct rect	 outline;
	struct rect	 status;
	int		 too_small;	/* only a "too small" note fits */
	int		 notes_side;	/* notes right of the body, not below */
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
	ACT_HEAD_PREV,
	ACT_HEAD_NEXT,
	ACT_GOTO,
	ACT_FOCUS_NEXT,
	ACT_FOCUS_PREV,
	ACT_OUTLINE,
	ACT_NOTES,
	ACT_NOTES_MODE,
	ACT_REF_NEXT,
	ACT_REF_PREV,
	ACT_ENTER,
	ACT_PEEK,
	ACT_BACK,
	ACT_FORWARD,
	ACT_SEARCH,
	ACT_SEARCH_BACK,
	ACT_MATCH_NEXT,
	ACT_MATCH_PREV,
	ACT_KEYWORDS,
	ACT_FOLD,
	ACT_UNFOLD,
	ACT_FOLD_ENTRY,
	ACT_UNFOLD_ENTRY,
	ACT_CANCEL,
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
int	 term_mouse(int *y, int *x, unsigned long *bstate);
void	 term_timeout(int ms);	/* input waits at most ms; -1: for ever */

/* Colour pairs term.c sets up. */
enum {
	PAIR_CODE = 1,
	PAIR_LINK,
	PAIR_REF,
	PAIR_CONTROL,
	PAIR_META,
	PAIR_HIT,	/* search matches */
	PAIR_CUR,	/* the current match */
	PAIR_SEL,	/* the selected reference and its note */
	PAIR_TITLE,	/* pane titles and borders of the focused pane */
};

/* draw.c: the only curses drawing calls. */
void	 draw_line(WINDOW *, int y, int x, int w, const struct layout_line *);
/* A doc text range drawn in another attribute: search hits. */
struct draw_mark {
	size_t	 off;
	size_t	 end;
	int	 current;	/* the current match */
};
/* A layout line with marks and the selected reference standing out. */
void	 draw_line_marked(WINDOW *, int y, int x, int w,
	    const struct layout_line *, const struct draw_mark *, int nmarks,
	    int sel_ref);
/* Box lines: a vertical rule at column x, a horizontal title row. */
void	 draw_vrule(WINDOW *, int x, int y, int h);
void	 draw_title(WINDOW *, int y, int w, const char *, int focused);
/* A bordered box with a title (popups). */
void	 draw_box(WINDOW *, const char *title);
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
	void		(*reset)(struct pane *);	/* a new doc */
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
void	pane_view_show(struct pane_view *, struct layout_pos, int context);
int	pane_view_row_of(struct pane_view *, struct layout_pos);
/* The last line shown, for the percentage. */
int	pane_view_bottom_pos(struct pane_view *, struct layout_pos *);

/* pane_body.c, pane_help.c, status.c: the concrete panes. */
extern const struct pane_ops pane_body_ops;
extern const struct pane_ops pane_help_ops;
extern const struct pane_ops pane_notes_ops;
extern const struct pane_ops pane_toc_ops;
extern const struct pane_ops pane_popup_ops;
extern const struct pane_ops status_ops;
void	*pane_body_data(int max_width);
void	*pane_help_data(void);
void	*pane_notes_data(void);
void	*pane_toc_data(void);
void	*pane_popup_data(void);
void	*status_data(void);
/* Where the body is, for the status line. */
int	 pane_body_where(struct pane *, int *line, int *percent);
int	 pane_body_last_line(const struct doc *);
void	 pane_body_relined(struct pane *);	/* the doc's lines changed */
/* The top of the body; off is LAYOUT_NO_OFF for the blank before a block. */
struct nav_pos	 pane_body_pos(struct pane *);
/* The block being read, for the outline mark and status; -1: none. */
int	 pane_body_reading(struct pane *);
/* The same as a text position (a blank top is its block's start). */
struct nav_pos	 pane_body_text_pos(struct pane *);
/* Show pos: at the top, or (visible) scrolled only if off screen. */
#define BODY_TOP	0
#define BODY_VISIBLE	1
int	 pane_body_goto(struct pane *, struct nav_pos, int how);
/* The references on screen in order, with their rows; returns how many. */
int	 pane_body_refs(struct pane *, int *refs, int *rows, int max);
/* The selected reference (-1: none); select one, scrolling to it. */
int	 pane_body_sel(struct pane *);
int	 pane_body_select(struct pane *, int ref);
/* The reference drawn at a cell of the body, or -1. */
int	 pane_body_ref_at(struct pane *, int row, int col);

/* pane_notes.c: notes following the body, or all of them. */
int	 pane_notes_sel(struct pane *);	/* selected note or -1 */
int	 pane_notes_show(struct pane *, int note);	/* select, scroll to */
int	 pane_notes_all(struct pane *);	/* 1 when showing all notes */
void	 pane_notes_set_all(struct pane *, int);
int	 pane_notes_note_at(struct pane *, int row);	/* -1 if none */
/* Following, and no reference in the body's first rows has a note. */
int	 pane_notes_none(struct pane *, int rows);
/* pane_toc.c: the outline. */
int	 pane_toc_heading_at(struct pane *, int row);	/* -1 if none */
/* The heading the reader is in (last at or before block), or -1. */
int	 pane_toc_current(const struct doc *, int block);

/* pane_popup.c: a box over the body: a peeked note or the keywords. */
enum popup_kind {
	POPUP_NONE,
	POPUP_NOTE,
	POPUP_KEYWORDS,
};
void	 pane_popup_note(struct pane *, int note);
void	 pane_popup_keywords(struct pane *);
enum popup_kind	 pane_popup_kind(struct pane *);
/*
 * The keyword index counts its words between keys: whether counting is
 * left, and a slice of it (RE_* bits when a count shown changed).
 */
int		 pane_popup_busy(struct pane *);
int		 pane_popup_idle(struct pane *);
/* The rectangle of a popup over the body for rows of contents. */
void	 pane_popup_rect(const struct rect *body, enum popup_kind, int rows,
	    int avoid, struct rect *);
int	 pane_popup_rows(struct pane *, int w);

/* prompt.c: the one-line editor for / ? and :, on the status row. */
struct prompt {
	int		 active;
	int		 kind;		/* '/', '?' or ':' */
	char		 text[512];	/* UTF-8, edited at its end */
	size_t		 len;
};
void	 prompt_open(struct app *, int kind);
/* A key while the prompt is open: RE_* bits. */
int	 prompt_key(struct app *, int code, int fkey);
void	 prompt_paint(struct app *, WINDOW *, int w);

/* find.c: search state over the prompt and the core search. */
void	 find_begin(struct app *, int backward);
int	 find_update(struct app *, const char *, size_t);	/* incremental */
int	 find_accept(struct app *);
int	 find_cancel(struct app *);
int	 find_step(struct app *, int forward);	/* n, N */
int	 find_word(struct app *, const char *);	/* search it, jump */
int	 find_clear(struct app *);
void	 find_status(struct app *, char *, size_t);	/* "/word 3/17" */
/* The search hits of a block overlapping [off, end), as draw marks. */
int	 find_marks(struct app *, int block, size_t off, size_t end,
	    struct draw_mark *, int max);
/* A search for w with nothing scanned yet (the keyword index counts it). */
struct search	*find_word_search(struct app *, const char *);
void	 find_begin_again(struct app *);	/* a new doc under the prompt */
void	 find_again(struct app *, const char *);	/* a new doc */
/* The full doc replaced the part shown: hit is the old current hit carried
   to it (block -1: none); a search that waited shows its first hit. */
int	 find_loaded(struct app *, struct nav_pos hit);
#define FIND_WAIT_MSG	"searching\xe2\x80\xa6 (file still loading)"
/*
 * The search scans from the reader's place a slice at a time: what a key
 * cannot find in its slice is looked for between keys (find_busy says so,
 * find_idle does a slice and returns RE_* bits), and so is the count.
 */
#define FIND_PEND_FIRST	1	/* the query's first hit */
#define FIND_PEND_STEP	2	/* n or N */
int	 find_busy(struct app *);
int	 find_idle(struct app *);
/* The prompt's right side: "3/17", "not found", "counting…", "searching…". */
void	 find_count_text(struct app *, char *, size_t);

/* jump.c: jumps between body, notes and outline, and the jump list. */
struct nav_pos	 jump_here(struct app *);
int	 jump_to(struct app *, struct nav_pos);	/* no history */
int	 jump_push(struct app *);	/* remember here before a jump */
void	 jump_remember(struct app *, struct nav_pos);	/* a place */
int	 jump_back(struct app *, int forward);
int	 jump_ref_to_note(struct app *, int ref);
int	 jump_note_to_ref(struct app *, int note);
int	 jump_heading(struct app *, int heading);
int	 jump_goto(struct app *, const char *);	/* ":" : "40%" or a line */
int	 jump_next_heading(struct app *, int forward);
int	 jump_select_ref(struct app *, int forward);
int	 jump_peek(struct app *);

/* loading.c: the full doc replaces the head when the job is done. */
int	loading_poll(struct app *);	/* RE_* bits; 0 while loading */
void	loading_status(struct app *, char *, size_t);	/* "loading 40%" */
/* G while loading: the end of the file at once (RE_* bits, -1: none). */
int	loading_end(struct app *);
/*
 * A search with no hit past the reading place in the head: the end of the
 * file is searched too and, when it has a hit, shown (from is remembered
 * in the jump list first). RE_* bits, or -1 when it has none.
 */
int	loading_find(struct app *, const char *, struct nav_pos from);
/*
 * The end of the file shown before the lines ahead of it are counted: its
 * lines become the file's here (RE_* bits when they just did; wait: until
 * they do). loading_exact() is 0 while the doc shown is such an end.
 */
int	loading_settle(struct app *, int wait);
int	loading_exact(struct app *);
/* g while the end is shown: the head again (RE_* bits, -1: not shown). */
int	loading_start(struct app *);
/*
 * While the head or the end is shown, a jump list entry says which of the
 * two it is in: a place as an entry, and an entry back as a place, showing
 * the part it is in (RE_* bits; pos->block -1 when it is in neither).
 */
struct nav_pos	 loading_mark(struct app *, struct nav_pos);
int	loading_place(struct app *, struct nav_pos, struct nav_pos *);
/*
 * A jump list over head and end (an entry of the end has its block numbered
 * after the head's blocks) as a new list over the full doc (load_map); the
 * old one is left walked to its ends, to be freed.
 */
struct nav	*loading_carry_jumps(struct nav *, const struct doc *head,
		    const struct doc *tail, const struct doc *full);

/* mouse.c: mouse events to panes, pure so it can be tested. */
enum mouse_kind {
	MOUSE_NONE,
	MOUSE_CLICK,
	MOUSE_WHEEL_UP,
	MOUSE_WHEEL_DOWN,
};
enum mouse_pane {
	MPANE_NONE,
	MPANE_BODY,
	MPANE_NOTES,
	MPANE_OUTLINE,
	MPANE_STATUS,
};
struct mouse_hit {
	enum mouse_kind	 kind;
	enum mouse_pane	 pane;
	int		 row;	/* inside the pane */
	int		 col;
};
enum mouse_kind	 mouse_kind_of(unsigned long bstate);
void	 mouse_route(const struct arrange *, int y, int x, enum mouse_kind,
	    struct mouse_hit *);
/* Copy s into out, every unsafe character replaced by its placeholder. */
void	 status_sanitise(const char *, size_t, struct buf *);

/* replay.c: keys from a file instead of the keyboard (--replay), timed. */
enum replay_kind {
	REPLAY_KEY,
	REPLAY_RESIZE,
	REPLAY_WAIT,	/* until the whole file is loaded */
	REPLAY_SLEEP,
};
struct replay_step {
	enum replay_kind kind;
	int		 code;		/* REPLAY_KEY: as term_getkey gives */
	int		 fkey;
	int		 arg1;		/* columns, or ms to sleep */
	int		 arg2;		/* rows */
	int		 line;		/* of the key file */
	char		 row[64];	/* the report row it is timed on */
};
int	 replay_parse(const char *, size_t, struct replay_step **, size_t *,
	    char **cause);
int	 replay_open(const char *keyfile, const char *report, char **cause);
int	 replay_on(void);
/* The next key: 1 with it, 0 while waiting (go on polling), -1: the end. */
int	 replay_getkey(struct app *, int *code, int *fkey);
void	 replay_drawn(void);	/* the screen for the key taken is up */
int	 replay_finish(void);	/* the report, once the terminal is back */
/* Latencies by row name, and their table (for the unit test too). */
struct replay_stats;
struct replay_stats *replay_stats_new(void);
void	 replay_stats_free(struct replay_stats *);
void	 replay_stats_add(struct replay_stats *, const char *row, double ms,
	    int counted);
void	 replay_stats_print(const struct replay_stats *, struct buf *);
double	 replay_percentile(const double *sorted, size_t n, double p);

/* app.c: state and the event loop. */
struct app_opts {
	const char	*name;		/* file name shown in the status line */
	const char	*path;		/* for saved positions, NULL: none */
	const char	*warning;	/* shown once at start, or NULL */
	int		 max_width;	/* wrap no wider than this; 0 = pane */
};

struct app {
	const struct doc *doc;		/* the head of a file still loading */
	struct load_job	*job;		/* loading the rest, or NULL */
	struct doc	*full;		/* the full doc it gave, ours to free */
	const struct doc *head;		/* the head, while loading */
	const struct doc *tail;		/* the end of the file, once shown */
	int		 tail_exact;	/* its lines are the file's (not
					   yet while they are counted) */
	int		 moved;		/* a key was pressed */
	int		 restore;	/* a saved place waits for the full doc */
	char		*name;		/* sanitised */
	struct pane	*body;
	struct pane	*notes;
	struct pane	*toc;
	struct pane	*help;
	struct pane	*popup;
	struct pane	*status;
	struct pane	*focus;
	struct arrange	 geo;
	int		 help_on;
	int		 notes_on;
	int		 notes_title;	/* notes below: title only, for
					   none in the body's first rows
					   (this many), else 0 */
	int		 toc_on;
	struct nav	*nav;		/* the jump list */
	struct prompt	 prompt;
	struct search_index *sidx;	/* made on the first search */
	struct search	*search;	/* the search shown, or NULL */
	char		*query;
	long		 match;		/* current match, -1 none */
	int		 backward;	/* the search went with ? */
	struct search	*saved;		/* the search before the prompt */
	char		*saved_query;
	long		 saved_match;
	int		 saved_backward;
	struct nav_pos	 origin;	/* where the prompt opened */
	int		 find_wait;	/* no hit in the part read: the
					   full doc will be searched */
	int		 find_pend;	/* a hit looked for between keys:
					   FIND_PEND_* */
	int		 find_pend_fw;	/* a step's way, reading order */
	int		 find_pend_jump; /* the prompt closed meanwhile:
					   remember the origin when found */
	int		 origin_focus_notes;
	int		 cycle_note;	/* Enter on a note: last note */
	int		 cycle_k;	/* and which of its refs */
	char		 msg[256];	/* one-shot status message */
};
/*
 * Run the reader until q or a signal; returns the exit status. With a job,
 * doc is its head, shown until the full doc is ready.
 */
int	app_run(const struct doc *, struct load_job *, const struct app_opts *);
void	app_message(struct app *, const char *);
/* The panes a mouse event or Tab can reach, in focus order. */
int	app_focus_step(struct app *, int forward);

/* actions.c */
int	actions_run(struct app *, enum action);

#endif
