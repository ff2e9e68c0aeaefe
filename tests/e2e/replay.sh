#!/bin/sh
# --replay: keys from a file drive the real reader, the screen shows what they lead to, and the report has a row of latencies per key.
. "$(dirname "$0")/lib.sh" "$@"

f0=$(ls "$E2E_CORPUS"/[0-9]*.txt | head -n 1)
word=Rubio
rep=$E2E_TMP/report

# each sleep leaves the screen a key led to up for a while, to be checked
cat >"$E2E_TMP/keys" <<EOF
# pages down, the end and the start, a search and its next hit, a jump
# back, a resize there and back
Space *2
j
G
sleep 1500
g
/$word
sleep 1500
n
Ctrl-O
resize 60x20
sleep 1500
resize 80x24
EOF

e2e_start 80 24 "\"$E2E_BIN\" --replay \"$E2E_TMP/keys\" --replay-report \"$rep\" \"$f0\""
# G: the end of the text (the notes pane follows it)
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | sed -n 24p | grep -q '100%'" ||
	e2e_fail "G did not show the end"
e2e_wait "/$word 1/"
# 20 rows now: the status line is row 20
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | sed -n 20p | grep -q 'line [0-9]'" ||
	e2e_fail "the status line is not on row 20 after resize 60x20"
e2e_wait_done 0
e2e_has "key " && e2e_fail "the report went to the terminal"

[ -s "$rep" ] || e2e_fail "no report in $rep"
# key, count, p50, p90, p99, max: counts as the key file says, and the
# percentiles in order
awk -v word="$word" '
function row(name, n,   k) {
	for (k = 1; k <= nr; k++)
		if (names[k] == name) {
			if (count[k] != n) {
				printf "row %s: count %s, not %s\n", name, count[k], n
				bad = 1
			}
			return
		}
	printf "no row %s\n", name
	bad = 1
}
NR == 1 {
	if ($0 !~ /^key +count +p50 ms +p90 ms +p99 ms +max ms$/) {
		print "bad header: " $0
		bad = 1
	}
	next
}
{
	nf = NF
	name = $1
	for (k = 2; k <= nf - 5; k++)
		name = name " " $k
	nr++
	names[nr] = name
	count[nr] = $(nf - 4)
	if (!($(nf - 3) <= $(nf - 2) && $(nf - 2) <= $(nf - 1) &&
	    $(nf - 1) <= $nf && $(nf - 3) >= 0)) {
		print "percentiles out of order: " $0
		bad = 1
	}
}
END {
	row("Space", 2); row("j", 1); row("G", 1); row("g", 1)
	row("/", 1); row("/ typed", length(word)); row("/ Enter", 1)
	row("n", 1); row("Ctrl-O", 1); row("resize", 2)
	row("all keys", 11 + length(word))
	if (names[nr] != "all keys") {
		print "all keys is not the last row"
		bad = 1
	}
	exit bad
}' "$rep" || { cat "$rep"; e2e_fail "bad report"; }

# without --replay-report the table goes to stderr once the screen is back;
# a wait with nothing loading returns at once
printf 'wait\nj\n' >"$E2E_TMP/keys2"
e2e_start 80 24 "\"$E2E_BIN\" --replay \"$E2E_TMP/keys2\" \"$f0\" 2>\"$E2E_TMP/err\""
e2e_wait_done 0
grep -q '^j  *1 ' "$E2E_TMP/err" || e2e_fail "no j row on stderr"
grep -q '^wait (load)  *1 ' "$E2E_TMP/err" || e2e_fail "no wait row on stderr"
grep -q '^all keys  *1 ' "$E2E_TMP/err" || e2e_fail "a wait counted as a key"

# a key file with a key that is not one: refused before the screen changes
printf 'j\nNoSuchKey\n' >"$E2E_TMP/keys3"
e2e_start 80 24 "\"$E2E_BIN\" --replay \"$E2E_TMP/keys3\" \"$f0\""
e2e_wait_done 2
e2e_has "line 2: not a key or step: NoSuchKey" ||
	e2e_fail "the bad key is not named"
exit 0
