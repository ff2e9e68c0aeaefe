/* Outline recovery: headings from numbering and section words, their levels, and articles. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "outline_internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/outline.h"
#include "scholia/source.h"

#define OUTLINE_AHEAD	8	/* blocks read ahead of the map */

struct outline_ctx {
	struct doc	*d;
	int		 has_cn;	/* 一、 or （一） numbering is used */
	int		 has_cap;	/* 壹、 sits above 一、 */
	int		 has_roman;
	int		 has_chapter;
};

/* What the kinds map saw in the flow, for the levels. */
#define OUTLINE_SEEN_CN		0x01	/* 一、 or （一） numbering */
#define OUTLINE_SEEN_CAP	0x02	/* 壹、 */
#define OUTLINE_SEEN_ROMAN	0x04
#define OUTLINE_SEEN_CHAPTER	0x08
#define OUTLINE_SEEN_NUMBERED	0x10	/* a kind but a section word */
#define OUTLINE_SEEN_DEEP	0x20	/* a "##" heading or deeper */

/* The kinds of blocks, computed on two threads. */
struct outline_kmap {
	struct doc		*d;
	enum outline_kind	*kinds;
	const unsigned char	*hint;	/* healing's kinds + 1, or NULL */
	unsigned		 seen;	/* OUTLINE_SEEN_*, each half ORs its own */
};

/* Normalised article titles, for contents entries found on two threads. */
struct outline_cmap {
	struct doc		*d;
	const struct buf	*titles;
	const char		*shortt;	/* too short a title to look for */
	size_t			 max;		/* bytes of the longest entry */
};

static int	outline_level(const struct outline_ctx *, enum outline_kind);
static void	outline_kinds(void *, size_t, size_t);
static unsigned	outline_seen(const struct block *, enum outline_kind);
static int	outline_unnumbered(const struct doc *, int);
static void	outline_add(struct doc *, int, int);
static void	outline_runin(struct doc *, int);
static void	outline_articles(struct doc *);
static int	outline_listy(enum outline_kind);
static void	outline_norm(const char *, size_t, struct buf *, size_t);
static void	outline_contents(struct doc *);
static void	outline_entries(void *, size_t, size_t);
static int	outline_numeric(const char *, size_t);
static int	outline_front_follows(const struct doc *, int);
static int	outline_md_title_near(const struct doc *,
		    const enum outline_kind *, int);

/* What a block of the flow of this kind tells of the numbering in use. */
static unsigned
outline_seen(const struct block *b, enum outline_kind k)
{
	unsigned	seen = 0;

	if (k == OUTLINE_CN1 || k == OUTLINE_CN2 || k == OUTLINE_CN0)
		seen |= OUTLINE_SEEN_CN;
	if (k == OUTLINE_CN0)
		seen |= OUTLINE_SEEN_CAP;
	if (k == OUTLINE_ROMAN)
		seen |= OUTLINE_SEEN_ROMAN;
	if (k == OUTLINE_CHAPTER)
		seen |= OUTLINE_SEEN_CHAPTER;
	if (k != OUTLINE_NONE && k != OUTLINE_WORD && k != OUTLINE_ABSTRACT)
		seen |= OUTLINE_SEEN_NUMBERED;
	if (b->type == BLOCK_HEADING && b->level > 1)
		seen |= OUTLINE_SEEN_DEEP;
	return seen;
}

/*
 * The numbering kind of blocks from to to of the flow, run-in heads, and
 * what numbering is in use (a map: the block is at hand, no second pass).
 */
static void
outline_kinds(void *arg, size_t from, size_t to)
{
	struct outline_kmap	*km = arg;
	const struct doc	*d = km->d;	/* outline_runin writes */
	struct buf		 plain = { 0 };
	size_t			 i;
	unsigned		 seen = 0;

	for (i = from; i < to; i++) {
		recover_prefetch(d, i + OUTLINE_AHEAD);
		if (!doc_in_flow(d, (int)i))
			continue;
		if (d->blocks[i].type == BLOCK_HEADING) {
			buf_reset(&plain);
			recover_block_plain(d, (int)i, &plain);
			km->kinds[i] = outline_kind(plain.data != NULL ?
			    plain.data : "", plain.len);
		} else if (km->hint != NULL && km->hint[i] != 0)
			km->kinds[i] = (enum outline_kind)(km->hint[i] - 1);
		else
			km->kinds[i] = outline_block_kind(d, (int)i);
		seen |= outline_seen(&d->blocks[i], km->kinds[i]);
		/* the head style touches this block only, read by no pass */
		if (d->blocks[i].type == BLOCK_PARA)
			outline_runin(km->d, (int)i);
	}
	buf_free(&plain);
	__atomic_fetch_or(&km->seen, seen, __ATOMIC_RELAXED);
}

/* Level of a numbering kind, as the contract in DESIGN.md fixes it. */
static int
outline_level(const struct outline_ctx *c, enum outline_kind k)
{
	int	cap = c->has_cap;	/* 壹、 pushes the rest down one */

	switch (k) {
	case OUTLINE_CN0:
	case OUTLINE_WORD:
	case OUTLINE_ABSTRACT:
	case OUTLINE_CHAPTER:
	case OUTLINE_ROMAN:
		return 2;
	case OUTLINE_CN1:
		return 2 + cap;
	case OUTLINE_CN2:
		return 3 + cap;
	case OUTLINE_SECTION:
		return c->has_chapter ? 3 : 2;
	case OUTLINE_AR1:
		return c->has_cn ? 4 + cap : c->has_roman ? 3 : 2;
	case OUTLINE_AR2:
		return c->has_cn ? 5 + cap : c->has_roman ? 4 : 3;
	case OUTLINE_AR3:
		return c->has_cn ? 6 + cap : c->has_roman ? 5 : 4;
	case OUTLINE_PAREN_AR:
		return c->has_cn ? 5 + cap : 3;
	default:
		return 2;
	}
}

/*
 * An unnumbered heading of a paper without numbering: a short line between
 * longer paragraphs, with the body or a list right after it.
 */
static int
outline_unnumbered(const struct doc *d, int bi)
{
	struct buf	 plain = { 0 };
	const struct block *nb;
	size_t		 nch, nnext, l;
	uint32_t	 c, last = 0;
	int		 next, han = 0, ok = 0;

	if (!outline_para_shape(d, bi, &plain))
		goto out;
	nch = recover_nchars(plain.data, plain.len);
	for (l = 0; l < plain.len;) {
		size_t k = text_next(plain.data + l, plain.len - l, &c);

		if (recover_is_han(c))
			han = 1;
		if (han && (c == 0xff0c || c == ','))
			goto out;
		l += k;
	}
	if (nch > (han ? 30u : 80u) || nch < 2)
		goto out;
	recover_decode_last(plain.data, plain.len, &last);
	if (recover_is_final(last) && last != '?' && last != 0xff1f)
		goto out;
	if (last == ':' || last == 0xff1a || last == 0x2014)
		goto out;
	next = recover_next_flow(d, bi);
	if (next < 0)
		goto out;
	nb = &d->blocks[next];
	if (nb->flags & BLOCK_LISTITEM) {
		ok = 1;
		goto out;
	}
	if (nb->type != BLOCK_PARA)
		goto out;
	nnext = recover_nchars(doc_text(d, nb->text_off), nb->text_len);
	ok = nnext >= 2 * nch && nnext >= 40;
out:
	buf_free(&plain);
	return ok;
}

/* Numberings that plain lists use too. */
static int
outline_listy(enum outline_kind k)
{
	return k == OUTLINE_AR1 || k == OUTLINE_AR2 || k == OUTLINE_PAREN_AR ||
	    k == OUTLINE_CN1 || k == OUTLINE_CN2;
}

/* Whether labelled front matter (提要, 关键词, Abstract) follows closely. */
static int
outline_front_follows(const struct doc *d, int bi)
{
	int	i, k;

	for (i = recover_next_flow(d, bi), k = 0; i >= 0 && k < 6;
	    i = recover_next_flow(d, i), k++) {
		if (d->blocks[i].type == BLOCK_META)
			return 1;
		if (d->blocks[i].type == BLOCK_HEADING)
			return 0;
	}
	return 0;
}

/* Whether a line is mostly numbers: "2026 年第 2 期", a date, no title. */
static int
outline_numeric(const char *s, size_t n)
{
	size_t		i, l, digits = 0, words = 0;
	uint32_t	c;

	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (c >= '0' && c <= '9')
			digits++;
		else if (recover_is_han(c) || (c < 0x80 && ((c | 0x20) >= 'a' &&
		    (c | 0x20) <= 'z')))
			words++;
	}
	return digits >= words;
}

/* A "# Title" close to the start: the title, not a line above it. */
static int
outline_md_title_near(const struct doc *d, const enum outline_kind *kinds,
    int first)
{
	int	i, k;

	for (i = first, k = 0; i >= 0 && k < 8; i = recover_next_flow(d, i),
	    k++)
		if (d->blocks[i].type == BLOCK_HEADING &&
		    d->blocks[i].level == 1 && kinds[i] == OUTLINE_NONE)
			return i;
	return -1;
}

/* Record block bi as a heading of this level, titled by its plain text. */
static void
outline_add(struct doc *d, int bi, int level)
{
	struct buf	plain = { 0 };

	recover_block_plain(d, bi, &plain);
	doc_add_heading(d, level, d->blocks[bi].line, bi,
	    plain.data != NULL ? plain.data : "");
	buf_free(&plain);
}

/* A bold head run into its paragraph ("**再次，…。**正文") is styled as one. */
static void
outline_runin(struct doc *d, int bi)
{
	struct block	*b = &d->blocks[bi];
	struct span	*sp;

	if (b->type != BLOCK_PARA || b->span_count < 2)
		return;
	sp = &d->spans[b->span_first];
	if ((sp->flags & SPAN_STRONG) && !(sp->flags & SPAN_REF) &&
	    recover_nchars(doc_text(d, sp->off), sp->len) <= 60)
		sp->flags |= SPAN_HEADING;
}

/* Split the doc into articles at level-1 headings; tag blocks and notes. */
static void
outline_articles(struct doc *d)
{
	size_t	i;
	int	cur = -1, a, first_flow = -1;

	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (first_flow < 0 && doc_in_flow(d, (int)i))
			first_flow = (int)i;
		if (b->type == BLOCK_HEADING && b->heading >= 0 &&
		    d->headings[b->heading].level == 1) {
			a = doc_add_article(d, d->headings[b->heading].title,
			    b->line, (int)i);
			d->articles[a].heading = b->heading;
			if (cur < 0 && a == 0)
				d->articles[a].first_block = 0;
			cur = a;
		}
		if (cur >= 0) {
			b->article = cur;
			d->articles[cur].last_block = (int)i;
		}
	}
	if (d->narticles == 0 && d->nblocks > 0) {
		/* no title in the text: one untitled article */
		a = doc_add_article(d, "", first_flow >= 0 ?
		    d->blocks[first_flow].line : 1, 0);
		d->articles[a].last_block = (int)d->nblocks - 1;
	}
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].article < 0)
			d->blocks[i].article = 0;
	for (i = 0; i < d->nnotes; i++)
		if (d->notes[i].block >= 0)
			d->notes[i].article =
			    d->blocks[d->notes[i].block].article;
	for (i = 0; i < d->nheadings; i++)
		if (d->headings[i].block >= 0)
			d->headings[i].article =
			    d->blocks[d->headings[i].block].article;
}

/*
 * Letters, digits and ideographs only, lower case: what titles compare by.
 * Stops once more than max bytes are out (callers only compare short ones).
 * Written in place: it never writes more than it reads, nor than max + 4.
 */
static void
outline_norm(const char *s, size_t n, struct buf *out, size_t max)
{
	size_t		i, j, l, k = 0;
	uint32_t	c;
	char		*o;

	buf_reset(out);
	buf_grow(out, max < n ? max + 4 : n);
	o = out->data;
	for (i = 0; i < n && k <= max; i += l) {
		l = text_next(s + i, n - i, &c);
		if (c < 0x80) {
			if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
				o[k++] = (char)c;
			else if (c >= 'A' && c <= 'Z')
				o[k++] = (char)(c - 'A' + 'a');
		} else if (recover_is_han(c))
			for (j = 0; j < l; j++)
				o[k++] = s[i + j];
	}
	out->len = k;
	o[k] = '\0';
}

/* Blocks from to to that name a later article are its contents entries. */
static void
outline_entries(void *arg, size_t from, size_t to)
{
	struct outline_cmap	*cm = arg;
	struct doc		*d = cm->d;
	struct buf		 text = { 0 };
	size_t			 i, a, tn;

	for (i = from; i < to; i++) {
		struct block *b = &d->blocks[i];

		if (b->type != BLOCK_PARA || !doc_in_flow(d, (int)i))
			continue;
		/* longer than max: no title can match, whatever its end */
		outline_norm(doc_text(d, b->text_off), b->text_len, &text,
		    cm->max);
		if (text.len == 0 || text.len > cm->max)
			continue;
		for (a = 0; a < d->narticles; a++) {
			tn = cm->titles[a].len;
			if ((size_t)d->articles[a].first_block <= i ||
			    cm->shortt[a] ||
			    text.len > 2 * tn + 60 ||
			    memmem(text.data, text.len, cm->titles[a].data,
			    tn) == NULL)
				continue;
			b->entry_of = (int)a;
			break;
		}
	}
	buf_free(&text);
}

/*
 * A short line before an article that names it is its contents entry:
 * each block is looked at alone, on two threads.
 */
static void
outline_contents(struct doc *d)
{
	struct outline_cmap	 cm;
	struct buf		*titles;
	size_t			 a, max = 0;
	char			*shortt;

	if (d->narticles < 2 || d->narticles > 500)
		return;
	titles = xcalloc(d->narticles, sizeof *titles);
	shortt = xcalloc(d->narticles, 1);
	for (a = 0; a < d->narticles; a++) {
		outline_norm(d->articles[a].title,
		    strlen(d->articles[a].title), &titles[a], SIZE_MAX);
		shortt[a] = recover_nchars(titles[a].data, titles[a].len) < 4;
		if (!shortt[a] && 2 * titles[a].len + 60 > max)
			max = 2 * titles[a].len + 60;
	}
	cm.d = d;
	cm.titles = titles;
	cm.shortt = shortt;
	cm.max = max;
	recover_par(d->nblocks, outline_entries, &cm);
	for (a = 0; a < d->narticles; a++)
		buf_free(&titles[a]);
	free(titles);
	free(shortt);
}

void
outline_recover(struct doc *d)
{
	outline_recover_kinds(d, NULL);
}

/* The outline, with the kinds of paragraphs healing found (then freed). */
void
outline_recover_kinds(struct doc *d, unsigned char *hint)
{
	struct outline_ctx	 c;
	struct buf		 plain = { 0 };
	enum outline_kind	*kinds;
	char			*listed;
	size_t			 i;
	int			 first, numbered = 0, level, title = -1, prev;
	int			 under_abstract = 0, flat;
	struct outline_kmap	 km;

	memset(&c, 0, sizeof c);
	c.d = d;
	kinds = xcalloc(d->nblocks + 1, sizeof *kinds);
	km.d = d;
	km.kinds = kinds;
	km.hint = hint;
	km.seen = 0;
	recover_par(d->nblocks, outline_kinds, &km);
	free(hint);
	c.has_cn = (km.seen & OUTLINE_SEEN_CN) != 0;
	c.has_cap = (km.seen & OUTLINE_SEEN_CAP) != 0;
	c.has_roman = (km.seen & OUTLINE_SEEN_ROMAN) != 0;
	c.has_chapter = (km.seen & OUTLINE_SEEN_CHAPTER) != 0;
	numbered = (km.seen & OUTLINE_SEEN_NUMBERED) != 0;
	/* a converter that writes every heading with one # */
	flat = !(km.seen & OUTLINE_SEEN_DEEP);

	/* numbered lines in a row with no text between are a list */
	listed = xcalloc(d->nblocks + 1, 1);
	for (i = 0; i < d->nblocks; i++) {
		int p, q;

		if (!outline_listy(kinds[i]) ||
		    d->blocks[i].type != BLOCK_PARA)
			continue;
		p = recover_prev_flow(d, (int)i);
		q = recover_next_flow(d, (int)i);
		if ((p >= 0 && d->blocks[p].type == BLOCK_PARA &&
		    kinds[p] == kinds[i]) ||
		    (q >= 0 && d->blocks[q].type == BLOCK_PARA &&
		    kinds[q] == kinds[i]))
			listed[i] = 1;
	}
	for (i = 0; i < d->nblocks; i++)
		if (listed[i])
			kinds[i] = OUTLINE_NONE;
	free(listed);

	/* the title: an unnumbered first heading, or a short first line */
	first = -1;
	for (i = 0; i < d->nblocks; i++)
		if (doc_in_flow(d, (int)i)) {
			first = (int)i;
			break;
		}
	if (first >= 0 && kinds[first] == OUTLINE_NONE) {
		struct block *b = &d->blocks[first];

		buf_reset(&plain);
		if (b->type == BLOCK_HEADING)
			title = first;
		else if ((title = outline_md_title_near(d, kinds, first)) >= 0)
			;	/* the "# Title" below a journal line */
		else if (outline_para_shape(d, first, &plain) &&
		    !recover_block_ends_sentence(d, first) &&
		    !outline_numeric(plain.data, plain.len) &&
		    recover_next_flow(d, first) >= 0)
			title = first;
	}

	prev = -1;
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];
		const char *t;
		size_t n;

		if (!doc_in_flow(d, (int)i))
			continue;
		level = 0;
		if ((int)i == title)
			level = 1;
		else if (kinds[i] != OUTLINE_NONE)
			level = outline_level(&c, kinds[i]);
		else if (b->type == BLOCK_HEADING) {
			level = b->level < 1 ? 1 : b->level > 6 ? 6 : b->level;
			/* all "#": a section, unless front matter follows */
			if (level == 1 && flat && !outline_front_follows(d,
			    (int)i))
				level = 2;
			buf_reset(&plain);
			recover_block_plain(d, (int)i, &plain);
			n = plain.len;
			t = plain.data != NULL ? plain.data : "";
			if (n == 0) {
				prev = (int)i;
				continue;
			}
			/* ——subtitle: part of the title above it */
			if (prev >= 0 && d->blocks[prev].type ==
			    BLOCK_HEADING && d->blocks[prev].level == 1 &&
			    (outline_lit(t, n, "——") || outline_lit(t, n,
			    "—") || outline_lit(t, n, "--"))) {
				b->level = 1;
				prev = (int)i;
				continue;
			}
		} else if (!numbered && outline_unnumbered(d, (int)i))
			level = under_abstract ? 3 : 2;
		if (level > 0) {
			if (kinds[i] == OUTLINE_ABSTRACT)
				under_abstract = 1;
			else if (level <= 2 && kinds[i] != OUTLINE_NONE)
				under_abstract = 0;
			outline_add(d, (int)i, level);
		}
		prev = (int)i;
	}
	buf_free(&plain);
	free(kinds);
	outline_articles(d);
	outline_contents(d);
}
