#!/bin/sh
# Resizing with the notes pane (below, then a column, then below again) keeps the same sentence at the top.
. "$(dirname "$0")/lib.sh" "$@"

f=$(ls "$E2E_CORPUS"/000_*.txt)
e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_wait "Notes:"
e2e_keys : 4 0 % Enter
e2e_wait "line "
e2e_keys j j j
e2e_settle
# a top row with text in it
while [ -z "$(e2e_row 1)" ]; do
	e2e_keys j
	e2e_settle
done
top=$(e2e_row 1)
head=$(printf '%s' "$top" | sed 's/^ *//' | cut -c1-4)
# the head of the old top row is on one of the first two rows
head_on_top() {
	e2e_screen | sed -n 1,2p | cut -c1-"$1" | tr -d '\n ' |
	    grep -qF -- "$(printf '%s' "$head" | tr -d ' ')"
}
for size in "120 40" "200 50" "60 20" "140 30" "30 10" "80 24"; do
	c=${size% *}
	e2e_tmux resize-window -x "$c" -y "${size#* }"
	e2e_poll e2e_fits "$c" || e2e_fail "rows wider than $c columns"
	e2e_poll head_on_top "$c" || e2e_fail "at $size the top is no longer: $head"
done
e2e_wait_row 1 "$top"
e2e_keys q
e2e_wait_done 0
exit 0
