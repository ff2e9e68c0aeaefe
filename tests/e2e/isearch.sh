#!/bin/sh
# Incremental search on a large file: typed from the middle, the next hit after the reading place shows first, then the right count; n goes on and round.
. "$(dirname "$0")/lib.sh" "$@"

# ~30 MB of corpus text with a word in three paragraphs: a quarter, five
# eighths and seven eighths of the way in
word=Zqvkword
big=$E2E_TMP/big.txt
i=0
while [ $i -lt 64 ]; do
	cat "$E2E_CORPUS"/[0-9]*.txt
	[ $i -eq 16 ] && printf '\n\nThe %s alpha paragraph.\n\n' "$word"
	[ $i -eq 40 ] && printf '\n\nThe %s beta paragraph.\n\n' "$word"
	[ $i -eq 56 ] && printf '\n\nThe %s gamma paragraph.\n\n' "$word"
	i=$((i + 1))
done >"$big"

e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait "big.txt"
# the whole file, then the middle of it
E2E_TIMEOUT=30 e2e_poll sh -c "! tmux -L $E2E_SOCK capture-pane -p | tail -n 1 | grep -q loading" ||
	e2e_fail "the file did not finish loading"
e2e_keys : 5 0 % Enter
e2e_wait " 50%"
# typed from there: beta first, the count right once all is scanned
e2e_keys / Z q v k w o r d
e2e_wait "$word beta paragraph"
e2e_lacks "$word alpha" || e2e_fail "a hit before the reading place came first"
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | sed -n 24p | grep -q '^/$word  *2/3 *\$'" ||
	e2e_fail "the prompt does not show the hit as the second of three"
e2e_keys Enter
e2e_wait "/$word 2/3"
e2e_keys n
e2e_wait "$word gamma paragraph"
e2e_wait "/$word 3/3"
e2e_keys n
e2e_wait "$word alpha paragraph"
e2e_wait "/$word 1/3"
e2e_has "Search hit the end" || e2e_fail "no word that the search went round"
# backward from the middle again: alpha, the one before
e2e_keys : 5 0 % Enter
e2e_wait " 50%"
e2e_keys ? Z q v k w o r d Enter
e2e_wait "$word alpha paragraph"
e2e_wait "?$word 1/3"
# a word found nowhere: not found once all is scanned, the view stays
e2e_keys / Q z q x y v Enter
e2e_wait "Pattern not found"
e2e_keys q
e2e_wait_done 0
exit 0
