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

#include "source_map.h"

static int	load_source(struct source *, const struct load_opts *,
		    struct doc **, char **);

int
load_file(const char *path, const struct load_opts *opts, struct doc **out,
    char **cause)
{
	struct source		*src;
	struct source_opts	 so = { 0 };

	if (opts != NULL)
		so.encoding = opts->encoding;
	if (source_read_file(path, &so, &src, cause) != 0)
		return -1;
	return load_source(src, opts, out, cause);
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
	return load_source(src, opts, out, cause);
}

/* Parse and recover the structure of a source; the doc takes it over. */
static int
load_source(struct source *src, const struct load_opts *opts,
    struct doc **out, char **cause)
{
	struct doc		*d;
	enum load_format	 fmt = opts != NULL ? opts->format : LOAD_AUTO;
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
	rc = d->markdown ? parse_md(d, cause) : parse_text(d, cause);
	if (rc != 0) {
		doc_free(d);
		return -1;
	}
	source_release(src, src->len);
	keywords_recover(d);
	notes_recover(d);
	heal_recover(d);
	outline_recover(d);
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
