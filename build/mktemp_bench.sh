#!/usr/bin/env bash
# Boost.TempFile: what one invocation of example/tempfile-mktemp costs against GNU coreutils'
# mktemp (doc/performance.adoc#tempfile-mktemp-per-invocation). Builds the tool as
# example/Jamfile does (g++ -O2, static libstdc++/libgcc and Boost.Filesystem; glibc shared, as
# GNU's), then runs both --runs times (default 2000) in alternating rounds of 200, each run a
# `-p <dir>` file creation on tmpfs, started with posix_spawn from a small driver (no shell in
# between), stdout to /dev/null. Prints per invocation: the median over the rounds of the wall
# time and of the children's CPU time (user + system; steadier on a shared machine), and the
# ratios tool / GNU.
#
# usage: build/mktemp_bench.sh [--runs=N] [--dir=DIR]
#
# Not a test: nothing is compared against a time, and CI does not run it.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

runs=2000
dir=""
for a in "$@"; do
    case "$a" in
        --runs=*) runs=${a#--runs=} ;;
        --dir=*) dir=${a#--dir=} ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "mktemp_bench.sh: unknown argument $a" >&2; exit 2 ;;
    esac
done
[ "$runs" -ge 200 ] 2>/dev/null || { echo "mktemp_bench.sh: --runs needs a number >= 200" >&2; exit 2; }

# shellcheck source=build/deps.sh
source "$root/build/deps.sh"
set -euo pipefail
tempfile_deps_install || exit 1
gnu=$(command -v mktemp) || { echo "mktemp_bench.sh: no GNU mktemp (coreutils)" >&2; exit 1; }

out=bin/perf
mkdir -p "$out"
cxx=${CXX:-g++}
echo "mktemp_bench.sh: building $out/tempfile-mktemp ($cxx -O2 -DNDEBUG, -static-libstdc++ -static-libgcc, static Boost.Filesystem)"
"$cxx" -std=c++17 -O2 -DNDEBUG -I"$root/include" example/tempfile-mktemp.cpp -o "$out/tempfile-mktemp" \
    -static-libstdc++ -static-libgcc -Wl,-Bstatic -lboost_filesystem -Wl,-Bdynamic

cat >"$out/spawn_n.cpp" <<'EOF'
// spawn_n N program args...: runs the program N times (stdout to /dev/null, each must exit 0);
// prints the wall time and the children's CPU time (user + system) per run, in microseconds.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <cstdio>
#include <cstdlib>
extern char** environ;
static double us(const timeval& t) { return t.tv_sec * 1e6 + t.tv_usec; }
int main(int argc, char** argv)
{
    if (argc < 3)
        return 2;
    const int n = std::atoi(argv[1]);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    rusage r0, r1;
    timespec a, b;
    getrusage(RUSAGE_CHILDREN, &r0);
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < n; ++i) {
        pid_t pid;
        int st = 0;
        if (posix_spawn(&pid, argv[2], &fa, nullptr, argv + 2, environ) != 0 || waitpid(pid, &st, 0) < 0 ||
            !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            std::fprintf(stderr, "spawn_n: %s failed\n", argv[2]);
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    getrusage(RUSAGE_CHILDREN, &r1);
    std::printf("%.1f %.1f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n / 1e3,
                (us(r1.ru_utime) - us(r0.ru_utime) + us(r1.ru_stime) - us(r0.ru_stime)) / n);
}
EOF
"$cxx" -O2 "$out/spawn_n.cpp" -o "$out/spawn_n"

parent=${dir:-$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
scratch=$("$gnu" -d "$parent/tf-mktemp-bench.XXXXXX")
trap 'rm -rf -- "$scratch"' EXIT

rounds=$((runs / 200))
gnu_wall=() gnu_cpu=() tool_wall=() tool_cpu=()
for ((i = 0; i < rounds; ++i)); do
    read -r w c < <("$out/spawn_n" 200 "$gnu" -p "$scratch")
    gnu_wall+=("$w") gnu_cpu+=("$c")
    read -r w c < <("$out/spawn_n" 200 "$out/tempfile-mktemp" -p "$scratch")
    tool_wall+=("$w") tool_cpu+=("$c")
    find "$scratch" -mindepth 1 -delete
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
gw=$(median "${gnu_wall[@]}") gc=$(median "${gnu_cpu[@]}")
tw=$(median "${tool_wall[@]}") tc=$(median "${tool_cpu[@]}")
echo
echo "$((rounds * 200)) runs each, $rounds alternating rounds of 200, in $parent; median per invocation:"
echo
echo "| | wall | CPU (user + system) |"
echo "|---|---|---|"
us=$(printf '\302\265s')    # "micro" "s", in UTF-8 (the scripts are ASCII)
echo "| GNU mktemp ($gnu) | $gw $us | $gc $us |"
echo "| tempfile-mktemp | $tw $us | $tc $us |"
awk -v a="$tw" -v b="$gw" -v c="$tc" -v d="$gc" 'BEGIN {printf "| ratio | **%.2f\303\227** | **%.2f\303\227** |\n", a / b, c / d}'
