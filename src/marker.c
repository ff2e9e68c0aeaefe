/* Footnote marker syntaxes: lexing of references and note heads. */
#include <stdio.h>
#include <string.h>

#include <unistr.h>

#include "scholia/marker.h"

#define MARKER_MAXDIGITS 4	/* [12345] is a year or a page, not a note */

static size_t	marker_circled(const char *, size_t, uint32_t *);
static size_t	marker_digits(const char *, size_t);
static size_t	marker_superscripts(const char *, size_t, char *, size_t);
static size_t	marker_braced(const char *, size_t, struct marker *);
static size_t	marker_named(const char *, size_t, struct marker *);
static size_t	marker_spaces(const char *, size_t);
static void	marker_set(struct marker *, const char *, size_t, int);

int
marker_circled_value(uint32_t c)
{
	if (c >= 0x2460 && c <= 0x2473)
		return (int)(c - 0x2460) + 1;
	if (c >= 0x3251 && c <= 0x325F)
		return (int)(c - 0x3251) + 21;
	if (c >= 0x32B1 && c <= 0x32BF)
		return (int)(c - 0x32B1) + 36;
	return 0;
}

/* Bytes of a circled number at s, 0 if there is none. */
static size_t
marker_circled(const char *s, size_t n, uint32_t *cp)
{
	ucs4_t	c;
	int	len;

	if (n == 0 || (unsigned char)s[0] < 0xe0)
		return 0;
	len = u8_mbtouc(&c, (const uint8_t *)s, n);
	if (len <= 0 || !marker_circled_value(c))
		return 0;
	if (cp != NULL)
		*cp = c;
	return (size_t)len;
}

/* Bytes of a short run of ASCII digits at s, 0 if none or too long. */
static size_t
marker_digits(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > MARKER_MAXDIGITS)
		return 0;
	return i;
}

/* A run of Unicode superscript digits, written out as ASCII to out. */
static size_t
marker_superscripts(const char *s, size_t n, char *out, size_t outsz)
{
	size_t	i = 0, k = 0;
	ucs4_t	c;
	int	len, v;

	while (i < n) {
		len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (len <= 0)
			break;
		if (c == 0xB9)
			v = 1;
		else if (c == 0xB2 || c == 0xB3)
			v = (int)c - 0xB0;
		else if (c == 0x2070 || (c >= 0x2074 && c <= 0x2079))
			v = (int)(c - 0x2070);
		else
			break;
		if (k + 1 >= outsz || k >= MARKER_MAXDIGITS)
			return 0;
		out[k++] = (char)('0' + v);
		i += (size_t)len;
	}
	out[k] = '\0';
	return k > 0 ? i : 0;
}

/* Fill label and shown form; circled labels show as themselves. */
static void
marker_set(struct marker *m, const char *label, size_t n, int circled)
{
	if (n >= sizeof m->label)
		n = sizeof m->label - 1;
	memcpy(m->label, label, n);
	m->label[n] = '\0';
	/* shown has room for "[" label "]": no snprintf, called per marker */
	n = strlen(m->label);	/* a NUL in the source ends the label */
	if (circled) {
		memcpy(m->shown, m->label, n + 1);
		return;
	}
	m->shown[0] = '[';
	memcpy(m->shown + 1, m->label, n);
	m->shown[n + 1] = ']';
	m->shown[n + 2] = '\0';
}

/* ^{①}, ^{*}, ^{\*}, ^{12} at s (which starts with "^{"). */
static size_t
marker_braced(const char *s, size_t n, struct marker *m)
{
	const char	*in = s + 2;
	size_t		 k, avail = n - 2;

	if ((k = marker_circled(in, avail, NULL)) != 0) {
		if (k < avail && in[k] == '}') {
			marker_set(m, in, k, 1);
			return k + 3;
		}
		return 0;
	}
	if (avail >= 2 && in[0] == '*' && in[1] == '}') {
		marker_set(m, "*", 1, 0);
		return 4;
	}
	if (avail >= 3 && in[0] == '\\' && in[1] == '*' && in[2] == '}') {
		marker_set(m, "*", 1, 0);
		return 5;
	}
	if ((k = marker_digits(in, avail)) != 0 && k < avail && in[k] == '}') {
		marker_set(m, in, k, 0);
		return k + 3;
	}
	return 0;
}

/* [^name] at s; the closing bracket's index is returned, 0 if none. */
static size_t
marker_named(const char *s, size_t n, struct marker *m)
{
	size_t	i;

	if (n < 4 || s[0] != '[' || s[1] != '^')
		return 0;
	for (i = 2; i < n && i < 2 + sizeof m->label - 1; i++) {
		if (s[i] == ']')
			break;
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '[' || s[i] == '^')
			return 0;
	}
	if (i == 2 || i >= n || s[i] != ']')
		return 0;
	marker_set(m, s + 2, i - 2, 0);
	m->named = 1;
	return i;
}

/* Whitespace after a note head: ASCII blanks, U+3000, U+00A0. */
static size_t
marker_spaces(const char *s, size_t n)
{
	size_t	i = 0;

	for (;;) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (n - i >= 3 && memcmp(s + i, "\xe3\x80\x80", 3) == 0)
			i += 3;
		else if (n - i >= 2 && memcmp(s + i, "\xc2\xa0", 2) == 0)
			i += 2;
		else
			return i;
	}
}

size_t
marker_ref(const char *s, size_t n, struct marker *m)
{
	size_t	k;
	char	sup[MARKER_MAXDIGITS + 1];

	memset(m, 0, sizeof *m);
	if (n == 0)
		return 0;
	if (s[0] == '^' && n >= 2) {
		if (s[1] == '{')
			return m->len = marker_braced(s, n, m);
		if ((k = marker_circled(s + 1, n - 1, NULL)) != 0) {
			marker_set(m, s + 1, k, 1);
			return m->len = k + 1;
		}
		if ((k = marker_digits(s + 1, n - 1)) != 0) {
			marker_set(m, s + 1, k, 0);
			return m->len = k + 1;
		}
		return 0;
	}
	if (s[0] == '[') {
		k = marker_named(s, n, m);
		if (k == 0 || (k + 1 < n && s[k + 1] == ':')) {
			memset(m, 0, sizeof *m);
			return 0;
		}
		return m->len = k + 1;
	}
	if ((k = marker_circled(s, n, NULL)) != 0) {
		marker_set(m, s, k, 1);
		m->bare = 1;
		return m->len = k;
	}
	if ((k = marker_superscripts(s, n, sup, sizeof sup)) != 0) {
		marker_set(m, sup, strlen(sup), 0);
		return m->len = k;
	}
	return 0;
}

size_t
marker_note_head(const char *s, size_t n, struct marker *m)
{
	size_t	k = 0, sp;

	memset(m, 0, sizeof *m);
	if (n == 0)
		return 0;
	if (s[0] == '^' && n >= 2) {
		if (s[1] == '{')
			k = marker_braced(s, n, m);
		else if ((k = marker_circled(s + 1, n - 1, NULL)) != 0) {
			marker_set(m, s + 1, k, 1);
			k++;
		}
	} else if (s[0] == '[' && n >= 2 && s[1] == '^') {
		k = marker_named(s, n, m);
		if (k == 0 || k + 1 >= n || s[k + 1] != ':')
			k = 0;
		else
			k += 2;
	} else if (s[0] == '[') {
		k = marker_digits(s + 1, n - 1);
		if (k == 0 && n >= 3 && s[1] == '*')
			k = 1;
		if (k != 0 && k + 1 < n && s[k + 1] == ']') {
			marker_set(m, s + 1, k, 0);
			k += 2;
		} else
			k = 0;
	} else if ((k = marker_circled(s, n, NULL)) != 0) {
		marker_set(m, s, k, 1);
		m->bare = 1;
	} else if (s[0] == '*' || (s[0] == '\\' && n >= 2 && s[1] == '*')) {
		k = s[0] == '*' ? 1 : 2;
		/* A lone asterisk is a note head only when a blank follows. */
		if (marker_spaces(s + k, n - k) == 0)
			k = 0;
		else
			marker_set(m, "*", 1, 0);
	}
	if (k == 0) {
		memset(m, 0, sizeof *m);
		return 0;
	}
	sp = marker_spaces(s + k, n - k);
	m->len = k + sp;
	return m->len;
}

int
marker_sup_label(const char *s, size_t n, char *label, size_t size)
{
	size_t	k;

	while (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n'))
		n--;
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
	}
	if (n == 0 || size < 2)
		return 0;
	if ((n == 1 && s[0] == '*') ||
	    (n == 2 && s[0] == '\\' && s[1] == '*')) {
		snprintf(label, size, "*");
		return 1;
	}
	if ((k = marker_digits(s, n)) == n ||
	    ((k = marker_circled(s, n, NULL)) != 0 && k == n)) {
		if (n >= size)
			return 0;
		memcpy(label, s, n);
		label[n] = '\0';
		return 1;
	}
	return 0;
}
