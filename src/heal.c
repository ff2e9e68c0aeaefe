/* Healing what page breaks did: rejoined paragraphs, dropped page furniture and leading junk. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc_compact.h"
#include "heal_internal.h"
#include "internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/heal.h"
#include "scholia/outline.h"

#define HEAL_GARBAGE		((size_t)4 << 20)	/* compaction */
#define HEAL_AHEAD		8	/* blocks read ahead of the map */
#define HEAL_SHORT_MD		20	/* shorter lines cut mid-sentence may */
#define HEAL_SHORT_TEXT		40	/* be headings: joined at breaks only */

static void	heal_map_blocks(void *, size_t, size_t);
static int	heal_is_code(const char *, size_t);
static void	heal_junk(struct doc *);
static int	heal_is_pageno(const char *, size_t);
static void	heal_rules(struct heal_map *);
static int	heal_mid_sentence(const struct doc *, int, uint32_t);
static int	heal_next(const struct doc *, int, const unsigned char *,
		    int *);
static int	heal_latin_cut(const struct doc *, int, uint32_t);
static int	heal_is_rule(const char *, size_t);
static void	heal_joins(struct heal_map *);
static size_t	heal_len(const struct doc *, int, const int *, size_t);
static void	heal_drop_hidden_refs(struct doc *);

/* Whether text reads as program code: no ideographs, dense punctuation. */
static int
heal_is_code(const char *s, size_t n)
{
	size_t		i, l, sym = 0, all = 0;
	uint32_t	c;

	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (recover_is_han(c))
			return 0;
		if (recover_is_space(c))
			continue;
		all++;
		if (c < 0x80 && strchr("$;{}()=<>[]'\"\\?&|!", (int)c) != NULL)
			sym++;
	}
	if (all == 0)
		return 0;
	if (n >= 2 && (memcmp(s, "<?", 2) == 0 || memcmp(s, "?>", 2) == 0))
		return 1;
	return sym * 6 >= all && (sym >= 2 || all <= 2);
}

/* Program code left before the document by a scraper is not the document. */
static void
heal_junk(struct doc *d)
{
	struct buf	plain = { 0 };
	size_t		i;

	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (!doc_in_flow(d, (int)i))
			continue;
		if (b->type != BLOCK_PARA && b->type != BLOCK_HEADING &&
		    (b->type != BLOCK_CODE || d->markdown))
			break;	/* a fenced block in Markdown is meant */
		buf_reset(&plain);
		recover_block_plain(d, (int)i, &plain);
		if (b->type != BLOCK_CODE && !heal_is_code(plain.data != NULL ?
		    plain.data : "", plain.len))
			break;
		if (recover_next_flow(d, (int)i) < 0)
			break;	/* nothing after it: it is the document */
		b->flags |= BLOCK_HIDDEN;
	}
	buf_free(&plain);
}

/* A page number: "• 128 •", "- 12 -", "— 5 —", "第 3 页", "Page 7". */
static int
heal_is_pageno(const char *s, size_t n)
{
	size_t		i, l, digits = 0, deco = 0;
	uint32_t	c;

	if (n >= 4 && strncasecmp(s, "page", 4) == 0) {
		s += 4;
		n -= 4;
		deco++;
	}
	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (c >= '0' && c <= '9') {
			if (digits > 0 && i > 0 && !(s[i - 1] >= '0' &&
			    s[i - 1] <= '9'))
				return 0;	/* two numbers */
			digits++;
		} else if (c == 0x2022 || c == 0xb7 || c == '-' ||
		    c == 0x2014 || c == 0x2013 || c == '_' || c == '=' ||
		    c == '*' || c == '|' || c == 0x7b2c || c == 0x9875 ||
		    c == 0x2219 || c == 0x25cf || c == '~' || c == 0xff0d)
			deco++;
		else if (!recover_is_space(c))
			return 0;
	}
	return digits > 0 && digits <= 4 && deco > 0;
}







/*
 * For blocks from to to: page numbers hidden, keys of short paragraphs,
 * rules, and for the joins, whether a block may take part and how it
 * ends. One pass reads each block once, and asks its outline kind once.
 */
static void
heal_map_blocks(void *arg, size_t from, size_t to)
{
	struct heal_map		*m = arg;
	struct doc		*d = m->d;
	const char		*s;
	size_t			 i, n;
	enum outline_kind	 kind;

	for (i = from; i < to; i++) {
		struct block *b = &d->blocks[i];

		recover_prefetch(d, i + HEAL_AHEAD);
		if (!doc_in_flow(d, (int)i))
			continue;
		if (b->type == BLOCK_HR)
			m->f[i] |= HEAL_RULE;	/* heal_rules reads no other */
		if (b->type != BLOCK_PARA)
			continue;
		/* for heal_rules, while the text is at hand */
		if (heal_is_rule(doc_text(d, b->text_off), b->text_len))
			m->f[i] |= HEAL_RULE;
		n = b->text_len;
		s = recover_trim(doc_text(d, b->text_off), &n);
		if (b->flags & BLOCK_LISTITEM) {
			/* "• 128 •", "- 12 -" read as bullet items */
			if ((strcmp(b->marker, "•") == 0 ||
			    strcmp(b->marker, "-") == 0) &&
			    heal_is_pageno(s, n)) {
				b->flags |= BLOCK_HIDDEN;
				m->f[i] |= HEAL_BRK;
			}
			continue;	/* no key, no join */
		}
		if (heal_is_pageno(s, n)) {
			b->flags |= BLOCK_HIDDEN;
			m->f[i] |= HEAL_BRK;
			continue;
		}
		kind = OUTLINE_NONE;
		if (b->list_depth == 0 && b->quote_depth == 0)
			kind = outline_block_kind(d, (int)i);	/* else none */
		m->kind[i] = (unsigned char)(kind + 1);
		/* 引言 of each article stays */
		if (!recover_nchars_over(s, n, HEAL_RUNNING_MAX) && n >= 4 &&
		    kind == OUTLINE_NONE && heal_has_key(s, n))
			m->f[i] |= HEAL_KEY;
		if (b->list_depth == 0 && b->quote_depth == 0 &&
		    b->text_len > 0 && kind == OUTLINE_NONE) {
			m->f[i] |= HEAL_JOIN;
			m->last[i] = recover_block_last(d, (int)i);
			if (heal_mid_sentence(d, (int)i, m->last[i]))
				m->f[i] |= HEAL_MID;
		}
	}
}





/* A line of only rule characters: "______", "————", "－－－". */
static int
heal_is_rule(const char *s, size_t n)
{
	size_t		i, l, k = 0;
	uint32_t	c;

	for (i = 0; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (recover_is_space(c))
			continue;
		if (c != '_' && c != '-' && c != '=' && c != '*' &&
		    c != 0x2014 && c != 0x2500 && c != 0x2501 &&
		    c != 0xff0d && c != 0xff3f && c != 0x2015 && c != '~')
			return 0;
		k++;
	}
	return k >= 3;
}

/*
 * A rule that only introduces a block of notes is not part of the text;
 * HEAL_RULE says which blocks are rules (heal_map_blocks found them).
 */
static void
heal_rules(struct heal_map *m)
{
	struct doc	*d = m->d;
	size_t		 i, j;

	for (i = 0; i < d->nblocks; i++) {
		const struct block *b = &d->blocks[i];

		if (!(m->f[i] & HEAL_RULE) || (b->flags & BLOCK_HIDDEN))
			continue;
		for (j = i + 1; j < d->nblocks; j++)
			if (!(d->blocks[j].flags & BLOCK_HIDDEN))
				break;
		if (j < d->nblocks && d->blocks[j].type == BLOCK_NOTE) {
			d->blocks[i].flags |= BLOCK_HIDDEN;
			m->f[i] |= HEAL_BRK;
		}
	}
}

/* Whether a paragraph whose last character is c stops mid-sentence. */
static int
heal_mid_sentence(const struct doc *d, int bi, uint32_t c)
{
	if (c == 0 || recover_block_ends_sentence(d, bi))
		return 0;
	if (c == ':' || c == 0xff1a || c == 0x2026 || recover_is_closing(c))
		return 0;
	return 1;
}

/* English cut mid-sentence: "…cut by the" then "page break here." */
static int
heal_latin_cut(const struct doc *d, int b, uint32_t last)
{
	const struct block	*nb = &d->blocks[b];
	const char		*s;
	size_t			 n;

	if (!((last >= 'a' && last <= 'z') || last == ','))
		return 0;
	n = nb->text_len;
	s = recover_trim(doc_text(d, nb->text_off), &n);
	return n > 0 && s[0] >= 'a' && s[0] <= 'z';
}

/* The next body block after bi, crossing notes and hidden furniture. */
static int
heal_next(const struct doc *d, int bi, const unsigned char *f, int *crossed)
{
	size_t	j;

	*crossed = 0;
	for (j = (size_t)bi + 1; j < d->nblocks; j++) {
		const struct block *b = &d->blocks[j];

		if ((b->flags & BLOCK_PAGEBREAK) || (f[j] & HEAL_BRK))
			*crossed = 1;
		if (b->flags & BLOCK_HIDDEN)
			continue;
		if (b->type == BLOCK_NOTE) {
			*crossed = 1;
			continue;
		}
		if (b->type == BLOCK_HR)
			return -1;	/* a section break the author drew */
		return (int)j;
	}
	return -1;
}

/* Characters in block first and the pieces chained to it so far. */
static size_t
heal_len(const struct doc *d, int first, const int *chain, size_t n)
{
	size_t	len, k;

	len = recover_nchars(doc_text(d, d->blocks[first].text_off),
	    d->blocks[first].text_len);
	for (k = 0; k < n; k++)
		len += recover_nchars(doc_text(d,
		    d->blocks[chain[k]].text_off),
		    d->blocks[chain[k]].text_len);
	return len;
}

/*
 * Rejoin a paragraph cut by a page break: it stops mid-sentence, and what
 * follows the notes (or the break) is its continuation. A chain of cut
 * pieces is joined in one copy.
 */
static void
heal_joins(struct heal_map *m)
{
	struct doc	*d = m->d;
	const unsigned char *f = m->f;
	int		*chain = NULL;
	size_t		 i, n, cap = 0, len, garbage = 0;
	int		 crossed, next, tail, comma, first;
	uint32_t	 c;

	first = recover_next_flow(d, -1);
	for (i = 0; i < d->nblocks; i++) {
		if (!(f[i] & HEAL_JOIN) || !doc_in_flow(d, (int)i))
			continue;
		n = 0;
		tail = (int)i;
		len = (size_t)-1;	/* counted when first needed */
		while (f[tail] & HEAL_MID) {
			next = heal_next(d, tail, f, &crossed);
			if (next < 0 || !(f[next] & HEAL_JOIN) ||
			    !doc_in_flow(d, next))
				break;
			if (!crossed && (int)i == first)
				break;	/* a long title, not a cut line */
			if (!crossed) {
				/* no break seen: only a plain mid-word stop */
				c = m->last[tail];
				comma = c == 0xff0c || c == 0x3001 || c == ',';
				if (heal_latin_cut(d, next, c))
					comma = 1;
				else if (!recover_is_han(c) && !comma)
					break;
				if (len == (size_t)-1)
					len = heal_len(d, (int)i, chain, n);
				/* a short line may be an unnumbered heading */
				if (len < (comma ? 6u : d->markdown ?
				    HEAL_SHORT_MD : HEAL_SHORT_TEXT))
					break;
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				chain = xreallocarray(chain, cap,
				    sizeof *chain);
			}
			chain[n++] = next;
			if (len != (size_t)-1)
				len += recover_nchars(doc_text(d,
				    d->blocks[next].text_off),
				    d->blocks[next].text_len);
			tail = next;
		}
		if (n > 0) {
			recover_join_many(d, (int)i, chain, n);
			m->kind[i] = 0;		/* new text: ask again */
			/*
			 * The old copies are garbage: give them back now
			 * and then, or they add up to a quarter of the text.
			 */
			garbage += d->blocks[i].text_len;
			if (garbage >= HEAL_GARBAGE &&
			    garbage >= d->text.len / 8) {
				doc_compact(d);
				garbage = 0;
			}
		}
	}
	free(chain);
}

/* References in dropped junk or furniture are no references of the text. */
static void
heal_drop_hidden_refs(struct doc *d)
{
	char	*drop;
	size_t	 i;
	int	 any = 0;

	drop = xcalloc(d->nrefs + 1, 1);
	for (i = 0; i < d->nrefs; i++)
		if (d->refs[i].block >= 0 &&
		    (d->blocks[d->refs[i].block].flags & BLOCK_HIDDEN))
			drop[i] = any = 1;
	if (any)
		recover_drop_refs(d, drop);
	free(drop);
}

void
heal_recover(struct doc *d)
{
	free(heal_recover_kinds(d));
}

/*
 * Heal, and keep for the outline pass the kind of each paragraph it asked
 * (outline_block_kind + 1, 0 unknown): a paragraph no join changed still
 * has it, and the blocks hidden since are out of the outline's flow.
 */
unsigned char *
heal_recover_kinds(struct doc *d)
{
	struct heal_map	m;
	int		first;

	m.d = d;
	m.f = xcalloc(d->nblocks + 1, 1);
	m.last = xcalloc(d->nblocks + 1, sizeof *m.last);
	m.kind = xcalloc(d->nblocks + 1, 1);
	heal_junk(d);
	recover_par(d->nblocks, heal_map_blocks, &m);
	/* the title: the first block of the flow once page numbers are gone */
	first = recover_next_flow(d, -1);
	heal_furniture(&m, first);
	heal_rules(&m);
	heal_joins(&m);
	free(m.f);
	free(m.last);
	heal_drop_hidden_refs(d);
	return m.kind;
}
