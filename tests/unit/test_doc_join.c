/* The two-part parse of large Markdown: the same doc as one parse, and where it may cut. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include <cmocka.h>

#include "core_test_util.h"
#include "doc_compact.h"
#include "doc_join.h"
#include "load_int.h"
#include "recover.h"
#include "recover_util.h"
#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/load.h"

static char	*tj_corpus(size_t *);
static char	*tj_export(const char *, size_t, int, int);
static void	 tj_same(const char *, size_t);
static char	*tj_snapshot(const struct doc *, size_t *);
static void	 tj_compact_same(struct doc *);

/* The corpus papers one after another, in name order. */
static char *
tj_corpus(size_t *n)
{
	struct dirent	**ents;
	struct buf	  b = { 0 };
	char		  path[1024];
	FILE		 *fp;
	size_t		  r;
	char		  chunk[65536];
	int		  k, i;

	k = scandir(CORPUS_DIR, &ents, NULL, alphasort);
	assert_true(k > 0);
	for (i = 0; i < k; i++) {
		r = strlen(ents[i]->d_name);
		if (r > 4 && strcmp(ents[i]->d_name + r - 4, ".txt") == 0) {
			snprintf(path, sizeof path, "%s/%s", CORPUS_DIR,
			    ents[i]->d_name);
			fp = fopen(path, "r");
			assert_non_null(fp);
			while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0)
				buf_append(&b, chunk, r);
			fclose(fp);
			buf_append(&b, "\n\n", 2);
		}
		free(ents[i]);
	}
	free(ents);
	*n = b.len;
	return buf_steal(&b);
}

/*
 * JSON (tree = 0) or tree export of p as Markdown, cut or not; with split
 * the maps of the recovery passes run on two threads too.
 */
static char *
tj_export(const char *p, size_t n, int split, int tree)
{
	struct load_opts	 o = { 0 };
	struct doc		*d;
	char			*cause = NULL, *out = NULL;
	size_t			 len;
	FILE			*fp;

	o.format = LOAD_MARKDOWN;
	load_set_split_min(split ? 0 : SIZE_MAX);
	recover_set_par_min(split ? 0 : SIZE_MAX);
	assert_int_equal(load_memory("t.md", p, n, &o, &d, &cause), 0);
	load_set_split_min(SIZE_MAX);
	recover_set_par_min(SIZE_MAX);
	if (!tree) {
		out = ctu_export_json(d, &len);
	} else {
		fp = open_memstream(&out, &len);
		assert_non_null(fp);
		assert_int_equal(export_tree(d, fp), 0);
		fclose(fp);
	}
	doc_free(d);
	return out;
}

/* Both exports of p the same whether it is parsed in two parts or one. */
static void
tj_same(const char *p, size_t n)
{
	char	*a, *b;
	int	 tree;

	for (tree = 0; tree < 2; tree++) {
		a = tj_export(p, n, 0, tree);
		b = tj_export(p, n, 1, tree);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

/*
 * The corpus, cut in the middle and recovered on two threads: every block,
 * span, note and ref alike.
 */
static void
test_split_corpus(void **state)
{
	char	*p;
	size_t	 n, cut;

	(void)state;
	p = tj_corpus(&n);
	cut = load_split_cut(p, n);
	assert_true(cut >= n / 2 && cut < n);
	assert_true(p[cut - 1] == '\n');
	tj_same(p, n);
	free(p);
}

/* Each corpus paper alone as plain text: the recovery maps on two threads. */
static void
test_par_text(void **state)
{
	struct load_opts	 o = { 0 };
	struct dirent		**ents;
	struct doc		*d;
	char			 path[1024], *cause = NULL, *a, *b;
	size_t			 len;
	int			 k, i, par;

	(void)state;
	o.format = LOAD_TEXT;
	k = scandir(CORPUS_DIR, &ents, NULL, alphasort);
	assert_true(k > 0);
	for (i = 0; i < k; i++) {
		len = strlen(ents[i]->d_name);
		if (len > 4 && strcmp(ents[i]->d_name + len - 4, ".txt") == 0) {
			snprintf(path, sizeof path, "%s/%s", CORPUS_DIR,
			    ents[i]->d_name);
			a = b = NULL;
			for (par = 0; par < 2; par++) {
				recover_set_par_min(par ? 0 : SIZE_MAX);
				assert_int_equal(load_file(path, &o, &d,
				    &cause), 0);
				recover_set_par_min(SIZE_MAX);
				*(par ? &b : &a) = ctu_export_json(d, &len);
				doc_free(d);
			}
			assert_string_equal(a, b);
			free(a);
			free(b);
		}
		free(ents[i]);
	}
	free(ents);
}

/*
 * Markdown of every kind the parser flattens, cut at many places (a
 * prefix moves the middle): lists, quotes, tables, links, notes, code,
 * HTML comments over blank lines, page breaks.
 */
static void
test_split_shapes(void **state)
{
	static const char	 unit[] =
	    "# 一、引言\n\n"
	    "正文第一段，有注释①和链接[网站](http://a.example/x)。\n\n"
	    "- 甲项\n- 乙项\n\n  续段\n\n"
	    "1. 一\n2. 二\n\n"
	    "> 引文一行\n> 引文二行\n\n"
	    "| 甲 | 乙 |\n|---|:-:|\n| 1 | 2 |\n\n"
	    "```\n代码\n\n空行后的代码\n```\n\n"
	    "<!-- 注释\n\n跨空行 -->\n\n"
	    "前一页的末句\f\n\n"
	    "Text with *emphasis* and **strong** and <sup>[2]</sup>.\n\n"
	    "① 注释正文。\n\n"
	    "[^a]: 脚注定义\n\n"
	    "标题\n====\n\n"
	    "---\n\n"
	    "末段。\n\n";
	struct buf		 b = { 0 };
	size_t			 pre, k, cut;

	(void)state;
	for (pre = 0; pre < 24; pre++) {
		buf_reset(&b);
		for (k = 0; k < pre; k++)
			buf_puts(&b, "前言。\n\n");
		for (k = 0; k < 6; k++)
			buf_puts(&b, unit);
		cut = load_split_cut(b.data, b.len);
		assert_true(cut > 0);
		tj_same(b.data, b.len);
	}
	buf_free(&b);
}

/*
 * Cuts only where nothing is open: never inside fenced code or an HTML
 * comment that runs over blank lines, never when a link reference
 * definition may be used in the other part.
 */
static void
test_split_guards(void **state)
{
	struct buf	 b = { 0 };
	const char	*fence_end;
	size_t		 cut, k;

	(void)state;
	/* a fence from the start to past the middle */
	buf_puts(&b, "```\n");
	for (k = 0; k < 50; k++)
		buf_puts(&b, "代码\n\n普通一行\n\n");
	buf_puts(&b, "```\n\n");
	fence_end = b.data + b.len;
	for (k = 0; k < 20; k++)
		buf_puts(&b, "段落。\n\n");
	cut = load_split_cut(b.data, b.len);
	assert_true(cut >= (size_t)(fence_end - b.data));
	tj_same(b.data, b.len);

	/* the same with an HTML comment */
	buf_reset(&b);
	buf_puts(&b, "<!--\n");
	for (k = 0; k < 50; k++)
		buf_puts(&b, "注释\n\n普通一行\n\n");
	buf_puts(&b, "-->\n\n");
	fence_end = b.data + b.len;
	for (k = 0; k < 20; k++)
		buf_puts(&b, "段落。\n\n");
	cut = load_split_cut(b.data, b.len);
	assert_true(cut >= (size_t)(fence_end - b.data));
	tj_same(b.data, b.len);

	/*
	 * A fence line taken into a table as a row, then a fence that is
	 * never closed: the scan of the text pairs the two fences and sees
	 * nothing open at its cut, but the code runs to the end (found by
	 * fuzzing).
	 */
	buf_reset(&b);
	buf_puts(&b, "x\n|--:\n```\n\n```\n\n");
	for (k = 0; k < 30; k++)
		buf_puts(&b, "段落。\n\n");
	tj_same(b.data, b.len);

	/* a reference used in the first half, defined in the second */
	buf_reset(&b);
	for (k = 0; k < 30; k++)
		buf_puts(&b, "见[甲][x]。\n\n");
	buf_puts(&b, "[x]: http://a.example/\n\n");
	assert_int_equal(load_split_cut(b.data, b.len), 0);
	tj_same(b.data, b.len);
	/* note definitions are no link definitions: these may cut */
	buf_reset(&b);
	for (k = 0; k < 30; k++)
		buf_puts(&b, "正文[^1]。\n\n[^1]: 注。\n\n");
	assert_true(load_split_cut(b.data, b.len) > 0);
	tj_same(b.data, b.len);
	buf_free(&b);
}

/*
 * Two recovered docs joined: every record of the second (notes, refs,
 * headings, keywords, articles) points at the same text and blocks as
 * before, moved past the first's, its lines shifted.
 */
static void
test_join_records(void **state)
{
	static const char	 a_md[] = "# 一、引言\n\n正文①<sup>[9]</sup>。\n\n"
	    "【关键词】甲；乙\n\n① 注一。\n";
	static const char	 b_md[] = "# 二、方法\n\n第二篇正文②和①。\n\n"
	    "【关键词】丙；丁\n\n① 注甲。\n\n② 注乙。\n";
	struct load_opts	 o = { 0 };
	struct doc		*a, *b, *b2;
	char			*cause = NULL;
	size_t			 nb, nr, nn, nh, nk, na, i, text;
	const struct span	*sp;
	int			 k;

	(void)state;
	o.format = LOAD_MARKDOWN;
	assert_int_equal(load_memory("a.md", a_md, sizeof a_md - 1, &o, &a,
	    &cause), 0);
	assert_int_equal(load_memory("b.md", b_md, sizeof b_md - 1, &o, &b,
	    &cause), 0);
	assert_int_equal(load_memory("b.md", b_md, sizeof b_md - 1, &o, &b2,
	    &cause), 0);
	assert_true(b->nnotes == 2 && b->nrefs == 2 && b->nheadings > 0 &&
	    b->nkeywords == 1);
	assert_true(a->nrefs == 2 && a->nnotes == 1);	/* shifts differ */
	nb = a->nblocks;
	nr = a->nrefs;
	nn = a->nnotes;
	nh = a->nheadings;
	nk = a->nkeywords;
	na = a->narticles;
	text = a->text.len;
	doc_append_doc(a, b, 100);
	assert_int_equal(b->nblocks + b->nnotes + b->nrefs, 0);
	assert_int_equal(a->nblocks, nb + b2->nblocks);
	assert_int_equal(a->text.len, text + b2->text.len);
	for (i = 0; i < b2->nblocks; i++) {
		assert_int_equal(a->blocks[nb + i].line,
		    b2->blocks[i].line + 100);
		assert_memory_equal(doc_text(a, a->blocks[nb + i].text_off),
		    doc_text(b2, b2->blocks[i].text_off),
		    b2->blocks[i].text_len);
		assert_int_equal(a->blocks[nb + i].span_count,
		    b2->blocks[i].span_count);
		for (k = 0; k < (int)a->blocks[nb + i].span_count; k++) {
			sp = &a->spans[a->blocks[nb + i].span_first + k];
			if (sp->ref >= 0)
				assert_int_equal(a->refs[sp->ref].text_off,
				    sp->off);
		}
	}
	for (i = 0; i < b2->nnotes; i++) {
		assert_string_equal(a->notes[nn + i].label,
		    b2->notes[i].label);
		assert_int_equal(a->notes[nn + i].block,
		    b2->notes[i].block + (int)nb);
		assert_int_equal(a->blocks[a->notes[nn + i].block].note,
		    (int)(nn + i));
		assert_int_equal(a->notes[nn + i].nrefs, b2->notes[i].nrefs);
		for (k = 0; k < a->notes[nn + i].nrefs; k++)
			assert_int_equal(a->notes[nn + i].refs[k],
			    b2->notes[i].refs[k] + (int)nr);
	}
	for (i = 0; i < b2->nrefs; i++) {
		assert_int_equal(a->refs[nr + i].note, b2->refs[i].note < 0 ?
		    -1 : b2->refs[i].note + (int)nn);
		assert_int_equal(a->refs[nr + i].line, b2->refs[i].line + 100);
		assert_int_equal(a->refs[nr + i].block,
		    b2->refs[i].block + (int)nb);
	}
	for (i = 0; i < b2->nheadings; i++) {
		assert_string_equal(a->headings[nh + i].title,
		    b2->headings[i].title);
		assert_int_equal(a->headings[nh + i].block,
		    b2->headings[i].block + (int)nb);
	}
	assert_int_equal(a->nkeywords, nk + b2->nkeywords);
	assert_int_equal(a->keywords[nk].block, b2->keywords[0].block +
	    (int)nb);
	assert_int_equal(a->narticles, na + b2->narticles);
	doc_free(a);
	doc_free(b);
	doc_free(b2);
}

/* What compaction must keep: each block's text, spans (offsets in it), refs. */
static char *
tj_snapshot(const struct doc *d, size_t *n)
{
	struct buf		 b = { 0 };
	const struct block	*bl;
	const struct span	*sp;
	char			 head[128];
	size_t			 i, k;

	for (i = 0; i < d->nblocks; i++) {
		bl = &d->blocks[i];
		snprintf(head, sizeof head, "%zu %x %zu %u:", i, bl->flags,
		    (size_t)bl->text_len, (unsigned)bl->span_count);
		buf_append(&b, head, strlen(head));
		buf_append(&b, doc_text(d, bl->text_off), bl->text_len);
		for (k = 0; k < bl->span_count; k++) {
			sp = &d->spans[bl->span_first + k];
			assert_true(sp->off >= bl->text_off &&
			    sp->off + sp->len <= bl->text_off + bl->text_len);
			snprintf(head, sizeof head, "|%zu+%u %x %d",
			    (size_t)(sp->off - bl->text_off), (unsigned)sp->len,
			    sp->flags, sp->ref);
			buf_append(&b, head, strlen(head));
		}
		buf_putc(&b, '\n');
	}
	for (i = 0; i < d->nrefs; i++) {
		snprintf(head, sizeof head, "ref %zu %d:", i, d->refs[i].block);
		buf_append(&b, head, strlen(head));
		buf_append(&b, doc_text(d, d->refs[i].text_off),
		    d->refs[i].text_len);
		buf_putc(&b, '\n');
	}
	*n = b.len;
	return buf_steal(&b);
}

/* Compact d: every block, span and ref reads the same, twice over. */
static void
tj_compact_same(struct doc *d)
{
	char	*before, *after;
	size_t	 nb, na, len = d->text.len;

	before = tj_snapshot(d, &nb);
	doc_compact(d);
	assert_true(d->text.len < len);
	after = tj_snapshot(d, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	len = d->text.len;
	doc_compact(d);
	assert_int_equal(d->text.len, len);
	free(after);
	after = tj_snapshot(d, &na);
	assert_memory_equal(before, after, nb);
	free(before);
	free(after);
}

/*
 * Joined copies at the end of the text, interleaved with the blocks in
 * reading order: the text keeps only what blocks show, in offset order.
 */
static void
test_compact_interleaved(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 next[2];
	size_t		 i, n;

	(void)state;
	tr_para(d, 1, "甲乙");
	tr_para(d, 2, "丙{①}");
	tr_para(d, 3, "丁戊");
	tr_hr(d, 4);
	tr_para(d, 5, "己{*庚}");
	tr_para(d, 6, "辛");
	recover_join(d, 0, 2);		/* 甲乙丁戊 at the end */
	next[0] = 4;
	next[1] = 5;
	recover_join_many(d, 1, next, 2);	/* 丙①己庚辛 after it */
	tj_compact_same(d);
	assert_int_equal(d->text.len, strlen("甲乙丁戊丙①己庚辛"));
	assert_string_equal(d->text.data, "甲乙丁戊丙①己庚辛");
	/* the spans of the copies replaced, none of the old ones */
	for (i = 0, n = 0; i < d->nblocks; i++)
		n += d->blocks[i].span_count;
	assert_int_equal(d->nspans, n);
	doc_free(d);
}

/*
 * Many joins in a random order, some of copies already joined, with empty
 * blocks among them; once with a text large enough to move on a thread.
 */
static void
test_compact_random_joins(void **state)
{
	enum { NB = 600, NJ = 200 };
	struct doc	*d;
	char		 line[128], *big;
	int		 next[3], i, j, k, a, big_run;
	uint32_t	 seed = 99;

	(void)state;
	for (big_run = 0; big_run < 2; big_run++) {
		d = doc_new(NULL);
		for (i = 0; i < NB; i++) {
			seed = seed * 1103515245 + 12345;
			if ((seed >> 16) % 13 == 0) {
				tr_hr(d, i + 1);
				continue;
			}
			snprintf(line, sizeof line, "%s第%d段%s",
			    (seed >> 8) % 3 ? "正文" : "{*强调}", i,
			    (seed >> 12) % 4 ? "{②}" : "，续");
			tr_para(d, i + 1, line);
		}
		if (big_run) {
			big = calloc(9 << 20, 1);
			memset(big, 'x', (9 << 20) - 1);
			doc_begin_block(d, BLOCK_PARA, NB + 1);
			doc_append(d, big, strlen(big), 0);
			doc_end_block(d, NB + 1);
			free(big);
		}
		for (j = 0; j < NJ; j++) {
			seed = seed * 1103515245 + 12345;
			a = (int)((seed >> 8) % NB);
			if (d->blocks[a].flags & BLOCK_HIDDEN)
				continue;
			for (i = a + 1, k = 0; i < NB && k < 1 + j % 3; i++)
				if (!(d->blocks[i].flags & BLOCK_HIDDEN) &&
				    d->blocks[i].text_len > 0)
					next[k++] = i;
			if (k > 0)
				recover_join_many(d, a, next, (size_t)k);
		}
		tj_compact_same(d);
		doc_free(d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_corpus),
		cmocka_unit_test(test_par_text),
		cmocka_unit_test(test_split_shapes),
		cmocka_unit_test(test_split_guards),
		cmocka_unit_test(test_join_records),
		cmocka_unit_test(test_compact_interleaved),
		cmocka_unit_test(test_compact_random_joins),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
