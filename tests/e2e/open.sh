#!/bin/sh
# Opening: the bundled sample with no FILE, and corpus file 002, laid out like the dump.
. "$(dirname "$0")/lib.sh" "$@"

sample=$E2E_SRC/assets/sample.md
f002=$(ls "$E2E_CORPUS"/002_*.txt)

# No FILE and a terminal on stdin: the sample, first line as the dump has it.
first=$(e2e_dump_line 79 "$sample" 1)
[ -n "$first" ] || e2e_fail "the sample dumps nothing"
e2e_start 80 24 "\"$E2E_BIN\""
e2e_wait_row 1 "$first"
e2e_wait "sample.md"
e2e_has "line 1" || e2e_fail "no position in the status line"
e2e_keys q
e2e_wait_done 0

# A corpus file: it starts as the dump starts, and every row of the first
# screen is a line of the dump at the same width (text, not markup).

"$E2E_BIN" --dump --width 79 "$f002" | sed 's/ *$//' >"$E2E_TMP/dump"
e2e_start 80 24 "\"$E2E_BIN\" \"$f002\""
e2e_notes_off
e2e_wait_row 1 "$(sed -n 1p "$E2E_TMP/dump")"
[ "$(e2e_screen | sed 23q | grep -c .)" -ge 15 ] || e2e_fail "a sparse first screen"
e2e_screen | sed 23q | grep -v '^$' | while IFS= read -r r; do
	grep -qxF -- "$r" "$E2E_TMP/dump" || e2e_fail "row not in the dump: $r"
done || exit 1
e2e_lacks "<sup>" || e2e_fail "raw markup on the screen"
e2e_row 24 | grep -q "002_.*line [0-9]* *[0-9]*%" ||
	e2e_fail "status line lacks the name and position"
e2e_keys q
e2e_wait_done 0

# A file name is shown sanitised: its escape sequence as a placeholder.
bad="$E2E_TMP/$(printf 'x\033[7my').md"
cp "$sample" "$bad"
e2e_start 80 24 "\"$E2E_BIN\" \"$bad\""
e2e_wait_row 1 "$first"
e2e_wait "x^[[7my.md"
e2e_keys q
e2e_wait_done 0
exit 0
