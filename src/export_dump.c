/* The plain dump: the flow laid out, endnotes after each article; two threads when large. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/layout.h"

#define DUMP_CHUNK	256		/* items laid out at once, at most */
#define DUMP_BYTES	((size_t)256 << 10)	/* doc text of a chunk, about */
#define DUMP_HUGE	((size_t)64 << 10)	/* a block streamed alone */
#define DUMP_FLUSH	((size_t)1 << 20)	/* output held when streaming */
#define DUMP_WINDOW	16		/* chunks laid out ahead of the writer */
#define DUMP_THREADED	((size_t)2 << 20)	/* doc text for a helper */

/* What the dump prints, in order. */
enum dump_kind {
	DUMP_BLOCK,		/* all lines of a flow block */
	DUMP_NOTE,		/* the text lines of a note block */
	DUMP_HEADER,		/* the line before a group of endnotes */
};

struct dump_item {
	enum dump_kind	 kind;
	int		 block;
};

/*
 * A run of items and, once laid out, its bytes. A direct chunk is one huge
 * block: the writer lays it out in pieces straight to the output, in turn.
 */
struct dump_chunk {
	struct buf	 out;
	size_t		 first;		/* items [first, end) */
	size_t		 end;
	int		 direct;
	int		 done;
};

/* Where the pieces of a streamed block go. */
struct dump_stream {
	struct buf	 out;
	FILE		*fp;
	int		 note;
	int		 rc;
};

/* Shared by the writer and the helper thread (under lock). */
struct dump_ctx {
	const struct doc	*d;
	struct layout_opts	 opts;
	struct dump_item	*items;
	size_t			 nitems;
	size_t			 cap_items;
	struct dump_chunk	*chunks;
	size_t			 nchunks;
	size_t			 cap_chunks;
	size_t			 next;		/* next chunk to lay out */
	size_t			 written;	/* chunks written out */
	int			 stop;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
};

static size_t	dump_clamp(const struct doc *, int, size_t);
static void	dump_push(struct dump_ctx *, enum dump_kind, int);
static void	dump_plan_range(struct dump_ctx *, size_t, size_t);
static void	dump_plan_notes(struct dump_ctx *, int, const size_t *,
		    size_t);
static size_t	*dump_bucket(const struct doc *, size_t *);
static void	dump_plan(struct dump_ctx *);
static size_t	dump_size(const struct doc *, const struct dump_item *);
static void	dump_split(struct dump_ctx *);
static void	dump_piece(const struct layout_line *, int, void *);
static int	dump_direct(struct dump_ctx *, struct layout *, size_t,
		    FILE *);
static void	dump_lines(struct buf *, const struct layout_line *, int, int);
static void	dump_render(struct dump_ctx *, struct layout *, size_t);
static int	dump_claim(struct dump_ctx *, size_t, size_t *, int);
static void	*dump_helper(void *);

/* A block index from the model, kept within [lo, nblocks]. */
static size_t
dump_clamp(const struct doc *d, int bi, size_t lo)
{
	if (bi < 0 || (size_t)bi < lo)
		return lo;
	return (size_t)bi > d->nblocks ? d->nblocks : (size_t)bi;
}

/* One more item to print. */
static void
dump_push(struct dump_ctx *c, enum dump_kind kind, int block)
{
	struct dump_item	*it;

	it = ARRAY_PUSH(c->items, c->nitems, c->cap_items);
	it->kind = kind;
	it->block = block;
}

/* The flow blocks of [from, to). */
static void
dump_plan_range(struct dump_ctx *c, size_t from, size_t to)
{
	size_t	bi;

	for (bi = from; bi < to && bi < c->d->nblocks; bi++)
		if (doc_in_flow(c->d, (int)bi))
			dump_push(c, DUMP_BLOCK, (int)bi);
}

/* Endnotes listed in idx (all of them if all), under one header. */
static void
dump_plan_notes(struct dump_ctx *c, int all, const size_t *idx, size_t count)
{
	const struct doc	*d = c->d;
	const struct note	*nt;
	size_t			 j;
	int			 header = 0;

	for (j = 0; j < (all ? d->nnotes : count); j++) {
		nt = &d->notes[all ? j : idx[j]];
		if (nt->block < 0 || (size_t)nt->block >= d->nblocks)
			continue;
		if (!header) {
			header = 1;
			dump_push(c, DUMP_HEADER, -1);
		}
		dump_push(c, DUMP_NOTE, nt->block);
	}
}

/*
 * Note indexes grouped by article, each group in note order, so the dump
 * visits every note once: first[a]..first[a + 1] for article a, and the
 * last group (a == narticles) for notes of no known article.
 */
static size_t *
dump_bucket(const struct doc *d, size_t *first)
{
	size_t	*order, *fill, k, a, na = d->narticles;
	int	 art;

	order = xcalloc(d->nnotes + 1, sizeof *order);
	fill = xcalloc(na + 2, sizeof *fill);
	memset(first, 0, (na + 2) * sizeof *first);
	for (k = 0; k < d->nnotes; k++) {
		art = d->notes[k].article;
		a = art >= 0 && (size_t)art < na ? (size_t)art : na;
		first[a + 1]++;
	}
	for (a = 0; a < na + 1; a++)
		first[a + 1] += first[a];
	memcpy(fill, first, (na + 2) * sizeof *fill);
	for (k = 0; k < d->nnotes; k++) {
		art = d->notes[k].article;
		a = art >= 0 && (size_t)art < na ? (size_t)art : na;
		order[fill[a]++] = k;
	}
	free(fill);
	return order;
}

/* Every block once, in order, whatever the articles say; notes after each. */
static void
dump_plan(struct dump_ctx *c)
{
	const struct doc	*d = c->d;
	size_t			 a, end, pos, *first, *order;

	if (d->narticles == 0) {
		dump_plan_range(c, 0, d->nblocks);
		dump_plan_notes(c, 1, NULL, 0);
		return;
	}
	first = xcalloc(d->narticles + 2, sizeof *first);
	order = dump_bucket(d, first);
	pos = dump_clamp(d, d->articles[0].first_block, 0);
	dump_plan_range(c, 0, pos);
	for (a = 0; a < d->narticles; a++) {
		end = a + 1 < d->narticles ? dump_clamp(d,
		    d->articles[a + 1].first_block, pos) : d->nblocks;
		dump_plan_range(c, pos, end);
		pos = end;
		dump_plan_notes(c, 0, order + first[a], first[a + 1] - first[a]);
	}
	dump_plan_range(c, pos, d->nblocks);
	a = d->narticles;
	dump_plan_notes(c, 0, order + first[a], first[a + 1] - first[a]);
	free(order);
	free(first);
}

/* Doc text bytes an item lays out (a table's lie in its cells). */
static size_t
dump_size(const struct doc *d, const struct dump_item *it)
{
	const struct block	*b;
	const struct table	*t;
	const struct table_cell	*c0, *c1;

	if (it->kind == DUMP_HEADER)
		return 0;
	b = &d->blocks[it->block];
	if (b->type != BLOCK_TABLE || b->table < 0 ||
	    (size_t)b->table >= d->ntables)
		return b->text_len;
	t = &d->tables[b->table];
	if (t->nrows < 1 || t->ncols < 1)
		return b->text_len;
	c0 = doc_cell(d, t, 0, 0);
	c1 = doc_cell(d, t, t->nrows - 1, t->ncols - 1);
	if (c1->text_off + c1->text_len < c0->text_off)
		return b->text_len;
	return c1->text_off + c1->text_len - c0->text_off;
}

/*
 * Cut the items into chunks of at most DUMP_CHUNK items and about
 * DUMP_BYTES of text, a huge block alone in a direct chunk: the chunks in
 * flight, and so the memory, stay bounded whatever the blocks.
 */
static void
dump_split(struct dump_ctx *c)
{
	struct dump_chunk	*ch = NULL;
	size_t			 i, size, bytes = 0;

	for (i = 0; i < c->nitems; i++) {
		size = dump_size(c->d, &c->items[i]);
		if (size >= DUMP_HUGE || ch == NULL || ch->direct ||
		    ch->end - ch->first >= DUMP_CHUNK ||
		    bytes + size > DUMP_BYTES) {
			ch = ARRAY_PUSH(c->chunks, c->nchunks, c->cap_chunks);
			memset(ch, 0, sizeof *ch);
			ch->first = ch->end = i;
			ch->direct = size >= DUMP_HUGE;
			bytes = 0;
		}
		ch->end++;
		bytes += size;
	}
}

/* Display lines without their trailing spaces (notes: no spacer lines). */
static void
dump_lines(struct buf *out, const struct layout_line *lines, int n, int note)
{
	size_t	len;
	int	i;

	for (i = 0; i < n; i++) {
		if (note && (lines[i].flags & LINE_BLANK))
			continue;
		len = lines[i].len;
		while (len > 0 && lines[i].text[len - 1] == ' ')
			len--;
		buf_append(out, lines[i].text, len);
		buf_putc(out, '\n');
	}
}

/* Lay chunk k out into its buffer, dropping each block once written. */
static void
dump_render(struct dump_ctx *c, struct layout *l, size_t k)
{
	const struct dump_item		*it;
	const struct layout_line	*lines;
	struct buf			*out = &c->chunks[k].out;
	size_t				 i;
	int				 n, w = c->opts.width;

	for (i = c->chunks[k].first; i < c->chunks[k].end; i++) {
		it = &c->items[i];
		if (it->kind == DUMP_HEADER) {
			buf_putc(out, '\n');
			if (w >= 5)
				buf_puts(out, "Notes\n");
			else {
				for (n = 0; n < w; n++)
					buf_putc(out, '-');
				buf_putc(out, '\n');
			}
			continue;
		}
		lines = layout_block(l, it->block, &n);
		dump_lines(out, lines, n, it->kind == DUMP_NOTE);
		layout_forget(l, it->block);
	}
}

/* A piece of a streamed block, written out once enough is held. */
static void
dump_piece(const struct layout_line *lines, int n, void *arg)
{
	struct dump_stream	*s = arg;

	dump_lines(&s->out, lines, n, s->note);
	if (s->out.len < DUMP_FLUSH)
		return;
	if (s->rc == 0 && fwrite(s->out.data, 1, s->out.len, s->fp) !=
	    s->out.len)
		s->rc = -1;
	buf_reset(&s->out);
}

/* Lay a direct chunk's huge block out straight to fp, piece by piece. */
static int
dump_direct(struct dump_ctx *c, struct layout *l, size_t k, FILE *fp)
{
	const struct dump_item	*it = &c->items[c->chunks[k].first];
	struct dump_stream	 s;

	memset(&s, 0, sizeof s);
	s.fp = fp;
	s.note = it->kind == DUMP_NOTE;
	layout_block_stream(l, it->block, dump_piece, &s);
	if (s.rc == 0 && s.out.len > 0 &&
	    fwrite(s.out.data, 1, s.out.len, fp) != s.out.len)
		s.rc = -1;
	buf_free(&s.out);
	return s.rc;
}

/*
 * Take the next chunk to lay out, if it is within the window (locked); a
 * direct chunk only by the writer, when it is the one to write next.
 */
static int
dump_claim(struct dump_ctx *c, size_t writer, size_t *k, int is_writer)
{
	if (c->stop || c->next >= c->nchunks ||
	    c->next >= writer + DUMP_WINDOW)
		return 0;
	if (c->chunks[c->next].direct && (!is_writer || c->next != writer))
		return 0;
	*k = c->next++;
	return 1;
}

/* The second core lays chunks out ahead of the writer. */
static void *
dump_helper(void *arg)
{
	struct dump_ctx	*c = arg;
	struct layout	*l = layout_new(c->d, &c->opts);
	size_t		 k;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		if (c->stop || c->next >= c->nchunks)
			break;
		if (!dump_claim(c, c->written, &k, 0)) {
			pthread_cond_wait(&c->cond, &c->lock);
			continue;
		}
		pthread_mutex_unlock(&c->lock);
		dump_render(c, l, k);
		pthread_mutex_lock(&c->lock);
		c->chunks[k].done = 1;
		pthread_cond_broadcast(&c->cond);
	}
	pthread_mutex_unlock(&c->lock);
	layout_free(l);
	return NULL;
}

/*
 * Plan what to print, then lay it out in chunks (the writer lays out too
 * when it would wait) and write them in order: the output is the same as
 * one thread's, chunks in flight bound the memory.
 */
int
export_dump(const struct doc *d, int width, FILE *fp)
{
	struct dump_ctx	 c;
	struct layout	*l;
	pthread_t	 helper;
	size_t		 w, k;
	int		 rc = 0, threaded = 0;

	memset(&c, 0, sizeof c);
	c.d = d;
	c.opts.width = width;
	dump_plan(&c);
	dump_split(&c);
	pthread_mutex_init(&c.lock, NULL);
	pthread_cond_init(&c.cond, NULL);
	l = layout_new(d, &c.opts);
	if (d->text.len >= DUMP_THREADED && c.nchunks > 1 &&
	    sysconf(_SC_NPROCESSORS_ONLN) > 1 &&
	    pthread_create(&helper, NULL, dump_helper, &c) == 0)
		threaded = 1;
	for (w = 0; w < c.nchunks && rc == 0; w++) {
		pthread_mutex_lock(&c.lock);
		while (!c.chunks[w].done) {
			if (dump_claim(&c, w, &k, 1)) {
				/* the helper may go on past a direct chunk */
				pthread_cond_broadcast(&c.cond);
				pthread_mutex_unlock(&c.lock);
				if (!c.chunks[k].direct)
					dump_render(&c, l, k);
				else if (dump_direct(&c, l, k, fp) != 0)
					rc = -1;
				pthread_mutex_lock(&c.lock);
				c.chunks[k].done = 1;
				pthread_cond_broadcast(&c.cond);
			} else
				pthread_cond_wait(&c.cond, &c.lock);
		}
		pthread_mutex_unlock(&c.lock);
		if (c.chunks[w].out.len > 0 && fwrite(c.chunks[w].out.data, 1,
		    c.chunks[w].out.len, fp) != c.chunks[w].out.len)
			rc = -1;
		buf_free(&c.chunks[w].out);
		pthread_mutex_lock(&c.lock);
		c.written = w + 1;
		if (rc != 0)
			c.stop = 1;
		pthread_cond_broadcast(&c.cond);
		pthread_mutex_unlock(&c.lock);
	}
	if (threaded) {
		pthread_mutex_lock(&c.lock);
		c.stop = 1;
		pthread_cond_broadcast(&c.cond);
		pthread_mutex_unlock(&c.lock);
		pthread_join(helper, NULL);
	}
	for (k = 0; k < c.nchunks; k++)
		buf_free(&c.chunks[k].out);
	free(c.chunks);
	free(c.items);
	pthread_mutex_destroy(&c.lock);
	pthread_cond_destroy(&c.cond);
	layout_free(l);
	if (rc == 0 && (fflush(fp) != 0 || ferror(fp)))
		rc = -1;
	if (rc != 0 && errno == 0)
		errno = EIO;
	return rc;
}
