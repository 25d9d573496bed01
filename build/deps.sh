#!/usr/bin/env bash
# Installs what building Boost.TempFile needs on a Debian machine, when it is missing:
# Boost 1.81 headers and the Filesystem, Test and Random libraries, b2, and strace (the
# signal tests of test_exit_cleanup drive a signal into an exact system call with it), and
# PyYAML (test_ci_workflow parses .github/workflows/ci.yml).
# Sourced by build/examples.sh, build/test.sh and build/bench.sh; safe to run again.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

tempfile_deps_packages=(
    libboost1.81-dev
    libboost-filesystem1.81-dev
    libboost-test1.81-dev
    libboost-random1.81-dev
    libboost1.81-tools-dev
    g++
    strace
    python3-yaml
)

tempfile_deps_missing() {
    local p missing=()
    for p in "${tempfile_deps_packages[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    printf '%s\n' "${missing[@]}"
}

# tempfile_deps_install [extra packages...]
tempfile_deps_install() {
    local missing
    missing=$(tempfile_deps_missing "$@")
    [ -z "$missing" ] && return 0
    echo "boost.tempfile: installing missing Debian packages:" $missing
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "boost.tempfile: error: need root (or sudo) to install:" $missing >&2
            return 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "boost.tempfile: error: no apt-get; install by hand:" $missing >&2
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # Two builds at once (.ci/run runs the Windows step beside others) take turns: apt-get
    # refuses to start while another holds dpkg's lock. The second one then installs only
    # what is still missing.
    (
        flock 9
        missing=$(tempfile_deps_missing "$@")
        [ -z "$missing" ] && exit 0
        if ! $sudo apt-get install -y -q --no-install-recommends $missing >/tmp/boost-tempfile-apt.log 2>&1; then
            $sudo apt-get update -q >>/tmp/boost-tempfile-apt.log 2>&1 || true
            if ! $sudo apt-get install -y -q --no-install-recommends $missing >>/tmp/boost-tempfile-apt.log 2>&1; then
                echo "boost.tempfile: error: could not install:" $missing >&2
                tail -n 20 /tmp/boost-tempfile-apt.log >&2
                exit 1
            fi
        fi
    ) 9>/tmp/boost-tempfile-apt.lock || return 1
    missing=$(tempfile_deps_missing "$@")
    if [ -n "$missing" ]; then
        echo "boost.tempfile: error: still missing after install:" $missing >&2
        return 1
    fi
}

# The b2 binary shipped by libboost1.81-tools-dev.
tempfile_b2() {
    local b
    for b in b2 bjam /usr/bin/b2; do
        if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
    done
    echo "boost.tempfile: error: b2 not found after installing libboost1.81-tools-dev" >&2
    return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    tempfile_deps_install "$@"
fi
