#!/bin/sh
# While a large file loads, the top is at 0% of it, :50% says it is not read yet, as does the count of all notes, a search's count is marked as partial ("+") and one backward from the top wraps to the end of the file, a word not in the part read is "none yet", not "not found", and no message about the loading outlives it.
. "$(dirname "$0")/lib.sh" "$@"

# ~95 MB of corpus with a word in the middle only
mid=Mqzvxcountmid
big=$E2E_TMP/big.txt
e2e_corpus_times 200 100 "$mid" >"$big"
f0=$(ls "$E2E_CORPUS"/[0-9]*.txt | head -n 1)
first=$(e2e_dump_line 79 "$f0" 1)
# a word the first paper has many times: a count that is a lower bound
word=美国

partial_prompt() {
	e2e_screen | grep -q "^/$word  *1/[0-9][0-9]*+ *\$"
}
partial_status() {
	e2e_screen | grep -q "/$word 1/[0-9][0-9]*+  loading"
}

# the top of the file while it loads: not a percentage of its beginning
top_pct() {
	e2e_row 24 | grep -q "loading.*line [0-9]*\(  0%\)\{0,1\}\$"
}

e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait_row 1 "$first"
E2E_TIMEOUT=2 e2e_poll top_pct ||
	e2e_fail "the top of a loading file is not at 0%"
# half way is not read yet: said, and the view stays
e2e_keys : 50% Enter
e2e_wait "Still loading there"
e2e_row_is 1 "$first" || e2e_fail ":50% while loading moved the view"
# all the notes: only those read so far
e2e_keys =
e2e_wait "Notes: all those read so far"
e2e_has "read so far (= follows)" || e2e_fail "the notes' count is not partial"
e2e_keys =
e2e_wait "on screen (= shows all)"
e2e_keys / "$word"
E2E_TIMEOUT=2 e2e_poll partial_prompt ||
	e2e_fail "the prompt's count while loading is not marked partial"
e2e_keys Enter
E2E_TIMEOUT=2 e2e_poll partial_status ||
	e2e_fail "the status's count while loading is not marked partial"
# a word the head lacks: not said to be missing while the rest loads
e2e_keys / $mid
e2e_wait "none yet (loading)"
e2e_lacks "not found" || e2e_fail "said not found while loading"
e2e_keys Escape
e2e_wait_gone "none yet"
e2e_wait_gone "loading"
# the whole count, without the mark
e2e_screen | tail -n 1 | grep -q "/$word [0-9][0-9]*/[0-9][0-9]* " ||
	e2e_fail "the loaded doc's count is not whole"
e2e_keys q
e2e_wait_done 0

# backward from the top: the last hit of the file (in its end, read
# apart), or a wait for the rest, not the last hit of the beginning
e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait_row 1 "$first"
e2e_keys ? "$word" Enter
last_or_wait() {
	e2e_row 24 | grep -q "?$word \([0-9][0-9]*\)/\1  loading" ||
	    e2e_has "(file still loading)"
}
E2E_TIMEOUT=2 e2e_poll last_or_wait ||
	e2e_fail "a backward search wrapped within the beginning"
e2e_keys q
e2e_wait_done 0

# G: the end, and a message that the middle is loading, gone once loaded
e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_keys G	# read as soon as the first screen is up
e2e_wait "big.txt"
seen_or_loaded() {
	e2e_has "middle still loading" || e2e_lacks "loading"
}
e2e_poll seen_or_loaded || e2e_fail "G showed nothing"
# (on a fast machine the load may end before G is read: nothing to see)
e2e_wait_gone "loading"
e2e_has "line " || e2e_fail "no status line"
e2e_keys q
e2e_wait_done 0
exit 0
