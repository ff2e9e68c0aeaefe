#!/bin/sh
# Golden tests: DIR/NAME.md|txt dumped at width 60 must match NAME.dump, and its JSON NAME.json.
# Usage: run.sh BINARY DIR. Prints a diff and exits 1 on any mismatch.
set -u
bin=$1
dir=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
count=0

# compare KIND GOLDEN ARGS...: run the binary with ARGS, diff against GOLDEN.
compare() {
	kind=$1
	golden=$2
	shift 2
	if ! "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; then
		echo "golden: $kind of $src: $bin exited with an error:"
		cat "$tmp/err"
		status=1
		return
	fi
	if ! diff -u "$golden" "$tmp/out"; then
		echo "golden: $kind of $src differs from $golden"
		status=1
	fi
}

for src in "$dir"/*.md "$dir"/*.txt; do
	[ -f "$src" ] || continue
	name=${src%.*}
	count=$((count + 1))
	if [ ! -f "$name.dump" ]; then
		echo "golden: $name.dump is missing (run regen.sh)"
		status=1
		continue
	fi
	compare dump "$name.dump" --dump --width 60 "$src"
	if [ -f "$name.json" ]; then
		compare json "$name.json" --export json "$src"
	fi
done
if [ "$count" -eq 0 ]; then
	echo "golden: no fixtures in $dir"
	exit 1
fi
[ "$status" -eq 0 ] && echo "golden: $count fixtures match"
exit $status
