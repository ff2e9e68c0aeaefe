/* Reading positions per document, kept in a small text file written atomically. */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/state.h"

#define STATE_HASH_BYTES	(64 * 1024)
/* A real path escaped (each byte at most two) plus the numbers: longer is junk. */
#define STATE_LINE_MAX	(2 * PATH_MAX + 128)
#define STATE_HEADER	\
	"# scholia reading positions: path size hash block offset line\n"

struct state_entry {
	char			*path;		/* real path */
	unsigned long long	 size;
	uint64_t		 hash;		/* FNV-1a of the first 64 KiB */
	struct state_pos	 sp;
};

struct state {
	struct state_entry	*e;		/* oldest first */
	size_t			 ne;
	size_t			 cap_e;
	int			 reported;	/* a failed save was reported */
	int			 readonly;	/* the file is not writable */
};

static char	*state_dir(void);
static int	 state_key(const char *, char **, unsigned long long *,
		    uint64_t *);
static void	 state_clear(struct state *);
static int	 state_parse_line(char *, struct state_entry *);
static int	 state_getline(FILE *, char *, size_t);
static void	 state_trim(struct state *, size_t);
static int	 state_read(struct state *, size_t *, char **);
static void	 state_escape(struct buf *, const char *);
static int	 state_mkdirs(char *);
static int	 state_write(const struct state *, const char *, char **);
static void	 state_forget(struct state *, const char *);

/* $XDG_STATE_HOME/scholia, or ~/.local/state/scholia; NULL without a home. */
static char *
state_dir(void)
{
	const char	*x = getenv("XDG_STATE_HOME"), *home;
	char		*dir;

	if (x != NULL && x[0] == '/') {
		xasprintf(&dir, "%s/scholia", x);
		return dir;
	}
	home = getenv("HOME");
	if (home == NULL || home[0] != '/')
		return NULL;
	xasprintf(&dir, "%s/.local/state/scholia", home);
	return dir;
}

/* What identifies a document: real path, size, hash of its beginning. */
static int
state_key(const char *path, char **real, unsigned long long *size,
    uint64_t *hash)
{
	struct stat	 st;
	unsigned char	*b;
	ssize_t		 n;
	uint64_t	 h = 14695981039346656037ULL;
	int		 fd;

	if ((*real = realpath(path, NULL)) == NULL)
		return -1;
	if ((fd = open(*real, O_RDONLY)) == -1 || fstat(fd, &st) == -1 ||
	    !S_ISREG(st.st_mode)) {
		if (fd != -1) {
			close(fd);
			errno = EINVAL;		/* not a regular file */
		}
		free(*real);
		*real = NULL;
		return -1;
	}
	b = xmalloc(STATE_HASH_BYTES);
	n = read(fd, b, STATE_HASH_BYTES);
	close(fd);
	while (n > 0)
		h = (h ^ b[--n]) * 1099511628211ULL;
	free(b);
	*size = (unsigned long long)st.st_size;
	*hash = h;
	return 0;
}

static void
state_clear(struct state *s)
{
	size_t	i;

	for (i = 0; i < s->ne; i++)
		free(s->e[i].path);
	s->ne = 0;
}

/* One line "path\tsize\thash\tblock\toff\tline" (path escaped); 0 if bad. */
static int
state_parse_line(char *line, struct state_entry *e)
{
	char			*f[6], *p, *end, *w;
	unsigned long long	 v[5];
	int			 i;

	for (i = 0, p = line; i < 6; i++) {
		f[i] = p;
		if ((p = strchr(p, '\t')) == NULL) {
			if (i != 5)
				return 0;
		} else if (i == 5)
			return 0;
		else
			*p++ = '\0';
	}
	for (i = 1; i < 6; i++) {
		if (!isdigit((unsigned char)f[i][0]) &&
		    !(i == 2 && isxdigit((unsigned char)f[i][0])))
			return 0;
		errno = 0;
		v[i - 1] = strtoull(f[i], &end, i == 2 ? 16 : 10);
		if (errno != 0 || *end != '\0')
			return 0;
	}
	if (f[0][0] != '/' || v[2] > INT_MAX || v[4] > INT_MAX ||
	    v[3] > SIZE_MAX)
		return 0;
	/* Unescape the path in place. */
	for (p = w = f[0]; *p != '\0'; p++) {
		if (*p != '\\') {
			*w++ = *p;
			continue;
		}
		switch (*++p) {
		case '\\':
			*w++ = '\\';
			break;
		case 't':
			*w++ = '\t';
			break;
		case 'n':
			*w++ = '\n';
			break;
		case 'r':
			*w++ = '\r';
			break;
		default:
			return 0;
		}
	}
	*w = '\0';
	e->path = xstrdup(f[0]);
	e->size = v[0];
	e->hash = v[1];
	e->sp.pos.block = (int)v[2];
	e->sp.pos.off = (size_t)v[3];
	e->sp.line = (int)v[4];
	return 1;
}

/*
 * One line into buf (size STATE_LINE_MAX + 1), its newline dropped. Returns
 * 1 for a good line, 0 for a bad one (too long, a NUL, or a last line
 * without its newline: a file cut short), -1 at the end of the file. A long
 * line is skipped, never held whole: a huge or binary file costs no memory.
 */
static int
state_getline(FILE *f, char *buf, size_t size)
{
	size_t	n = 0;
	int	c, good = 1;

	while ((c = getc(f)) != EOF && c != '\n') {
		if (c == '\0' || n + 1 >= size)
			good = 0;
		else
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
	if (c == EOF) {
		if (n == 0 && good)
			return -1;
		good = 0;
	}
	return good;
}

/* Keep the max most recent entries. */
static void
state_trim(struct state *s, size_t max)
{
	size_t	drop, i;

	if (s->ne <= max)
		return;
	drop = s->ne - max;
	for (i = 0; i < drop; i++)
		free(s->e[i].path);
	memmove(s->e, s->e + drop, (s->ne - drop) * sizeof *s->e);
	s->ne -= drop;
}

/*
 * Replace the entries with the file's. A missing file is empty; *bad counts
 * corrupt lines. Returns -1 with *cause when the file cannot be read.
 */
static int
state_read(struct state *s, size_t *bad, char **cause)
{
	char			*dir, *path, *line;
	FILE			*f;
	struct state_entry	 e;
	int			 rc = 0, good;

	state_clear(s);
	*bad = 0;
	s->readonly = 0;
	if ((dir = state_dir()) == NULL) {
		xasprintf(cause, "reading positions: no home directory");
		return -1;
	}
	xasprintf(&path, "%s/positions", dir);
	if ((f = fopen(path, "r")) == NULL) {
		if (errno != ENOENT) {
			xasprintf(cause, "saved positions unreadable (%s), "
			    "none will be saved: %s", strerror(errno), path);
			rc = -1;
		}
		free(dir);
		free(path);
		return rc;
	}
	/*
	 * rename() would replace it anyway: respect a file made read-only,
	 * and see now that a read-only directory allows no new file.
	 */
	s->readonly = (access(path, W_OK) == -1 && errno == EACCES) ||
	    (access(dir, W_OK) == -1 && errno == EACCES);
	free(dir);
	line = xmalloc(STATE_LINE_MAX + 1);
	errno = 0;
	while ((good = state_getline(f, line, STATE_LINE_MAX + 1)) != -1) {
		if (good && (line[0] == '\0' || line[0] == '#'))
			continue;
		if (!good || !state_parse_line(line, &e))
			(*bad)++;
		else {
			*ARRAY_PUSH(s->e, s->ne, s->cap_e) = e;
			/* a file of many entries costs no more than its last */
			if (s->ne >= 2 * STATE_MAX)
				state_trim(s, STATE_MAX);
		}
	}
	if (ferror(f)) {
		xasprintf(cause, "saved positions unreadable (%s), none will "
		    "be saved: %s", strerror(errno ? errno : EIO), path);
		rc = -1;
		state_clear(s);
	} else
		state_trim(s, STATE_MAX);
	fclose(f);
	free(line);
	free(path);
	return rc;
}

struct state *
state_open(char **cause)
{
	struct state	*s = xcalloc(1, sizeof *s);
	size_t		 bad;

	*cause = NULL;
	if (state_read(s, &bad, cause) != 0) {
		s->reported = 1;	/* the save fails the same way: said */
		return s;
	}
	if (bad > 0)
		xasprintf(cause, "saved positions: %zu corrupt line%s ignored",
		    bad, bad == 1 ? "" : "s");
	else if (s->readonly) {
		xasprintf(cause, "saved positions are read-only: "
		    "reading positions will not be saved");
		s->reported = 1;
	}
	return s;
}

void
state_close(struct state *s)
{
	if (s == NULL)
		return;
	state_clear(s);
	free(s->e);
	free(s);
}

int
state_get(struct state *s, const char *path, struct state_pos *out)
{
	char			*real;
	unsigned long long	 size;
	uint64_t		 hash;
	size_t			 i;
	int			 found = 0;

	if (state_key(path, &real, &size, &hash) != 0)
		return 0;
	for (i = s->ne; i > 0; i--) {
		if (strcmp(s->e[i - 1].path, real) == 0) {
			if (s->e[i - 1].size == size &&
			    s->e[i - 1].hash == hash) {
				*out = s->e[i - 1].sp;
				found = 1;
			}
			break;
		}
	}
	free(real);
	return found;
}

static void
state_escape(struct buf *b, const char *p)
{
	for (; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		default:
			buf_putc(b, *p);
			break;
		}
	}
}

/* mkdir -p, private to the user. */
static int
state_mkdirs(char *dir)
{
	char	*p;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return -1;
	return 0;
}

/* Write all entries to a temporary file, sync it, rename it into place. */
static int
state_write(const struct state *s, const char *dir, char **cause)
{
	struct buf	 b = { 0 };
	char		*path, *tmp, *real, *pdir;
	size_t		 i, done = 0;
	ssize_t		 n;
	int		 fd = -1, rc = -1, dfd;

	xasprintf(&path, "%s/positions", dir);
	/* a link (dotfiles kept elsewhere) stays one: write where it points */
	if ((real = realpath(path, NULL)) != NULL) {
		free(path);
		path = real;
	}
	xasprintf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	real = strrchr(path, '/');
	if (real == NULL || real == path)
		pdir = xstrdup("/");
	else
		xasprintf(&pdir, "%.*s", (int)(real - path), path);
	buf_puts(&b, STATE_HEADER);
	for (i = 0; i < s->ne; i++) {
		state_escape(&b, s->e[i].path);
		buf_printf(&b, "\t%llu\t%016llx\t%d\t%zu\t%d\n", s->e[i].size,
		    (unsigned long long)s->e[i].hash, s->e[i].sp.pos.block,
		    s->e[i].sp.pos.off, s->e[i].sp.line);
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd == -1)
		goto fail;
	while (done < b.len) {
		if ((n = write(fd, b.data + done, b.len - done)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		done += (size_t)n;
	}
	if (fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail;
	/* Make the rename itself durable. */
	if ((dfd = open(pdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
	goto out;
fail:
	xasprintf(cause, "saving position to %s: %s", path, strerror(errno));
	if (fd != -1)
		close(fd);
	unlink(tmp);
out:
	buf_free(&b);
	free(pdir);
	free(tmp);
	free(path);
	return rc;
}

/* Drop the entries of one path. */
static void
state_forget(struct state *s, const char *real)
{
	size_t	i, k;

	for (i = k = 0; i < s->ne; i++) {
		if (strcmp(s->e[i].path, real) == 0)
			free(s->e[i].path);
		else
			s->e[k++] = s->e[i];
	}
	s->ne = k;
}

int
state_put(struct state *s, const char *path, const struct state_pos *sp,
    char **cause)
{
	struct state_entry	*e;
	char			*real = NULL, *dir = NULL, *why = NULL;
	unsigned long long	 size;
	uint64_t		 hash;
	size_t			 bad;
	int			 rc = -1;

	*cause = NULL;
	if (state_key(path, &real, &size, &hash) != 0) {
		xasprintf(&why, "saving position: %s: %s", path,
		    strerror(errno));
		goto out;
	}
	if ((dir = state_dir()) == NULL) {
		xasprintf(&why, "saving position: no home directory");
		goto out;
	}
	if (state_mkdirs(dir) == -1) {
		xasprintf(&why, "saving position: %s: %s", dir,
		    strerror(errno));
		goto out;
	}
	/* Others may have saved since; never overwrite what we cannot read. */
	if (state_read(s, &bad, &why) != 0)
		goto out;
	if (s->readonly) {
		xasprintf(&why, "saved positions are read-only: not saved");
		goto out;
	}
	state_forget(s, real);
	state_trim(s, STATE_MAX - 1);
	e = ARRAY_PUSH(s->e, s->ne, s->cap_e);
	e->path = real;
	real = NULL;
	e->size = size;
	e->hash = hash;
	e->sp = *sp;
	rc = state_write(s, dir, &why);
out:
	if (rc != 0 && !s->reported) {
		s->reported = 1;
		*cause = why;
	} else
		free(why);
	free(real);
	free(dir);
	return rc;
}

int
state_fit(const struct doc *d, struct state_pos *sp)
{
	const struct block	*b;
	size_t			 i;

	/* A healed block's text lies elsewhere: judge by its own range. */
	if (sp->pos.block >= 0 && (size_t)sp->pos.block < d->nblocks) {
		b = &d->blocks[sp->pos.block];
		if (!(b->flags & BLOCK_HIDDEN) && sp->pos.off >= b->text_off &&
		    sp->pos.off <= (size_t)b->text_off + b->text_len &&
		    sp->line >= b->line &&
		    sp->line <= b->end_line)
			return 1;
	}
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if ((b->flags & BLOCK_HIDDEN) || b->end_line < sp->line)
			continue;
		sp->pos.block = (int)i;
		sp->pos.off = b->text_off;
		if (b->line > sp->line)
			sp->line = b->line;
		return 1;
	}
	return 0;
}
