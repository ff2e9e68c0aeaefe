#!/bin/sh
# Rewrite the goldens from the current binary: run by hand only, then read every diff.
# Usage: regen.sh BINARY [DIR]  (DIR defaults to this script's directory)
set -eu
bin=$1
dir=${2:-$(dirname "$0")}
for src in "$dir"/*.md "$dir"/*.txt; do
	[ -f "$src" ] || continue
	name=${src%.*}
	"$bin" --dump --width 60 "$src" >"$name.dump"
	"$bin" --export json "$src" >"$name.json"
	echo "regen: $name.dump $name.json"
done
