#!/usr/bin/env bash
# Boost.TempFile: Debian's boost1.81 source package (the upstream Boost 1.81.0 release tree),
# fetched and unpacked once into a cache that build/windows.sh (Boost.Filesystem and Boost.Test
# built for mingw) and build/boost_tree.sh (the library built inside a Boost tree) share:
#
#   build/boost_source.sh       # fetch + unpack (idempotent), then print the tree's path
#
# Sourced, it defines tempfile_boost_source_tree, which does the same and sets
# $tempfile_boost_source_root to the unpacked tree (.../boost_1_81_0).
#
# The cache is $BOOST_TEMPFILE_BOOST_SOURCE_DIR, else bin/boost-source (point several clones or
# a CI cache at one directory). It holds the orig tarball (about 75 MB) and the unpacked tree
# (never written to afterwards: the users copy what they change). The source comes with a
# private APT configuration (its own deb-src list and package lists under <cache>/apt; the
# machine's APT configuration is not touched), at the version of the installed
# libboost1.81-dev, or the archive's current 1.81 when that one left it (the same upstream
# tarball comes with any Debian revision). A lock (flock) lets concurrent users wait.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

tempfile_boost_source_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
tempfile_boost_source_dir=${BOOST_TEMPFILE_BOOST_SOURCE_DIR:-$tempfile_boost_source_repo/bin/boost-source}
tempfile_boost_source_root=""

tempfile_boost_source_log() { echo "boost.tempfile[boost-source]: $*" >&2; }

# The Debian release's code name: os-release(5) is /etc/os-release, else /usr/lib/os-release
# (a machine whose /etc lost it still has the latter); bookworm, whose Boost is 1.81, else.
tempfile_boost_source_codename() {
    local f
    for f in /etc/os-release /usr/lib/os-release; do
        if [ -r "$f" ]; then
            (. "$f" && echo "${VERSION_CODENAME:-bookworm}")
            return 0
        fi
    done
    echo bookworm
}

# Fetches the orig tarball into $1 (a directory); prints its path.
tempfile_boost_source_fetch() {
    local d=$1 tarball
    tarball=$(ls "$d/src"/boost1.81_*.orig.tar.xz 2>/dev/null | head -n 1 || true)
    if [ -n "$tarball" ]; then echo "$tarball"; return 0; fi

    local version
    version=$(dpkg-query -W -f='${source:Version}' libboost1.81-dev 2>/dev/null || true)
    local apt=$d/apt codename
    codename=$(tempfile_boost_source_codename)
    mkdir -p "$apt/lists/partial" "$apt/parts" "$d/src"
    # Debian's archive only: the source of the headers installed from it.
    cat >"$apt/sources.list" <<EOF
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $codename main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $codename-updates main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security $codename-security main
EOF
    local opts=(-q -o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/parts"
                -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
                -o "APT::Sandbox::User=root")
    tempfile_boost_source_log "fetching Debian's boost1.81 ${version:-(current)} source (private APT lists in $apt)"
    apt-get "${opts[@]}" update >"$apt/update.log" 2>&1 || { tail -n 20 "$apt/update.log" >&2; return 1; }
    if [ -z "$version" ] ||
        ! (cd "$d/src" && apt-get "${opts[@]}" source --download-only "boost1.81=$version") >"$apt/source.log" 2>&1; then
        [ -z "$version" ] || tempfile_boost_source_log "boost1.81=$version is no longer in the archive; fetching the current one"
        (cd "$d/src" && apt-get "${opts[@]}" source --download-only boost1.81) >>"$apt/source.log" 2>&1 ||
            { tail -n 20 "$apt/source.log" >&2; return 1; }
    fi
    # Only the upstream tarball is used: Debian's patches (the .debian.tar.xz) are for its
    # packaging; the headers in /usr/include come from the same release.
    rm -f "$d/src"/*.debian.tar.xz "$d/src"/*.dsc
    ls "$d/src"/boost1.81_*.orig.tar.xz | head -n 1
}

tempfile_boost_source_xz() {
    command -v xz >/dev/null 2>&1 && return 0
    # shellcheck source=build/deps.sh
    source "$tempfile_boost_source_repo/build/deps.sh"
    set -euo pipefail
    tempfile_deps_install xz-utils
}

# The orig tarball, fetched once into the cache under its lock; prints its path.
tempfile_boost_source_tarball() {
    local d=$tempfile_boost_source_dir
    mkdir -p "$d"
    ( flock 9; tempfile_boost_source_fetch "$d" ) 9>"$d/.lock"
}

tempfile_boost_source_tree() {
    local d=$tempfile_boost_source_dir
    tempfile_boost_source_xz || return 1
    mkdir -p "$d"
    local rc=0
    (
        flock 9
        if [ -f "$d/tree/.complete" ]; then exit 0; fi
        tarball=$(tempfile_boost_source_fetch "$d") || exit 1
        tempfile_boost_source_log "unpacking $(basename "$tarball") into $d/tree"
        rm -rf "$d/tree" "$d/tree.partial"
        mkdir -p "$d/tree.partial"
        tar -xJf "$tarball" -C "$d/tree.partial" || exit 1
        touch "$d/tree.partial/.complete"
        mv "$d/tree.partial" "$d/tree"
    ) 9>"$d/.lock" || rc=$?
    [ "$rc" -eq 0 ] || return "$rc"
    local root
    root=$(ls -d "$d"/tree/*/ 2>/dev/null | head -n 1)
    root=${root%/}
    if [ -z "$root" ] || [ ! -f "$root/boost-build.jam" ]; then
        echo "boost.tempfile[boost-source]: error: no Boost tree in $d/tree" >&2
        return 1
    fi
    tempfile_boost_source_root=$root
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    tempfile_boost_source_tree
    echo "$tempfile_boost_source_root"
fi
