/* Helpers shared by the layout tests: one-block docs and line invariants. */
#ifndef LAYOUT_TEST_UTIL_H
#define LAYOUT_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/text.h"

/* A doc of one block holding s. */
static inline struct doc *
doc_para(enum block_type type, const char *s)
{
	struct doc	*d = doc_new(NULL);

	doc_begin_block(d, type, 1);
	doc_append(d, s, strlen(s), 0);
	doc_end_block(d, 1);
	return d;
}

/* Invariants of every line: width, runs, no control bytes. */
static inline void
check_lines(struct layout *l, int bi, int width)
{
	const struct layout_line	*lines, *ln;
	const struct layout_run		*r;
	int				 n, i, j, cols;
	size_t				 k, off;
	const unsigned char		*s;

	lines = layout_block(l, bi, &n);
	for (i = 0; i < n; i++) {
		ln = &lines[i];
		assert_true(ln->cols <= width);
		assert_int_equal((int)text_width(ln->text, ln->len), ln->cols);
		s = (const unsigned char *)ln->text;
		for (k = 0; k < ln->len; k++) {
			assert_false(s[k] < 0x20 || s[k] == 0x7f);
			if (s[k] == 0xc2 && k + 1 < ln->len)
				assert_false(s[k + 1] >= 0x80 &&
				    s[k + 1] <= 0x9f);
		}
		cols = 0;
		off = 0;
		for (j = 0; j < ln->nruns; j++) {
			r = &ln->runs[j];
			/* text runs show the doc text they point at */
			if (r->doc_off != LAYOUT_NO_OFF && !(r->style &
			    (STYLE_CONTROL | STYLE_DECOR)) &&
			    ln->text[r->off] != ' ')
				assert_memory_equal(doc_text(layout_doc(l),
				    r->doc_off), ln->text + r->off, r->len);
			if (r->style & STYLE_DECOR)
				assert_int_equal(r->doc_off, LAYOUT_NO_OFF);
			assert_int_equal(ln->runs[j].off, off);
			off += ln->runs[j].len;
			cols += ln->runs[j].cols;
		}
		assert_int_equal(off, ln->len);
		assert_int_equal(cols, ln->cols);
	}
}

/* All text lines of a block, without decoration, joined by "|". */
static inline char *
flow_text(struct layout *l, int bi, int decor)
{
	const struct layout_line	*lines;
	struct buf			 b = { 0 };
	int				 n, i, j;

	lines = layout_block(l, bi, &n);
	buf_puts(&b, "");
	for (i = 0; i < n; i++) {
		if (lines[i].flags & LINE_BLANK)
			continue;
		if (b.len > 0)
			buf_putc(&b, '|');
		for (j = 0; j < lines[i].nruns; j++) {
			if (!decor && lines[i].runs[j].style & STYLE_DECOR)
				continue;
			buf_append(&b, lines[i].text + lines[i].runs[j].off,
			    lines[i].runs[j].len);
		}
	}
	return buf_steal(&b);
}

/* First character of a line after its decoration. */
static inline uint32_t
first_char(const struct layout_line *ln)
{
	uint32_t	c = 0;
	int		j;

	for (j = 0; j < ln->nruns; j++) {
		if (ln->runs[j].style & STYLE_DECOR)
			continue;
		text_decode(ln->text + ln->runs[j].off, ln->runs[j].len, &c);
		return c;
	}
	return 0;
}

static inline uint32_t
last_char(const struct layout_line *ln)
{
	uint32_t	c = 0;
	size_t		i, l;

	for (i = 0; i < ln->len; i += l)
		l = text_decode(ln->text + i, ln->len - i, &c);
	return c;
}


#endif
