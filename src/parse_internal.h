/* Private to the parsers: inline assembly shared by parse_md and parse_text. */
#ifndef SCHOLIA_PARSE_INTERNAL_H
#define SCHOLIA_PARSE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "scholia/buf.h"
#include "scholia/text.h"

struct doc;
struct source;

#define INL_NOOFF	((size_t)-1)	/* text that is not in the source */

struct inl_chunk {
	size_t		 pos;		/* byte in the pending text */
	size_t		 off;		/* source offset of that byte */
};

/*
 * Inline state of the block being built. Running text is held back until
 * its style changes so that markers split across callbacks (md4c cuts text
 * at "[", "*", "\\") are still seen whole; chunks map it back to source
 * offsets for the line of each reference.
 */
struct inl {
	struct doc		*d;
	struct buf		 pend;		/* text not yet in the doc */
	struct inl_chunk	*chunks;
	size_t			 nchunks;
	size_t			 cap_chunks;
	unsigned		 flags;		/* style of the pending text */
	int			 softbr;	/* soft break awaits text */
	uint32_t		 last;		/* last character appended */
	int			 head;		/* a note head may come */
	size_t			 first_off;	/* first source byte */
	size_t			 end_off;	/* after the last source byte */
	int			 insup;		/* in <sup>: text goes to sup */
	struct buf		 sup;
	size_t			 sup_off;
	unsigned		 sup_flags;
	size_t			 line_hint;	/* line of the last reference */
};

void	inl_init(struct inl *, struct doc *);
void	inl_free(struct inl *);
/* A new block starts; heads says whether a note head may open it. */
void	inl_begin(struct inl *, int heads);
/* Running text at source offset off (INL_NOOFF if none): markers lexed. */
void	inl_text(struct inl *, const char *, size_t, size_t, unsigned);
/* Text kept as it is: code, no markers, no soft-break joining. */
void	inl_verbatim(struct inl *, const char *, size_t, size_t, unsigned);
void	inl_softbr(struct inl *);
void	inl_hardbr(struct inl *);
/* <sup> opened at source offset off: text collects until </sup>. */
void	inl_sup_open(struct inl *, size_t, unsigned);
void	inl_sup_close(struct inl *);
void	inl_flush(struct inl *);
/* The block ends: close an open <sup>, flush the pending text. */
void	inl_end(struct inl *);
/* Note that source bytes [off, off + n) belong to the block. */
void	inl_touch(struct inl *, size_t, size_t);

/* Decode "&name;" or "&#N;" to UTF-8 in out (8 bytes); 0 if unknown. */
size_t	parse_entity(const char *, size_t, char *);

enum parse_tag {
	PARSE_TAG_OTHER,		/* dropped, its text kept */
	PARSE_TAG_SUP,
	PARSE_TAG_SUB,
	PARSE_TAG_BR,
	PARSE_TAG_STRONG,		/* <b>, <strong> */
	PARSE_TAG_EMPH,			/* <i>, <em> */
	PARSE_TAG_STRIKE,		/* <s>, <del>, <strike> */
};
/* The kind of an HTML tag at s ("<sup>", "</b>", "<br/>"). */
enum parse_tag	parse_html_tag(const char *, size_t, int *);

/*
 * Raw HTML text into the block: each tag goes to the callback, which acts
 * on it and returns the style of the text after it.
 */
void	parse_html_text(struct inl *, const char *, size_t, size_t, unsigned,
	    unsigned (*)(void *, const char *, size_t, size_t), void *);

/* parse_source.c: where things are in the source. */
int	parse_line_of(const struct source *, size_t);
/* The same for offsets that mostly grow: *hint is where the last one was. */
int	parse_line_near(const struct source *, size_t, size_t *);
char	*parse_mask_notes(const char *, size_t);
/* The line of the next block with no text of its own; *hint as above. */
int	parse_next_line(const struct source *, size_t *, size_t *);
/* Whether a heading on lines first..ln is setext, underlined on ln + 1. */
int	parse_setext(const struct source *, int, int);
/* Whether a form feed lies before line (and after those already seen). */
int	parse_page_before(const struct source *, size_t *, int);
int	parse_is_cjk(uint32_t);
/* Whether a soft break between a and b joins without a space. */
int	parse_joins_tight(uint32_t, uint32_t);
uint32_t parse_last_char(const char *, size_t);

#endif
