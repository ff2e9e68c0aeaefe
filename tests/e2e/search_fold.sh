#!/bin/sh
# Search folding: full-width and half-width forms match each other, simplified and traditional Chinese too.
. "$(dirname "$0")/lib.sh" "$@"

e2e_paper
e2e_start 80 24 "\"$E2E_BIN\" \"$E2E_TMP/paper.md\""
e2e_wait "Notes: 2 on screen"
# "abc" finds the full-width ＡＢＣ in the body and ABC in note c
e2e_keys / a b c Enter
e2e_wait "/abc 1/2"
e2e_tmux capture-pane -p -e | grep -q "$(printf '\033')\\[41mＡＢＣ" ||
	e2e_fail "ＡＢＣ is not the hit marked"
e2e_keys n
e2e_wait "/abc 2/2"
e2e_wait "Gamma note text"
# typed full-width, the same two
e2e_keys g /
e2e_keys -l "ＡＢＣ"
e2e_keys Enter
e2e_wait "/ＡＢＣ 1/2"
# simplified finds traditional (the keyword line) and itself
e2e_keys g /
e2e_keys -l "国际关系"
e2e_keys Enter
e2e_wait "/国际关系 1/2"
e2e_tmux capture-pane -p -e | grep -q "$(printf '\033')\\[41m國際關係" ||
	e2e_fail "the traditional form is not the first hit"
e2e_keys /
e2e_keys -l "國際關係"
e2e_keys Enter
e2e_wait "/國際關係 1/2"
e2e_keys n
e2e_wait "/國際關係 2/2"
e2e_tmux capture-pane -p -e | grep -q "$(printf '\033')\\[41m国际关系" ||
	e2e_fail "the simplified form is not the second hit"
e2e_keys q
e2e_wait_done 0
# 003 is in traditional characters: a simplified query finds them
f=$(ls "$E2E_CORPUS"/003_*.txt)
e2e_start 80 24 "\"$E2E_BIN\" \"$f\""
e2e_wait "line 1"
e2e_keys /
e2e_keys -l "关键字"
e2e_keys Enter
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | grep -q '/关键字 1/[1-9]'" ||
	e2e_fail "a simplified query does not find the traditional 關鍵字"
e2e_has "關鍵字" || e2e_fail "the hit is not on screen"
e2e_keys q
e2e_wait_done 0
exit 0
