#!/bin/sh
# Outline folding per entry (Left, Right) in a journal issue whose articles are the top level, and over the fold depth.
. "$(dirname "$0")/lib.sh" "$@"

f4=$(ls "$E2E_CORPUS"/004_*.txt)
# An article whose first section has a title of its own: its index in the
# outline, its index among the top entries, and the start of both titles.
set -- $("$E2E_BIN" --toc "$f4" | python3 -c '
import sys
rows = []
for line in sys.stdin.read().split("\n"):
    if line.strip():
        rest = line[8:]
        t = rest.lstrip(" ")
        rows.append(((len(rest) - len(t)) // 2 + 1, t))
uniq = lambda p: sum(1 for _, t in rows if t.startswith(p)) == 1
tops = 0
for i, (lev, t) in enumerate(rows):
    if lev == 1 and i > 0 and i + 1 < len(rows) and rows[i + 1][0] > 1 \
       and uniq(t[:5]) and uniq(rows[i + 1][1][:5]):
        print(i, tops, t[:5], rows[i + 1][1][:5])
        break
    tops += lev == 1
')
[ $# -eq 4 ] || e2e_fail "no article with sections in the outline of $f4"
idx=$1 tops=$2 art=$3 sec=$4

# the outline column alone, left of its rule
outline() {
	e2e_screen | sed -e 's/│.*//'
}
outline_has() {
	outline | grep -q -- "$1"
}
outline_lacks() {
	! outline | grep -q -- "$1"
}
down() {
	_i=0
	while [ $_i -lt "$1" ]; do
		e2e_keys j
		_i=$((_i + 1))
	done
}

e2e_start 80 24 "\"$E2E_BIN\" \"$f4\""
e2e_wait "004_"
e2e_keys t
e2e_wait "Outline"
e2e_keys BTab
e2e_wait "[outline]"
e2e_keys g
down "$idx"
e2e_poll outline_has "^.   $sec" || e2e_fail "the section $sec is not listed"
# Left folds the selected article: its sections go, it is marked +
e2e_keys Left
e2e_poll outline_lacks "$sec" || e2e_fail "Left did not fold $art"
outline_has "^.+$art" || e2e_fail "the folded article is not marked"
# Left again goes up (a top entry has none above it: it stays), Right unfolds
e2e_keys Left Right
e2e_poll outline_has "^.   $sec" || e2e_fail "Right did not unfold $art"
outline_lacks "^.+$art" || e2e_fail "the unfolded article is still marked"
# Right on an open entry goes to its first section: Enter shows it
e2e_keys Right Enter
e2e_wait_gone "[outline]"
e2e_poll sh -c "tmux -L $E2E_SOCK capture-pane -p | head -n 1 | grep -q '│$sec'" ||
	e2e_fail "Right did not go to the first section"

# in the body, Left folds the article being read (the section is the entry
# read, and Left from it goes up), Right opens it again
e2e_keys Left
e2e_poll outline_has "^.+$art" || e2e_fail "Left in the body did not fold $art"
outline_lacks "$sec" || e2e_fail "Left in the body left $sec shown"
e2e_keys Right
e2e_poll outline_has "$sec" || e2e_fail "Right in the body did not unfold $art"

# folded by level to the articles alone, Right opens one of them only
e2e_keys - - - - - - - -
e2e_wait "Outline: 1 levels"
e2e_poll outline_lacks "$sec" || e2e_fail "- did not fold the sections"
outline_lacks "^    [^ ]" || e2e_fail "level 1 shows deeper entries"
e2e_keys BTab
e2e_wait "[outline]"
e2e_keys g
down "$tops"
e2e_keys Right
e2e_poll outline_has "^.   $sec" || e2e_fail "Right did not open $art at level 1"
[ "$(outline | grep -c '^    [^ ]')" -lt 15 ] ||
	e2e_fail "Right opened more than one article"
# + and - fold by level again, forgetting the single folds
e2e_keys +
e2e_wait "Outline: 2 levels"
e2e_keys -
e2e_wait "Outline: 1 levels"
e2e_poll outline_lacks "$sec" || e2e_fail "- did not fold $art again"
e2e_keys q
e2e_wait_done 0
exit 0
