#!/bin/sh
# q quits and hands back the terminal as it was: normal screen, canonical mode, echo.
. "$(dirname "$0")/lib.sh" "$@"

f=$(ls "$E2E_CORPUS"/002_*.txt)
first=$(e2e_dump_line 79 "$f" 1)
e2e_start 80 24 "echo BEFORE; \"$E2E_BIN\" \"$f\"; rc=\$?; $e2e_tty_sane_cmd; (exit \$rc)"
e2e_wait_row 1 "$first"
e2e_lacks BEFORE || e2e_fail "the reader is not on the alternate screen"
e2e_keys q
e2e_wait_done 0
e2e_has BEFORE || e2e_fail "the screen before the reader was not restored"
e2e_lacks "$first" || e2e_fail "the document is still on the screen"
e2e_has "TTY: icanon echo" || e2e_fail "terminal modes not restored"
exit 0
