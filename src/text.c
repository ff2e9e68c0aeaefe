/* Unicode services: width, decoding, graphemes, breaks, sanitising, classes. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unigbrk.h>
#include <unictype.h>
#include <unilbrk.h>
#include <uniwidth.h>

#include "scholia/text.h"

static int	text_glibc_width(uint32_t);
static int	text_grapheme_joins(uint32_t, int, uint32_t, int, int, size_t);
static int	text_in(uint32_t, const uint32_t *, size_t);
static void	text_breaks_lib(const char *, size_t, size_t, char *);
static inline int text_is_han3(const unsigned char *, size_t);
static inline int text_is_closer3(const unsigned char *, size_t);
static inline size_t	text_next(const char *, size_t, uint32_t *);

static int	ambiguous_wide;		/* ambiguous characters are wide */

/* Kinsoku: characters that may not begin a display line (sorted). */
static const uint32_t closing_chars[] = {
	'!', ')', ',', '.', ':', ';', '?', ']', '}',
	0x2019, 0x201D, 0x2025, 0x2026, 0x3001, 0x3002, 0x3009, 0x300B,
	0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301F,
	0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085,
	0x3087, 0x308E, 0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7,
	0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
	0x30FB, 0x30FC,
	0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D,
	0xFF5D, 0xFF60, 0xFF61, 0xFF63, 0xFF64, 0xFF67, 0xFF68, 0xFF69,
	0xFF6A, 0xFF6B, 0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F, 0xFF70,
};

/* Kinsoku: characters that may not end a display line (sorted). */
static const uint32_t opening_chars[] = {
	'(', '[', '{',
	0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014,
	0x3016, 0x3018, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
};

/* Characters that end a sentence (sorted). */
static const uint32_t sentence_end_chars[] = {
	'!', '.', '?', 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0x3002,
	0xFF01, 0xFF0E, 0xFF1F, 0xFF61,
};

void
text_set_ambiguous_wide(int on)
{
	ambiguous_wide = on != 0;
}

/*
 * Code points where libunistring and glibc wcwidth (what ncursesw uses to
 * place characters) disagree; glibc wins because it decides what is drawn.
 * Returns -1 when c is not one of them.
 */
static int
text_glibc_width(uint32_t c)
{
	if (c == 0x00AD || (c >= 0x0600 && c <= 0x0605) || c == 0x06DD ||
	    c == 0x070F || c == 0x0890 || c == 0x0891 || c == 0x08E2 ||
	    c == 0x110BD || c == 0x110CD)
		return 1;
	if (c == 0x0CBF || c == 0x0CC6 || c == 0x11A07 || c == 0x11A08 ||
	    c == 0x11C3F)
		return 0;
	if ((c >= 0x3248 && c <= 0x324F) || (c >= 0x4DC0 && c <= 0x4DFF))
		return 2;
	return -1;
}

/* On every hot path: ASCII and the large CJK blocks answer at once. */
int
text_char_width(uint32_t c)
{
	int	w;

	if (c < 0x7F)
		return c >= 0x20;
	if (c < 0xA0)
		return 0;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
	    (c >= 0x3000 && c <= 0x3029) || (c >= 0xFF01 && c <= 0xFF60))
		return 2;
	if (text_is_unsafe(c))
		return 0;
	if ((w = text_glibc_width(c)) >= 0)
		return w;
	w = uc_width(c, ambiguous_wide ? "GBK" : "UTF-8");
	/*
	 * libunistring reserves two columns for unassigned code points in
	 * wide blocks; glibc does not know them and ncursesw then uses one.
	 */
	if (w == 2 && uc_is_general_category(c, UC_CATEGORY_Cn))
		return 1;
	return w < 0 ? 0 : w;
}

/* Sum of character widths, which is how ncursesw advances the cursor. */
size_t
text_width(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, w = 0, l;
	uint32_t		 c;

	while (i < n) {
		if (p[i] < 0x80) {
			w += p[i] >= 0x20 && p[i] != 0x7F;
			i++;
			continue;
		}
		l = text_next(s + i, n - i, &c);
		w += text_char_width(c);
		i += l;
	}
	return w;
}

/* Strict UTF-8: no overlongs, surrogates or values past U+10FFFF. */
size_t
text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c, min;
	size_t			 len, i;

	if (n == 0) {
		*cp = 0xFFFD;
		return 0;
	}
	c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		goto bad;
	if (n < len)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

/*
 * Whether b continues the cluster after a (UAX #29 extended clusters):
 * libunistring's pairwise rule, plus the emoji ZWJ rule (GB11) and flag
 * pairs (GB12/13) that need the state kept by the caller.
 */
static int
text_grapheme_joins(uint32_t a, int pa, uint32_t b, int pictzwj, int pb,
    size_t nri)
{
	if (pa == GBP_ZWJ && pictzwj &&
	    uc_is_property_extended_pictographic(b))
		return 1;
	if (pa == GBP_RI && pb == GBP_RI)
		return nri % 2 == 1;
	return !uc_is_grapheme_break(a, b);
}

/* Our own loop: libunistring 1.0 splits emoji ZWJ sequences and flags. */
size_t
text_grapheme(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 a, b;
	size_t			 i, l, nri;
	int			 pa, pb, pict, pictzwj;

	if (n == 0)
		return 0;
	/* ASCII followed by ASCII (not CR LF) is always a cluster of one. */
	if (p[0] < 0x80 && (n == 1 || (p[1] < 0x80 && p[0] != '\r')))
		return 1;
	i = text_next(s, n, &a);
	if (i >= n)
		return i;
	/*
	 * Nothing below U+0300 and no Han character extends a cluster, and
	 * only Prepend characters (all at U+0600 or above, none Han) and CR
	 * join what follows them.
	 */
	if ((a < 0x600 && a != '\r') || (a >= 0x4E00 && a <= 0x9FFF)) {
		if (p[i] < 0x80)
			return i;
		l = text_next(s + i, n - i, &b);
		if (b < 0x300 || (b >= 0x4E00 && b <= 0x9FFF))
			return i;
	}
	pa = uc_graphemeclusterbreak_property(a);
	pict = uc_is_property_extended_pictographic(a);
	pictzwj = 0;
	nri = pa == GBP_RI;
	while (i < n) {
		l = text_next(s + i, n - i, &b);
		pb = uc_graphemeclusterbreak_property(b);
		if (!text_grapheme_joins(a, pa, b, pictzwj, pb, nri))
			break;
		/* Track "ExtPict Extend* ZWJ" for GB11. */
		if (pb == GBP_ZWJ)
			pictzwj = pict;
		else if (pb == GBP_EXTEND)
			pictzwj = 0;
		else {
			pict = uc_is_property_extended_pictographic(b);
			pictzwj = 0;
		}
		nri = pb == GBP_RI ? nri + 1 : 0;
		a = b;
		pa = pb;
		i += l;
	}
	return i;
}

int
text_is_unsafe(uint32_t c)
{
	if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
		return 1;
	if (c < 0x61C)
		return 0;
	return c == 0x061C || c == 0x200E || c == 0x200F ||
	    c == 0x2028 || c == 0x2029 ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	    (c >= 0xFFF9 && c <= 0xFFFB);
}

/* Like snprintf: returns the placeholder's length, writes what fits. */
size_t
text_placeholder(uint32_t c, char *out, size_t size)
{
	char	tmp[16];
	int	n;

	if (!text_is_unsafe(c))
		n = 0;
	else if (c < 0x20)
		n = snprintf(tmp, sizeof tmp, "^%c", (char)(c + 0x40));
	else if (c == 0x7F)
		n = snprintf(tmp, sizeof tmp, "^?");
	else if (c <= 0x9F)
		n = snprintf(tmp, sizeof tmp, "<%02X>", (unsigned)c);
	else
		n = snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)c);
	tmp[n] = '\0';
	if (size > 0) {
		if ((size_t)n < size)
			memcpy(out, tmp, (size_t)n + 1);
		else {
			memcpy(out, tmp, size - 1);
			out[size - 1] = '\0';
		}
	}
	return (size_t)n;
}

/* "UTF-8" as the encoding keeps ambiguous characters narrow for UAX #14. */
/*
 * libunistring's breaks for [a, b), then our fix-ups: CR LF reads as a
 * mandatory break, bytes inside a character are UNDEFINED.
 */
static void
text_breaks_lib(const char *s, size_t a, size_t b, char *out)
{
	size_t		i, l;
	uint32_t	c;

	u8_possible_linebreaks((const uint8_t *)s + a, b - a, "UTF-8",
	    out + a);
	for (i = a; i < b; i += l) {
		if (out[i] == UC_BREAK_CR_BEFORE_LF)
			out[i] = TEXT_BREAK_MANDATORY;
		if ((unsigned char)s[i] < 0x80) {
			l = 1;
			continue;
		}
		l = text_next(s + i, b - i, &c);
		if (l > 1)
			memset(out + i + 1, TEXT_BREAK_UNDEFINED, l - 1);
	}
}

/* Whether s starts with a Han ideograph of U+4E00..U+9FFF (class ID). */
static inline int
text_is_han3(const unsigned char *p, size_t n)
{
	if (n < 3 || p[0] < 0xE4 || p[0] > 0xE9 || (p[1] & 0xC0) != 0x80 ||
	    (p[2] & 0xC0) != 0x80)
		return 0;
	return p[0] != 0xE4 || p[1] >= 0xB8;
}

/*
 * CJK closing punctuation that no break may precede, whatever comes before
 * (UAX #14 LB13 "x CL", "x EX", LB21 "x NS"), and after which an ideograph
 * may always start a line: 、。，！：；？」』）》〉】〕.
 */
static inline int
text_is_closer3(const unsigned char *p, size_t n)
{
	if (n < 3)
		return 0;
	if (p[0] == 0xE3 && p[1] == 0x80)
		return p[2] == 0x81 || p[2] == 0x82 || p[2] == 0x8D ||
		    p[2] == 0x8F || p[2] == 0x89 || p[2] == 0x8B ||
		    p[2] == 0x91 || p[2] == 0x95;
	if (p[0] == 0xEF && p[1] == 0xBC)
		return p[2] == 0x8C || p[2] == 0x81 || p[2] == 0x9A ||
		    p[2] == 0x9B || p[2] == 0x9F || p[2] == 0x89;
	return 0;
}

/*
 * UAX #14 is costly (libunistring ~255 MB/s) and Chinese text is mostly
 * ideographs and closing punctuation. Before an ideograph that follows an
 * ideograph or a closer a break is always possible, and no rule looks back
 * past an ideograph, so the text is cut there; a stretch that is one
 * ideograph and closers (no break before a closer) needs no libunistring
 * call, the others are given to it whole. The results are the same as one
 * call over the whole text (tests/unit/test_perf.c compares them).
 */
void
text_breaks(const char *s, size_t n, char *out)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, seg = 0, l;
	uint32_t		 c;
	int			 prev = 0, simple = 0;	/* prev: 1 han, 2 closer */

	if (n == 0)
		return;
	while (i < n) {
		if (p[i] < 0x80) {
			prev = simple = 0;
			i++;
			continue;
		}
		if (text_is_han3(p + i, n - i)) {
			if (prev != 0) {
				/* a cut before i: finish [seg, i) */
				if (!simple) {
					text_breaks_lib(s, seg, i, out);
					if (seg > 0)
						out[seg] = TEXT_BREAK_POSSIBLE;
				}
				seg = i;
				simple = 1;
				out[i] = TEXT_BREAK_POSSIBLE;
				out[i + 1] = out[i + 2] = TEXT_BREAK_UNDEFINED;
			}
			prev = 1;
			i += 3;
			continue;
		}
		if (text_is_closer3(p + i, n - i)) {
			if (simple) {
				out[i] = TEXT_BREAK_PROHIBITED;
				out[i + 1] = out[i + 2] = TEXT_BREAK_UNDEFINED;
			}
			prev = prev != 0 ? 2 : 0;
			i += 3;
			continue;
		}
		prev = simple = 0;
		i += text_next(s + i, n - i, &c);
	}
	if (!simple) {
		l = n - seg;
		text_breaks_lib(s, seg, seg + l, out);
		if (seg > 0)
			out[seg] = TEXT_BREAK_POSSIBLE;
	}
}

/* Binary search in a sorted table. */
static int
text_in(uint32_t c, const uint32_t *t, size_t n)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t[mid] == c)
			return 1;
		if (t[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
text_is_closing(uint32_t c)
{
	if (c >= 0x4E00 && c <= 0x9FFF)	/* ideographs: the common case */
		return 0;
	if (c < 0x80)
		return c == '!' || c == ')' || c == ',' || c == '.' ||
		    c == ':' || c == ';' || c == '?' || c == ']' || c == '}';
	if (c >= 0x31F0 && c <= 0x31FF)	/* small katakana extension */
		return 1;
	return text_in(c, closing_chars,
	    sizeof closing_chars / sizeof closing_chars[0]);
}

int
text_is_opening(uint32_t c)
{
	if (c < 0x80)
		return c == '(' || c == '[' || c == '{';
	if (c >= 0x4E00 && c <= 0x9FFF)
		return 0;
	return text_in(c, opening_chars,
	    sizeof opening_chars / sizeof opening_chars[0]);
}

int
text_is_cjk(uint32_t c)
{
	if (c < 0x1100)
		return 0;
	return (c >= 0x4E00 && c <= 0x9FFF) ||	/* unified ideographs */
	    (c >= 0x3400 && c <= 0x4DBF) ||	/* extension A */
	    (c >= 0x20000 && c <= 0x3FFFD) ||	/* extensions B.., compat */
	    (c >= 0xF900 && c <= 0xFAFF) ||	/* compatibility ideographs */
	    (c >= 0x2E80 && c <= 0x2FDF) ||	/* radicals */
	    (c >= 0x2FF0 && c <= 0x2FFF) ||	/* description characters */
	    (c >= 0x3000 && c <= 0x303F) ||	/* symbols and punctuation */
	    (c >= 0x3040 && c <= 0x30FF) ||	/* hiragana, katakana */
	    (c >= 0x3100 && c <= 0x312F) ||	/* bopomofo */
	    (c >= 0x3130 && c <= 0x318F) ||	/* hangul compatibility jamo */
	    (c >= 0x3190 && c <= 0x31FF) ||	/* kanbun .. katakana ext */
	    (c >= 0x3200 && c <= 0x33FF) ||	/* enclosed, compatibility */
	    (c >= 0x1100 && c <= 0x11FF) ||	/* hangul jamo */
	    (c >= 0xA960 && c <= 0xA97F) ||
	    (c >= 0xAC00 && c <= 0xD7FF) ||	/* hangul syllables, jamo */
	    (c >= 0xFE10 && c <= 0xFE1F) ||	/* vertical forms */
	    (c >= 0xFE30 && c <= 0xFE4F) ||	/* compatibility forms */
	    (c >= 0xFF00 && c <= 0xFFEF) ||	/* half- and full-width */
	    (c >= 0x1B000 && c <= 0x1B16F);	/* kana supplement */
}

int
text_is_sentence_end(uint32_t c)
{
	return text_in(c, sentence_end_chars,
	    sizeof sentence_end_chars / sizeof sentence_end_chars[0]);
}
