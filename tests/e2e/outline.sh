#!/bin/sh
# The outline: headings by level, the section being read marked as the body scrolls, folding, Enter jumps.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
top=$(e2e_row 1)
body_top_is() {
	e2e_row 1 | grep -q "│$1\$"
}
e2e_keys t
e2e_wait "Outline"
e2e_row 2 | grep -q "^  A Test Paper" || e2e_fail "the title is not the first entry"
# the section read is the one a third of the way down the body
e2e_row 3 | grep -q "^▶   一、Intro" || e2e_fail "the first section is not marked"
e2e_row 5 | grep -q "^      （一）Details" || e2e_fail "subsections are not indented further"
# scrolling the body moves the mark
e2e_keys '}' '}'
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | grep -q '^▶     （一）Details'" ||
	e2e_fail "the mark did not follow to the Details section"
e2e_keys G
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | grep -q '^▶   三、Results'" ||
	e2e_fail "the mark did not follow to the end"
# - folds the deepest level away, + brings it back
e2e_keys -
e2e_wait_gone "Details"
e2e_wait "Outline: 2 levels"
e2e_keys +
e2e_wait "Details"
# focus the outline, walk to an entry, Enter puts its section at the top
e2e_keys g BTab
e2e_wait "[outline]"
e2e_poll body_top_is "$top" || e2e_fail "g did not go to the top"
e2e_keys g j j j
e2e_keys Enter
e2e_wait_gone "[outline]"
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | head -n 1 | grep -q '│（一）Details'" ||
	e2e_fail "Enter did not put the section at the top"
e2e_has "▶     （一）Details" || e2e_fail "the entry jumped to is not marked"
e2e_has "paper.md · （一）Details" || e2e_fail "the status does not name the section"
# the jump is in the jump list
e2e_keys BSpace
e2e_poll body_top_is "$top" || e2e_fail "back did not return to the top"
e2e_keys q
e2e_wait_done 0
exit 0
