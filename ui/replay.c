/* Replay: keys read from a file instead of the keyboard, each timed until its screen is drawn. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scholia/buf.h"
#include "scholia/log.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define REPLAY_NAP_MS	5	/* between looks while waiting */
#define REPLAY_REPEAT_MAX 100000

/* One row of the report: a key name and its latencies. */
struct replay_row {
	char		*name;
	int		 counted;	/* part of the "all keys" row */
	double		*ms;
	size_t		 n;
	size_t		 cap;
};

struct replay_stats {
	struct replay_row	*rows;
	size_t			 nrows;
	size_t			 cap;
};

/* The replay under way (one per process, like the terminal). */
static struct {
	struct replay_step	*steps;
	size_t			 nsteps;
	size_t			 at;		/* next step */
	char			*out;		/* report file, NULL: stderr */
	struct replay_stats	*stats;
	const char		*timing;	/* row of the key in flight */
	int			 counted;
	struct timespec		 t0;		/* when it was taken */
	int			 waiting;	/* a wait or sleep under way */
	struct timespec		 w0;
} replay;

static double	replay_now_ms(const struct timespec *);
static int	replay_key_name(const char *, size_t, int *, int *);
static int	replay_push_prompt(struct replay_step **, size_t *, size_t *,
		    const char *, size_t, int);
static void	replay_push(struct replay_step **, size_t *, size_t *,
		    const struct replay_step *);
static int	replay_cmp(const void *, const void *);
static void	replay_line(struct buf *, const char *, double *, size_t);
static struct replay_row *replay_row(struct replay_stats *, const char *,
		    int);

/* Milliseconds since t0 on the monotonic clock. */
static double
replay_now_ms(const struct timespec *t0)
{
	struct timespec	t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/*
 * A key by the name the key table gives it (Space, PgDn, Ctrl-O), or one
 * character standing for itself. Returns 0, or -1 for no such key.
 */
static int
replay_key_name(const char *s, size_t n, int *code, int *fkey)
{
	size_t	i;
	wchar_t	wc;
	int	len;

	for (i = 0; i < keys_count; i++) {
		if (strlen(keys_table[i].name) == n &&
		    memcmp(keys_table[i].name, s, n) == 0) {
			*code = keys_table[i].code;
			*fkey = keys_table[i].fkey;
			return 0;
		}
	}
	if (n == 0 || (len = mbtowc(&wc, s, n)) <= 0 || (size_t)len != n)
		return -1;
	*code = (int)wc;
	*fkey = 0;
	return 0;
}

static void
replay_push(struct replay_step **v, size_t *n, size_t *cap,
    const struct replay_step *s)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = *s;
}

/*
 * "/word", "?word" or ":40%": the key opening the prompt, each character
 * typed, and Enter, each timed on a row of its own. Returns 0 or -1.
 */
static int
replay_push_prompt(struct replay_step **v, size_t *n, size_t *cap,
    const char *s, size_t len, int line)
{
	struct replay_step	st;
	wchar_t			wc;
	size_t			i = 1;
	int			k;

	memset(&st, 0, sizeof st);
	st.kind = REPLAY_KEY;
	st.line = line;
	st.code = (unsigned char)s[0];
	snprintf(st.row, sizeof st.row, "%c", s[0]);
	replay_push(v, n, cap, &st);
	snprintf(st.row, sizeof st.row, "%c typed", s[0]);
	while (i < len) {
		if ((k = mbtowc(&wc, s + i, len - i)) <= 0)
			return -1;
		st.code = (int)wc;
		replay_push(v, n, cap, &st);
		i += (size_t)k;
	}
	st.code = '\r';
	snprintf(st.row, sizeof st.row, "%c Enter", s[0]);
	replay_push(v, n, cap, &st);
	return 0;
}

/*
 * A key file: one step a line. A key name (as the key table has it) or a
 * character, optionally followed by "*N" to repeat it; "/text", "?text" or
 * ":text" to type into a prompt and press Enter; "resize COLSxROWS"; "wait"
 * for the whole file to be loaded; "sleep MS". Blank lines and lines
 * starting with # are skipped. Returns 0, or -1 with the cause.
 */
int
replay_parse(const char *text, size_t len, struct replay_step **out,
    size_t *nout, char **cause)
{
	struct replay_step	*v = NULL, st;
	const char		*p = text, *end = text + len, *e, *star;
	size_t			 n = 0, cap = 0, ln;
	long			 rep, a, b;
	int			 line = 0, i;
	char			 buf[64], x;

	*cause = NULL;
	while (p < end) {
		line++;
		e = memchr(p, '\n', (size_t)(end - p));
		if (e == NULL)
			e = end;
		ln = (size_t)(e - p);
		while (ln > 0 && (p[ln - 1] == ' ' || p[ln - 1] == '\t' ||
		    p[ln - 1] == '\r'))
			ln--;
		while (ln > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			ln--;
		}
		memset(&st, 0, sizeof st);
		st.line = line;
		if (ln == 0 || *p == '#')
			goto next;
		if (ln > 1 && (*p == '/' || *p == '?' || *p == ':')) {
			if (replay_push_prompt(&v, &n, &cap, p, ln, line) != 0)
				goto bad;
			goto next;
		}
		if (ln >= sizeof buf)
			goto bad;
		memcpy(buf, p, ln);
		buf[ln] = '\0';
		if (strcmp(buf, "wait") == 0) {
			st.kind = REPLAY_WAIT;
			snprintf(st.row, sizeof st.row, "wait (load)");
			replay_push(&v, &n, &cap, &st);
			goto next;
		}
		if (sscanf(buf, "sleep %ld%c", &a, &x) == 1) {
			if (a < 0 || a > 600000)
				goto bad;
			st.kind = REPLAY_SLEEP;
			st.arg1 = (int)a;
			replay_push(&v, &n, &cap, &st);
			goto next;
		}
		if (sscanf(buf, "resize %ldx%ld%c", &a, &b, &x) == 2) {
			if (a < 1 || b < 1 || a > 10000 || b > 10000)
				goto bad;
			st.kind = REPLAY_RESIZE;
			st.arg1 = (int)a;
			st.arg2 = (int)b;
			snprintf(st.row, sizeof st.row, "resize");
			replay_push(&v, &n, &cap, &st);
			goto next;
		}
		rep = 1;
		star = strrchr(buf, '*');
		if (star != NULL && star > buf + 1 && star[-1] == ' ') {
			if (sscanf(star + 1, "%ld%c", &rep, &x) != 1 ||
			    rep < 1 || rep > REPLAY_REPEAT_MAX)
				goto bad;
			ln = (size_t)(star - buf);
			while (ln > 0 && buf[ln - 1] == ' ')
				ln--;
			buf[ln] = '\0';
		}
		st.kind = REPLAY_KEY;
		if (replay_key_name(buf, ln, &st.code, &st.fkey) != 0)
			goto bad;
		snprintf(st.row, sizeof st.row, "%s", buf);
		for (i = 0; i < rep; i++)
			replay_push(&v, &n, &cap, &st);
next:
		p = e < end ? e + 1 : end;
	}
	*out = v;
	*nout = n;
	return 0;
bad:
	xasprintf(cause, "line %d: not a key or step: %.*s", line,
	    (int)(ln > 40 ? 40 : ln), p);
	free(v);
	return -1;
}

/* Read the key file before curses starts; 0, or -1 with the cause. */
int
replay_open(const char *path, const char *out, char **cause)
{
	FILE		*f;
	struct buf	 b = { 0 };
	char		 chunk[4096], *why;
	size_t		 r;

	if ((f = fopen(path, "r")) == NULL) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((r = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, r);
	fclose(f);
	if (replay_parse(b.data != NULL ? b.data : "", b.len, &replay.steps,
	    &replay.nsteps, &why) != 0) {
		xasprintf(cause, "%s: %s", path, why);
		free(why);
		buf_free(&b);
		return -1;
	}
	buf_free(&b);
	replay.out = out != NULL ? xstrdup(out) : NULL;
	replay.stats = replay_stats_new();
	return 0;
}

int
replay_on(void)
{
	return replay.stats != NULL;
}

/*
 * The next key of the file: 1 with it, 0 while a wait or sleep lasts (the
 * loop goes on polling the load), -1 at the end of the file.
 */
int
replay_getkey(struct app *app, int *code, int *fkey)
{
	struct replay_step	*st;
	double			 ms;

	for (;;) {
		if (replay.at >= replay.nsteps)
			return -1;
		st = &replay.steps[replay.at];
		if (st->kind != REPLAY_WAIT && st->kind != REPLAY_SLEEP)
			break;
		if (!replay.waiting) {
			replay.waiting = 1;
			clock_gettime(CLOCK_MONOTONIC, &replay.w0);
		}
		ms = replay_now_ms(&replay.w0);
		if ((st->kind == REPLAY_WAIT && app->job != NULL) ||
		    (st->kind == REPLAY_SLEEP && ms < st->arg1)) {
			napms(REPLAY_NAP_MS);
			return 0;
		}
		if (st->kind == REPLAY_WAIT)
			replay_stats_add(replay.stats, st->row, ms, 0);
		replay.waiting = 0;
		replay.at++;
	}
	replay.at++;
	if (st->kind == REPLAY_RESIZE) {
		resizeterm(st->arg2, st->arg1);
		*code = KEY_RESIZE;
		*fkey = 1;
	} else {
		*code = st->code;
		*fkey = st->fkey;
	}
	replay.timing = st->row;
	replay.counted = 1;
	clock_gettime(CLOCK_MONOTONIC, &replay.t0);
	return 1;
}

/* The screen the last key led to is drawn: its time is taken. */
void
replay_drawn(void)
{
	double	ms;

	if (replay.timing == NULL)
		return;
	ms = replay_now_ms(&replay.t0);
	log_debug("replay: line %d %s %.2f ms", replay.steps[replay.at - 1].line,
	    replay.timing, ms);
	replay_stats_add(replay.stats, replay.timing, ms, replay.counted);
	replay.timing = NULL;
}

/* After the terminal is restored: the report, to its file or stderr. */
int
replay_finish(void)
{
	struct buf	 b = { 0 };
	FILE		*f = stderr;
	int		 rc = 0;

	if (replay.stats == NULL)
		return 0;
	replay_stats_print(replay.stats, &b);
	if (replay.out != NULL && (f = fopen(replay.out, "w")) == NULL) {
		fprintf(stderr, "scholia: %s: %s\n", replay.out,
		    strerror(errno));
		f = stderr;
		rc = -1;
	}
	if (b.len > 0)
		fwrite(b.data, 1, b.len, f);
	if (f != stderr && fclose(f) != 0)
		rc = -1;
	buf_free(&b);
	replay_stats_free(replay.stats);
	replay.stats = NULL;
	free(replay.steps);
	free(replay.out);
	memset(&replay, 0, sizeof replay);
	return rc;
}

struct replay_stats *
replay_stats_new(void)
{
	return xcalloc(1, sizeof (struct replay_stats));
}

void
replay_stats_free(struct replay_stats *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nrows; i++) {
		free(s->rows[i].name);
		free(s->rows[i].ms);
	}
	free(s->rows);
	free(s);
}

/* The row of a name, made in order of first appearance. */
static struct replay_row *
replay_row(struct replay_stats *s, const char *name, int counted)
{
	struct replay_row	*r;
	size_t			 i;

	for (i = 0; i < s->nrows; i++) {
		if (strcmp(s->rows[i].name, name) == 0)
			return &s->rows[i];
	}
	if (s->nrows == s->cap) {
		s->cap = s->cap == 0 ? 16 : s->cap * 2;
		s->rows = xreallocarray(s->rows, s->cap, sizeof *s->rows);
	}
	r = &s->rows[s->nrows++];
	memset(r, 0, sizeof *r);
	r->name = xstrdup(name);
	r->counted = counted;
	return r;
}

void
replay_stats_add(struct replay_stats *s, const char *name, double ms,
    int counted)
{
	struct replay_row	*r = replay_row(s, name, counted);

	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 16 : r->cap * 2;
		r->ms = xreallocarray(r->ms, r->cap, sizeof *r->ms);
	}
	r->ms[r->n++] = ms;
}

static int
replay_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The nearest-rank percentile p (0-100) of n sorted values; 0 when none. */
double
replay_percentile(const double *v, size_t n, double p)
{
	size_t	k;

	if (n == 0)
		return 0;
	if (p <= 0)
		return v[0];
	k = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

/* One line of the table: name, count, p50, p90, p99, max. */
static void
replay_line(struct buf *b, const char *name, double *v, size_t n)
{
	char	line[160];

	if (n > 0)
		qsort(v, n, sizeof *v, replay_cmp);
	snprintf(line, sizeof line, "%-16s %6zu %8.2f %8.2f %8.2f %8.2f\n",
	    name, n, replay_percentile(v, n, 50), replay_percentile(v, n, 90),
	    replay_percentile(v, n, 99), n > 0 ? v[n - 1] : 0.0);
	buf_puts(b, line);
}

/*
 * The report: a header, a row per key name in order of first use, then
 * "all keys" over every counted row (a wait for the load is not a key).
 */
void
replay_stats_print(const struct replay_stats *s, struct buf *b)
{
	double	*all = NULL;
	size_t	 i, n = 0, tot = 0;

	buf_puts(b, "key               count   p50 ms   p90 ms   p99 ms"
	    "   max ms\n");
	for (i = 0; i < s->nrows; i++) {
		if (s->rows[i].counted)
			tot += s->rows[i].n;
	}
	if (tot > 0)
		all = xreallocarray(NULL, tot, sizeof *all);
	for (i = 0; i < s->nrows; i++) {
		if (s->rows[i].counted && s->rows[i].n > 0) {
			memcpy(all + n, s->rows[i].ms,
			    s->rows[i].n * sizeof *all);
			n += s->rows[i].n;
		}
		replay_line(b, s->rows[i].name, s->rows[i].ms, s->rows[i].n);
	}
	replay_line(b, "all keys", all, n);
	free(all);
}
