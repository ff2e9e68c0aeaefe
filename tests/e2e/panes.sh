#!/bin/sh
# Panes: notes below the body (a column at 200 wide, notes level with their references), outline, focus, degrading.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
p=$E2E_TMP/paper.md
# Row number (1-based) of the first row holding TEXT.
row_of() {
	e2e_screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1
}

e2e_start 80 24 "\"$E2E_BIN\" \"$p\""
e2e_wait "Notes: 2 on screen"
r=$(row_of "Notes: 2 on screen")
[ "$r" -gt 12 ] && [ "$r" -lt 24 ] || e2e_fail "the notes are not below the body"
e2e_has "[a] Alpha note text." || e2e_fail "note a not shown"
e2e_has "[b] Beta note text." || e2e_fail "note b not shown"
e2e_lacks "Gamma" || e2e_fail "a note whose reference is off screen is shown"

# t: the outline on the left, with a rule between it and the body
e2e_keys t
e2e_wait "Outline"
e2e_row 1 | grep -q "^─ Outline" || e2e_fail "the outline is not the left column"
e2e_row 3 | grep -q "一、Intro.*│【关键词】" || e2e_fail "no rule right of the outline"

# Tab and Shift-Tab walk outline, body, notes; the status names the focus
e2e_keys Tab
e2e_wait "[notes]"
e2e_keys Tab
e2e_wait "[outline]"
e2e_keys Tab
e2e_wait_gone "[outline]"
e2e_lacks "[notes]" || e2e_fail "Tab did not come back to the body"
e2e_keys BTab
e2e_wait "[outline]"
# hiding the focused pane gives the focus back to the body
e2e_keys t
e2e_wait_gone "Outline"
e2e_lacks "[outline]" || e2e_fail "focus stayed on a hidden pane"
e2e_keys F
e2e_wait_gone "Notes:"
e2e_keys F
e2e_wait "Notes: 2 on screen"

# 200 columns: the notes are a column; each note level with its reference
e2e_tmux resize-window -x 200 -y 50
e2e_wait "Notes: 3 on screen"
e2e_row 1 | grep -q "^A Test Paper  .*Notes: 3 on screen" ||
	e2e_fail "the notes are not a column on the right"
[ "$(row_of "The first claim")" = "$(row_of "[a] Alpha")" ] ||
	e2e_fail "note a is not level with its reference"
[ "$(row_of "good one")" = "$(row_of "[b] Beta")" ] ||
	e2e_fail "note b is not level with its reference"

# small terminals: the outline goes first, then the notes; no crash
e2e_keys t
e2e_wait "Outline"
e2e_tmux resize-window -x 50 -y 24
e2e_poll e2e_fits 50 || e2e_fail "rows wider than 50 columns"
e2e_wait "Notes: 2 on screen"
e2e_wait_gone "Outline"
e2e_tmux resize-window -x 20 -y 6
e2e_poll e2e_fits 20 || e2e_fail "rows wider than 20 columns"
e2e_tmux resize-window -x 80 -y 24
e2e_wait "Outline"
e2e_wait "Notes:"
e2e_keys q
e2e_wait_done 0
exit 0
