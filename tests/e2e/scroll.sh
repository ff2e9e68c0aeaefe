#!/bin/sh
# Scrolling through corpus file 002: line, page, half page, end and start.
. "$(dirname "$0")/lib.sh" "$@"

f=$(ls "$E2E_CORPUS"/002_*.txt)
"$E2E_BIN" --dump --width 79 "$f" | sed 's/ *$//' >"$E2E_TMP/dump"
[ "$(wc -l <"$E2E_TMP/dump")" -gt 60 ] || e2e_fail "002 dumps too little"

# The body (rows 1-23) as it is now.
body() {
	e2e_screen | sed 23q
}
# Row N of a saved body.
row_of() {
	sed -n "$2p" "$E2E_TMP/$1"
}
# Every row shown is a line of the dump at the same width.
rows_in_dump() {
	body | grep -v '^$' | while IFS= read -r r; do
		grep -qxF -- "$r" "$E2E_TMP/dump" || { echo "not in dump: $r"; exit 1; }
	done || e2e_fail "a row is not laid out as the dump lays it out"
}

e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_notes_off
e2e_wait_row 1 "$(sed -n 1p "$E2E_TMP/dump")"
rows_in_dump
body >"$E2E_TMP/s0"

# j moves everything up one row; k moves it back
e2e_keys j
e2e_wait_row 1 "$(row_of s0 2)"
e2e_wait_row 22 "$(row_of s0 23)"
e2e_keys Down
e2e_wait_row 1 "$(row_of s0 3)"
e2e_keys k
e2e_wait_row 1 "$(row_of s0 2)"
e2e_keys Up
e2e_wait_row 1 "$(row_of s0 1)"

# a page is the body's 23 rows: the row above the new top is the old bottom
top_moved() {
	! e2e_row_is 1 "$(row_of s0 1)"
}
e2e_keys Space
e2e_poll top_moved || e2e_fail "Space did not scroll"
body >"$E2E_TMP/s1"
rows_in_dump
e2e_keys k
e2e_wait_row 1 "$(row_of s0 23)"
e2e_keys j b
e2e_wait_row 1 "$(row_of s0 1)"
e2e_keys NPage
e2e_wait_row 1 "$(row_of s1 1)"
e2e_keys PPage
e2e_wait_row 1 "$(row_of s0 1)"
e2e_keys f
e2e_wait_row 1 "$(row_of s1 1)"
e2e_keys b

# half a page is 11 rows
e2e_wait_row 1 "$(row_of s0 1)"
e2e_keys d
e2e_wait_row 1 "$(row_of s0 12)"
e2e_keys u
e2e_wait_row 1 "$(row_of s0 1)"

# G: the end at 100%, and no scrolling past it
e2e_keys G
e2e_wait "100%"
rows_in_dump
body >"$E2E_TMP/end"
[ -n "$(row_of end 23)" ] || e2e_fail "the last row of the body is empty at the end"
e2e_keys j
e2e_keys Space
sleep 0.2
body | cmp -s - "$E2E_TMP/end" || e2e_fail "scrolled past the end"
e2e_keys k
e2e_wait_row 2 "$(row_of end 1)"

# g and Home: back to the start
e2e_keys g
e2e_wait_row 1 "$(row_of s0 1)"
body | cmp -s - "$E2E_TMP/s0" || e2e_fail "g does not show the first screen"
e2e_keys End
e2e_wait "100%"
e2e_keys Home
e2e_wait_row 1 "$(row_of s0 1)"
e2e_keys q
e2e_wait_done 0
exit 0
