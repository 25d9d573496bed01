#!/usr/bin/env bash
# Boost.TempFile: build and run the whole test suite; the last line printed is
#
#   N passed, M failed
#
# usage: build/test.sh [--toolset=gcc|clang|all] [--sanitize=none|address|thread] [--quick]
#                      [--platform=linux|windows] [--portable-posix] [--jobs=N]
#                      [b2 arguments and targets...]
#
#   --toolset=all      (default) the suite with g++ under C++17, then with clang++ under C++20
#                      built with AddressSanitizer + UndefinedBehaviorSanitizer (unless
#                      --sanitize= is given, which then applies to both); umbrella_cxx17 /
#                      umbrella_cxx20 always use their own standard. The compile-only targets
#                      (umbrella, per-header, the compile_fail control/misuse pairs: about 130
#                      compiles of platform-independent templates) are built in the g++
#                      configuration only; the clang++ one builds and runs what executes
#                      (test//run_tests and test//visibility_shared_state): the compile-only
#                      targets were half of its time and checked nothing a sanitizer sees. The
#                      clang++ configuration is compiled separately (--separate), and builds
#                      the per-header targets too: in that mode no header may include a system
#                      header at all. So both modes run on every call.
#   --toolset=gcc|clang  only that compiler (--toolset=clang alone builds every target)
#   --sanitize=none    no sanitizer in any configuration
#   --sanitize=address ASan + UBSan (norecover), built under bin/<config>-asan
#   --sanitize=thread  TSan (norecover), only the Boost.Test programs (test//run_tests)
#   --quick            one toolset (g++ unless --toolset names clang), no CMake consumer checks
#   --platform=windows the suite AND the examples cross-built with mingw-w64 (C++17; the
#                      examples ask for C++20) and run under Wine, headless: build/windows.sh
#                      installs and prepares everything on first use (about 2 minutes), then
#                      reuses it from bin/windows. Both modes, one after the other: header-only
#                      (bin/mingw-cxx17), then compiled separately (bin/mingw-cxx17-separate:
#                      the programs, the examples, each header alone; not the compile-fail pairs);
#                      one mode only with --header-only or --separate, with --coverage (the
#                      header-only one) or with targets named.
#   --portable-posix   the library built with BOOST_TEMPFILE_NO_LINUX_EXTENSIONS: the paths macOS
#                      and the BSDs take (no O_TMPFILE, O_PATH, renameat2, getrandom,
#                      getdents64, fchmodat2, secure_getenv, /proc), on Linux. Build products:
#                      bin/<config>-portable (e.g. bin/gcc-cxx17-portable-asan); no CMake checks.
#   --coverage         gcc's --coverage at -O0, no -g (gcov reads its own notes) (BOOST_TEMPFILE_TEST_COVERAGE: forked children write
#                      their counts, test/common/coverage_hook.hpp); build products under
#                      bin/<config>-coverage, made world-writable (umask 0 while b2 runs) so
#                      that children running as `nobody` add their .gcda counts too. Read the
#                      counts with build/coverage.sh, which drives this.
#   --separate         the library compiled separately (BOOST_TEMPFILE_SEPARATE_COMPILATION):
#                      every target built in that mode, each test program linked with the
#                      compiled part (src/tempfile.cpp) or, for the white-box tests of a
#                      platform's internals, including src.hpp itself (test/Jamfile). Build
#                      products: bin/<config>-separate. In --toolset=all, the clang++
#                      configuration is always built so (the g++ one is header-only): both
#                      modes every time.
#   --header-only      every configuration header-only (with --toolset=all, the clang++ one too)
#   --rerun            run the test programs again even when b2 finds them up to date (to run
#                      the suite under another environment: TMPDIR, TEMP, TMP, a user...)
#   anything else      passed to b2: properties (variant=release, cxxstd=20 replaces the
#                      configuration's standard), options (-d+2, --verbose-test) or targets
#                      (test_naming means test//test_naming); given targets replace `test`.
#   $BOOST_TEMPFILE_B2_ARGS  more b2 arguments, split on white space, before the ones above.
#
# How the count works: a Boost.Test program (test/test_*.cpp, run with --report_level=short)
# counts its test cases, read from its captured .output file (a case that cannot run on this
# platform prints "skipped: <reason>" and is counted as skipped: ", K skipped" is added to
# the summary line when K > 0); one that fails to build, or
# crashes without a report, counts as (at least) 1 failed. Every other b2 test target
# (umbrella, per-header, compile_fail control/misuse; with --platform=windows, every example)
# counts as 1: passed when b2 left its .test marker. The CMake consumer checks (add_subdirectory, find_package) count 1 each;
# they are skipped with --quick, --sanitize=address|thread or explicit targets.
# b2's full logs: bin/logs/<config>.log; CMake logs: bin/logs/cmake-*.log.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

toolset=all
sanitize=""     # "": the default (ASan + UBSan for the clang half of --toolset=all)
quick=0
platform=linux
rerun=0
separate=0
header_only=0
portable=0
coverage=0
jobs=$(nproc 2>/dev/null || echo 2)
b2_opts=()      # options and properties for b2
b2_targets=()   # targets; default: test
user_cxxstd=""  # cxxstd=... given on the command line

args=()
if [ -n "${BOOST_TEMPFILE_B2_ARGS:-}" ]; then
    read -r -a args <<<"$BOOST_TEMPFILE_B2_ARGS"
fi
args+=("$@")

for a in ${args[@]+"${args[@]}"}; do
    case "$a" in
        -h|--help) usage; exit 0 ;;
        --toolset=*) toolset=${a#--toolset=} ;;
        toolset=*) toolset=${a#toolset=} ;;
        --sanitize=*) sanitize=${a#--sanitize=} ;;
        --quick) quick=1 ;;
        --platform=*) platform=${a#--platform=} ;;
        --rerun) rerun=1 ;;
        --separate) separate=1 ;;
        --header-only) header_only=1 ;;
        --portable-posix) portable=1 ;;
        --coverage) coverage=1 ;;
        --jobs=*) jobs=${a#--jobs=} ;;
        -j*) jobs=${a#-j} ;;
        cxxstd=*) user_cxxstd=${a#cxxstd=}; b2_opts+=("$a") ;;
        -*|*=*) b2_opts+=("$a") ;;
        */*) b2_targets+=("$a") ;;
        *) if [ -d "$a" ]; then b2_targets+=("$a"); else b2_targets+=("test//$a"); fi ;;
    esac
done

case "$toolset" in gcc|clang|all) ;; *) echo "test.sh: --toolset must be gcc, clang or all" >&2; exit 2 ;; esac
case "$sanitize" in ""|none|address|thread) ;; *) echo "test.sh: --sanitize must be none, address or thread" >&2; exit 2 ;; esac
case "$platform" in linux|windows) ;; *) echo "test.sh: --platform must be linux or windows" >&2; exit 2 ;; esac
[ "$platform" = windows ] && [ -n "$sanitize" ] && [ "$sanitize" != none ] && { echo "test.sh: --sanitize is for --platform=linux" >&2; exit 2; }
[ "$platform" = windows ] && [ "$portable" = 1 ] && { echo "test.sh: --portable-posix is for --platform=linux" >&2; exit 2; }
[ "$separate" = 1 ] && [ "$header_only" = 1 ] && { echo "test.sh: --separate and --header-only: choose one" >&2; exit 2; }
[ "$quick" = 1 ] && [ "$toolset" = all ] && toolset=gcc   # one toolset: g++ unless named
[ "$coverage" = 1 ] && [ "$toolset" = all ] && toolset=gcc

# Configurations: "<label> <b2 toolset> <cxxstd> <sanitizer> <what>", <what> being all (every
# target of the default targets) or run (only the targets that execute: see --toolset=all).
configs=()
case "$toolset" in
    gcc) configs=("gcc-cxx17 gcc 17 ${sanitize:-none} all") ;;
    clang) configs=("clang-cxx20 clang 20 ${sanitize:-none} all") ;;
    all) configs=("gcc-cxx17 gcc 17 ${sanitize:-none} all" "clang-cxx20 clang 20 ${sanitize:-address} run separate") ;;
esac
if [ "$platform" = windows ]; then
    configs=("mingw-cxx17 gcc-mingw 17 none all")
    # Both modes unless one is asked for (or implied: coverage, named targets).
    [ "$separate" = 1 ] || [ "$header_only" = 1 ] || [ "$coverage" = 1 ] || [ ${#b2_targets[@]} -gt 0 ] ||
        configs+=("mingw-cxx17 gcc-mingw 17 none run separate")
fi
sanitize=${sanitize:-none}   # what was asked for explicitly (the CMake checks and the like)

portable_props=()
portable_suffix=""
if [ "$portable" = 1 ]; then
    portable_props=(define=BOOST_TEMPFILE_NO_LINUX_EXTENSIONS)
    portable_suffix=-portable
fi

cov_props=()
cov_suffix=""
if [ "$coverage" = 1 ]; then
    [ "$sanitize" = none ] || { echo "test.sh: --coverage and --sanitize do not mix" >&2; exit 2; }
    [ "$toolset" = gcc ] || { echo "test.sh: --coverage is for g++ (gcov)" >&2; exit 2; }
    cov_props=(variant=debug optimization=off debug-symbols=off cxxflags=--coverage cxxflags=-fprofile-update=atomic linkflags=--coverage
               define=BOOST_TEMPFILE_TEST_COVERAGE)
    cov_suffix=-coverage
fi

run_cmake=1
if [ "$coverage" = 1 ] || [ "$portable" = 1 ] || [ "$quick" = 1 ] || [ "$sanitize" != none ] || [ ${#b2_targets[@]} -gt 0 ] || [ "$platform" = windows ]; then
    run_cmake=0
fi

# ---------------------------------------------------------------- dependencies
# shellcheck source=build/deps.sh
source "$root/build/deps.sh"
set -euo pipefail   # (again: deps.sh sets it too) every command that may fail is guarded
extra_pkgs=()
if [ "$toolset" != gcc ] && [ "$platform" = linux ]; then
    extra_pkgs+=(clang)
    [[ " ${configs[*]} " == *" clang 20 none "* ]] || extra_pkgs+=(libclang-rt-dev)
fi
[ "$run_cmake" = 1 ] && extra_pkgs+=(cmake)
tempfile_deps_install ${extra_pkgs[@]+"${extra_pkgs[@]}"} || exit 1
b2=$(tempfile_b2) || exit 1
platform_b2_args=()     # the toolchain's b2 arguments (Windows: cross compiler, launcher)
default_targets=(test)
if [ "$platform" = windows ]; then
    # shellcheck source=build/windows.sh
    source "$root/build/windows.sh"
    set -euo pipefail
    tempfile_windows_setup || exit 1
    mapfile -t platform_b2_args < <(tempfile_windows_b2_args)
    default_targets=(test example)
fi

mkdir -p bin/logs
total_pass=0
total_fail=0
total_skip=0
b2_status=0
failures=()     # one line per failing test, repeated at the end

record_fail() { failures+=("$1"); }
skipped_text() { [ "$1" -eq 0 ] || printf ', %d skipped' "$1"; }

# Boost.Test --report_level=short: "  N test case(s) out of M passed|passed with warnings|failed|
# timed-out|aborted|skipped". Aborted ones are already among the failed ones.
parse_boost_test() { # file -> "passed failed skipped"
    awk '
        { sub(/\r$/, "") }   # a Windows program writes CRLF
        /^Test module ".*" (has passed|has failed|was aborted|was skipped)/ { report = 1; next }
        report && /^ +[0-9]+ test cases? out of [0-9]+ / {
            n = $1; sub(/^ +[0-9]+ test cases? out of [0-9]+ /, "")
            if ($0 == "passed" || $0 == "passed with warnings") p += n
            else if ($0 == "failed" || $0 == "timed-out") f += n
            else if ($0 == "skipped") s += n
        }
        END { printf "%d %d %d\n", p, f, s }' "$1"
}

# Print, for every "...failed <action> <target>..." in a b2 log, what went wrong: the test
# program's output for run targets, else the compiler/linker diagnostics (without b2's
# echo of the command line), at most 60 lines each.
condense_log() { # log bdir
    awk -v bdir="$2/" '
        function flush_block(target,   i, n, out, begin, line, name, shown) {
            name = target
            if (match(name, /[^\/]+\.test\//)) name = substr(name, RSTART, RLENGTH - 6)
            printf "---- failed: %s  (%s)\n", name, action
            n = 0; begin = 0
            for (i = 1; i <= nbuf; i++) if (buf[i] ~ /^====== BEGIN OUTPUT ======$/) begin = i
            if (begin) {
                for (i = begin + 1; i <= nbuf && buf[i] !~ /^====== END OUTPUT ======$/; i++) out[++n] = buf[i]
            } else {
                for (i = 2; i <= nbuf; i++) {
                    if (buf[i] ~ /^\.\.\.failed /) break
                    if (buf[i] ~ /^ +"/ && (i == 2 || buf[i - 1] == "")) { if (n && out[n] == "") n--; break }
                    out[++n] = buf[i]
                }
            }
            if (n == 0) {
                if (name ~ /_misuse$/) print "    (it compiled, but this compile-fail test expects a compile error)"
                else print "    (no output)"
            }
            shown = (n > 60) ? 60 : n
            for (i = 1; i <= shown; i++) print "    " out[i]
            if (n > shown) printf "    ... %d more lines in the log\n", n - shown
        }
        index($2, bdir) == 1 && NF == 2 && $1 !~ /^\.\.\./ { nbuf = 0; cur = $2; action = $1 }
        { buf[++nbuf] = $0 }
        /^\.\.\.failed / && !/^\.\.\.failed updating/ {
            t = $3; sub(/\.\.\.$/, "", t); action = $2
            if (t == cur) flush_block(t); else { nbuf = 1; buf[1] = ""; flush_block(t) }
            nbuf = 0; cur = ""
        }' "$1"
}

# ---------------------------------------------------------------- b2, per configuration
run_config() { # label toolset cxxstd sanitizer what [separate]
    local san=$4 what=$5 san_suffix="" san_props=() mode_suffix="" mode_opts=()
    if [ "$separate" = 1 ] || { [ "${6:-}" = separate ] && [ "$header_only" = 0 ]; }; then
        mode_suffix=-separate
        mode_opts=(-sBOOST_TEMPFILE_SEPARATE=1)
    fi
    case "$san" in
        address) san_props=(address-sanitizer=norecover undefined-sanitizer=norecover); san_suffix=-asan ;;
        thread) san_props=(thread-sanitizer=norecover); san_suffix=-tsan ;;
    esac
    local label=$1$portable_suffix$mode_suffix$san_suffix$cov_suffix tset=$2 std=$3
    [ -z "$user_cxxstd" ] || label=$tset-cxx${user_cxxstd//,/-}$portable_suffix$mode_suffix$san_suffix$cov_suffix
    local bdir="bin/$label" log="bin/logs/$label.log"
    local stamp="bin/logs/$label.stamp"
    local props=("toolset=$tset" ${platform_b2_args[@]+"${platform_b2_args[@]}"})
    [ -n "$user_cxxstd" ] || props+=("cxxstd=$std")
    props+=(${san_props[@]+"${san_props[@]}"} ${portable_props[@]+"${portable_props[@]}"})
    props+=(${cov_props[@]+"${cov_props[@]}"} ${mode_opts[@]+"${mode_opts[@]}"})
    # --toolset=all: the documentation's blocks are compiled by the g++ configuration alone. That
    # case of test_doc_snippets compiles them with the system's g++ in either configuration (about
    # 30 CPU-s), so the clang++ one runs the program's other cases (Boost.Test counts the case
    # left out as skipped; its reason is printed with the program's skips below).
    local doc_note=""
    if [ "$toolset" = all ] && [ "$what" = run ]; then
        props+=("-sBOOST_TEMPFILE_TEST_ARGUMENTS_test_doc_snippets='--run_test=!every_cpp_block_in_the_docs_is_compiled_code'")
        doc_note="    [$label] test_doc_snippets: 1 skipped: every_cpp_block_in_the_docs_is_compiled_code runs in the g++ configuration (the system's g++ compiles the blocks in both)"
    fi
    local targets=(${b2_targets[@]+"${b2_targets[@]}"})
    local scope=all
    if [ ${#targets[@]} -eq 0 ]; then
        if [ "$san" = thread ]; then targets=(test//run_tests); scope=run
        elif [ "$what" = run ] && [ "$platform" = windows ]; then
            # The Windows build's second mode: the programs, the examples and what each header
            # includes (compile_tests: per header, the umbrella, <windows.h> before and after);
            # the compile-fail pairs check platform-independent templates, which the first
            # mode's build checked (34 mingw compiles).
            targets=(test//run_tests test//compile_tests example); scope=run
        elif [ "$what" = run ]; then
            targets=(test//run_tests test//visibility_shared_state); scope=run
            # Compiled separately: also each public header alone, which must then leak no system
            # header at all (test/Jamfile), and the umbrella.
            [ -z "$mode_suffix" ] || targets+=(test//compile_tests)
        else targets=("${default_targets[@]}"); fi
    else
        scope=none
    fi

    echo "== $label: $b2 -j$jobs --build-dir=$bdir ${props[*]} ${b2_opts[*]-} ${targets[*]}"
    mkdir -p "$bdir"
    # A test counts as passed only if b2 confirms it in this run: drop the old markers
    # (cheap: b2 re-creates a marker without rebuilding or re-running an up-to-date test).
    find "$bdir" -type f -name '*.test' -delete 2>/dev/null || true
    if [ "$rerun" = 1 ]; then # a run target's output gone: b2 runs the program again (no rebuild)
        find "$bdir" -type f \( -name '*.output' -o -name '*.run' \) -delete 2>/dev/null || true
    fi
    touch "$stamp"

    # --dump-tests makes b2 also list every declared test ("boost-test(RUN) "<dir>/test_x" ...").
    local start=$SECONDS rc=0
    # Coverage: every directory and .gcda file b2 and the tests create is writable by all (the
    # children that drop to `nobody` write their counts there); each test program sets its own
    # umask back and creates its .gcda files first (test/common/coverage_hook.hpp).
    if [ "$coverage" = 1 ]; then chmod -R a+rwX "$bdir"; fi
    ( if [ "$coverage" = 1 ]; then umask 000; fi
      "$b2" -j"$jobs" --build-dir="$bdir" "${props[@]}" ${b2_opts[@]+"${b2_opts[@]}"} --dump-tests \
        "${targets[@]}" ) >"$log" 2>&1 || rc=$?

    # Names of tests b2 reported as failed or skipped in this run.
    local failed_names
    failed_names=$(grep -E '^\.\.\.(failed|skipped) ' "$log" | grep -v '^\.\.\.failed updating' |
        grep -oE '[^/<> ]+\.test/' | sed 's|\.test/$||' | sort -u || true)

    # Windows: a program that printed nothing at all -- not even Boost.Test's first line, or an
    # example's first line -- was lost by Wine, not failed by the library: under load, Wine 8
    # now and then ends programs that run at the same time with status 0 or 1 and no output
    # (seen in CI: test_stress and test_temp_dir, started together, both "exited 0" with empty
    # output). Each such program runs once more, said so on the output; the second run is
    # what counts. A program that printed anything, passed or failed, is never run again.
    if [ "$platform" = windows ]; then
        local lost=() o lname again=()
        while IFS= read -r o; do
            [ -n "$o" ] || continue
            grep -qv -e '^\r*$' -e '^EXIT STATUS: ' "$o" && continue
            lname=$(basename "$o" .output)
            lost+=("$lname")
            case "$o" in
                */test/"$lname".test/*) again+=("test//$lname") ;;
                *) again+=("example//$lname") ;;
            esac
            echo "    [$label] $lname: ran with no output at all ($(grep -m1 '^EXIT STATUS' "$o" || echo 'no status')): lost by Wine, run again"
            rm -f "$o" "${o%.output}.run" "$(dirname "$o")/$lname.test"
        done < <(find "$bdir" -type f -name '*.output' -newer "$stamp" 2>/dev/null)
        if [ ${#lost[@]} -gt 0 ]; then
            local rc2=0
            ( "$b2" -j"$jobs" --build-dir="$bdir" "${props[@]}" ${b2_opts[@]+"${b2_opts[@]}"} \
                "${again[@]}" ) >"$log.again" 2>&1 || rc2=$?
            # The first run's failures that were lost programs are the second run's to report.
            local first_failed others
            first_failed=$failed_names
            others=$(comm -23 <(printf '%s\n' "$first_failed" | sed '/^$/d' | sort -u) <(printf '%s\n' "${lost[@]}" | sort -u))
            failed_names=$( { printf '%s\n' "$others"; grep -E '^\.\.\.(failed|skipped) ' "$log.again" |
                grep -v '^\.\.\.failed updating' | grep -oE '[^/<> ]+\.test/' | sed 's|\.test/$||'; } |
                sed '/^$/d' | sort -u || true)
            [ -n "$others" ] || rc=$rc2
            [ "$rc2" -eq 0 ] || rc=$rc2
            cat "$log.again" >>"$log"
        fi
    fi
    local took=$((SECONDS - start))

    # The tests declared by test/Jamfile (and example/Jamfile), as "<TYPE> <name>".
    local declared
    declared=$(sed -n 's#^boost-test(\([A-Z_]*\)) "\(.*\)/\([^/"]*\)" .*: "\(test\|example\)/.*#\1 \3#p' "$log")

    local pass=0 fail=0 skip=0 type name marker out p f s nfail_here=0
    while read -r type name; do
        [ -n "$name" ] || continue
        marker=$(find "$bdir" -type f -name "$name.test" -path "*/$name.test/*" 2>/dev/null | head -n 1 || true)
        if [ -z "$marker" ] && ! grep -qxF "$name" <<<"$failed_names"; then
            # Not confirmed and not reported failed: counts only if the run covered it.
            case "$scope" in
                all) ;;
                run) [ "$type" = RUN ] || continue ;;
                none) continue ;;
            esac
        fi
        if [ "$type" = RUN ]; then
            if [ -n "$marker" ]; then
                out=$(find "$bdir" -type f -name "$name.output" -path "*/$name.test/*" 2>/dev/null | head -n 1 || true)
            else
                out=$(find "$bdir" -type f -name "$name.output" -path "*/$name.test/*" -newer "$stamp" 2>/dev/null | head -n 1 || true)
            fi
            p=0 f=0 s=0
            [ -n "$out" ] && read -r p f s < <(parse_boost_test "$out")
            if [ "$s" -gt 0 ]; then
                # Each skipped case printed "skipped: <reason>" (test::skip_unless).
                tr -d '\r' <"$out" | grep '^skipped: ' | sort | uniq -c |
                    sed -E "s|^ *([0-9]+) skipped: |    [$label] $name: \1 skipped: |" || true
            fi
            [ "$name" = test_doc_snippets ] && [ -n "$doc_note" ] && [ "$s" -gt 0 ] && echo "$doc_note"
            skip=$((skip + s))
            if [ -n "$marker" ]; then
                # A Boost.Test program that exited 0 without its report did not run its cases (a
                # crash the launcher did not pass on, e.g. under Wine): failed. Any other run
                # target (an example) has no report: passed by its exit status.
                if [ $((p + f + s)) -eq 0 ]; then
                    case "$name" in
                        test_*) f=1; record_fail "FAILED [$label] $name: exited 0 without Boost.Test's report (no test case ran), see ${out:-$log}" ;;
                        *) p=1 ;;
                    esac
                fi
            else
                if [ "$f" -eq 0 ]; then
                    f=1
                    if [ -z "$out" ]; then
                        record_fail "FAILED [$label] $name: did not build or run (see $log)"
                    else
                        record_fail "FAILED [$label] $name: exited with an error and no failed test case (crash?), see $out"
                    fi
                else
                    record_fail "FAILED [$label] $name: $f test case(s) failed, see $out"
                fi
            fi
            pass=$((pass + p)); fail=$((fail + f))
        elif [ -n "$marker" ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            case "$type" in
                COMPILE_FAIL) record_fail "FAILED [$label] $name: compiled, but must not (compile-fail)" ;;
                *) record_fail "FAILED [$label] $name: did not compile (${type,,})" ;;
            esac
        fi
    done <<<"$declared"
    nfail_here=$fail

    if [ "$rc" -ne 0 ]; then
        b2_status=1
        if [ "$nfail_here" -eq 0 ]; then
            fail=$((fail + 1))
            record_fail "FAILED [$label] b2 exited with status $rc, no test to blame: see $log"
            grep -v "^boost-test(" "$log" | tail -n 20 | sed "s/^/    /"
        fi
    fi
    if [ "$rc" -ne 0 ] || [ "$fail" -ne 0 ]; then
        condense_log "$log" "$bdir"
    fi
    echo "== $label: $pass passed, $fail failed$(skipped_text "$skip") (${took}s; log: $log)"
    total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail)); total_skip=$((total_skip + skip))
}

for c in "${configs[@]}"; do
    # shellcheck disable=SC2086
    run_config $c
done

# ---------------------------------------------------------------- CMake consumers
cmake_check() { # name, then the commands (as one string each) to run in order
    local name=$1; shift
    local log="bin/logs/cmake-$name.log" cmd
    : >"$log"
    for cmd in "$@"; do
        echo "\$ $cmd" >>"$log"
        if ! bash -c "$cmd" >>"$log" 2>&1; then
            echo "---- failed: cmake $name: $cmd"
            tail -n 30 "$log" | sed 's/^/    /'
            record_fail "FAILED [cmake] $name (see $log)"
            total_fail=$((total_fail + 1))
            echo "== cmake $name: failed"
            return 0
        fi
    done
    total_pass=$((total_pass + 1))
    echo "== cmake $name: passed"
}

if [ "$run_cmake" = 1 ]; then
    cb="$root/bin/cmake"
    cmake_check add_subdirectory \
        "rm -rf '$cb/add_subdirectory'" \
        "cmake -S test/cmake/add_subdirectory -B '$cb/add_subdirectory' -DCMAKE_BUILD_TYPE=Debug" \
        "cmake --build '$cb/add_subdirectory' -j $jobs" \
        "'$cb/add_subdirectory/consumer'" \
        "'$cb/add_subdirectory/consumer_compiled'"
    cmake_check find_package \
        "rm -rf '$cb/library' '$cb/prefix' '$cb/find_package'" \
        "cmake -S . -B '$cb/library'" \
        "cmake --install '$cb/library' --prefix '$cb/prefix'" \
        "test -f '$cb/prefix/include/boost/tempfile.hpp'" \
        "cmake -S test/cmake/find_package -B '$cb/find_package' -DCMAKE_BUILD_TYPE=Debug -DCMAKE_PREFIX_PATH='$cb/prefix'" \
        "cmake --build '$cb/find_package' -j $jobs" \
        "'$cb/find_package/consumer'"
fi

# ---------------------------------------------------------------- summary
if [ ${#failures[@]} -gt 0 ]; then
    echo
    printf '%s\n' "${failures[@]}"
fi
echo
echo "$total_pass passed, $total_fail failed$(skipped_text "$total_skip")"
[ "$total_fail" -eq 0 ] && [ "$b2_status" -eq 0 ]
