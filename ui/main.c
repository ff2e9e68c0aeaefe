/* Command line: options, locale, and the choice between printing and the full-screen reader. */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termcap.h>
#include <unistd.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/encoding.h"
#include "scholia/export.h"
#include "scholia/load.h"
#include "scholia/log.h"
#include "scholia/source.h"
#include "scholia/text.h"

#include "outconv.h"
#include "ui.h"

#ifndef SCHOLIA_VERSION
#define SCHOLIA_VERSION "0.0"
#endif
#define WIDTH_MAX	10000

enum mode {
	MODE_AUTO,	/* the reader on a terminal, else a dump */
	MODE_DUMP,
	MODE_EXPORT,
};

enum opt_long {
	OPT_DUMP = 256,
	OPT_WIDTH,
	OPT_EXPORT,
	OPT_TOC,
	OPT_NOTES,
	OPT_ENCODING,
	OPT_MARKDOWN,
	OPT_TEXT,
	OPT_AMBIGUOUS,
	OPT_REPLAY,
	OPT_REPLAY_REPORT,
};

static const struct option main_options[] = {
	{ "dump",		no_argument,		NULL, OPT_DUMP },
	{ "width",		required_argument,	NULL, OPT_WIDTH },
	{ "export",		required_argument,	NULL, OPT_EXPORT },
	{ "toc",		no_argument,		NULL, OPT_TOC },
	{ "notes",		no_argument,		NULL, OPT_NOTES },
	{ "encoding",		required_argument,	NULL, OPT_ENCODING },
	{ "markdown",		no_argument,		NULL, OPT_MARKDOWN },
	{ "text",		no_argument,		NULL, OPT_TEXT },
	{ "ambiguous-wide",	no_argument,		NULL, OPT_AMBIGUOUS },
	{ "replay",		required_argument,	NULL, OPT_REPLAY },
	{ "replay-report",	required_argument,	NULL, OPT_REPLAY_REPORT },
	{ "force",		no_argument,		NULL, 'f' },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 },
};

static const char main_usage[] =
"usage: scholia [options] [FILE]\n"
"Read a paper (Markdown or plain text) in the terminal. FILE may be \"-\"\n"
"for standard input; with no FILE, a pipe on stdin is read, else the\n"
"bundled sample paper opens.\n"
"\n"
"  --dump               print the laid-out text and exit\n"
"  --width N            lay out to N columns (default: the terminal, or 80)\n"
"  --export FORMAT      print the document model: json, toc, notes or tree\n"
"  --toc, --notes       short for --export toc, --export notes\n"
"  --encoding NAME      input charset: UTF-8, UTF-16LE/BE, GB18030, Big5\n"
"  --markdown, --text   parse as Markdown / as plain text, whatever it is\n"
"  --ambiguous-wide     count East Asian ambiguous characters as two columns\n"
"  --replay KEYFILE     take the reader's keys from KEYFILE and report how\n"
"                       long each took to draw (to stderr)\n"
"  --replay-report OUT  write that report to OUT instead\n"
"  -f, --force          show a file that looks binary\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"In the reader, h lists the keys; see scholia(1).\n";

static int		 main_usage_error(const char *, const char *);
static int		 main_width(const char *, int *);
static int		 main_term_width(void);
static const char	*main_default_file(void);
static int		 main_print(const struct doc *, enum mode, const char *,
			    int);
static int		 main_finish_output(void);
static int		 main_load_error(const char *, char *);
static int		 main_ask_binary(const char *);
static int		 main_term_unusable(struct buf *);
static void		 main_say(FILE *, const char *, const char *,
			     const char *);

/*
 * Print a message that holds a file name or other outside text (between
 * before and after, which are ours) with its control characters shown as
 * placeholders: a name may carry escape sequences.
 */
static void
main_say(FILE *f, const char *before, const char *outside, const char *after)
{
	struct buf	b = { 0 };

	status_sanitise(outside, strlen(outside), &b);
	fprintf(f, "%s%s%s", before, b.data != NULL ? b.data : "", after);
	buf_free(&b);
}

/* A wrong command line: one line on stderr and status 2. */
static int
main_usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "scholia: %s", what);
	if (arg != NULL)
		main_say(stderr, ": ", arg, "");
	fputs(" (try scholia --help)\n", stderr);
	return 2;
}

/* A --width argument: a whole number of columns, 1 to WIDTH_MAX. */
static int
main_width(const char *s, int *w)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > WIDTH_MAX)
		return -1;
	*w = (int)v;
	return 0;
}

static int
main_term_width(void)
{
	struct winsize	ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/*
 * With no FILE: a pipe or a file on stdin is the document; a terminal (or
 * /dev/null, as in CI) gets the sample, from the source tree when run from a
 * build, else the installed copy.
 */
static const char *
main_default_file(void)
{
	struct stat	st;

	if (!isatty(STDIN_FILENO) && fstat(STDIN_FILENO, &st) == 0 &&
	    (S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode) ||
	    S_ISSOCK(st.st_mode)))
		return "-";
#ifdef SCHOLIA_SAMPLE_SRC
	if (access(SCHOLIA_SAMPLE_SRC, R_OK) == 0)
		return SCHOLIA_SAMPLE_SRC;
#endif
#ifdef SCHOLIA_SAMPLE
	return SCHOLIA_SAMPLE;
#else
	return "-";
#endif
}

/* A file that cannot be loaded: its cause on stderr, status 1. */
static int
main_load_error(const char *file, char *cause)
{
	main_say(stderr, "scholia: ", cause != NULL ? cause : file, "\n");
	free(cause);
	return 1;
}

/*
 * A binary file about to be shown: ask on the terminal first, as less does,
 * before curses takes it. Returns 1 to show it; no terminal means no.
 */
static int
main_ask_binary(const char *file)
{
	FILE	*tty;
	char	 line[64];
	int	 yes;

	line[0] = '\0';
	if ((tty = fopen("/dev/tty", "r+")) == NULL)
		return 0;
	main_say(tty, "\"", file, "\" may be a binary file.  "
	    "See it anyway? [y/N] ");
	fflush(tty);
	yes = fgets(line, sizeof line, tty) != NULL &&
	    (line[0] == 'y' || line[0] == 'Y');
	if (!yes && strchr(line, '\n') == NULL)
		fputc('\n', tty);	/* EOF: end the question's line */
	fclose(tty);
	return yes;
}

/* Flush stdout; a closed pipe is a quiet failure, other errors are told. */
static int
main_finish_output(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	if (errno != EPIPE)
		fprintf(stderr, "scholia: write error: %s\n", strerror(errno));
	return 1;
}

/*
 * The non-interactive modes: the same core renderers, to stdout in the
 * locale's charset (JSON is UTF-8 whatever the locale).
 */
static int
main_print(const struct doc *d, enum mode mode, const char *format, int width)
{
	FILE	*out = stdout;
	int	 rc;

	if (mode != MODE_EXPORT || strcmp(format, "json") != 0)
		out = outconv_open(stdout, nl_langinfo(CODESET));
	if (mode != MODE_EXPORT)
		rc = export_dump(d, width, out);
	else if (strcmp(format, "json") == 0)
		rc = export_json(d, out);
	else if (strcmp(format, "toc") == 0)
		rc = export_toc(d, out);
	else if (strcmp(format, "notes") == 0)
		rc = export_notes(d, out);
	else
		rc = export_tree(d, out);
	if (out != stdout && fclose(out) != 0)
		rc = -1;
	if (rc != 0) {
		if (errno != EPIPE)
			fprintf(stderr, "scholia: write error: %s\n",
			    strerror(errno));
		return 1;
	}
	return main_finish_output();
}

/*
 * Whether the full-screen reader cannot run here, with why in *why: no
 * TERM, a type terminfo does not know, one that cannot move the cursor
 * (dumb, hard copy), or no terminal to read keys from. The caller prints
 * the text instead, as a pager does on such a terminal.
 */
static int
main_term_unusable(struct buf *why)
{
	const char	*t = getenv("TERM");
	struct buf	 name = { 0 };
	int		 fd, bad;

	if (t == NULL || *t == '\0') {
		buf_puts(why, "TERM is not set");
		return 1;
	}
	if (!isatty(STDIN_FILENO)) {
		if ((fd = open("/dev/tty", O_RDONLY | O_CLOEXEC)) == -1) {
			buf_printf(why, "no terminal to read keys from: %s",
			    strerror(errno));
			return 1;
		}
		close(fd);
	}
	/* termcap.h: terminfo's term.h would define a macro per capability */
	status_sanitise(t, strlen(t), &name);
	if (tgetent(NULL, t) != 1) {
		buf_printf(why, "unknown terminal type %s", name.data);
		buf_free(&name);
		return 1;
	}
	bad = tgetstr("cm", NULL) == NULL || tgetflag("gn") > 0 ||
	    tgetflag("hc") > 0;
	if (bad)
		buf_printf(why, "terminal type %s cannot move the cursor",
		    name.data);
	buf_free(&name);
	return bad;
}

/* Options first; then print (dump, export) or run the reader on a terminal. */
int
main(int argc, char **argv)
{
	struct load_opts	 lo = { 0 };
	struct source_opts	 so = { 0 };
	struct app_opts		 ao = { 0 };
	struct doc		*d = NULL;
	struct buf		 why = { 0 };
	struct load_job		*job = NULL;
	const struct doc	*head;
	enum mode		 mode = MODE_AUTO;
	enum encoding		 enc;
	const char		*format = NULL, *file, *name, *warning = NULL;
	const char		*keyfile = NULL, *report = NULL;
	char			*cause = NULL;
	int			 ch, width = 0, utf8, rc, sig;

	setlocale(LC_ALL, "");
	utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	signal(SIGPIPE, SIG_IGN);
	log_open();

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":fhV", main_options,
	    NULL)) != -1) {
		switch (ch) {
		case OPT_DUMP:
			mode = MODE_DUMP;
			break;
		case OPT_WIDTH:
			if (main_width(optarg, &width) != 0)
				return main_usage_error("bad width", optarg);
			break;
		case OPT_EXPORT:
			if (strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "toc") != 0 &&
			    strcmp(optarg, "notes") != 0 &&
			    strcmp(optarg, "tree") != 0)
				return main_usage_error("unknown export format",
				    optarg);
			mode = MODE_EXPORT;
			format = optarg;
			break;
		case OPT_TOC:
		case OPT_NOTES:
			mode = MODE_EXPORT;
			format = ch == OPT_TOC ? "toc" : "notes";
			break;
		case OPT_ENCODING:
			if (encoding_from_name(optarg, &enc) != 0)
				return main_usage_error("unknown encoding",
				    optarg);
			lo.encoding = optarg;
			break;
		case OPT_MARKDOWN:
			lo.format = LOAD_MARKDOWN;
			break;
		case OPT_TEXT:
			lo.format = LOAD_TEXT;
			break;
		case OPT_AMBIGUOUS:
			text_set_ambiguous_wide(1);
			break;
		case OPT_REPLAY:
			keyfile = optarg;
			break;
		case OPT_REPLAY_REPORT:
			report = optarg;
			break;
		case 'f':
			lo.allow_binary = 1;
			break;
		case 'h':
			fputs(main_usage, stdout);
			return main_finish_output();
		case 'V':
			printf("scholia %s\n", SCHOLIA_VERSION);
			return main_finish_output();
		case ':':
			return main_usage_error("option needs an argument",
			    argv[optind - 1]);
		default:
			return main_usage_error("unknown option",
			    argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		return main_usage_error("more than one file", argv[1]);
	file = argc == 1 ? argv[0] : main_default_file();

	if (keyfile != NULL && (mode != MODE_AUTO || !isatty(STDOUT_FILENO)))
		return main_usage_error("--replay needs the reader on a terminal",
		    NULL);
	if (mode == MODE_AUTO && !isatty(STDOUT_FILENO))
		mode = MODE_DUMP;
	if (mode == MODE_AUTO && main_term_unusable(&why)) {
		fprintf(stderr, "scholia: %s: printing the text instead\n",
		    why.data);
		buf_free(&why);
		mode = MODE_DUMP;
	}
	if (mode != MODE_AUTO) {
		lo.once = 1;
		if (load_file(file, &lo, &d, &cause) != 0)
			return main_load_error(file, cause);
		if (width == 0)
			width = isatty(STDOUT_FILENO) ? main_term_width() : 80;
		rc = main_print(d, mode, format, width);
		/* a release run leaves the doc to exit, which frees it faster */
#if !defined(NDEBUG) || defined(__SANITIZE_ADDRESS__)
		doc_free(d);
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
		doc_free(d);
#endif
#endif
		return rc;
	}

	if (!utf8) {
		/* curses needs a UTF-8 locale to draw the text at all; set
		   before the loading thread starts */
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "en_US.UTF-8");
		warning = "warning: the locale is not UTF-8";
	}
	if (keyfile != NULL && replay_open(keyfile, report, &cause) != 0) {
		main_say(stderr, "scholia: ", cause, "\n");
		free(cause);
		return 2;
	}
	if (!lo.allow_binary && strcmp(file, "-") != 0) {
		/* asked before loading: a pipe is read once, so only files */
		so.encoding = lo.encoding;
		if (source_sniff(file, &so)) {
			if (!main_ask_binary(file))
				return 1;
			lo.allow_binary = 1;
		}
	}
	/*
	 * A large file shows its head at once while the rest loads; stdin
	 * has no head and loads whole, refused early when it looks binary.
	 */
	if (strcmp(file, "-") == 0) {
		if (load_file(file, &lo, &d, &cause) != 0)
			return main_load_error(file, cause);
		head = NULL;
	} else if (load_begin(file, &lo, &job, &cause) != 0)
		return main_load_error(file, cause);
	else
		head = load_job_head(job);
	if (job != NULL && head == NULL &&
	    load_job_finish(job, &d, &cause) != 0) {
		load_job_free(job);
		return main_load_error(file, cause);
	}
	name = strcmp(file, "-") == 0 ? "(standard input)" : file;
	ao.name = name;
	/* a replay neither restores nor saves the reading place */
	ao.path = strcmp(file, "-") == 0 || keyfile != NULL ? NULL : file;
	ao.warning = warning;
	ao.max_width = width;
	rc = app_run(head != NULL ? head : d, head != NULL ? job : NULL, &ao);
	if (replay_finish() != 0 && rc == 0)
		rc = 1;
	if ((sig = term_signalled()) != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	if (job != NULL && !load_job_ready(job)) {
		/* quit before the rest was read: no waiting for it */
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	doc_free(d);
	load_job_free(job);
	return rc;
}
