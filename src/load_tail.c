/* The end of a large file for a jump there while it loads: parsed on its own thread at once, its lines counted after. */
#include <sys/stat.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "load_int.h"
#include "load_job_int.h"
#include "scholia/doc.h"
#include "scholia/load.h"
#include "scholia/source.h"
#include "scholia/xmalloc.h"
#include "source_map.h"
#include "utf8.h"

static size_t	 load_count_lines(const char *, size_t);
static void	 load_tail_over(struct load_job *, struct doc *, int, int);

/* The last part of a source, cut as the head is, for a jump to the end. */
void
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
void *
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
