/* The key table: key -> action -> help text, the one place bindings are listed. */
#include <stddef.h>

#include "scholia/buf.h"

#include "ui.h"

#define CTRL(c)	((c) & 0x1f)

/* Order is the order of the help screen and of man/scholia.1. */
const struct keys_binding keys_table[] = {
	{ 'j',		0, "j",		ACT_LINE_DOWN },
	{ KEY_DOWN,	1, "Down",	ACT_LINE_DOWN },
	{ 'k',		0, "k",		ACT_LINE_UP },
	{ KEY_UP,	1, "Up",	ACT_LINE_UP },
	{ ' ',		0, "Space",	ACT_PAGE_DOWN },
	{ KEY_NPAGE,	1, "PgDn",	ACT_PAGE_DOWN },
	{ 'f',		0, "f",		ACT_PAGE_DOWN },
	{ 'b',		0, "b",		ACT_PAGE_UP },
	{ KEY_PPAGE,	1, "PgUp",	ACT_PAGE_UP },
	{ 'd',		0, "d",		ACT_HALF_DOWN },
	{ 'u',		0, "u",		ACT_HALF_UP },
	{ 'g',		0, "g",		ACT_TOP },
	{ KEY_HOME,	1, "Home",	ACT_TOP },
	{ 'G',		0, "G",		ACT_BOTTOM },
	{ KEY_END,	1, "End",	ACT_BOTTOM },
	{ '{',		0, "{",		ACT_HEAD_PREV },
	{ '}',		0, "}",		ACT_HEAD_NEXT },
	{ ':',		0, ":",		ACT_GOTO },
	{ '\t',		0, "Tab",	ACT_FOCUS_NEXT },
	{ KEY_BTAB,	1, "Shift-Tab",	ACT_FOCUS_PREV },
	{ 't',		0, "t",		ACT_OUTLINE },
	{ 'F',		0, "F",		ACT_NOTES },
	{ '=',		0, "=",		ACT_NOTES_MODE },
	{ ']',		0, "]",		ACT_REF_NEXT },
	{ '[',		0, "[",		ACT_REF_PREV },
	{ '\r',		0, "Enter",	ACT_ENTER },
	{ KEY_ENTER,	1, "KP-Enter",	ACT_ENTER },
	{ 'p',		0, "p",		ACT_PEEK },
	{ 127,		0, "Backspace",	ACT_BACK },
	{ KEY_BACKSPACE, 1, "Ctrl-H",	ACT_BACK },
	{ CTRL('o'),	0, "Ctrl-O",	ACT_BACK },
	{ CTRL('n'),	0, "Ctrl-N",	ACT_FORWARD },
	{ '/',		0, "/",		ACT_SEARCH },
	{ '?',		0, "?",		ACT_SEARCH_BACK },
	{ 'n',		0, "n",		ACT_MATCH_NEXT },
	{ 'N',		0, "N",		ACT_MATCH_PREV },
	{ 'K',		0, "K",		ACT_KEYWORDS },
	{ '-',		0, "-",		ACT_FOLD },
	{ '+',		0, "+",		ACT_UNFOLD },
	{ KEY_LEFT,	1, "Left",	ACT_FOLD_ENTRY },
	{ KEY_RIGHT,	1, "Right",	ACT_UNFOLD_ENTRY },
	{ 27,		0, "Esc",	ACT_CANCEL },
	{ CTRL('l'),	0, "Ctrl-L",	ACT_REDRAW },
	{ 'h',		0, "h",		ACT_HELP },
	{ KEY_F(1),	1, "F1",	ACT_HELP },
	{ 'q',		0, "q",		ACT_QUIT },
};
const size_t keys_count = sizeof keys_table / sizeof keys_table[0];

static const char *const keys_helps[ACT__COUNT] = {
	[ACT_LINE_DOWN] =	"Scroll down one line.",
	[ACT_LINE_UP] =		"Scroll up one line.",
	[ACT_PAGE_DOWN] =	"Scroll down one page.",
	[ACT_PAGE_UP] =		"Scroll up one page.",
	[ACT_HALF_DOWN] =	"Scroll down half a page.",
	[ACT_HALF_UP] =		"Scroll up half a page.",
	[ACT_TOP] =		"Go to the start of the document.",
	[ACT_BOTTOM] =		"Go to the end of the document.",
	[ACT_HEAD_PREV] =	"Go to the previous heading.",
	[ACT_HEAD_NEXT] =	"Go to the next heading.",
	[ACT_GOTO] =		"Go to a percentage (40%) or source line.",
	[ACT_FOCUS_NEXT] =	"Move the focus to the next pane.",
	[ACT_FOCUS_PREV] =	"Move the focus to the previous pane.",
	[ACT_OUTLINE] =		"Show or hide the outline pane.",
	[ACT_NOTES] =		"Show or hide the notes pane.",
	[ACT_NOTES_MODE] =	"Notes pane: follow the reading, or all notes.",
	[ACT_REF_NEXT] =	"Select the next reference (or note).",
	[ACT_REF_PREV] =	"Select the previous reference (or note).",
	[ACT_ENTER] =		"Follow a reference to its note, a note "
				"to its references, an outline entry.",
	[ACT_PEEK] =		"Peek at the selected reference's note.",
	[ACT_BACK] =		"Go back to where the last jump started.",
	[ACT_FORWARD] =		"Go forward again after going back.",
	[ACT_SEARCH] =		"Search forward (body and notes).",
	[ACT_SEARCH_BACK] =	"Search backward.",
	[ACT_MATCH_NEXT] =	"Go to the next match.",
	[ACT_MATCH_PREV] =	"Go to the previous match.",
	[ACT_KEYWORDS] =	"Open the keyword index.",
	[ACT_FOLD] =		"Outline: show one heading level less.",
	[ACT_UNFOLD] =		"Outline: show one heading level more.",
	[ACT_FOLD_ENTRY] =	"Outline: fold the entry's subentries, "
				"or go to its parent.",
	[ACT_UNFOLD_ENTRY] =	"Outline: unfold the entry's subentries, "
				"or go to its first.",
	[ACT_CANCEL] =		"Close a popup or prompt; clear the search.",
	[ACT_REDRAW] =		"Redraw the screen.",
	[ACT_HELP] =		"Show or hide this list of keys.",
	[ACT_QUIT] =		"Close the help, or quit.",
};

enum action
keys_lookup(int code, int fkey)
{
	size_t	i;

	for (i = 0; i < keys_count; i++) {
		if (keys_table[i].code == code && keys_table[i].fkey == !!fkey)
			return keys_table[i].action;
	}
	/* a terminal that sends LF for Enter */
	if (!fkey && code == '\n')
		return ACT_ENTER;
	return ACT_NONE;
}

const char *
keys_help(enum action a)
{
	if (a <= ACT_NONE || a >= ACT__COUNT)
		return NULL;
	return keys_helps[a];
}

void
keys_names(enum action a, struct buf *out)
{
	size_t	i;
	int	first = 1;

	for (i = 0; i < keys_count; i++) {
		if (keys_table[i].action != a)
			continue;
		if (!first)
			buf_puts(out, ", ");
		buf_puts(out, keys_table[i].name);
		first = 0;
	}
}
