/* Progressive loading: a head doc at once, a tail doc on demand, the full doc in a thread. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "load_int.h"
#include "scholia/doc.h"
#include "scholia/encoding.h"
#include "scholia/load.h"
#include "scholia/parse.h"
#include "scholia/source.h"
#include "scholia/xmalloc.h"
#include "source_map.h"
#include "utf8.h"

#define LOAD_LINE_MIN	((size_t)2 << 20)	/* a first line this long is cut */

struct load_job {
	char			*path;
	struct load_opts	 opts;
	enum load_format	 format;	/* decided on the head */
	struct doc		*head;
	struct doc		*tail;
	int			 tail_tried;
	pthread_t		 tail_thread;
	int			 tail_running;	/* tail thread not joined */
	struct doc		*tail_early;	/* made by the tail thread, its
					   lines from 1 (under lock) */
	int			 tail_parsed;	/* tail_early is made, or will not
					   be (under lock) */
	int			 tail_line0;	/* its first line in the file,
					   0: not known (under lock) */
	int			 tail_done;	/* tail thread over (under lock):
					   the full load may start */
	int			 tail_exact;	/* tail's lines are the file's */
	char			*head_buf;	/* the start of the file, read */
	size_t			 head_cut;	/* the head's end in it */
	int			 head_inline;	/* cut inside a long line */
	pthread_t		 thread;
	int			 running;	/* thread not joined yet */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	int			 read;		/* source read (under lock) */
	char			*tail_text;	/* the last part, copied from the
					   source once read (under lock) */
	size_t			 tail_len;
	int			 tail_line;	/* its first line in the file */
	int			 stage;		/* LOAD_* (atomic) */
	size_t			 len;		/* source length (atomic) */
	size_t			 at;		/* progress in the stage (atomic) */
	size_t			 shown;		/* progress last told */
	int			 finished;	/* worker done (under lock) */
	struct doc		*full;
	char			*cause;
	int			 rc;
};

static void	*load_worker(void *);
static void	*load_tail_worker(void *);
static size_t	 load_count_lines(const char *, size_t);
static void	 load_tail_over(struct load_job *, struct doc *, int, int);
static void	 load_tail_copy(struct load_job *, const struct source *);
static int	 load_plain_start(const char *, size_t);
static int	 load_ends_sentence(const char *, size_t);
static size_t	 load_cut(const char *, size_t, size_t, int);
static int	 load_head_read(struct load_job *, const char *);
static struct doc *load_part(const struct load_job *, const char *,
		    size_t, int, int);
static size_t	 load_cut_line(const char *, const char *, size_t);
static size_t	 load_cut_sentence(const char *, size_t);

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
static size_t
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
static struct doc *
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
static size_t
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

/* The last part of a source, cut as the head is, for a jump to the end. */
static void
load_tail_copy(struct load_job *job, const struct source *src)
{
	size_t	cut, from;

	if (src->len < 2 * LOAD_HEAD_BYTES)
		return;
	from = src->len - LOAD_HEAD_BYTES;
	cut = load_cut(src->text + from, src->len - from, 0, 0);
	if (cut == 0)
		cut = load_cut_sentence(src->text + from, src->len - from);
	if (cut == 0)
		return;
	job->tail_len = src->len - from - cut;
	job->tail_text = xmalloc(job->tail_len + 1);
	memcpy(job->tail_text, src->text + from + cut, job->tail_len);
	job->tail_text[job->tail_len] = '\0';
	job->tail_line = source_line_of(src, from + cut);
}

/*
 * The lines s holds, as the source counts them (CR, LF and CRLF each end
 * one): one pass over the whole file, 16 bytes at a time; a file with CRs
 * is counted again byte by byte.
 */
static size_t
load_count_lines(const char *s, size_t n)
{
	size_t		 i = 0, k = 0, end;
	int		 cr = 0;
#ifdef __SSE2__
	const __m128i	 nl = _mm_set1_epi8('\n'), c = _mm_set1_epi8('\r');
	const __m128i	 zero = _mm_setzero_si128();
	__m128i		 v, acc, acr = zero;

	/* a byte per lane counts up to 255 newlines, then they are summed */
	while (i + 16 <= n) {
		end = n - i > 255 * 16 ? i + 255 * 16 : n;
		acc = zero;
		for (; i + 16 <= end; i += 16) {
			v = _mm_loadu_si128(
			    (const __m128i *)(const void *)(s + i));
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, nl));
			acr = _mm_or_si128(acr, _mm_cmpeq_epi8(v, c));
		}
		acc = _mm_sad_epu8(acc, zero);
		k += (size_t)_mm_cvtsi128_si32(acc) +
		    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(acc, 8));
	}
	cr = _mm_movemask_epi8(acr) != 0;
#endif
	for (; i < n; i++) {
		k += s[i] == '\n';
		cr |= s[i] == '\r';
	}
	if (!cr)
		return k;
	for (i = k = 0; i < n; i++) {
		if (s[i] == '\r' || (s[i] == '\n' && (i == 0 ||
		    s[i - 1] != '\r')))
			k++;
	}
	return k;
}

/*
 * Hand over what the tail thread made: the tail doc (lines from 1) once
 * parsed, then its first line in the file (0: not known) when over, which
 * lets the full load start.
 */
static void
load_tail_over(struct load_job *job, struct doc *d, int line0, int over)
{
	pthread_mutex_lock(&job->lock);
	if (!job->tail_parsed)
		job->tail_early = d;
	job->tail_parsed = 1;
	if (over) {
		job->tail_line0 = line0;
		job->tail_done = 1;
	}
	pthread_cond_broadcast(&job->cond);
	pthread_mutex_unlock(&job->lock);
}

/*
 * The tail doc without waiting for the full read: map the file, parse the
 * last part and hand it over at once, then count the lines before it,
 * which takes longer (the whole file is read). Gives up (the tail then
 * comes from the worker's copy) when the last part has CRs or is not
 * UTF-8.
 */
static void *
load_tail_worker(void *arg)
{
	struct load_job	*job = arg;
	struct stat	 st;
	struct doc	*d = NULL;
	char		*text;
	size_t		 len, from, cut, part;
	int		 fd, line0 = 0;

	if ((fd = open(job->path, O_RDONLY | O_CLOEXEC)) == -1) {
		load_tail_over(job, NULL, 0, 1);
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size < 2 * LOAD_HEAD_BYTES ||
	    (text = map_file(fd, (size_t)st.st_size)) == NULL) {
		close(fd);
		load_tail_over(job, NULL, 0, 1);
		return NULL;
	}
	close(fd);
	len = (size_t)st.st_size;
	from = len - LOAD_HEAD_BYTES;
	cut = load_cut(text + from, len - from, 0, 0);
	if (cut == 0)
		cut = load_cut_sentence(text + from, len - from);
	part = len - from - cut;
	if (cut != 0 && memchr(text + from + cut, '\r', part) == NULL &&
	    utf8_valid(text + from + cut, part) == part) {
		d = load_part(job, text + from + cut, part, 1, 0);
		if (map_lost(text)) {
			doc_free(d);
			d = NULL;
		}
	}
	load_tail_over(job, d, 0, d == NULL);
	if (d != NULL) {
		line0 = (int)load_count_lines(text, from + cut) + 1;
		if (map_lost(text))
			line0 = 0;
		load_tail_over(job, NULL, line0, 1);
	}
	map_free(text, len);
	return NULL;
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

/*
 * The tail as the tail thread parsed it, else (CRs or bad UTF-8 at the
 * end) made from the worker's copy once the file is read, with exact
 * lines.
 */
const struct doc *
load_job_tail_early(struct load_job *job, int *exact)
{
	*exact = 0;
	if (job->head == NULL)
		return NULL;
	if (!job->tail_tried) {
		job->tail_tried = 1;
		pthread_mutex_lock(&job->lock);
		while (!job->tail_parsed)
			pthread_cond_wait(&job->cond, &job->lock);
		job->tail = job->tail_early;
		job->tail_early = NULL;
		if (job->tail == NULL) {
			while (!job->read)
				pthread_cond_wait(&job->cond, &job->lock);
		}
		pthread_mutex_unlock(&job->lock);
		if (job->tail == NULL && job->tail_text != NULL) {
			job->tail = load_part(job, job->tail_text,
			    job->tail_len, job->tail_line, 0);
			job->tail_exact = 1;
		}
	}
	load_job_tail_settle(job, 0);
	*exact = job->tail_exact;
	return job->tail;
}

/* The tail's lines made the file's, in this thread: 1 when just done. */
int
load_job_tail_settle(struct load_job *job, int wait)
{
	int	line0;

	if (job->tail == NULL || job->tail_exact)
		return 0;
	pthread_mutex_lock(&job->lock);
	while (wait && !job->tail_done)
		pthread_cond_wait(&job->cond, &job->lock);
	line0 = job->tail_done ? job->tail_line0 : 0;
	pthread_mutex_unlock(&job->lock);
	if (line0 <= 0)
		return 0;
	if (line0 > 1)
		load_shift_lines(job->tail, line0 - 1);
	job->tail_exact = 1;
	return 1;
}

/* With its lines the file's: waits for the count, or the file's read. */
const struct doc *
load_job_tail(struct load_job *job)
{
	const struct doc	*d;
	int			 exact;

	d = load_job_tail_early(job, &exact);
	if (d != NULL && !exact)
		load_job_tail_settle(job, 1);
	return d != NULL && job->tail_exact ? d : NULL;
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
	int			 line;

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
