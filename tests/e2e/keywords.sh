#!/bin/sh
# K: the paper's keywords with their counts; Enter searches the chosen one and n/N walk it; Esc closes.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
top=$(e2e_row 1)
e2e_keys K
e2e_wait "Keywords"
e2e_screen | grep -q "│ outline  *3 │" || e2e_fail "outline is not counted 3"
e2e_screen | grep -q "│ 國際關係  *2 │" || e2e_fail "國際關係 is not counted 2 (with 国际关系)"
e2e_screen | grep -q "│ filler  *25 │" || e2e_fail "filler is not counted 25"
# Esc closes, nothing searched
e2e_keys Escape
e2e_wait_gone "Keywords"
e2e_wait_row 1 "$top"
e2e_lacks "/outline" || e2e_fail "Esc searched"
# choose the second keyword: a search for it, n and N walk its hits
e2e_keys K j Enter
e2e_wait_gone "Keywords"
e2e_wait "/國際關係 1/2"
e2e_keys n
e2e_wait "/國際關係 2/2"
e2e_keys N
e2e_wait "/國際關係 1/2"
# the corpus: 000's keyword list, each found in the text
f=$(ls "$E2E_CORPUS"/000_*.txt)
e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_wait "line "
e2e_keys K
e2e_wait "Keywords"
e2e_has "中美关系" || e2e_fail "000's keyword 中美关系 is not listed"
e2e_screen | grep "│ " | grep -q " 0 │" && e2e_fail "a keyword of 000 is counted 0"
e2e_keys Enter
e2e_wait "/美国外交政策 1/"
e2e_keys q
e2e_wait_done 0
exit 0
