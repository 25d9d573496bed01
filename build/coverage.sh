#!/usr/bin/env bash
# Boost.TempFile: line and branch coverage of the library's headers by the whole test suite.
#
# usage: build/coverage.sh [--config=linux|portable|windows|all] [--separate] [--check]
#                          [--report-only] [--jobs=N]
#
#   --config=linux     (default) the suite built with g++ --coverage (build/test.sh --coverage)
#   --config=portable  the same with --portable-posix (the paths of macOS and the BSDs)
#   --config=windows   mingw-w64 --coverage, the suite run under Wine (the programs write
#                      their .gcda files straight to the Linux side; mingw's gcov 12 reads
#                      them). Uses the toolchain in $BOOST_TEMPFILE_WINDOWS_DIR when set, else
#                      build/windows.sh prepares bin/windows first (a few minutes, once).
#   --config=all       the three, one after the other
#   --separate         the library compiled separately (build/test.sh --separate: each test
#                      program links src/tempfile.cpp's object, or includes src.hpp itself), the
#                      counts under bin/<config>-separate-coverage and bin/coverage/<config>-separate.*
#                      (the headers' lines are counted wherever they were compiled: the thresholds
#                      are the configuration's)
#   --check            exit non-zero when a backend or the shared layer is below its threshold
#                      (the thresholds table below: what the suite reaches, see doc/hardening.adoc)
#   --report-only      do not build or run: read the counts already in bin/<config>-coverage
#
# Each configuration is measured on the programs built in it: in the linux one,
# test_native_calls (built with BOOST_TEMPFILE_NO_LINUX_EXTENSIONS, the portable paths) is left
# out; the portable configuration measures it with the rest.
#
# Counts: every forked child that ends by _exit or raise writes its own, and the children
# running as `nobody` can (test/common/coverage_hook.hpp, build/test.sh --coverage). Branches
# that only exist for exceptions (and those gcc marks unreachable) are left out
# (gcovr --exclude-throw-branches --exclude-unreachable-branches).
#
# Output, per configuration, in bin/coverage/:
#   <config>.txt         the table: per header, then per layer (posix or windows backend, shared)
#   <config>-missed.txt  every unexecuted line of the backend and the shared layer, with its text
#   <config>.json        gcovr's full data
#   <config>-source-branches.json  the branches per source line (build/coverage_source_branches.py:
#                        gcc and gcovr 5.2 count a template's branches once per instantiation; a
#                        direction of a source line taken in any instantiation counts here), the
#                        table's "source" column
# The last line printed is "coverage: ok" or "coverage: below threshold (...)".
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

config=linux
check=0
report_only=0
separate=0
jobs=()
for a in "$@"; do
    case "$a" in
        -h|--help) usage; exit 0 ;;
        --config=*) config=${a#--config=} ;;
        --check) check=1 ;;
        --separate) separate=1 ;;
        --report-only) report_only=1 ;;
        --jobs=*|-j*) jobs=("$a") ;;
        *) echo "coverage.sh: unknown argument $a" >&2; exit 2 ;;
    esac
done
case "$config" in
    linux|portable|windows) configs=("$config") ;;
    all) configs=(linux portable windows) ;;
    *) echo "coverage.sh: --config must be linux, portable, windows or all" >&2; exit 2 ;;
esac

# Thresholds, in percent, per configuration and layer: the floor of what the suite measured
# (doc/hardening.adoc, "Coverage"), about a point under it: the thread tests move the branch
# figures by a few branches (the console-event sweep races a thread on Windows). Measured on
# 2026-12-07, in the fresh-clone .ci/run of e2d2ce4 (lines, gcovr branches, source branches):
# linux 96.7/77.7/81.8 and 98.1/71.8/87.2; portable --separate 95.3/75.5/79.5 and
# 97.5/71.9/86.1; windows 89.1/67.5/73.3 and 91.2/63.1/75.2; windows again on 2026-12-08
# (--config=windows by hand, the fourth round's tests): 90.3/67.8/74.4 and 94.9/66.9/80.6; in
# the fresh-clone .ci/run of 4453341: portable 95.3/76.1/80.1 and 98.0/72.1/86.5, windows
# 90.6/67.9/74.5 and 95.2/67.0/80.8. The targets are 95 (lines) and 80 (source branches).
declare -A min_lines min_branches
min_lines[linux.backend]=95;    min_branches[linux.backend]=76
min_lines[linux.shared]=97;     min_branches[linux.shared]=70
min_lines[portable.backend]=94; min_branches[portable.backend]=74
min_lines[portable.shared]=97;  min_branches[portable.shared]=71
min_lines[windows.backend]=89;  min_branches[windows.backend]=66
min_lines[windows.shared]=94;   min_branches[windows.shared]=65
# Branches per source line (the table's "source" column, build/coverage_source_branches.py).
declare -A min_source
min_source[linux.backend]=80;    min_source[linux.shared]=86
min_source[portable.backend]=79; min_source[portable.shared]=85
min_source[windows.backend]=73;  min_source[windows.shared]=79

# shellcheck source=build/deps.sh
source "$root/build/deps.sh"
set -euo pipefail
tempfile_deps_install gcovr || exit 1

mkdir -p bin/coverage

# gcov, with its negative counts read as 0. The counters are updated atomically
# (-fprofile-update=atomic, build/test.sh --coverage), but a process that ends while other
# threads still run the library (test_exit_cleanup's threads_creating_while_the_process_ends_...:
# by design; the counts are written by the exit handler, or by the coverage hook from the
# signal handler) has each such thread part-way through a block: entered, not yet left. gcov
# derives the arcs that have no counter by flow conservation and may then find -1 for an arc
# never taken ("branch 1 taken -1"), which gcovr 5.2 cannot parse. A negative count is such
# an arc: 0, not taken. (Neither a child killed while writing nor concurrent writers: libgcov
# locks each .gcda with fcntl while it merges, and no test kills a child that is writing.)
wrapper=$root/bin/coverage/gcov-nonnegative
cat >"$wrapper" <<'EOF_WRAPPER'
#!/usr/bin/env python3
# Written by build/coverage.sh: runs gcov (argv[1:]), then sets each negative count of the
# .gcov files it created (named on its stdout) to 0.
import re, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
neg = re.compile(r"\b(taken|returned|called) -[0-9]+")
negline = re.compile(r"^(\s*)-[0-9]+\*?:", re.M)
for name in re.findall(r"^Creating '(.*)'$", r.stdout, re.M):
    try:
        text = open(name).read()
    except OSError:
        continue
    fixed = negline.sub(lambda m: m.group(1) + "#####:", neg.sub(lambda m: m.group(1) + " 0", text))
    if fixed != text:
        open(name, "w").write(fixed)
sys.stdout.write(r.stdout)
sys.stderr.write(r.stderr)
sys.exit(r.returncode)
EOF_WRAPPER
chmod +x "$wrapper"
status=0        # thresholds
suite_status=0  # a test failed
failed=()
for c in "${configs[@]}"; do
    case "$c" in
        linux)
            bdir=bin/gcc-cxx17-coverage; args=(); gcov=gcov; backend=posix
            other_config='test_native_calls\.test' # a portable-configuration program (above)
            ;;
        portable) bdir=bin/gcc-cxx17-portable-coverage; args=(--portable-posix); gcov=gcov; backend=posix; other_config= ;;
        windows)
            # The -posix gcov: the one of the compiler build/windows.sh installs and uses (the
            # unsuffixed name is an alternative that may lead to the -win32 one).
            bdir=bin/mingw-cxx17-coverage; args=(--platform=windows); gcov=x86_64-w64-mingw32-gcov-posix; backend=windows; other_config=
            export BOOST_TEMPFILE_WINDOWS_DIR=${BOOST_TEMPFILE_WINDOWS_DIR:-}
            ;;
    esac
    name=$c
    if [ "$separate" = 1 ]; then
        args+=(--separate); name=$c-separate
        bdir=${bdir%-coverage}-separate-coverage
    fi
    if [ "$report_only" = 0 ]; then
        # Fresh counts: the old ones would add up with this run's.
        [ -d "$bdir" ] && find "$bdir" -name '*.gcda' -delete
        start=$SECONDS
        echo "== coverage $name: build/test.sh --coverage --rerun ${args[*]-} (the test programs)"
        rc=0
        # Only the test programs (test//run_tests; the examples too on Windows): the compile-only
        # checks add no count.
        targets=(test//run_tests)
        [ "$c" = windows ] && targets+=(example)
        ./build/test.sh --coverage --rerun ${args[@]+"${args[@]}"} ${jobs[@]+"${jobs[@]}"} "${targets[@]}" |
            tail -n 40 || rc=$?
        echo "== coverage $name: the suite took $((SECONDS - start))s (exit $rc)"
        [ "$rc" -eq 0 ] || { suite_status=1; failed+=("$name: the suite failed"); }
    fi
    [ -d "$bdir" ] || { echo "coverage.sh: no $bdir (run without --report-only first)" >&2; exit 1; }
    echo "== coverage $name: gcovr"
    exclude=()
    [ -n "$other_config" ] && exclude=(--exclude-directories ".*/$other_config/.*")
    gcovr --root "$root" --object-directory "$root/$bdir" --gcov-executable "$wrapper $gcov" \
        --filter "$root/include/" --exclude-throw-branches --exclude-unreachable-branches \
        ${exclude[@]+"${exclude[@]}"} -j 2 --json "bin/coverage/$name.json" "$root/$bdir" >/dev/null
    echo "== coverage $name: branches per source line (build/coverage_source_branches.py)"
    python3 build/coverage_source_branches.py "$gcov" "$root" "$root/$bdir" "$backend" \
        "bin/coverage/$name-source-branches.json" "$other_config"
    python3 - "$name" "$backend" "bin/coverage/$name.json" "bin/coverage/$name.txt" "bin/coverage/$name-missed.txt" \
        "${min_lines[$c.backend]}" "${min_branches[$c.backend]}" \
        "${min_lines[$c.shared]}" "${min_branches[$c.shared]}" "$check" \
        "${min_source[$c.backend]:-}" "${min_source[$c.shared]:-}" \
        "bin/coverage/$name-source-branches.json" <<'EOF' || { status=1; failed+=("$name: below threshold"); }
import json, sys
cfg, backend, src, table, missed_out = sys.argv[1:6]
thr = {"backend": (float(sys.argv[6]), float(sys.argv[7])), "shared": (float(sys.argv[8]), float(sys.argv[9]))}
check = sys.argv[10] == "1"
source_thr = {"backend": sys.argv[11], "shared": sys.argv[12]}
source_branches = json.load(open(sys.argv[13]))["files"]
data = json.load(open(src))
rows, layers, missed = [], {}, []
other = "windows" if backend == "posix" else "posix"
for f in sorted(data["files"], key=lambda f: f["file"]):
    name = f["file"]
    i = name.find("include/boost/")
    name = name[i + len("include/"):] if i >= 0 else name
    if "/detail/%s/" % other in name:
        continue  # the other platform's backend: not compiled here
    layer = "backend" if "/detail/%s/" % backend in name else "shared"
    lt = lh = bt = bh = 0
    text = None
    for l in f["lines"]:
        if l.get("gcovr/noncode"):
            continue
        lt += 1
        if l["count"] > 0:
            lh += 1
        else:
            if text is None:
                try:
                    text = open(f["file"] if f["file"].startswith("/") else "include/" + name).read().split("\n")
                except OSError:
                    text = []
            src_line = text[l["line_number"] - 1].strip() if l["line_number"] <= len(text) else ""
            missed.append("%s:%d: %s" % (name, l["line_number"], src_line))
        for b in l.get("branches", []):
            bt += 1
            bh += b["count"] > 0
    if lt == 0:
        continue
    st, sh = source_branches.get(name, [0, 0])
    rows.append((name, layer, lt, lh, bt, bh, st, sh))
    a = layers.setdefault(layer, [0, 0, 0, 0, 0, 0])
    a[0] += lt; a[1] += lh; a[2] += bt; a[3] += bh; a[4] += st; a[5] += sh
pct = lambda h, t: 100.0 * h / t if t else 100.0
out = ["coverage, configuration %s (lines executed / lines; branches taken / branches, exception-only left out:" % cfg,
       "\"branch\" per instantiation, as gcovr counts them; \"source\" per source line, taken in any instantiation)", ""]
out.append("%-52s %6s %13s %7s %13s %7s %13s" % ("header", "lines", "", "branch", "", "source", ""))
for name, layer, lt, lh, bt, bh, st, sh in rows:
    out.append("%-52s %5.1f%% %6d/%-6d %6.1f%% %6d/%-6d %6.1f%% %6d/%-6d" % (name, pct(lh, lt), lh, lt, pct(bh, bt), bh, bt, pct(sh, st), sh, st))
out.append("")
ok = True
for layer in ("backend", "shared"):
    lt, lh, bt, bh, st, sh = layers.get(layer, [0, 0, 0, 0, 0, 0])
    label = "%s backend (detail/%s/)" % (backend, backend) if layer == "backend" else "shared layer (the rest)"
    lp, bp = pct(lh, lt), pct(bh, bt)
    mark = ""
    sp = pct(sh, st)
    if source_thr[layer] and sp < float(source_thr[layer]):
        mark = "  BELOW threshold %s%% (source)" % source_thr[layer]
        ok = False
    if lp < thr[layer][0] or bp < thr[layer][1]:
        mark = "  BELOW threshold %.0f%% / %.0f%%" % thr[layer]
        ok = False
    out.append("%-52s %5.1f%% %6d/%-6d %6.1f%% %6d/%-6d %6.1f%% %6d/%-6d%s" % (label, lp, lh, lt, bp, bh, bt, pct(sh, st), sh, st, mark))
open(table, "w").write("\n".join(out) + "\n")
open(missed_out, "w").write("\n".join(missed) + "\n")
print("\n".join(out))
print("(%d unexecuted lines listed in %s)" % (len(missed), missed_out))
sys.exit(0 if ok or not check else 1)
EOF
done

if [ "$status" -eq 0 ] && [ "$suite_status" -eq 0 ]; then
    echo "coverage: ok"
else
    echo "coverage: below threshold or failed (${failed[*]})"
fi
[ "$suite_status" -eq 0 ] || exit 1
[ "$check" = 0 ] || exit "$status"
