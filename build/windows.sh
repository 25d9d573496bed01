#!/usr/bin/env bash
# Boost.TempFile: the Windows toolchain on a Debian machine: mingw-w64 cross-compiles, Wine
# runs. Sourced by build/test.sh --platform=windows and build/bench.sh --windows; run on its
# own, it only sets everything up and prints where it is:
#
#   build/windows.sh            # set up (idempotent), then print the b2 arguments to use
#
# What it sets up, each step skipped when its result is already there (all under bin/windows/):
#   1. Debian packages (build/deps.sh): g++-mingw-w64-x86-64-posix (the -win32 variant has no
#      std::thread) and wine64, plus xz-utils to unpack the source, and g++-mingw-w64-i686-posix
#      for build/warnings.sh's 32-bit check.
#   2. Boost's compiled parts for mingw: the upstream Boost 1.81.0 tarball of Debian's boost1.81
#      source package, fetched once by build/boost_source.sh into its cache (bin/boost-source,
#      with a private APT configuration: the machine's is not touched), at the version of the
#      installed headers; only libs/filesystem/src and libs/test/src are unpacked and built
#      into static libraries in bin/windows/lib. The headers are Debian's (/usr/include/boost,
#      through bin/windows/include/boost: never -I/usr/include, which holds glibc's headers).
#   3. A private, headless Wine prefix, bin/windows/prefix (wineboot -i; WINEDEBUG=-all,
#      WINEDLLOVERRIDES="mscoree,mshtml=" so that no Mono/Gecko installer is asked for).
#   4. bin/windows/user-config.jam (b2: `using gcc : mingw : ...`, `using boost : ...`) and
#      bin/windows/wine-run, the launcher that runs a Windows program in that prefix.
# $BOOST_TEMPFILE_WINDOWS_DIR moves bin/windows elsewhere (e.g. a CI cache).
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

tempfile_windows_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
tempfile_windows_dir=${BOOST_TEMPFILE_WINDOWS_DIR:-$tempfile_windows_root/bin/windows}
tempfile_windows_cxx=x86_64-w64-mingw32-g++-posix
tempfile_windows_wine=/usr/lib/wine/wine64          # Debian's wine64 has no /usr/bin/wine
tempfile_windows_wineserver=/usr/lib/wine/wineserver
# The i686 compiler is for build/warnings.sh's 32-bit declaration check only (WINAPI is
# __stdcall there): nothing here builds with it.
tempfile_windows_packages=(g++-mingw-w64-x86-64-posix g++-mingw-w64-i686-posix wine64 xz-utils)
# The libraries b2's boost.jam looks for: with <link>static and <target-os>windows it asks
# for `lib` + boost_<name> (-llibboost_<name>), hence the doubled prefix of the file names.
tempfile_windows_libs=(filesystem unit_test_framework)

tempfile_windows_log() { echo "boost.tempfile[windows]: $*"; }

# The environment every Windows program of the build runs in (also used by wine-run).
tempfile_windows_env() {
    export WINEPREFIX="$tempfile_windows_dir/prefix"
    export WINEDEBUG=-all
    export WINEDLLOVERRIDES="mscoree,mshtml="
    export WINEARCH=win64
}

# 2. Boost.Filesystem and Boost.Test, static, for mingw.
tempfile_windows_boost() {
    local d=$tempfile_windows_dir lib missing=0
    for lib in "${tempfile_windows_libs[@]}"; do
        [ -f "$d/lib/liblibboost_$lib.a" ] || missing=1
    done
    mkdir -p "$d/include"
    ln -sfn /usr/include/boost "$d/include/boost"
    [ "$missing" = 1 ] || return 0

    # The upstream sources from the cache build/boost_source.sh keeps (fetched once, shared
    # with build/boost_tree.sh): its unpacked tree when build/boost_tree.sh has unpacked it (as
    # .ci/run's boost-tree step has, before this one: it is only read), else only the two
    # libraries' sources, unpacked here from its tarball.
    # shellcheck source=build/boost_source.sh
    source "$tempfile_windows_root/build/boost_source.sh"
    set -euo pipefail
    local tarball src_dir=$d/src src
    if [ -f "$tempfile_boost_source_dir/tree/.complete" ] && tempfile_boost_source_tree; then
        src=$tempfile_boost_source_root
        tempfile_windows_log "Boost's sources: the unpacked tree $src"
    else
        tarball=$(tempfile_boost_source_tarball) || return 1
        rm -rf "$src_dir"
        mkdir -p "$src_dir"
        tar -xJf "$tarball" -C "$src_dir" --wildcards '*/libs/filesystem/src/*' '*/libs/test/src/*'
        src=$(dirname "$(dirname "$(ls -d "$src_dir"/*/libs/filesystem)")")
    fi

    # Debian's patches do not touch libs/filesystem or libs/test (checked for 1.81.0-5).
    local obj=$d/obj common=(-O2 -DBOOST_USE_WINDOWS_H -DWIN32_LEAN_AND_MEAN -DNOMINMAX -I "$d/include")
    mkdir -p "$obj/filesystem" "$obj/unit_test_framework" "$d/lib"
    tempfile_windows_log "building Boost.Filesystem and Boost.Test for mingw (bin/windows/lib)"
    local jobs
    jobs=$(nproc 2>/dev/null || echo 2)
    # C++20 spares Boost.Filesystem the Boost.Atomic library (std::atomic_ref).
    export tempfile_windows_cxx
    printf '%s\n' "$src"/libs/filesystem/src/*.cpp | xargs -P"$jobs" -I{} sh -c \
        '"$0" -std=c++20 "$@" -DBOOST_FILESYSTEM_SOURCE -DBOOST_FILESYSTEM_STATIC_LINK=1 -DBOOST_FILESYSTEM_HAS_BCRYPT -c "{}" -o "'"$obj"'/filesystem/$(basename "{}" .cpp).o"' \
        "$tempfile_windows_cxx" "${common[@]}"
    # unit_test_framework = every source but the two other Boost.Test libraries' mains.
    printf '%s\n' "$src"/libs/test/src/*.cpp | grep -v -E '/(cpp_main|test_main)\.cpp$' | xargs -P"$jobs" -I{} sh -c \
        '"$0" -std=c++17 "$@" -DBOOST_TEST_NO_LIB -c "{}" -o "'"$obj"'/unit_test_framework/$(basename "{}" .cpp).o"' \
        "$tempfile_windows_cxx" "${common[@]}"
    for lib in "${tempfile_windows_libs[@]}"; do
        rm -f "$d/lib/liblibboost_$lib.a"
        x86_64-w64-mingw32-ar rcs "$d/lib/liblibboost_$lib.a" "$obj/$lib"/*.o
    done
    rm -rf "$obj" "$src_dir"
}

# 3. The Wine prefix.
tempfile_windows_prefix() {
    tempfile_windows_env
    [ -f "$WINEPREFIX/system.reg" ] && return 0
    tempfile_windows_log "creating the Wine prefix $WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    "$tempfile_windows_wine" wineboot -i >"$tempfile_windows_dir/wineboot.log" 2>&1 || true
    "$tempfile_windows_wineserver" -w 2>/dev/null || true
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        echo "boost.tempfile[windows]: error: wineboot did not create $WINEPREFIX" >&2
        tail -n 20 "$tempfile_windows_dir/wineboot.log" >&2
        return 1
    fi
}

# 4. b2's configuration and the launcher.
tempfile_windows_config() {
    local d=$tempfile_windows_dir
    cat >"$d/user-config.jam" <<EOF
# Generated by build/windows.sh: the mingw-w64 cross compiler and the Boost it links against.
# Boost's headers come in with -isystem (as /usr/include does for g++): their warnings are not
# the project's, and it builds with <warnings-as-errors>on.
using gcc : mingw : $tempfile_windows_cxx : <compileflags>-isystem$d/include <linkflags>-L$d/lib ;
using boost : 1.81 : <layout>system ;
EOF
    # b2 puts the launcher before the program's path; a Jamfile's own launcher value
    # (VAR=value, e.g. example/Jamfile's) may come first or after: exported either way.
    cat >"$d/wine-run" <<EOF
#!/bin/sh
# Generated by build/windows.sh: runs a Windows program in the private Wine prefix.
while [ \$# -gt 0 ]; do
    case "\$1" in *=*) export "\$1"; shift ;; *) break ;; esac
done
export WINEPREFIX='$d/prefix' WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml=' WINEARCH=win64
# A Linux TMPDIR means nothing to a Windows program (gettempdir would take it first).
unset TMPDIR
# A wine server that outlives each program by 30 s (its default is 3: the suite's programs run
# between compiles, and each new server cost about 0.5 s of start-up, paid by most runs). A
# server already running makes this call exit at once; the server is a daemon, its output
# (none) sent to /dev/null, so that it holds no pipe of the caller's open.
'$tempfile_windows_wineserver' -p30 </dev/null >/dev/null 2>&1 || true
exec '$tempfile_windows_wine' "\$@"
EOF
    chmod +x "$d/wine-run"
}

# Everything; prints nothing on success when all is already there.
tempfile_windows_setup() {
    # shellcheck source=build/deps.sh
    source "$tempfile_windows_root/build/deps.sh"
    set -euo pipefail
    tempfile_deps_install "${tempfile_windows_packages[@]}" || return 1
    mkdir -p "$tempfile_windows_dir"
    tempfile_windows_boost || return 1
    tempfile_windows_prefix || return 1
    tempfile_windows_config
}

# The b2 arguments for a Windows build (toolset, target, static linking, launcher).
tempfile_windows_b2_args() {
    printf '%s\n' "--user-config=$tempfile_windows_dir/user-config.jam" toolset=gcc-mingw \
        target-os=windows link=static runtime-link=static "testing.launcher=$tempfile_windows_dir/wine-run"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    tempfile_windows_setup
    echo "Windows toolchain ready in $tempfile_windows_dir; b2 arguments:"
    tempfile_windows_b2_args | sed 's/^/    /'
fi
