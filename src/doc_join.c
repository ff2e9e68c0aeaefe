/* Joining docs: a doc of the next part of a source appended to the doc before it. */
#include <sys/mman.h>

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc_join.h"
#include "internal.h"
#include "scholia/doc.h"

#define JOIN_STEP	((size_t)8 << 20)	/* bytes copied between gives */

#define JOIN_TWO	((size_t)4 << 20)	/* text copied on a thread */

/* Text to copy, on a thread of its own. */
struct join_text {
	char	*to;
	char	*from;
	size_t	 n;
};

/* Counts of a before the join: where b's records go. */
struct join_base {
	size_t	blocks, spans, tables, cells, notes, refs, headings;
	size_t	articles, text, aux;
	int	lines;
};

static void	*join_array(void *, size_t *, size_t *, void *, size_t,
		    size_t);
static void	 join_free(void *);
static void	*join_text_run(void *);
static void	 join_give(char *, size_t, size_t);
static int	 join_index(int, size_t);
static void	 join_shift(struct doc *, const struct join_base *);
static void	 join_shift_records(struct doc *, const struct join_base *);

/* An index into a record array of b, moved past a's; -1 stays. */
static int
join_index(int i, size_t base)
{
	return i < 0 ? i : i + (int)base;
}

/*
 * Give back the whole pages of [from, to) of p, which is about to be
 * freed: a large copy then never holds both copies whole.
 */
static void
join_give(char *p, size_t from, size_t to)
{
	uintptr_t	a, e;
	long		pg = sysconf(_SC_PAGESIZE);
	size_t		ps = pg > 0 ? (size_t)pg : 4096;

	a = ((uintptr_t)(p + from) + ps - 1) / ps * ps;
	e = (uintptr_t)(p + to) / ps * ps;
	if (a < e)
		madvise((void *)a, e - a, MADV_DONTNEED);
}

/*
 * Free a large array as a small one: glibc raises its threshold for
 * mapping an allocation of its own to the size of a mapped one freed,
 * and the large arrays made after would then sit in the heap, where
 * what they leave when freed stays taken.
 */
static void
join_free(void *p)
{
	free(xrealloc(p, 1));
}

/*
 * Append the m elements (of size bytes) of src to the array dst of *n with
 * room for *cap, a step at a time, giving the copied pages of src back as
 * it goes; frees src and returns dst. Room is left for one element more.
 */
static void *
join_array(void *dst, size_t *n, size_t *cap, void *src, size_t m,
    size_t size)
{
	char	*to, *from = src;
	size_t	 at, bytes = m * size;

	if (*n + m + 1 > *cap) {
		*cap = *n + m + 1;
		dst = xreallocarray(dst, *cap, size);
	}
	to = (char *)dst + *n * size;
	for (at = 0; at < bytes; at += JOIN_STEP) {
		memcpy(to + at, from + at, bytes - at < JOIN_STEP ?
		    bytes - at : JOIN_STEP);
		if (bytes - at > JOIN_STEP)
			join_give(from, at, at + JOIN_STEP);
	}
	*n += m;
	if (src != NULL)
		join_free(src);
	return dst;
}

/* Copy text a step at a time, giving the copied pages back. */
static void *
join_text_run(void *arg)
{
	struct join_text	*jt = arg;
	size_t			 at;

	for (at = 0; at < jt->n; at += JOIN_STEP) {
		memcpy(jt->to + at, jt->from + at, jt->n - at < JOIN_STEP ?
		    jt->n - at : JOIN_STEP);
		if (jt->n - at > JOIN_STEP)
			join_give(jt->from, at, at + JOIN_STEP);
	}
	return NULL;
}

/* Offsets and indexes in b's blocks, spans, cells and tables, past a's. */
static void
join_shift(struct doc *b, const struct join_base *o)
{
	struct block	*bl;
	struct span	*sp;
	size_t		 i;

	for (i = 0; i < b->nblocks; i++) {
		bl = &b->blocks[i];
		bl->text_off += o->text;
		bl->span_first += (uint32_t)o->spans;
		bl->line += o->lines;
		bl->end_line += o->lines;
		bl->table = join_index(bl->table, o->tables);
		bl->note = join_index(bl->note, o->notes);
		bl->heading = join_index(bl->heading, o->headings);
		bl->article = join_index(bl->article, o->articles);
		bl->entry_of = join_index(bl->entry_of, o->articles);
	}
	for (i = 0; i < b->nspans; i++) {
		sp = &b->spans[i];
		sp->off += (uint32_t)o->text;
		sp->ref = join_index(sp->ref, o->refs);
		if (sp->flags & SPAN_LINK)
			sp->aux_off += (uint32_t)o->aux;
	}
	for (i = 0; i < b->ncells; i++) {
		b->cells[i].text_off += o->text;
		b->cells[i].span_first += (uint32_t)o->spans;
	}
	for (i = 0; i < b->ntables; i++)
		b->tables[i].cell_first += o->cells;
}

/* The same for b's notes, refs, headings, keywords and articles. */
static void
join_shift_records(struct doc *b, const struct join_base *o)
{
	size_t	i;
	int	j;

	for (i = 0; i < b->nrefs; i++) {
		struct ref *r = &b->refs[i];

		r->line += o->lines;
		r->block = join_index(r->block, o->blocks);
		r->text_off += o->text;
		r->note = join_index(r->note, o->notes);
	}
	for (i = 0; i < b->nnotes; i++) {
		struct note *n = &b->notes[i];

		n->line += o->lines;
		n->block = join_index(n->block, o->blocks);
		n->article = join_index(n->article, o->articles);
		for (j = 0; j < n->nrefs; j++)
			n->refs[j] = join_index(n->refs[j], o->refs);
	}
	for (i = 0; i < b->nheadings; i++) {
		struct heading *h = &b->headings[i];

		h->line += o->lines;
		h->block = join_index(h->block, o->blocks);
		h->article = join_index(h->article, o->articles);
	}
	for (i = 0; i < b->nkeywords; i++) {
		b->keywords[i].line += o->lines;
		b->keywords[i].block = join_index(b->keywords[i].block,
		    o->blocks);
	}
	for (i = 0; i < b->narticles; i++) {
		struct article *ar = &b->articles[i];

		ar->line += o->lines;
		ar->first_block = join_index(ar->first_block, o->blocks);
		ar->last_block = join_index(ar->last_block, o->blocks);
		ar->heading = join_index(ar->heading, o->headings);
	}
}

/* Move b's array name to the end of a's, leaving b's empty. */
#define JOIN_MOVE(a, b, name) do {					\
	(a)->name = join_array((a)->name, &(a)->n##name,		\
	    &(a)->cap_##name, (b)->name, (b)->n##name,			\
	    sizeof *(b)->name);						\
	(b)->name = NULL;						\
	(b)->n##name = (b)->cap_##name = 0;				\
} while (0)

void
doc_append_doc(struct doc *a, struct doc *b, int lines)
{
	struct join_base	o;
	struct join_text	jt;
	pthread_t		t;
	size_t			cap;
	int			threaded = 0;

	o.blocks = a->nblocks;
	o.spans = a->nspans;
	o.tables = a->ntables;
	o.cells = a->ncells;
	o.notes = a->nnotes;
	o.refs = a->nrefs;
	o.headings = a->nheadings;
	o.articles = a->narticles;
	o.text = a->text.len;
	o.aux = a->aux.len;
	o.lines = lines;
	/* the text is copied on a thread of its own while the records move */
	memset(&jt, 0, sizeof jt);
	if (b->text.len > 0) {
		if (a->text.len + b->text.len + 1 > a->text.cap) {
			a->text.cap = a->text.len + b->text.len + 1;
			a->text.data = xrealloc(a->text.data, a->text.cap);
		}
		jt.to = a->text.data + a->text.len;
		jt.from = b->text.data;
		jt.n = b->text.len;
		if (jt.n >= JOIN_TWO)
			threaded = pthread_create(&t, NULL, join_text_run,
			    &jt) == 0;
		if (!threaded)
			join_text_run(&jt);
	}
	join_shift(b, &o);
	join_shift_records(b, &o);
	JOIN_MOVE(a, b, blocks);
	JOIN_MOVE(a, b, spans);
	JOIN_MOVE(a, b, tables);
	JOIN_MOVE(a, b, cells);
	JOIN_MOVE(a, b, notes);
	JOIN_MOVE(a, b, refs);
	JOIN_MOVE(a, b, headings);
	JOIN_MOVE(a, b, keywords);
	JOIN_MOVE(a, b, articles);
	if (b->aux.len > 0) {
		cap = a->aux.cap;
		a->aux.data = join_array(a->aux.data, &a->aux.len, &cap,
		    b->aux.data, b->aux.len, 1);
		a->aux.cap = cap;
		a->aux.data[a->aux.len] = '\0';
	} else
		free(b->aux.data);
	b->aux.data = NULL;
	b->aux.len = b->aux.cap = 0;
	if (threaded)
		pthread_join(t, NULL);
	/* the text keeps a NUL after it, as a buf does */
	a->text.len += jt.n;
	a->text.data[a->text.len] = '\0';
	if (b->text.data != NULL)
		join_free(b->text.data);
	b->text.data = NULL;
	b->text.len = b->text.cap = 0;
}
