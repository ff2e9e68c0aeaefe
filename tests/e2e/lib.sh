# Shared helpers for the end-to-end tests: the real binary in a private tmux server.
# A test starts with:  . "$(dirname "$0")/lib.sh" "$@"   (arguments: BINARY CORPUS_DIR)

E2E_BIN=$1
E2E_CORPUS=$2
E2E_SRC=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -x "$E2E_BIN" ] || [ ! -d "$E2E_CORPUS" ]; then
	echo "usage: $0 BINARY CORPUS_DIR" >&2
	exit 2
fi
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed" >&2; exit 1; }

# The reader needs a UTF-8 locale; tmux needs one to keep wide characters.
LC_ALL=C.UTF-8
export LC_ALL
unset NO_COLOR TMUX

E2E_N=0
E2E_SOCK=e2e$$-0
E2E_TMP=$(mktemp -d) || exit 1
E2E_TIMEOUT=${E2E_TIMEOUT:-5}	# seconds to wait for a screen
# Saved reading positions go to a private place, fresh for every test.
XDG_STATE_HOME=$E2E_TMP/state
export XDG_STATE_HOME

e2e_tmux() {
	tmux -L "$E2E_SOCK" -f /dev/null "$@"
}

e2e_cleanup() {
	while [ "$E2E_N" -gt 0 ]; do
		tmux -L "e2e$$-$E2E_N" kill-server >/dev/null 2>&1
		E2E_N=$((E2E_N - 1))
	done
	# a reader hung up on may still be saving its position
	rm -rf "$E2E_TMP" 2>/dev/null || { sleep 0.3; rm -rf "$E2E_TMP"; }
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP

# e2e_start COLS ROWS COMMAND: run the shell COMMAND in a fresh window; when it
# ends "E2E-DONE status=N" is printed and the pane stays for inspection. Each
# start gets a server of its own: a killed one may linger on its socket.
e2e_start() {
	_cols=$1 _rows=$2
	shift 2
	e2e_tmux kill-server >/dev/null 2>&1
	E2E_N=$((E2E_N + 1))
	E2E_SOCK=e2e$$-$E2E_N
	{
		printf 'trap : INT\n'	# the shell outlives a Ctrl-C to the program
		printf '%s\n' "$*"
		printf 'echo "E2E-DONE status=$?"\nexec sleep 600\n'
	} >"$E2E_TMP/run.sh"
	e2e_tmux new-session -d -x "$_cols" -y "$_rows" "sh $E2E_TMP/run.sh" ||
		e2e_fail "tmux could not start"
}

# Wait until the screen stops changing (keys sent have all been handled).
e2e_settle() {
	_a=$(e2e_screen)
	sleep 0.15
	while [ "$_a" != "$(e2e_screen)" ]; do
		_a=$(e2e_screen)
		sleep 0.15
	done
}

# Hide the notes pane (on by default when the paper has notes), for tests
# of the body alone.
e2e_notes_off() {
	e2e_wait "Notes:"
	e2e_keys F
	e2e_wait_gone "Notes:"
}

# The screen as text, one row a line (trailing blanks trimmed by tmux).
e2e_screen() {
	e2e_tmux capture-pane -p
}

# Row N (1-based) of the screen.
e2e_row() {
	e2e_screen | sed -n "$1p"
}

e2e_keys() {
	e2e_tmux send-keys "$@"
}

e2e_fail() {
	echo "FAIL: $*"
	echo "--- screen:"
	e2e_screen 2>/dev/null
	echo "---"
	exit 1
}

# e2e_poll COMMAND...: retry COMMAND every 0.1 s until it succeeds or the
# timeout passes; returns its last status.
e2e_poll() {
	_n=$((E2E_TIMEOUT * 10))
	while [ "$_n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	"$@"
}

e2e_has() {
	e2e_screen | grep -qF -- "$1"
}

e2e_lacks() {
	! e2e_screen | grep -qF -- "$1"
}

e2e_row_is() {
	[ "$(e2e_row "$1")" = "$2" ]
}

# Wait until the screen shows TEXT.
e2e_wait() {
	e2e_poll e2e_has "$1" || e2e_fail "timed out waiting for: $1"
}

# Wait until the screen no longer shows TEXT.
e2e_wait_gone() {
	e2e_poll e2e_lacks "$1" || e2e_fail "timed out waiting for to go: $1"
}

# Wait until row N is exactly TEXT.
e2e_wait_row() {
	e2e_poll e2e_row_is "$1" "$2" ||
		e2e_fail "row $1 is not: $2"
}

# The program ended with this exit status.
e2e_wait_done() {
	e2e_wait "E2E-DONE status=$1"
}

# Line N (1-based) of the dump of FILE at WIDTH columns, trailing blanks trimmed.
e2e_dump_line() {
	"$E2E_BIN" --dump --width "$1" "$2" | sed -e 's/ *$//' -e "$3!d"
}

# The corpus papers N times over (about 0.47 MB a time), and after copy
# AT the paragraph "The middle WORD paragraph." when WORD is given.
e2e_corpus_times() {
	_n=0
	while [ $_n -lt "$1" ]; do
		cat "$E2E_CORPUS"/[0-9]*.txt
		[ -n "$3" ] && [ $_n -eq "$2" ] &&
		    printf '\n\nThe middle %s paragraph.\n\n' "$3"
		_n=$((_n + 1))
	done
}

# The pid of the program the window runs (the child of its shell).
e2e_pid() {
	pgrep -P "$(e2e_tmux display -p '#{pane_pid}')" | head -n 1
}

# Every row of the screen fits in COLS display columns.
e2e_fits() {
	e2e_screen | python3 -c '
import sys, unicodedata
cols = int(sys.argv[1])
def w(c):
    if unicodedata.category(c) in ("Mn", "Me", "Cf"): return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
for line in sys.stdin.read().split("\n"):
    if sum(w(c) for c in line) > cols: sys.exit(1)
' "$1"
}

# The terminal is back in its normal mode: canonical input, echo on.
e2e_tty_sane_cmd='stty -a | tr " ;" "\n\n" | grep -x -e icanon -e -icanon -e echo -e -echo | tr "\n" " " | sed "s/^/TTY: /"; echo'

# A paper of our own in $E2E_TMP/paper.md: a note referred to three times,
# a reference without a note, keywords, three sections and a subsection,
# full-width letters and traditional characters, and filler to scroll.
e2e_paper() {
	{
		printf '# A Test Paper\n\n'
		printf '【关键词】outline；國際關係；filler\n\n'
		printf '## 一、Introduction\n\n'
		printf 'The first claim[^a] is here. A second mention[^a] follows, '
		printf 'and a third[^a] ends it.\n\n'
		printf 'An unlinked marker<sup>[9]</sup> stands alone, next to a '
		printf 'good one[^b].\n\n'
		printf 'Full-width ＡＢＣ letters and 国际关系 in simplified form.\n\n'
		for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
			printf 'Filler paragraph %s keeps the reader busy with ' "$i"
			printf 'words that wrap across the line and take room.\n\n'
		done
		printf '## 二、Method\n\n'
		printf '### （一）Details\n\n'
		printf 'Later text mentions the outline again[^c] and the first '
		printf 'note once more[^a].\n\n'
		for i in 13 14 15 16 17 18 19 20 21 22 23 24; do
			printf 'Filler paragraph %s keeps the reader busy with ' "$i"
			printf 'words that wrap across the line and take room.\n\n'
		done
		printf '## 三、Results\n\n'
		printf 'Final words of the paper.\n\n'
		printf '[^a]: Alpha note text.\n\n'
		printf '[^b]: Beta note text.\n\n'
		printf '[^c]: Gamma note text, about ABC and the outline.\n'
	} >"$E2E_TMP/paper.md"
}

# Mouse events as an xterm sends them (X10 encoding, what the terminfo of
# tmux asks for): e2e_mouse BUTTON ROW COL, 1-based; BUTTON 0 is a left
# press, 3 a release, 64 and 65 the wheel up and down.
e2e_mouse() {
	e2e_keys -l "$(printf '\033[M%b%b%b' \
	    "\\0$(printf %o $((32 + $1)))" "\\0$(printf %o $((32 + $3)))" \
	    "\\0$(printf %o $((32 + $2)))")"
}

e2e_click() {
	e2e_mouse 0 "$1" "$2"
	e2e_mouse 3 "$1" "$2"
}
