#!/bin/sh
# Colours: terminal defaults plus a few pairs, 8-colour terminals too; NO_COLOR and monochrome terminals get attributes only.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
esc=$(printf '\033')
# Any explicit foreground or background colour on the screen.
coloured() {
	e2e_tmux capture-pane -p -e | grep -q "$esc\\[[34][0-7]m"
}
# Wait for the first screen, search "Fill" and keep the screen with escapes.
shot() {
	e2e_wait "Notes: 2 on screen"
	e2e_keys / F i l l Enter
	e2e_wait "/Fill 1/24"
	e2e_tmux capture-pane -p -e >"$E2E_TMP/$1"
	e2e_keys q
	e2e_wait_done 0
}

e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
shot colour
grep -q "$esc\\[1m$esc\\[33m\\[a\\]" "$E2E_TMP/colour" ||
	e2e_fail "references are not in colour"
grep -q "$esc\\[[34][0-7]m" "$E2E_TMP/colour" || e2e_fail "no colours at all"

# 8 colours (TERM=xterm): still coloured
e2e_start 80 24 "TERM=xterm \"$E2E_BIN\" \"$E2E_TMP/paper.md\""
shot xterm
grep -q "$esc\\[[34][0-7]m" "$E2E_TMP/xterm" || e2e_fail "no colours on an 8-colour terminal"

# NO_COLOR: reverse video for references and hits, no colour anywhere
e2e_start 80 24 "NO_COLOR=1 \"$E2E_BIN\" \"$E2E_TMP/paper.md\""
shot nocolor
grep -q "$esc\\[[34][0-7]m" "$E2E_TMP/nocolor" && e2e_fail "a colour under NO_COLOR"
grep -q "$esc\\[7m\\[a\\]" "$E2E_TMP/nocolor" || e2e_fail "references do not stand out"
grep -q "$esc\\[1;4;7mFill" "$E2E_TMP/nocolor" ||
	e2e_fail "the current hit does not stand out"

# a monochrome terminal: the same
e2e_start 80 24 "TERM=vt100 \"$E2E_BIN\" \"$E2E_TMP/paper.md\""
shot mono
grep -q "$esc\\[[34][0-7]m" "$E2E_TMP/mono" && e2e_fail "a colour on a monochrome terminal"
grep -q "Fill" "$E2E_TMP/mono" || e2e_fail "nothing drawn on a monochrome terminal"
exit 0
