/* Private to the layout: the units text is wrapped in, and their iterator. */
#ifndef SCHOLIA_LAYOUT_UNIT_H
#define SCHOLIA_LAYOUT_UNIT_H

#include <stddef.h>

struct doc;
struct wrap_src;

enum unit_kind {
	U_TEXT,
	U_SPACE,
	U_TAB,
	U_NL,
	U_CTRL,		/* a placeholder: shown text differs from the doc */
};

/* One indivisible piece of text: a grapheme cluster, space or placeholder. */
struct unit {
	size_t		 doc_off;
	size_t		 dlen;		/* doc bytes it stands for */
	const char	*s;		/* shown bytes, or NULL: in ph */
	size_t		 n;
	char		 ph[24];
	int		 cols;
	unsigned	 style;
	int		 ref;
	unsigned char	 brk;		/* TEXT_BREAK_* before it */
	unsigned char	 kind;
	unsigned char	 close;		/* may not begin a line */
	unsigned char	 open;		/* may not end a line */
	unsigned char	 shy;		/* a soft hyphen precedes it */
};

/* Walks the units of a stretch of doc text. */
struct uiter {
	const struct doc	*d;
	const char		*s;
	size_t			 n;
	size_t			 base;	/* doc offset of s */
	size_t			 i;
	size_t			 sp;	/* current span */
	size_t			 spend;
	char			*brk;
	int			 code;
	unsigned		 style;
	int			 shy;	/* a soft hyphen was just dropped */
};

/*
 * Walk the units of src: code keeps every space and has no line breaking;
 * style is added to every unit's. uiter_next returns 0 at the end, having
 * freed what the walk held (free(it->brk) when a walk stops early).
 */
void	uiter_init(struct uiter *, const struct doc *, const struct wrap_src *,
	    int code, unsigned style);
int	uiter_next(struct uiter *, struct unit *);

#endif
