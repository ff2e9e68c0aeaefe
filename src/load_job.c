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
static int	 load_map_same(const struct doc *, int, const struct doc *,
		    size_t);
static int	 load_map_equal(const struct doc *, int, const struct doc *,
		    int);
static int	 load_map_nth(const struct doc *, int, const struct doc *,
		    size_t, int);
static int	 load_map_find(const struct doc *, int, size_t,
		    const struct doc *, size_t, size_t *);
static int	 load_map_ends_alike(const struct doc *, const struct doc *);
static int	 load_map_scan(const struct doc *, size_t, size_t,
		    const struct doc *, size_t, int, int, size_t *);

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

int
load_map(const struct doc *from, int block, size_t off, const struct doc *to,
    int *to_block, size_t *to_off)
{
	const struct block	*a, *b;
	size_t			 i;
	int			 line, same;

	if (block < 0 || (size_t)block >= from->nblocks)
		return -1;
	a = &from->blocks[block];
	line = a->line;
	for (i = 0; i < to->nblocks; i++) {
		b = &to->blocks[i];
		if (b->line >= line && doc_in_flow(to, (int)i))
			break;
	}
	if (i == to->nblocks)
		return -1;
	/* several blocks start on that line: the one that is the same */
	if ((same = load_map_same(from, block, to, i)) >= 0)
		i = (size_t)same;
	else if ((same = load_map_find(from, block, off, to, i,
	    to_off)) >= 0) {
		*to_block = same;
		return 0;
	}
	b = &to->blocks[i];
	*to_block = (int)i;
	*to_off = b->text_off;
	if (b->line == line && b->text_len == a->text_len &&
	    off >= a->text_off && off <= a->text_off + a->text_len &&
	    memcmp(doc_text(to, b->text_off), doc_text(from, a->text_off),
	    a->text_len) == 0)
		*to_off = b->text_off + (off - a->text_off);
	return 0;
}

/* The two blocks read the same and start on the same line. */
static int
load_map_equal(const struct doc *from, int fb, const struct doc *to, int tb)
{
	const struct block	*a = &from->blocks[fb], *b = &to->blocks[tb];

	return a->line == b->line && a->text_len == b->text_len &&
	    memcmp(doc_text(to, b->text_off), doc_text(from, a->text_off),
	    a->text_len) == 0;
}

/*
 * A file of one long line (or a line of many blocks) has every block on
 * the same line: the block of to that is block's n-th of its line counted
 * from the start (a head) or from the end (a tail), when it reads the
 * same. first is to's first flow block on or after the line. Returns -1
 * when neither is found.
 */
static int
load_map_same(const struct doc *from, int block, const struct doc *to,
    size_t first)
{
	int	line = from->blocks[block].line, tail, i;

	if ((size_t)block + 1 < from->nblocks &&
	    from->blocks[block + 1].line != line && (block == 0 ||
	    from->blocks[block - 1].line != line))
		return -1;	/* alone on its line: the usual case */
	/* a tail ends as the whole text does: count from the end first */
	tail = load_map_ends_alike(from, to);
	if ((i = load_map_nth(from, block, to, first, !tail)) >= 0)
		return i;
	return load_map_nth(from, block, to, first, tail);
}

/*
 * The flow block of to on block's line that has as many such blocks
 * before it (forward) or after it as block has in from, if it reads the
 * same; else -1.
 */
static int
load_map_nth(const struct doc *from, int block, const struct doc *to,
    size_t first, int forward)
{
	int	line = from->blocks[block].line, i, n, k = 0, step;

	step = forward ? 1 : -1;
	for (i = block - step; i >= 0 && (size_t)i < from->nblocks; i -= step)
		if (from->blocks[i].line == line && doc_in_flow(from, i))
			k++;
	i = forward ? (int)first : (int)to->nblocks - 1;
	for (n = 0; i >= (int)first && (size_t)i < to->nblocks; i += step) {
		if (to->blocks[i].line != line) {
			if (forward)
				break;
			continue;
		}
		if (!doc_in_flow(to, i))
			continue;
		if (n++ == k)
			return load_map_equal(from, block, to, i) ? i : -1;
	}
	return -1;
}

/*
 * A line cut into blocks by length (one long line) is cut elsewhere in a
 * part than in the whole: the text at the place is sought among to's
 * blocks of that line, the first time from the start for a head, the last
 * from the end for a tail, no further than the part's own length away.
 * The text after the place, else the text before it (a block's end may
 * cut the first in to). Returns the block and sets *to_off, or -1.
 */
static int
load_map_find(const struct doc *from, int block, size_t off,
    const struct doc *to, size_t first, size_t *to_off)
{
	const struct block	*a = &from->blocks[block];
	size_t			 at, n, end = a->text_off + a->text_len;
	int			 line = a->line, tail, i;

	if (block > 0 && from->blocks[block - 1].line != line &&
	    (size_t)block + 1 < from->nblocks &&
	    from->blocks[block + 1].line != line)
		return -1;
	if (off < a->text_off || off >= end)
		off = a->text_off;
	tail = load_map_ends_alike(from, to);
	/* after the place */
	at = off;
	n = end - at < 64 ? end - at : 64;
	if (n >= 8 && (i = load_map_scan(from, at, n, to, first, line, tail,
	    to_off)) >= 0)
		return i;
	/* before it, up to and with its first byte */
	at = off + 1 - a->text_off < 64 ? a->text_off : off + 1 - 64;
	n = off + 1 - at;
	if (n >= 8 && (i = load_map_scan(from, at, n, to, first, line, tail,
	    to_off)) >= 0) {
		*to_off += off - at;
		return i;
	}
	return -1;
}

/* The n bytes of from's text at at, in one of to's blocks on line. */
static int
load_map_scan(const struct doc *from, size_t at, size_t n,
    const struct doc *to, size_t first, int line, int tail, size_t *to_off)
{
	const struct block	*b;
	const char		*t = doc_text(from, at), *p, *hit, *last;
	size_t			 seen = 0, most = from->text.len + (1 << 20);
	int			 i, step = tail ? -1 : 1;

	i = tail ? (int)to->nblocks - 1 : (int)first;
	for (; i >= (int)first && (size_t)i < to->nblocks && seen < most;
	    i += step) {
		b = &to->blocks[i];
		if (b->line != line) {
			if (!tail)
				break;
			continue;
		}
		if (!doc_in_flow(to, i) || b->text_len < n)
			continue;
		seen += b->text_len;
		p = doc_text(to, b->text_off);
		if ((hit = memmem(p, b->text_len, t, n)) == NULL)
			continue;
		while (tail && (last = memmem(hit + 1, b->text_len -
		    (size_t)(hit + 1 - p), t, n)) != NULL)
			hit = last;
		*to_off = b->text_off + (size_t)(hit - p);
		return i;
	}
	return -1;
}

/* The two docs end with the same text: from is the end of the file. */
static int
load_map_ends_alike(const struct doc *from, const struct doc *to)
{
	const struct block	*a, *b;
	size_t			 n;

	if (from->nblocks == 0 || to->nblocks == 0)
		return 0;
	a = &from->blocks[from->nblocks - 1];
	b = &to->blocks[to->nblocks - 1];
	n = a->text_len < b->text_len ? a->text_len : b->text_len;
	if (n > 64)
		n = 64;
	return n > 0 && memcmp(doc_text(from, a->text_off + a->text_len - n),
	    doc_text(to, b->text_off + b->text_len - n), n) == 0;
}
