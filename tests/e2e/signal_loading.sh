#!/bin/sh
# SIGTERM, SIGHUP and Ctrl-C while a large file is still loading end the reader at once, with the terminal restored.
. "$(dirname "$0")/lib.sh" "$@"

big=$E2E_TMP/big.txt
f4=$(ls "$E2E_CORPUS"/004_*.txt)
i=0
while [ $i -lt 150 ]; do
	cat "$f4"
	i=$((i + 1))
done >"$big"
first=$(e2e_dump_line 79 "$f4" 1)
run="\"$E2E_BIN\" \"$big\"; rc=\$?; $e2e_tty_sane_cmd; (exit \$rc)"

for sig in TERM HUP INT; do
	e2e_start 80 24 "$run"
	e2e_wait_row 1 "$first"
	e2e_has "loading" || { echo "loaded too fast to test: skipped"; exit 0; }
	case $sig in
	INT)	e2e_keys C-c; status=130 ;;
	*)	kill -s "$sig" "$(e2e_pid)"
		[ "$sig" = TERM ] && status=143 || status=129 ;;
	esac
	# at once: not after the rest of the file is read
	E2E_TIMEOUT=2 e2e_wait_done "$status"
	e2e_has "TTY: icanon echo" || e2e_fail "SIG$sig: terminal not restored"
	e2e_lacks "$first" || e2e_fail "SIG$sig: still on the alternate screen"
done
exit 0
