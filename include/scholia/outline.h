/* Outline recovery: headings and their true levels, articles. */
#ifndef SCHOLIA_OUTLINE_H
#define SCHOLIA_OUTLINE_H

#include <stddef.h>

struct doc;

/* The numbering or section word a heading line starts with. */
enum outline_kind {
	OUTLINE_NONE,
	OUTLINE_CN0,		/* 壹、 貳、: above 一、 (Taiwan) */
	OUTLINE_CN1,		/* 一、 一 title */
	OUTLINE_CN2,		/* （一） (一) */
	OUTLINE_AR1,		/* 1. 1、 "1 Introduction" */
	OUTLINE_AR2,		/* 1.1 */
	OUTLINE_AR3,		/* 1.1.1 */
	OUTLINE_PAREN_AR,	/* （1） (1) */
	OUTLINE_CHAPTER,	/* 第一章 */
	OUTLINE_SECTION,	/* 第一节 */
	OUTLINE_ROMAN,		/* I. II. */
	OUTLINE_WORD,		/* 引言, 结论, References */
	OUTLINE_ABSTRACT,	/* 摘要, Abstract, Summary: */
};

/* Kind of a heading line's text, OUTLINE_NONE if it reads as no heading. */
enum outline_kind	outline_kind(const char *, size_t);
/*
 * Whether plain-text block bi stands alone as a numbered or section-word
 * heading (short, one line, no sentence), as the outline pass will take it.
 */
enum outline_kind	outline_block_kind(const struct doc *, int);

/*
 * Give headings their levels from their numbering (1 title, 2 一、/引言,
 * 3 （一）, 4 1., 5 （1）), find headings in plain text, and split the doc
 * into articles at level-1 titles.
 */
void	outline_recover(struct doc *);

#endif
