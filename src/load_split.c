/* A large Markdown source parsed in two parts at once, on two threads, then joined. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc_join.h"
#include "load_int.h"
#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/parse.h"
#include "scholia/source.h"
#include "scholia/xmalloc.h"
#include "source_map.h"

#define SPLIT_MIN	((size_t)8 << 20)	/* smaller sources: one thread */
#define SPLIT_BLOCK_BYTES	256	/* source bytes a block, or more */
#define SPLIT_SPAN_BYTES	128	/* source bytes a span, or more */

/* What a line leaves open for the lines after it (top level only). */
enum split_open {
	SPLIT_NONE,
	SPLIT_FENCE,		/* fenced code */
	SPLIT_HTML,		/* an HTML block that blank lines do not end */
};

struct split_state {
	enum split_open	 open;
	char		 fence;		/* '`' or '~' */
	size_t		 fence_len;
	const char	*end;		/* what ends the HTML block */
};

struct split_part {
	struct doc	*d;
	char		*cause;
	int		 rc;
	int		 def;		/* a link definition: not parsed */
};

static size_t	 split_min = SPLIT_MIN;

static void	*split_worker(void *);
static int	 split_blank(const char *, size_t);
static int	 split_plain(const char *, size_t);
static int	 split_has_def(const char *, size_t);
static size_t	 split_indent(const char *, size_t);
static size_t	 split_skip(const char *, size_t, size_t,
		    struct split_state *);
static int	 split_contains(const char *, size_t, const char *);
static void	 split_line(struct split_state *, const char *, size_t);
static int	 split_ran_on(const struct doc *, int);
static size_t	 split_cut(const char *, size_t);
static int	 split_whole(struct doc *, char **);
static void	 split_room(struct doc *, size_t);

void
load_set_split_min(size_t n)
{
	__atomic_store_n(&split_min, n, __ATOMIC_RELAXED);
}

static void *
split_worker(void *arg)
{
	struct split_part	*p = arg;
	const struct source	*s = p->d->source;

	/* each part looks for link definitions in its own text first */
	if ((p->def = split_has_def(s->text, s->len)) == 0)
		p->rc = parse_md(p->d, &p->cause);
	return NULL;
}

/* Spaces, tabs and a CR only: a blank line to md4c. */
static int
split_blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/*
 * Whether a line at the left margin opens a paragraph whatever came before
 * a blank line: it continues no list or quote, and is no marker of its own.
 */
static int
split_plain(const char *s, size_t n)
{
	unsigned char	c;

	if (n == 0)
		return 0;
	c = (unsigned char)s[0];
	if ((c >= '0' && c <= '9') || c < ' ')
		return 0;
	return strchr(" >|-*+=`~<[^#_:", c) == NULL;
}

static size_t
split_indent(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n && i < 4 && s[i] == ' '; i++)
		;
	return i;
}

/* Whether lit (ASCII) occurs in s..n, ignoring case. */
static int
split_contains(const char *s, size_t n, const char *lit)
{
	size_t	i, k = strlen(lit);

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, lit, k) == 0)
			return 1;
	return 0;
}

/*
 * Follow a line of the text at the top level: fenced code and the HTML
 * blocks that run past blank lines (comments, <?, <!X, CDATA, script, pre,
 * style, textarea) open and close as md4c opens and closes them. A block
 * opened where md4c opens none would swallow the line that opens a real
 * one (found by fuzzing: "<![" before "<![CDATA[").
 */
static void
split_line(struct split_state *st, const char *s, size_t n)
{
	static const char *const raw[] = { "script", "pre", "style",
	    "textarea" };
	static const char *const raw_end[] = { "</script>", "</pre>",
	    "</style>", "</textarea>" };
	size_t	i = split_indent(s, n), k, j;

	if (st->open == SPLIT_FENCE) {
		if (i < 4) {
			for (k = i; k < n && s[k] == st->fence; k++)
				;
			if (k - i >= st->fence_len && split_blank(s + k, n - k))
				st->open = SPLIT_NONE;
		}
		return;
	}
	if (st->open == SPLIT_HTML) {
		if (split_contains(s, n, st->end))
			st->open = SPLIT_NONE;
		return;
	}
	if (i >= 4 || i >= n)
		return;
	if (s[i] == '`' || s[i] == '~') {
		for (k = i; k < n && s[k] == s[i]; k++)
			;
		if (k - i >= 3 && (s[i] == '~' ||
		    memchr(s + k, '`', n - k) == NULL)) {
			st->open = SPLIT_FENCE;
			st->fence = s[i];
			st->fence_len = k - i;
		}
		return;
	}
	if (s[i] != '<' || i + 1 >= n)
		return;
	st->end = NULL;
	if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0)
		st->end = "]]>";
	else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
		st->end = "-->";
	else if (s[i + 1] == '?')
		st->end = "?>";
	else if (s[i + 1] == '!' && i + 2 < n && s[i + 2] >= 'A' &&
	    s[i + 2] <= 'Z')
		st->end = ">";	/* <!X: md4c wants a capital letter */
	else
		for (j = 0; j < sizeof raw / sizeof raw[0]; j++)
			if (split_contains(s + i + 1, n - i - 1 <
			    strlen(raw[j]) ? n - i - 1 : strlen(raw[j]),
			    raw[j]))
				st->end = raw_end[j];
	/* the end on the opening line itself, after the opener */
	if (st->end != NULL && !split_contains(s + i + 2, n - i - 2, st->end))
		st->open = SPLIT_HTML;
}

/*
 * Whether the text may hold a link reference definition ("[x]: url"): one
 * part would not see the other's. Any "]:" outside a note definition line
 * ("[^1]: ...", which the parser masks) counts. So do a NUL byte, a
 * vertical tab, and a form feed with more on its line: the parser takes
 * them for spaces where the scan for the cut does not, and so opens and
 * joins blocks it does not see (found by fuzzing; papers have none, or a
 * page break alone on its line).
 */
static int
split_has_def(const char *s, size_t n)
{
	const char	*p = s, *end = s + n, *ls, *q;

	if (memchr(s, '\0', n) != NULL || memchr(s, '\v', n) != NULL)
		return 1;
	for (q = s; (q = memchr(q, '\f', (size_t)(end - q))) != NULL; q++)
		if (q + 1 < end && q[1] != '\n' && q[1] != '\f')
			return 1;

	while (p + 1 < end && (p = memchr(p, ']', (size_t)(end - p - 1))) !=
	    NULL) {
		if (p[1] != ':') {
			p++;
			continue;
		}
		for (ls = p; ls > s && ls[-1] != '\n'; ls--)
			;
		q = ls + split_indent(ls, (size_t)(p - ls));
		if (q - ls > 3 || p - q < 3 || q[0] != '[' || q[1] != '^' ||
		    memchr(q + 2, ']', (size_t)(p - q - 2)) != NULL ||
		    memchr(q + 2, ' ', (size_t)(p - q - 2)) != NULL ||
		    memchr(q + 2, '[', (size_t)(p - q - 2)) != NULL)
			return 1;
		p += 2;
	}
	return 0;
}

/*
 * The state at the start of the line holding want (or the first line
 * after it that nothing holds open), from the lines before: only those
 * starting with one of ` ~ < change it, found with memchr, and the lines
 * of an HTML block being closed. Returns that line's start.
 */
static size_t
split_skip(const char *s, size_t n, size_t want, struct split_state *st)
{
	static const char	 keys[] = "`~<";
	const char		*next[3], *c, *ls, *e;
	size_t			 pos = 0, le, lim, k, best;

	while (want > 0 && s[want - 1] != '\n')
		want--;
	lim = want;
	for (k = 0; k < 3; k++)
		next[k] = memchr(s, keys[k], lim);
	for (;;) {
		for (k = 0, best = 3; k < 3; k++)
			if (next[k] != NULL && (best == 3 || next[k] <
			    next[best]))
				best = k;
		if (best == 3)
			break;
		c = next[best];
		if ((size_t)(c - s) < pos) {
			next[best] = pos < lim ? memchr(s + pos, keys[best],
			    lim - pos) : NULL;
			continue;
		}
		for (ls = c; ls > s && ls[-1] == ' ' && c - ls < 4; ls--)
			;
		if (ls > s && ls[-1] != '\n') {
			next[best] = (size_t)(c + 1 - s) < lim ? memchr(c + 1,
			    keys[best], lim - (size_t)(c + 1 - s)) : NULL;
			continue;
		}
		do {
			e = memchr(ls, '\n', n - (size_t)(ls - s));
			le = e != NULL ? (size_t)(e - s) : n;
			split_line(st, ls, le - (size_t)(ls - s));
			ls = s + le + 1;
		} while (st->open == SPLIT_HTML && le < n);
		pos = le + 1;
	}
	return pos > want ? pos : want;
}

/*
 * Whether the first part may end inside a block that the whole text
 * carries on past the cut: the scan of the text pairs fences its own way
 * (a fence line in a table is a row to the parser), so a part ending in
 * code, or in a block over the blank line before the cut (an HTML block),
 * is not trusted. Found by fuzzing; code is rare enough in papers.
 */
static int
split_ran_on(const struct doc *d, int cut_line)
{
	const struct block	*b;

	if (d->nblocks == 0)
		return 0;
	b = &d->blocks[d->nblocks - 1];
	return b->type == BLOCK_CODE || b->end_line >= cut_line - 1;
}

size_t
load_split_cut(const char *s, size_t n)
{
	return split_has_def(s, n) ? 0 : split_cut(s, n);
}

/* The cut of load_split_cut, the text not looked at for definitions. */
static size_t
split_cut(const char *s, size_t n)
{
	struct split_state	 st;
	const char		*e;
	size_t			 i = 0, le, want = n / 2;
	int			 blank, chunk_ok = 0, ff = 0;

	memset(&st, 0, sizeof st);
	/* from a line near the middle: the chunk before it is unknown */
	i = split_skip(s, n, want, &st);
	blank = 0;
	while (i < n) {
		e = memchr(s + i, '\n', n - i);
		le = e != NULL ? (size_t)(e - s) : n;
		if (split_blank(s + i, le - i)) {
			blank = 1;
			i = le + 1;
			continue;
		}
		/*
		 * After a blank line, at a plain start, with nothing open:
		 * the blocks before are closed, and the chunk before (where
		 * the last of them starts) has no page break for this line.
		 */
		if (blank && i >= want && chunk_ok && !ff &&
		    st.open == SPLIT_NONE && split_plain(s + i, le - i))
			return i;
		if (blank) {
			chunk_ok = st.open == SPLIT_NONE;
			ff = 0;
		}
		if (memchr(s + i, '\f', le - i) != NULL)
			ff = 1;
		split_line(&st, s + i, le - i);
		if (st.open != SPLIT_NONE)
			chunk_ok = 0;
		blank = 0;
		i = le + 1;
	}
	return 0;
}

/*
 * A part held a link definition: d (maybe holding the first part) gets
 * the whole source parsed at once instead, as if never cut.
 */
static int
split_whole(struct doc *d, char **cause)
{
	struct doc	*w = doc_new(d->source), tmp;
	int		 rc;

	w->markdown = d->markdown;
	rc = parse_md(w, cause);
	tmp = *d;
	*d = *w;
	d->owned = tmp.owned;
	tmp.owned = NULL;
	*w = tmp;
	doc_free(w);
	return rc;
}

/*
 * Room for the text, blocks and spans of n bytes of source up front (as
 * many as papers have, more grow as usual): the first part, given room
 * for the whole, is joined without growing. Only what is written is
 * touched.
 */
static void
split_room(struct doc *d, size_t n)
{
	buf_grow(&d->text, n);
	d->cap_blocks = n / SPLIT_BLOCK_BYTES + 1;
	d->blocks = xreallocarray(d->blocks, d->cap_blocks,
	    sizeof *d->blocks);
	d->cap_spans = n / SPLIT_SPAN_BYTES + 1;
	d->spans = xreallocarray(d->spans, d->cap_spans, sizeof *d->spans);
}

int
load_parse_md(struct doc *d, char **cause)
{
	const struct source	*src = d->source;
	struct source		*p1 = NULL, *p2 = NULL;
	struct split_part	 two = { 0 };
	pthread_t		 t;
	size_t			 cut;
	int			 rc, threaded, def;

	if (src->len < __atomic_load_n(&split_min, __ATOMIC_RELAXED))
		return parse_md(d, cause);
	/*
	 * The text is still in memory from the scan: the look for the cut and
	 * the parts read it there, each part giving back what it has parsed.
	 */
	cut = split_cut(src->text, src->len);
	if (cut == 0 ||
	    source_part(src, 0, cut, 0, &p1) != 0 ||
	    source_part(src, cut, src->len - cut, 1, &p2) != 0) {
		source_free(p1);
		return parse_md(d, cause);
	}
	two.d = doc_new(p2);
	two.d->markdown = d->markdown;
	split_room(two.d, p2->len);
	split_room(d, src->len);
	threaded = pthread_create(&t, NULL, split_worker, &two) == 0;
	d->source = p1;
	def = split_has_def(p1->text, p1->len);
	rc = def ? 0 : parse_md(d, cause);
	if (threaded)
		pthread_join(t, NULL);
	else
		split_worker(&two);
	d->source = src;
	if (def || two.def) {
		if (rc != 0) {
			free(*cause);
			*cause = NULL;
		}
		rc = split_whole(d, cause);
	} else {
		if (rc == 0 && two.rc != 0) {
			*cause = two.cause;
			two.cause = NULL;
			rc = -1;
		}
		if (rc == 0 && split_ran_on(d, source_line_of(src, cut)))
			rc = split_whole(d, cause);
		else if (rc == 0)
			doc_append_doc(d, two.d, source_line_of(src, cut) - 1);
	}
	free(two.cause);
	doc_free(two.d);
	source_free(p1);
	source_free(p2);
	return rc;
}
