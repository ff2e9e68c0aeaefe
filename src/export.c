/* Renderers over the doc: outline, notes, tree (the dump is in export_dump.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/layout.h"
#include "scholia/text.h"
#include "scholia/xmalloc.h"

static int	export_safe(FILE *, const char *, size_t);
static int	export_note_text(const struct doc *, const struct note *,
		    FILE *);
static const char *export_type(enum block_type);
static int	export_flags(FILE *, unsigned, const char *const *, int);
static int	tree_spans(const struct doc *, size_t, size_t, FILE *);

static const char *const block_flag_names[] = {
	"HIDDEN", "TIGHT", "PAGEBREAK", "LISTITEM",
};
static const char *const span_flag_names[] = {
	"EMPH", "STRONG", "CODE", "LINK", "URL", "REF", "NOTELABEL", "SUP",
	"SUB", "STRIKE", "MAYBEREF", "HEADING",
};

/* Text for a terminal: unsafe characters become their placeholders. */
static int
export_safe(FILE *fp, const char *s, size_t n)
{
	char		ph[32];
	size_t		i = 0, start = 0, l, pl;
	uint32_t	c;

	while (i < n) {
		l = text_decode(s + i, n - i, &c);
		if (!text_is_unsafe(c)) {
			i += l;
			continue;
		}
		if (i > start &&
		    fwrite(s + start, 1, i - start, fp) != i - start)
			return -1;
		pl = text_placeholder(c, ph, sizeof ph);
		if (pl >= sizeof ph)
			pl = sizeof ph - 1;
		if (fwrite(ph, 1, pl, fp) != pl)
			return -1;
		i += l;
		start = i;
	}
	if (i > start && fwrite(s + start, 1, i - start, fp) != i - start)
		return -1;
	return 0;
}

int
export_toc(const struct doc *d, FILE *fp)
{
	const struct heading	*h;
	size_t			 i;
	int			 lvl;

	for (i = 0; i < d->nheadings; i++) {
		h = &d->headings[i];
		lvl = h->level > 1 ? h->level - 1 : 0;
		if (lvl > 8)
			lvl = 8;
		fprintf(fp, "%6d  %*s", h->line, 2 * lvl, "");
		if (export_safe(fp, h->title, strlen(h->title)) != 0 ||
		    putc('\n', fp) == EOF)
			return -1;
	}
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}

/* The text of a note without its label, on one line. */
static int
export_note_text(const struct doc *d, const struct note *nt, FILE *fp)
{
	const struct block	*b;
	const struct span	*sp;
	const char		*s;
	size_t			 skip = 0, i;

	if (nt->block < 0 || (size_t)nt->block >= d->nblocks)
		return 0;
	b = &d->blocks[nt->block];
	s = d->text.data + b->text_off;
	if (b->span_count > 0) {
		sp = &d->spans[b->span_first];
		if (sp->flags & SPAN_NOTELABEL && sp->off == b->text_off)
			skip = sp->len;
	}
	while (skip < b->text_len && (s[skip] == ' ' || s[skip] == '\t'))
		skip++;
	for (i = skip; i < b->text_len; i++) {
		if (s[i] == '\n' || s[i] == '\t') {
			if (export_safe(fp, s + skip, i - skip) != 0 ||
			    putc(' ', fp) == EOF)
				return -1;
			skip = i + 1;
		}
	}
	return export_safe(fp, s + skip, b->text_len - skip);
}

int
export_notes(const struct doc *d, FILE *fp)
{
	const struct note	*nt;
	const struct ref	*r;
	size_t			 i;
	int			 j;

	for (i = 0; i < d->nnotes; i++) {
		nt = &d->notes[i];
		if (export_safe(fp, nt->label, strlen(nt->label)) != 0)
			return -1;
		fprintf(fp, " (note %zu, line %d): ", i, nt->line);
		if (export_note_text(d, nt, fp) != 0)
			return -1;
		if (nt->nrefs == 0)
			fputs("\n    not referenced\n", fp);
		else {
			fputs("\n    referenced at line", fp);
			for (j = 0; j < nt->nrefs; j++)
				fprintf(fp, "%s %d", j > 0 ? "," : "",
				    d->refs[nt->refs[j]].line);
			putc('\n', fp);
		}
		if (ferror(fp))
			return -1;
	}
	for (i = 0; i < d->nrefs; i++) {
		r = &d->refs[i];
		if (r->note >= 0)
			continue;
		fputs("missing note for ", fp);
		if (export_safe(fp, r->label, strlen(r->label)) != 0)
			return -1;
		fprintf(fp, " (line %d)\n", r->line);
	}
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}

static const char *
export_type(enum block_type t)
{
	switch (t) {
	case BLOCK_PARA:
		return "PARA";
	case BLOCK_HEADING:
		return "HEADING";
	case BLOCK_CODE:
		return "CODE";
	case BLOCK_HR:
		return "HR";
	case BLOCK_TABLE:
		return "TABLE";
	case BLOCK_NOTE:
		return "NOTE";
	case BLOCK_META:
		return "META";
	}
	return "?";
}

/* Flag names joined by "|". */
static int
export_flags(FILE *fp, unsigned flags, const char *const *names, int n)
{
	int	i, first = 1;

	for (i = 0; i < n; i++) {
		if (!(flags & (1U << i)))
			continue;
		fprintf(fp, "%s%s", first ? "" : "|", names[i]);
		first = 0;
	}
	return ferror(fp) ? -1 : 0;
}

/* The spans of a block or cell, one per line, with their text quoted. */
static int
tree_spans(const struct doc *d, size_t first, size_t count, FILE *fp)
{
	const struct span	*sp;
	size_t			 i;

	for (i = first; i < first + count && i < d->nspans; i++) {
		sp = &d->spans[i];
		fputs("    span", fp);
		if (sp->flags != 0) {
			putc(' ', fp);
			export_flags(fp, sp->flags, span_flag_names,
			    (int)(sizeof span_flag_names /
			    sizeof span_flag_names[0]));
		}
		if (sp->ref >= 0)
			fprintf(fp, " ref=%d", sp->ref);
		if (sp->aux_len > 0) {
			fputs(" link=", fp);
			if (export_safe(fp, d->aux.data + sp->aux_off,
			    sp->aux_len) != 0)
				return -1;
		}
		fputs(" \"", fp);
		if (export_safe(fp, d->text.data + sp->off, sp->len) != 0)
			return -1;
		fputs("\"\n", fp);
	}
	return ferror(fp) ? -1 : 0;
}

int
export_tree(const struct doc *d, FILE *fp)
{
	const struct block	*b;
	const struct table	*t;
	const struct table_cell	*c;
	size_t			 i;
	int			 r, k;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		fprintf(fp, "%zu %s lines %d-%d", i, export_type(b->type),
		    b->line, b->end_line);
		if (b->type == BLOCK_HEADING)
			fprintf(fp, " level=%d", b->level);
		if (b->flags != 0) {
			putc(' ', fp);
			export_flags(fp, b->flags, block_flag_names, 4);
		}
		if (b->indent || b->quote_depth || b->list_depth)
			fprintf(fp, " indent=%d quote=%d list=%d", b->indent,
			    b->quote_depth, b->list_depth);
		if (b->marker[0] != '\0') {
			fputs(" marker=", fp);
			export_safe(fp, b->marker,
			    strnlen(b->marker, sizeof b->marker));
		}
		if (b->note >= 0)
			fprintf(fp, " note=%d", b->note);
		if (b->heading >= 0)
			fprintf(fp, " heading=%d", b->heading);
		if (b->article >= 0)
			fprintf(fp, " article=%d", b->article);
		putc('\n', fp);
		if (b->type == BLOCK_TABLE && b->table >= 0 &&
		    (size_t)b->table < d->ntables) {
			t = &d->tables[b->table];
			fprintf(fp, "  table %dx%d header=%d align=%s\n",
			    t->nrows, t->ncols, t->header_rows, t->align);
			for (r = 0; r < t->nrows; r++)
				for (k = 0; k < t->ncols; k++) {
					c = doc_cell(d, t, r, k);
					fprintf(fp, "  cell %d,%d\n", r, k);
					if (tree_spans(d, c->span_first,
					    c->span_count, fp) != 0)
						return -1;
				}
		} else if (tree_spans(d, b->span_first, b->span_count,
		    fp) != 0)
			return -1;
		if (ferror(fp))
			return -1;
	}
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}
