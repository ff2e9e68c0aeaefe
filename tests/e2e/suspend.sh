#!/bin/sh
# Ctrl-Z suspends the reader with the terminal restored; fg brings it back redrawn.
. "$(dirname "$0")/lib.sh" "$@"

command -v bash >/dev/null 2>&1 || { echo "no bash for job control: skipped"; exit 0; }
f=$E2E_SRC/assets/sample.md
first=$(e2e_dump_line 79 "$f" 1)
e2e_start 80 24 "env PS1='PROMPT\$ ' bash --norc --noprofile -i"
e2e_wait 'PROMPT$'
e2e_keys "\"$E2E_BIN\" \"$f\"" Enter
e2e_wait_row 1 "$first"
e2e_keys C-z
e2e_wait "Stopped"
e2e_wait_gone "$first"
e2e_keys "stty -a | grep -o -- ' -*icanon' ; echo STTY-DONE | tr A-Z a-z" Enter
e2e_wait "stty-done"
e2e_has " icanon" || e2e_fail "terminal not in canonical mode while suspended"
e2e_keys "fg" Enter
e2e_wait_row 1 "$first"
e2e_wait "sample.md"
e2e_keys j
e2e_wait_gone "$first"
e2e_keys q
# the alternate screen is gone: the shell's lines are back
e2e_wait 'PROMPT$ fg'
e2e_keys "exit" Enter
e2e_wait_done 0
exit 0
