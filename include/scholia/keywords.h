/* Labelled front matter and keyword lists. */
#ifndef SCHOLIA_KEYWORDS_H
#define SCHOLIA_KEYWORDS_H

struct doc;

/*
 * Runs first. Paragraphs opening with a known label (【内容提要】, 〔提 要〕,
 * [Abstract], 摘要:, 【关键词】, 關鍵字/Keywords:, 【作者】, 作者/Author(s):,
 * 【中图分类号】, (责任编辑：…), a whole 【…】 line, and their kin) become
 * BLOCK_META, as do up to three short lines between two of them. Keyword
 * labels add a keyword list split on ；;、,， (on spaces when a CJK list has
 * none); a lone "Keywords" takes the next paragraph. "摘要:" alone on its
 * line is left to the outline as a section heading.
 */
void	keywords_recover(struct doc *);

#endif
