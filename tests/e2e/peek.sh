#!/bin/sh
# p peeks at the selected reference's note in a popup; Esc closes it and nothing moved; an unlinked reference says so.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
e2e_keys F
e2e_wait_gone "Notes:"
e2e_screen >"$E2E_TMP/before"
# p with nothing selected peeks at the first reference on screen
e2e_keys p
e2e_wait "Note a"
e2e_has "Alpha note text." || e2e_fail "the popup lacks the note"
e2e_screen | grep -q "┌.*Note a.*┐" || e2e_fail "the popup has no frame"
e2e_lacks "Notes:" || e2e_fail "peeking opened the notes pane"
e2e_keys Escape
e2e_wait_gone "Note a"
e2e_screen | cmp -s - "$E2E_TMP/before" || e2e_fail "something moved while peeking"
# ] ] ] from the first reference (the peek selected it): the one without a note
e2e_keys ']' ']' ']'
e2e_wait "Reference 9 has no note in the text"
e2e_keys p
e2e_wait "Reference 9 has no note in the text"
e2e_lacks "┌" || e2e_fail "a popup for a missing note"
e2e_keys ']' p
e2e_wait "Note b"
e2e_has "Beta note text." || e2e_fail "the popup lacks note b"
e2e_keys p
e2e_wait_gone "Note b"
# Enter on the unlinked reference says so too, and stays
e2e_keys '[' Enter
e2e_wait "Reference 9 has no note in the text"
e2e_lacks "[notes]" || e2e_fail "Enter on an unlinked reference moved the focus"
e2e_keys q
e2e_wait_done 0
exit 0
