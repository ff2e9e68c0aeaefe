/* The input: read once, converted to UTF-8, line ends normalised, indexed. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scholia/source.h"
#include "scholia/xmalloc.h"

#include "internal.h"
#include "source_map.h"
#include "source_priv.h"
#include "utf8.h"

#define SOURCE_SAMPLE	(64 * 1024)	/* bytes looked at for binary data */
#define SOURCE_CHUNK	(64 * 1024)	/* first read size for streams */
#define SOURCE_SCAN_TWO	((size_t)8 << 20)	/* scanned on two threads */


/* What a look over (part of) a mapped text finds: is it valid, its lines. */
struct source_scan {
	const char	*text;
	size_t		 from;
	size_t		 to;
	size_t		 len;		/* of the whole text */
	int		 bad;		/* a CR or invalid UTF-8 */
	size_t		*lines;
	size_t		 nlines;
	size_t		 cap_lines;
	size_t		*pages;
	size_t		 npages;
	size_t		 cap_pages;
};

static int	source_read_fd(int, const char *, size_t,
		    const struct source_opts *, char **, size_t *, char **);
static int	source_sample_binary(const char *, size_t,
		    const struct source_opts *);
static int	source_build(const char *, char *, size_t, int,
		    const struct source_opts *, struct source **, char **);
static int	source_is_binary(const char *, size_t);
static void	source_index(struct source *);
static int	source_mapped(int, const char *, const struct stat *,
		    struct source **);
static int	source_scan(const char *, size_t, struct source_scan *);
static void	*source_scan_run(void *);

/* Errors name the file and say why, in one line, for the user to read. */
int
source_read_file(const char *path, const struct source_opts *opts,
    struct source **out, char **cause)
{
	struct stat	 st;
	const char	*name;
	char		*data;
	size_t		 n, hint;
	int		 fd, rc;

	*out = NULL;
	if (path == NULL || strcmp(path, "-") == 0) {
		/* A redirected file tells its size; a pipe does not. */
		hint = fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) &&
		    (uintmax_t)st.st_size <= SOURCE_MAX_BYTES ?
		    (size_t)st.st_size : 0;
		if (source_read_fd(STDIN_FILENO, "(standard input)", hint,
		    opts, &data, &n, cause) != 0)
			return -1;
		return source_build("-", data, n, 1, opts, out, cause);
	}
	name = path;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		xasprintf(cause, "%s: %s", name, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		xasprintf(cause, "%s: %s", name, strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		xasprintf(cause, "%s: is a directory", name);
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > SOURCE_MAX_BYTES) {
		xasprintf(cause, "%s: too large (%jd bytes, the limit is %zu)",
		    name, (intmax_t)st.st_size, SOURCE_MAX_BYTES);
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size >= SOURCE_MAP_MIN &&
	    (opts == NULL || opts->encoding == NULL) &&
	    source_mapped(fd, path, &st, out) == 0) {
		close(fd);
		return 0;
	}
	rc = source_read_fd(fd, name,
	    S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, opts, &data, &n,
	    cause);
	close(fd);
	if (rc != 0)
		return -1;
	return source_build(path, data, n, 1, opts, out, cause);
}

int
source_from_memory(const char *name, const char *p, size_t n,
    const struct source_opts *opts, struct source **out, char **cause)
{
	*out = NULL;
	if (n > SOURCE_MAX_BYTES) {
		xasprintf(cause, "%s: too large (%zu bytes, the limit is %zu)",
		    name, n, SOURCE_MAX_BYTES);
		return -1;
	}
	return source_build(name, (char *)p, n, 0, opts, out, cause);
}

/* CRs, valid UTF-8, line starts and form feeds of text from to to. */
static void *
source_scan_run(void *arg)
{
	struct source_scan	*h = arg;
	const char		*t = h->text, *p, *end = t + h->to;

	if (memchr(t + h->from, '\r', h->to - h->from) != NULL ||
	    utf8_valid(t + h->from, h->to - h->from) != h->to - h->from) {
		h->bad = 1;
		return NULL;
	}
	for (p = t + h->from; p < end && (p = memchr(p, '\n',
	    (size_t)(end - p))) != NULL; ) {
		p++;
		if ((size_t)(p - t) < h->len)
			*ARRAY_PUSH(h->lines, h->nlines, h->cap_lines) =
			    (size_t)(p - t);
	}
	for (p = t + h->from; p < end && (p = memchr(p, '\f',
	    (size_t)(end - p))) != NULL; p++)
		*ARRAY_PUSH(h->pages, h->npages, h->cap_pages) =
		    (size_t)(p - t);
	return NULL;
}

/*
 * Check and index a mapped text (as source_index would, with no CR to
 * normalise), a large one in two halves on two threads: the half cut
 * before a byte that starts a character, so both are valid if all is.
 * Returns -1 when it has a CR or is not UTF-8.
 */
static int
source_scan(const char *text, size_t n, struct source_scan *out)
{
	struct source_scan	 h[2];
	pthread_t		 t;
	size_t			 m = n / 2, k;
	int			 threaded = 0;

	memset(h, 0, sizeof h);
	h[0].text = h[1].text = text;
	h[0].len = h[1].len = n;
	*ARRAY_PUSH(h[0].lines, h[0].nlines, h[0].cap_lines) = 0;
	if (n < SOURCE_SCAN_TWO) {
		h[0].to = n;
		source_scan_run(&h[0]);
	} else {
		for (k = 0; k < 3 && m > 0 &&
		    ((unsigned char)text[m] & 0xC0) == 0x80; k++)
			m--;
		h[0].to = h[1].from = m;
		h[1].to = n;
		threaded = pthread_create(&t, NULL, source_scan_run,
		    &h[1]) == 0;
		source_scan_run(&h[0]);
		if (threaded)
			pthread_join(t, NULL);
		else
			source_scan_run(&h[1]);
	}
	*out = h[0];
	if (h[0].bad || h[1].bad) {
		out->bad = 1;
		free(h[1].lines);
		free(h[1].pages);
		return -1;
	}
	if (h[1].nlines > 0) {
		out->lines = xreallocarray(out->lines, out->nlines +
		    h[1].nlines, sizeof *out->lines);
		memcpy(out->lines + out->nlines, h[1].lines,
		    h[1].nlines * sizeof *out->lines);
		out->nlines += h[1].nlines;
	}
	if (h[1].npages > 0) {
		out->pages = xreallocarray(out->pages, out->npages +
		    h[1].npages, sizeof *out->pages);
		memcpy(out->pages + out->npages, h[1].pages,
		    h[1].npages * sizeof *out->pages);
		out->npages += h[1].npages;
	}
	/* shrunk first: glibc maps no larger arrays after freeing a big one */
	free(xrealloc(h[1].lines, 1));
	free(h[1].pages);
	return 0;
}

/*
 * A large file that is UTF-8 already (no BOM, no CR) needs no copy: map it,
 * so that its pages can be given back once parsed (they read again from the
 * page cache if needed). They stay in memory after the scan, for the
 * parse, which reads them next.
 * Returns -1 when it must be read instead.
 */
static int
source_mapped(int fd, const char *path, const struct stat *st,
    struct source **out)
{
	struct source_priv	*m;
	struct source		*s;
	struct source_scan	 sc;
	char			*text;
	size_t			 size = (size_t)st->st_size;

	if ((text = map_file(fd, size)) == NULL)
		return -1;
	memset(&sc, 0, sizeof sc);
	if ((size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) ||
	    source_scan(text, size, &sc) != 0 ||
	    encoding_detect(text, SOURCE_SAMPLE) != ENC_UTF8 ||
	    map_lost(text)) {
		free(sc.lines);
		free(sc.pages);
		map_free(text, size);
		return -1;
	}
	s = xcalloc(1, sizeof *s);
	s->priv = m = xcalloc(1, sizeof *m);
	m->map = size;
	m->st = *st;
	s->name = xstrdup(path);
	s->encoding = ENC_UTF8;
	s->binary = source_is_binary(text, size);
	s->text = text;
	s->len = size;
	s->lines = sc.lines;
	s->nlines = sc.nlines;
	s->pages = sc.pages;
	s->npages = sc.npages;
	*out = s;
	return 0;
}

int
source_sniff(const char *path, const struct source_opts *opts)
{
	struct stat	 st;
	char		*p;
	size_t		 n = 0;
	ssize_t		 r;
	int		 fd, binary = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		p = xmalloc(SOURCE_SAMPLE);
		while (n < SOURCE_SAMPLE && ((r = read(fd, p + n,
		    SOURCE_SAMPLE - n)) > 0 || (r == -1 && errno == EINTR)))
			if (r > 0)
				n += (size_t)r;
		binary = source_sample_binary(p, n, opts);
		free(p);
	}
	close(fd);
	return binary;
}

/* The start of an input, as source_build will judge it: binary or not. */
static int
source_sample_binary(const char *p, size_t n, const struct source_opts *opts)
{
	enum encoding	enc;

	if (opts != NULL && opts->encoding != NULL) {
		if (encoding_from_name(opts->encoding, &enc) != 0)
			return 0;
	} else
		enc = encoding_detect(p, n < SOURCE_SAMPLE ? n :
		    SOURCE_SAMPLE);
	if (enc == ENC_UTF16LE || enc == ENC_UTF16BE)
		return 0;
	return source_is_binary(p, n);
}

/*
 * Read everything from fd into one allocation (NUL-terminated). A regular
 * file's size is known, so it takes one allocation; a stream doubles. Unless
 * binary data is to be refused, it is refused once its first 64 KiB are in, so an
 * endless stream of it (/dev/zero) is not read up to the size limit.
 */
static int
source_read_fd(int fd, const char *name, size_t hint,
    const struct source_opts *opts, char **data, size_t *len, char **cause)
{
	char	*p;
	size_t	 n = 0, cap;
	ssize_t	 r;
	int	 sniffed;

	sniffed = opts == NULL || !opts->refuse_binary;

	/* Room for one byte more than expected, so EOF needs no growth. */
	cap = hint + 2 > SOURCE_CHUNK ? hint + 2 : SOURCE_CHUNK;
	p = xmalloc(cap);
	for (;;) {
		if (n + 1 == cap) {
			if (n >= SOURCE_MAX_BYTES) {
				xasprintf(cause, "%s: input larger than the "
				    "limit of %zu bytes", name,
				    SOURCE_MAX_BYTES);
				free(p);
				return -1;
			}
			cap = cap * 2 > SOURCE_MAX_BYTES + 1 ?
			    SOURCE_MAX_BYTES + 1 : cap * 2;
			p = xrealloc(p, cap);
		}
		r = read(fd, p + n, cap - 1 - n);
		if (r == -1) {
			if (errno == EINTR)
				continue;
			xasprintf(cause, "%s: %s", name, strerror(errno));
			free(p);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (!sniffed && n >= SOURCE_SAMPLE) {
			sniffed = 1;
			if (source_sample_binary(p, n, opts)) {
				xasprintf(cause, "%s: looks like a binary "
				    "file", name);
				free(p);
				return -1;
			}
		}
		if (n > SOURCE_MAX_BYTES) {
			xasprintf(cause, "%s: input larger than the limit of "
			    "%zu bytes", name, SOURCE_MAX_BYTES);
			free(p);
			return -1;
		}
	}
	if (cap - n > SOURCE_CHUNK)
		p = xrealloc(p, n + 1);	/* give back what a stream overshot */
	p[n] = '\0';
	*data = p;
	*len = n;
	return 0;
}

/*
 * Make a source from raw bytes. When owned, data (n + 1 bytes, from
 * source_read_fd) is either kept as the text, for valid UTF-8, or freed.
 */
static int
source_build(const char *name, char *data, size_t n, int owned,
    const struct source_opts *opts, struct source **out, char **cause)
{
	struct source	*s;
	struct buf	 b = { 0 };
	enum encoding	 enc;
	int		 valid = 0, bom;

	bom = n >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0;
	if (opts != NULL && opts->encoding != NULL) {
		if (encoding_from_name(opts->encoding, &enc) != 0) {
			xasprintf(cause, "%s: unknown encoding",
			    opts->encoding);
			goto fail;
		}
		valid = enc == ENC_UTF8 && !bom && utf8_valid(data, n) == n;
	} else if (utf8_valid(data, n) == n) {
		/* Valid UTF-8 unless it has a BOM or the shape of UTF-16. */
		enc = encoding_detect(data, n < SOURCE_SAMPLE ? n :
		    SOURCE_SAMPLE);
		valid = enc == ENC_UTF8 && !bom;
	} else
		enc = encoding_detect(data, n);

	s = xcalloc(1, sizeof *s);
	s->priv = xcalloc(1, sizeof(struct source_priv));
	s->name = xstrdup(name);
	s->encoding = enc;
	if (enc != ENC_UTF16LE && enc != ENC_UTF16BE)
		s->binary = source_is_binary(data, n);
	if (valid && owned) {
		s->text = data;		/* already NUL-terminated */
		s->len = n;
		data = NULL;
	} else if (valid) {
		s->text = xmalloc(n + 1);
		memcpy(s->text, data, n);
		s->text[n] = '\0';
		s->len = n;
	} else {
		if (encoding_to_utf8(data, n, enc, &b, &s->invalid,
		    cause) != 0) {
			buf_free(&b);
			source_free(s);
			goto fail;
		}
		s->len = b.len;
		s->text = b.data != NULL ? buf_steal(&b) : xstrdup("");
	}
	if (owned)
		free(data);
	source_index(s);
	*out = s;
	return 0;

fail:
	if (owned)
		free(data);
	return -1;
}

/* NUL bytes, or many control bytes, in the first 64 KiB: not text. */
static int
source_is_binary(const char *p, size_t n)
{
	const unsigned char	*u = (const unsigned char *)p;
	size_t			 i, ctl = 0;

	if (n > SOURCE_SAMPLE)
		n = SOURCE_SAMPLE;
	if (memchr(p, '\0', n) != NULL)
		return 1;
	for (i = 0; i < n; i++) {
		if (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
		    u[i] != '\r' && u[i] != '\f' && u[i] != '\v' &&
		    u[i] != '\b' && u[i] != 0x1B)
			ctl++;
	}
	return ctl > n / 10;
}

/*
 * Normalise CRLF and lone CR to LF in place, then list line starts and
 * form feeds; each step is one pass driven by memchr.
 */
static void
source_index(struct source *s)
{
	char	*t = s->text, *p, *end = t + s->len;
	size_t	 i, j, cap;

	if ((p = memchr(t, '\r', s->len)) != NULL) {
		for (i = j = (size_t)(p - t); i < s->len; i++) {
			if (t[i] != '\r')
				t[j++] = t[i];
			else {
				t[j++] = '\n';
				if (i + 1 < s->len && t[i + 1] == '\n')
					i++;
			}
		}
		s->len = j;
		t[j] = '\0';
		end = t + j;
	}

	cap = 0;
	s->nlines = 0;
	*ARRAY_PUSH(s->lines, s->nlines, cap) = 0;
	for (p = t; p < end && (p = memchr(p, '\n', (size_t)(end - p))) !=
	    NULL; ) {
		p++;
		if (p < end)
			*ARRAY_PUSH(s->lines, s->nlines, cap) =
			    (size_t)(p - t);
	}
	if (s->len == 0)
		s->nlines = 0;	/* lines[0] stays readable */

	cap = 0;
	for (p = t; p < end && (p = memchr(p, '\f', (size_t)(end - p))) !=
	    NULL; p++)
		*ARRAY_PUSH(s->pages, s->npages, cap) =
		    (size_t)(p - t);
}

/* Binary search for the last line starting at or before off. */
int
source_line_of(const struct source *s, size_t off)
{
	size_t	lo = 0, hi = s->nlines, mid;

	if (s->nlines == 0)
		return 1;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (s->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

void
source_free(struct source *s)
{
	if (s == NULL)
		return;
	free(s->name);
	if (s->priv != NULL && ((struct source_priv *)s->priv)->map != 0)
		map_free(s->text, ((struct source_priv *)s->priv)->map);
	else if (s->priv == NULL ||
	    ((struct source_priv *)s->priv)->whole == NULL)
		free(s->text);
	free(s->priv);
	free(s->lines);
	free(s->pages);
	free(s);
}
