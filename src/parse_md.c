/* Markdown parser: md4c callbacks flattened into the blocks of a doc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <md4c.h>

#include "parse_internal.h"
#include "parse_md_internal.h"
#include "source_map.h"
#include "scholia/doc.h"
#include "scholia/parse.h"
#include "scholia/source.h"
#include "scholia/xmalloc.h"

static int	md_enter_block(MD_BLOCKTYPE, void *, void *);
static int	md_leave_block(MD_BLOCKTYPE, void *, void *);
static int	md_enter_span(MD_SPANTYPE, void *, void *);
static int	md_leave_span(MD_SPANTYPE, void *, void *);
static int	md_text(MD_TEXTTYPE, const MD_CHAR *, MD_SIZE, void *);
static void	md_leaf_begin(struct md_state *, enum block_type, int);
static void	md_leaf_end(struct md_state *);
static size_t	md_off(const struct md_state *, const char *, size_t);
static void	md_link_end(struct md_state *);

int
parse_md(struct doc *d, char **cause)
{
	struct md_state	 st;
	MD_PARSER	 p;
	char		*copy;
	int		 rc;

	memset(&st, 0, sizeof st);
	st.d = d;
	st.orig = d->source->text;
	st.len = d->source->len;
	copy = parse_mask_notes(st.orig, st.len);
	st.copy = copy != NULL ? copy : st.orig;
	st.leaf = st.table = -1;
	inl_init(&st.inl, d);

	memset(&p, 0, sizeof p);
	p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
	    MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOINDENTEDCODEBLOCKS;
	p.enter_block = md_enter_block;
	p.leave_block = md_leave_block;
	p.enter_span = md_enter_span;
	p.leave_span = md_leave_span;
	p.text = md_text;
	rc = md_parse(st.copy, (MD_SIZE)st.len, &p, &st);
	if (st.leaf != -1)
		md_leaf_end(&st);
	doc_end_block(d, 0);
	inl_free(&st.inl);
	free(st.href);
	free(copy);
	if (rc != 0) {
		xasprintf(cause, "%s: Markdown parser failed",
		    d->source->name != NULL ? d->source->name : "input");
		return -1;
	}
	return 0;
}

/* Source offset of md4c text, or INL_NOOFF for md4c's own strings. */
static size_t
md_off(const struct md_state *st, const char *s, size_t n)
{
	if (s >= st->copy && s + n <= st->copy + st->len)
		return (size_t)(s - st->copy);
	return INL_NOOFF;
}

/* Open a leaf block carrying the container state around it. */
static void
md_leaf_begin(struct md_state *st, enum block_type type, int heads)
{
	struct block	*b;
	struct md_list	*l;
	int		 bi;

	if (st->leaf != -1)
		md_leaf_end(st);
	bi = doc_begin_block(st->d, type, 0);
	b = &st->d->blocks[bi];
	b->quote_depth = st->quote_depth;
	b->list_depth = st->list_depth;
	b->indent = 2 * (st->quote_depth + st->list_depth);
	if (st->list_depth > 0) {
		l = &st->lists[(st->list_depth > MD_MAXLISTS ? MD_MAXLISTS :
		    st->list_depth) - 1];
		if (l->tight && (st->list_depth > 1 || l->items > 1 ||
		    !st->item_pending))
			b->flags |= BLOCK_TIGHT;
	}
	if (st->item_pending) {
		b->flags |= BLOCK_LISTITEM;
		memcpy(b->marker, st->item_marker, sizeof b->marker);
		st->item_pending = 0;
	}
	st->leaf = bi;
	st->code_nl = 0;
	inl_begin(&st->inl, heads);
}

/* Close the leaf block: its source lines come from the text it held. */
static void
md_leaf_end(struct md_state *st)
{
	struct doc	*d = st->d;
	struct block	*b;
	int		 line, end;

	inl_end(&st->inl);
	b = &d->blocks[st->leaf];
	if (st->inl.first_off != INL_NOOFF) {
		line = parse_line_near(d->source, st->inl.first_off,
		    &st->line_hint);
		end = parse_line_near(d->source, st->inl.end_off > 0 ?
		    st->inl.end_off - 1 : 0, &st->line_hint);
		st->scan = st->inl.end_off;
	} else
		line = end = parse_next_line(d->source, &st->scan,
		    &st->line_hint);
	if (b->type == BLOCK_CODE && st->code_fenced) {
		if (st->inl.first_off != INL_NOOFF && line > 1)
			line--;
		if ((size_t)end < d->source->nlines)
			end++;
		st->scan = end <= (int)d->source->nlines ?
		    d->source->lines[end - 1] + 1 : st->len;
	}
	if (b->type == BLOCK_HEADING && parse_setext(d->source, line, end))
		end++;
	b->line = line;
	b->end_line = end;
	/* read while the line is in memory: the notes pass asks for it */
	b->src_indent = parse_md_indent(d->source, line);
	if (parse_page_before(d->source, &st->page, b->line))
		b->flags |= BLOCK_PAGEBREAK;
	doc_end_block(d, end);
	/* what is parsed goes back to the page cache (a mapped file) */
	source_release_line(d->source, b->line);
	/* A raw HTML block of nothing but tags leaves no block behind. */
	if (b->text_len == 0 && b->type == BLOCK_PARA &&
	    !(b->flags & BLOCK_LISTITEM) && (size_t)st->leaf + 1 == d->nblocks)
		d->nblocks--;
	st->leaf = -1;
	st->html_block = 0;
}

static int
md_enter_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md_state	*st = arg;
	struct md_list	*l;

	switch (type) {
	case MD_BLOCK_QUOTE:
		if (st->leaf != -1)
			md_leaf_end(st);
		st->quote_depth++;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (st->leaf != -1)
			md_leaf_end(st);
		st->list_depth++;
		if (st->list_depth > MD_MAXLISTS)
			break;
		l = &st->lists[st->list_depth - 1];
		memset(l, 0, sizeof *l);
		if (type == MD_BLOCK_OL) {
			MD_BLOCK_OL_DETAIL *od = detail;

			l->ordered = 1;
			l->next = od->start;
			l->delim = od->mark_delimiter;
			l->tight = od->is_tight;
		} else
			l->tight = ((MD_BLOCK_UL_DETAIL *)detail)->is_tight;
		break;
	case MD_BLOCK_LI:
		if (st->leaf != -1)
			md_leaf_end(st);
		l = &st->lists[(st->list_depth > MD_MAXLISTS ? MD_MAXLISTS :
		    st->list_depth) - 1];
		l->items++;
		if (l->ordered)
			snprintf(st->item_marker, sizeof st->item_marker,
			    "%u%c", l->next++, l->delim ? l->delim : '.');
		else
			snprintf(st->item_marker, sizeof st->item_marker,
			    "\xe2\x80\xa2");
		st->item_pending = 1;
		break;
	case MD_BLOCK_HR:
		md_leaf_begin(st, BLOCK_HR, 0);
		break;
	case MD_BLOCK_H:
		md_leaf_begin(st, BLOCK_HEADING, 0);
		st->d->blocks[st->leaf].level =
		    (int)((MD_BLOCK_H_DETAIL *)detail)->level;
		break;
	case MD_BLOCK_CODE:
		md_leaf_begin(st, BLOCK_CODE, 0);
		st->code_fenced = ((MD_BLOCK_CODE_DETAIL *)detail)->fence_char
		    != 0;
		break;
	case MD_BLOCK_HTML:
		md_leaf_begin(st, BLOCK_PARA, 1);
		st->html_block = 1;
		break;
	case MD_BLOCK_P:
		md_leaf_begin(st, BLOCK_PARA, 1);
		break;
	case MD_BLOCK_TABLE: {
		MD_BLOCK_TABLE_DETAIL	*td = detail;
		struct block		*b;
		int			 bi;

		if (st->leaf != -1)
			md_leaf_end(st);
		bi = doc_begin_table(st->d, 0, (int)td->col_count,
		    (int)(td->head_row_count + td->body_row_count),
		    (int)td->head_row_count, NULL);
		b = &st->d->blocks[bi];
		b->quote_depth = st->quote_depth;
		b->list_depth = st->list_depth;
		b->indent = 2 * (st->quote_depth + st->list_depth);
		if (st->item_pending) {
			b->flags |= BLOCK_LISTITEM;
			memcpy(b->marker, st->item_marker, sizeof b->marker);
			st->item_pending = 0;
		}
		st->table = bi;
		st->row = -1;
		st->tab_first = INL_NOOFF;
		st->tab_end = 0;
		break;
	}
	case MD_BLOCK_TR:
		st->row++;
		st->col = -1;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD: {
		MD_BLOCK_TD_DETAIL	*cd = detail;
		struct table		*t;

		if (st->table == -1)
			break;
		st->col++;
		t = &st->d->tables[st->d->blocks[st->table].table];
		if (st->row == 0 && st->col < t->ncols)
			t->align[st->col] = cd->align == MD_ALIGN_CENTER ? 'c' :
			    cd->align == MD_ALIGN_RIGHT ? 'r' : 'l';
		doc_begin_cell(st->d, st->row, st->col);
		inl_begin(&st->inl, 0);
		break;
	}
	default:
		break;
	}
	return 0;
}

static int
md_leave_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md_state	*st = arg;
	struct block	*b;

	(void)detail;
	switch (type) {
	case MD_BLOCK_QUOTE:
		st->quote_depth--;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		st->list_depth--;
		break;
	case MD_BLOCK_LI:
		if (st->leaf != -1)
			md_leaf_end(st);
		if (st->item_pending) {
			/* An empty item still shows its marker. */
			md_leaf_begin(st, BLOCK_PARA, 0);
			md_leaf_end(st);
		}
		break;
	case MD_BLOCK_HR:
	case MD_BLOCK_H:
	case MD_BLOCK_CODE:
	case MD_BLOCK_HTML:
	case MD_BLOCK_P:
		if (st->leaf != -1)
			md_leaf_end(st);
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		if (st->table == -1)
			break;
		inl_end(&st->inl);
		if (st->inl.first_off != INL_NOOFF) {
			if (st->tab_first == INL_NOOFF ||
			    st->inl.first_off < st->tab_first)
				st->tab_first = st->inl.first_off;
			if (st->inl.end_off > st->tab_end)
				st->tab_end = st->inl.end_off;
		}
		doc_end_cell(st->d);
		break;
	case MD_BLOCK_TABLE:
		if (st->table == -1)
			break;
		b = &st->d->blocks[st->table];
		if (st->tab_first != INL_NOOFF) {
			b->line = parse_line_of(st->d->source, st->tab_first);
			b->end_line = parse_line_of(st->d->source,
			    st->tab_end - 1);
			st->scan = st->tab_end;
		} else
			b->line = b->end_line = parse_next_line(st->d->source,
			    &st->scan, &st->line_hint);
		b->src_indent = parse_md_indent(st->d->source, b->line);
		if (parse_page_before(st->d->source, &st->page, b->line))
			b->flags |= BLOCK_PAGEBREAK;
		doc_end_block(st->d, b->end_line);
		st->table = -1;
		break;
	default:
		break;
	}
	return 0;
}

static int
md_enter_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct md_state		*st = arg;
	MD_SPAN_A_DETAIL	*a;

	switch (type) {
	case MD_SPAN_EM:
		st->emph++;
		break;
	case MD_SPAN_STRONG:
		st->strong++;
		break;
	case MD_SPAN_CODE:
		st->code++;
		break;
	case MD_SPAN_DEL:
		st->del++;
		break;
	case MD_SPAN_A:
		if (st->in_link++ > 0)
			break;
		a = detail;
		inl_flush(&st->inl);
		st->link_first = st->d->nspans;
		free(st->href);
		st->href = xstrndup(a->href.text, a->href.size);
		break;
	default:
		break;
	}
	return 0;
}

static int
md_leave_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct md_state	*st = arg;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
		st->emph--;
		break;
	case MD_SPAN_STRONG:
		st->strong--;
		break;
	case MD_SPAN_CODE:
		st->code--;
		break;
	case MD_SPAN_DEL:
		st->del--;
		break;
	case MD_SPAN_A:
		if (--st->in_link == 0)
			md_link_end(st);
		break;
	default:
		break;
	}
	return 0;
}

/*
 * Mark the link's spans; an autolink (text is its target) is a URL. The
 * spans since link_first hold the end of the doc text, in one piece.
 */
static void
md_link_end(struct md_state *st)
{
	struct doc	*d = st->d;
	const char	*t;
	size_t		 i, tl, hl = strlen(st->href);
	int		 url;

	inl_flush(&st->inl);
	if (st->link_first >= d->nspans)
		return;
	t = d->text.data + d->spans[st->link_first].off;
	tl = d->text.len - d->spans[st->link_first].off;
	url = tl > 0 && tl <= hl && memcmp(st->href + hl - tl, t, tl) == 0 &&
	    (tl == hl || st->href[hl - tl - 1] == '/' ||
	    st->href[hl - tl - 1] == ':');
	doc_set_link(d, st->link_first, st->href, hl);
	if (url)
		for (i = st->link_first; i < d->nspans; i++)
			d->spans[i].flags |= SPAN_URL;
}

static int
md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *arg)
{
	struct md_state	*st = arg;
	size_t		 off = md_off(st, text, size);
	const char	*s = off != INL_NOOFF ? st->orig + off : text;

	if (st->table != -1 && st->d->open_cell == -1)
		return 0;	/* a cell beyond the table's columns */
	if (st->leaf == -1 && st->d->open_cell == -1) {
		/* Tight list items hold their text with no paragraph. */
		if (st->list_depth == 0)
			return 0;
		md_leaf_begin(st, BLOCK_PARA, 1);
	}
	switch (type) {
	case MD_TEXT_NULLCHAR:
		inl_text(&st->inl, "\xef\xbf\xbd", 3, off, parse_md_flags(st));
		break;
	case MD_TEXT_BR:
		inl_hardbr(&st->inl);
		break;
	case MD_TEXT_SOFTBR:
		inl_softbr(&st->inl);
		break;
	case MD_TEXT_ENTITY:
		parse_md_entity(st, s, size, off);
		break;
	case MD_TEXT_CODE:
		if (st->leaf != -1 &&
		    st->d->blocks[st->leaf].type == BLOCK_CODE) {
			/* Hold newlines back: the last one ends the block. */
			if (size == 1 && s[0] == '\n') {
				st->code_nl++;
				break;
			}
			for (; st->code_nl > 0; st->code_nl--)
				inl_verbatim(&st->inl, "\n", 1, INL_NOOFF, 0);
			inl_verbatim(&st->inl, s, size, off, 0);
		} else
			inl_verbatim(&st->inl, s, size, off, parse_md_flags(st));
		break;
	case MD_TEXT_HTML:
		if (st->html_block)
			parse_html_text(&st->inl, s, size, off, parse_md_flags(st),
			    parse_md_block_tag, st);
		else
			parse_md_html_tag(st, s, size, off);
		break;
	default:
		inl_text(&st->inl, s, size, off, parse_md_flags(st));
		break;
	}
	return 0;
}
