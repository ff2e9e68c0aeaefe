/* Terminal setup and teardown: curses, colours, signals, the fatal hook. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "scholia/xmalloc.h"

#include "ui.h"

static void	term_on_signal(int);
static void	term_on_freeze(int);
static void	term_freeze_main(void);
static void	term_fatal_hook(void);
static void	term_on_crash(int);
static void	term_crash_handlers(void (*)(int));
static void	term_undo_add(const char *);
static void	term_undo(void);
static void	term_at_exit(void);
static void	term_setup_colours(void);

static volatile sig_atomic_t	term_sig;
static volatile sig_atomic_t	term_frozen;	/* the main thread is stopped */
static volatile sig_atomic_t	term_undoing;	/* the fatal hook is running */
static pthread_t		term_main;	/* the thread that draws */
static struct termios		term_tty;	/* its modes before curses */
static int			term_tty_fd = -1;
static char			term_undo_seq[256]; /* what endwin would send */
static size_t			term_undo_len;
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

/*
 * The main thread, told by a thread dying of a fatal error, stops drawing
 * for good: the process is about to exit from the other thread.
 */
static void
term_on_freeze(int sig)
{
	(void)sig;
	term_frozen = 1;
	for (;;)
		pause();
}

/*
 * Stop the main thread before another thread restores the terminal: left
 * running, its next refresh would go back into curses mode (alternate
 * screen, no echo) after endwin, and exit() would leave the terminal so.
 */
static void
term_freeze_main(void)
{
	struct timespec	ts = { 0, 1000000 };
	int		i;

	if (pthread_kill(term_main, SIGUSR2) != 0)
		return;
	/* it may be blocked in a system call: a signal ends that at once */
	for (i = 0; i < 1000 && !term_frozen; i++)
		nanosleep(&ts, NULL);
}

/*
 * Called by fatal() before it prints, so the message lands on a sane tty.
 * From a loading thread, the main thread may be inside curses, which is
 * not for two threads: the terminal is undone by hand at once (another
 * thread failing too may exit any moment), then again once the main
 * thread is stopped, in case it drew in between.
 */
static void
term_fatal_hook(void)
{
	int	saved = errno;

	if (term_screen == NULL)
		return;
	term_undoing = 1;	/* crash handlers stay: another thread may abort */
	if (pthread_equal(pthread_self(), term_main)) {
		/* out of memory, curses may fail too: undo by hand first */
		term_undo();
		term_done();
	} else {
		term_undo();
		term_freeze_main();
		term_undo();
	}
	term_undoing = 0;
	errno = saved;
}

/*
 * A crash (abort() from a library out of memory, a fault) would leave the
 * terminal in the alternate screen with echo off: undo what curses did
 * with async-signal-safe calls only, then die of the signal as before.
 */
static void
term_on_crash(int sig)
{
	term_undo();
	if (!pthread_equal(pthread_self(), term_main)) {
		term_freeze_main();
		term_undo();
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Set the handler of the crash signals; under sanitizers only SIGABRT, as
 * theirs report the faults.
 */
static void
term_crash_handlers(void (*fn)(int))
{
	struct sigaction	 sa;
	int			 sigs[] = { SIGABRT, SIGSEGV, SIGBUS, SIGILL,
				    SIGFPE };
	size_t			 i, n = sizeof sigs / sizeof sigs[0];

#if defined(__SANITIZE_ADDRESS__)
	n = 1;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
	n = 1;
#endif
#endif
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigfillset(&sa.sa_mask);
	sa.sa_flags = fn == SIG_DFL ? 0 : SA_RESETHAND;
	for (i = 0; i < n; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Add a string, without terminfo padding, to the undo sequence. */
static void
term_undo_add(const char *s)
{
	const char	*e;

	if (s == NULL || s == (char *)-1)
		return;
	for (; *s != '\0'; s++) {
		if (s[0] == '$' && s[1] == '<' && (e = strchr(s, '>')) != NULL) {
			s = e;
			continue;
		}
		if (term_undo_len < sizeof term_undo_seq)
			term_undo_seq[term_undo_len++] = *s;
	}
}

/*
 * Leave curses by hand: the modes first and at once (a thread failing at
 * the same time may exit any moment), then mouse, attributes, cursor,
 * keypad and screen.
 */
static void
term_undo(void)
{
	ssize_t	n = 0;

	if (term_tty_fd != -1)
		tcsetattr(term_tty_fd, TCSANOW, &term_tty);
	if (term_undo_len > 0)
		n = write(STDOUT_FILENO, term_undo_seq, term_undo_len);
	(void)n;
}

/*
 * The main thread ending the program (a quit key, a signal) while a
 * loading thread is in the fatal hook waits for the terminal to be undone.
 */
static void
term_at_exit(void)
{
	struct timespec	ts = { 0, 1000000 };
	int		i;

	for (i = 0; i < 1000 && term_undoing; i++)
		nanosleep(&ts, NULL);
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
	static int		 registered;
	const char		*sitm, *kmous;
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
	term_main = pthread_self();
	sa.sa_handler = term_on_freeze;
	sigfillset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);

	term_tty_fd = term_in != NULL ? fileno(term_in) : STDIN_FILENO;
	if (tcgetattr(term_tty_fd, &term_tty) == -1)
		term_tty_fd = -1;
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
	term_undo_len = 0;
	kmous = tigetstr("kmous");
	if (kmous != NULL && kmous != (char *)-1)	/* xterm's, as curses */
		term_undo_add("\033[?1006l\033[?1000l");
	term_undo_add(tigetstr("sgr0"));
	term_undo_add(tigetstr("cnorm"));
	term_undo_add(tigetstr("rmkx"));
	term_undo_add(tigetstr("rmcup"));
	term_crash_handlers(term_on_crash);
	if (!registered) {
		atexit(term_at_exit);
		registered = 1;
	}
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
	term_crash_handlers(SIG_DFL);
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
