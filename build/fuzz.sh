#!/usr/bin/env bash
# Boost.TempFile: build and run the libFuzzer targets (test/fuzz/fuzz_*.cpp) with clang++
# -fsanitize=fuzzer,address,undefined, each for a bounded time; the last line printed is
#
#   fuzz: N ran clean, M failed, K skipped
#
# usage: build/fuzz.sh [--time=SECONDS] [--jobs=N] [target...]
#
#   --time=SECONDS  run time of each target (default 60; CI: 30); e.g. --time=3600
#   --jobs=N        targets built and run at once (default: the number of processors): each
#                   target is one process on one core (libFuzzer without -jobs), so on 2 cores
#                   the two targets run side by side, each its full time, in half the wall time
#   target          fuzz_options, fuzz_spooled, ... (default: every test/fuzz/fuzz_*.cpp)
#   -- ARGS...      more libFuzzer flags for every target (e.g. -- -jobs=2 -workers=2)
#
# Each target starts from its seed corpus test/fuzz/corpus/<name without fuzz_>/ and keeps what
# it finds in bin/fuzz/corpus/<name>/ (reused by the next run). A crash leaves its input in
# bin/fuzz/artifacts/; replay it with bin/fuzz/<target> <file>. A target that does not compile
# (e.g. fuzz_spooled before spooled_temporary_file exists) is SKIPPED, said so, and does not
# fail the run. Objects are created under bin/fuzz/scratch/<target> only. Each target's lines
# are printed when it ends (its log: bin/fuzz/logs/<target>.log).
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
jobs=$(nproc 2>/dev/null || echo 2)
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --time=*) seconds=${1#--time=} ;;
        --jobs=*) jobs=${1#--jobs=} ;;
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
ok=0 failed=0 skipped=0
summary=()

# One target: build, run; prints its lines, and its summary line ("ok|FAILED|SKIPPED ...") last.
fuzz_one() { # target
    local t=$1 src=test/fuzz/$1.cpp
    if [ ! -f "$src" ]; then
        echo "fuzz: no such target: $src" >&2; echo "FAILED $t: no source"; return
    fi
    local seeds=test/fuzz/corpus/${t#fuzz_} corpus=$out/corpus/$t
    mkdir -p "$corpus"
    # A scratch of its own: the targets may run at once.
    local scratch=$root/$out/scratch/$t
    mkdir -p "$scratch"
    echo "== $t: building"
    if ! clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
            -Wall -Wextra -Iinclude "$src" -o "$out/$t" -lboost_filesystem >"$out/logs/$t.build.log" 2>&1; then
        echo "== $t: SKIPPED: does not compile (yet?) -- first errors:"
        grep -m 5 'error:' "$out/logs/$t.build.log" | sed 's/^/    /' || true
        echo "   full log: $out/logs/$t.build.log"
        echo "SKIPPED $t (does not compile)"; return
    fi
    echo "== $t: running ${seconds}s (corpus $corpus, seeds $seeds)"
    local dirs=("$corpus")
    [ -d "$seeds" ] && dirs+=("$seeds")
    local start=$SECONDS rc=0 runs
    BOOST_TEMPFILE_FUZZ_DIR=$scratch \
    "$out/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$t-" ${extra[@]+"${extra[@]}"} "${dirs[@]}" >"$out/logs/$t.log" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$t.log" | tail -n 1)
    # A crashed run cannot tidy up: empty its scratch for the next run.
    find "$scratch" -mindepth 1 -delete 2>/dev/null || true
    if [ "$rc" -eq 0 ]; then
        echo "== $t: clean, ${runs:-?} inputs in $((SECONDS - start))s"
        echo "ok $t: ${runs:-?} inputs"
    else
        echo "== $t: FAILED (exit $rc) -- log $out/logs/$t.log:"
        grep -E 'check failed|ERROR|SUMMARY|Test unit written' "$out/logs/$t.log" | head -n 10 | sed 's/^/    /' || true
        echo "FAILED $t (see $out/logs/$t.log, input in $out/artifacts/)"
    fi
}

# $jobs targets at a time; each one's output printed whole when it ends.
running=()
finish() { # the first running target: wait, print, count
    local t=${running[0]} last
    running=("${running[@]:1}")
    wait "${pids[$t]}" || true
    last=$(tail -n 1 "$out/logs/$t.lines")
    sed '$d' "$out/logs/$t.lines"
    summary+=("$last")
    case "$last" in ok\ *) ok=$((ok + 1)) ;; SKIPPED\ *) skipped=$((skipped + 1)) ;; *) failed=$((failed + 1)) ;; esac
}
declare -A pids
for t in "${targets[@]}"; do
    [ "${#running[@]}" -lt "$jobs" ] || finish
    fuzz_one "$t" >"$out/logs/$t.lines" 2>&1 &
    pids[$t]=$!
    running+=("$t")
done
while [ "${#running[@]}" -gt 0 ]; do finish; done

echo
printf '%s\n' "${summary[@]}"
echo "fuzz: $ok ran clean, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
