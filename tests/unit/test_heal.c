/* Unit tests of healing: paragraphs rejoined across notes and breaks, furniture and junk dropped. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "recover.h"
#include "recover_util.h"
#include "scholia/heal.h"
#include "scholia/notes.h"
#include "scholia/text.h"

static void
recover(struct doc *d)
{
	notes_recover(d);
	heal_recover(d);
}

static void
test_join_across_notes(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		 buf[512];
	int		 p, n;
	size_t		 i;

	(void)state;
	p = tr_para(d, 1, "美军对伊朗的多处核设施发动打");
	tr_para(d, 3, "{@①}“Trump Advances US Leadership in AI,” 2025.");
	n = tr_para(d, 5, "击。这是首次{①}直接运用武力。");
	tr_para(d, 7, "{@①}Second page note.");
	recover(d);
	assert_string_equal(tr_block_text(d, p, buf, sizeof buf),
	    "美军对伊朗的多处核设施发动打击。这是首次①直接运用武力。");
	assert_true(d->blocks[n].flags & BLOCK_HIDDEN);
	assert_int_equal(d->blocks[p].end_line, 5);
	/* the moved reference points into the joined text */
	for (i = 0; i < d->nrefs; i++) {
		assert_int_equal(d->refs[i].block, p);
		assert_memory_equal(d->text.data + d->refs[i].text_off, "①",
		    strlen("①"));
		assert_int_equal(d->refs[i].line, 5);
		assert_int_equal(d->notes[d->refs[i].note].line, 7);
	}
	doc_free(d);
}

static void
test_no_join_after_sentence(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 n;

	(void)state;
	tr_para(d, 1, "这是一个完整的句子，到此结束。");
	tr_para(d, 3, "{@①}A note.");
	n = tr_para(d, 5, "新的段落从这里开始。");
	recover(d);
	assert_false(d->blocks[n].flags & BLOCK_HIDDEN);
	/* closing quotes after the stop still end the sentence */
	d = (doc_free(d), doc_new(NULL));
	tr_para(d, 1, "他说：“这是结束。”");
	tr_para(d, 3, "{@①}A note.");
	n = tr_para(d, 5, "新的段落。");
	recover(d);
	assert_false(d->blocks[n].flags & BLOCK_HIDDEN);
	doc_free(d);
}

static void
test_no_join_into_heading(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 h, n;

	(void)state;
	h = tr_para(d, 1, "（一）特朗普政府对中国的竞争");
	tr_para(d, 3, "{@①}A note.");
	n = tr_para(d, 5, "二 “唐罗主义”:强化美国对西半球的掌控力");
	recover(d);
	assert_false(d->blocks[h].flags & BLOCK_HIDDEN);
	assert_false(d->blocks[n].flags & BLOCK_HIDDEN);
	assert_int_equal(d->blocks[h].text_len,
	    strlen("（一）特朗普政府对中国的竞争"));
	doc_free(d);
}

static void
test_furniture(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		 buf[512];
	int		 p, pg, pg2, keep, bullet, dash, item;

	(void)state;
	p = tr_para(d, 1, "在伙伴国关系层面，特朗普政府以国防军售为导向，与");
	pg = tr_para(d, 3, "• 128 •");
	tr_para(d, 5, "具有更高交易价值的国家加强联系。");
	pg2 = tr_para(d, 7, "- 129 -");
	keep = tr_para(d, 9, "2025");
	/* "• 130 •" taken by the parser for a bullet item "130 •" */
	bullet = tr_para(d, 11, "130 •");
	d->blocks[bullet].flags |= BLOCK_LISTITEM;
	snprintf(d->blocks[bullet].marker, sizeof d->blocks[bullet].marker,
	    "•");
	dash = tr_para(d, 13, "131 -");
	d->blocks[dash].flags |= BLOCK_LISTITEM;
	snprintf(d->blocks[dash].marker, sizeof d->blocks[dash].marker, "•");
	item = tr_para(d, 15, "12");
	d->blocks[item].flags |= BLOCK_LISTITEM;
	snprintf(d->blocks[item].marker, sizeof d->blocks[item].marker, "•");
	recover(d);
	assert_true(d->blocks[pg].flags & BLOCK_HIDDEN);
	assert_true(d->blocks[pg2].flags & BLOCK_HIDDEN);
	assert_false(d->blocks[keep].flags & BLOCK_HIDDEN);
	assert_true(d->blocks[bullet].flags & BLOCK_HIDDEN);
	assert_true(d->blocks[dash].flags & BLOCK_HIDDEN);
	/* a bullet item that is just a number is a list item */
	assert_false(d->blocks[item].flags & BLOCK_HIDDEN);
	assert_string_equal(tr_block_text(d, p, buf, sizeof buf),
	    "在伙伴国关系层面，特朗普政府以国防军售为导向，与"
	    "具有更高交易价值的国家加强联系。");
	doc_free(d);
}

static void
test_running_heads(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 title, h[3], t2, once, sec[3];

	(void)state;
	title = tr_para(d, 1, "应对竞争性多极世界");
	sec[0] = tr_para(d, 2, "一、引言");
	h[0] = tr_para(d, 3, "当代美国评论 2025 年第 3 期");
	tr_para(d, 4, "正文第一段。");
	sec[1] = tr_para(d, 5, "一、引言");
	h[1] = tr_para(d, 6, "当代美国评论 2025 年第 3 期");
	t2 = tr_para(d, 7, "应对竞争性多极世界");
	tr_para(d, 8, "正文第二段。");
	h[2] = tr_para(d, 9, "当代美国评论 2025年第3期");
	sec[2] = tr_para(d, 10, "一、引言");
	tr_para(d, 11, "应对竞争性多极世界");
	once = tr_para(d, 12, "只出现一次的短行");
	recover(d);
	assert_true(d->blocks[h[0]].flags & BLOCK_HIDDEN);
	assert_true(d->blocks[h[1]].flags & BLOCK_HIDDEN);
	assert_true(d->blocks[h[2]].flags & BLOCK_HIDDEN);
	assert_false(d->blocks[once].flags & BLOCK_HIDDEN);
	/* the title repeated as a running head stays at the top */
	assert_false(d->blocks[title].flags & BLOCK_HIDDEN);
	assert_true(d->blocks[t2].flags & BLOCK_HIDDEN);
	/* a heading every article repeats is no running head */
	assert_false(d->blocks[sec[0]].flags & BLOCK_HIDDEN);
	assert_false(d->blocks[sec[2]].flags & BLOCK_HIDDEN);
	doc_free(d);
}

static void
test_leading_junk(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 j1, j2, body;

	(void)state;
	j1 = tr_para(d, 1, "$title2 ='';{[1]}");
	j2 = tr_para(d, 2, "if (strpos($title,'——')){ $t = explode('——',$title); }");
	body = tr_para(d, 3, "特朗普政府第二任期伊始，美国单边主义政策便已深刻重塑。");
	recover(d);
	assert_true(d->blocks[j1].flags & BLOCK_HIDDEN);
	assert_true(d->blocks[j2].flags & BLOCK_HIDDEN);
	assert_false(d->blocks[body].flags & BLOCK_HIDDEN);
	/* a marker inside the junk is no reference of the text */
	assert_int_equal(d->nrefs, 0);
	assert_false(d->spans[d->blocks[j1].span_first + 1].flags & SPAN_REF);
	/* prose with a parenthesis, or references in brackets, is no code */
	d = (doc_free(d), doc_new(NULL));
	j1 = tr_para(d, 1, "In 2025 (as before){[1]} the policy{[2]} changed.");
	tr_para(d, 2, "More prose.");
	recover(d);
	assert_false(d->blocks[j1].flags & BLOCK_HIDDEN);
	doc_free(d);
}

static void
test_rule_before_notes(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 hr, hr2, after;

	(void)state;
	tr_para(d, 1, "正文{[1]}。");
	hr = tr_hr(d, 3);
	tr_para(d, 5, "{@[1]}A note.");
	tr_para(d, 7, "这一段在分隔线之前没有写完，而且足够长足够长足够长足够长足够长，但是");
	hr2 = tr_hr(d, 9);
	after = tr_para(d, 11, "分隔线之后是新的一节。");
	recover(d);
	assert_true(d->blocks[hr].flags & BLOCK_HIDDEN);
	assert_false(d->blocks[hr2].flags & BLOCK_HIDDEN);
	/* a rule the author drew is never crossed by a join */
	assert_false(d->blocks[after].flags & BLOCK_HIDDEN);
	doc_free(d);
}

/* A line of underscores before the notes is furniture; English cut lines join. */
static void
test_rule_line_and_latin_cut(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		 buf[512];
	int		 p, rule;

	(void)state;
	tr_para(d, 0, "Hedging in Southeast Asia");
	p = tr_para(d, 1, "Vietnam has long hedged between the powers. This is a");
	tr_para(d, 2, "sentence cut by the converter, which joins here.");
	tr_para(d, 3, "Short Title Line");
	tr_para(d, 4, "Another paragraph starts with a capital.");
	rule = tr_para(d, 5, "_______________");
	tr_para(d, 6, "{@[1]}A note.");
	recover(d);
	assert_string_equal(tr_block_text(d, p, buf, sizeof buf),
	    "Vietnam has long hedged between the powers. This is a sentence "
	    "cut by the converter, which joins here.");
	assert_true(d->blocks[rule].flags & BLOCK_HIDDEN);
	/* a line before a capitalised one is no cut sentence */
	assert_false(d->blocks[4].flags & BLOCK_HIDDEN);
	assert_int_equal(d->blocks[3].text_len, strlen("Short Title Line"));
	doc_free(d);
}

static void
test_latin_join(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		 buf[512];
	int		 p;

	(void)state;
	p = tr_para(d, 1, "The alliance was strained by the");
	tr_para(d, 3, "{@[1]}Smith, 2020.");
	tr_para(d, 5, "tariff threats of the new administration.");
	recover(d);
	assert_string_equal(tr_block_text(d, p, buf, sizeof buf),
	    "The alliance was strained by the tariff threats of the new "
	    "administration.");
	doc_free(d);
}

/* Without notes between, only a long paragraph stopped mid-word joins. */
static void
test_join_without_notes(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 n, n2;

	(void)state;
	tr_para(d, 0, "一个很长很长的论文标题没有标点符号而且超过了四十个字符的长度限制的情况下也不应该被拼接到作者行");
	tr_para(d, 0, "张三 李四");
	tr_para(d, 1, "新一届特朗普政府明确提出并推动俄乌停火，调停的主要方式是"
	    "向乌克兰施加巨大压力，手段包括暂停军援和情报共享、拒绝其加入北约、要");
	n = tr_para(d, 3, "求乌出售稀土等矿权。");
	tr_para(d, 5, "张文宗 任怡静");
	n2 = tr_para(d, 7, "特朗普取代拜登入主白宫后，迅速调整美国在乌克兰危机上的立场。");
	recover(d);
	assert_true(d->blocks[n].flags & BLOCK_HIDDEN);
	assert_false(d->blocks[n2].flags & BLOCK_HIDDEN);
	assert_false(d->blocks[1].flags & BLOCK_HIDDEN);
	doc_free(d);
}

/* A paragraph too long for a running head, ending a sentence. */
#define BODY	"这是正文的一段，它足够长，超过了四十个字符的长度，所以不会被" \
		"当作页眉或者页脚，并且以句号结束。"

/*
 * A page number as the first block of the flow: hidden, and the lines
 * repeated as running heads after it still go, the title's repeats too,
 * but not the title itself.
 */
static void
test_pageno_first(void **state)
{
	struct doc	*d;
	int		 pg, t[3], h[3], body, par;

	(void)state;
	for (par = 0; par < 2; par++) {
		recover_set_par_min(par ? 0 : SIZE_MAX);
		d = doc_new(NULL);
		pg = tr_para(d, 1, "• 1 •");
		t[0] = tr_para(d, 2, "应对竞争性多极世界");
		body = tr_para(d, 3, "正文第一段，讲的是一件事。");
		h[0] = tr_para(d, 4, "当代美国评论 2025 年第 3 期");
		tr_para(d, 5, "- 2 -");
		h[1] = tr_para(d, 6, "当代美国评论 2025 年第 3 期");
		t[1] = tr_para(d, 7, "应对竞争性多极世界");
		tr_para(d, 8, "正文第二段。");
		h[2] = tr_para(d, 9, "当代美国评论 2025 年第 3 期");
		t[2] = tr_para(d, 10, "应对 竞争性多极世界 ");
		recover(d);
		recover_set_par_min(SIZE_MAX);
		assert_true(d->blocks[pg].flags & BLOCK_HIDDEN);
		assert_true(d->blocks[h[0]].flags & BLOCK_HIDDEN);
		assert_true(d->blocks[h[1]].flags & BLOCK_HIDDEN);
		assert_true(d->blocks[h[2]].flags & BLOCK_HIDDEN);
		assert_false(d->blocks[body].flags & BLOCK_HIDDEN);
		/* the title after the page number stays; its repeats go */
		assert_false(d->blocks[t[0]].flags & BLOCK_HIDDEN);
		assert_true(d->blocks[t[1]].flags & BLOCK_HIDDEN);
		assert_true(d->blocks[t[2]].flags & BLOCK_HIDDEN);
		doc_free(d);
	}
}

/* Keys that differ only in digits and spaces are one running head. */
static void
test_running_head_keys(void **state)
{
	static const char *const same[] = {
		"当代美国评论 2025 年第 3 期", "当代美国评论2025年第4期",
		"当代美国评论 2026 年 第 12 期",
	};
	static const char *const apart[] = {
		"当代美国研究 2025 年第 3 期", "当代美国研究 2025 年第 4 期",
		"国际问题研究 2025 年第 3 期", "国际问题研究 2025 年第 5 期",
		"Vol 3", "Vol 4", "Vol 5",
		"Journal 1", "Journal 2", "Journals 3",
	};
	struct doc	*d;
	int		 bs[3], ba[10], vol[3], par;
	size_t		 i;

	(void)state;
	for (par = 0; par < 2; par++) {
		recover_set_par_min(par ? 0 : SIZE_MAX);
		d = doc_new(NULL);
		tr_para(d, 1, "论文的标题");
		for (i = 0; i < 10; i++) {
			tr_para(d, 10 + (int)i * 4, BODY);
			if (i < 3) {
				bs[i] = tr_para(d, 11 + (int)i * 4, same[i]);
				vol[i] = tr_para(d, 12 + (int)i * 4, i == 0 ?
				    "Vol. 3" : i == 1 ? "Vol.4" : "Vol. 15");
			}
			ba[i] = tr_para(d, 13 + (int)i * 4, apart[i]);
		}
		recover(d);
		recover_set_par_min(SIZE_MAX);
		for (i = 0; i < 3; i++) {
			assert_true(d->blocks[bs[i]].flags & BLOCK_HIDDEN);
			assert_true(d->blocks[vol[i]].flags & BLOCK_HIDDEN);
		}
		for (i = 0; i < 10; i++)
			assert_false(d->blocks[ba[i]].flags & BLOCK_HIDDEN);
		doc_free(d);
	}
}

/*
 * Many keys, in groups of one to four spread over the doc, sorted on two
 * threads and merged: exactly the groups of three or more are hidden.
 */
static void
test_running_head_groups(void **state)
{
	enum { NG = 600 };
	struct doc	*d;
	char		 line[64];
	int		*bi, *grp, par, n, i, j, t;
	uint32_t	 seed = 7;

	(void)state;
	bi = calloc(NG * 4, sizeof *bi);
	grp = calloc(NG * 4, sizeof *grp);
	for (n = 0, i = 0; i < NG; i++)
		for (j = 0; j < i % 5; j++)
			grp[n++] = i;
	for (i = n - 1; i > 0; i--) {
		seed = seed * 1103515245 + 12345;
		j = (int)((seed >> 8) % (uint32_t)(i + 1));
		t = grp[i];
		grp[i] = grp[j];
		grp[j] = t;
	}
	for (par = 0; par < 2; par++) {
		recover_set_par_min(par ? 0 : SIZE_MAX);
		d = doc_new(NULL);
		tr_para(d, 1, "论文的标题");
		for (i = 0; i < n; i++) {
			snprintf(line, sizeof line, "栏目%c%c 第 %d 期",
			    'a' + grp[i] % 26, 'a' + grp[i] / 26, i);
			tr_para(d, 2 + 2 * i, BODY);
			bi[i] = tr_para(d, 3 + 2 * i, line);
		}
		recover(d);
		recover_set_par_min(SIZE_MAX);
		for (i = 0; i < n; i++)
			if (!!(d->blocks[bi[i]].flags & BLOCK_HIDDEN) !=
			    (grp[i] % 5 >= 3))
				fail_msg("group %d of %d, %s", grp[i],
				    grp[i] % 5, par ? "two threads" : "one");
		doc_free(d);
	}
	free(bi);
	free(grp);
}

/*
 * The counts the passes ask of a block's text (characters, whether over a
 * limit, its last character), against a byte at a time: random UTF-8 and
 * stray bytes, every length and limit around the 8- and 32-byte steps.
 */
static void
test_char_counts(void **state)
{
	static const char *const pieces[] = {
		"a", " ", "é", "“", "美", "。", "\xf0\x9f\x98\x80", "\x80",
		"\xe3", "\xbf",
	};
	char		 s[512];
	size_t		 n, i, lim, want, l, wl;
	uint32_t	 seed = 5, c, wc;
	int		 round;

	(void)state;
	for (round = 0; round < 400; round++) {
		for (n = 0; n < 300;) {
			seed = seed * 1103515245 + 12345;
			l = strlen(pieces[(seed >> 16) % 10]);
			memcpy(s + n, pieces[(seed >> 16) % 10], l);
			n += l;
		}
		for (n = 0; n < 300; n++) {
			for (i = 0, want = 0; i < n; i++)
				want += ((unsigned char)s[i] & 0xc0) != 0x80;
			assert_int_equal(recover_nchars(s, n), want);
			for (lim = want > 40 ? want - 40 : 0; lim < want + 3;
			    lim++)
				if (recover_nchars_over(s, n, lim) !=
				    (want > lim))
					fail_msg("%zu bytes, %zu chars, lim %zu",
					    n, want, lim);
			/* the last: a lead byte and what follows it, or one */
			for (i = n; i > 0 && n - i < 3 &&
			    ((unsigned char)s[i - 1] & 0xc0) == 0x80; i--)
				;
			wl = recover_decode_last(s, n, &c);
			if (n == 0) {
				assert_int_equal(wl, 0);
				continue;
			}
			if (i > 0 && text_decode(s + i - 1, n - i + 1, &wc) ==
			    n - i + 1) {
				assert_int_equal(wl, n - i + 1);
				assert_int_equal(c, wc);
			} else
				assert_true(wl >= 1 && wl <= 4);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_across_notes),
		cmocka_unit_test(test_no_join_after_sentence),
		cmocka_unit_test(test_no_join_into_heading),
		cmocka_unit_test(test_furniture),
		cmocka_unit_test(test_running_heads),
		cmocka_unit_test(test_leading_junk),
		cmocka_unit_test(test_rule_before_notes),
		cmocka_unit_test(test_latin_join),
		cmocka_unit_test(test_rule_line_and_latin_cut),
		cmocka_unit_test(test_join_without_notes),
		cmocka_unit_test(test_pageno_first),
		cmocka_unit_test(test_running_head_keys),
		cmocka_unit_test(test_running_head_groups),
		cmocka_unit_test(test_char_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
