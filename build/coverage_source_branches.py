#!/usr/bin/env python3
# Boost.TempFile: branch coverage counted per source line, across template instantiations
# (build/coverage.sh calls it after gcovr; doc/hardening.adoc#coverage says why).
#
# usage: coverage_source_branches.py <gcov> <root> <build dir> <backend: posix|windows> <out.json>
#                                   [<regex: the build directories of programs to leave out>]
#
# gcc counts a template's branches once per instantiation: a line of unique.hpp compiled in 17
# instantiations has 8 branches in each, and gcovr 5.2 (Debian 12's) adds them up, so a
# direction the suite takes in one instantiation and not in the 16 others counts as 1 taken of
# 17. Here a branch is a direction of a source line: taken when any instantiation, in any
# program, took it. gcov's JSON (gcov -b --json-format) names each line's function (the
# instantiation): per line and per instantiation the branches form a vector; the vectors of one
# line are merged position by position when they have the same length (instantiations whose
# code differs on that line, e.g. by `if constexpr`, have vectors of another length: each
# length is counted as a source branch set of its own). Left out as gcovr is told to leave them
# out (--exclude-throw-branches --exclude-unreachable-branches): branches gcov marks as
# exception edges ("throw"), and the branches of lines that are only braces (gcovr's own rule:
# once comments and spaces are removed, "", "{", "}" or "{}"). A negative count (gcov's flow conservation on counts of
# threads stopped part-way, see build/coverage.sh) is read as 0.
#
# Prints nothing; writes {"files": {header: [branches, taken]}} to <out.json>, the headers
# under include/ of the configuration (the other platform's backend left out).
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
import concurrent.futures
import json
import os
import re
import subprocess
import sys

gcov, root, bdir, backend, out = sys.argv[1:6]
# A program of another configuration (coverage.sh: test_native_calls in the linux one): the
# directories whose path matches this regular expression are left out.
skip = re.compile(sys.argv[6]) if len(sys.argv) > 6 and sys.argv[6] else None
other = "windows" if backend == "posix" else "posix"


def header_name(path, cwd):
    full = os.path.normpath(path if os.path.isabs(path) else os.path.join(cwd, path))
    i = full.find("/include/boost/")
    if i < 0 or not full.startswith(root.rstrip("/") + "/"):
        return None
    name = full[i + len("/include/"):]
    return None if "/detail/%s/" % other in name else name


def merge_vectors(old, v):
    """One instantiation's branch vector merged into another's of the same line: position by
    position, taken if either took it, left out if either leaves it out; v alone when there is
    no other of its length."""
    if old is None or len(old) != len(v):
        return v
    return [None if a is None or b is None else a or b for a, b in zip(old, v)]


def read_gcda(gcda):
    """{(header, line): {function: [taken?, ...] or None per position (None: left out)}}"""
    r = subprocess.run([gcov, "-b", "--json-format", "--stdout", "-o", os.path.dirname(gcda), gcda],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=root)
    found = {}
    for doc in r.stdout.decode("utf-8", "replace").splitlines():
        doc = doc.strip()
        if not doc.startswith("{"):
            continue
        data = json.loads(doc)
        cwd = data.get("current_working_directory", root)
        for f in data.get("files", []):
            name = header_name(f["file"], cwd)
            if name is None:
                continue
            for l in f["lines"]:
                if not l.get("branches"):
                    continue
                v = [None if b.get("throw") else b["count"] > 0 for b in l["branches"]]
                key = (name, l["line_number"])
                fn = l.get("function_name", "")
                fns = found.setdefault(key, {})
                fns[fn] = merge_vectors(fns.get(fn), v)
    return found


gcdas = [os.path.join(d, n) for d, _, ns in os.walk(bdir) for n in ns
         if n.endswith(".gcda") and not (skip and skip.search(d))]
merged = {}
with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    for found in pool.map(read_gcda, gcdas):
        for key, fns in found.items():
            m = merged.setdefault(key, {})
            for fn, v in fns.items():
                m[fn] = merge_vectors(m.get(fn), v)

def braces_only(text):
    text = re.sub(r"/\*.*?\*/", "", re.sub(r"//.*", "", text)).replace(" ", "").strip()
    return text in ("", "{", "}", "{}")


texts = {}
files = {}
for (name, line), fns in sorted(merged.items()):
    if name not in texts:
        try:
            texts[name] = open(os.path.join(root, "include", name), encoding="utf-8").read().split("\n")
        except OSError:
            texts[name] = []
    text = texts[name][line - 1] if line <= len(texts[name]) else ""
    if braces_only(text):
        continue
    by_length = {}
    for v in fns.values():
        by_length[len(v)] = merge_vectors(by_length.get(len(v)), v)
    t = files.setdefault(name, [0, 0])
    for v in by_length.values():
        for b in v:
            if b is not None:
                t[0] += 1
                t[1] += 1 if b else 0

with open(out, "w") as o:
    json.dump({"files": files}, o, indent=1, sort_keys=True)
