#!/bin/sh
# A search whose only hit is at the end of a large file shows it while the file loads, and keeps it when the full doc arrives.
. "$(dirname "$0")/lib.sh" "$@"

# ~95 MB of corpus, then a paragraph with a word found nowhere else; a
# paragraph in the middle has another
word=Zqxwvkend
mid=Mqzvxmid
big=$E2E_TMP/big.txt
e2e_corpus_times 200 100 "$mid" >"$big"
printf '\n\nThe closing %s paragraph of this file.\n' "$word" >>"$big"
f0=$(ls "$E2E_CORPUS"/[0-9]*.txt | head -n 1)
first=$(e2e_dump_line 79 "$f0" 1)

# the hit's paragraph and the "loading" status on one screen
hit_while_loading() {
	_s=$(e2e_screen)
	printf '%s\n' "$_s" | grep -q "closing $word paragraph" &&
	    printf '%s\n' "$_s" | grep -q "/$word 1/1  loading"
}

e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait_row 1 "$first"
e2e_keys / $word Enter
E2E_TIMEOUT=2 e2e_poll hit_while_loading ||
	e2e_fail "the hit at the end was not shown while loading"
e2e_lacks "Pattern not found" || e2e_fail "said not found while loading"
e2e_has "/$word 1/1" || e2e_fail "the hit is not the current one"
# the full doc keeps the hit on screen and current
e2e_wait_gone "loading"
e2e_has "closing $word paragraph" || e2e_fail "the full doc lost the hit"
e2e_has "/$word 1/1" || e2e_fail "the full doc lost the current hit"
# back returns to where the search started
e2e_keys BSpace
e2e_wait_row 1 "$first"

e2e_keys q
e2e_wait_done 0

# a word in neither the head nor the end: the search waits, then finds
e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait_row 1 "$first"
e2e_keys / $mid Enter
e2e_wait "(file still loading)"
e2e_lacks "Pattern not found" || e2e_fail "said not found while loading"
e2e_row_is 1 "$first" || e2e_fail "a waiting search moved the view"
e2e_wait "middle $mid paragraph"
e2e_has "Found in the rest of the file" ||
	e2e_fail "the user was not told where the hit came from"
e2e_has "/$mid 1/1" || e2e_fail "the hit is not the current one"
e2e_keys BSpace
e2e_wait_row 1 "$first"
e2e_keys q
e2e_wait_done 0
exit 0
