# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
#
# CPython's tempfile for ./build/bench.sh: the operations of test/perf/bench.cpp, measured the
# same way (calibrate, then about 30 ms per operation), printed in the same line format:
#
#   python3 bench_cpython.py <fs-label> <dir>   ->   "R <fs> cpython <op> <ns/op> 0"

import os
import shutil
import sys
import tempfile
import time

BUF = b"x" * 4096


def make_tree(root):
    for d in range(10):
        sub = os.path.join(root, "d%d" % d)
        os.mkdir(sub, 0o700)
        for f in range(100):
            os.close(os.open(os.path.join(sub, "f%03d" % f), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def simple(fn):
    def run(n):
        t0 = time.perf_counter_ns()
        for _ in range(n):
            fn()
        return time.perf_counter_ns() - t0
    return run


def ops(d):
    names = tempfile._get_candidate_names()

    def create():
        fd, name = tempfile.mkstemp(dir=d)
        os.close(fd)
        os.unlink(name)

    def create_obj():
        tempfile.NamedTemporaryFile(dir=d).close()

    def mkdtemp():
        os.rmdir(tempfile.mkdtemp(dir=d))

    def tempdir_obj():
        tempfile.TemporaryDirectory(dir=d).cleanup()

    def anon():
        tempfile.TemporaryFile(dir=d).close()

    def write4k():
        f = tempfile.NamedTemporaryFile(dir=d)
        f.write(BUF)
        f.close()

    def spool(max_size):
        def run():
            s = tempfile.SpooledTemporaryFile(max_size=max_size, dir=d)
            for _ in range(256):
                s.write(BUF)
            s.close()
        return run

    def rmtree(n):
        total = 0
        for _ in range(n):
            root = tempfile.mkdtemp(dir=d, prefix="rt_")
            make_tree(root)
            t0 = time.perf_counter_ns()
            shutil.rmtree(root)
            total += time.perf_counter_ns() - t0
        return total

    return {
        "create": simple(create),
        "create_obj": simple(create_obj),
        "mkdtemp": simple(mkdtemp),
        "tempdir_obj": simple(tempdir_obj),
        "anon": simple(anon),
        "write4k": simple(write4k),
        "spool_mem": simple(spool(0)),
        "spool_roll": simple(spool(512 * 1024)),
        "rmtree": rmtree,
        "name": simple(lambda: next(names)),
        "gettempdir": simple(tempfile.gettempdir),
    }


def measure(f, budget_ns, slow):
    f(1)  # warm-up
    n = 1
    while True:
        t = f(n)
        if t >= budget_ns / 20 or (slow and n >= 4):
            break
        n *= 4
    runs = max(4 if slow else 16, int(budget_ns * n / max(t, 1)))
    if slow:
        runs = min(runs, 12)  # the untimed setup may cost more than the removal
    return f(runs) / runs


def main():
    fs, d = sys.argv[1], sys.argv[2]
    budget = 30_000_000
    for op, f in ops(d).items():
        ns = measure(f, 2 * budget if op == "rmtree" else budget, op == "rmtree")
        print("R %s cpython %s %.2f 0" % (fs, op, ns), flush=True)


if __name__ == "__main__":
    main()
