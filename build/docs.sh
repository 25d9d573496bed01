#!/usr/bin/env bash
# Boost.TempFile: builds the HTML documentation and checks its links.
#   ./build/docs.sh          doc/*.adoc, doc/reference/*.adoc -> doc/html/ with asciidoctor
#   ./build/docs.sh --b2     the same pages through doc/Jamfile (b2 doc//boostrelease, as a
#                            Boost release builds them)
# Installs asciidoctor and ruby-rouge (code highlighting) through build/deps.sh when missing.
# Fails if asciidoctor warns (a missing xref target, a bad block, ...) or if a local link or
# #anchor of the built HTML does not resolve (build/check_doc_links.py).
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source build/deps.sh
tempfile_deps_install asciidoctor ruby-rouge python3

use_b2=0
for a in "$@"; do
    case "$a" in
        --b2) use_b2=1 ;;
        *) echo "usage: build/docs.sh [--b2]" >&2; exit 2 ;;
    esac
done

rm -rf doc/html
if [ "$use_b2" -eq 1 ]; then
    cfg=$(mktemp)
    trap 'rm -f "$cfg"' EXIT
    echo 'using asciidoctor ;' >"$cfg"
    (cd doc && "$(tempfile_b2)" -q --user-config="$cfg" boostrelease)
else
    asciidoctor --failure-level=WARN -R doc -D doc/html doc/*.adoc doc/reference/*.adoc
fi
python3 build/check_doc_links.py doc/html
