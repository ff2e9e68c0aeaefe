#!/bin/sh
# A large file shows its head at once and the rest when loaded, in place: searches, the end, a saved place far in.
. "$(dirname "$0")/lib.sh" "$@"

f4=$(ls "$E2E_CORPUS"/004_*.txt)
big=$E2E_TMP/big.txt
i=0
while [ $i -lt 20 ]; do
	cat "$f4"
	i=$((i + 1))
done >"$big"
first=$(e2e_dump_line 79 "$f4" 1)

e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait_row 1 "$first"
e2e_wait "big.txt"
# once loaded: the whole text is searched, about twenty copies of each hit
e2e_wait_gone "loading"
e2e_keys / 中 国 Enter
e2e_wait "/中国 1/"
n=$(e2e_row 24 | sed -n 's|.*/中国 1/\([0-9]*\).*|\1|p')
e2e_keys q
e2e_wait_done 0
e2e_start 80 24 "\"$E2E_BIN\" \"$f4\""
e2e_wait_row 1 "$first"
e2e_keys / 中 国 Enter
e2e_wait "/中国 1/"
n1=$(e2e_row 24 | sed -n 's|.*/中国 1/\([0-9]*\).*|\1|p')
# (copies joined may read a little differently at their seams)
[ "$n" -gt $((n1 * 19)) ] && [ "$n" -le $((n1 * 20)) ] ||
	e2e_fail "the big file has $n hits, not about 20 x $n1"
e2e_keys q
e2e_wait_done 0

# far into the file (past its head), quit, open again: the place comes back
e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait "big.txt"
e2e_wait_gone "loading"
e2e_keys : 9 0 % Enter
e2e_wait "line "
e2e_settle
top=$(e2e_row 1)
line=$(e2e_row 24 | sed -n 's/.*line \([0-9]*\).*/\1/p')
[ "$line" -gt 10000 ] || e2e_fail "90% is line $line"
e2e_keys q
e2e_wait_done 0
e2e_start 80 24 "\"$E2E_BIN\" \"$big\""
e2e_wait "Back where you left off"
e2e_wait_row 1 "$top"
e2e_keys G
e2e_wait "100%"
e2e_keys q
e2e_wait_done 0
exit 0
