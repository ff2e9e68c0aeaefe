/* Progressive loading: a head doc at once, a tail doc on demand, the full doc in a thread. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "load_int.h"
#include "load_job_int.h"
#include "scholia/doc.h"
#include "scholia/encoding.h"
#include "scholia/load.h"
#include "scholia/parse.h"
#include "scholia/source.h"
#include "scholia/xmalloc.h"
#include "source_map.h"
#include "utf8.h"

#define LOAD_LINE_MIN	((size_t)2 << 20)	/* a first line this long is cut */

static void	*load_worker(void *);
static int	 load_plain_start(const char *, size_t);
static int	 load_ends_sentence(const char *, size_t);
static int	 load_head_read(struct load_job *, const char *);
static size_t	 load_cut_line(const char *, const char *, size_t);

/* Whether a line can open a paragraph that nothing before it changes. */
static int
load_plain_start(const char *s, size_t n)
{
	unsigned char	c;

	if (n == 0)
		return 0;
	c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '>' || c == '|' ||
	    c == '-' || c == '*' || c == '+' || c == '=' || c == '`' ||
	    c == '~' || c == '<' || c == '[' || c == '^' || c == '\f' ||
	    (c >= '0' && c <= '9'))
		return 0;
	return 1;
}

/* Whether a line (without its newline) ends a sentence. */
static int
load_ends_sentence(const char *s, size_t n)
{
	static const char *const ends[] = {
		"\xe3\x80\x82", "\xef\xbc\x81", "\xef\xbc\x9f", ".", "!", "?",
		"\xe2\x80\x9d", "\xe3\x80\x8d",
	};
	size_t	j, el;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	for (j = 0; j < sizeof ends / sizeof ends[0]; j++) {
		el = strlen(ends[j]);
		if (n >= el && memcmp(s + n - el, ends[j], el) == 0)
			return 1;
	}
	return 0;
}

/*
 * Where to cut text s (n bytes) near want: the start of a line opening a
 * plain paragraph after a blank line, outside fenced code, preferably after
 * a line ending a sentence (so that no healing joins across). The last such
 * place at or before want (last = 1) or the first at or after it (last = 0).
 * Returns 0 when there is none.
 */
size_t
load_cut(const char *s, size_t n, size_t want, int last)
{
	const char	*e;
	size_t		 i = 0, le, best = 0, any = 0;
	int		 fence = 0, blank = 0, seen = 0, sentence = 0;

	while (i < n) {
		e = memchr(s + i, '\n', n - i);
		le = e != NULL ? (size_t)(e - s) : n;
		if (le == i || (le == i + 1 && s[i] == '\r')) {
			blank = 1;
			i = le + 1;
			continue;
		}
		if (blank && seen && !fence && load_plain_start(s + i, le - i)) {
			if (last) {
				if (i > want)
					break;
				any = i;
				if (sentence)
					best = i;
			} else if (i >= want) {
				if (sentence)
					return i;
				if (any == 0)
					any = i;
			}
		}
		if (le - i >= 3 && (memcmp(s + i, "```", 3) == 0 ||
		    memcmp(s + i, "~~~", 3) == 0))
			fence = !fence;
		blank = 0;
		seen = 1;
		sentence = load_ends_sentence(s + i, le - i);
		i = le + 1;
	}
	return last && best != 0 ? best : any;
}

/*
 * A doc of part of the file, parsed and recovered on its own; cut says the
 * part ends inside a long paragraph.
 */
struct doc *
load_part(const struct load_job *job, const char *p, size_t n, int line0,
    int cut)
{
	struct load_opts	 o = job->opts;
	struct source		*src;
	struct source_opts	 so = { 0 };
	struct doc		*d;
	char			*cause = NULL;

	o.format = job->format;
	so.encoding = o.encoding;
	if (source_from_memory(job->path, p, n, &so, &src, &cause) != 0 ||
	    load_source(src, &o, &d, &cause, NULL, cut) != 0) {
		free(cause);
		return NULL;
	}
	if (line0 > 1)
		load_shift_lines(d, line0 - 1);
	return d;
}

/*
 * Read the start of the file and choose where the head ends and the format
 * (so the tail can be made while the head is parsed); nothing when a head
 * is not worth it.
 */
static int
load_head_read(struct load_job *job, const char *path)
{
	struct stat	 st;
	char		*buf;
	size_t		 want = 2 * LOAD_HEAD_BYTES, cut;
	ssize_t		 r;
	int		 fd, inline_cut = 0;

	if (strcmp(path, "-") == 0)
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;	/* the worker says why */
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size < 2 * want) {
		close(fd);
		return 0;
	}
	buf = xmalloc(want + 1);
	r = pread(fd, buf, want, 0);
	close(fd);
	if (r != (ssize_t)want || utf8_valid(buf, want) + 4 < want ||
	    encoding_detect(buf, want) != ENC_UTF8 ||
	    (job->opts.encoding != NULL &&
	    strcasecmp(job->opts.encoding, "utf-8") != 0)) {
		free(buf);
		return 0;
	}
	cut = load_cut(buf, want, LOAD_HEAD_BYTES, 1);
	if (cut == 0 && (cut = load_cut_line(path, buf, want)) != 0)
		inline_cut = 1;
	if (cut == 0) {
		free(buf);
		return 0;
	}
	/* Markdown in the head is Markdown in the file (evidence only adds). */
	if (job->format == LOAD_AUTO)
		job->format = parse_is_markdown(buf, cut) ? LOAD_MARKDOWN :
		    LOAD_TEXT;
	job->head_buf = buf;
	job->head_cut = cut;
	job->head_inline = inline_cut;
	return 0;
}

/* After the first sentence end of s (a tail inside one long line), or 0. */
size_t
load_cut_sentence(const char *s, size_t n)
{
	size_t	i;

	if (n < 2 || memchr(s, '\n', n - 1) != NULL)	/* but a last one */
		return 0;
	for (i = 0; i + 3 < n; i++) {
		if ((unsigned char)s[i] == 0xe3 && (unsigned char)s[i + 1] ==
		    0x80 && (unsigned char)s[i + 2] == 0x82)
			return i + 3;
		if (s[i] == '.' && s[i + 1] == ' ')
			return i + 2;
	}
	return 0;
}

/*
 * A file that opens with one line of megabytes (a book on one line): the
 * head ends after the last sentence in buf, and its paragraph is cut into
 * pieces as the full load cuts that line, the last piece excepted. Only
 * when the line is long enough for the full load to cut it (no newline in
 * the first LOAD_LINE_MIN bytes). Returns the cut, or 0.
 */
static size_t
load_cut_line(const char *path, const char *buf, size_t n)
{
	char	*more;
	size_t	 i;
	ssize_t	 r;
	int	 fd, nl;

	if (memchr(buf, '\n', n) != NULL)
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	more = xmalloc(LOAD_LINE_MIN);
	r = pread(fd, more, LOAD_LINE_MIN, 0);
	close(fd);
	nl = r != (ssize_t)LOAD_LINE_MIN ||
	    memchr(more, '\n', LOAD_LINE_MIN) != NULL;
	free(more);
	if (nl)
		return 0;
	for (i = n - 4; i > n / 2; i--) {
		if ((unsigned char)buf[i] == 0xe3 && (unsigned char)buf[i + 1] ==
		    0x80 && (unsigned char)buf[i + 2] == 0x82)
			return i + 3;
		if (buf[i] == '.' && buf[i + 1] == ' ')
			return i + 2;
	}
	return 0;
}

/* The full pipeline, as load_file, telling where it is. */
static void *
load_worker(void *arg)
{
	struct load_job		*job = arg;
	struct source		*src;
	struct source_opts	 so = { 0 };
	struct doc		*d = NULL;
	char			*cause = NULL;
	int			 rc;

	/* the end of the file first: G must not wait for the whole load */
	pthread_mutex_lock(&job->lock);
	while (!job->tail_done)
		pthread_cond_wait(&job->cond, &job->lock);
	pthread_mutex_unlock(&job->lock);
	so.encoding = job->opts.encoding;
	so.refuse_binary = !job->opts.allow_binary;
	rc = source_read_file(job->path, &so, &src, &cause);
	pthread_mutex_lock(&job->lock);
	if (rc == 0) {
		__atomic_store_n(&job->len, src->len, __ATOMIC_RELAXED);
		if (job->head != NULL)
			load_tail_copy(job, src);
		source_progress_to(src, &job->at);
	}
	job->read = 1;
	pthread_cond_broadcast(&job->cond);
	pthread_mutex_unlock(&job->lock);
	if (rc == 0)
		rc = load_source(src, &job->opts, &d, &cause, &job->stage, 0);
	if (rc == 0)
		source_progress_to(d->owned, NULL);	/* the job may go first */
	pthread_mutex_lock(&job->lock);
	job->rc = rc;
	job->full = rc == 0 ? d : NULL;
	job->cause = cause;
	job->finished = 1;
	__atomic_store_n(&job->stage, LOAD_DONE, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&job->cond);
	pthread_mutex_unlock(&job->lock);
	return NULL;
}

int
load_begin(const char *path, const struct load_opts *opts,
    struct load_job **out, char **cause)
{
	struct load_job	*job;
	int		 e;

	job = xcalloc(1, sizeof *job);
	job->path = xstrdup(path != NULL ? path : "-");
	if (opts != NULL)
		job->opts = *opts;
	job->format = job->opts.format;
	pthread_mutex_init(&job->lock, NULL);
	pthread_cond_init(&job->cond, NULL);
	load_head_read(job, job->path);
	/* the tail is made while the head is parsed, the rest after */
	if (job->head_buf != NULL &&
	    pthread_create(&job->tail_thread, NULL, load_tail_worker, job) == 0)
		job->tail_running = 1;
	else
		job->tail_parsed = job->tail_done = 1;
	if (job->head_buf != NULL) {
		job->head = load_part(job, job->head_buf, job->head_cut, 1,
		    job->head_inline);
		free(job->head_buf);
		job->head_buf = NULL;
	}
	if ((e = pthread_create(&job->thread, NULL, load_worker, job)) != 0) {
		xasprintf(cause, "%s: cannot start loading: %s", job->path,
		    strerror(e));
		load_job_free(job);
		return -1;
	}
	job->running = 1;
	*out = job;
	return 0;
}

const struct doc *
load_job_head(const struct load_job *job)
{
	return job->head;
}

void
load_job_progress(const struct load_job *job, size_t *done, size_t *total)
{
	struct load_job	*j = (struct load_job *)job;
	size_t		 len = __atomic_load_n(&j->len, __ATOMIC_RELAXED);
	int		 stage = __atomic_load_n(&j->stage, __ATOMIC_ACQUIRE);
	size_t		 at = 0;

	*total = len * LOAD_DONE;
	if (stage >= LOAD_DONE || len == 0) {
		*done = stage >= LOAD_DONE ? *total : 0;
		return;
	}
	/* the parse and the notes pass say where they are in the source */
	if (stage == LOAD_PARSE || stage == LOAD_NOTES)
		at = __atomic_load_n(&j->at, __ATOMIC_RELAXED);
	if (at > len)
		at = len;
	*done = len * (size_t)stage + at;
	/* a pass may walk the source twice: never tell less than before */
	if (*done < j->shown)
		*done = j->shown;
	j->shown = *done;
}

int
load_job_ready(const struct load_job *job)
{
	return __atomic_load_n(&((struct load_job *)job)->stage,
	    __ATOMIC_ACQUIRE) >= LOAD_DONE;
}

int
load_job_finish(struct load_job *job, struct doc **out, char **cause)
{
	if (job->running) {
		pthread_join(job->thread, NULL);
		job->running = 0;
	}
	if (job->rc != 0 || job->full == NULL) {
		*cause = job->cause != NULL ? job->cause :
		    xstrdup("loading failed");
		job->cause = NULL;
		return -1;
	}
	*out = job->full;
	job->full = NULL;
	return 0;
}

void
load_job_free(struct load_job *job)
{
	if (job == NULL)
		return;
	if (job->running)
		pthread_join(job->thread, NULL);
	if (job->tail_running)
		pthread_join(job->tail_thread, NULL);
	doc_free(job->tail_early);
	doc_free(job->full);
	doc_free(job->head);
	doc_free(job->tail);
	free(job->tail_text);
	free(job->cause);
	free(job->path);
	pthread_mutex_destroy(&job->lock);
	pthread_cond_destroy(&job->cond);
	free(job);
}
