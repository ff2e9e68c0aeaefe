/* Test helper: build small docs for the recovery passes from a compact notation. */
#ifndef TEST_RECOVER_UTIL_H
#define TEST_RECOVER_UTIL_H

#include <string.h>

#include "scholia/doc.h"

/*
 * Append text to the open block. Inside braces: {①} or {[1]} a reference
 * (label ① or 1), {^name} a named reference, {?①} a bare circled number
 * the parser left undecided, {@①} or {@[1]} a note label head, {*text}
 * strong text.
 */
static inline void
tr_text(struct doc *d, int line, const char *s)
{
	const char	*p, *e;
	char		 label[64];
	size_t		 n;
	int		 r;

	while (*s != '\0') {
		p = strchr(s, '{');
		if (p == NULL) {
			doc_append(d, s, strlen(s), 0);
			return;
		}
		if (p > s)
			doc_append(d, s, (size_t)(p - s), 0);
		e = strchr(p, '}');
		n = (size_t)(e - p - 1);
		if (p[1] == '?')
			doc_append(d, p + 2, n - 1, SPAN_MAYBEREF);
		else if (p[1] == '@')
			doc_append(d, p + 2, n - 1, SPAN_NOTELABEL);
		else if (p[1] == '*')
			doc_append(d, p + 2, n - 1, SPAN_STRONG);
		else if (p[1] == '^') {
			char	shown[80];

			snprintf(label, sizeof label, "%.*s", (int)(n - 1),
			    p + 2);
			snprintf(shown, sizeof shown, "[%s]", label);
			r = doc_append_ref(d, shown, strlen(shown), label, line,
			    0);
			d->refs[r].named = 1;
		} else if (p[1] == '[') {
			snprintf(label, sizeof label, "%.*s", (int)(n - 2),
			    p + 2);
			doc_append_ref(d, p + 1, n, label, line, 0);
		} else {
			snprintf(label, sizeof label, "%.*s", (int)n, p + 1);
			doc_append_ref(d, p + 1, n, label, line, 0);
		}
		s = e + 1;
	}
}

/* A paragraph on one source line; returns its block. */
static inline int
tr_para(struct doc *d, int line, const char *s)
{
	int	bi = doc_begin_block(d, BLOCK_PARA, line);

	tr_text(d, line, s);
	doc_end_block(d, line);
	return bi;
}

static inline int
tr_heading(struct doc *d, int line, int level, const char *s)
{
	int	bi = doc_begin_block(d, BLOCK_HEADING, line);

	d->blocks[bi].level = level;
	tr_text(d, line, s);
	doc_end_block(d, line);
	return bi;
}

static inline int
tr_hr(struct doc *d, int line)
{
	int	bi = doc_begin_block(d, BLOCK_HR, line);

	doc_end_block(d, line);
	return bi;
}

/* The display text of a block as a NUL-terminated copy in buf. */
static inline const char *
tr_block_text(const struct doc *d, int bi, char *buf, size_t size)
{
	const struct block *b = &d->blocks[bi];

	snprintf(buf, size, "%.*s", (int)b->text_len, d->text.data +
	    b->text_off);
	return buf;
}

/* The note a reference with this line and label links to, -2 if no such ref. */
static inline int
tr_ref_note(const struct doc *d, int line, const char *label)
{
	size_t	i;

	for (i = 0; i < d->nrefs; i++)
		if (d->refs[i].line == line &&
		    strcmp(d->refs[i].label, label) == 0)
			return d->refs[i].note;
	return -2;
}

#endif
