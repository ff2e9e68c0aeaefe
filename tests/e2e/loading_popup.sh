#!/bin/sh
# A popup open while a large file loads stays open when the whole file replaces the part read: the keyword index marks its counts as partial ("+") until then, then shows whole counts with the cursor on the same word; a peeked note stays shown.
. "$(dirname "$0")/lib.sh" "$@"

# ~95 MB of corpus: the first paper's keywords recur in every copy
big=$E2E_TMP/big.txt
e2e_corpus_times 200 >"$big"
f0=$(ls "$E2E_CORPUS"/[0-9]*.txt | head -n 1)
first=$(e2e_dump_line 79 "$f0" 1)

# the count at the end of the keyword index's row of word $1
count_of() {
	e2e_screen | grep "^│ $1 " | sed 's/.* \([0-9][0-9]*+\{0,1\}\) │$/\1/'
}
partial() {
	count_of "$word" | grep -q '^[0-9][0-9]*+$'
}

e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait_row 1 "$first"
e2e_keys K
e2e_wait "Keywords"
# the second keyword of the index, the cursor moved onto it
word=$(e2e_screen | grep "^│ " | sed -n '2s/^│ \(.*[^ ]\)  *[0-9…][0-9]*+\{0,1\} │$/\1/p')
[ -n "$word" ] || e2e_fail "no second keyword in the index"
e2e_keys j
E2E_TIMEOUT=2 e2e_poll partial ||
	e2e_fail "a count made while loading is not marked partial"
e2e_wait_gone "loading"
e2e_has "Keywords" || e2e_fail "the keyword index closed when the load ended"
whole() {
	count_of "$word" | grep -q '^[0-9][0-9]*$'
}
e2e_poll whole || e2e_fail "the loaded doc's count is still partial"
n=$(count_of "$word")
[ "$n" -ge 200 ] || e2e_fail "$word counted $n times in 200 copies"
# the cursor is still on the word: Enter searches for it
e2e_keys Enter
e2e_wait "/$word 1/$n"
e2e_keys q
e2e_wait_done 0

# a note peeked at while loading is still shown once loaded
e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait_row 1 "$first"
e2e_keys ] p
e2e_wait "Note "
title=$(e2e_screen | grep -o "Note [^ ]*  (Esc closes)")
e2e_wait_gone "loading"
e2e_has "$title" || e2e_fail "the peeked note closed when the load ended"
e2e_keys Escape q
e2e_wait_done 0
exit 0
