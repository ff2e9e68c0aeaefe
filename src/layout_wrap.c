/* Wrapping: UAX #14 breaks, kinsoku, graphemes, tabs and placeholders. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "layout_priv.h"
#include "scholia/doc.h"
#include "scholia/text.h"

enum unit_kind {
	U_TEXT,
	U_SPACE,
	U_TAB,
	U_NL,
	U_CTRL,		/* a placeholder: shown text differs from the doc */
};

/* One indivisible piece of text: a grapheme cluster, space or placeholder. */
struct unit {
	size_t		 doc_off;
	size_t		 dlen;		/* doc bytes it stands for */
	const char	*s;		/* shown bytes, or NULL: in ph */
	size_t		 n;
	char		 ph[24];
	int		 cols;
	unsigned	 style;
	int		 ref;
	unsigned char	 brk;		/* TEXT_BREAK_* before it */
	unsigned char	 kind;
	unsigned char	 close;		/* may not begin a line */
	unsigned char	 open;		/* may not end a line */
	unsigned char	 shy;		/* a soft hyphen precedes it */
};

/* Walks the units of a stretch of doc text. */
struct uiter {
	const struct doc	*d;
	const char		*s;
	size_t			 n;
	size_t			 base;	/* doc offset of s */
	size_t			 i;
	size_t			 sp;	/* current span */
	size_t			 spend;
	char			*brk;
	int			 code;
	unsigned		 style;
	int			 shy;	/* a soft hyphen was just dropped */
};

/* The state of wrapping one stretch of text. */
struct wrap {
	struct lb		*lb;
	const struct prefix	*pfx;
	int			 width;
	int			 tab;
	int			 code;
	struct unit		*line;	/* units of the open line */
	size_t			 nline;
	size_t			 cap_line;
	struct unit		*stack;	/* units waiting, next on top */
	size_t			 nstack;
	size_t			 cap_stack;
	int			 cols;
	int			 avail;
	int			 first;
	int			 soft;	/* the open line began at a wrap */
	int			 emitted;
	size_t			 base;
	const char		*dtext;	/* the doc text */
};

/* A wrap in progress, resumed a few lines at a time (table cells). */
struct wrapper {
	struct wrap	 w;
	struct uiter	 it;
	int		 done;
};

static void	 uiter_init(struct uiter *, const struct doc *,
		    const struct wrap_src *, int, unsigned);
static int	 uiter_next(struct uiter *, struct unit *);
static int	 uiter_simple(struct uiter *, struct unit *, unsigned, int,
		    int);
static inline int uiter_s3(const unsigned char *, size_t);
static int	 unit_dropped(uint32_t);
static const char *unit_text(const struct unit *);
static int	 unit_is_space(const struct wrap *, const struct unit *);
static int	 unit_verbatim(const struct wrap *, const struct unit *);
static void	 wrap_push(struct wrap *, const struct unit *);
static void	 wrap_one(struct wrap *, struct unit *);
static void	 wrap_emit(struct wrap *, size_t, const struct unit *, int);
static size_t	 wrap_find(struct wrap *, const struct unit *);
static size_t	 wrap_emergency(struct wrap *, const struct unit *);
static void	 wrap_squeeze(struct wrap *, struct unit *);
static int	 measure_run(const struct doc *, const struct wrap_src *, int,
		    int, int *, int *);

#define MEASURE_QUICK	4096	/* text bytes worth a quick look first */

static const char spaces[] = "                        ";

static void
uiter_init(struct uiter *it, const struct doc *d, const struct wrap_src *src,
    int code, unsigned style)
{
	size_t	n = src->len;

	memset(it, 0, sizeof *it);
	it->d = d;
	it->s = d->text.data + src->off;
	/* A final newline ends the last line; it does not open another. */
	while (n > 0 && it->s[n - 1] == '\n')
		n--;
	it->n = n;
	it->base = src->off;
	it->sp = src->span_first;
	it->spend = src->span_first + src->span_count;
	it->code = code;
	it->style = style;
	if (!code && n > 0) {
		it->brk = xmalloc(n);
		text_breaks(it->s, n, it->brk);
	}
}

/* Zero-width format characters the terminal would count differently. */
static int
unit_dropped(uint32_t c)
{
	return c == 0x00AD || c == 0x200B || (c >= 0x2060 && c <= 0x2064) ||
	    c == 0xFEFF;
}

/* The next unit of the text; 0 at the end. */
static int
uiter_next(struct uiter *it, struct unit *u)
{
	const struct span	*sp;
	uint32_t		 c, c2;
	size_t			 g, l, k;
	unsigned		 flags = 0;
	int			 ref = -1, refstart = 0;

again:
	if (it->i >= it->n) {
		free(it->brk);
		it->brk = NULL;
		return 0;
	}
	while (it->sp < it->spend) {
		sp = &it->d->spans[it->sp];
		if (sp->off + sp->len > it->base + it->i)
			break;
		it->sp++;
	}
	if (it->sp < it->spend) {
		sp = &it->d->spans[it->sp];
		if (sp->off <= it->base + it->i) {
			flags = sp->flags;
			ref = (flags & SPAN_REF) ? sp->ref : -1;
			refstart = sp->off == it->base + it->i;
		}
	}
	if (uiter_simple(it, u, flags, ref, refstart))
		return 1;
	l = text_decode(it->s + it->i, it->n - it->i, &c);
	memset(u, 0, sizeof *u);
	u->doc_off = it->base + it->i;
	u->style = flags | it->style;
	u->ref = ref;
	u->brk = it->brk != NULL ? (unsigned char)it->brk[it->i] :
	    TEXT_BREAK_PROHIBITED;
	if (ref != -1 && !refstart)
		u->brk = TEXT_BREAK_PROHIBITED;
	else if (ref != -1 && u->brk == TEXT_BREAK_POSSIBLE)
		u->brk = TEXT_BREAK_PROHIBITED;	/* keep a marker on its word */
	if (c == '\n' || c == 0x2028 || c == 0x2029) {
		u->kind = U_NL;
		u->dlen = l;
		it->i += l;
		return 1;
	}
	if (c == '\t' || c == ' ') {
		u->kind = c == ' ' ? U_SPACE : U_TAB;
		u->s = spaces;
		u->n = 1;
		u->cols = 1;
		u->dlen = 1;
		it->i++;
		return 1;
	}
	if (text_is_unsafe(c)) {
		u->kind = U_CTRL;
		u->dlen = l;
		u->n = text_placeholder(c, u->ph, sizeof u->ph);
		if (u->n >= sizeof u->ph)
			u->n = sizeof u->ph - 1;
		u->cols = (int)u->n;
		u->style |= STYLE_CONTROL;
		it->i += l;
		return 1;
	}
	if (c == 0xFFFD && l == 1) {
		/* an invalid byte: show U+FFFD, never the byte */
		u->kind = U_CTRL;
		u->dlen = 1;
		memcpy(u->ph, "\xef\xbf\xbd", 3);
		u->n = 3;
		u->cols = 1;
		u->style |= STYLE_CONTROL;
		it->i++;
		return 1;
	}
	g = text_grapheme(it->s + it->i, it->n - it->i);
	if (g < l)
		g = l;
	/* Never let an unsafe character hide inside a cluster. */
	for (k = l; k < g; k += l) {
		l = text_decode(it->s + it->i + k, g - k, &c2);
		/* nor an invalid byte (a Prepend character takes anything) */
		if (text_is_unsafe(c2) || c2 == '\n' || c2 == '\t' ||
		    (c2 == 0xFFFD && l == 1)) {
			g = k;
			break;
		}
	}
	if (unit_dropped(c)) {
		it->shy = c == 0x00AD;
		it->i += g;
		goto again;
	}
	u->kind = U_TEXT;
	u->s = it->s + it->i;
	u->n = g;
	u->dlen = g;
	u->cols = (int)text_width(u->s, g);
	u->close = text_is_closing(c) != 0;
	u->open = text_is_opening(c) != 0;
	u->shy = it->shy;
	it->shy = 0;
	it->i += g;
	return 1;
}

/*
 * Three-byte characters that are their own cluster and never extend one:
 * Han (U+4E00..9FFF), CJK punctuation U+3000..3029 and the full-width forms
 * U+FF01..FF60 (no combining tone marks, no voicing marks among them).
 */
static inline int
uiter_s3(const unsigned char *p, size_t n)
{
	if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	if (p[0] >= 0xE5 && p[0] <= 0xE9)
		return 1;
	if (p[0] == 0xE4)
		return p[1] >= 0xB8;
	if (p[0] == 0xE3)
		return p[1] == 0x80 && p[2] <= 0xA9;
	if (p[0] == 0xEF)
		return (p[1] == 0xBC && p[2] >= 0x81) ||
		    (p[1] == 0xBD && p[2] <= 0xA0);
	return 0;
}

/*
 * The common units without the general path: a printable ASCII character,
 * an ideograph or CJK punctuation, when what follows cannot extend its
 * cluster (ASCII, another such character, or the end). Fills u exactly as
 * the general path would; 0 if not simple.
 */
static int
uiter_simple(struct uiter *it, struct unit *u, unsigned flags, int ref,
    int refstart)
{
	const unsigned char	*p = (const unsigned char *)it->s + it->i;
	size_t			 left = it->n - it->i, l;
	uint32_t		 c;
	int			 cols;

	if (p[0] > 0x20 && p[0] < 0x7F) {
		c = p[0];
		l = 1;
		cols = 1;
	} else if (uiter_s3(p, left)) {
		c = ((uint32_t)(p[0] & 0x0F) << 12) |
		    ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		l = 3;
		cols = text_char_width(c);
	} else
		return 0;
	if (left > l && p[l] >= 0x80 && !uiter_s3(p + l, left - l))
		return 0;
	u->doc_off = it->base + it->i;
	u->style = flags | it->style;
	u->ref = ref;
	u->brk = it->brk != NULL ? (unsigned char)it->brk[it->i] :
	    TEXT_BREAK_PROHIBITED;
	if (ref != -1 && !refstart)
		u->brk = TEXT_BREAK_PROHIBITED;
	else if (ref != -1 && u->brk == TEXT_BREAK_POSSIBLE)
		u->brk = TEXT_BREAK_PROHIBITED;
	u->kind = U_TEXT;
	u->s = it->s + it->i;
	u->n = l;
	u->dlen = l;
	u->cols = cols;
	u->close = text_is_closing(c) != 0;
	u->open = text_is_opening(c) != 0;
	u->shy = it->shy;
	it->shy = 0;
	it->i += l;
	return 1;
}

static const char *
unit_text(const struct unit *u)
{
	return u->s != NULL ? u->s : u->ph;
}

/* Whether a unit shows exactly its doc bytes (a space is a doc ' '). */
static int
unit_verbatim(const struct wrap *w, const struct unit *u)
{
	if (u->kind == U_TEXT)
		return u->s == w->dtext + u->doc_off && u->n == u->dlen;
	return u->kind == U_SPACE && u->n == 1 && u->dlen == 1;
}

/* Spaces and tabs are dropped at a wrap, outside code. */
static int
unit_is_space(const struct wrap *w, const struct unit *u)
{
	return !w->code && (u->kind == U_SPACE || u->kind == U_TAB);
}

static void
wrap_push(struct wrap *w, const struct unit *u)
{
	*ARRAY_PUSH(w->stack, w->nstack, w->cap_stack) = *u;
}

/* Write line units [0, p) out, and queue u and the units after p again. */
static void
wrap_emit(struct wrap *w, size_t p, const struct unit *u, int soft)
{
	size_t		 k, g, end = p, rlen;
	struct unit	*x, *y;
	int		 cols, rcols;

	if (u != NULL)
		wrap_push(w, u);
	for (k = w->nline; k > p; k--)
		wrap_push(w, &w->line[k - 1]);
	while (end > 0 && unit_is_space(w, &w->line[end - 1]))
		end--;
	lb_line(w->lb, w->first ? LINE_FIRST : 0,
	    end > 0 ? w->line[0].doc_off : w->base);
	lb_prefix(w->lb, w->pfx, w->first);
	for (k = 0, cols = 0; k < end; k = g) {
		x = &w->line[k];
		/*
		 * Units showing their doc bytes as they are, in a row of the
		 * same style, go in as one piece: lb_put would merge them.
		 */
		rcols = x->cols;
		rlen = x->n;
		for (g = k + 1; unit_verbatim(w, x) && g < end; g++) {
			y = &w->line[g];
			if (!unit_verbatim(w, y) || y->style != x->style ||
			    y->ref != x->ref || y->doc_off != x->doc_off + rlen)
				break;
			rcols += y->cols;
			rlen += y->n;
		}
		cols += rcols;
		lb_put(w->lb, g > k + 1 ? w->dtext + x->doc_off : unit_text(x),
		    rlen, rcols, x->style, x->ref, x->doc_off,
		    g > k + 1 ? rlen : x->dlen, x->kind == U_TEXT ||
		    x->kind == U_SPACE);
	}
	/* a break at a soft hyphen shows the hyphen when it fits */
	x = p < w->nline ? &w->line[p] : NULL;
	if (x == NULL && u != NULL && !w->code)
		x = (struct unit *)u;
	if (x != NULL && x->shy && end == p && end > 0 && cols < w->avail)
		lb_put(w->lb, "-", 1, 1, w->line[end - 1].style, -1,
		    LAYOUT_NO_OFF, 0, 0);
	if (end < p)
		w->base = w->line[end].doc_off;
	else if (p > 0)
		w->base = w->line[p - 1].doc_off + w->line[p - 1].dlen;
	w->emitted++;
	w->first = 0;
	w->nline = 0;
	w->cols = 0;
	w->soft = soft;
	w->avail = w->width - lb_prefix_cols(w->pfx, 0);
	if (w->avail < 1)
		w->avail = 1;
}

/* The last place to break before u (or inside the line) that kinsoku allows. */
static size_t
wrap_find(struct wrap *w, const struct unit *u)
{
	const struct unit	*next, *prev;
	size_t			 p, k;

	for (p = w->nline; p >= 1; p--) {
		next = p == w->nline ? u : &w->line[p];
		if (next->brk != TEXT_BREAK_POSSIBLE &&
		    next->brk != TEXT_BREAK_HYPHENATION &&
		    next->brk != TEXT_BREAK_MANDATORY)
			continue;
		if (next->close)
			continue;
		prev = NULL;
		for (k = p; k > 0; k--) {
			if (!unit_is_space(w, &w->line[k - 1])) {
				prev = &w->line[k - 1];
				break;
			}
		}
		if (prev == NULL || prev->open)
			continue;
		return p;
	}
	return 0;
}

/* No break opportunity fits: split between graphemes, kinsoku permitting. */
static size_t
wrap_emergency(struct wrap *w, const struct unit *u)
{
	const struct unit	*next;
	size_t			 p;

	for (p = w->nline; p >= 1; p--) {
		next = p == w->nline ? u : &w->line[p];
		if (next->close || w->line[p - 1].open)
			continue;
		return p;
	}
	return w->nline;
}

/* Make a unit wider than an empty line fit: cut a placeholder, or show "?". */
static void
wrap_squeeze(struct wrap *w, struct unit *u)
{
	struct unit	rest;

	if (u->kind == U_TAB || u->kind == U_SPACE) {
		u->cols = w->avail;
		u->n = (size_t)w->avail;
		return;
	}
	if (u->kind == U_CTRL) {
		rest = *u;
		memmove(rest.ph, u->ph + w->avail, u->n - (size_t)w->avail);
		rest.n = u->n - (size_t)w->avail;
		rest.cols = (int)rest.n;
		rest.dlen = 0;
		rest.brk = TEXT_BREAK_PROHIBITED;
		u->n = (size_t)w->avail;
		u->cols = w->avail;
		wrap_push(w, &rest);
		return;
	}
	u->s = NULL;
	u->kind = U_CTRL;
	u->ph[0] = '?';
	u->n = 1;
	u->cols = 1;
	u->style |= STYLE_CONTROL;
}

/* Place one unit: on the open line, or wrap first. */
static void
wrap_one(struct wrap *w, struct unit *u)
{
	size_t	p;

	if (u->kind == U_NL) {
		if (w->nline == 0 && w->soft)
			w->soft = 0;	/* the wrap already ended the line */
		else
			wrap_emit(w, w->nline, NULL, 0);
		return;
	}
	if (w->nline == 0 && w->soft && unit_is_space(w, u))
		return;
	if (u->kind == U_TAB) {
		u->cols = w->tab - w->cols % w->tab;
		u->n = (size_t)u->cols;
	}
	if (w->cols + u->cols <= w->avail) {
		*ARRAY_PUSH(w->line, w->nline, w->cap_line) = *u;
		w->cols += u->cols;
		return;
	}
	if (w->nline == 0) {
		wrap_squeeze(w, u);
		*ARRAY_PUSH(w->line, w->nline, w->cap_line) = *u;
		w->cols += u->cols;
		return;
	}
	if (unit_is_space(w, u)) {
		wrap_emit(w, w->nline, NULL, 1);
		return;
	}
	if (w->code) {
		wrap_emit(w, w->nline, u, 0);
		return;
	}
	if ((p = wrap_find(w, u)) == 0)
		p = wrap_emergency(w, u);
	wrap_emit(w, p, u, 1);
}

void
wrap_text(const struct doc *d, const struct wrap_src *src, int width,
    int tab, int code, unsigned style, const struct prefix *pfx,
    struct lb *lb)
{
	struct wrapper	*wr;

	wr = wrap_start(d, src, width, tab, code, style, pfx, lb);
	wrap_step(wr, (size_t)-1);
	wrap_stop(wr);
}

struct wrapper *
wrap_start(const struct doc *d, const struct wrap_src *src, int width,
    int tab, int code, unsigned style, const struct prefix *pfx,
    struct lb *lb)
{
	struct wrapper	*wr = xcalloc(1, sizeof *wr);
	struct wrap	*w = &wr->w;

	w->lb = lb;
	w->pfx = pfx;
	w->width = width;
	w->tab = tab;
	w->code = code;
	w->first = 1;
	w->base = src->off;
	w->dtext = d->text.data;
	w->avail = width - lb_prefix_cols(pfx, 1);
	if (w->avail < 1)
		w->avail = 1;
	uiter_init(&wr->it, d, src, code, style);
	return wr;
}

/*
 * Wrap on until the builder holds more than want lines (every line it holds
 * is finished) or the text ends; 1 once it has ended.
 */
int
wrap_step(struct wrapper *wr, size_t want)
{
	struct wrap	*w = &wr->w;
	struct unit	 u;

	while (!wr->done && w->lb->nlines <= want) {
		if (!uiter_next(&wr->it, &u)) {
			if (w->nline > 0)
				wrap_emit(w, w->nline, NULL, 0);
			wr->done = 1;
			break;
		}
		wrap_one(w, &u);
		while (w->nstack > 0) {
			u = w->stack[--w->nstack];
			wrap_one(w, &u);
		}
	}
	return wr->done;
}

void
wrap_stop(struct wrapper *wr)
{
	if (wr == NULL)
		return;
	free(wr->it.brk);
	free(wr->w.line);
	free(wr->w.stack);
	free(wr);
}

/*
 * A long text with cap > 0 is first walked without working out its breaks,
 * only until a line reaches cap columns: found, *word is -1 (unknown).
 */
void
wrap_measure(const struct doc *d, const struct wrap_src *src, int tab,
    int cap, int *widest, int *word)
{
	if (cap > 0 && src->len >= MEASURE_QUICK &&
	    measure_run(d, src, tab, cap, widest, word)) {
		*word = -1;
		return;
	}
	measure_run(d, src, tab, 0, widest, word);
}

/* Widest line and word; with cap > 0, no breaks, and 1 once a line is cap. */
static int
measure_run(const struct doc *d, const struct wrap_src *src, int tab,
    int cap, int *widest, int *word)
{
	struct uiter	it;
	struct unit	u;
	int		line = 0, run = 0;

	*widest = *word = 0;
	uiter_init(&it, d, src, cap > 0, 0);
	while (uiter_next(&it, &u)) {
		if (u.kind == U_NL) {
			line = run = 0;
			continue;
		}
		if (u.kind == U_TAB)
			u.cols = tab - line % tab;
		if (u.kind == U_SPACE || u.kind == U_TAB ||
		    u.brk == TEXT_BREAK_POSSIBLE)
			run = 0;
		line += u.cols;
		if (u.kind != U_SPACE && u.kind != U_TAB)
			run += u.cols;
		if (line > *widest)
			*widest = line;
		if (run > *word)
			*word = run;
		if (cap > 0 && *widest >= cap) {
			free(it.brk);
			return 1;
		}
	}
	return 0;
}
