#!/bin/sh
# The mouse: a click on a reference follows it, the wheel scrolls the pane under it, a click on an outline entry jumps.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
e2e_screen >"$E2E_TMP/s0"
[ "$(sed -n 7p "$E2E_TMP/s0" | cut -c16-18)" = "[a]" ] ||
	e2e_fail "the fixture moved: no [a] at row 7, column 16"
# a click beside the reference does nothing, on it follows it
e2e_click 7 5
sleep 0.2
e2e_lacks "[notes]" || e2e_fail "a click on plain text followed something"
e2e_click 7 17
e2e_wait "[notes]"
e2e_has "▌ [a] Alpha" || e2e_fail "the click did not reach note a"
# the wheel over the body scrolls it three lines
e2e_mouse 65 3 10
e2e_wait_row 1 "$(sed -n 4p "$E2E_TMP/s0")"
e2e_mouse 64 3 10
e2e_wait_row 1 "$(sed -n 1p "$E2E_TMP/s0")"
# a click on an outline entry puts its section at the top
e2e_keys t
e2e_wait "Outline"
e2e_row 4 | grep -q "二、Method" || e2e_fail "the outline moved: no Method on row 4"
e2e_click 4 8
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | head -n 1 | grep -q '│二、Method'" ||
	e2e_fail "the click on the outline did not jump"
e2e_keys q
e2e_wait_done 0
exit 0
