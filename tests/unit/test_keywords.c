/* Unit tests of labelled front matter and keyword splitting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "recover_util.h"
#include "scholia/keywords.h"

/* Keywords of one line as "a|b|c", "" when it has none. */
static const char *
words_at(const struct doc *d, int line, char *buf, size_t size)
{
	size_t	i, len = 0;
	int	j;

	buf[0] = '\0';
	for (i = 0; i < d->nkeywords; i++) {
		if (d->keywords[i].line != line)
			continue;
		for (j = 0; j < d->keywords[i].nwords; j++)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    j > 0 ? "|" : "", d->keywords[i].words[j]);
	}
	return buf;
}

static void
test_split_styles(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		 buf[512];

	(void)state;
	tr_para(d, 9, "【关键词】美国外交政策；“美国优先”；竞争性多极世界；中美关系");
	tr_para(d, 11, "{*【关键词】}乌克兰危机 特朗普政府 美国优先 美俄关系");
	tr_para(d, 13, "〔关键词〕 习近平外交思想、人类命运共同体、中国外交");
	tr_para(d, 15, "[Keywords] U. S. Foreign Policy; “America First”; "
	    "Great Power Competition");
	tr_para(d, 17, "關鍵字/Keywords: 外交、經濟、美中 ");
	tr_para(d, 19, "Keywords: alliances, hedging, Australia.");
	tr_para(d, 21, "Key Words");
	tr_para(d, 22, "hedging; Vietnam");
	keywords_recover(d);
	assert_int_equal(d->nkeywords, 7);
	assert_string_equal(words_at(d, 22, buf, sizeof buf), "hedging|Vietnam");
	assert_int_equal(d->blocks[7].type, BLOCK_META);
	assert_string_equal(words_at(d, 9, buf, sizeof buf),
	    "美国外交政策|“美国优先”|竞争性多极世界|中美关系");
	assert_string_equal(words_at(d, 11, buf, sizeof buf),
	    "乌克兰危机|特朗普政府|美国优先|美俄关系");
	assert_string_equal(words_at(d, 13, buf, sizeof buf),
	    "习近平外交思想|人类命运共同体|中国外交");
	assert_string_equal(words_at(d, 15, buf, sizeof buf),
	    "U. S. Foreign Policy|“America First”|Great Power Competition");
	assert_string_equal(words_at(d, 17, buf, sizeof buf), "外交|經濟|美中");
	assert_string_equal(words_at(d, 19, buf, sizeof buf),
	    "alliances|hedging|Australia");
	assert_int_equal(d->blocks[0].type, BLOCK_META);
	assert_int_equal(d->keywords[0].block, 0);
	doc_free(d);
}

static void
test_meta_labels(void **state)
{
	static const char *const meta[] = {
		"【内容提要】“美国优先”是特朗普第二任期外交政策的核心逻辑。",
		"〔提 要〕 作为习近平外交思想的核心理念。",
		"[Abstract] “America First” serves as the core logic.",
		"【作者】赵明昊，复旦大学美国研究中心副主任、教授。",
		"【中图分类号】D815",
		"〔文章编号〕 0452 8832 (2026) 2 期 0001-11",
		"作者/Author(s): Mira Rapp-Hooper ",
		"網站來源/Source: Foreign Affairs ",
		"日期/Date: 10/29/2025 ",
		"摘要：本文讨论了美国的外交政策。",
		"(责任编辑：王霄巍)",
		"【责任编辑:胡 然】",
		"【欢迎转载 请注明来源】",
	};
	static const char *const body[] = {
		"摘要:",
		"(一) 美国与盟国关系",
		"[1] Seb Starcevic, Politico.",
		"第一,削弱美国国内左派和自由主义意识形态的影响力。",
		"【注意】这一段是正文，不是标签。",
		"理论框架:特朗普2.0主义与联盟经济学",
	};
	struct doc	*d = doc_new(NULL);
	size_t		 i, nm = sizeof meta / sizeof meta[0];

	(void)state;
	for (i = 0; i < nm; i++) {
		tr_para(d, (int)i * 2 + 1, meta[i]);
		tr_para(d, (int)i * 2 + 2, "这是一段正文，结尾有句号，而且足够长，"
		    "长到不会被当成标签之间的续行。这是一段正文，结尾有句号。");
	}
	for (i = 0; i < sizeof body / sizeof body[0]; i++)
		tr_para(d, 100 + (int)i, body[i]);
	keywords_recover(d);
	for (i = 0; i < nm; i++)
		assert_int_equal(d->blocks[i * 2].type, BLOCK_META);
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].line >= 100 || d->blocks[i].line % 2 == 0)
			assert_int_equal(d->blocks[i].type, BLOCK_PARA);
	assert_int_equal(d->nkeywords, 0);
	doc_free(d);
}

/* A short unlabelled line between labelled ones continues them. */
static void
test_continued_meta(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 c1, c2, after;

	(void)state;
	tr_para(d, 211, "〔作者简介〕张超哲，四川大学中国南亚研究中心副研究员、");
	c1 = tr_para(d, 213, "四川大学巴基斯坦研究中心主任");
	c2 = tr_para(d, 215, "吴 凡，四川大学巴基斯坦研究中心研究助理");
	tr_para(d, 217, "〔中图分类号〕D822.335.3");
	after = tr_para(d, 219, "中国与巴基斯坦关系历经近 75 年国际风云变幻。");
	keywords_recover(d);
	assert_int_equal(d->blocks[c1].type, BLOCK_META);
	assert_int_equal(d->blocks[c2].type, BLOCK_META);
	assert_int_equal(d->blocks[after].type, BLOCK_PARA);
	doc_free(d);
}

/* Append n copies of s to buf (NUL-terminated, size bytes). */
static void
repeat(char *buf, size_t size, const char *s, size_t n)
{
	size_t	len = strlen(buf);

	while (n-- > 0)
		len += (size_t)snprintf(buf + len, size - len, "%s", s);
}

/*
 * A whole 【…】 line is META however many spaces (U+3000, NBSP) follow
 * it, wherever the byte the label's reader looks at (93; 128 before)
 * falls inside one of them; a character after them makes it text.
 */
static void
test_meta_trailing_spaces(void **state)
{
	static const char *const spaces[] = { "　", "\xc2\xa0", " 　" };
	char		 line[512];
	struct doc	*d;
	size_t		 pad, m, sp, nb = 0;
	int		 bi;

	(void)state;
	for (sp = 0; sp < 3; sp++)
		for (pad = 0; pad < 3; pad++)
			for (m = 20; m < 56; m++) {
				d = doc_new(NULL);
				snprintf(line, sizeof line, "　【欢迎转载");
				repeat(line, sizeof line, "A", pad);
				repeat(line, sizeof line, "】", 1);
				repeat(line, sizeof line, spaces[sp], m);
				bi = tr_para(d, 1, line);
				tr_para(d, 3, "这是正文的第一段，结尾有"
				    "句号，而且足够长，不会被当成标签之间的"
				    "续行。");
				repeat(line, sizeof line, "中", 1);
				repeat(line, sizeof line, spaces[sp], m / 2);
				tr_para(d, 5, line);
				keywords_recover(d);
				if (d->blocks[bi].type != BLOCK_META)
					fail_msg("not META: %zu bytes, %zu pad",
					    strlen(line), pad);
				assert_int_equal(d->blocks[1].type, BLOCK_PARA);
				assert_int_equal(d->blocks[2].type, BLOCK_PARA);
				doc_free(d);
				nb++;
			}
	assert_int_equal(nb, 3 * 3 * 36);
}

/* A keyword line with many trailing U+3000 spaces keeps its words. */
static void
test_keywords_trailing_spaces(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		 line[512] = "【关键词】美国；中国；东盟", buf[256];

	(void)state;
	repeat(line, sizeof line, "　", 40);
	tr_para(d, 7, line);
	keywords_recover(d);
	assert_int_equal(d->blocks[0].type, BLOCK_META);
	assert_string_equal(words_at(d, 7, buf, sizeof buf), "美国|中国|东盟");
	doc_free(d);
}

/*
 * Labels that end across the limits of the bytes searched: a closing
 * bracket ending by byte 93 (starting by 90), a full-width colon ending
 * by byte 60.
 */
static void
test_label_at_limits(void **state)
{
	char		 line[512], buf[256];
	struct doc	*d;
	size_t		 k;
	int		 bi;

	(void)state;
	for (k = 80; k < 92; k++) {
		d = doc_new(NULL);
		snprintf(line, sizeof line, "【");
		repeat(line, sizeof line, "x", k);
		repeat(line, sizeof line, "】", 1);
		repeat(line, sizeof line, "　", k % 4 * 20);
		bi = tr_para(d, 1, line);
		keywords_recover(d);
		/* the close starts at byte 3 + k */
		assert_int_equal(d->blocks[bi].type, 3 + k <= 90 ?
		    BLOCK_META : BLOCK_PARA);
		doc_free(d);
	}
	for (k = 40; k < 52; k++) {
		d = doc_new(NULL);
		snprintf(line, sizeof line, "Key words");
		repeat(line, sizeof line, " ", k);
		repeat(line, sizeof line, "：甲；乙", 1);
		tr_para(d, 2, line);
		keywords_recover(d);
		/* the colon starts at byte 9 + k; it must end by byte 60 */
		assert_string_equal(words_at(d, 2, buf, sizeof buf),
		    9 + k + 3 <= 60 ? "甲|乙" : "");
		doc_free(d);
	}
}

/* Short lines between a block already META and a labelled one continue it. */
static void
test_continued_after_meta(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 m, c1, c2, after;

	(void)state;
	m = tr_para(d, 1, "Volume 12, Issue 3");
	d->blocks[m].type = BLOCK_META;
	c1 = tr_para(d, 3, "复旦大学国际问题研究院");
	c2 = tr_para(d, 5, "上海 200433");
	tr_para(d, 7, "〔中图分类号〕D822");
	after = tr_para(d, 9, "短行");
	keywords_recover(d);
	assert_int_equal(d->blocks[c1].type, BLOCK_META);
	assert_int_equal(d->blocks[c2].type, BLOCK_META);
	assert_int_equal(d->blocks[3].type, BLOCK_META);
	assert_int_equal(d->blocks[after].type, BLOCK_PARA);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_styles),
		cmocka_unit_test(test_meta_labels),
		cmocka_unit_test(test_continued_meta),
		cmocka_unit_test(test_meta_trailing_spaces),
		cmocka_unit_test(test_keywords_trailing_spaces),
		cmocka_unit_test(test_label_at_limits),
		cmocka_unit_test(test_continued_after_meta),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
