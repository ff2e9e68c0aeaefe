#!/bin/sh
# A file of one long line: G while it loads stays at its end when the whole text comes, the status's percentage moves through the line, and :50% goes half way.
. "$(dirname "$0")/lib.sh" "$@"

big=$E2E_TMP/one.txt
python3 -c '
import sys
out = sys.stdout
i = 0
n = 0
while n < 60 * 1024 * 1024:
    s = "Sentence %d of the one long line goes on. " % i
    out.write(s)
    n += len(s)
    i += 1
out.write("The very end %d.\n" % i)
' >"$big" || e2e_fail "no file"
last=$(tail -c 40 "$big" | sed 's/.*The very end/The very end/')

# the percentage at the end of the status line
pct() {
	e2e_row 24 | sed -n 's/.* \([0-9][0-9]*\)%$/\1/p'
}
pct_in() {
	_p=$(pct)
	[ -n "$_p" ] && [ "$_p" -ge "$1" ] && [ "$_p" -le "$2" ]
}

e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait "Sentence 0 of"
e2e_keys G
e2e_wait "$last"
E2E_TIMEOUT=30 e2e_wait_gone "loading"
# the whole text keeps the reader at the end
e2e_has "$last" || e2e_fail "the whole text did not keep the end on screen"
pct_in 100 100 || e2e_fail "not at 100% at the end"
e2e_keys g
e2e_wait "Sentence 0 of"
pct_in 0 1 || e2e_fail "the start of the line is not at 0%"
e2e_keys : 50% Enter
e2e_wait_gone "Sentence 0 of"
pct_in 45 55 || e2e_fail ":50% did not go half way"
e2e_keys q
e2e_wait_done 0
exit 0
