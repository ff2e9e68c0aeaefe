/* Footnote marker syntaxes, shared by the parsers and note recovery. */
#ifndef SCHOLIA_MARKER_H
#define SCHOLIA_MARKER_H

#include <stddef.h>
#include <stdint.h>

struct marker {
	size_t	 len;		/* bytes of source text consumed */
	char	 label[64];	/* what links it: "①", "1", "*", "name" */
	char	 shown[80];	/* compact visible form: "①", "[1]", "[*]" */
	int	 named;		/* [^name]: links by name across the document */
	int	 bare;		/* no caret or superscript: a bare circled number */
};

/*
 * A reference marker at s in running text: ^①, ^{①}, ^{*}, ^{1}, ^12,
 * [^name] (not a definition), Unicode superscript digits, or a bare
 * circled number ①..㊿ (bare set). At most 4 digits. Returns the bytes
 * matched, 0 if none.
 */
size_t	marker_ref(const char *, size_t, struct marker *);

/*
 * The head of a note definition at the start of a paragraph: ^①, ^{①},
 * ①, [1], [*], ^{*}, ^{12}, "* ", "\* ", [^name]:. Returns the bytes of the
 * head including the blanks after it (ASCII, U+3000, U+00A0), 0 if the
 * paragraph does not open like a note.
 */
size_t	marker_note_head(const char *, size_t, struct marker *);

/*
 * The label a <sup>…</sup> text stands for ("[1]" -> "1", "\*" -> "*",
 * "12" -> "12"), written to label; returns 0 if it is not a marker.
 */
int	marker_sup_label(const char *, size_t, char *, size_t);

int	marker_circled_value(uint32_t);	/* ① -> 1 ... ㊿ -> 50; 0 if not */

#endif
