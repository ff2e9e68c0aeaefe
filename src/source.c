/* The input: read once, converted to UTF-8, line ends normalised, indexed. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scholia/source.h"
#include "scholia/xmalloc.h"

#include "internal.h"
#include "source_map.h"
#include "utf8.h"

#define SOURCE_SAMPLE	(64 * 1024)	/* bytes looked at for binary data */
#define SOURCE_CHUNK	(64 * 1024)	/* first read size for streams */
#define SOURCE_STEP	((size_t)4 << 20)	/* pages given back at once */
#define SOURCE_PAGE_IN	((size_t)64 << 10)	/* a part keeps its first bytes */

/* What source.c keeps of a source it made (source->priv). */
struct source_priv {
	size_t		 map;		/* text is a file mapping of this
					   many bytes; 0: allocated */
	size_t		 released;	/* pages before this given back */
	size_t		 progress;	/* where the current pass is (atomic) */
	size_t		*sink;		/* also told here, if set */
	struct stat	 st;		/* the mapped file when mapped */
	const struct source *whole;	/* a part: the source it views */
	size_t		 base;		/* a part: where it starts in whole */
	int		 quiet;		/* a part that tells no progress */
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
static void	source_part_release(const struct source *,
		    struct source_priv *, size_t);

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

/*
 * A large file that is UTF-8 already (no BOM, no CR) needs no copy: map it,
 * so that its pages can be given back once parsed (they read again from the
 * page cache if needed). Returns -1 when it must be read instead.
 */
static int
source_mapped(int fd, const char *path, const struct stat *st,
    struct source **out)
{
	struct source_priv	*m;
	struct source		*s;
	char			*text;
	size_t			 size = (size_t)st->st_size;

	if ((text = map_file(fd, size)) == NULL)
		return -1;
	if ((size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) ||
	    memchr(text, '\r', size) != NULL ||
	    utf8_valid(text, size) != size ||
	    encoding_detect(text, SOURCE_SAMPLE) != ENC_UTF8 ||
	    map_lost(text)) {
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
	source_index(s);
	map_release(text, size, 0, size);	/* indexed: read again later */
	*out = s;
	return 0;
}

void
source_release(const struct source *s, size_t off)
{
	struct source_priv	*m;

	if (s == NULL || (m = s->priv) == NULL)
		return;
	if (m->whole != NULL) {
		source_part_release(s, m, off);
		return;
	}
	__atomic_store_n(&m->progress, off, __ATOMIC_RELAXED);
	if (m->sink != NULL)
		__atomic_store_n(m->sink, off, __ATOMIC_RELAXED);
	if (m->map == 0)
		return;
	if (off >= s->len)
		off = s->len;	/* all of it, every time asked */
	else {
		if (off < m->released)
			m->released = 0;	/* another pass from the top */
		if (off < m->released + SOURCE_STEP)
			return;
	}
	map_release(s->text, m->map, 0, off);
	m->released = off;
}

/*
 * A part of a whole source, read by a parser on its own thread: its pages
 * go back as the whole's would, and its progress (scaled to the whole)
 * is the whole's unless the part is quiet.
 */
static void
source_part_release(const struct source *s, struct source_priv *m,
    size_t off)
{
	const struct source	*w = m->whole;
	struct source_priv	*wm = w->priv;
	size_t			 at;

	if (!m->quiet && s->len > 0) {
		at = (size_t)((double)(off < s->len ? off : s->len) *
		    (double)w->len / (double)s->len);
		__atomic_store_n(&wm->progress, at, __ATOMIC_RELAXED);
		if (wm->sink != NULL)
			__atomic_store_n(wm->sink, at, __ATOMIC_RELAXED);
	}
	if (wm->map == 0)
		return;
	if (off >= s->len)
		off = s->len;
	else {
		if (off < m->released)
			m->released = 0;
		if (off < m->released + SOURCE_STEP)
			return;
	}
	/* from a page inside the part: the part before may still be read */
	map_release(w->text, wm->map, m->base + SOURCE_PAGE_IN,
	    m->base + off);
	m->released = off;
}

int
source_part(const struct source *w, size_t from, size_t n, int quiet,
    struct source **out)
{
	struct source_priv	*m;
	struct source		*s;
	size_t			 i, k, cap;

	if (w->priv == NULL || from > w->len || n > w->len - from)
		return -1;
	s = xcalloc(1, sizeof *s);
	s->priv = m = xcalloc(1, sizeof *m);
	m->whole = w;
	m->base = from;
	m->quiet = quiet;
	s->name = xstrdup(w->name);
	s->encoding = w->encoding;
	s->binary = w->binary;
	s->text = w->text + from;
	s->len = n;
	/* the lines starting in [from, from + n), from its start */
	k = (size_t)source_line_of(w, from) - 1;
	if (w->nlines == 0 || w->lines[k] != from) {
		source_free(s);
		return -1;	/* parts start at a line */
	}
	cap = 0;
	for (i = k; i < w->nlines && w->lines[i] < from + n; i++)
		*ARRAY_PUSH(s->lines, s->nlines, cap) = w->lines[i] - from;
	if (s->nlines == 0)
		*ARRAY_PUSH(s->lines, s->nlines, cap) = 0;
	if (n == 0)
		s->nlines = 0;
	cap = 0;
	for (i = 0; i < w->npages; i++)
		if (w->pages[i] >= from && w->pages[i] < from + n)
			*ARRAY_PUSH(s->pages, s->npages, cap) =
			    w->pages[i] - from;
	*out = s;
	return 0;
}

void
source_release_line(const struct source *s, int line)
{
	if (s != NULL && line >= 1 && (size_t)line <= s->nlines)
		source_release(s, s->lines[line - 1]);
}

size_t
source_progress(const struct source *s)
{
	struct source_priv	*m;

	if (s == NULL || (m = s->priv) == NULL)
		return 0;
	return __atomic_load_n(&m->progress, __ATOMIC_RELAXED);
}

void
source_progress_to(struct source *s, size_t *sink)
{
	struct source_priv	*m = s->priv;

	if (m != NULL)
		m->sink = sink;
}

int
source_changed(const struct source *s)
{
	struct source_priv	*m;
	struct stat		 now;

	if (s == NULL || (m = s->priv) == NULL || m->map == 0)
		return 0;
	if (map_lost(s->text))
		return 1;
	/*
	 * A mapping shows what is written to the file while it is parsed:
	 * the text checked as UTF-8 may no longer be. Any write since it was
	 * mapped changes the size or the time of the last change.
	 */
	if (stat(s->name, &now) != 0)
		return 0;	/* gone or renamed: the mapping is intact */
	return now.st_ino == m->st.st_ino && now.st_dev == m->st.st_dev &&
	    (now.st_size != m->st.st_size ||
	    now.st_mtim.tv_sec != m->st.st_mtim.tv_sec ||
	    now.st_mtim.tv_nsec != m->st.st_mtim.tv_nsec ||
	    now.st_ctim.tv_sec != m->st.st_ctim.tv_sec ||
	    now.st_ctim.tv_nsec != m->st.st_ctim.tv_nsec);
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
