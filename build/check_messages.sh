#!/usr/bin/env bash
# The compile-fail tests' messages, checked: each test/compile_fail/cf_*.cpp whose first line
# after the license lines quotes the expected message ("boost::tempfile: ...") must fail to compile with
# BOOST_TEMPFILE_TEST_MISUSE defined, and the compiler's output must contain that message (b2's
# compile-fail only sees that it failed). The message names the policy family and the member
# (doc/policies.adoc's rows: detail/concepts.hpp). g++ -fsyntax-only, C++17 (and C++20 with
# --cxx20); $CXX overrides g++. Prints one line per failure; exits 1 if there is one.
# usage: build/check_messages.sh [--cxx20] [test/compile_fail/cf_x.cpp...]
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
std=c++17
[ "${1:-}" = --cxx20 ] && { std=c++20; shift; }
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(test/compile_fail/cf_*.cpp)
cxx=${CXX:-g++}
check_one() { # file
    local f=$1 msg out
    msg=$(grep -v -e '^// Copyright ' -e '^// Distributed under ' -e '^// (See accompanying ' -e '^$' "$f" |
        head -n1 | sed -n 's/.*("\(boost::tempfile: [^"]*\)").*/\1/p')
    [ -n "$msg" ] || { echo "SKIP (no expected message on the first line after the license): $f"; return 0; }
    if out=$("$cxx" -std="$std" -Iinclude -fsyntax-only -DBOOST_TEMPFILE_TEST_MISUSE "$f" 2>&1); then
        echo "FAIL (compiled): $f"; return 1
    fi
    if ! grep -qF -- "$msg" <<<"$out"; then
        echo "FAIL (message \"$msg\" not in the compiler's output): $f"
        grep -m3 'error' <<<"$out" | sed 's/^/    /'
        return 1
    fi
    echo "ok: $f"
}
export -f check_one
export std cxx
status=0
printf '%s\n' "${files[@]}" | xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} bash -c 'check_one "$1"' _ {} >bin_check_messages.$$ || status=1
grep -v '^ok:' bin_check_messages.$$ || true
n=$(grep -c '^ok:' bin_check_messages.$$ || true)
f=$(grep -c '^FAIL' bin_check_messages.$$ || true)
rm -f bin_check_messages.$$
echo "check_messages ($cxx -std=$std): $n passed, $f failed"
[ "$status" -eq 0 ] && [ "$f" -eq 0 ]
