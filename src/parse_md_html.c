/* Markdown parser: the style of text, entities and raw HTML tags. */
#include "parse_md_internal.h"
#include "scholia/source.h"

/* The span flags of text from the styles open around it. */
unsigned
parse_md_flags(const struct md_state *st)
{
	unsigned	f = 0;

	if (st->emph || st->hemph)
		f |= SPAN_EMPH;
	if (st->strong || st->hstrong)
		f |= SPAN_STRONG;
	if (st->code)
		f |= SPAN_CODE;
	if (st->del || st->hdel)
		f |= SPAN_STRIKE;
	if (st->sub)
		f |= SPAN_SUB;
	if (st->in_link)
		f |= SPAN_LINK;
	return f;
}

/* Decode an entity ("&amp;", "&#x4e2d;"); an unknown one stays as written. */
void
parse_md_entity(struct md_state *st, const char *s, size_t n, size_t off)
{
	char	out[8];
	size_t	len;

	if ((len = parse_entity(s, n, out)) == 0)
		inl_text(&st->inl, s, n, off, parse_md_flags(st));
	else
		inl_verbatim(&st->inl, out, len, off, parse_md_flags(st));
}

/* An inline tag: <sup>, <sub>, <br> and simple styles act, the rest go. */
void
parse_md_html_tag(struct md_state *st, const char *s, size_t n, size_t off)
{
	int	close, *count = NULL;

	switch (parse_html_tag(s, n, &close)) {
	case PARSE_TAG_SUP:
		if (close)
			inl_sup_close(&st->inl);
		else
			inl_sup_open(&st->inl, off, parse_md_flags(st));
		return;
	case PARSE_TAG_BR:
		inl_hardbr(&st->inl);
		return;
	case PARSE_TAG_SUB:
		count = &st->sub;
		break;
	case PARSE_TAG_STRONG:
		count = &st->hstrong;
		break;
	case PARSE_TAG_EMPH:
		count = &st->hemph;
		break;
	case PARSE_TAG_STRIKE:
		count = &st->hdel;
		break;
	default:
		return;
	}
	if (!close)
		(*count)++;
	else if (*count > 0)
		(*count)--;
}

/* Tag callback for raw HTML blocks: act on it, return the style after it. */
unsigned
parse_md_block_tag(void *arg, const char *s, size_t n, size_t off)
{
	struct md_state	*st = arg;

	parse_md_html_tag(st, s, n, off);
	return parse_md_flags(st);
}

/* Columns of blanks opening source line ln, for a block that starts there. */
int
parse_md_indent(const struct source *src, int ln)
{
	const char	*p, *e;
	int		 col = 0;

	if (src == NULL || ln < 1 || (size_t)ln > src->nlines)
		return 0;
	p = src->text + src->lines[ln - 1];
	e = src->text + src->len;
	for (; p < e && (*p == ' ' || *p == '\t'); p++)
		col += *p == '\t' ? 4 - col % 4 : 1;
	return col;
}
