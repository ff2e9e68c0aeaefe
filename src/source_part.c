/* Giving back what the passes have read of a source, their progress, and parts of a source. */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "scholia/source.h"
#include "scholia/xmalloc.h"

#include "internal.h"
#include "source_map.h"
#include "source_priv.h"

#define SOURCE_STEP	((size_t)4 << 20)	/* pages given back at once */
#define SOURCE_PAGE_IN	((size_t)64 << 10)	/* a part keeps its first bytes */
#define SOURCE_TELL	((size_t)64 << 10)	/* progress told at this step */

static void	source_part_release(const struct source *,
		    struct source_priv *, size_t);

/*
 * Called for each text and block a parser reads: most calls have moved
 * less than a step from the last one heeded, and return at once.
 */
void
source_release(const struct source *s, size_t off)
{
	struct source_priv	*m;

	if (s == NULL || (m = s->priv) == NULL)
		return;
	if (off >= m->told && off - m->told < SOURCE_TELL && off < s->len)
		return;
	m->told = off;
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
	/* all of it from the top: later passes read pages in again */
	map_release(s->text, m->map, off == s->len ? 0 : m->released, off);
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
	map_release(w->text, wm->map, m->base + (m->released > SOURCE_PAGE_IN ?
	    m->released : SOURCE_PAGE_IN), m->base + off);
	m->released = off;
}

void
source_drop(const struct source *s)
{
	struct source_priv	*m;

	if (s == NULL || (m = s->priv) == NULL || m->map == 0)
		return;
	map_release(s->text, m->map, 0, s->len);
	m->released = 0;
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
