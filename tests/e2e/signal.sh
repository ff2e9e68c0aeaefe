#!/bin/sh
# SIGTERM, SIGHUP and Ctrl-C end the reader with the terminal restored and the signal's status.
. "$(dirname "$0")/lib.sh" "$@"

f=$(ls "$E2E_CORPUS"/002_*.txt)
first=$(e2e_dump_line 79 "$f" 1)
run="\"$E2E_BIN\" \"$f\"; rc=\$?; $e2e_tty_sane_cmd; (exit \$rc)"

for sig in TERM HUP; do
	e2e_start 80 24 "$run"
	e2e_wait_row 1 "$first"
	pid=$(e2e_pid)
	[ -n "$pid" ] || e2e_fail "no reader process"
	kill -s "$sig" "$pid"
	case $sig in
	TERM)	status=143 ;;
	HUP)	status=129 ;;
	esac
	e2e_wait_done "$status"
	e2e_has "TTY: icanon echo" || e2e_fail "SIG$sig: terminal not restored"

done

e2e_start 80 24 "$run"
e2e_wait_row 1 "$first"
e2e_keys C-c
e2e_wait_done 130
e2e_has "TTY: icanon echo" || e2e_fail "Ctrl-C: terminal not restored"
exit 0
