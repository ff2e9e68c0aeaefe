#!/bin/sh
# The notes pane follows the reading: the notes of the references on screen; = shows all notes.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
e2e_has "[a] Alpha note text." || e2e_fail "note a not shown"
# scroll until the first references are gone: their notes go too
e2e_keys d d
e2e_wait "Notes: 0 on screen"
e2e_lacks "Alpha note" || e2e_fail "a note stayed after its reference left"
# with none to show the band keeps only its title; the body takes its rows
e2e_settle
e2e_row 23 | grep -q "Notes: 0 on screen" ||
	e2e_fail "the empty notes band kept its height"
# a line at a time until a note comes: the body's top never jumps
i=0
while e2e_has "Notes: 0 on screen"; do
	r2=$(e2e_row 2)
	e2e_keys j
	e2e_settle
	e2e_row_is 1 "$r2" || e2e_fail "the body jumped as the notes band changed"
	i=$((i + 1))
	[ $i -lt 40 ] || e2e_fail "no note came back after 40 lines"
done
e2e_row 23 | grep -q "Notes: " && e2e_fail "the notes band did not grow back"
e2e_has "Notes: 1 on screen" || e2e_has "Notes: 2 on screen" ||
	e2e_fail "no note shown when its reference came"
# down to the Method section: notes c and a, in the order referred to
e2e_keys '}'
e2e_wait "二、Method"
e2e_keys '}'
e2e_wait "Notes: 2 on screen"
e2e_has "[c] Gamma" || e2e_fail "note c not shown"
c=$(e2e_screen | grep -nF "[c] Gamma" | cut -d: -f1)
a=$(e2e_screen | grep -nF "[a] Alpha" | cut -d: -f1)
[ "$c" -lt "$a" ] || e2e_fail "notes not in the order of their references"
# = : all the notes of the document, scrollable; = again follows
e2e_keys =
e2e_wait "Notes: all 3"
e2e_has "[b] Beta" || e2e_fail "all notes lack b"
e2e_keys =
e2e_wait "Notes: 2 on screen"
e2e_lacks "[b] Beta" || e2e_fail "following still shows b"
# the corpus: 002's notes follow its bracketed references
f=$(ls "$E2E_CORPUS"/002_*.txt)
e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_wait "Notes: 1 on screen"
e2e_keys : 3 0 % Enter
e2e_wait "line 5"
e2e_screen >"$E2E_TMP/s"
# every note shown has its label among the references in the body above
t=$(grep -n "Notes: " "$E2E_TMP/s" | cut -d: -f1)
head -n "$((t - 1))" "$E2E_TMP/s" >"$E2E_TMP/body"
sed -n "$((t + 1)),\$p" "$E2E_TMP/s" | grep -o '^[^[]\{0,3\}\[[0-9]*\]' |
    grep -o '\[[0-9]*\]' >"$E2E_TMP/labels"
[ -s "$E2E_TMP/labels" ] || e2e_fail "no notes for the references of 002"
while read -r l; do
	grep -qF -- "$l" "$E2E_TMP/body" || e2e_fail "note $l without its reference"
done <"$E2E_TMP/labels"
e2e_keys q
e2e_wait_done 0
exit 0
