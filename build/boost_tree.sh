#!/usr/bin/env bash
# Boost.TempFile inside a Boost source tree, built and tested with Boost's own tools, as a
# Boost maintainer would: the last line printed is
#
#   N passed, M failed
#
# usage: build/boost_tree.sh [--full] [--cmake | --cmake-only] [--hide-installed-boost]
#                             [--no-inspect] [--build-inspect] [--jobs=N]
#
# What it does:
#   1. the Boost 1.81 source tree (Debian's boost1.81 source package, fetched once by
#      build/boost_source.sh into its cache) copied into bin/boost-tree/boost (hard links: the
#      cache is never written to), with this library at libs/tempfile: its tracked files only,
#      without dotfiles (.ci/, .github/, .gitignore), as a Boost release archive has it; the
#      copy is kept between runs (b2 then rebuilds only what changed), libs/tempfile is renewed
#      on every run;
#   2. from the Boost root: `b2 headers`, `b2 libs/tempfile/test`, `b2 libs/tempfile/example`
#      (b2 4.9 from libboost1.81-tools-dev; Boost.Filesystem and Boost.Test come from the tree);
#   3. Boost's `inspect` tool of the same release (Debian's /usr/bin/inspect of
#      libboost1.81-tools-dev when its version is the tree's, else built from the tree's
#      tools/inspect; --build-inspect: always the latter), run on libs/tempfile:
#      any problem it reports (license, copyright, CR/LF, tab, non-ASCII, end of file, links,
#      min/max, ...) fails the run;
#   4. with --cmake: first boostdep (tools/boostdep, built from the tree with b2): its list of
#      tempfile's dependencies must be the Boost::<name> lines of CMakeLists.txt and build.jam's
#      boost_dependencies; then Boost's CMake superproject on the same tree
#      (-DBOOST_INCLUDE_LIBRARIES=tempfile -DBUILD_TESTING=ON), its build, `ctest` on the library's tests and
#      `cmake --install`, then test/cmake_install_test built against the installed prefix. The
#      machine's installed Boost is kept out (-DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON; the install
#      test with CMAKE_FIND_USE_CMAKE_SYSTEM_PATH=OFF) and checked to be out: no path of it
#      (/usr/include/boost, /usr/lib/<arch>/cmake/Boost*, /usr/lib/<arch>/libboost_*) in the
#      CMake caches, the compile and link commands, or the compiler's depfiles (*.o.d: every
#      header each compile read, also those found on the default search path). In CI as a step
#      of its own after the b2 one: .ci/run's boost-cmake, --cmake-only (its cost:
#      doc/hardening.adoc).
#
#   (default)     the subset CI runs: nine Boost.Test programs (tree_tests below: those that
#                 read the tree's layout, and one of each kind of object), each with
#                 only its FIRST test case (--run_test=<first case>, through test/Jamfile's
#                 BOOST_TEMPFILE_TEST_ARGUMENTS_<program> variables), and every example in
#                 full (test_doc_snippets' first case finds the pages and their blocks from the
#                 tree's layout; compiling every block is its second, the suite step's).
#                 The whole suite, its compile checks and compile-fail pairs included,
#                 runs standalone in the other steps; what is tested here is that the tree
#                 builds the library's programs and runs them.
#   --full        `b2 libs/tempfile/test` whole: every test case of every program, the umbrella,
#                 per-header and compile-fail targets (about 10 minutes of CPU more)
#   --cmake       also the superproject CMake build (see 4.); the same subset as b2's: the
#                 nine tree_tests programs (and the umbrella compile checks), each with its
#                 first case; with --full every program (the `tests` target), every case
#   --cmake-only  only 1. and 4.: no b2 test run, no inspect (implies --cmake)
#   --hide-installed-boost
#                 run in a private mount namespace (unshare -m: Linux, root) in which the
#                 machine's installed Boost is hidden: /usr/include/boost and the Boost CMake
#                 packages in /usr/lib/<arch>/cmake become empty directories, each
#                 /usr/lib/<arch>/libboost_* an empty file; other processes see them as
#                 before. A machine without Boost, as far as the build can tell (the Debian
#                 packages stay installed: build/deps.sh wants b2 from libboost1.81-tools-dev)
#   --no-inspect  skip 3.
#   --build-inspect
#                 3. with the tree's own inspect, built by b2 (about 100 CPU-s, once)
#   --jobs=N      parallel jobs (default: the number of processors)
#
# The count: each b2 test target (Boost.Test program, compile check, compile-fail pair member,
# example) counts 1, passed when b2 confirms it in this run; inspect counts 1; with --cmake each
# ctest test counts 1, and so does each other CMake stage (configure, build, install, the install
# test, each check that the installed Boost was not used). b2's logs: bin/logs/boost-tree-*.log.
# $BOOST_TEMPFILE_BOOST_TREE_DIR moves the tree copy (default bin/boost-tree).
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

full=0
with_cmake=0
with_b2=1
hide_boost=0
inspect=1
build_inspect=0
jobs=$(nproc 2>/dev/null || echo 2)
for a in "$@"; do
    case "$a" in
        -h|--help) usage; exit 0 ;;
        --full) full=1 ;;
        --cmake) with_cmake=1 ;;
        --cmake-only) with_cmake=1 with_b2=0 inspect=0 ;;
        --hide-installed-boost) hide_boost=1 ;;
        --no-inspect) inspect=0 ;;
        --build-inspect) build_inspect=1 ;;
        --jobs=*) jobs=${a#--jobs=} ;;
        -j*) jobs=${a#-j} ;;
        *) echo "boost_tree.sh: unknown argument '$a' (see --help)" >&2; exit 2 ;;
    esac
done

log() { echo "boost.tempfile[boost-tree]: $*"; }

# --hide-installed-boost: the whole run again, in a mount namespace of its own (the installed
# Boost is hidden there below, once build/deps.sh has checked the packages).
if [ "$hide_boost" = 1 ] && [ "${BOOST_TEMPFILE_BOOST_HIDDEN:-}" != 1 ]; then
    command -v unshare >/dev/null 2>&1 ||
        { echo "boost_tree.sh: --hide-installed-boost needs unshare (util-linux)" >&2; exit 2; }
    BOOST_TEMPFILE_BOOST_HIDDEN=1 exec unshare --mount --propagation private "$root/build/boost_tree.sh" "$@"
fi

# ---------------------------------------------------------------- dependencies and source
# shellcheck source=build/deps.sh
source "$root/build/deps.sh"
set -euo pipefail
extra=()
[ "$with_cmake" = 1 ] && extra+=(cmake)
tempfile_deps_install ${extra[@]+"${extra[@]}"} || exit 1
b2=$(tempfile_b2) || exit 1
# shellcheck source=build/boost_source.sh
source "$root/build/boost_source.sh"
set -euo pipefail
tempfile_boost_source_tree || exit 1
source_tree=$tempfile_boost_source_root

# ---------------------------------------------------------------- the tree copy
tree_dir=${BOOST_TEMPFILE_BOOST_TREE_DIR:-$root/bin/boost-tree}
tree=$tree_dir/boost
mkdir -p "$tree_dir" bin/logs
logs=$root/bin/logs
if [ "$(cat "$tree_dir/.source" 2>/dev/null || true)" != "$source_tree" ] || [ ! -f "$tree/boost-build.jam" ]; then
    log "copying the Boost tree $source_tree into $tree"
    rm -rf "$tree" "$tree_dir/boost.partial" "$tree_dir/.source"
    # Hard links (cheap, about 60000 files); a plain copy where they cannot be made.
    cp -al "$source_tree" "$tree_dir/boost.partial" 2>/dev/null ||
        { rm -rf "$tree_dir/boost.partial"; cp -a "$source_tree" "$tree_dir/boost.partial"; }
    mv "$tree_dir/boost.partial" "$tree"
    echo "$source_tree" >"$tree_dir/.source"
fi

# libs/tempfile: what a release archive of the library holds. Tracked files (with their
# working-tree content) and no dotfile at any level; their times kept, so that b2 rebuilds only
# what changed since the last run.
lib=$tree/libs/tempfile
rm -rf "$lib"
mkdir -p "$lib"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$root" ls-files -z | grep -zvE '(^|/)\.' |
        (cd "$root" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
        (cd "$root" && xargs -0 cp -p --parents -t "$lib")
else # an unpacked archive: everything but dotfiles and build products
    (cd "$root" && find . -path ./bin -prune -o -name '.*' ! -name . -prune -o -type f -print0) |
        (cd "$root" && xargs -0 cp -p --parents -t "$lib")
fi
log "libs/tempfile: $(find "$lib" -type f | wc -l) files (no dotfiles)"

# The machine's installed Boost, as Debian installs it (headers, CMake packages, libraries), in
# this namespace only: each directory covered by an empty one, each file by an empty file.
if [ "$hide_boost" = 1 ]; then
    hidden=$tree_dir/.hidden
    mkdir -p "$hidden/dir"
    : >"$hidden/file"
    n=0
    for p in /usr/include/boost /usr/local/include/boost /usr/lib/*/cmake/[Bb]oost* /usr/lib/cmake/[Bb]oost* \
             /usr/local/lib/cmake/[Bb]oost* /usr/lib/*/libboost_* /usr/lib/libboost_* /usr/local/lib/libboost_*; do
        [ -e "$p" ] || continue
        if [ -d "$p" ]; then mount --bind "$hidden/dir" "$p"; else mount --bind "$hidden/file" "$p"; fi
        n=$((n + 1))
    done
    [ -z "$(ls -A /usr/include/boost 2>/dev/null)" ] ||
        { echo "boost_tree.sh: /usr/include/boost is still visible" >&2; exit 1; }
    log "the installed Boost hidden in this mount namespace: $n paths (/usr/include/boost is empty)"
fi

cd "$tree"
total_pass=0
total_fail=0
failures=()
fail() { failures+=("$1"); total_fail=$((total_fail + 1)); }

# The first test case of each Boost.Test program: the first BOOST_*_TEST_CASE* of the file, with
# the BOOST_AUTO_TEST_SUITE()s around it as a path; a template case is one case per type,
# named <name><type>: <name><* runs them all.
first_case() { # file
    awk '
        /^[ \t]*BOOST_AUTO_TEST_SUITE_END\(/ { n--; next }
        /^[ \t]*BOOST_(AUTO|FIXTURE)_TEST_SUITE\(/ {
            s = $0; sub(/^[^(]*\( */, "", s); sub(/[ ,)].*$/, "", s); suite[++n] = s; next
        }
        /^[ \t]*BOOST_(AUTO|FIXTURE|DATA)_TEST_CASE(_TEMPLATE)?\(/ {
            c = $0; sub(/^[^(]*\( */, "", c); sub(/[ ,)].*$/, "", c)
            if ($0 ~ /_TEMPLATE\(/) c = c "<*"
            p = ""; for (i = 1; i <= n; i++) p = p suite[i] "/"
            print p c; exit
        }' "$1"
}

# The subset (b2's and CMake's): the Boost.Test programs that read the tree's layout (the
# documentation, the CI files, the mktemp tool beside them) and one of each kind of object and
# policy; the whole suite, its compile checks and compile-fail pairs are the suite step's (each
# program builds alike from test/Jamfile: about 10 CPU-s each in the tree). b2 adds the examples.
tree_tests=(test_doc_reference test_doc_snippets test_ci_workflow test_mktemp_tool test_temporary_file
            test_named_temporary_file test_temp_dir test_location test_exit_cleanup)

# ---------------------------------------------------------------- b2
# One property set for every b2 run below, so that the tree's Boost.Filesystem (with Boost.Atomic)
# is built as few times as the programs allow. Each difference in a propagated property is one
# more build of it: with b2's defaults it was built four times (shared for the tests, shared and
# static for the C++20 examples -- tempfile-mktemp asks for <link>static --, and static release
# for inspect, which asks for /boost//filesystem/<link>static and a release build). Now twice:
# C++17 for the tests and inspect (inspect is given the tests' cxxstd=17), C++20 for the
# examples (their Jamfile requires it). link=static: every program links the static libraries
# (as the Windows build does); variant=debug: -O0 (the programs compile fastest so; inspect
# takes a second either way); debug-symbols=off: nobody debugs this build, and -g costs about
# 15 % of each compile and the largest links.
tree_props=(toolset=gcc variant=debug link=static threading=multi debug-symbols=off)
if [ "$with_b2" = 1 ]; then
    b2_log=$logs/boost-tree-b2.log
    log "b2 headers"
    "$b2" headers >"$logs/boost-tree-headers.log" 2>&1 ||
        { tail -n 20 "$logs/boost-tree-headers.log"; fail "b2 headers (see $logs/boost-tree-headers.log)"; }

    b2_args=(-j"$jobs" "${tree_props[@]}" --dump-tests)
    if [ "$full" = 0 ]; then
        for src in "$lib"/test/test_*.cpp; do
            c=$(first_case "$src")
            # Quoted for the shell of b2's action; a template case as <name><* (each instance).
            [ -n "$c" ] && b2_args+=("-sBOOST_TEMPFILE_TEST_ARGUMENTS_$(basename "$src" .cpp)='--run_test=$c'")
        done
    fi

    # Every test of libs/tempfile runs again (b2 does not see a changed argument; the results are
    # this run's): the markers and captured outputs of the last run go, the programs stay.
    find bin.v2/libs/tempfile -type f \( -name '*.test' -o -name '*.output' -o -name '*.run' \) -delete 2>/dev/null || true
    stamp=$logs/boost-tree.stamp
    touch "$stamp"

    b2_status=0
    : >"$b2_log"
    targets=(libs/tempfile/test libs/tempfile/example)
    [ "$full" = 1 ] || targets=("${tree_tests[@]/#/libs/tempfile/test//}" libs/tempfile/example)
    # One b2 run for both (each b2 run in the tree costs about 5 s of reading its Jamfiles).
    log "b2 ${targets[*]}"
    start=$SECONDS
    "$b2" "${b2_args[@]}" "${targets[@]}" >>"$b2_log" 2>&1 || b2_status=$?
    log "b2 ${targets[*]}: $((SECONDS - start))s (exit $b2_status)"

    # Every test target b2 declared (and was asked for): passed when its .test marker is back.
    declared=$(sed -n 's#^boost-test(\([A-Z_]*\)) "\(.*\)/\([^/"]*\)" : "\([^"]*\)".*#\1 \3 \4#p' "$b2_log" | sort -u)
    b2_pass=0 b2_fail=0
    while read -r type name source; do
        [ -n "$name" ] || continue
        if [ "$full" = 0 ]; then # declared, but not asked for: only tree_tests and the examples
            case "$type $source" in "RUN example/"*) ;; "RUN test/test_"*.cpp)
                [[ " ${tree_tests[*]} " == *" $name "* ]] || continue ;; *) continue ;; esac
        fi
        if [ -n "$(find bin.v2/libs/tempfile -type f -path "*/$name.test/*" -name "$name.test" -newer "$stamp" 2>/dev/null | head -n 1)" ]; then
            b2_pass=$((b2_pass + 1))
        else
            b2_fail=$((b2_fail + 1))
            fail "b2 $name (${type,,}): see $b2_log"
        fi
    done <<<"$declared"
    log "b2: $b2_pass test targets passed, $b2_fail failed"
    total_pass=$((total_pass + b2_pass))
    [ "$b2_status" -eq 0 ] || [ "$b2_fail" -gt 0 ] || fail "b2 exited with status $b2_status, no test to blame: see $b2_log"
    if [ "$b2_fail" -gt 0 ]; then
        grep -E '^\.\.\.failed ' "$b2_log" | grep -v '^\.\.\.failed updating' | head -n 20 || true
    fi
fi

# ---------------------------------------------------------------- inspect
# Boost's inspect, every check but -link (links of the HTML pages: build/docs.sh checks those
# of the built documentation, which a source tree does not hold; index.html points into it).
# The tool is the tree's release's: Debian's libboost1.81-tools-dev (installed for b2) ships
# /usr/bin/inspect built from the same boost1.81 source package the tree is unpacked from;
# that one is used when the versions agree (building tools/inspect and Boost.Regex in the tree
# costs about 100 CPU-s on a fresh machine, the same program's sources); else, or with
# --build-inspect, the tree's own is built (b2 tools/inspect/build//dist-bin, once).
inspect_bin=""
if [ "$inspect" = 1 ] && [ "$build_inspect" = 0 ] && [ -x /usr/bin/inspect ]; then
    tools_version=$(dpkg-query -W -f='${source:Upstream-Version}' libboost1.81-tools-dev 2>/dev/null || true)
    tree_version=$(awk '$1 == "#define" && $2 == "BOOST_VERSION" { v = $3; printf "%d.%d.%d", v / 100000, v / 100 % 1000, v % 100 }' \
                   "$tree/boost/version.hpp" 2>/dev/null || true)
    if [ -n "$tools_version" ] && [ "$tools_version" = "$tree_version" ]; then
        inspect_bin=/usr/bin/inspect
    else
        log "inspect: /usr/bin/inspect is ${tools_version:-of no known version}, the tree ${tree_version:-?}: building the tree's"
    fi
fi
if [ "$inspect" = 1 ]; then
    inspect_log=$logs/boost-tree-inspect.log
    start=$SECONDS
    if [ -n "$inspect_bin" ]; then
        log "inspect: $inspect_bin (libboost1.81-tools-dev $tools_version, the tree's release)"
    elif log "inspect: building tools/inspect (once)" &&
         ! "$b2" -j"$jobs" "${tree_props[@]}" cxxstd=17 tools/inspect/build//dist-bin >"$logs/boost-tree-inspect-build.log" 2>&1; then
        tail -n 20 "$logs/boost-tree-inspect-build.log"
        fail "building inspect (see $logs/boost-tree-inspect-build.log)"
    else
        log "inspect: built in $((SECONDS - start))s"
        inspect_bin=dist/bin/inspect
    fi
    if [ -n "$inspect_bin" ]; then
        log "inspect libs/tempfile"
        rc=0
        "$inspect_bin" libs/tempfile -text -brief -license -copyright -crlf -end -path_name -tab -ascii \
            -apple_macro -assert_macro -deprecated_macro -minmax -unnamed >"$inspect_log" 2>&1 || rc=$?
        problems=$(sed -n 's/^ *\([0-9][0-9]*\) problems reported.*/\1/p' "$inspect_log" | head -n 1)
        scanned=$(sed -n 's/^ *\([0-9][0-9]*\) files scanned.*/\1/p' "$inspect_log" | head -n 1)
        if [ "${problems:-x}" = 0 ] && [ "$rc" -eq 0 ]; then
            log "inspect: ${scanned:-?} files scanned, no problem"
            total_pass=$((total_pass + 1))
        else
            sed -n '/^Details:/,$p' "$inspect_log" | grep -v '^  \*' | sed -n '/^|/,$p'
            fail "inspect: ${problems:-?} problems (exit $rc), see $inspect_log"
        fi
    fi
fi

# ---------------------------------------------------------------- CMake superproject
# Boost's CMakeLists.txt at the tree's root with only this library (and what it needs) and its
# tests. The machine's Boost must play no part: find_package(Boost) is disabled, and the checks
# look for any path of the installed Boost in what CMake wrote (the cache, the compile commands,
# the link commands) and in what the compiler read: its depfiles (*.o.d) list every header of
# every compile, those found on its default search path (/usr/include) too.
cmake_stage() { # name, log, command...
    local name=$1 clog=$2 t=$SECONDS; shift 2
    echo "\$ $*" >>"$clog"
    if "$@" >>"$clog" 2>&1; then
        total_pass=$((total_pass + 1)); log "cmake $name: passed ($((SECONDS - t))s)"; return 0
    fi
    tail -n 30 "$clog" | sed 's/^/    /'
    fail "cmake $name (see $clog)"; return 1
}
installed_boost='/usr/(local/)?include/boost\b|/usr/(local/)?lib/([^/ ";]+/)?(cmake/[Bb]oost|libboost_)|(^|[ ;"])-lboost_'
no_installed_boost() { # files or directories (their CMakeCache.txt, compile_commands.json, link.txt, *.o.d)
    local files
    files=$(find "$@" -type f \( -name CMakeCache.txt -o -name compile_commands.json -o -name link.txt \
                                 -o -name '*.o.d' \) | sort)
    [ -n "$files" ] || { echo "no file to check in $*"; return 1; }
    echo "checked: $(grep -c 'CMakeCache.txt$' <<<"$files") caches, $(grep -c 'compile_commands.json$' <<<"$files")" \
         "compile command lists, $(grep -c 'link.txt$' <<<"$files") link commands, $(grep -c '\.o\.d$' <<<"$files") depfiles"
    if xargs -d '\n' grep -nE "$installed_boost" <<<"$files" | head -n 5 | grep .; then
        echo "the machine's installed Boost is used (above)"; return 1
    fi
    return 0
}
# The dependency lists that the build files declare: CMakeLists.txt's (the superproject reads
# one `Boost::<name>` a line from it to know which libraries to add) and build.jam's (modular b2
# 5.2, not run here) are those of boostdep (Boost's tool, built from the tree as inspect is).
boost_dependency_lists() {
    local want cm bj
    want=$(dist/bin/boostdep --cmake tempfile | sed -n 's/^ *Boost::\([A-Za-z0-9_]*\) *$/\1/p' | sort)
    cm=$(sed -n 's/^ *Boost::\([A-Za-z0-9_]*\) *$/\1/p' "$lib/CMakeLists.txt" | sort)
    bj=$(sed -n 's#^ */boost/[A-Za-z0-9_]*//boost_\([A-Za-z0-9_]*\)\( *;\)\{0,1\} *$#\1#p' "$lib/build.jam" | sort)
    echo "boostdep --cmake tempfile: ${want//$'\n'/ }"
    echo "CMakeLists.txt: ${cm//$'\n'/ }"
    echo "build.jam: ${bj//$'\n'/ }"
    [ -n "$want" ] && [ "$want" = "$cm" ] && [ "$want" = "$bj" ]
}
if [ "$with_cmake" = 1 ]; then
    cb=$tree_dir/cmake
    prefix=$tree_dir/prefix
    clog=$logs/boost-tree-cmake.log
    : >"$clog"
    # Debug without -g (-O0 only: as b2's debug-symbols=off above).
    cmake_args=(-DBOOST_INCLUDE_LIBRARIES=tempfile -DBUILD_TESTING=ON -DCMAKE_BUILD_TYPE=Debug
                -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON
                -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "-DCMAKE_INSTALL_PREFIX=$prefix"
                "-UBOOST_TEMPFILE_TEST_ARGUMENTS_*")
    # The Boost libraries of the installation (`all`: tempfile's dependencies) and the tests: the
    # nine tree_tests programs and the umbrella compile checks, or the `tests` target (--full).
    build_targets=(all tests)
    ctest_args=()
    srcs=("$lib"/test/test_*.cpp)
    expected=${#srcs[@]}
    if [ "$full" = 0 ]; then # the same first cases as b2's (no shell between ctest and the program)
        for src in "$lib"/test/test_*.cpp; do
            c=$(first_case "$src")
            [ -n "$c" ] && cmake_args+=("-DBOOST_TEMPFILE_TEST_ARGUMENTS_$(basename "$src" .cpp)=--run_test=$c")
        done
        build_targets=(all "${tree_tests[@]/#/boost_tempfile-}" boost_tempfile-umbrella boost_tempfile-umbrella_no_random)
        ctest_args=(-R "^run-boost_tempfile-($(IFS='|'; echo "${tree_tests[*]}"))\$")
        expected=${#tree_tests[@]}
    fi
    start=$SECONDS
    if cmake_stage boostdep-build "$clog" "$b2" -j"$jobs" "${tree_props[@]}" cxxstd=17 tools/boostdep/build//dist-bin; then
        cmake_stage boostdep-dependencies "$clog" boost_dependency_lists || true
    fi
    if cmake_stage configure "$clog" cmake -S "$tree" -B "$cb" "${cmake_args[@]}" &&
       cmake_stage configure-without-installed-boost "$clog" no_installed_boost "$cb/CMakeCache.txt" "$cb/compile_commands.json" &&
       cmake_stage build "$clog" cmake --build "$cb" -j "$jobs" --target "${build_targets[@]}" &&
       cmake_stage build-without-installed-boost "$clog" no_installed_boost "$cb"; then
        ctest_log=$logs/boost-tree-ctest.log
        rc=0 t=$SECONDS
        ctest --test-dir "$cb/libs/tempfile" -j "$jobs" --output-on-failure ${ctest_args[@]+"${ctest_args[@]}"} >"$ctest_log" 2>&1 || rc=$?
        read -r cp cf < <(sed -n 's/^[0-9]*% tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$ctest_log" |
                          awk '{print $1 - $2, $2}')
        cp=${cp:-0} cf=${cf:-0}
        log "ctest: $cp passed, $cf failed, of $expected programs ($((SECONDS - t))s; log: $ctest_log)"
        total_pass=$((total_pass + cp))
        if [ "$cf" -gt 0 ] || [ "$rc" -ne 0 ] || [ "$((cp + cf))" -ne "$expected" ]; then
            sed -n '/The following tests FAILED/,$p' "$ctest_log"
            fail "ctest: $cf failed of $((cp + cf)) run, $expected expected, exit $rc (see $ctest_log)"
            total_fail=$((total_fail + cf - (cf > 0 ? 1 : 0)))
        fi
        rm -rf "$prefix" "$cb-install-test"
        cmake_stage install "$clog" cmake --install "$cb" &&
        cm_version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$cb/CMakeCache.txt")
        cmake_stage installed-files "$clog" test -f "$prefix/include/boost/tempfile.hpp" -a -d "$prefix/lib/cmake/boost_tempfile-$cm_version" \
            -a -d "$prefix/lib/cmake/boost_tempfile_compiled-$cm_version" -a -f "$prefix/lib/libboost_tempfile_compiled.a" &&
        cmake_stage install-test "$clog" sh -c "cmake -S '$lib/test/cmake_install_test' -B '$cb-install-test' \
                -DCMAKE_PREFIX_PATH='$prefix' -DCMAKE_FIND_USE_CMAKE_SYSTEM_PATH=OFF &&
            cmake --build '$cb-install-test' -j $jobs && cmake --build '$cb-install-test' --target check" &&
        cmake_stage install-test-without-installed-boost "$clog" no_installed_boost "$cb-install-test" || true
    fi
    log "cmake: $((SECONDS - start))s"
fi

# ---------------------------------------------------------------- summary
cd "$root"
if [ ${#failures[@]} -gt 0 ]; then
    echo
    printf 'FAILED %s\n' "${failures[@]}"
fi
echo
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
