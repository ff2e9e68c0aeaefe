/* Units of text for wrapping: grapheme clusters, spaces, tabs and placeholders. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout_priv.h"
#include "layout_unit.h"
#include "scholia/doc.h"
#include "scholia/text.h"
#include "scholia/xmalloc.h"

static int	 uiter_simple(struct uiter *, struct unit *, unsigned, int,
		    int);
static inline int uiter_s3(const unsigned char *, size_t);
static int	 unit_dropped(uint32_t);
static inline void uiter_head(const struct uiter *, struct unit *, unsigned,
		    int, int);

/*
 * What every unit starting here has: its place, style, reference, and the
 * break before it (none inside a reference marker, nor before one, which
 * stays on its word).
 */
static inline void
uiter_head(const struct uiter *it, struct unit *u, unsigned flags, int ref,
    int refstart)
{
	u->doc_off = it->base + it->i;
	u->style = flags | it->style;
	u->ref = ref;
	u->brk = it->brk != NULL ? (unsigned char)it->brk[it->i] :
	    TEXT_BREAK_PROHIBITED;
	if (ref != -1 && (!refstart || u->brk == TEXT_BREAK_POSSIBLE))
		u->brk = TEXT_BREAK_PROHIBITED;
}

static const char spaces[] = "                        ";

void
uiter_init(struct uiter *it, const struct doc *d, const struct wrap_src *src,
    int code, unsigned style)
{
	size_t	n = src->len;

	memset(it, 0, sizeof *it);
	it->d = d;
	it->s = d->text.data + src->off;
	/* A final newline ends the last line; it does not open another. */
	while (n > 0 && it->s[n - 1] == '\n')
		n--;
	it->n = n;
	it->base = src->off;
	it->sp = src->span_first;
	it->spend = src->span_first + src->span_count;
	it->code = code;
	it->style = style;
	if (!code && n > 0) {
		it->brk = xmalloc(n);
		text_breaks(it->s, n, it->brk);
	}
}

/* Zero-width format characters the terminal would count differently. */
static int
unit_dropped(uint32_t c)
{
	return c == 0x00AD || c == 0x200B || (c >= 0x2060 && c <= 0x2064) ||
	    c == 0xFEFF;
}

/* The next unit of the text; 0 at the end. */
int
uiter_next(struct uiter *it, struct unit *u)
{
	const struct span	*sp;
	uint32_t		 c, c2;
	size_t			 g, l, k;
	unsigned		 flags = 0;
	int			 ref = -1, refstart = 0;

again:
	if (it->i >= it->n) {
		free(it->brk);
		it->brk = NULL;
		return 0;
	}
	while (it->sp < it->spend) {
		sp = &it->d->spans[it->sp];
		if (sp->off + sp->len > it->base + it->i)
			break;
		it->sp++;
	}
	if (it->sp < it->spend) {
		sp = &it->d->spans[it->sp];
		if (sp->off <= it->base + it->i) {
			flags = sp->flags;
			ref = (flags & SPAN_REF) ? sp->ref : -1;
			refstart = sp->off == it->base + it->i;
		}
	}
	if (uiter_simple(it, u, flags, ref, refstart))
		return 1;
	l = text_decode(it->s + it->i, it->n - it->i, &c);
	memset(u, 0, sizeof *u);
	uiter_head(it, u, flags, ref, refstart);
	if (c == '\n' || c == 0x2028 || c == 0x2029) {
		u->kind = U_NL;
		u->dlen = l;
		it->i += l;
		return 1;
	}
	if (c == '\t' || c == ' ') {
		u->kind = c == ' ' ? U_SPACE : U_TAB;
		u->s = spaces;
		u->n = 1;
		u->cols = 1;
		u->dlen = 1;
		it->i++;
		return 1;
	}
	if (text_is_unsafe(c)) {
		u->kind = U_CTRL;
		u->dlen = l;
		u->n = text_placeholder(c, u->ph, sizeof u->ph);
		if (u->n >= sizeof u->ph)
			u->n = sizeof u->ph - 1;
		u->cols = (int)u->n;
		u->style |= STYLE_CONTROL;
		it->i += l;
		return 1;
	}
	if (c == 0xFFFD && l == 1) {
		/* an invalid byte: show U+FFFD, never the byte */
		u->kind = U_CTRL;
		u->dlen = 1;
		memcpy(u->ph, "\xef\xbf\xbd", 3);
		u->n = 3;
		u->cols = 1;
		u->style |= STYLE_CONTROL;
		it->i++;
		return 1;
	}
	g = text_grapheme(it->s + it->i, it->n - it->i);
	if (g < l)
		g = l;
	/* Never let an unsafe character hide inside a cluster. */
	for (k = l; k < g; k += l) {
		l = text_decode(it->s + it->i + k, g - k, &c2);
		/* nor an invalid byte (a Prepend character takes anything) */
		if (text_is_unsafe(c2) || c2 == '\n' || c2 == '\t' ||
		    (c2 == 0xFFFD && l == 1)) {
			g = k;
			break;
		}
	}
	if (unit_dropped(c)) {
		it->shy = c == 0x00AD;
		it->i += g;
		goto again;
	}
	u->kind = U_TEXT;
	u->s = it->s + it->i;
	u->n = g;
	u->dlen = g;
	u->cols = (int)text_width(u->s, g);
	u->close = text_is_closing(c) != 0;
	u->open = text_is_opening(c) != 0;
	u->shy = it->shy;
	it->shy = 0;
	it->i += g;
	return 1;
}

/*
 * Three-byte characters that are their own cluster and never extend one:
 * Han (U+4E00..9FFF), CJK punctuation U+3000..3029 and the full-width forms
 * U+FF01..FF60 (no combining tone marks, no voicing marks among them).
 */
static inline int
uiter_s3(const unsigned char *p, size_t n)
{
	if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	if (p[0] >= 0xE5 && p[0] <= 0xE9)
		return 1;
	if (p[0] == 0xE4)
		return p[1] >= 0xB8;
	if (p[0] == 0xE3)
		return p[1] == 0x80 && p[2] <= 0xA9;
	if (p[0] == 0xEF)
		return (p[1] == 0xBC && p[2] >= 0x81) ||
		    (p[1] == 0xBD && p[2] <= 0xA0);
	return 0;
}

/*
 * The common units without the general path: a printable ASCII character,
 * an ideograph or CJK punctuation, when what follows cannot extend its
 * cluster (ASCII, another such character, or the end). Fills u exactly as
 * the general path would; 0 if not simple.
 */
static int
uiter_simple(struct uiter *it, struct unit *u, unsigned flags, int ref,
    int refstart)
{
	const unsigned char	*p = (const unsigned char *)it->s + it->i;
	size_t			 left = it->n - it->i, l;
	uint32_t		 c;
	int			 cols;

	if (p[0] > 0x20 && p[0] < 0x7F) {
		c = p[0];
		l = 1;
		cols = 1;
	} else if (uiter_s3(p, left)) {
		c = ((uint32_t)(p[0] & 0x0F) << 12) |
		    ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		l = 3;
		cols = text_char_width(c);
	} else
		return 0;
	if (left > l && p[l] >= 0x80 && !uiter_s3(p + l, left - l))
		return 0;
	uiter_head(it, u, flags, ref, refstart);
	u->kind = U_TEXT;
	u->s = it->s + it->i;
	u->n = l;
	u->dlen = l;
	u->cols = cols;
	u->close = text_is_closing(c) != 0;
	u->open = text_is_opening(c) != 0;
	u->shy = it->shy;
	it->shy = 0;
	it->i += l;
	return 1;
}
