#!/usr/bin/env bash
# Warnings, macros and bytes: what a user's strict build sees of the headers (issue 20).
#   1. ascii     every file under include/ is ASCII (MSVC C4819 under /WX)
#   2. minmax    min/max defined as function-like macros, as <windows.h> does without NOMINMAX,
#                before every header is included: POSIX (g++) and Windows (mingw-w64) headers.
#                The standard library is included first (MSVC's is immune, libstdc++ is not).
#   3. g++       test/warnings/every_object.cpp (every object, policy and function, narrow and
#                wide), C++17 -O2, the strict set below, -Werror
#   4. clang++   the same TU, -Weverything less -Wpadded, the C++98-compat groups,
#                -Wdisabled-macro-expansion (glibc's sa_handler/sa_sigaction are macros naming
#                themselves: no way to use struct sigaction without it) and
#                -Wexit-time-destructors (the per-thread tempdir copy is destroyed at thread
#                exit on purpose), C++17 and C++20 (the concepts), -Werror
#   5. mingw     the strict g++ set on the Windows headers (x86_64-w64-mingw32-g++,
#                -fsyntax-only; needs $BOOST_TEMPFILE_WINDOWS_DIR/include, else skipped with
#                its reason)
#   6. windows.h <windows.h> (with <winternl.h> and <sddl.h>) and the library in one TU
#                (test/windows_h.cpp, both modes): included first (its macros meet every
#                header), then last (its declarations meet the library's own, and no header
#                of the library may have included it), with the strict set; and the same with
#                i686-w64-mingw32-g++ (WINAPI is __stdcall on 32-bit x86: a declaration with
#                another convention conflicts), declarations only (no warning set: 32-bit casts
#                are not what it checks); build/windows.sh installs it with the 64-bit
#                toolchain (skipped with its reason where it is missing)
# Prints what fails; exits 1 if anything does. Run by .ci/run (step warnings).
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

gxx_strict=(-Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wold-style-cast -Wuseless-cast
            -Wcast-qual -Wcast-align -Wnon-virtual-dtor -Woverloaded-virtual -Wduplicated-cond
            -Wduplicated-branches -Wlogical-op -Wnull-dereference -Wdouble-promotion -Wformat=2
            -Wmissing-declarations -Wredundant-decls -Wundef -Wextra-semi -Wzero-as-null-pointer-constant -Werror)
clang_every=(-Weverything -Wno-padded -Wno-c++98-compat -Wno-c++98-compat-pedantic -Wno-disabled-macro-expansion
             -Wno-exit-time-destructors -Werror)
tu=test/warnings/every_object.cpp
win_dir=${BOOST_TEMPFILE_WINDOWS_DIR:-$PWD/bin/windows}
mingw=$(command -v x86_64-w64-mingw32-g++-posix || command -v x86_64-w64-mingw32-g++ || echo x86_64-w64-mingw32-g++-posix) # the toolchain build/windows.sh uses
status=0
passed=0
failed=0
skipped=0
# The checks run side by side, one a processor (each is one compiler process); their results are
# printed in the order below once all have finished.
max_jobs=$(nproc 2>/dev/null || echo 2)
results=$(mktemp -d)
minmax_tu=$(mktemp --suffix=.cpp)
trap 'rm -rf "$results" "$minmax_tu"' EXIT
listed=()    # "check <name> <index>" or "skip <name>" in the order given
check() { # name, command...
    local name=$1 i=${#listed[@]}; shift
    listed+=("check $name $i")
    while [ "$(jobs -rp | wc -l)" -ge "$max_jobs" ]; do wait -n || true; done
    (
        rc=0
        "$@" >"$results/$i.out" 2>&1 || rc=$?
        { [ "$rc" -eq 0 ] && [ ! -s "$results/$i.out" ]; } && echo passed >"$results/$i.rc" || echo failed >"$results/$i.rc"
        printf '%s\n' "$*" >"$results/$i.cmd"
    ) &
}
skip() { listed+=("skip $1"); printf '%s\n' "$2" >"$results/skip-$1"; }
report() {
    wait
    local kind name i
    for entry in "${listed[@]}"; do
        read -r kind name i <<<"$entry"
        if [ "$kind" = skip ]; then
            echo "skipped  $name: $(cat "$results/skip-$name")"; skipped=$((skipped + 1))
        elif [ "$(cat "$results/$i.rc" 2>/dev/null)" = passed ]; then
            echo "passed   $name"; passed=$((passed + 1))
        else
            echo "FAILED   $name: $(cat "$results/$i.cmd" 2>/dev/null)"; head -40 "$results/$i.out" | sed 's/^/    /'
            failed=$((failed + 1)); status=1
        fi
    done
}

# 1. ASCII
check ascii sh -c "LC_ALL=C grep -rnP '[^\\x00-\\x7F]' include || true"

# 2. min/max macros before every header (one TU: the guards make each header's text seen once)
{
    echo '#include <bits/stdc++.h>'
    echo '#define min(a, b) (((a) < (b)) ? (a) : (b))'
    echo '#define max(a, b) (((a) > (b)) ? (a) : (b))'
    # Compiled separately (-DBOOST_TEMPFILE_SEPARATE_COMPILATION): src.hpp first, as its TU has it.
    echo '#if defined(BOOST_TEMPFILE_SEPARATE_COMPILATION)'
    echo '#include <boost/tempfile/src.hpp>'
    echo '#endif'
    for h in include/boost/tempfile.hpp include/boost/tempfile/*.hpp; do
        [ "$h" = include/boost/tempfile/src.hpp ] || echo "#include <${h#include/}>"
    done
    echo 'int main() { return 0; }'
} >"$minmax_tu"
check minmax-posix g++ -std=c++17 -Iinclude -fsyntax-only "$minmax_tu"
check minmax-posix-separate g++ -std=c++17 -Iinclude -DBOOST_TEMPFILE_SEPARATE_COMPILATION -fsyntax-only "$minmax_tu"
have_mingw=1
if ! command -v "$mingw" >/dev/null 2>&1; then
    have_mingw=0; why="$mingw not installed (build/windows.sh installs it)"
elif [ ! -d "$win_dir/include/boost" ]; then
    have_mingw=0; why="no Boost for mingw in $win_dir/include (build/windows.sh prepares it; or set BOOST_TEMPFILE_WINDOWS_DIR)"
fi
if [ "$have_mingw" = 1 ]; then
    check minmax-windows "$mingw" -std=c++17 -Iinclude -isystem "$win_dir/include" -fsyntax-only "$minmax_tu"
    check minmax-windows-separate "$mingw" -std=c++17 -Iinclude -isystem "$win_dir/include" \
        -DBOOST_TEMPFILE_SEPARATE_COMPILATION -fsyntax-only "$minmax_tu"
else
    skip minmax-windows "$why"
    skip minmax-windows-separate "$why"
fi

# 3-5. zero warnings on the TU using everything
check g++-strict g++ -std=c++17 -O2 -Iinclude "${gxx_strict[@]}" -c -o /dev/null "$tu"
# Compiled separately: the user's TU (declarations only) and the compiled part (src/tempfile.cpp).
check g++-strict-separate sh -c "g++ -std=c++17 -O2 -Iinclude ${gxx_strict[*]} -DBOOST_TEMPFILE_SEPARATE_COMPILATION -c -o /dev/null $tu &&
    g++ -std=c++17 -O2 -Iinclude ${gxx_strict[*]} -DBOOST_TEMPFILE_SEPARATE_COMPILATION -c -o /dev/null src/tempfile.cpp"
if command -v clang++ >/dev/null 2>&1; then
    check clang-weverything-cxx17 clang++ -std=c++17 -Iinclude "${clang_every[@]}" -fsyntax-only "$tu"
    check clang-weverything-cxx20 clang++ -std=c++20 -Iinclude "${clang_every[@]}" -fsyntax-only "$tu"
else
    skip clang-weverything "clang++ not installed"
fi
if [ "$have_mingw" = 1 ]; then
    check mingw-strict "$mingw" -std=c++17 -Iinclude -isystem "$win_dir/include" "${gxx_strict[@]}" -fsyntax-only "$tu"
else
    skip mingw-strict "$why"
fi

# 6. <windows.h> before and after the library
if [ "$have_mingw" = 1 ]; then
    for order in 1:before 2:after; do
        for mode in "" -DBOOST_TEMPFILE_SEPARATE_COMPILATION; do
            check "mingw-windows-h-${order#*:}${mode:+-separate}" "$mingw" -std=c++17 -Iinclude -isystem "$win_dir/include" \
                "${gxx_strict[@]}" -DBOOST_TEMPFILE_TEST_WINDOWS_H="${order%%:*}" $mode -fsyntax-only test/windows_h.cpp
        done
    done
    mingw32=$(command -v i686-w64-mingw32-g++-posix || command -v i686-w64-mingw32-g++ || true)
    if [ -n "$mingw32" ]; then
        for order in 1:before 2:after; do
            check "mingw32-windows-h-${order#*:}" "$mingw32" -std=c++17 -Iinclude -isystem "$win_dir/include" \
                -DBOOST_TEMPFILE_TEST_WINDOWS_H="${order%%:*}" -fsyntax-only test/windows_h.cpp
        done
    else
        skip mingw32-windows-h "i686-w64-mingw32-g++ not installed (apt-get install g++-mingw-w64-i686-posix)"
    fi
else
    skip mingw-windows-h "$why"
fi

report
echo "warnings: $passed passed, $failed failed, $skipped skipped"
exit "$status"
