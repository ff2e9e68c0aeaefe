/* Layout: a doc at a width becomes display lines of styled runs, lazily per block. */
#ifndef SCHOLIA_LAYOUT_H
#define SCHOLIA_LAYOUT_H

#include <stddef.h>

struct doc;

/* run->style: the SPAN_* flags of doc.h, plus these */
#define STYLE_DECOR	0x10000	/* indentation, bullets, quote bars, borders */
#define STYLE_CONTROL	0x20000	/* placeholder for a character never shown raw */
#define STYLE_HEADING	0x40000
#define STYLE_NOTE	0x80000	/* text of a note block */
#define STYLE_META	0x100000

#define LAYOUT_NO_OFF	((size_t)-1)

struct layout_run {
	size_t		 off;		/* bytes in line->text */
	size_t		 len;
	int		 cols;
	unsigned	 style;
	int		 ref;		/* index in doc->refs, or -1 */
	size_t		 doc_off;	/* doc->text offset of its first byte,
					   LAYOUT_NO_OFF for decoration */
};

/* line->flags */
#define LINE_BLANK	0x1	/* spacer between blocks */
#define LINE_FIRST	0x2	/* first text line of its block */

struct layout_line {
	const char		*text;	/* sanitised UTF-8, no newline */
	size_t			 len;
	int			 cols;	/* never more than the layout width */
	const struct layout_run	*runs;
	int			 nruns;
	int			 block;
	unsigned		 flags;
	size_t			 doc_off;	/* doc text shown: [doc_off, doc_end) */
	size_t			 doc_end;
};

struct layout_opts {
	int	width;		/* columns, at least 1 */
	int	tab;		/* tab stop, 8 if 0 */
};

struct layout	*layout_new(const struct doc *, const struct layout_opts *);
void		 layout_free(struct layout *);
int		 layout_width(const struct layout *);
const struct doc *layout_doc(const struct layout *);

/*
 * The display lines of a block, wrapped on first request and cached. A
 * leading LINE_BLANK spacer is included unless the block is BLOCK_TIGHT or
 * the first of the flow.
 */
const struct layout_line *layout_block(struct layout *, int block, int *nlines);
/*
 * The display lines of a block handed to fn in order, in pieces of a few
 * thousand lines, and not cached (the cached lines if the block is): a huge
 * block at a narrow width never sits whole in memory. The lines are valid
 * only during the call.
 */
void	layout_block_stream(struct layout *, int block,
	    void (*fn)(const struct layout_line *, int, void *), void *);
/* Drop the cached lines of a block (they are wrapped again on request). */
void	layout_forget(struct layout *, int block);
/* How many blocks are wrapped and cached now. */
size_t	layout_cached(const struct layout *);

/*
 * A place in the reading flow (blocks for which doc_in_flow holds): block
 * and display line within it. Moves return the lines actually moved.
 */
struct layout_pos {
	int	block;
	int	line;
};
int	layout_first(struct layout *, struct layout_pos *);	/* 0 if empty */
int	layout_last(struct layout *, struct layout_pos *);
int	layout_forward(struct layout *, struct layout_pos *, int);
int	layout_back(struct layout *, struct layout_pos *, int);
const struct layout_line *layout_line_at(struct layout *, struct layout_pos);
/* The line of a block showing doc text offset off. */
int	layout_line_of(struct layout *, int block, size_t off);

#endif
