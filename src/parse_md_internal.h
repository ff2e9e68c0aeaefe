/* Private to the Markdown parser: its state while md4c calls back. */
#ifndef SCHOLIA_PARSE_MD_INTERNAL_H
#define SCHOLIA_PARSE_MD_INTERNAL_H

#include <stddef.h>

#include "parse_internal.h"
#include "scholia/doc.h"

#define MD_MAXLISTS	32	/* deeper lists share the last level's count */

struct md_list {
	int		 ordered;
	unsigned	 next;		/* number of the next ordered item */
	char		 delim;		/* '.' or ')' */
	int		 tight;
	int		 items;		/* items seen so far */
};

struct md_state {
	struct doc	*d;
	struct inl	 inl;
	const char	*orig;		/* the source text */
	const char	*copy;		/* what md4c reads: notes masked */
	size_t		 len;
	int		 quote_depth;
	int		 list_depth;
	struct md_list	 lists[MD_MAXLISTS];
	int		 item_pending;	/* the next leaf opens a list item */
	char		 item_marker[16];
	int		 item_tight;
	int		 emph, strong, code, del, sub, hstrong, hemph, hdel;
	int		 in_link;
	size_t		 link_first;	/* first span of the open link */
	char		*href;
	int		 leaf;		/* open leaf block, or -1 */
	int		 code_fenced;
	size_t		 code_nl;	/* newlines held back in a code block */
	int		 html_block;
	int		 table;		/* open table block, or -1 */
	int		 row, col;
	size_t		 tab_first, tab_end;
	size_t		 scan;		/* source offset after the last block */
	size_t		 page;		/* next form feed in source->pages */
	size_t		 line_hint;	/* line of the last block end */
};

/* parse_md_html.c: styles, entities and raw HTML tags */
/* The span flags of text at this point. */
unsigned	parse_md_flags(const struct md_state *);
/* Decode an entity ("&amp;", "&#x4e2d;"); an unknown one stays as written. */
void		parse_md_entity(struct md_state *, const char *, size_t, size_t);
void		parse_md_html_tag(struct md_state *, const char *, size_t,
		    size_t);
unsigned	parse_md_block_tag(void *, const char *, size_t, size_t);
/* Columns of blanks opening a source line (tab stops of 4). */
int		parse_md_indent(const struct source *, int);

#endif
