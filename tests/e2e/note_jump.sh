#!/bin/sh
# Notes both ways: ] and Enter to a note, Enter cycling its references, back and forward several levels.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
top=$(e2e_row 1)
# ] selects the first reference on screen, Enter follows it to its note
e2e_keys ']'
e2e_keys Enter
e2e_wait "[notes]"
e2e_has "▌ [a] Alpha note text." || e2e_fail "note a is not the one marked"
# Enter on the note: its references in turn, the last one further down
e2e_keys Enter
e2e_wait "Reference 1 of 4"
e2e_keys Enter
e2e_wait "Reference 2 of 4"
e2e_keys Enter
e2e_wait "Reference 3 of 4"
e2e_row_is 1 "$top" || e2e_fail "the body moved for a reference on screen"
e2e_keys Enter
e2e_wait "Reference 4 of 4"
e2e_wait "Later text mentions"
e2e_lacks "$top" || e2e_fail "the body did not scroll to the fourth reference"
e2e_keys Enter
e2e_wait "Reference 1 of 4"
e2e_wait "The first claim"
e2e_keys Enter Enter Enter
e2e_wait "Reference 4 of 4"
e2e_keys q
e2e_wait_done 0

# Several levels of jumps, back and forward, each checked by the top row.
# (a fresh state: the first run saved where it quit)
e2e_start 80 24 "XDG_STATE_HOME=$E2E_TMP/s2 \"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
r0=$(e2e_row 1)
e2e_keys ']' Enter
e2e_wait "[notes]"
e2e_keys : 2 5 % Enter
e2e_wait_gone "[notes]"
e2e_wait_gone "Alpha note"
# no reference on this screen: ] selects the next one, c, scrolling to it
e2e_keys ']'
e2e_wait "Later text mentions"
e2e_settle
r2=$(e2e_row 1)
e2e_keys Enter
e2e_wait "▌ [c] Gamma"
e2e_keys Tab G
e2e_wait "100%"
e2e_keys BSpace
e2e_wait_row 1 "$r2"
e2e_lacks "[notes]" || e2e_fail "back to the body left the focus on the notes"
e2e_keys C-o
e2e_wait "[notes]"
e2e_wait "▌ [a] Alpha"
e2e_has "The first claim" || e2e_fail "back to note a without its reference"
e2e_keys BSpace
e2e_wait_row 1 "$r0"
e2e_keys BSpace
e2e_wait "No earlier jump"
e2e_keys C-n
e2e_wait "▌ [a] Alpha"
e2e_keys C-n
e2e_wait_row 1 "$r2"
e2e_keys C-n
e2e_wait "100%"
e2e_keys C-n
e2e_wait "No later jump"
e2e_keys q
e2e_wait_done 0
exit 0
