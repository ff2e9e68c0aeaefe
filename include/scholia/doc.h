/* The document model: blocks of styled display text, notes, refs, outline. */
#ifndef SCHOLIA_DOC_H
#define SCHOLIA_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct source;

/*
 * A doc holds one UTF-8 display text (markup already rendered: "<sup>[1]</sup>"
 * is a reference span showing "[1]") and flat arrays indexing into it. Blocks
 * are leaves in reading order; containers (lists, quotes) become indentation
 * on the leaves. Every block, note, ref and heading keeps the 1-based source
 * line where it starts. Built by the parsers and recovery passes, then
 * read-only.
 */

enum block_type {
	BLOCK_PARA,
	BLOCK_HEADING,
	BLOCK_CODE,		/* preformatted: no wrapping joins, tabs expand */
	BLOCK_HR,		/* thematic break */
	BLOCK_TABLE,		/* cells in doc->tables[block->table] */
	BLOCK_NOTE,		/* a footnote definition; out of the flow */
	BLOCK_META,		/* labelled front matter: 【关键词】, Author: */
};

/* block->flags */
#define BLOCK_HIDDEN	0x01	/* dropped: merged by healing, junk, furniture */
#define BLOCK_TIGHT	0x02	/* no blank line before it (tight list items) */
#define BLOCK_PAGEBREAK	0x04	/* a page break precedes it in the source */
#define BLOCK_LISTITEM	0x08	/* first block of a list item: has a marker */

/*
 * Counts and offsets are 32 bits where a doc (at most 2 GiB of source, so
 * less than 4 GiB of text) allows it: a 100 MB paper has 300k blocks and
 * 800k spans, and their size is a good part of the memory the reader needs.
 */
struct block {
	size_t		 text_off;	/* display text in doc->text */
	uint32_t	 text_len;
	uint32_t	 span_first;	/* style runs covering the text, in order */
	uint32_t	 span_count;
	enum block_type	 type;
	unsigned	 flags;
	int		 line;		/* 1-based source line of its start */
	int		 end_line;	/* last source line */
	int		 level;		/* heading level (outline level once recovered) */
	int		 indent;	/* columns of container indentation */
	int		 quote_depth;	/* enclosing block quotes */
	int		 list_depth;	/* enclosing lists */
	char		 marker[16];	/* list marker for the first line: "•", "1." */
	int		 table;		/* index in doc->tables, or -1 */
	int		 note;		/* BLOCK_NOTE: index in doc->notes, or -1 */
	int		 heading;	/* BLOCK_HEADING: index in doc->headings, or -1 */
	int		 article;	/* index in doc->articles, or -1 */
	int		 entry_of;	/* a contents-list entry: the article
					   it lists, or -1 */
	int		 src_indent;	/* Markdown: columns of blanks opening
					   its first source line (tab stops
					   of 4); 0 in plain text */
};

/* span->flags: style is data, never escape sequences */
#define SPAN_EMPH	0x0001
#define SPAN_STRONG	0x0002
#define SPAN_CODE	0x0004
#define SPAN_LINK	0x0008	/* target in doc->aux at aux_off */
#define SPAN_URL	0x0010	/* the text itself is a URL (autolink) */
#define SPAN_REF	0x0020	/* a footnote reference; span->ref is set */
#define SPAN_NOTELABEL	0x0040	/* the label at the head of a note */
#define SPAN_SUP	0x0080
#define SPAN_SUB	0x0100
#define SPAN_STRIKE	0x0200
#define SPAN_MAYBEREF	0x0400	/* bare circled number; recovery decides */
#define SPAN_HEADING	0x0800	/* run-in bold paragraph head */

struct span {
	uint32_t	 off;		/* in doc->text */
	uint32_t	 len;
	unsigned	 flags;
	int		 ref;		/* index in doc->refs, or -1 */
	uint32_t	 aux_off;	/* SPAN_LINK: target in doc->aux */
	uint32_t	 aux_len;
};

struct table_cell {
	size_t		 text_off;
	uint32_t	 text_len;
	uint32_t	 span_first;
	uint32_t	 span_count;
};

struct table {
	int		 nrows;
	int		 ncols;
	int		 header_rows;	/* leading rows that are the header */
	char		*align;		/* per column: 'l', 'c', 'r' */
	size_t		 cell_first;	/* nrows * ncols cells, row-major */
};

struct note {
	char		*label;		/* "①", "1", "*", or a [^label] name */
	int		 line;		/* source line of the definition */
	int		 block;		/* its BLOCK_NOTE */
	int		 article;
	int		*refs;		/* references to it, in reading order */
	int		 nrefs;
};

struct ref {
	char		*label;
	int		 line;		/* source line holding the marker */
	int		 block;
	size_t		 text_off;	/* the visible marker in doc->text */
	size_t		 text_len;
	int		 note;		/* linked note, or -1 when it is missing */
	int		 named;		/* [^label]: links by name, not by page */
};

struct heading {
	int		 level;		/* 1 title, 2 top section, 3 （一）, ... */
	int		 line;
	int		 block;
	char		*title;		/* plain text of the heading */
	int		 article;
};

struct keywords {
	int		 line;
	int		 block;
	char		**words;
	int		 nwords;
};

struct article {
	char		*title;
	int		 line;
	int		 first_block;
	int		 last_block;	/* inclusive */
	int		 heading;	/* its level-1 heading, or -1 */
};

#define DOC_ARRAY(type, name)	type *name; size_t n##name; size_t cap_##name

struct doc {
	const struct source	*source;
	struct source		*owned;		/* freed with the doc, if set */
	int			 markdown;	/* parsed as Markdown */
	struct buf		 text;		/* all display text */
	struct buf		 aux;		/* link targets, NUL-separated */
	DOC_ARRAY(struct block, blocks);
	DOC_ARRAY(struct span, spans);
	DOC_ARRAY(struct table, tables);
	DOC_ARRAY(struct table_cell, cells);
	DOC_ARRAY(struct note, notes);
	DOC_ARRAY(struct ref, refs);
	DOC_ARRAY(struct heading, headings);
	DOC_ARRAY(struct keywords, keywords);
	DOC_ARRAY(struct article, articles);

	/* builder state */
	int			 open_block;	/* block being appended to, or -1 */
	int			 open_cell;	/* cell being appended to, or -1 */
};

struct doc	*doc_new(const struct source *);
void		 doc_free(struct doc *);

/*
 * Builder used by the parsers. Text appended between begin and end belongs
 * to the block (or table cell); runs with equal flags merge.
 */
int		 doc_begin_block(struct doc *, enum block_type, int line);
void		 doc_append(struct doc *, const char *, size_t, unsigned flags);
/* Append a reference marker showing text, with the label it refers by. */
int		 doc_append_ref(struct doc *, const char *text, size_t,
		     const char *label, int line, unsigned flags);
/* Mark the spans from first_span on as a link to url. */
void		 doc_set_link(struct doc *, size_t first_span, const char *,
		     size_t);
void		 doc_end_block(struct doc *, int end_line);
int		 doc_begin_table(struct doc *, int line, int ncols, int nrows,
		     int header_rows, const char *align);
void		 doc_begin_cell(struct doc *, int row, int col);
void		 doc_end_cell(struct doc *);

/* Accessors. */
static inline const char *
doc_text(const struct doc *d, size_t off)
{
	return d->text.data + off;
}
const struct table_cell	*doc_cell(const struct doc *, const struct table *,
			    int row, int col);
/* Plain text of a block (no markup), appended to out. */
void		 doc_block_plain(const struct doc *, int, struct buf *);
/* Whether a block is part of the reading flow (not hidden, not a note). */
int		 doc_in_flow(const struct doc *, int);

/* Add records (used by recovery). Strings are copied. */
int		 doc_add_note(struct doc *, const char *label, int line, int block);
int		 doc_add_heading(struct doc *, int level, int line, int block,
		     const char *title);
int		 doc_add_keywords(struct doc *, int line, int block,
		     char **words, int nwords);	/* takes the words */
int		 doc_add_article(struct doc *, const char *title, int line,
		     int first_block);
void		 doc_link_ref(struct doc *, int ref, int note);

#endif
