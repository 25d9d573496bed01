#!/usr/bin/env bash
# Boost.TempFile: build and run the libFuzzer targets (test/fuzz/fuzz_*.cpp) with clang++
# -fsanitize=fuzzer,address,undefined, each for a bounded time; the last line printed is
#
#   fuzz: N ran clean, M failed, K skipped
#
# usage: build/fuzz.sh [--time=SECONDS] [target...]
#
#   --time=SECONDS  run time of each target (default 60, what CI uses); e.g. --time=3600
#   target          fuzz_options, fuzz_spooled, ... (default: every test/fuzz/fuzz_*.cpp)
#   -- ARGS...      more libFuzzer flags for every target (e.g. -- -jobs=2 -workers=2)
#
# Each target starts from its seed corpus test/fuzz/corpus/<name without fuzz_>/ and keeps what
# it finds in bin/fuzz/corpus/<name>/ (reused by the next run). A crash leaves its input in
# bin/fuzz/artifacts/; replay it with bin/fuzz/<target> <file>. A target that does not compile
# (e.g. fuzz_spooled before spooled_temporary_file exists) is SKIPPED, said so, and does not
# fail the run. Objects are created under bin/fuzz/scratch only.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

seconds=60
targets=()
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --time=*) seconds=${1#--time=} ;;
        --) shift; extra=("$@"); break ;;
        *) targets+=("${1%.cpp}") ;;
    esac
    shift
done
if [ ${#targets[@]} -eq 0 ]; then
    for f in test/fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

# shellcheck source=build/deps.sh
source "$root/build/deps.sh"
set -euo pipefail
# clang 14 and its runtime libraries (libFuzzer, ASan, UBSan: libclang-rt-14-dev on Debian 12).
tempfile_deps_install clang libclang-rt-dev || exit 1

out=bin/fuzz
mkdir -p "$out/artifacts" "$out/logs" "$out/scratch"
export BOOST_TEMPFILE_FUZZ_DIR="$root/$out/scratch"
ok=0 failed=0 skipped=0
summary=()

for t in "${targets[@]}"; do
    src=test/fuzz/$t.cpp
    if [ ! -f "$src" ]; then
        echo "fuzz: no such target: $src" >&2; failed=$((failed + 1)); summary+=("FAILED $t: no source"); continue
    fi
    seeds=test/fuzz/corpus/${t#fuzz_}
    corpus=$out/corpus/$t
    mkdir -p "$corpus"
    echo "== $t: building"
    if ! clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
            -Wall -Wextra -Iinclude "$src" -o "$out/$t" -lboost_filesystem >"$out/logs/$t.build.log" 2>&1; then
        echo "== $t: SKIPPED: does not compile (yet?) -- first errors:"
        grep -m 5 'error:' "$out/logs/$t.build.log" | sed 's/^/    /' || true
        echo "   full log: $out/logs/$t.build.log"
        skipped=$((skipped + 1)); summary+=("SKIPPED $t (does not compile)"); continue
    fi
    echo "== $t: running ${seconds}s (corpus $corpus, seeds $seeds)"
    dirs=("$corpus")
    [ -d "$seeds" ] && dirs+=("$seeds")
    start=$SECONDS
    rc=0
    "$out/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$t-" ${extra[@]+"${extra[@]}"} "${dirs[@]}" >"$out/logs/$t.log" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$t.log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        echo "== $t: clean, ${runs:-?} inputs in $((SECONDS - start))s"
        ok=$((ok + 1)); summary+=("ok $t: ${runs:-?} inputs")
    else
        echo "== $t: FAILED (exit $rc) -- log $out/logs/$t.log:"
        grep -E 'check failed|ERROR|SUMMARY|Test unit written' "$out/logs/$t.log" | head -n 10 | sed 's/^/    /' || true
        failed=$((failed + 1)); summary+=("FAILED $t (see $out/logs/$t.log, input in $out/artifacts/)")
    fi
    # A crashed run cannot tidy up: empty its scratch for the next target.
    find "$BOOST_TEMPFILE_FUZZ_DIR" -mindepth 1 -delete 2>/dev/null || true
done

echo
printf '%s\n' "${summary[@]}"
echo "fuzz: $ok ran clean, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
