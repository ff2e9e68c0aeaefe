#!/bin/sh
# Cells: combining marks, wide and emoji clusters and control placeholders land where the layout puts them.
. "$(dirname "$0")/lib.sh" "$@"

doc=$E2E_TMP/cells.md
{
	printf 'Cafe\314\201 na\314\210ive, emoji 👍🏽 and 👨\342\200\215👩\342\200\215👧 end.\n\n'
	printf '中文与English混排，圆圈①②与“引号”。\n\n'
	printf 'red \033[31mnot red\033[0m bell \007 csi \302\233 done\n'
} >"$doc"
# the reader leaves out joiners (terminals would merge the cells around them)
zwj=$(printf '\342\200\215')
"$E2E_BIN" --dump --width 39 "$doc" | sed -e 's/ *$//' -e "s/$zwj//g" >"$E2E_TMP/dump"
n=$(wc -l <"$E2E_TMP/dump")
[ "$n" -ge 5 ] || e2e_fail "the fixture dumps only $n lines"

e2e_start 40 12 "\"$E2E_BIN\" \"$doc\""
e2e_wait_row 1 "$(sed -n 1p "$E2E_TMP/dump")"
i=1
while [ "$i" -le "$n" ]; do
	e2e_row_is "$i" "$(sed -n "${i}p" "$E2E_TMP/dump")" ||
		e2e_fail "row $i is not the layout's line: $(sed -n "${i}p" "$E2E_TMP/dump")"
	i=$((i + 1))
done
e2e_has "^[[31m" || e2e_fail "no placeholder for the escape"
e2e_has "not red" || e2e_fail "text after the escape lost"
# the document's escape did not colour the terminal: no red anywhere
e2e_tmux capture-pane -p -e | grep -q "$(printf '\033')\\[[0-9;]*31m" &&
	e2e_fail "the document's colour reached the terminal"
e2e_keys q
e2e_wait_done 0
exit 0
