#!/bin/sh
# Search: incremental with i/N, every hit highlighted, n/N, ? backward, Esc returns, hits across a wrap and in notes.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
top=$(e2e_row 1)
# as the query is typed the count follows it; smart case: Fill is exact
e2e_keys / F
e2e_wait "1/26"
e2e_keys i l l
e2e_wait_row 24 "/Fill                                                                      1/24"
# every hit on screen is highlighted, the current one apart (colour pairs)
e2e_tmux capture-pane -p -e >"$E2E_TMP/esc"
grep -q "$(printf '\033')\\[41mFill" "$E2E_TMP/esc" || e2e_fail "the current hit is not marked"
e2e_keys Enter
e2e_wait "/Fill 1/24"
e2e_keys n
e2e_wait "/Fill 2/24"
e2e_tmux capture-pane -p -e >"$E2E_TMP/esc"
grep -q "$(printf '\033')\\[43mFill" "$E2E_TMP/esc" || e2e_fail "other hits are not marked"
grep -q "$(printf '\033')\\[41mFill" "$E2E_TMP/esc" || e2e_fail "the current hit is not marked"
e2e_keys N N
e2e_wait "/Fill 24/24"
e2e_has "Search hit the start" || e2e_fail "no word that the search went round"
e2e_has "Filler paragraph 24" || e2e_fail "the last hit is not on screen"
e2e_keys n
e2e_wait "/Fill 1/24"
e2e_wait "Search hit the end"
e2e_keys g
e2e_wait_row 1 "$top"
# lower case matches any case
e2e_keys / f i l l e r Enter
e2e_wait "/filler 1/25"
# Esc: back to where the prompt opened, the search before kept
e2e_keys / R e s u l t s
e2e_wait "三、Results"
e2e_keys Escape
e2e_wait_row 1 "$top"
e2e_wait "/filler 1/25"
# ? searches backward: from the top, the last hit first
e2e_keys ? F i l l Enter
e2e_wait "?Fill 24/24"
e2e_keys n
e2e_wait "?Fill 23/24"
e2e_keys N
e2e_wait "?Fill 24/24"
# a match across a soft line break ("ends" ends a row, "it." starts the next)
e2e_keys g / e n d s Space i t Enter
e2e_wait "/ends it 1/1"
# a hit in a note: the note shows with its reference, the hit marked there
e2e_keys / G a m m a Enter
e2e_wait "/Gamma 1/1"
e2e_wait "Later text mentions"
e2e_tmux capture-pane -p -e | grep -q "$(printf '\033')\\[41mGamma" ||
	e2e_fail "the hit in the note is not marked"
# Esc clears the search
e2e_keys Escape
e2e_wait_gone "/Gamma"
e2e_wait "Search cleared"
e2e_keys q
e2e_wait_done 0
exit 0
