#!/bin/sh
# --width caps the wrap width of the reader below the terminal's.
. "$(dirname "$0")/lib.sh" "$@"

f=$(ls "$E2E_CORPUS"/002_*.txt)
"$E2E_BIN" --dump --width 30 "$f" | sed 's/ *$//' >"$E2E_TMP/d30"
e2e_start 80 24 "\"$E2E_BIN\" --width 30 \"$f\""
e2e_notes_off
e2e_wait_row 1 "$(sed -n 1p "$E2E_TMP/d30")"
e2e_screen | sed 23q >"$E2E_TMP/body"
python3 - "$E2E_TMP/body" <<'PY' || e2e_fail "rows wider than 30 columns"
import sys, unicodedata
def w(c):
    if unicodedata.category(c) in ("Mn", "Me", "Cf"): return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
sys.exit(any(sum(w(c) for c in l) > 30 for l in open(sys.argv[1]).read().split("\n")))
PY
for i in 2 3 4 5 6 7 8; do
	e2e_row_is "$i" "$(sed -n "${i}p" "$E2E_TMP/d30")" ||
		e2e_fail "row $i differs from the 30-column dump"
done
e2e_keys q
e2e_wait_done 0
exit 0
