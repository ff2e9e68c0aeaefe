/* Unit tests of outline recovery: numbering kinds, levels from numbering, titles, articles. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "recover_util.h"
#include "scholia/load.h"
#include "scholia/notes.h"
#include "scholia/source.h"
#include "scholia/outline.h"

#define KIND(s)	outline_kind((s), strlen(s))

/* Level of the heading on line, 0 if that line is no heading. */
static int
level_at(const struct doc *d, int line)
{
	size_t	i;

	for (i = 0; i < d->nheadings; i++)
		if (d->headings[i].line == line)
			return d->headings[i].level;
	return 0;
}

static void
test_kinds(void **state)
{
	(void)state;
	assert_int_equal(KIND("一、美国大幅调整对乌克兰危机的政策"), OUTLINE_CN1);
	assert_int_equal(KIND("一 特朗普第二任期外交政策的总体取向"), OUTLINE_CN1);
	assert_int_equal(KIND("十二、结语"), OUTLINE_CN1);
	assert_int_equal(KIND("（一）特朗普政府对中国的竞争"), OUTLINE_CN2);
	assert_int_equal(KIND("(二) 交易主义与对华务实外交"), OUTLINE_CN2);
	assert_int_equal(KIND("1. 北约盟国"), OUTLINE_AR1);
	assert_int_equal(KIND("2．印太地区盟友"), OUTLINE_AR1);
	assert_int_equal(KIND("1 Introduction"), OUTLINE_AR1);
	assert_int_equal(KIND("1.1 Data and Methods"), OUTLINE_AR2);
	assert_int_equal(KIND("2.3.1 Sources"), OUTLINE_AR3);
	assert_int_equal(KIND("（1）问题的提出"), OUTLINE_PAREN_AR);
	assert_int_equal(KIND("第一章 导论"), OUTLINE_CHAPTER);
	assert_int_equal(KIND("第二节 理论框架"), OUTLINE_SECTION);
	assert_int_equal(KIND("II. The Argument"), OUTLINE_ROMAN);
	assert_int_equal(KIND("结 语"), OUTLINE_WORD);
	assert_int_equal(KIND("引言"), OUTLINE_WORD);
	assert_int_equal(KIND("References"), OUTLINE_WORD);
	assert_int_equal(KIND("Summary: "), OUTLINE_ABSTRACT);
	assert_int_equal(KIND("摘要:"), OUTLINE_ABSTRACT);
	/* sentences and numbers that are no headings */
	assert_int_equal(KIND("一是出于巧取豪夺别国财富的需要"), OUTLINE_NONE);
	assert_int_equal(KIND("2025 年 1 月,《纽约邮报》在封面标题中"), OUTLINE_NONE);
	assert_int_equal(KIND("1.5亿美元的援助"), OUTLINE_NONE);
	assert_int_equal(KIND("2.0 时代"), OUTLINE_NONE);
	assert_int_equal(KIND("引言部分的内容"), OUTLINE_NONE);
	assert_int_equal(KIND("In 2025 the policy"), OUTLINE_NONE);
}

static void
test_plain_levels(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 3, "应对竞争性多极世界：特朗普第二任期外交政策初探");
	tr_para(d, 5, "赵明昊 仇家畅");
	tr_para(d, 7, "正文第一段，很长很长的一段话。");
	tr_para(d, 21, "一 特朗普第二任期外交政策的总体取向");
	tr_para(d, 23, "正文。");
	tr_para(d, 123, "三 交易主义与美国盟伴政策的调整");
	tr_para(d, 127, "(一) 美国与盟国关系");
	tr_para(d, 131, "1. 北约盟国");
	tr_para(d, 133, "（1）军费分摊");
	tr_para(d, 135, "（2）这是一个列举出来的完整句子，它以句号结尾。");
	tr_para(d, 137, "1. 这一条是列表中的句子，而不是标题。");
	tr_para(d, 183, "（一）特朗普政府对中国的竞争");
	tr_para(d, 249, "结 语");
	tr_para(d, 251, "正文。");
	outline_recover(d);
	assert_int_equal(level_at(d, 3), 1);
	assert_int_equal(level_at(d, 5), 0);
	assert_int_equal(level_at(d, 21), 2);
	assert_int_equal(level_at(d, 123), 2);
	assert_int_equal(level_at(d, 127), 3);
	assert_int_equal(level_at(d, 131), 4);
	assert_int_equal(level_at(d, 133), 5);
	assert_int_equal(level_at(d, 135), 0);
	assert_int_equal(level_at(d, 137), 0);
	assert_int_equal(level_at(d, 183), 3);
	assert_int_equal(level_at(d, 249), 2);
	assert_int_equal(d->nheadings, 8);
	assert_string_equal(d->headings[1].title,
	    "一 特朗普第二任期外交政策的总体取向");
	assert_int_equal(d->blocks[3].type, BLOCK_HEADING);
	assert_int_equal(d->blocks[3].level, 2);
	doc_free(d);
}

/* The count of # does not decide the level; the numbering does. */
static void
test_markdown_levels(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 sub;

	(void)state;
	tr_heading(d, 3, 1, "从“联欧遏俄”到“美国优先”");
	sub = tr_heading(d, 5, 2, "——美国调整对乌克兰危机政策的影响初探{[1]}");
	tr_para(d, 7, "张文宗 任怡静");
	tr_heading(d, 25, 2, "一、美国大幅调整对乌克兰危机的政策");
	tr_para(d, 27, "正文。");
	tr_heading(d, 103, 3, "三、推动俄乌停火可能引发大国关系之变");
	tr_heading(d, 120, 2, "（二）超越自由主义“利益交换”范式");
	tr_heading(d, 157, 4, "四、乌克兰危机缓和与中国战略环境的新变化");
	tr_heading(d, 160, 2, "2. 中越外交");
	tr_heading(d, 170, 4, "五、结语");
	outline_recover(d);
	assert_int_equal(level_at(d, 3), 1);
	assert_int_equal(level_at(d, 5), 0);	/* the subtitle */
	assert_int_equal(d->blocks[sub].heading, -1);
	assert_int_equal(level_at(d, 25), 2);
	assert_int_equal(level_at(d, 103), 2);
	assert_int_equal(level_at(d, 120), 3);
	assert_int_equal(level_at(d, 157), 2);
	assert_int_equal(level_at(d, 160), 4);
	assert_int_equal(level_at(d, 170), 2);
	assert_string_equal(d->headings[0].title, "从“联欧遏俄”到“美国优先”");
	doc_free(d);
}

/* Western numbering without Chinese sections starts at level 2. */
static void
test_western_levels(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_heading(d, 1, 1, "A Paper");
	tr_para(d, 3, "Abstract");
	tr_para(d, 4, "This paper argues a great deal about many things.");
	tr_para(d, 5, "1 Introduction");
	tr_para(d, 6, "Body text of the introduction, which is long enough.");
	tr_para(d, 7, "2.1 Data and Methods");
	tr_para(d, 8, "More body text.");
	outline_recover(d);
	assert_int_equal(level_at(d, 3), 2);
	assert_int_equal(level_at(d, 5), 2);
	assert_int_equal(level_at(d, 7), 3);
	doc_free(d);
}

/* A first line of numbers (issue, date) is no title. */
static void
test_numeric_first_line(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "2026 年 2 月 3 日");
	tr_para(d, 2, "正文从这里开始，并不是标题。");
	outline_recover(d);
	assert_int_equal(level_at(d, 1), 0);
	assert_int_equal(d->nheadings, 0);
	doc_free(d);

	/* a short line just above a "# Title" is not the title */
	d = doc_new(NULL);
	tr_para(d, 1, "国际问题研究 双月刊");
	tr_heading(d, 3, 1, "论文的真正标题");
	tr_para(d, 5, "正文。");
	outline_recover(d);
	assert_int_equal(level_at(d, 1), 0);
	assert_int_equal(level_at(d, 3), 1);
	assert_int_equal(d->narticles, 1);
	assert_int_equal(d->blocks[0].article, 0);
	doc_free(d);
}

/* A paper without numbering: short lines before long paragraphs. */
static void
test_unnumbered(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 8, "特朗普政府第二任期伊始，美国单边主义政策便已深刻重塑其与盟友间"
	    "的传统关系，核心在于对联盟结构内主权交易的强制性再校准。");
	tr_para(d, 9, "引言");
	tr_para(d, 10, "2025年1月20日，特朗普重返白宫，其所谓的“闪电退群”行动迅速搅乱"
	    "全球格局，白宫方面接连签署退出《巴黎协定》的行政令。");
	tr_para(d, 20, "欧洲:战略自主遭遇严峻压力测试");
	tr_para(d, 21, "特朗普政府的“美国优先”及其交易化取向，正对跨大西洋关系构成空前"
	    "压力，尤其体现在欧洲战略自主的艰难探索上，欧洲盟友陷入困境。");
	tr_para(d, 22, "张三，李四");
	tr_para(d, 23, "很短的一行");
	tr_para(d, 24, "也很短。");
	outline_recover(d);
	assert_int_equal(level_at(d, 8), 0);
	assert_int_equal(level_at(d, 9), 2);
	assert_int_equal(level_at(d, 20), 2);
	assert_int_equal(level_at(d, 22), 0);
	assert_int_equal(level_at(d, 23), 0);
	/* no title in the text: one untitled article holds everything */
	assert_int_equal(d->narticles, 1);
	assert_string_equal(d->articles[0].title, "");
	assert_int_equal(d->articles[0].last_block, (int)d->nblocks - 1);
	assert_int_equal(d->blocks[d->nblocks - 1].article, 0);
	doc_free(d);
}

static void
test_articles(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 b2, n2;

	(void)state;
	tr_heading(d, 1, 1, "國際問題研究");
	tr_heading(d, 3, 1, "人类命运共同体的理念深化{[*]}");
	tr_para(d, 4, "正文{[1]}。");
	tr_heading(d, 5, 2, "一、在构建人类命运共同体进程中深化理论内涵");
	tr_para(d, 6, "{@[1]}note of the first article");
	b2 = tr_heading(d, 8, 1, "特朗普归来与中美博弈的新阶段");
	tr_para(d, 9, "正文{[1]}。");
	n2 = tr_para(d, 10, "{@[1]}note of the second article");
	tr_heading(d, 11, 3, "一、从激烈交锋到软着陆");
	notes_recover(d);
	outline_recover(d);
	assert_int_equal(d->narticles, 3);
	assert_string_equal(d->articles[1].title, "人类命运共同体的理念深化");
	assert_int_equal(d->articles[2].line, 8);
	assert_int_equal(d->articles[2].first_block, b2);
	assert_int_equal(d->articles[1].last_block, b2 - 1);
	assert_int_equal(d->blocks[n2].article, 2);
	assert_int_equal(d->notes[1].article, 2);
	assert_int_equal(d->notes[0].article, 1);
	assert_int_equal(level_at(d, 11), 2);
	assert_int_equal(d->headings[d->nheadings - 1].article, 2);
	doc_free(d);
}

/* A bold head run into its paragraph is styled, not made a heading. */
static void
test_runin_head(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 p;

	(void)state;
	tr_heading(d, 1, 1, "标题");
	p = tr_para(d, 3, "{*再次，对欧洲的立场从密切合作转变为厌恶与竞争。}2022 年 2 月"
	    "乌克兰危机爆发后，拜登政府开展绵密的外交活动。");
	outline_recover(d);
	assert_int_equal(level_at(d, 3), 0);
	assert_int_equal(d->blocks[p].type, BLOCK_PARA);
	assert_true(d->spans[d->blocks[p].span_first].flags & SPAN_HEADING);
	doc_free(d);
}

/* A contents list before the articles links each entry to its article. */
static void
test_contents_entries(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 e1, e2, other;

	(void)state;
	tr_heading(d, 1, 1, "國際問題研究");
	e1 = tr_para(d, 2, "1 人类命运共同体的理念深化、实践升华和全球影响 杨洁勉");
	e2 = tr_para(d, 3, "35 特朗普归来与中美博弈的新阶段 吴心伯");
	other = tr_para(d, 4, "2026 年第 2 期（总第 232 期） 双月刊");
	tr_heading(d, 10, 1, "人类命运共同体的理念深化、 实践升华和全球影响{[*]}");
	d->blocks[tr_para(d, 11, "〔提 要〕 提要。")].type = BLOCK_META;
	tr_para(d, 12, "正文。");
	tr_heading(d, 20, 1, "特朗普归来与中美博弈的新阶段");
	d->blocks[tr_para(d, 21, "〔提 要〕 提要。")].type = BLOCK_META;
	tr_para(d, 22, "特朗普归来与中美博弈的新阶段是本文的题目。");
	outline_recover(d);
	assert_int_equal(d->narticles, 3);
	assert_int_equal(d->blocks[e1].entry_of, 1);
	assert_int_equal(d->blocks[e2].entry_of, 2);
	assert_int_equal(d->blocks[other].entry_of, -1);
	/* text inside the article itself is no entry */
	assert_int_equal(d->blocks[d->nblocks - 1].entry_of, -1);
	doc_free(d);
}

/* Taiwanese papers put 壹、 above 一、: every level below moves down one. */
static void
test_capital_numerals(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	assert_int_equal(KIND("貳、文獻回顧"), OUTLINE_CN0);
	assert_int_equal(KIND("壹是以修身为本"), OUTLINE_NONE);
	tr_para(d, 1, "從戰略模糊到戰略清晰");
	tr_para(d, 2, "壹、前言");
	tr_para(d, 3, "正文。");
	tr_para(d, 4, "貳、文獻回顧");
	tr_para(d, 5, "一、戰略模糊的起源");
	tr_para(d, 6, "（一）冷戰時期");
	tr_para(d, 7, "1. 韓戰");
	tr_para(d, 8, "參、結論");
	outline_recover(d);
	assert_int_equal(level_at(d, 2), 2);
	assert_int_equal(level_at(d, 4), 2);
	assert_int_equal(level_at(d, 5), 3);
	assert_int_equal(level_at(d, 6), 4);
	assert_int_equal(level_at(d, 7), 5);
	assert_int_equal(level_at(d, 8), 2);
	doc_free(d);
}

/* Numbered lines in a row are a list, and contents lines are no headings. */
static void
test_lists_and_contents(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "论文标题");
	tr_para(d, 2, "一、引言……………………1");
	tr_para(d, 3, "一、引言");
	tr_para(d, 4, "中巴合作包括以下方面：");
	tr_para(d, 5, "1. 政治互信");
	tr_para(d, 6, "2. 经济合作");
	tr_para(d, 7, "3. 人文交流");
	tr_para(d, 8, "（一）合作的基础");
	tr_para(d, 9, "正文。");
	outline_recover(d);
	assert_int_equal(level_at(d, 2), 0);
	assert_int_equal(level_at(d, 3), 2);
	assert_int_equal(level_at(d, 5), 0);
	assert_int_equal(level_at(d, 6), 0);
	assert_int_equal(level_at(d, 7), 0);
	assert_int_equal(level_at(d, 8), 3);
	doc_free(d);
}

/* (line, level) of every heading, as a comparable string. */
static void
toc_of(struct doc *d, struct buf *out)
{
	size_t	i;

	buf_reset(out);
	for (i = 0; i < d->nheadings; i++)
		buf_printf(out, "%d %d\n", d->headings[i].line,
		    d->headings[i].level);
}

/*
 * 000 converted to Markdown with scrambled # counts on its headings, line
 * for line, has the outline of the plain original: levels come from the
 * numbering, and the original has the expected twelve headings.
 */
static void
test_corpus_markdown_variant(void **state)
{
	struct load_opts	 text = { .format = LOAD_TEXT };
	struct load_opts	 md = { .format = LOAD_MARKDOWN };
	struct doc		*d;
	struct buf		 want = { 0 }, got = { 0 }, v = { 0 };
	char			*cause = NULL;
	size_t			 i, j;
	int			 line = 1, k = 0;

	(void)state;
	assert_int_equal(load_file(CORPUS_DIR "/000_00de59a97d2e8414.txt",
	    &text, &d, &cause), 0);
	toc_of(d, &want);
	assert_string_equal(want.data, "3 1\n21 2\n83 2\n123 2\n127 3\n"
	    "131 4\n141 4\n157 3\n177 2\n183 3\n225 3\n249 2\n");
	for (i = 0, j = 0; i < d->source->len; i++) {
		if (i == 0 || d->source->text[i - 1] == '\n') {
			for (j = 0; j < d->nheadings; j++)
				if (d->headings[j].line == line)
					break;
			if (j < d->nheadings) {
				/* 1 to 4 hashes, whatever the level */
				buf_printf(&v, "%.*s ", j == 0 ? 1 : 2 + k % 3,
				    "####");
				k++;
			}
			line++;
		}
		buf_putc(&v, d->source->text[i]);
	}
	doc_free(d);
	assert_int_equal(load_memory("v.md", v.data, v.len, &md, &d, &cause),
	    0);
	toc_of(d, &got);
	assert_string_equal(got.data, want.data);
	doc_free(d);
	buf_free(&want);
	buf_free(&got);
	buf_free(&v);
}

/* A converter that writes every heading with one "#": sections stay sections. */
static void
test_flat_markdown(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_heading(d, 1, 1, "论文标题");
	tr_heading(d, 3, 1, "摘要");
	tr_para(d, 4, "本文讨论问题。");
	tr_heading(d, 5, 1, "研究背景");
	tr_para(d, 6, "正文。");
	tr_heading(d, 7, 1, "一、问题的提出");
	tr_para(d, 8, "正文。");
	tr_heading(d, 9, 1, "结论");
	outline_recover(d);
	assert_int_equal(level_at(d, 1), 1);
	assert_int_equal(level_at(d, 3), 2);
	assert_int_equal(level_at(d, 5), 2);
	assert_int_equal(level_at(d, 7), 2);
	assert_int_equal(level_at(d, 9), 2);
	assert_int_equal(d->narticles, 1);
	doc_free(d);
}

static void
append(char *buf, size_t size, const char *s)
{
	size_t	len = strlen(buf);

	snprintf(buf + len, size - len, "%s", s);
}

/* Append n characters of s (cycled, one character a step) to buf. */
static void
fill_chars(char *buf, size_t size, const char *const *s, size_t n)
{
	size_t	i, len = strlen(buf);

	for (i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s",
		    s[i % 4]);
}

/*
 * Numbered lines just under, at and just over the longest heading: 50
 * characters with an ideograph, 120 without (in more bytes than that or
 * not); with a marker (left out of the count, read piece by piece) at the
 * end or between two pieces, and without.
 */
static void
test_heading_length(void **state)
{
	static const char *const han[] = { "美", "国", "外", "交" };
	static const char *const latin[] = { "D", "a", "t", "a" };
	static const char *const mixed[] = { "D", "a", "t", "交" };
	static const char *const accent[] = { "D", "é", "t", "“" };
	const char *const *fills[] = { han, latin, mixed, accent };
	char		 line[1024];
	struct doc	*d;
	size_t		 n, total, half;
	int		 mark, kind;

	(void)state;
	for (kind = 0; kind < 4; kind++)
		for (mark = 0; mark < 4; mark++)
			for (n = 44; n < 56; n++) {
				/* past "1 " or "一、", two characters */
				total = kind % 2 == 1 ? n + 70 : n;
				half = mark == 3 ? total / 2 : 0;
				snprintf(line, sizeof line, "%s",
				    kind == 0 ? "一、" : "1 ");
				fill_chars(line, sizeof line, fills[kind],
				    total - half);
				if (mark == 1 || mark == 3)
					append(line, sizeof line, "{①}");
				else if (mark == 2)
					append(line, sizeof line, "  {[12]}");
				fill_chars(line, sizeof line, fills[kind],
				    half);
				d = doc_new(NULL);
				tr_para(d, 1, "正文第一段，很长很长的一段话。");
				tr_para(d, 3, line);
				tr_para(d, 5, "正文第二段，很长很长的一段话。");
				outline_recover(d);
				if ((level_at(d, 3) > 0) != (total + 2 <=
				    (kind % 2 == 1 ? 120u : 50u)))
					fail_msg("%s: level %d", line,
					    level_at(d, 3));
				doc_free(d);
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_plain_levels),
		cmocka_unit_test(test_markdown_levels),
		cmocka_unit_test(test_western_levels),
		cmocka_unit_test(test_unnumbered),
		cmocka_unit_test(test_articles),
		cmocka_unit_test(test_runin_head),
		cmocka_unit_test(test_contents_entries),
		cmocka_unit_test(test_capital_numerals),
		cmocka_unit_test(test_lists_and_contents),
		cmocka_unit_test(test_numeric_first_line),
		cmocka_unit_test(test_corpus_markdown_variant),
		cmocka_unit_test(test_flat_markdown),
		cmocka_unit_test(test_heading_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
