/* The --export json writer: the document model as DESIGN.md specifies. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/encoding.h"
#include "scholia/export.h"
#include "scholia/source.h"
#include "scholia/text.h"
#include "scholia/xmalloc.h"

#define JSON_PAR_MIN	4096	/* notes and refs from which two threads write */
#define JSON_STEP	2048	/* notes or refs in a piece */

/*
 * The object is written in pieces: the head and contents, notes and refs
 * JSON_STEP at a time, the rest. A large one by two writers at once, each
 * making every other piece in a buffer of its own and writing it in turn:
 * little memory more, the order kept.
 */
struct json_job {
	const struct doc	*d;
	FILE			*fp;
	size_t			 npieces;
	size_t			 nnote;		/* pieces of notes */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	size_t			 turn;		/* the piece to write next */
	int			 err;		/* a write failed (errno) */
};

/* Bytes a JSON string shows as they are (made once, before any writer). */
static unsigned char	json_ascii[256];
static pthread_once_t	json_once = PTHREAD_ONCE_INIT;

struct json_writer {
	struct json_job		*job;
	size_t			 first;		/* its first piece */
	size_t			 step;		/* pieces to the next of its own */
};

static void	 json_init(void);
static int	 json_plain(const unsigned char *, size_t, size_t *);
static void	 json_str(struct buf *, const char *, size_t);
static void	 json_cstr(struct buf *, const char *);
static void	 json_num(struct buf *, long long);
static void	 json_lit(struct buf *, const char *);
static void	 json_note_text(struct buf *, const struct doc *,
		    const struct note *);
static void	 json_head(struct buf *, const struct doc *);
static void	 json_toc(struct buf *, const struct doc *);
static void	 json_notes(struct buf *, const struct doc *, size_t, size_t);
static void	 json_refs(struct buf *, const struct doc *, size_t, size_t);
static void	 json_keywords(struct buf *, const struct doc *);
static void	 json_articles(struct buf *, const struct doc *);
static void	 json_piece(struct buf *, const struct json_job *, size_t);
static void	*json_write_run(void *);

static void
json_lit(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

/* A number by hand: printf is most of the time of a large export. */
static void
json_num(struct buf *b, long long v)
{
	char			tmp[24];
	size_t			k = sizeof tmp;
	unsigned long long	u;

	u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		tmp[--k] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		tmp[--k] = '-';
	buf_append(b, tmp + k, sizeof tmp - k);
}

static void
json_init(void)
{
	int	c;

	for (c = 0x20; c < 0x7f; c++)
		json_ascii[c] = c != '"' && c != '\\';
}

/*
 * Whether u (n > 0 bytes left) starts a valid two- or three-byte form of
 * a character that needs no escape, as text_decode and text_is_unsafe
 * would judge it; its length in *len. The others (C1, U+061C, bidi
 * controls, U+2028/9, U+FFF9-B, bad bytes) are left to them.
 */
static int
json_plain(const unsigned char *u, size_t n, size_t *len)
{
	uint32_t	c;

	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		if (n < 2 || (u[1] & 0xc0) != 0x80)
			return 0;
		c = (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
		*len = 2;
		return c >= 0xa0 && c != 0x61c;
	}
	if (u[0] < 0xe1 || u[0] > 0xef || n < 3 ||
	    (u[1] & 0xc0) != 0x80 || (u[2] & 0xc0) != 0x80 ||
	    (u[0] == 0xed && u[1] >= 0xa0))
		return 0;
	c = (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 |
	    (u[2] & 0x3f);
	*len = 3;
	return (c < 0x2000 || c > 0x206f) && (c < 0xfff9 || c > 0xfffb);
}

/*
 * A JSON string: what may not reach a terminal (controls, DEL, C1, bidi
 * controls, U+2028/9) escaped, so the JSON is safe to print; bad bytes as
 * U+FFFD. Printable ASCII and the valid two- and three-byte forms of safe
 * characters (CJK and its punctuation, curly quotes) pass without a call.
 */
static void
json_str(struct buf *b, const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, start = 0, l;
	uint32_t		 c;
	char			 esc[16];
	const char		*e;

	buf_grow(b, n + 2);
	buf_putc(b, '"');
	while (i < n) {
		/* most bytes: printable ASCII but the quote and backslash */
		while (i < n && json_ascii[u[i]])
			i++;
		if (i == n)
			break;
		if (u[i] >= 0xe3 && u[i] <= 0xec && i + 2 < n &&
		    (u[i + 1] & 0xc0) == 0x80 && (u[i + 2] & 0xc0) == 0x80) {
			i += 3;	/* U+3000 to U+CFFF: CJK, all safe */
			continue;
		}
		if (json_plain(u + i, n - i, &l)) {
			i += l;
			continue;
		}
		l = text_decode(s + i, n - i, &c);
		e = NULL;
		if (c == '"')
			e = "\\\"";
		else if (c == '\\')
			e = "\\\\";
		else if (text_is_unsafe(c)) {
			snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
			e = esc;
		} else if (c == 0xFFFD && !(l == 3 &&
		    memcmp(s + i, "\xef\xbf\xbd", 3) == 0))
			e = "\\ufffd";	/* an invalid byte */
		if (e == NULL) {
			i += l;
			continue;
		}
		buf_append(b, s + start, i - start);
		json_lit(b, e);
		i += l;
		start = i;
	}
	buf_append(b, s + start, i - start);
	buf_putc(b, '"');
}

static void
json_cstr(struct buf *b, const char *s)
{
	if (s == NULL)
		json_lit(b, "null");
	else
		json_str(b, s, strlen(s));
}

/* Plain text of a note: its block without the label and the space after. */
static void
json_note_text(struct buf *out, const struct doc *d, const struct note *nt)
{
	const struct block	*b;
	const struct span	*sp;
	const char		*s;
	size_t			 skip = 0, end;

	if (nt->block < 0 || (size_t)nt->block >= d->nblocks) {
		json_str(out, "", 0);
		return;
	}
	b = &d->blocks[nt->block];
	s = d->text.data + b->text_off;
	if (b->span_count > 0) {
		sp = &d->spans[b->span_first];
		if ((sp->flags & SPAN_NOTELABEL) && sp->off == b->text_off)
			skip = sp->len;
	}
	while (skip < b->text_len && (s[skip] == ' ' || s[skip] == '\t'))
		skip++;
	end = b->text_len;
	while (end > skip && (s[end - 1] == ' ' || s[end - 1] == '\n'))
		end--;
	json_str(out, s + skip, end - skip);
}

static void
json_head(struct buf *b, const struct doc *d)
{
	const struct source	*src = d->source;
	const char		*name = NULL, *slash;

	if (src != NULL && src->name != NULL) {
		name = src->name;
		if ((slash = strrchr(name, '/')) != NULL && slash[1] != '\0')
			name = slash + 1;
	}
	json_lit(b, "{\n  \"source\": ");
	json_cstr(b, name);
	json_lit(b, ",\n  \"encoding\": ");
	json_cstr(b, src != NULL ? encoding_name(src->encoding) : NULL);
	json_lit(b, ",\n  \"format\": \"");
	json_lit(b, d->markdown ? "markdown" : "text");
	json_lit(b, "\",\n  \"invalid_bytes\": ");
	json_num(b, src != NULL ? (long long)src->invalid : 0);
	json_lit(b, ",\n");
}

static void
json_toc(struct buf *b, const struct doc *d)
{
	size_t	i;

	json_lit(b, "  \"toc\": [");
	for (i = 0; i < d->nheadings; i++) {
		json_lit(b, i > 0 ? ",\n    {\"level\": " :
		    "\n    {\"level\": ");
		json_num(b, d->headings[i].level);
		json_lit(b, ", \"title\": ");
		json_cstr(b, d->headings[i].title);
		json_lit(b, ", \"line\": ");
		json_num(b, d->headings[i].line);
		buf_putc(b, '}');
	}
	json_lit(b, d->nheadings > 0 ? "\n  ],\n" : "],\n");
}

/* Notes from to to; the first opens the array, the last closes it. */
static void
json_notes(struct buf *b, const struct doc *d, size_t from, size_t to)
{
	size_t	i;

	if (from == 0)
		json_lit(b, "  \"notes\": [");
	for (i = from; i < to; i++) {
		json_lit(b, i > 0 ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_num(b, (long long)i);
		json_lit(b, ", \"label\": ");
		json_cstr(b, d->notes[i].label);
		json_lit(b, ", \"line\": ");
		json_num(b, d->notes[i].line);
		json_lit(b, ", \"text\": ");
		json_note_text(b, d, &d->notes[i]);
		buf_putc(b, '}');
	}
	if (to == d->nnotes)
		json_lit(b, d->nnotes > 0 ? "\n  ],\n" : "],\n");
}

/* Refs from to to; the first opens the array, the last closes it. */
static void
json_refs(struct buf *b, const struct doc *d, size_t from, size_t to)
{
	const struct ref	*r;
	size_t			 i;

	if (from == 0)
		json_lit(b, "  \"refs\": [");
	for (i = from; i < to; i++) {
		r = &d->refs[i];
		json_lit(b, i > 0 ? ",\n    {\"label\": " :
		    "\n    {\"label\": ");
		json_cstr(b, r->label);
		json_lit(b, ", \"line\": ");
		json_num(b, r->line);
		json_lit(b, ", \"note\": ");
		if (r->note >= 0 && (size_t)r->note < d->nnotes) {
			json_num(b, r->note);
			buf_putc(b, '}');
		} else
			json_lit(b, "null}");
	}
	if (to == d->nrefs)
		json_lit(b, d->nrefs > 0 ? "\n  ],\n" : "],\n");
}

static void
json_keywords(struct buf *b, const struct doc *d)
{
	const struct keywords	*k;
	size_t			 i;
	int			 j;

	json_lit(b, "  \"keywords\": [");
	for (i = 0; i < d->nkeywords; i++) {
		k = &d->keywords[i];
		json_lit(b, i > 0 ? ",\n    {\"line\": " :
		    "\n    {\"line\": ");
		json_num(b, k->line);
		json_lit(b, ", \"words\": [");
		for (j = 0; j < k->nwords; j++) {
			if (j > 0)
				json_lit(b, ", ");
			json_cstr(b, k->words[j]);
		}
		json_lit(b, "]}");
	}
	json_lit(b, d->nkeywords > 0 ? "\n  ],\n" : "],\n");
}

static void
json_articles(struct buf *b, const struct doc *d)
{
	size_t	 i, bi;
	int	*first, *next, e;

	/* Contents-list entries of each article, chained in one pass. */
	first = xreallocarray(NULL, d->narticles + 1, sizeof *first);
	next = xreallocarray(NULL, d->nblocks + 1, sizeof *next);
	for (i = 0; i < d->narticles; i++)
		first[i] = -1;
	for (bi = d->nblocks; bi-- > 0;) {
		e = d->blocks[bi].entry_of;
		if (e < 0 || (size_t)e >= d->narticles)
			continue;
		next[bi] = first[e];
		first[e] = (int)bi;
	}
	json_lit(b, "  \"articles\": [");
	for (i = 0; i < d->narticles; i++) {
		json_lit(b, i > 0 ? ",\n    {\"title\": " :
		    "\n    {\"title\": ");
		json_cstr(b, d->articles[i].title);
		json_lit(b, ", \"line\": ");
		json_num(b, d->articles[i].line);
		json_lit(b, ", \"contents_lines\": [");
		for (e = first[i]; e != -1; e = next[e]) {
			if (e != first[i])
				json_lit(b, ", ");
			json_num(b, d->blocks[e].line);
		}
		json_lit(b, "]}");
	}
	json_lit(b, d->narticles > 0 ? "\n  ]\n" : "]\n");
	free(next);
	free(first);
}

/* Piece k of the object into b. */
static void
json_piece(struct buf *b, const struct json_job *job, size_t k)
{
	const struct doc	*d = job->d;
	size_t			 from, to;

	if (k == 0) {
		json_head(b, d);
		json_toc(b, d);
		return;
	}
	k--;
	if (k < job->nnote) {
		from = k * JSON_STEP;
		to = from + JSON_STEP < d->nnotes ? from + JSON_STEP :
		    d->nnotes;
		json_notes(b, d, from, to);
		return;
	}
	k -= job->nnote;
	if (k < job->npieces - 2 - job->nnote) {
		from = k * JSON_STEP;
		to = from + JSON_STEP < d->nrefs ? from + JSON_STEP :
		    d->nrefs;
		json_refs(b, d, from, to);
		return;
	}
	json_keywords(b, d);
	json_articles(b, d);
	json_lit(b, "}\n");
}

/* A writer: its pieces made, each written when the one before is. */
static void *
json_write_run(void *arg)
{
	struct json_writer	*w = arg;
	struct json_job		*job = w->job;
	struct buf		 b = { 0 };
	size_t			 k;
	int			 bad;

	for (k = w->first; k < job->npieces; k += w->step) {
		buf_reset(&b);
		json_piece(&b, job, k);
		pthread_mutex_lock(&job->lock);
		while (job->turn != k)
			pthread_cond_wait(&job->cond, &job->lock);
		bad = job->err != 0;
		pthread_mutex_unlock(&job->lock);
		if (!bad && b.len > 0 && fwrite(b.data, 1, b.len, job->fp) !=
		    b.len)
			bad = errno != 0 ? errno : EIO;
		pthread_mutex_lock(&job->lock);
		if (bad && job->err == 0)
			job->err = bad;
		job->turn++;
		pthread_cond_broadcast(&job->cond);
		pthread_mutex_unlock(&job->lock);
	}
	buf_free(&b);
	return NULL;
}

int
export_json(const struct doc *d, FILE *fp)
{
	struct json_job		 job;
	struct json_writer	 w[2];
	pthread_t		 t;
	size_t			 nref;
	int			 threaded = 0;

	pthread_once(&json_once, json_init);
	memset(&job, 0, sizeof job);
	job.d = d;
	job.fp = fp;
	job.nnote = (d->nnotes + JSON_STEP - 1) / JSON_STEP;
	if (job.nnote == 0)
		job.nnote = 1;	/* the empty array */
	nref = (d->nrefs + JSON_STEP - 1) / JSON_STEP;
	if (nref == 0)
		nref = 1;
	job.npieces = 2 + job.nnote + nref;
	pthread_mutex_init(&job.lock, NULL);
	pthread_cond_init(&job.cond, NULL);
	w[0].job = w[1].job = &job;
	w[0].first = 0;
	w[0].step = 1;
	if (d->nnotes + d->nrefs >= JSON_PAR_MIN) {
		w[0].step = w[1].step = 2;
		w[1].first = 1;
		threaded = pthread_create(&t, NULL, json_write_run,
		    &w[1]) == 0;
		if (!threaded)
			w[0].step = 1;
	}
	json_write_run(&w[0]);
	if (threaded)
		pthread_join(t, NULL);
	pthread_mutex_destroy(&job.lock);
	pthread_cond_destroy(&job.cond);
	if (job.err == 0 && (fflush(fp) != 0 || ferror(fp)))
		job.err = errno != 0 ? errno : EIO;
	if (job.err != 0) {
		errno = job.err;
		return -1;
	}
	return 0;
}
