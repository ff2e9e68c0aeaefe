/* Terminal setup and teardown: curses, colours, signals, the fatal hook. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scholia/xmalloc.h"

#include "ui.h"

static void	term_on_signal(int);
static void	term_fatal_hook(void);
static void	term_setup_colours(void);

static volatile sig_atomic_t	term_sig;
static SCREEN			*term_screen;
static FILE			*term_in;	/* /dev/tty if stdin is a pipe */
static int			 term_has_colour;
static int			 term_has_italic;

/* Handlers only record the signal; the loop sees it when input returns. */
static void
term_on_signal(int sig)
{
	term_sig = sig;
}

/* Called by fatal() before it prints, so the message lands on a sane tty. */
static void
term_fatal_hook(void)
{
	term_done();
}

/* Colours if the terminal has them and NO_COLOR does not forbid them. */
static void
term_setup_colours(void)
{
	const char	*nc = getenv("NO_COLOR");
	short		 bg = -1;

	term_has_colour = 0;
	if ((nc != NULL && *nc != '\0') || !has_colors())
		return;
	if (start_color() == ERR || COLOR_PAIRS < 8)
		return;
	if (use_default_colors() == ERR)
		bg = COLOR_BLACK;
	init_pair(PAIR_CODE, COLOR_GREEN, bg);
	init_pair(PAIR_LINK, COLOR_BLUE, bg);
	init_pair(PAIR_REF, COLOR_YELLOW, bg);
	init_pair(PAIR_CONTROL, COLOR_MAGENTA, bg);
	init_pair(PAIR_META, COLOR_CYAN, bg);
	init_pair(PAIR_HIT, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_CUR, COLOR_WHITE, COLOR_RED);
	init_pair(PAIR_SEL, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_TITLE, COLOR_BLACK, COLOR_CYAN);
	term_has_colour = 1;
}

/*
 * Start curses on the terminal. Keys come from stdin if it is a terminal,
 * else from /dev/tty (the document came down a pipe). Returns 0 or -1.
 */
int
term_init(void)
{
	struct sigaction	 sa;
	const char		*sitm;
	int			 sigs[] = { SIGINT, SIGTERM, SIGHUP };
	size_t			 i;

	if (term_screen != NULL)
		return 0;
	if (!isatty(STDIN_FILENO)) {
		term_in = fopen("/dev/tty", "r");
		if (term_in == NULL)
			return -1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = term_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: input returns on a signal */
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);

	term_screen = newterm(NULL, stdout, term_in != NULL ? term_in : stdin);
	if (term_screen == NULL) {
		if (term_in != NULL)
			fclose(term_in);
		term_in = NULL;
		return -1;
	}
	xmalloc_set_fatal_hook(term_fatal_hook);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	term_setup_colours();
	/* presses, not clicks: no wait to tell a click from a drag */
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	sitm = tigetstr("sitm");
	term_has_italic = sitm != NULL && sitm != (char *)-1;
	/* stdscr is never drawn on, so input never repaints it over panes */
	wnoutrefresh(stdscr);
	return 0;
}

/* Restore the terminal; safe to call twice and from the fatal hook. */
void
term_done(void)
{
	if (term_screen == NULL)
		return;
	endwin();
	fflush(stdout);
	delscreen(term_screen);
	term_screen = NULL;
	if (term_in != NULL)
		fclose(term_in);
	term_in = NULL;
}

int
term_active(void)
{
	return term_screen != NULL;
}

int
term_colours(void)
{
	return term_has_colour;
}

int
term_italic(void)
{
	return term_has_italic;
}

int
term_signalled(void)
{
	return term_sig;
}

void
term_clear(void)
{
	clearok(curscr, TRUE);
}

/* Wait for a key; 0 when a signal or resize interrupted the wait. */
int
term_getkey(int *code, int *fkey)
{
	wint_t	wc;
	int	rc;

	rc = wget_wch(stdscr, &wc);
	if (rc == ERR)
		return 0;
	*code = (int)wc;
	*fkey = rc == KEY_CODE_YES;
	return 1;
}

void
term_timeout(int ms)
{
	wtimeout(stdscr, ms);
}

/* The mouse event behind a KEY_MOUSE: 1 with its cell and buttons. */
int
term_mouse(int *y, int *x, unsigned long *bstate)
{
	MEVENT	ev;

	if (getmouse(&ev) != OK)
		return 0;
	*y = ev.y;
	*x = ev.x;
	*bstate = (unsigned long)ev.bstate;
	return 1;
}
