/* The line builder: lines, runs and text of a block, in one allocation. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "layout_priv.h"
#include "scholia/text.h"

static struct lblock	*lb_pack(const struct lb *);
static void		 lb_fill(const struct lb *, struct layout_line *,
			    struct layout_run *, char *);

void
lb_init(struct lb *lb)
{
	memset(lb, 0, sizeof *lb);
}

void
lb_free(struct lb *lb)
{
	buf_free(&lb->text);
	free(lb->runs);
	free(lb->lines);
	memset(lb, 0, sizeof *lb);
}

/* Open a new line; doc_off is where an empty line sits in the doc text. */
void
lb_line(struct lb *lb, unsigned flags, size_t doc_off)
{
	struct lb_line	*l;

	if (lb->sink != NULL && lb->nlines >= LB_PIECE)
		lb->sink(lb, lb->sink_arg);
	l = ARRAY_PUSH(lb->lines, lb->nlines, lb->cap_lines);
	memset(l, 0, sizeof *l);
	l->toff = lb->text.len;
	l->rfirst = lb->nruns;
	l->flags = flags & ~lb->strip;
	l->doc_off = l->doc_end = doc_off;
}

/* Add text to the open line, growing its last run when it continues it. */
void
lb_put(struct lb *lb, const char *s, size_t n, int cols, unsigned style,
    int ref, size_t doc_off, size_t dlen, int verbatim)
{
	struct lb_line	*l = &lb->lines[lb->nlines - 1];
	struct lb_run	*r;

	if (n == 0)
		return;
	if (doc_off != LAYOUT_NO_OFF) {
		if (l->doc_off == l->doc_end || doc_off < l->doc_off)
			l->doc_off = doc_off;
		if (doc_off + dlen > l->doc_end)
			l->doc_end = doc_off + dlen;
	}
	r = l->nruns > 0 ? &lb->runs[lb->nruns - 1] : NULL;
	if (r != NULL && r->r.style == style && r->r.ref == ref &&
	    ((verbatim && r->verbatim && doc_off != LAYOUT_NO_OFF &&
	    r->r.doc_off != LAYOUT_NO_OFF &&
	    r->r.doc_off + r->dlen == doc_off) ||
	    (doc_off == LAYOUT_NO_OFF && r->r.doc_off == LAYOUT_NO_OFF))) {
		r->r.len += n;
		r->r.cols += cols;
		r->dlen += dlen;
	} else {
		r = ARRAY_PUSH(lb->runs, lb->nruns, lb->cap_runs);
		r->r.off = lb->text.len - l->toff;
		r->r.len = n;
		r->r.cols = cols;
		r->r.style = style;
		r->r.ref = ref;
		r->r.doc_off = doc_off;
		r->dlen = dlen;
		r->verbatim = verbatim;
		l->nruns++;
	}
	buf_append(&lb->text, s, n);
	l->tlen += n;
	l->cols += cols;
}

/* Decoration: s, times times (box drawing is ambiguous: measure it). */
void
lb_decor(struct lb *lb, const char *s, int times)
{
	size_t	n = strlen(s);
	int	cols = (int)text_width(s, n);

	while (times-- > 0)
		lb_put(lb, s, n, cols, STYLE_DECOR, -1, LAYOUT_NO_OFF, 0, 0);
}

/* A rule: s repeated over cols columns, spaces for what s cannot fill. */
void
lb_rule(struct lb *lb, const char *s, int cols)
{
	int	w = (int)text_width(s, strlen(s));

	if (w < 1)
		w = 1;
	lb_decor(lb, s, cols / w);
	lb_decor(lb, " ", cols % w);
}

/* Columns of one quote bar, "│ ", wider when ambiguous characters are. */
int
lb_bar_cols(void)
{
	return (int)text_width("│ ", strlen("│ "));
}

int
lb_prefix_cols(const struct prefix *p, int first)
{
	return p->quotes * lb_bar_cols() + p->indent + p->lead +
	    (first ? 0 : p->hang);
}

/* The quote bars, indentation, and list marker or its hanging space. */
void
lb_prefix(struct lb *lb, const struct prefix *p, int first)
{
	int	pad = p->lead, mcols;

	lb_decor(lb, "│ ", p->quotes);
	lb_decor(lb, " ", p->indent);
	if (first && p->marker != NULL) {
		mcols = (int)text_width(p->marker, strlen(p->marker));
		if (mcols < pad) {
			lb_decor(lb, p->marker, 1);
			pad -= mcols;
		}
	}
	if (!first)
		pad += p->hang;
	lb_decor(lb, " ", pad);
}

/* Lines opened so far, those handed to a sink included. */
size_t
lb_count(const struct lb *lb)
{
	return lb->nflushed + lb->nlines;
}

/* Forget the first n lines, keeping the rest (a table row's cells). */
void
lb_drop(struct lb *lb, size_t n)
{
	size_t	t0, r0, i;

	if (n == 0)
		return;
	if (n >= lb->nlines) {
		lb->nlines = lb->nruns = 0;
		buf_reset(&lb->text);
		return;
	}
	t0 = lb->lines[n].toff;
	r0 = lb->lines[n].rfirst;
	if (t0 > 0) {
		memmove(lb->text.data, lb->text.data + t0, lb->text.len - t0);
		lb->text.len -= t0;
		lb->text.data[lb->text.len] = '\0';
	}
	if (r0 > 0) {
		memmove(lb->runs, lb->runs + r0,
		    (lb->nruns - r0) * sizeof *lb->runs);
		lb->nruns -= r0;
	}
	memmove(lb->lines, lb->lines + n, (lb->nlines - n) * sizeof *lb->lines);
	lb->nlines -= n;
	for (i = 0; i < lb->nlines; i++) {
		lb->lines[i].toff -= t0;
		lb->lines[i].rfirst -= r0;
	}
}

/*
 * Take the lines held out of the builder, which starts afresh: the lines
 * are written to out, their runs and text go to one allocation, returned.
 */
void *
lb_take(struct lb *lb, struct layout_line *out)
{
	struct layout_run	*runs;
	char			*text;

	runs = xmalloc(lb->nruns * sizeof *runs + lb->text.len + 1);
	text = (char *)(runs + lb->nruns);
	lb_fill(lb, out, runs, text);
	lb->nflushed += lb->nlines;
	lb->nlines = 0;
	lb->nruns = 0;
	buf_reset(&lb->text);
	return runs;
}

void
lblock_free(struct lblock *blk)
{
	size_t	i;

	if (blk == NULL)
		return;
	if (blk->pieces != NULL) {
		for (i = 0; i < blk->npieces; i++)
			free(blk->pieces[i]);
		free(blk->pieces);
		free(blk->lines);
	}
	free(blk);
}

/* The lines held, packed; lb_finish also frees the builder. */
struct lblock *
lb_finish(struct lb *lb)
{
	struct lblock	*blk = lb_pack(lb);

	lb_free(lb);
	return blk;
}

/* Pack the lines into one allocation: lines, then runs, then text. */
static struct lblock *
lb_pack(const struct lb *lb)
{
	struct lblock		*blk;
	struct layout_line	*lines;
	struct layout_run	*runs;
	size_t			 size;

	size = sizeof *blk + lb->nlines * sizeof *lines +
	    lb->nruns * sizeof *runs + lb->text.len + 1;
	blk = xmalloc(size);
	memset(blk, 0, sizeof *blk);
	lines = (struct layout_line *)(blk + 1);
	runs = (struct layout_run *)(lines + lb->nlines);
	blk->nlines = (int)lb->nlines;
	blk->lines = lines;
	lb_fill(lb, lines, runs, (char *)(runs + lb->nruns));
	return blk;
}

/* The lines held, into lines, runs and text laid out by the caller. */
static void
lb_fill(const struct lb *lb, struct layout_line *lines,
    struct layout_run *runs, char *text)
{
	size_t	i;

	for (i = 0; i < lb->nruns; i++)
		runs[i] = lb->runs[i].r;
	if (lb->text.len > 0)
		memcpy(text, lb->text.data, lb->text.len);
	text[lb->text.len] = '\0';
	for (i = 0; i < lb->nlines; i++) {
		const struct lb_line	*l = &lb->lines[i];

		lines[i].text = text + l->toff;
		lines[i].len = l->tlen;
		lines[i].cols = l->cols;
		lines[i].runs = runs + l->rfirst;
		lines[i].nruns = (int)l->nruns;
		lines[i].block = -1;
		lines[i].flags = l->flags;
		lines[i].doc_off = l->doc_off;
		lines[i].doc_end = l->doc_end;
	}
}
