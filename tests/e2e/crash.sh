#!/bin/sh
# A crash (abort, fault) or a fatal error (out of memory while a large file loads) ends the reader with the terminal restored.
. "$(dirname "$0")/lib.sh" "$@"

f=$(ls "$E2E_CORPUS"/002_*.txt)
first=$(e2e_dump_line 79 "$f" 1)
sane="rc=\$?; $e2e_tty_sane_cmd; (exit \$rc)"
# sanitizers take the faults and address space for themselves
asan=0
LC_ALL=C grep -q __asan_init "$E2E_BIN" && asan=1

sigs=ABRT
[ "$asan" -eq 0 ] && sigs="ABRT SEGV BUS"
for sig in $sigs; do
	e2e_start 80 24 "\"$E2E_BIN\" \"$f\"; $sane"
	e2e_wait_row 1 "$first"
	pid=$(e2e_pid)
	[ -n "$pid" ] || e2e_fail "no reader process"
	kill -s "$sig" "$pid"
	e2e_wait "E2E-DONE status="
	e2e_has "TTY: icanon echo" || e2e_fail "SIG$sig: terminal not restored"
	e2e_lacks "$first" || e2e_fail "SIG$sig: still on the alternate screen"
	case $(e2e_screen | sed -n 's/.*E2E-DONE status=//p') in
	1[3-9][0-9]) ;;
	*) e2e_fail "SIG$sig: not ended by the signal" ;;
	esac
done
[ "$asan" -eq 1 ] && exit 0

# Out of memory part way through loading a large file, in the loading
# threads (fatal, or abort from a C++ library) or the main one.
big=$E2E_TMP/big.txt
f4=$(ls "$E2E_CORPUS"/004_*.txt)
i=0
while [ $i -lt 100 ]; do
	cat "$f4"
	i=$((i + 1))
done >"$big"
E2E_TIMEOUT=15
failed=0
for limit in 90000 110000 130000 150000; do
	e2e_start 80 24 "sh -c 'ulimit -v $limit; exec \"$E2E_BIN\" \"$big\"'; $sane"
	e2e_poll e2e_has "E2E-DONE status=" || { e2e_keys q; e2e_wait "E2E-DONE"; }
	e2e_has "TTY: icanon echo" ||
		e2e_fail "limit $limit: terminal not restored"
	if e2e_has "E2E-DONE status=0"; then
		continue
	fi
	failed=$((failed + 1))
	e2e_lacks "[text] line" ||
	    e2e_fail "limit $limit: still on the alternate screen"
done
[ "$failed" -gt 0 ] || echo "no limit ran out of memory: fatal path not tried"
exit 0
