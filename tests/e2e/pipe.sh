#!/bin/sh
# A document on a pipe opens in the reader, which takes its keys from the terminal.
. "$(dirname "$0")/lib.sh" "$@"

printf '# Piped heading\n\nA paragraph that came down a pipe.\n' >"$E2E_TMP/doc.md"
e2e_start 80 24 "cat \"$E2E_TMP/doc.md\" | \"$E2E_BIN\""
e2e_wait "Piped heading"
e2e_wait "A paragraph that came down a pipe."
e2e_has "(standard input)" || e2e_fail "status does not name stdin"
e2e_keys q
e2e_wait_done 0


e2e_start 80 24 "cat \"$E2E_TMP/doc.md\" | \"$E2E_BIN\" -"
e2e_wait "Piped heading"
e2e_keys q
e2e_wait_done 0
exit 0
