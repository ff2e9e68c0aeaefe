#!/bin/sh
# G while a large file loads shows its real end at once; the jump list, back and forward, is carried to the full doc.
. "$(dirname "$0")/lib.sh" "$@"

# ~95 MB: the corpus again and again, the last file last
big=$E2E_TMP/big.txt
e2e_corpus_times 200 >"$big"
last=$(ls "$E2E_CORPUS"/[0-9]*.txt | tail -n 1)
f0=$(ls "$E2E_CORPUS"/[0-9]*.txt | head -n 1)
first=$(e2e_dump_line 79 "$f0" 1)
a=$(e2e_dump_line 79 "$f0" 6)
end=$("$E2E_BIN" --dump --width 79 "$last" | sed -e 's/ *$//' | grep . | tail -n 1)
[ -n "$end" ] || e2e_fail "no last line in $last"

# the last paragraph and the "loading" status on one screen
end_while_loading() {
	_s=$(e2e_screen)
	printf '%s\n' "$_s" | grep -qF -- "$end" &&
	    printf '%s\n' "$_s" | grep -q "loading"
}

e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait_row 1 "$first"
e2e_keys j j j j j
e2e_wait_row 1 "$a"
e2e_keys G
E2E_TIMEOUT=2 e2e_poll end_while_loading ||
	e2e_fail "G did not show the end while loading"
e=$(e2e_row 1)
e2e_row 24 | grep -q "100%" || e2e_fail "the end is not at 100%"
# g goes back to the head; back and forward walk head and end alike
e2e_keys g
e2e_wait_row 1 "$first"
e2e_keys BSpace
e2e_wait_row 1 "$e"
e2e_keys BSpace
e2e_wait_row 1 "$a"
# (all of that before the full doc came: the list holds places in both)
e2e_has "loading" || e2e_fail "the file loaded too fast for this test"
# the full doc takes over: the same place, and every entry of the list
e2e_wait_gone "loading"
e2e_row_is 1 "$a" || e2e_fail "the full doc did not keep the place"
# (the end, taller with no notes band, may start a line or two before e)
e2e_keys C-n
e2e_wait "$end"
e2e_keys C-n
e2e_wait_row 1 "$first"
e2e_keys BSpace
e2e_wait "$end"
e2e_keys BSpace
e2e_wait_row 1 "$a"
e2e_keys BSpace
e2e_wait "No earlier jump"
e2e_keys q
e2e_wait_done 0
exit 0
