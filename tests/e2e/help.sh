#!/bin/sh
# h and F1 show the key table; q or h return to the same place in the text.
. "$(dirname "$0")/lib.sh" "$@"

f=$(ls "$E2E_CORPUS"/002_*.txt)
e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_notes_off
e2e_wait_row 1 "$(e2e_dump_line 79 "$f" 1)"
e2e_keys j j j
e2e_wait_row 1 "$(e2e_dump_line 79 "$f" 4)"
top=$(e2e_row 1)
e2e_keys h
e2e_wait "scholia keys"
e2e_has "Scroll down one line." || e2e_fail "help lacks descriptions"
# the list is longer than the screen: page through it to its footer
e2e_screen >"$E2E_TMP/help"
e2e_keys Space
e2e_wait "Press q or h to return"
e2e_lacks "scholia keys" || e2e_fail "the help did not scroll"
e2e_screen >>"$E2E_TMP/help"
for k in "j, Down" "Space, PgDn, f" "g, Home" "G, End" "{ " "} " ": " \
    "Tab " "Shift-Tab" "t " "F " "= " "] " "[ " "Enter, KP-Enter" "p " \
    "Backspace, Ctrl-H, Ctrl-O" "Ctrl-N" "/ " "? " "n " "N " "K " "- " \
    "+ " "Esc" "Ctrl-L" "h, F1" "q "; do
	grep -qF -- "  $k" "$E2E_TMP/help" || e2e_fail "help lacks the key $k"
done
e2e_keys g
e2e_wait "scholia keys"
e2e_keys q
e2e_wait_row 1 "$top"
e2e_keys F1
e2e_wait "scholia keys"
e2e_keys h
e2e_wait_row 1 "$top"
# an unbound key says where help is, and the next key clears it
e2e_keys x
e2e_wait "Unknown key"
e2e_keys C-l
e2e_wait_gone "Unknown key"
e2e_wait_row 1 "$top"
e2e_keys q
e2e_wait_done 0
exit 0
