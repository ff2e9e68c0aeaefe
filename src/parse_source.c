/* Source positions for the parsers: lines, masked notes, underlines, pages. */
#include <string.h>

#include "parse_internal.h"
#include "scholia/source.h"
#include "scholia/xmalloc.h"

static int	src_blank(char);
static size_t	parse_line_in(const struct source *, size_t, size_t, size_t);

/* The last line in [lo, hi) starting at or before off (lines[lo] is). */
static size_t
parse_line_in(const struct source *src, size_t lo, size_t hi, size_t off)
{
	size_t	mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (src->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int
parse_line_of(const struct source *src, size_t off)
{
	if (src == NULL || src->nlines == 0)
		return 1;
	return (int)parse_line_in(src, 0, src->nlines, off) + 1;
}

/*
 * parse_line_of for offsets asked mostly in order: from the line of the last
 * answer (*hint, 0-based) forward in steps that double, then a search in the
 * last step, so a block ends in a few looks however long it is.
 */
int
parse_line_near(const struct source *src, size_t off, size_t *hint)
{
	size_t	lo = *hint, hi, step = 1;

	if (src == NULL || lo >= src->nlines || src->lines[lo] > off) {
		lo = (size_t)parse_line_of(src, off);
		*hint = lo - 1;
		return (int)lo;
	}
	/* lines[lo] <= off; find hi past it with lines[hi] > off */
	for (hi = lo + 1; hi < src->nlines && src->lines[hi] <= off;
	    hi = lo + step) {
		lo = hi;
		step *= 2;
	}
	if (hi > src->nlines)
		hi = src->nlines;
	*hint = lo = parse_line_in(src, lo, hi, off);
	return (int)lo + 1;
}

static int
src_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * md4c takes "[^1]: text" for a link reference definition and drops it;
 * such a line is a note. Its bracket is masked in a copy of the same length
 * so md4c sees a paragraph, and form feeds become blanks so that a page
 * break is a blank line; text is then read back from the original. NULL
 * when nothing needs masking.
 */
char *
parse_mask_notes(const char *s, size_t n)
{
	char		*copy = NULL;
	const char	*p;
	size_t		 i, j, k;

	if ((p = memchr(s, '\f', n)) != NULL) {
		copy = xmalloc(n + 1);
		memcpy(copy, s, n);
		copy[n] = '\0';
		for (; p != NULL; p = memchr(p + 1, '\f', n - (size_t)(p - s) - 1))
			copy[p - s] = ' ';
	}
	/* Each "[^" that opens a line after at most three spaces. */
	for (i = 0; i < n && (p = memchr(s + i, '[', n - i)) != NULL; i = j + 1) {
		j = (size_t)(p - s);
		for (k = j; k > 0 && j - k < 3 && s[k - 1] == ' '; k--)
			;
		if ((k > 0 && s[k - 1] != '\n') || j + 3 >= n || s[j + 1] != '^')
			continue;
		for (k = j + 2; k < n && s[k] != ']' && s[k] != '\n' &&
		    s[k] != ' ' && s[k] != '['; k++)
			;
		if (k > j + 2 && k + 1 < n && s[k] == ']' && s[k + 1] == ':') {
			if (copy == NULL) {
				copy = xmalloc(n + 1);
				memcpy(copy, s, n);
				copy[n] = '\0';
			}
			copy[j] = 'X';
		}
	}
	return copy;
}

/*
 * The first non-blank line after the line holding byte *scan - 1 (from the
 * start if *scan is 0): where a block with no text of its own stands.
 */
int
parse_next_line(const struct source *src, size_t *scan, size_t *hint)
{
	const char	*s = src->text;
	size_t		 i = *scan, j, n = src->len;

	if (i > 0)
		while (i < n && s[i - 1] != '\n')
			i++;
	for (;;) {
		for (j = i; j < n && src_blank(s[j]); j++)
			;
		if (j >= n || s[j] != '\n')
			break;
		i = j + 1;
	}
	if (i >= n && n > 0)
		i = n - 1;
	*scan = i + 1;
	return parse_line_near(src, i, hint);
}

int
parse_setext(const struct source *src, int first, int ln)
{
	const char	*s = src->text;
	size_t		 i, e;
	char		 c;

	if (first < 1 || (size_t)ln >= src->nlines)
		return 0;
	for (i = src->lines[first - 1]; i < src->len && src_blank(s[i]); i++)
		;
	if (i < src->len && s[i] == '#')
		return 0;
	i = src->lines[ln];
	e = (size_t)ln + 1 < src->nlines ? src->lines[ln + 1] : src->len;
	while (i < e && src_blank(s[i]))
		i++;
	if (i >= e || (s[i] != '=' && s[i] != '-'))
		return 0;
	for (c = s[i]; i < e && s[i] == c; i++)
		;
	while (i < e && (src_blank(s[i]) || s[i] == '\n'))
		i++;
	return i == e;
}

int
parse_page_before(const struct source *src, size_t *next, int line)
{
	size_t	start;
	int	hit = 0;

	if (*next >= src->npages || line < 1 || (size_t)line > src->nlines)
		return 0;
	start = src->lines[line - 1];
	while (*next < src->npages && src->pages[*next] < start) {
		hit = 1;
		(*next)++;
	}
	return hit;
}
