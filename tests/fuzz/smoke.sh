#!/bin/sh
# CI smoke: build the libFuzzer targets with clang and run each briefly from the seeds.
# Usage: smoke.sh SOURCE_DIR BUILD_DIR [SECONDS_PER_TARGET]
src=${1:?source dir} build=${2:?build dir} secs=${3:-20}
fuzz=$src/tests/fuzz
CC=${FUZZ_CC:-clang}
export CC

command -v "$CC" >/dev/null || { echo "smoke: no $CC"; exit 1; }
cmake -S "$src" -B "$build" -DSCHOLIA_FUZZ=ON -DSCHOLIA_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.log" 2>&1 &&
    cmake --build "$build" -j2 --target fuzz_load fuzz_fold fuzz_encoding \
    >>"$build.log" 2>&1 || { tail -20 "$build.log"; exit 1; }

# Undefined behaviour is a finding, not a warning.
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export UBSAN_OPTIONS
fails=0 passes=0
for t in fuzz_load fuzz_fold fuzz_encoding; do
	corpus=$build/smoke-$t
	mkdir -p "$corpus"
	# What fuzzing found before is replayed first (fuzz_load: fuzz-load/).
	found=$src/tests/pathological/$(echo "$t" | tr _ -)
	[ -d "$found" ] || found=
	if "$build/tests/fuzz/$t" -dict="$fuzz/scholia.dict" \
	    -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	    -max_total_time="$secs" -print_final_stats=1 \
	    -artifact_prefix="$build/smoke-$t-" \
	    "$corpus" "$fuzz/seeds" $found >"$build/smoke-$t.log" 2>&1; then
		passes=$((passes + 1))
		echo "$t: $(grep -o 'stat::number_of_executed_units: *[0-9]*' \
		    "$build/smoke-$t.log" | grep -o '[0-9]*$') runs, clean"
	else
		fails=$((fails + 1))
		echo "FAIL: $t"
		grep -A30 -m1 'ERROR\|runtime error\|Test unit written' \
		    "$build/smoke-$t.log"
	fi
done
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
