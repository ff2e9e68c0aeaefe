/* The --export json writer: the document model as DESIGN.md specifies. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/encoding.h"
#include "scholia/export.h"
#include "scholia/source.h"
#include "scholia/text.h"
#include "scholia/xmalloc.h"

static int	json_str(FILE *, const char *, size_t);
static int	json_cstr(FILE *, const char *);
static int	json_note_text(FILE *, const struct doc *, const struct note *);
static int	json_toc(FILE *, const struct doc *);
static int	json_notes(FILE *, const struct doc *);
static int	json_refs(FILE *, const struct doc *);
static int	json_keywords(FILE *, const struct doc *);
static int	json_articles(FILE *, const struct doc *);

/*
 * A JSON string: what may not reach a terminal (controls, DEL, C1, bidi
 * controls, U+2028/9) escaped, so the JSON is safe to print; bad bytes as
 * U+FFFD.
 */
static int
json_str(FILE *fp, const char *s, size_t n)
{
	size_t		i = 0, start = 0, l;
	uint32_t	c;
	char		esc[16];
	const char	*e;

	if (putc('"', fp) == EOF)
		return -1;
	while (i < n) {
		l = text_decode(s + i, n - i, &c);
		e = NULL;
		if (c == '"')
			e = "\\\"";
		else if (c == '\\')
			e = "\\\\";
		else if (text_is_unsafe(c)) {
			snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
			e = esc;
		} else if (c == 0xFFFD && !(l == 3 &&
		    memcmp(s + i, "\xef\xbf\xbd", 3) == 0))
			e = "\\ufffd";	/* an invalid byte */
		if (e == NULL) {
			i += l;
			continue;
		}
		if (i > start && fwrite(s + start, 1, i - start, fp) !=
		    i - start)
			return -1;
		if (fputs(e, fp) == EOF)
			return -1;
		i += l;
		start = i;
	}
	if (i > start && fwrite(s + start, 1, i - start, fp) != i - start)
		return -1;
	return putc('"', fp) == EOF ? -1 : 0;
}

static int
json_cstr(FILE *fp, const char *s)
{
	if (s == NULL)
		return fputs("null", fp) == EOF ? -1 : 0;
	return json_str(fp, s, strlen(s));
}

/* Plain text of a note: its block without the label and the space after. */
static int
json_note_text(FILE *fp, const struct doc *d, const struct note *nt)
{
	const struct block	*b;
	const struct span	*sp;
	const char		*s;
	size_t			 skip = 0, end;

	if (nt->block < 0 || (size_t)nt->block >= d->nblocks)
		return json_str(fp, "", 0);
	b = &d->blocks[nt->block];
	s = d->text.data + b->text_off;
	if (b->span_count > 0) {
		sp = &d->spans[b->span_first];
		if ((sp->flags & SPAN_NOTELABEL) && sp->off == b->text_off)
			skip = sp->len;
	}
	while (skip < b->text_len && (s[skip] == ' ' || s[skip] == '\t'))
		skip++;
	end = b->text_len;
	while (end > skip && (s[end - 1] == ' ' || s[end - 1] == '\n'))
		end--;
	return json_str(fp, s + skip, end - skip);
}

static int
json_toc(FILE *fp, const struct doc *d)
{
	size_t	i;

	fputs("  \"toc\": [", fp);
	for (i = 0; i < d->nheadings; i++) {
		fprintf(fp, "%s\n    {\"level\": %d, \"title\": ",
		    i > 0 ? "," : "", d->headings[i].level);
		if (json_cstr(fp, d->headings[i].title) != 0)
			return -1;
		fprintf(fp, ", \"line\": %d}", d->headings[i].line);
		if (ferror(fp))
			return -1;
	}
	fputs(d->nheadings > 0 ? "\n  ],\n" : "],\n", fp);
	return 0;
}

static int
json_notes(FILE *fp, const struct doc *d)
{
	size_t	i;

	fputs("  \"notes\": [", fp);
	for (i = 0; i < d->nnotes; i++) {
		fprintf(fp, "%s\n    {\"id\": %zu, \"label\": ",
		    i > 0 ? "," : "", i);
		if (json_cstr(fp, d->notes[i].label) != 0)
			return -1;
		fprintf(fp, ", \"line\": %d, \"text\": ", d->notes[i].line);
		if (json_note_text(fp, d, &d->notes[i]) != 0)
			return -1;
		putc('}', fp);
		if (ferror(fp))
			return -1;
	}
	fputs(d->nnotes > 0 ? "\n  ],\n" : "],\n", fp);
	return 0;
}

static int
json_refs(FILE *fp, const struct doc *d)
{
	const struct ref	*r;
	size_t			 i;

	fputs("  \"refs\": [", fp);
	for (i = 0; i < d->nrefs; i++) {
		r = &d->refs[i];
		fprintf(fp, "%s\n    {\"label\": ", i > 0 ? "," : "");
		if (json_cstr(fp, r->label) != 0)
			return -1;
		fprintf(fp, ", \"line\": %d, \"note\": ", r->line);
		if (r->note >= 0 && (size_t)r->note < d->nnotes)
			fprintf(fp, "%d}", r->note);
		else
			fputs("null}", fp);
		if (ferror(fp))
			return -1;
	}
	fputs(d->nrefs > 0 ? "\n  ],\n" : "],\n", fp);
	return 0;
}

static int
json_keywords(FILE *fp, const struct doc *d)
{
	const struct keywords	*k;
	size_t			 i;
	int			 j;

	fputs("  \"keywords\": [", fp);
	for (i = 0; i < d->nkeywords; i++) {
		k = &d->keywords[i];
		fprintf(fp, "%s\n    {\"line\": %d, \"words\": [",
		    i > 0 ? "," : "", k->line);
		for (j = 0; j < k->nwords; j++) {
			if (j > 0)
				fputs(", ", fp);
			if (json_cstr(fp, k->words[j]) != 0)
				return -1;
		}
		fputs("]}", fp);
		if (ferror(fp))
			return -1;
	}
	fputs(d->nkeywords > 0 ? "\n  ],\n" : "],\n", fp);
	return 0;
}

static int
json_articles(FILE *fp, const struct doc *d)
{
	size_t	 i, b;
	int	*first, *next, e, rc = 0;

	/* Contents-list entries of each article, chained in one pass. */
	first = xreallocarray(NULL, d->narticles + 1, sizeof *first);
	next = xreallocarray(NULL, d->nblocks + 1, sizeof *next);
	for (i = 0; i < d->narticles; i++)
		first[i] = -1;
	for (b = d->nblocks; b-- > 0;) {
		e = d->blocks[b].entry_of;
		if (e < 0 || (size_t)e >= d->narticles)
			continue;
		next[b] = first[e];
		first[e] = (int)b;
	}
	fputs("  \"articles\": [", fp);
	for (i = 0; i < d->narticles && rc == 0; i++) {
		fprintf(fp, "%s\n    {\"title\": ", i > 0 ? "," : "");
		if (json_cstr(fp, d->articles[i].title) != 0) {
			rc = -1;
			break;
		}
		fprintf(fp, ", \"line\": %d, \"contents_lines\": [",
		    d->articles[i].line);
		for (e = first[i]; e != -1; e = next[e])
			fprintf(fp, "%s%d", e == first[i] ? "" : ", ",
			    d->blocks[e].line);
		fputs("]}", fp);
		if (ferror(fp))
			rc = -1;
	}
	if (rc == 0)
		fputs(d->narticles > 0 ? "\n  ]\n" : "]\n", fp);
	free(next);
	free(first);
	return rc;
}

int
export_json(const struct doc *d, FILE *fp)
{
	const struct source	*src = d->source;
	const char		*name = NULL, *slash;

	if (src != NULL && src->name != NULL) {
		name = src->name;
		if ((slash = strrchr(name, '/')) != NULL && slash[1] != '\0')
			name = slash + 1;
	}
	fputs("{\n  \"source\": ", fp);
	if (json_cstr(fp, name) != 0)
		goto fail;
	fputs(",\n  \"encoding\": ", fp);
	if (json_cstr(fp, src != NULL ? encoding_name(src->encoding) :
	    NULL) != 0)
		goto fail;
	fprintf(fp, ",\n  \"format\": \"%s\",\n  \"invalid_bytes\": %zu,\n",
	    d->markdown ? "markdown" : "text",
	    src != NULL ? src->invalid : (size_t)0);
	if (json_toc(fp, d) != 0 || json_notes(fp, d) != 0 ||
	    json_refs(fp, d) != 0 || json_keywords(fp, d) != 0 ||
	    json_articles(fp, d) != 0)
		goto fail;
	fputs("}\n", fp);
	if (fflush(fp) != 0 || ferror(fp))
		goto fail;
	return 0;
fail:
	if (errno == 0)
		errno = EIO;
	return -1;
}
