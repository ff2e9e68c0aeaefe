#!/bin/sh
# Resizing reflows the text to the new width at once and keeps the same text at the top.
. "$(dirname "$0")/lib.sh" "$@"

f=$(ls "$E2E_CORPUS"/002_*.txt)
"$E2E_BIN" --dump --width 79 "$f" | sed 's/ *$//' >"$E2E_TMP/d79"
"$E2E_BIN" --dump --width 49 "$f" | sed 's/ *$//' >"$E2E_TMP/d49"

e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_notes_off
e2e_wait_row 1 "$(sed -n 1p "$E2E_TMP/d79")"
# scroll into the body text, to a row that is not a blank spacer
i=1
while :; do
	e2e_keys j
	i=$((i + 1))
	e2e_wait_row 1 "$(sed -n "${i}p" "$E2E_TMP/d79")"
	[ "$i" -ge 12 ] && [ -n "$(e2e_row 1)" ] && break
done
top=$(e2e_row 1)
head=$(printf '%s' "$top" | sed 's/^ *//' | cut -c1-3)

e2e_tmux resize-window -x 50 -y 20
e2e_poll e2e_fits 50 || e2e_fail "rows wider than 50 after the resize"
e2e_wait "$head"
new=$(e2e_row 1)
[ -n "$new" ] || e2e_fail "blank top row after the resize"
grep -qxF -- "$new" "$E2E_TMP/d49" ||
	e2e_fail "top row is not a line of the 49-column layout: $new"
two=$(e2e_screen | sed -n '1,2p' | tr -d '\n ')
case $two in
*"$(printf '%s' "$head" | tr -d ' ')"*) ;;
*) e2e_fail "the text at the top moved: '$head' not at the top" ;;
esac
e2e_row 20 | grep -q "line [0-9]" || e2e_fail "no status line on row 20"

# back to 80 columns: exactly the same top row as before
e2e_tmux resize-window -x 80 -y 24
e2e_wait_row 1 "$top"

# a tiny terminal shows a note and survives; the text comes back after it
e2e_tmux resize-window -x 10 -y 3
e2e_wait "terminal"
e2e_tmux resize-window -x 1 -y 1
sleep 0.3
e2e_tmux resize-window -x 80 -y 24
e2e_wait_row 1 "$top"
e2e_keys q
e2e_wait_done 0
exit 0
