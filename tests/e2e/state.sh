#!/bin/sh
# Reading positions: quitting saves the place under $XDG_STATE_HOME/scholia, the next open restores it; a changed file starts over.
. "$(dirname "$0")/lib.sh" "$@"

f=$E2E_TMP/paper.txt
cp "$(ls "$E2E_CORPUS"/002_*.txt)" "$f"
first=$(e2e_dump_line 79 "$f" 1)
e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_wait_row 1 "$first"
e2e_lacks "Back where you left off" || e2e_fail "a first open claims a saved place"
e2e_keys : 5 0 % Enter
e2e_wait_gone "$first"
e2e_keys j j
e2e_settle
top=$(e2e_row 1)
e2e_keys q
e2e_wait_done 0
[ -s "$XDG_STATE_HOME/scholia/positions" ] || e2e_fail "no positions file"
[ "$(ls -A "$XDG_STATE_HOME/scholia")" = positions ] ||
	e2e_fail "left over files: $(ls -A "$XDG_STATE_HOME/scholia")"
grep -qF "$(realpath "$f")" "$XDG_STATE_HOME/scholia/positions" ||
	e2e_fail "the file is not in the positions"

# the next open: the same row at the top, and a word saying so
e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_wait "Back where you left off"
e2e_wait_row 1 "$top"
# resized in between, the same text is still at the top (the anchor is text)
e2e_keys q
e2e_wait_done 0
e2e_start 60 20 "\"$E2E_BIN\" \"$f\""
e2e_wait "Back where you left off"
head=$(printf '%s' "$top" | sed 's/^ *//' | cut -c1-6)
e2e_screen | sed -n 1,2p | tr -d '\n ' | grep -qF -- "$(printf '%s' "$head" | tr -d ' ')" ||
	e2e_fail "a narrower terminal does not start at the saved text"
e2e_keys q
e2e_wait_done 0

# a file that changed since is opened at its start
printf '\nOne more line.\n' >>"$f"
e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_wait_row 1 "$first"
e2e_lacks "Back where you left off" || e2e_fail "a changed file got its old place"
e2e_keys q
e2e_wait_done 0
exit 0
