/* The pipeline behind one call: read, detect the format, parse, recover. */
#include <stdlib.h>

#include "scholia/doc.h"
#include "scholia/heal.h"
#include "scholia/keywords.h"
#include "scholia/load.h"
#include "scholia/notes.h"
#include "scholia/outline.h"
#include "scholia/parse.h"
#include "scholia/source.h"
#include "scholia/xmalloc.h"

#include "doc_compact.h"
#include "load_int.h"
#include "recover.h"
#include "source_map.h"

static void	load_stage(int *, int);

int
load_file(const char *path, const struct load_opts *opts, struct doc **out,
    char **cause)
{
	struct source		*src;
	struct source_opts	 so = { 0 };

	so.refuse_binary = opts == NULL || !opts->allow_binary;
	if (opts != NULL)
		so.encoding = opts->encoding;
	if (source_read_file(path, &so, &src, cause) != 0)
		return -1;
	return load_source(src, opts, out, cause, NULL, 0);
}

int
load_memory(const char *name, const char *p, size_t n,
    const struct load_opts *opts, struct doc **out, char **cause)
{
	struct source		*src;
	struct source_opts	 so = { 0 };

	if (opts != NULL)
		so.encoding = opts->encoding;
	if (source_from_memory(name, p, n, &so, &src, cause) != 0)
		return -1;
	return load_source(src, opts, out, cause, NULL, 0);
}

static void
load_stage(int *stage, int v)
{
	if (stage != NULL)
		__atomic_store_n(stage, v, __ATOMIC_RELEASE);
}

/* Parse and recover the structure of a source; the doc takes it over. */
int
load_source(struct source *src, const struct load_opts *opts,
    struct doc **out, char **cause, int *stage, int cut)
{
	struct doc		*d;
	enum load_format	 fmt = opts != NULL ? opts->format : LOAD_AUTO;
	unsigned char		*hint;
	int			 rc;

	if (src->binary && (opts == NULL || !opts->allow_binary)) {
		xasprintf(cause, "%s: looks like a binary file", src->name);
		source_free(src);
		return -1;
	}
	d = doc_new(src);
	d->owned = src;
	if (fmt == LOAD_AUTO)
		fmt = parse_is_markdown(src->text, src->len) ?
		    LOAD_MARKDOWN : LOAD_TEXT;
	d->markdown = fmt == LOAD_MARKDOWN;
	load_stage(stage, LOAD_PARSE);
	rc = d->markdown ? load_parse_md(d, cause) : parse_text(d, cause);
	if (rc != 0) {
		doc_free(d);
		return -1;
	}
	doc_split_long(d, cut);
	source_release(src, src->len);
	load_stage(stage, LOAD_KEYWORDS);
	keywords_recover(d);
	source_release(src, 0);		/* a new pass: progress from 0 */
	load_stage(stage, LOAD_NOTES);
	notes_recover(d);
	load_stage(stage, LOAD_HEAL);
	hint = heal_recover_kinds(d);
	load_stage(stage, LOAD_OUTLINE);
	outline_recover_kinds(d, hint);
	if (opts == NULL || !opts->once)
		doc_compact(d);
	source_release(src, src->len);
	if (source_changed(src)) {
		xasprintf(cause, "%s: the file changed while it was read",
		    src->name);
		doc_free(d);
		return -1;
	}
	*out = d;
	return 0;
}

void
load_shift_lines(struct doc *d, int delta)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		d->blocks[i].line += delta;
		d->blocks[i].end_line += delta;
	}
	for (i = 0; i < d->nnotes; i++)
		d->notes[i].line += delta;
	for (i = 0; i < d->nrefs; i++)
		d->refs[i].line += delta;
	for (i = 0; i < d->nheadings; i++)
		d->headings[i].line += delta;
	for (i = 0; i < d->nkeywords; i++)
		d->keywords[i].line += delta;
	for (i = 0; i < d->narticles; i++)
		d->articles[i].line += delta;
}
