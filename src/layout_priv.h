/* Private to the layout files: line builder, wrapper and table grid. */
#ifndef SCHOLIA_LAYOUT_PRIV_H
#define SCHOLIA_LAYOUT_PRIV_H

#include <stddef.h>

#include "scholia/buf.h"
#include "scholia/layout.h"

struct doc;
struct block;

/*
 * The wrapped lines of one block: one allocation holding lines, runs, text;
 * or for a large block, lines of their own and the runs and text in pieces.
 */
struct lblock {
	int			 nlines;
	struct layout_line	*lines;
	void			**pieces;
	size_t			 npieces;
};

/* A run under construction; dlen is the doc text it stands for. */
struct lb_run {
	struct layout_run	 r;
	size_t			 dlen;
	int			 verbatim;	/* shows the doc bytes as is */
};

/* A line under construction, as offsets into the builder's arrays. */
struct lb_line {
	size_t		 toff;
	size_t		 tlen;
	size_t		 rfirst;
	size_t		 nruns;
	int		 cols;
	unsigned	 flags;
	size_t		 doc_off;
	size_t		 doc_end;
};

/* Lines a streaming builder holds before it hands them on. */
#define LB_PIECE	4096

/*
 * Collects the lines of a block before they are packed into an lblock.
 * With a sink, every LB_PIECE finished lines are handed to it as a new line
 * opens; it takes them out with lb_take, so the builder never grows large.
 */
struct lb {
	struct buf	 text;
	struct lb_run	*runs;
	size_t		 nruns;
	size_t		 cap_runs;
	struct lb_line	*lines;
	size_t		 nlines;
	size_t		 cap_lines;
	size_t		 nflushed;	/* lines handed to the sink */
	unsigned	 strip;		/* flags lb_line clears */
	void		(*sink)(struct lb *, void *);
	void		*sink_arg;
};

/* What goes left of the text on each line of a block. */
struct prefix {
	int		 quotes;	/* "│ " bars */
	int		 indent;	/* spaces after the bars */
	const char	*marker;	/* list marker, first line only */
	int		 lead;		/* columns the marker slot takes */
	int		 hang;		/* more columns on continuation lines */
};

/* A stretch of doc text with its style spans: a block or a table cell. */
struct wrap_src {
	size_t		 off;
	size_t		 len;
	size_t		 span_first;
	size_t		 span_count;
};

void		 lb_init(struct lb *);
void		 lb_free(struct lb *);
void		 lb_line(struct lb *, unsigned flags, size_t doc_off);
void		 lb_put(struct lb *, const char *, size_t, int cols,
		     unsigned style, int ref, size_t doc_off, size_t dlen,
		     int verbatim);
void		 lb_decor(struct lb *, const char *, int times);
void		 lb_rule(struct lb *, const char *, int cols);
int		 lb_bar_cols(void);
void		 lb_prefix(struct lb *, const struct prefix *, int first);
int		 lb_prefix_cols(const struct prefix *, int first);
struct lblock	*lb_finish(struct lb *);
void		*lb_take(struct lb *, struct layout_line *);
void		 lblock_free(struct lblock *);
size_t		 lb_count(const struct lb *);
void		 lb_drop(struct lb *, size_t);

/* Wrap text into lines of at most width columns (prefix included). */
void		 wrap_text(const struct doc *, const struct wrap_src *,
		     int width, int tab, int code, unsigned style,
		     const struct prefix *, struct lb *);
/* The same a few lines at a time: more than want lines, or to the end. */
struct wrapper;
struct wrapper	*wrap_start(const struct doc *, const struct wrap_src *,
		    int width, int tab, int code, unsigned style,
		    const struct prefix *, struct lb *);
int		 wrap_step(struct wrapper *, size_t want);
void		 wrap_stop(struct wrapper *);
/*
 * Columns of the widest hard line of a text, and of its widest word; with
 * cap > 0 a long text may stop at a line of cap columns, *word then -1.
 */
void		 wrap_measure(const struct doc *, const struct wrap_src *,
		     int tab, int cap, int *widest, int *word);

void		 layout_table(const struct doc *, const struct block *,
		     int width, int tab, const struct prefix *, struct lb *);

#endif
