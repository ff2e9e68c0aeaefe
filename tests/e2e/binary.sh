#!/bin/sh
# A binary file asks first, as less does: n leaves the shell as it was, y shows
# placeholders; binary data on stdin is refused early.
. "$(dirname "$0")/lib.sh" "$@"

printf 'abc\0\1\2\3\0def\0\0\n' >"$E2E_TMP/data.bin"
q="\"$E2E_TMP/data.bin\" may be a binary file.  See it anyway? [y/N]"

e2e_start 80 24 "echo BEFORE; \"$E2E_BIN\" \"$E2E_TMP/data.bin\"; rc=\$?; $e2e_tty_sane_cmd; (exit \$rc)"
e2e_wait "$q"
e2e_has BEFORE || e2e_fail "the question is not asked before the reader starts"
e2e_keys n Enter
e2e_wait_done 1
e2e_has BEFORE || e2e_fail "the screen was cleared"
e2e_has "TTY: icanon echo" || e2e_fail "terminal modes not restored"

e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/data.bin\""
e2e_wait "$q"
e2e_keys y Enter
e2e_wait "abc^@^A^B^C^@def^@^@"
e2e_lacks "See it anyway" || e2e_fail "the question stays on the reader's screen"
e2e_keys q
e2e_wait_done 0

# Endless binary data piped to the reader: refused after a sample, at once.
e2e_start 80 24 "head -c 3000000000 /dev/zero | \"$E2E_BIN\""
E2E_TIMEOUT=3
e2e_wait "scholia: (standard input): looks like a binary file"
e2e_wait_done 1
exit 0
