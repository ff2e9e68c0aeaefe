#!/bin/sh
# TERM unset, empty, dumb or unknown: the text is printed as by --dump, after one line saying why, and the status is 0.
. "$(dirname "$0")/lib.sh" "$@"

f=$E2E_SRC/assets/sample.md
first=$(e2e_dump_line 80 "$f" 1)
last=$("$E2E_BIN" --dump --width 80 "$f" | sed 's/ *$//' | grep . | tail -n 1)

for t in unset empty dumb no-such-terminal; do
	case $t in
	unset)	env="env -u TERM" msg="TERM is not set" ;;
	empty)	env="env TERM=" msg="TERM is not set" ;;
	dumb)	env="env TERM=dumb"
		msg="terminal type dumb cannot move the cursor" ;;
	*)	env="env TERM=$t" msg="unknown terminal type $t" ;;
	esac
	e2e_start 80 200 "$env \"$E2E_BIN\" \"$f\" </dev/tty"
	e2e_wait_done 0
	e2e_row 1 | grep -qxF "scholia: $msg: printing the text instead" ||
		e2e_fail "TERM $t: no message on the first row"
	e2e_row_is 2 "$first" || e2e_fail "TERM $t: no dump after the message"
	e2e_has "$last" || e2e_fail "TERM $t: the dump is cut short"
	[ "$(e2e_screen | grep -c 'scholia:')" -eq 1 ] ||
		e2e_fail "TERM $t: more than one message"
done

# an escape in TERM is not sent to the terminal with the message
e2e_start 80 50 "env TERM=\"\$(printf 'x\\033[2Jy')\" \"$E2E_BIN\" \"$f\" 2>\"$E2E_TMP/err\""
e2e_wait_done 0
grep -q "unknown terminal type x.*2Jy: printing" "$E2E_TMP/err" ||
	e2e_fail "no message for a TERM with an escape: $(cat "$E2E_TMP/err")"
! LC_ALL=C grep -q "$(printf '\033')" "$E2E_TMP/err" ||
	e2e_fail "ESC from TERM reached the terminal"
exit 0
