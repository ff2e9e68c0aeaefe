#!/bin/sh
# : goes to a source line or a percentage (a jump), { and } to the previous and next heading.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
e2e_keys F
e2e_wait_gone "Notes:"
top=$(e2e_row 1)
# line 39 of the source is the Details heading
e2e_keys :
e2e_wait_row 24 ":"
e2e_keys 3 9 Enter
e2e_wait_row 1 "（一）Details"
e2e_wait "line 39"
# a percentage of the source's lines: 90% is past the last filler
e2e_keys : 9 0 % Enter
e2e_wait "三、Results"
# nonsense is refused with a word, and nothing moves
e2e_keys : x y Enter
e2e_wait "a percentage (40%) or a line number"
e2e_has "三、Results" || e2e_fail "a bad go-to moved"
# Esc in the prompt goes nowhere
e2e_keys : 1 Escape
e2e_wait_gone ":1"
e2e_has "三、Results" || e2e_fail "a cancelled go-to moved"
# both were jumps: back twice to the start
e2e_keys BSpace
e2e_wait_row 1 "（一）Details"
e2e_keys BSpace
e2e_wait_row 1 "$top"
# } and { walk the headings
e2e_keys '}'
e2e_wait_row 1 "一、Introduction"
e2e_keys '}'
e2e_wait_row 1 "二、Method"
e2e_keys '}'
e2e_wait_row 1 "（一）Details"
e2e_keys '{'
e2e_wait_row 1 "二、Method"
e2e_keys '{' '{'
e2e_wait_row 1 "$top"
e2e_keys '{'
e2e_wait "No heading before this"
e2e_keys q
e2e_wait_done 0
exit 0
