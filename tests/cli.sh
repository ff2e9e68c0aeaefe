#!/bin/sh
# Command-line behaviour of the real binary: errors, stdin, escapes, dump widths, JSON.
# Usage: cli.sh BINARY CORPUS_DIR
bin=$1 corpus=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0

ok() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# One clear line on stderr and a non-zero exit for each bad input.
expect_error() {
	what=$1; shift
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	lines=$(wc -l <"$tmp/err")
	if [ "$rc" -eq 0 ] || [ "$lines" -ne 1 ] || [ -s "$tmp/out" ]; then
		fail "$what: rc=$rc, $lines stderr lines: $(cat "$tmp/err")"
	else
		ok
	fi
}
expect_error "missing file" --dump "$tmp/nonexistent"
expect_error "directory" --dump "$tmp"
printf 'abc\0\1\2\3\0def\0\0' >"$tmp/bin"
expect_error "binary file" --dump "$tmp/bin"
touch "$tmp/noperm" && chmod 000 "$tmp/noperm"
if [ "$(id -u)" -ne 0 ]; then expect_error "unreadable" --dump "$tmp/noperm"; fi
expect_error "bad option" --no-such-option

"$bin" --dump "$tmp/nonexistent" 2>&1 | grep -q "nonexistent" || fail "error names the file"

# Escape sequences from a document never reach the output.
printf 'a\033[31mRED\033]52;c;eA==\007 \302\233x \342\200\256y\n' | "$bin" --dump >"$tmp/esc"
if LC_ALL=C grep -q "$(printf '\033')\|$(printf '\007')" "$tmp/esc"; then
	fail "ESC or BEL in dump"
elif ! grep -q RED "$tmp/esc"; then
	fail "text around escapes lost: $(cat "$tmp/esc")"
else
	ok
fi
python3 - "$tmp/esc" <<'PY' || fail "control or bidi character in dump"
import sys
t = open(sys.argv[1], encoding='utf-8').read()
bad = [c for c in t if (ord(c) < 32 and c != '\n') or 0x7f <= ord(c) < 0xa0
       or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
sys.exit(1 if bad else 0)
PY

# stdin: "-" and a pipe; output to a pipe dumps like cat.
printf '# Title\n\nHello **world**.\n' | "$bin" - >"$tmp/out1" && grep -q "Hello world" "$tmp/out1" && ok || fail "stdin '-'"
printf '# Title\n\nHello **world**.\n' | "$bin" >"$tmp/out2" && grep -q "Hello world" "$tmp/out2" && ok || fail "stdin pipe"

# Legacy encodings are detected and converted.
printf '中文段落，测试编码。\n' | iconv -f UTF-8 -t GB18030 | "$bin" --dump | grep -q '中文段落' && ok || fail "GB18030"
printf '中文段落，測試編碼。\n' | iconv -f UTF-8 -t BIG5 | "$bin" --dump | grep -q '測試編碼' && ok || fail "Big5"
printf '\377\376' >"$tmp/u16" && printf 'UTF-16 text 中文\n' | iconv -f UTF-8 -t UTF-16LE >>"$tmp/u16"
"$bin" --dump "$tmp/u16" | grep -q 'UTF-16 text 中文' && ok || fail "UTF-16LE"

# The corpus: every file dumps within the width and exports valid JSON with the contract.
for f in "$corpus"/*.txt; do
	for w in 20 40 80; do
		"$bin" --dump --width $w "$f" >"$tmp/dump" || { fail "dump $f"; continue; }
		python3 - "$tmp/dump" $w <<'PY' || fail "width $w: $f"
import sys, unicodedata
path, width = sys.argv[1], int(sys.argv[2])
CLOSE = set('。，、；：？！）」』】》”’')
def w(c):
    if unicodedata.category(c) in ('Mn', 'Me', 'Cf'): return 0
    return 2 if unicodedata.east_asian_width(c) in ('W', 'F') else 1
for i, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
    if sum(w(c) for c in line) > width: print('line %d too wide' % i); sys.exit(1)
    s = line.lstrip(' ')
    if s and s[0] in CLOSE: print('line %d starts with %s' % (i, s[0])); sys.exit(1)
PY
	done
	"$bin" --export json "$f" >"$tmp/json" || { fail "export $f"; continue; }
	python3 - "$tmp/json" <<'PY' || fail "json contract: $f"
import json, sys
d = json.load(open(sys.argv[1]))
for k in ('source', 'encoding', 'toc', 'notes', 'refs', 'keywords', 'articles'):
    assert k in d, k
for t in d['toc']: assert {'level', 'title', 'line'} <= set(t)
for n in d['notes']: assert {'id', 'label', 'line', 'text'} <= set(n)
for r in d['refs']: assert {'label', 'line', 'note'} <= set(r)
PY
	ok
done

# 002: Markdown markup is rendered, not shown raw; Chinese soft breaks join without spaces.
f002=$(ls "$corpus"/002_*.txt 2>/dev/null)
if [ -n "$f002" ]; then
	"$bin" --dump --width 40 "$f002" >"$tmp/d2"
	if grep -q '<sup>\|\*\*' "$tmp/d2"; then fail "raw markup in 002 dump"; else ok; fi
fi

# 004, a journal issue: its contents list links to the articles after it.
f004=$(ls "$corpus"/004_*.txt 2>/dev/null)
if [ -n "$f004" ]; then
	"$bin" --export json "$f004" | python3 -c '
import json, sys
arts = json.load(sys.stdin)["articles"]
linked = [a for a in arts if a["contents_lines"]]
assert len(linked) >= 7, len(linked)
assert all(l < a["line"] for a in linked for l in a["contents_lines"])
' && ok || fail "004 contents entries link to their articles"
fi

# Binary input: endless NUL bytes on stdin are refused after a sample, not
# read up to the 2 GiB limit; -f dumps a binary file with placeholders.
head -c 100000000 /dev/zero | timeout 5 "$bin" --dump >"$tmp/zout" 2>"$tmp/zerr"
rc=$?
if [ "$rc" -eq 1 ] && [ ! -s "$tmp/zout" ] &&
    grep -qx 'scholia: (standard input): looks like a binary file' "$tmp/zerr"; then
	ok
else
	fail "endless binary stdin: rc=$rc $(cat "$tmp/zerr")"
fi
"$bin" --dump "$tmp/bin" 2>&1 | grep -qx "scholia: $tmp/bin: looks like a binary file" &&
    ok || fail "binary file refused in one line naming it"
if "$bin" -f --dump "$tmp/bin" >"$tmp/fout" && grep -q 'abc.*def' "$tmp/fout" &&
    ! LC_ALL=C tr -d '\n' <"$tmp/fout" | LC_ALL=C grep -q '[[:cntrl:]]'; then
	ok
else
	fail "-f dumps a binary file with placeholders, no control bytes"
fi
head -c 100000 /dev/zero | "$bin" -f --dump >"$tmp/fz" && [ -s "$tmp/fz" ] &&
    ok || fail "-f reads binary stdin past the sample"
python3 -c 'import sys; sys.stdout.buffer.write(("\ufeff# T\n\n" + "word " * 20000).encode("utf-16-le"))' |
    "$bin" --dump >"$tmp/u16" && grep -q word "$tmp/u16" && ok ||
    fail "UTF-16 on stdin (NUL bytes in its sample) is not taken for binary"

# Output that cannot be written: a closed pipe ends quietly, a full disk
# says so in one line; both exit 1 (see EXIT STATUS in scholia(1)).
f4=$(ls "$corpus"/004_*.txt 2>/dev/null | head -n 1)
if [ -n "$f4" ]; then
	for x in 1 2 3 4 5 6 7 8; do cat "$f4"; done >"$tmp/big"
	for args in "--dump" "--export json" "--export tree" "--toc"; do
		# shellcheck disable=SC2086
		{ "$bin" $args "$tmp/big" 2>"$tmp/perr"; echo $? >"$tmp/prc"; } |
		    head -c 10 >/dev/null
		# (a contents list may fit in the pipe before it closes)
		if [ "$args" = --toc ] && [ "$(cat "$tmp/prc")" -eq 0 ]; then
			echo 1 >"$tmp/prc"
		fi
		if [ "$(cat "$tmp/prc")" -eq 1 ] && [ ! -s "$tmp/perr" ]; then
			ok
		else
			fail "$args into a closed pipe: rc=$(cat "$tmp/prc") $(cat "$tmp/perr")"
		fi
		if [ -w /dev/full ]; then
			# shellcheck disable=SC2086
			"$bin" $args "$tmp/big" >/dev/full 2>"$tmp/ferr"
			rc=$?
			if [ "$rc" -eq 1 ] && [ "$(wc -l <"$tmp/ferr")" -eq 1 ] &&
			    grep -q '^scholia: write error: ' "$tmp/ferr"; then
				ok
			else
				fail "$args to /dev/full: rc=$rc $(cat "$tmp/ferr")"
			fi
		fi
	done
fi

# A file name carrying escape sequences reaches stderr as placeholders only.
evil="$tmp/no$(printf '\033]52;c;QQ==\007')such$(printf '\033[2J')"
esc_told() {
	# shellcheck disable=SC2068
	"$bin" $@ >/dev/null 2>"$tmp/everr"
	if LC_ALL=C grep -q "$(printf '\033')\\|$(printf '\007')" "$tmp/everr"; then
		fail "escape reached stderr ($1): $(cat -v "$tmp/everr")"
	elif ! grep -q '\^\[' "$tmp/everr"; then
		fail "the name is not told ($1): $(cat "$tmp/everr")"
	else
		ok
	fi
}
esc_told --dump "$evil"
esc_told --export json "$evil"
esc_told --width "$evil" "$evil"
esc_told --dump /dev/null "$evil"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
