#!/usr/bin/env bash
# The compile-fail tests' messages, checked: each test/compile_fail/cf_*.cpp whose first line
# after the license lines quotes the expected message ("boost::tempfile: ...") must fail to compile with
# BOOST_TEMPFILE_TEST_MISUSE defined, and the compiler's output must contain that message (b2's
# compile-fail only sees that it failed). The message names the policy family and the member
# (doc/policies.adoc's rows: detail/concepts.hpp). g++ -fsyntax-only, C++17 (and C++20 with
# --cxx20); $CXX overrides g++. Prints one line per failure; exits 1 if there is one.
# usage: build/check_messages.sh [--cxx20] [--from-log=B2LOG] [test/compile_fail/cf_x.cpp...]
#   --from-log=B2LOG  a b2 log of the suite's g++ C++17 configuration (build/test.sh writes
#                     bin/logs/gcc-cxx17.log), which compiled each misuse already: b2 prints the
#                     compiler's output of each cf_<name>_misuse target it built, followed by
#                     "(failed-as-expected)". A misuse found so in the log is checked on that
#                     output (the same compile: g++ -std=c++17 with BOOST_TEMPFILE_TEST_MISUSE);
#                     any other (not in the log, up to date there, or not failed as expected) is
#                     compiled here as without the option.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
std=c++17
b2_log=""
while [ $# -gt 0 ]; do
    case "$1" in
        --cxx20) std=c++20 ;;
        --from-log=*) b2_log=${1#--from-log=} ;;
        *) break ;;
    esac
    shift
done
files=("$@")
if [ -n "$b2_log" ] && [ ! -r "$b2_log" ]; then
    echo "check_messages: no $b2_log (the suite's g++ configuration did not run?): every misuse compiled here"
    b2_log=""
fi
[ ${#files[@]} -eq 0 ] && files=(test/compile_fail/cf_*.cpp)
cxx=${CXX:-g++}
check_one() { # file
    local f=$1 msg out
    msg=$(grep -v -e '^// Copyright ' -e '^// Distributed under ' -e '^// (See accompanying ' -e '^$' "$f" |
        head -n1 | sed -n 's/.*("\(boost::tempfile: [^"]*\)").*/\1/p')
    [ -n "$msg" ] || { echo "SKIP (no expected message on the first line after the license): $f"; return 0; }
    # The b2 log's block of this misuse: from its compile action's line to b2's
    # "(failed-as-expected)" for the same object.
    local stem obj="" how=""
    stem=$(basename "$f" .cpp); stem=${stem#cf_}
    if [ -n "$b2_log" ] && [ "$std" = c++17 ]; then
        out=$(awk -v obj="/cf_${stem}_misuse.o" '
            function ends(s) { return length($0) > length(s) && substr($0, length($0) - length(s) + 1) == s }
            /^[a-z][A-Za-z0-9_+-]*(\.[A-Za-z0-9_+-]+)+ / { inblock = ($1 ~ /\.compile\./ && ends(obj)); n = 0; next }
            inblock && /^\(failed-as-expected\) / && ends(obj) { for (i = 1; i <= n; i++) print buf[i]; found = 1; exit }
            inblock { buf[++n] = $0 }
            END { exit !found }' "$b2_log") && how=" (b2 log)"
    fi
    if [ -z "$how" ] && out=$("$cxx" -std="$std" -Iinclude -fsyntax-only -DBOOST_TEMPFILE_TEST_MISUSE "$f" 2>&1); then
        echo "FAIL (compiled): $f"; return 1
    fi
    if ! grep -qF -- "$msg" <<<"$out"; then
        echo "FAIL (message \"$msg\" not in the compiler's output): $f"
        grep -m3 'error' <<<"$out" | sed 's/^/    /'
        return 1
    fi
    echo "ok: $f$how"
}
export -f check_one
export std cxx b2_log
status=0
printf '%s\n' "${files[@]}" | xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} bash -c 'check_one "$1"' _ {} >bin_check_messages.$$ || status=1
grep -v '^ok:' bin_check_messages.$$ || true
n=$(grep -c '^ok:' bin_check_messages.$$ || true)
from_log=$(grep -c '^ok:.* (b2 log)$' bin_check_messages.$$ || true)
f=$(grep -c '^FAIL' bin_check_messages.$$ || true)
rm -f bin_check_messages.$$
[ -z "$b2_log" ] || echo "check_messages: $from_log of the $n read from $b2_log, the others compiled here"
echo "check_messages ($cxx -std=$std): $n passed, $f failed"
[ "$status" -eq 0 ] && [ "$f" -eq 0 ]
