/* Private to healing: what its map finds of each block, read by its passes. */
#ifndef SCHOLIA_HEAL_INTERNAL_H
#define SCHOLIA_HEAL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#define HEAL_RUNNING_MAX	40	/* characters of a running head */

struct doc;

/* heal_map flags of a block */
#define HEAL_BRK	0x01	/* it marks a break */
#define HEAL_KEY	0x02	/* a short line: maybe a running head */
#define HEAL_RULE	0x04	/* a line of rule characters, or an HR */
#define HEAL_JOIN	0x08	/* it may take part in a join */
#define HEAL_MID	0x10	/* and stops in the middle of a sentence */

/*
 * What the map over the blocks finds, each step writing slot i only. A
 * block's text does not change before the joins, and what furniture and
 * rules hide, doc_in_flow tells: the joins read these as they are.
 */
struct heal_map {
	struct doc	*d;
	unsigned char	*f;		/* HEAL_* flags of block i */
	uint32_t	*last;		/* HEAL_JOIN: recover_block_last */
	unsigned char	*kind;		/* outline_block_kind + 1, 0 unknown */
};

/* Whether a short line s..n has a key: four bytes or more. */
int	heal_has_key(const char *, size_t);
/*
 * Drop running heads repeated page after page (the map keyed them), but
 * block first, the first of the flow: the title.
 */
void	heal_furniture(struct heal_map *, int);

#endif
