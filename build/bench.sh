#!/usr/bin/env bash
# Boost.TempFile: the performance benchmark (doc/performance.adoc). Builds test/perf/bench.cpp
# with g++ -O2 -DNDEBUG, runs every implementation in its own process, in alternating order,
# --repeats times on tmpfs (/dev/shm) and on /tmp, and prints one Markdown table per file
# system: median ns/op, the spread, and the ratio to the raw system-call floor; then
# test/perf/tempdir_variants.cpp (what an empty temporary_directory costs, call by call).
#
# usage: build/bench.sh [--repeats=N] [--only=tmpfs|tmp] [--clock=wall|cpu]
#        build/bench.sh --windows [--repeats=N]
#
# --windows: test/perf/bench_windows.cpp cross-built with mingw-w64 (build/windows.sh sets it up)
# and run under Wine in the Wine prefix's drive C: each library operation against the raw
# Win32 floor (CreateFileW + CloseHandle + DeleteFileW, CreateDirectoryW + RemoveDirectoryW),
# --repeats rounds (default 7) in one process; ratios only (Wine's times are not Windows').
#
# --clock=cpu times each operation in the calling thread's CPU time (user + system) instead of
# wall time: steadier when other work shares the machine; the two-thread rows stay wall time.
#
# Not a test: nothing is compared against a time, and CI does not run it. It takes about
# two minutes on a 2-core machine. Raw results: bin/perf/results.txt.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

repeats=5
only=""
windows=0
for a in "$@"; do
    case "$a" in
        --windows) windows=1 ;;
        --repeats=*) repeats=${a#--repeats=} ;;
        --only=*) only=${a#--only=} ;;
        --clock=wall|--clock=cpu) export TF_BENCH_CLOCK=${a#--clock=} ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "bench.sh: unknown argument $a" >&2; exit 2 ;;
    esac
done
[ "$repeats" -ge 1 ] 2>/dev/null || { echo "bench.sh: --repeats needs a number >= 1" >&2; exit 2; }

# shellcheck source=build/deps.sh
source "$root/build/deps.sh"
set -euo pipefail
tempfile_deps_install || exit 1

out=bin/perf
mkdir -p "$out"

if [ "$windows" = 1 ]; then
    # shellcheck source=build/windows.sh
    source "$root/build/windows.sh"
    set -euo pipefail
    tempfile_windows_setup || exit 1
    wd=$tempfile_windows_dir
    echo "bench.sh: building $out/bench_windows.exe ($tempfile_windows_cxx -O2 -DNDEBUG)"
    "$tempfile_windows_cxx" -std=c++20 -O2 -DNDEBUG -Wall -Wextra -isystem "$wd/include" -I"$root/include" \
        test/perf/bench_windows.cpp -o "$out/bench_windows.exe" -static -L"$wd/lib" -llibboost_filesystem \
        -lbcrypt -ladvapi32
    d=$(mktemp -d "$wd/prefix/drive_c/tf-bench.XXXXXX")
    trap 'rm -rf -- "$d"' EXIT
    [ "$repeats" = 5 ] && repeats=7
    start=$SECONDS
    table=$("$wd/wine-run" "$out/bench_windows.exe" "C:\\${d##*/}" "$repeats" | tr -d '\r')
    echo
    echo "## Boost.TempFile benchmark on Windows under Wine ($(date -u +%Y-%m-%d), $repeats rounds, $((SECONDS - start)) s)"
    echo
    echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), nproc $(nproc)"
    echo "- $("$tempfile_windows_wine" --version 2>/dev/null || echo Wine); $("$tempfile_windows_cxx" --version | head -n 1); -O2 -DNDEBUG"
    echo "- directory: C:\\${d##*/} (the Wine prefix's drive C: on $(df -PT "$d" | awk 'NR == 2 { print $2 }'))"
    echo
    echo "$table"
    exit 0
fi
cxx=${CXX:-g++}
flags=(-std=c++20 -O2 -DNDEBUG -Wall -Wextra -Wno-mismatched-new-delete -I"$root/include" -pthread)

# spooled_temporary_file is used only when this tree has it (DESIGN.md section 3, call forms).
cat >"$out/has_spooled.cpp" <<'EOF'
#include <boost/tempfile.hpp>
#if __has_include(<boost/tempfile/spooled.hpp>)
#include <boost/tempfile/spooled.hpp>
#endif
int main()
{
    namespace tf = boost::tempfile;
    tf::spooled_temporary_file s({.dir = "/tmp", .max_size = 16});
    s.write("x", 1);
    return s.rolled_over() ? 1 : 0;
}
EOF
if "$cxx" "${flags[@]}" -fsyntax-only "$out/has_spooled.cpp" >/dev/null 2>&1; then
    flags+=(-DBOOST_TEMPFILE_BENCH_SPOOLED)
    spooled=yes
else
    spooled="no (spooled rows print n/a)"
fi
echo "bench.sh: building $out/bench ($cxx -O2 -DNDEBUG; spooled_temporary_file: $spooled)"
"$cxx" "${flags[@]}" test/perf/bench.cpp -o "$out/bench" -lboost_filesystem
"$cxx" -std=c++20 -O2 -DNDEBUG -Wall -Wextra -I"$root/include" test/perf/tempdir_variants.cpp -o "$out/tempdir_variants" \
    -lboost_filesystem

python=""
if command -v python3 >/dev/null 2>&1; then python=$(command -v python3); fi

impls=(floor lib lib-pinned floor-path glibc bfs stdfs)
[ -n "$python" ] && impls+=(cpython)

# Scratch directories, removed at exit whatever happens.
dirs=()
cleanup() { local d; for d in ${dirs[@]+"${dirs[@]}"}; do rm -rf -- "$d"; done; }
trap cleanup EXIT
fs_labels=()
fs_dirs=()
add_fs() { # label parent
    [ -n "$only" ] && [ "$only" != "$1" ] && return 0
    if [ ! -d "$2" ] || [ ! -w "$2" ]; then
        echo "bench.sh: $2 is not a writable directory; skipping $1" >&2
        return 0
    fi
    local d
    d=$(mktemp -d "$2/tf-bench.XXXXXX")
    dirs+=("$d")
    fs_labels+=("$1")
    fs_dirs+=("$d")
}
add_fs tmpfs /dev/shm
add_fs tmp /tmp
[ ${#fs_labels[@]} -gt 0 ] || { echo "bench.sh: no directory to measure in" >&2; exit 1; }

results="$out/results.txt"
: >"$results"
start=$SECONDS
n=${#impls[@]}
for ((r = 0; r < repeats; r++)); do
    # Alternating order: rotated by one each repeat, and reversed every other repeat, so that no
    # implementation always runs first (cold caches) or right after the same neighbour.
    order=()
    for ((i = 0; i < n; i++)); do order+=("${impls[$(((i + r) % n))]}"); done
    if ((r % 2)); then
        rev=()
        for ((i = n - 1; i >= 0; i--)); do rev+=("${order[$i]}"); done
        order=("${rev[@]}")
    fi
    echo "bench.sh: repeat $((r + 1))/$repeats: ${order[*]}"
    for ((f = 0; f < ${#fs_labels[@]}; f++)); do
        for impl in "${order[@]}"; do
            if [ "$impl" = cpython ]; then
                "$python" test/perf/bench_cpython.py "${fs_labels[$f]}" "${fs_dirs[$f]}" >>"$results"
            else
                "$out/bench" run "$impl" "${fs_labels[$f]}" "${fs_dirs[$f]}" >>"$results"
            fi
        done
    done
done

echo
echo "## Boost.TempFile benchmark ($(date -u +%Y-%m-%d), $repeats repeats, $((SECONDS - start)) s)"
echo
echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), nproc $(nproc)"
echo "- clock: ${TF_BENCH_CLOCK:-wall} time per operation; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- kernel: $(uname -sr); compiler: $("$cxx" --version | head -n 1); -O2 -DNDEBUG"
for ((f = 0; f < ${#fs_labels[@]}; f++)); do
    echo "- ${fs_labels[$f]}: ${fs_dirs[$f]%/*} on $(df -PT "${fs_dirs[$f]}" | awk 'NR == 2 { print $2 }')"
done
[ -n "$python" ] && echo "- CPython: $("$python" --version 2>&1)"
echo "- Rust tempfile: not measured (no crate registry on this machine)"
"$out/bench" report "$results"
echo
echo "### Where an empty temporary_directory's time goes (${fs_labels[0]}: raw calls, then the library)"
echo
"$out/tempdir_variants" "${fs_dirs[0]}"
