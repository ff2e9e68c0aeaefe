/* Private to the layout files: line builder, wrapper and table grid. */
#ifndef SCHOLIA_LAYOUT_PRIV_H
#define SCHOLIA_LAYOUT_PRIV_H

#include <stddef.h>

#include "scholia/buf.h"
#include "scholia/layout.h"

struct doc;
struct block;

/* The wrapped lines of one block: one allocation holding lines, runs, text. */
struct lblock {
	int			 nlines;
	struct layout_line	*lines;
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

/* Collects the lines of a block before they are packed into an lblock. */
struct lb {
	struct buf	 text;
	struct lb_run	*runs;
	size_t		 nruns;
	size_t		 cap_runs;
	struct lb_line	*lines;
	size_t		 nlines;
	size_t		 cap_lines;
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

/* Wrap text into lines of at most width columns (prefix included). */
void		 wrap_text(const struct doc *, const struct wrap_src *,
		     int width, int tab, int code, unsigned style,
		     const struct prefix *, struct lb *);
/* Columns of the widest hard line of a text, and of its widest word. */
void		 wrap_measure(const struct doc *, const struct wrap_src *,
		     int tab, int *widest, int *word);

void		 layout_table(const struct doc *, const struct block *,
		     int width, int tab, const struct prefix *, struct lb *);

#endif
