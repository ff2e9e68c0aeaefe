#!/bin/sh
# Pathological inputs through the real binary: bounded time and memory, clean exits, safe bytes.
# Usage: run.sh BINARY [--full]   (--full uses the issue's sizes; slower)
bin=$1 mode=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
passes=0 fails=0

ok() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# ASan reserves terabytes of address space: a ulimit -v would kill it; and
# it runs several times slower, so time bounds grow with it.
memcap=1 slow=1
if nm "$bin" 2>/dev/null | grep -q __asan_init; then memcap=0 slow=5; fi

# Bytes that must never reach a terminal: C0 but newline, DEL, C1 (as
# UTF-8), bidi overrides and isolates; and the output must be UTF-8.
check_bytes() {
	if LC_ALL=C grep -qaP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"; then
		echo "control or bidi bytes: $(LC_ALL=C grep -naoP '.{0,20}([\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9])' "$1" | head -1 | od -c | head -3)"
		return 1
	fi
	if ! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; then
		echo "output is not UTF-8"
		return 1
	fi
}

# run NAME EXPECT SECONDS MEGABYTES ARGS...: one run under the limits. The
# input comes from the arguments, or stdin when the caller redirects it.
run() {
	what=$1 expect=$2 secs=$(($3 * slow)) mb=$4
	shift 4
	start=$(date +%s.%N)
	(
		if [ "$memcap" = 1 ]; then ulimit -v $((mb * 1024)); fi
		exec timeout -k 2 "$secs" "$bin" "$@"
	) >"$tmp/out" 2>"$tmp/err"
	rc=$?
	took=$(echo "$(date +%s.%N) - $start" | bc)
	if [ -n "$verbose" ]; then echo "$what: ${took}s, exit $rc"; fi
	lines=$(wc -l <"$tmp/err")
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		fail "$what: over ${secs}s"
		return
	fi
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
		fail "$what: exit $rc: $(head -c 300 "$tmp/err")"
		return
	fi
	if [ "$rc" -ne 0 ]; then
		if [ "$expect" = ok ]; then
			fail "$what: refused: $(head -c 300 "$tmp/err")"
		elif [ "$lines" -ne 1 ] || [ -s "$tmp/out" ]; then
			fail "$what: error is not one line: $(head -c 300 "$tmp/err")"
		else
			ok
		fi
		return
	fi
	if [ "$expect" = refuse ]; then
		fail "$what: not refused"
	elif ! why=$(check_bytes "$tmp/out"); then
		fail "$what: $why"
	else
		ok
	fi
}

verbose=$PATHO_VERBOSE
if [ "$mode" = --full ]; then verbose=1; fi
# shellcheck disable=SC2086 # $mode and $flags are empty or words
python3 "$here/gen.py" "$tmp" $mode >"$tmp/cases" || exit 1
last=
while read -r name file expect secs mb flags; do
	# Big inputs go as soon as their last case has run.
	if [ -n "$last" ] && [ "$last" != "$file" ]; then rm -f "$last"; fi
	last=$file
	run "$name dump" "$expect" "$secs" "$mb" --dump --width 80 $flags "$file"
	run "$name json" "$expect" "$secs" "$mb" --export json $flags "$file"
	case $name in
	escapes-8bit) ;;
	escapes*)
		for f in toc notes tree; do
			run "$name $f" ok 10 1024 --export $f $flags "$file"
		done
		"$bin" --dump $flags "$file" >"$tmp/out"
		grep -q "Para" "$tmp/out" && grep -q "quote" "$tmp/out" &&
		    grep -q "注释" "$tmp/out" && ok ||
		    fail "$name: text around escapes lost"
		;;
	esac
done <"$tmp/cases"

# Inputs that fuzzing found crashes with (their first byte is the fuzzer's).
for f in "$here"/fuzz-*/*; do
	run "found $(basename "$f")" either 10 1024 --dump --force "$f"
	run "found $(basename "$f") json" either 10 1024 --export json \
	    --force "$f"
done

# Endless input on stdin is refused past SOURCE_MAX_BYTES, in one line.
run "stdin /dev/zero" refuse 30 4096 --dump - </dev/zero
if [ "$mode" = --full ]; then
	yes 'endless text' | run "stdin yes" refuse 60 4096 --dump
fi

# A file that grows or is truncated while it is read: clean either way.
python3 -c "import sys; sys.stdout.write('grow ' * 1000000 + '\n')" \
    >"$tmp/changing"
( for i in 1 2 3 4 5 6 7 8 9 10; do
	head -c 500000 "$tmp/changing" >>"$tmp/changing" 2>/dev/null
done ) &
run "growing file" either 10 1024 --dump "$tmp/changing"
wait
for t in 0.05 0.3; do
	head -c 10000000 "$tmp/changing" >"$tmp/cut"
	( sleep $t; : >"$tmp/cut" ) &
	run "truncated file after ${t}s" either 10 1024 --dump "$tmp/cut"
	wait
done
# Rewritten in place (same size) with random bytes, while it is read.
head -c 10000000 "$tmp/changing" >"$tmp/cut"
( for t in 1 2 3 4 5 6 7 8 9 10; do
	sleep 0.05
	dd if=/dev/urandom of="$tmp/cut" bs=1000000 count=1 seek=$t \
	    conv=notrunc 2>/dev/null
done ) &
run "rewritten file" either 10 1024 --dump "$tmp/cut"
wait

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
