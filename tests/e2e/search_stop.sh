#!/bin/sh
# A move while a search still seeks its hit (searching...) stops it: Ctrl-O stays where the search started, and the hit found later does not take the reader away; n goes on.
. "$(dirname "$0")/lib.sh" "$@"

# ~95 MB of corpus, then a word found nowhere else
word=Zqxwvstopend
big=$E2E_TMP/big.txt
e2e_corpus_times 200 >"$big"
printf '\n\nThe closing %s paragraph.\n' "$word" >>"$big"

e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait "big.txt"
E2E_TIMEOUT=30 e2e_wait_gone "loading"
e2e_keys : 300 Enter
e2e_wait "line 2"
e2e_settle
top=$(e2e_row 1)
# typed at once: Enter, then back before the end is reached
e2e_keys / $word Enter C-o
e2e_wait "Search stopped here"
sleep 2
e2e_row_is 1 "$top" || e2e_fail "the search went on after back"
e2e_lacks "closing $word" || e2e_fail "the hit took the reader away"
# the search is still there: n finds the hit
e2e_keys n
e2e_wait "closing $word"
e2e_keys q
e2e_wait_done 0
exit 0
