/* Source positions for the parsers: lines, masked notes, underlines, pages. */
#include <string.h>

#include "parse_internal.h"
#include "scholia/source.h"
#include "scholia/xmalloc.h"

static int	src_blank(char);

int
parse_line_of(const struct source *src, size_t off)
{
	size_t	lo = 0, hi, mid;

	if (src == NULL || src->nlines == 0)
		return 1;
	hi = src->nlines;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (src->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

/*
 * parse_line_of for offsets asked in order: the line of the last answer
 * (*hint, 0-based) or one of the few after it, else a search.
 */
int
parse_line_near(const struct source *src, size_t off, size_t *hint)
{
	size_t	h = *hint, k;

	if (src != NULL && h < src->nlines && src->lines[h] <= off)
		for (k = 0; k < 8 && h < src->nlines; k++, h++)
			if (h + 1 == src->nlines || src->lines[h + 1] > off) {
				*hint = h;
				return (int)h + 1;
			}
	k = (size_t)parse_line_of(src, off);
	*hint = k - 1;
	return (int)k;
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
	const char	*nl;
	size_t		 i = 0, j, k;

	if (memchr(s, '\f', n) != NULL) {
		copy = xmalloc(n + 1);
		for (i = 0; i < n; i++)
			copy[i] = s[i] == '\f' ? ' ' : s[i];
		copy[n] = '\0';
		i = 0;
	}
	while (i < n) {
		j = i;
		while (j < n && j - i < 3 && s[j] == ' ')
			j++;
		if (j + 3 < n && s[j] == '[' && s[j + 1] == '^') {
			for (k = j + 2; k < n && s[k] != ']' && s[k] != '\n' &&
			    s[k] != ' ' && s[k] != '['; k++)
				;
			if (k > j + 2 && k + 1 < n && s[k] == ']' &&
			    s[k + 1] == ':') {
				if (copy == NULL) {
					copy = xmalloc(n + 1);
					memcpy(copy, s, n);
					copy[n] = '\0';
				}
				copy[j] = 'X';
			}
		}
		if ((nl = memchr(s + i, '\n', n - i)) == NULL)
			break;
		i = (size_t)(nl - s) + 1;
	}
	return copy;
}

/*
 * The first non-blank line after the line holding byte *scan - 1 (from the
 * start if *scan is 0): where a block with no text of its own stands.
 */
int
parse_next_line(const struct source *src, size_t *scan)
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
	return parse_line_of(src, i);
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
