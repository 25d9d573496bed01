#!/usr/bin/env bash
# Boost.TempFile: build and run every example/*.cpp with b2 (example/Jamfile: one `run`
# target per file), print what each one wrote, and end with
#
#   N examples passed, M failed
#
# usage: build/examples.sh [b2 arguments...]     e.g. toolset=clang, cxxstd=20, -d+2
# $BOOST_TEMPFILE_B2_ARGS is split on white space and passed to b2 first.
# An example passes when it builds and exits with status 0. Build products: bin/example/;
# b2's log: bin/logs/examples.log.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

args=()
if [ -n "${BOOST_TEMPFILE_B2_ARGS:-}" ]; then
    read -r -a args <<<"$BOOST_TEMPFILE_B2_ARGS"
fi
args+=("$@")
jobs=$(nproc 2>/dev/null || echo 2)
extra_pkgs=()
for a in ${args[@]+"${args[@]}"}; do
    case "$a" in
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        -j*) jobs=${a#-j} ;;
        toolset=clang*) extra_pkgs=(clang) ;;
    esac
done

# shellcheck source=build/deps.sh
source "$root/build/deps.sh"
set -euo pipefail
tempfile_deps_install ${extra_pkgs[@]+"${extra_pkgs[@]}"} || exit 1
b2=$(tempfile_b2) || exit 1

mkdir -p bin/logs bin/example
log=bin/logs/examples.log
stamp=bin/logs/examples.stamp
# An example counts as passed only if b2 confirms it in this run: drop the old markers
# (b2 re-creates a marker without rebuilding or re-running an up-to-date example).
find bin/example -type f -name '*.test' -delete 2>/dev/null || true
touch "$stamp"

echo "== $b2 -j$jobs ${args[*]-} example"
rc=0
"$b2" -j"$jobs" ${args[@]+"${args[@]}"} example >"$log" 2>&1 || rc=$?

pass=0
fail=0
shopt -s nullglob
sources=(example/*.cpp)
for src in ${sources[@]+"${sources[@]}"}; do
    name=$(basename "$src" .cpp)
    name=${name//./\~}   # b2 replaces '.' in test names with '~'
    echo "== example: $name"
    status=""
    marker=$(find bin/example -type f -name "$name.test" -path "*/$name.test/*" 2>/dev/null | head -n 1 || true)
    if [ -n "$marker" ]; then
        out=$(find bin/example -type f -name "$name.output" -path "*/$name.test/*" 2>/dev/null | head -n 1 || true)
    else
        out=$(find bin/example -type f -name "$name.output" -path "*/$name.test/*" -newer "$stamp" 2>/dev/null | head -n 1 || true)
    fi
    if [ -n "$out" ]; then
        # The captured output ends with an empty line and "EXIT STATUS: N" (added by b2).
        sed -e '/^EXIT STATUS: [0-9]*$/d' "$out" | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'
        status=$(sed -n 's/^EXIT STATUS: \([0-9]*\)$/\1/p' "$out" | tail -n 1)
    fi
    if [ -n "$marker" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        if [ -n "$out" ]; then
            echo "-- FAILED: exited with status ${status:-?}"
        else
            echo "-- FAILED: did not build (b2 log: $log):"
            # The compiler's diagnostics for this example, without b2's command echo.
            awk -v name="$name" '
                $1 ~ /\.(compile\.c\+\+|link)$/ && $2 ~ ("/" name "\\.test/") { on = 1; next }
                on && /^ +"/ { on = 0 }
                on && /^\.\.\./ { on = 0 }
                on { buf[++n] = "    " $0 }
                END { while (n && buf[n] ~ /^ *$/) n--; for (i = 1; i <= n; i++) print buf[i] }' "$log" |
                head -n 60
        fi
    fi
done

if [ ${#sources[@]} -eq 0 ]; then
    echo "(no example/*.cpp)"
fi
if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
    echo "-- b2 exited with status $rc: see $log"
    grep -v '^boost-test(' "$log" | tail -n 20 | sed 's/^/    /'
    fail=$((fail + 1))
fi
echo
echo "$pass examples passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$rc" -eq 0 ]
