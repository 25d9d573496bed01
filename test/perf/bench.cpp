// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The benchmark behind ./build/bench.sh (doc/performance.adoc). NOT a test: nothing here is
// asserted against a time. One process measures one implementation on one directory:
//
//   bench run <impl> <fs-label> <dir> [op] prints "R <fs> <impl> <op> <value> <allocs/op>" lines
//   bench count <impl> <dir> <op> <n>     runs exactly n operations (for strace, callgrind)
//   bench report <results-file>           prints the table (median, spread, ratio to floor)
//
// impl: lib (this library, public API), lib-pinned (its objects with the pinned_temp_dir
// location: tempdir set to <dir>, held open), floor (raw system calls on a held dirfd),
// floor-path (the same calls by absolute path), glibc, bfs (Boost.Filesystem), stdfs.
// CPython's lines come from bench_cpython.py, in the same format.
//
// value is ns per operation, except for ops "threads2" and "threads2_sep": the throughput of two
// threads creating in one directory (in two directories) divided by one thread's (higher is better).

#include <boost/tempfile.hpp>
#if __has_include(<boost/tempfile/spooled.hpp>)
#include <boost/tempfile/spooled.hpp>
#endif

#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tf = boost::tempfile;
namespace bfs = boost::filesystem;

// ---------------------------------------------------------------- allocation counter

static std::atomic<std::uint64_t> g_allocs{0};

void* operator new(std::size_t n)
{
    g_allocs.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n)
{
    return operator new(n);
}
void operator delete(void* p) noexcept
{
    std::free(p);
}
void operator delete[](void* p) noexcept
{
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept
{
    std::free(p);
}

// ---------------------------------------------------------------- helpers

template <class T>
inline void keep_value(T const& v)
{
    asm volatile("" : : "r,m"(v) : "memory");
}

// The clock of the per-operation timings: wall time (CLOCK_MONOTONIC), or with
// TF_BENCH_CLOCK=cpu the calling thread's CPU time, user + system (CLOCK_THREAD_CPUTIME_ID):
// steadier on a machine shared with other work, blind to time spent waiting. The two-thread
// speedups always use wall time.
static const clockid_t g_clock = [] {
    const char* c = std::getenv("TF_BENCH_CLOCK");
    return c && std::string(c) == "cpu" ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC;
}();

static std::int64_t clock_ns(clockid_t id)
{
    timespec ts;
    clock_gettime(id, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

static std::int64_t now_ns()
{
    return clock_ns(g_clock);
}

static std::int64_t wall_ns()
{
    return clock_ns(CLOCK_MONOTONIC);
}

[[noreturn]] static void die(const char* what)
{
    std::perror(what);
    std::exit(2);
}

// The floor's name: one splitmix64 draw per name, 8 symbols of Python's alphabet.
static thread_local std::uint64_t g_sm = 0x243f6a8885a308d3ull ^ std::uint64_t(::getpid()) << 32 ^
                                         std::uint64_t(now_ns()) ^ reinterpret_cast<std::uintptr_t>(&g_sm);
static inline std::uint64_t splitmix64()
{
    std::uint64_t z = (g_sm += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789_";
static inline void floor_name(char* out) // writes 8 symbols
{
    std::uint64_t x = splitmix64();
    for (int i = 0; i < 8; ++i) {
        out[i] = alphabet[x % 37];
        x /= 37;
    }
}

static constexpr int excl_flags = O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
static char g_buf4k[4096];

struct context
{
    std::string dir; // absolute, no trailing '/'
    int dirfd = -1;  // held open
};

// One operation of one implementation: runs n operations and returns the nanoseconds they
// took (the timing is inside, so that untimed setup can be left out).
using op_fn = std::function<std::int64_t(context&, std::size_t)>;

template <class F>
static op_fn simple(F f)
{
    return [f](context& c, std::size_t n) {
        std::int64_t t0 = now_ns();
        for (std::size_t i = 0; i < n; ++i)
            f(c);
        return now_ns() - t0;
    };
}

// ---------------------------------------------------------------- the floor

static void floor_create(context& c)
{
    char name[12] = "tmp";
    floor_name(name + 3);
    name[11] = 0;
    int fd = ::openat(c.dirfd, name, excl_flags, 0600);
    if (fd < 0)
        die("openat");
    ::close(fd);
    ::unlinkat(c.dirfd, name, 0);
}

static void floor_write4k(context& c)
{
    char name[12] = "tmp";
    floor_name(name + 3);
    name[11] = 0;
    int fd = ::openat(c.dirfd, name, excl_flags, 0600);
    if (fd < 0)
        die("openat");
    if (::write(fd, g_buf4k, sizeof g_buf4k) != sizeof g_buf4k)
        die("write");
    ::close(fd);
    ::unlinkat(c.dirfd, name, 0);
}

static void floor_mkdtemp(context& c)
{
    char name[12] = "tmp";
    floor_name(name + 3);
    name[11] = 0;
    if (::mkdirat(c.dirfd, name, 0700) != 0)
        die("mkdirat");
    ::unlinkat(c.dirfd, name, AT_REMOVEDIR);
}

static void floor_anon(context& c)
{
    int fd = ::openat(c.dirfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0)
        die("openat O_TMPFILE");
    ::close(fd);
}

// A realloc-doubled buffer; past `max` (0: never) the data moves to an O_TMPFILE file.
static void floor_spool(context& c, std::size_t max)
{
    char* p = nullptr;
    std::size_t size = 0, cap = 0;
    int fd = -1;
    for (int i = 0; i < 256; ++i) {
        if (fd >= 0) {
            if (::write(fd, g_buf4k, sizeof g_buf4k) != sizeof g_buf4k)
                die("write");
            continue;
        }
        if (size + sizeof g_buf4k > cap) {
            cap = std::max<std::size_t>(cap * 2, sizeof g_buf4k);
            p = static_cast<char*>(std::realloc(p, cap));
        }
        std::memcpy(p + size, g_buf4k, sizeof g_buf4k);
        size += sizeof g_buf4k;
        if (max && size > max) {
            fd = ::openat(c.dirfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
            if (fd < 0 || ::write(fd, p, size) != static_cast<ssize_t>(size))
                die("rollover");
            std::free(p);
            p = nullptr;
        }
    }
    keep_value(p);
    std::free(p);
    if (fd >= 0)
        ::close(fd);
}

// The tree of the rmtree operation: 10 directories of 100 empty files, made with raw calls.
static void make_tree(int dfd)
{
    char n[16];
    for (int d = 0; d < 10; ++d) {
        std::snprintf(n, sizeof n, "d%d", d);
        if (::mkdirat(dfd, n, 0700) != 0)
            die("mkdirat tree");
        int sub = ::openat(dfd, n, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        for (int f = 0; f < 100; ++f) {
            std::snprintf(n, sizeof n, "f%03d", f);
            int fd = ::openat(sub, n, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0)
                die("openat tree");
            ::close(fd);
        }
        ::close(sub);
    }
}

// Makes <dir>/<name> with the tree in it; returns its name.
static std::string make_tree_root(context& c)
{
    char name[12] = "rt_";
    floor_name(name + 3);
    name[11] = 0;
    if (::mkdirat(c.dirfd, name, 0700) != 0)
        die("mkdirat root");
    int fd = ::openat(c.dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    make_tree(fd);
    ::close(fd);
    return name;
}

// The floor's removal: an unlinkat walk with d_type, descriptor-relative, no symlink followed.
static void floor_walk(int fd)
{
    DIR* d = ::fdopendir(fd);
    if (!d)
        die("fdopendir");
    while (dirent* e = ::readdir(d)) {
        const char* n = e->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
            continue;
        if (e->d_type == DT_DIR) {
            int sub = ::openat(fd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0)
                die("openat walk");
            floor_walk(sub);
            ::unlinkat(fd, n, AT_REMOVEDIR);
        } else {
            ::unlinkat(fd, n, 0);
        }
    }
    ::closedir(d);
}

template <class Remove>
static op_fn rmtree_op(Remove remove)
{
    return [remove](context& c, std::size_t n) {
        std::int64_t total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            std::string root = make_tree_root(c);
            std::int64_t t0 = now_ns();
            remove(c, root);
            total += now_ns() - t0;
        }
        return total;
    };
}

static const std::string g_cached_tempdir = "/tmp";
static std::atomic<const std::string*> g_cached_ptr{&g_cached_tempdir};

// ---------------------------------------------------------------- two threads

// Two threads creating against one thread: (2n / t2) / (n / t1). With `separate`, each thread
// creates in its own subdirectory (t0, t1): what the kernel's per-directory lock allows.
// n is chosen for about 20 ms of one thread's work.
static double speedup(context& c, void (*create)(context&), double ns_per_create, bool separate)
{
    const std::size_t n =
        std::clamp<std::size_t>(static_cast<std::size_t>(20e6 / (std::max)(ns_per_create, 1.0)), 100, 5000);
    context tc[2] = {c, c};
    if (separate) {
        for (int t = 0; t < 2; ++t) {
            char sub[4] = {'t', char('0' + t), 0};
            if (::mkdirat(c.dirfd, sub, 0700) != 0)
                die("mkdirat t0/t1");
            tc[t].dir = c.dir + "/" + sub;
            tc[t].dirfd = ::openat(c.dirfd, sub, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        }
    }
    auto run = [&](int threads) {
        std::atomic<int> ready{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> ts;
        std::int64_t t0 = 0;
        for (int t = 0; t < threads; ++t)
            ts.emplace_back([&, t] {
                ready.fetch_add(1);
                while (!go.load())
                    ;
                for (std::size_t i = 0; i < n; ++i)
                    create(tc[t]);
            });
        while (ready.load() != threads)
            ;
        t0 = wall_ns();
        go.store(true);
        for (auto& t : ts)
            t.join();
        return double(wall_ns() - t0);
    };
    run(1); // warm-up
    double best = 0;
    for (int k = 0; k < 3; ++k) { // the best of three pairs: another process may take a core
        double t1 = run(1), t2 = run(2);
        best = (std::max)(best, (2.0 * n / t2) / (n / t1));
    }
    if (separate) {
        for (int t = 0; t < 2; ++t) {
            ::close(tc[t].dirfd);
            ::unlinkat(c.dirfd, t ? "t1" : "t0", AT_REMOVEDIR);
        }
    }
    return best;
}

// ---------------------------------------------------------------- the implementations

// The first name drawn in a new thread (its generator's set-up included), timed inside the
// thread; the thread's start and end are not timed.
template <class F>
static op_fn first_in_thread(F draw)
{
    return [draw](context&, std::size_t n) {
        std::int64_t total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            std::int64_t t = 0;
            std::thread th([&] {
                std::int64_t t0 = now_ns();
                draw();
                t = now_ns() - t0;
            });
            th.join();
            total += t;
        }
        return total;
    };
}

static std::map<std::string, op_fn> ops_of(const std::string& impl, context& ctx)
{
    std::map<std::string, op_fn> m;
    if (impl == "floor") {
        m["create"] = simple(floor_create);
        m["create_obj"] = simple(floor_create);
        m["mkdtemp"] = simple(floor_mkdtemp);
        m["tempdir_obj"] = simple(floor_mkdtemp);
        m["anon"] = simple(floor_anon);
        m["write4k"] = simple(floor_write4k);
        m["spool_mem"] = simple([](context& c) { floor_spool(c, 0); });
        m["spool_roll"] = simple([](context& c) { floor_spool(c, 512 * 1024); });
        m["rmtree"] = rmtree_op([](context& c, const std::string& root) {
            int fd = ::openat(c.dirfd, root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            floor_walk(fd);
            ::unlinkat(c.dirfd, root.c_str(), AT_REMOVEDIR);
        });
        m["name"] = simple([](context&) {
            char n[8];
            floor_name(n);
            keep_value(n);
        });
        m["thread_name"] = first_in_thread([] {
            char n[8];
            floor_name(n);
            keep_value(n);
        });
        m["gettempdir"] = simple([](context&) {
            std::string s = *g_cached_ptr.load(std::memory_order_acquire);
            keep_value(s);
        });
    } else if (impl == "floor-path") {
        auto by_path = [](context& c, char* buf) { // buf: dir + "/tmp" + 8 symbols
            std::memcpy(buf, c.dir.data(), c.dir.size());
            std::memcpy(buf + c.dir.size(), "/tmp", 4);
            floor_name(buf + c.dir.size() + 4);
            buf[c.dir.size() + 12] = 0;
        };
        m["create"] = simple([by_path](context& c) {
            char p[4096];
            by_path(c, p);
            int fd = ::open(p, excl_flags, 0600);
            if (fd < 0)
                die("open");
            ::close(fd);
            ::unlink(p);
        });
        m["mkdtemp"] = simple([by_path](context& c) {
            char p[4096];
            by_path(c, p);
            if (::mkdir(p, 0700) != 0)
                die("mkdir");
            ::rmdir(p);
        });
        m["anon"] = simple([](context& c) {
            int fd = ::open(c.dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
            if (fd < 0)
                die("open O_TMPFILE");
            ::close(fd);
        });
        m["write4k"] = simple([by_path](context& c) {
            char p[4096];
            by_path(c, p);
            int fd = ::open(p, excl_flags, 0600);
            if (fd < 0 || ::write(fd, g_buf4k, sizeof g_buf4k) != sizeof g_buf4k)
                die("open/write");
            ::close(fd);
            ::unlink(p);
        });
    } else if (impl == "lib") {
        static tf::options o;
        static tf::file_options fo;
        static tf::anonymous_options ao;
        static tf::dir_options dopt;
        o.dir = ctx.dir;
        fo.dir = ctx.dir;
        ao.dir = ctx.dir;
        dopt.dir = ctx.dir;
        m["create"] = simple([](context&) {
            auto [fd, name] = tf::mkstemp(o);
            ::close(fd);
            ::unlink(name.c_str());
        });
        m["create_obj"] = simple([](context&) { tf::named_temporary_file f(fo); });
        m["mkdtemp"] = simple([](context&) { ::rmdir(tf::mkdtemp(o).c_str()); });
        m["tempdir_obj"] = simple([](context&) { tf::temporary_directory d(dopt); });
        m["anon"] = simple([](context&) { tf::temporary_file f(ao); });
        m["write4k"] = simple([](context&) {
            tf::named_temporary_file f(fo);
            f.write(g_buf4k, sizeof g_buf4k);
            f.close();
        });
#if defined(BOOST_TEMPFILE_BENCH_SPOOLED)
        static tf::spooled_options so_mem, so_roll;
        so_mem.dir = ctx.dir;
        so_mem.max_size = 0;
        so_roll.dir = ctx.dir;
        so_roll.max_size = 512 * 1024;
        auto spool = [](const tf::spooled_options& so) {
            tf::spooled_temporary_file s(so);
            for (int i = 0; i < 256; ++i)
                s.write(g_buf4k, sizeof g_buf4k);
            keep_value(s.rolled_over());
        };
        m["spool_mem"] = simple([spool](context&) { spool(so_mem); });
        m["spool_roll"] = simple([spool](context&) { spool(so_roll); });
#endif
        m["rmtree"] = [](context& c, std::size_t n) {
            std::int64_t total = 0;
            for (std::size_t i = 0; i < n; ++i) {
                tf::temporary_directory d(dopt);
                make_tree(d.native_handle());
                std::int64_t t0 = now_ns();
                d.cleanup();
                total += now_ns() - t0;
            }
            (void)c;
            return total;
        };
        m["name"] = simple([](context&) {
            std::string s = tf::random_name<>{}.next_name<char>();
            keep_value(s);
        });
        m["thread_name"] = first_in_thread([] {
            std::string s = tf::random_name<>{}.next_name<char>();
            keep_value(s);
        });
        m["gettempdir"] = simple([](context&) {
            std::string s = tf::gettempdir();
            keep_value(s);
        });
    } else if (impl == "lib-pinned") {
        // The same objects with the pinned_temp_dir location: the tempdir (set to the measured
        // directory) held open, creation and removal relative to it, as the floor does.
        tf::set_tempdir(ctx.dir);
        using file = tf::basic_temp_file<char, tf::pinned_temp_dir>;
        m["create"] = simple([](context&) { file f; });
        m["create_obj"] = simple([](context&) { file f; });
        m["tempdir_obj"] = simple([](context&) { tf::basic_temp_dir<char, tf::pinned_temp_dir> d; });
        m["anon"] = simple([](context&) { tf::basic_temp_file<char, tf::pinned_temp_dir, tf::anonymous_file<>> f; });
        m["write4k"] = simple([](context&) {
            file f;
            f.write(g_buf4k, sizeof g_buf4k);
            f.close();
        });
#if defined(BOOST_TEMPFILE_BENCH_SPOOLED)
        m["spool_roll"] = simple([](context&) {
            tf::spooled_options so;
            so.max_size = 512 * 1024;
            tf::basic_temp_file<char, tf::pinned_temp_dir, tf::spooled_file<>> s(so);
            for (int i = 0; i < 256; ++i)
                s.write(g_buf4k, sizeof g_buf4k);
            keep_value(s.rolled_over());
        });
#endif
    } else if (impl == "glibc") {
        auto templ = [](context& c, char* p) {
            std::memcpy(p, c.dir.data(), c.dir.size());
            std::strcpy(p + c.dir.size(), "/tmpXXXXXX");
        };
        m["create"] = simple([templ](context& c) {
            char p[4096];
            templ(c, p);
            int fd = ::mkostemps(p, 0, O_CLOEXEC);
            if (fd < 0)
                die("mkostemps");
            ::close(fd);
            ::unlink(p);
        });
        m["mkdtemp"] = simple([templ](context& c) {
            char p[4096];
            templ(c, p);
            if (!::mkdtemp(p))
                die("mkdtemp");
            ::rmdir(p);
        });
        m["write4k"] = simple([templ](context& c) {
            char p[4096];
            templ(c, p);
            int fd = ::mkostemps(p, 0, O_CLOEXEC);
            if (fd < 0 || ::write(fd, g_buf4k, sizeof g_buf4k) != sizeof g_buf4k)
                die("mkostemps/write");
            ::close(fd);
            ::unlink(p);
        });
    } else if (impl == "bfs") {
        static bfs::path base;
        base = ctx.dir;
        m["create"] = simple([](context&) {
            bfs::path p = base / bfs::unique_path("tmp%%%%%%%%");
            int fd = ::open(p.c_str(), excl_flags, 0600);
            if (fd < 0)
                die("open");
            ::close(fd);
            bfs::remove(p);
        });
        m["mkdtemp"] = simple([](context&) {
            bfs::path p = base / bfs::unique_path("tmp%%%%%%%%");
            if (!bfs::create_directory(p))
                die("create_directory");
            bfs::remove(p);
        });
        m["tempdir_obj"] = simple([](context&) {
            bfs::path p = base / bfs::unique_path("tmp%%%%%%%%");
            if (!bfs::create_directory(p))
                die("create_directory");
            bfs::remove_all(p);
        });
        m["write4k"] = simple([](context&) {
            bfs::path p = base / bfs::unique_path("tmp%%%%%%%%");
            int fd = ::open(p.c_str(), excl_flags, 0600);
            if (fd < 0 || ::write(fd, g_buf4k, sizeof g_buf4k) != sizeof g_buf4k)
                die("open/write");
            ::close(fd);
            bfs::remove(p);
        });
        m["rmtree"] = rmtree_op([](context&, const std::string& root) { bfs::remove_all(base / root); });
        m["name"] = simple([](context&) {
            bfs::path p = bfs::unique_path("%%%%%%%%");
            keep_value(p);
        });
    } else if (impl == "stdfs") {
        m["rmtree"] = rmtree_op(
            [](context& c, const std::string& root) { std::filesystem::remove_all(c.dir + "/" + root); });
    } else {
        std::fprintf(stderr, "bench: unknown implementation %s\n", impl.c_str());
        std::exit(2);
    }
    return m;
}

// Runs `f` for about `budget_ns`: a short calibration, then one timed run. Returns ns/op and
// sets *allocs to the heap allocations per operation of the timed run.
static double measure(op_fn& f, context& c, std::int64_t budget_ns, bool slow, double* allocs)
{
    std::size_t n = 1;
    std::int64_t t = f(c, 1); // warm-up (first-use costs: seeding, caches, page faults)
    for (;;) {
        t = f(c, n);
        if (t >= budget_ns / 20 || (slow && n >= 4))
            break;
        n *= 4;
    }
    std::size_t runs =
        std::max<std::size_t>(slow ? 4 : 16, static_cast<std::size_t>(double(budget_ns) * double(n) /
                                                                      double(std::max<std::int64_t>(t, 1))));
    if (slow)
        runs = std::min<std::size_t>(runs, 12); // the untimed setup may cost more than the removal
    std::uint64_t a0 = g_allocs.load();
    t = f(c, runs);
    *allocs = double(g_allocs.load() - a0) / double(runs);
    return double(t) / double(runs);
}

static int run(const std::string& impl, const std::string& fs, const std::string& dir,
               const std::string& only)
{
    context c;
    c.dir = dir;
    while (c.dir.size() > 1 && c.dir.back() == '/')
        c.dir.pop_back();
    c.dirfd = ::open(c.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (c.dirfd < 0)
        die(c.dir.c_str());
    std::memset(g_buf4k, 'x', sizeof g_buf4k);
    auto ops = ops_of(impl, c);
    const std::int64_t budget = 30'000'000; // 30 ms per operation
    double create_ns = 10000;
    for (auto& [op, f] : ops) {
        if (!only.empty() && op != only)
            continue;
        double allocs = 0;
        double ns = measure(f, c, op == "rmtree" ? 2 * budget : budget, op == "rmtree", &allocs);
        if (op == "create")
            create_ns = ns;
        std::printf("R %s %s %s %.2f %.2f\n", fs.c_str(), impl.c_str(), op.c_str(), ns, allocs);
        std::fflush(stdout);
    }
    if ((impl == "floor" || impl == "lib" || impl == "lib-pinned" || impl == "glibc") &&
        (only.empty() || only.rfind("threads2", 0) == 0)) {
        void (*create)(context&) = floor_create;
        if (impl == "lib")
            create = [](context& c) {
                static thread_local tf::options o;
                if (!o.dir || o.dir->native() != c.dir)
                    o.dir = c.dir;
                auto [fd, name] = tf::mkstemp(o);
                ::close(fd);
                ::unlink(name.c_str());
            };
        else if (impl == "lib-pinned")
            create = [](context&) { tf::basic_temp_file<char, tf::pinned_temp_dir> f; };
        else if (impl == "glibc")
            create = [](context& c) {
                char p[4096];
                std::memcpy(p, c.dir.data(), c.dir.size());
                std::strcpy(p + c.dir.size(), "/tmpXXXXXX");
                int fd = ::mkostemps(p, 0, O_CLOEXEC);
                if (fd < 0)
                    die("mkostemps");
                ::close(fd);
                ::unlink(p);
            };
        std::printf("R %s %s threads2 %.3f 0\n", fs.c_str(), impl.c_str(),
                    speedup(c, create, create_ns, false));
        if (impl != "lib-pinned") // its objects are made in the one pinned tempdir, never in t0/t1
            std::printf("R %s %s threads2_sep %.3f 0\n", fs.c_str(), impl.c_str(),
                        speedup(c, create, create_ns, true));
    }
    ::close(c.dirfd);
    return 0;
}

// ---------------------------------------------------------------- the report

struct row_def
{
    const char* op;
    const char* title;
};
static const row_def rows[] = {
    {"create", "create exclusive + close + unlink (lib: mkstemp)"},
    {"create_obj", "named_temporary_file create + destroy"},
    {"mkdtemp", "mkdtemp + rmdir"},
    {"tempdir_obj", "temporary_directory (empty) create + destroy"},
    {"anon", "anonymous file (O_TMPFILE) + close"},
    {"write4k", "named file, write 4 KiB, close, delete"},
    {"spool_mem", "spooled: 1 MiB in 4 KiB writes, in memory"},
    {"spool_roll", "spooled: 1 MiB, rollover at 512 KiB"},
    {"rmtree", "remove a tree of 1000 files in 10 dirs"},
    {"name", "generate one 8-character name"},
    {"thread_name", "first name of a new thread"},
    {"gettempdir", "cached gettempdir()"},
    {"threads2", "2 threads vs 1 creating in one dir (speedup)"},
    {"threads2_sep", "2 threads vs 1, each in its own dir (speedup)"},
};
static const char* const impls[] = {"floor", "lib", "lib-pinned", "floor-path", "glibc",
                                    "bfs",   "stdfs", "rust",      "cpython"};
static const char* const impl_titles[] = {"floor",    "this library", "this library, pinned_temp_dir",
                                          "floor by path", "glibc", "Boost.FS", "std::fs", "Rust tempfile", "CPython"};

static std::string fmt_time(double ns)
{
    char b[32];
    if (ns < 1000)
        std::snprintf(b, sizeof b, "%.1f ns", ns);
    else if (ns < 1e6)
        std::snprintf(b, sizeof b, "%.2f \xc2\xb5s", ns / 1e3);
    else
        std::snprintf(b, sizeof b, "%.2f ms", ns / 1e6);
    return b;
}

static double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    std::size_t k = v.size();
    return k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
}

// The interquartile range (linear interpolation between the sorted values).
static double iqr(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    auto q = [&](double f) {
        double x = f * double(v.size() - 1);
        std::size_t i = static_cast<std::size_t>(x);
        return i + 1 < v.size() ? v[i] + (x - double(i)) * (v[i + 1] - v[i]) : v[i];
    };
    return q(0.75) - q(0.25);
}

static int report(const std::string& file, bool lib_spooled)
{
    std::ifstream in(file);
    std::map<std::string, std::vector<double>> vals;   // fs|impl|op -> values
    std::map<std::string, std::vector<double>> allocs; // same key
    std::vector<std::string> fss;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        std::string tag, fs, impl, op;
        double v = 0, a = 0;
        if (!(s >> tag >> fs >> impl >> op >> v) || tag != "R")
            continue;
        s >> a;
        if (std::find(fss.begin(), fss.end(), fs) == fss.end())
            fss.push_back(fs);
        vals[fs + "|" + impl + "|" + op].push_back(v);
        allocs[fs + "|" + impl + "|" + op].push_back(a);
    }
    std::size_t repeats = 0;
    for (auto& [k, v] : vals)
        repeats = (std::max)(repeats, v.size());
    for (const std::string& fs : fss) {
        std::printf("\n### %s: median of %zu runs; cell = median, ratio to the floor's median, \xc2\xb1half the "
                    "interquartile range\n\n",
                    fs.c_str(), repeats);
        std::printf("| operation |");
        for (const char* t : impl_titles)
            std::printf(" %s |", t);
        std::printf("\n|---|");
        for (std::size_t i = 0; i < std::size(impls); ++i)
            std::printf("---|");
        std::printf("\n");
        for (const row_def& r : rows) {
            std::printf("| %s |", r.title);
            auto fk = fs + "|floor|" + r.op;
            double floor_med = vals.count(fk) ? median(vals[fk]) : 0;
            for (const char* impl : impls) {
                std::string k = fs + "|" + impl + "|" + r.op;
                if (std::string(impl) == "rust") {
                    std::printf(" not measured: no crate registry |");
                    continue;
                }
                if (!vals.count(k)) {
                    bool unmerged = std::string(impl) == "lib" && !lib_spooled &&
                                    (std::string(r.op) == "spool_mem" || std::string(r.op) == "spool_roll");
                    std::printf(" %s |", unmerged ? "n/a (not merged)" : "\xe2\x80\x94");
                    continue;
                }
                auto& v = vals[k];
                double med = median(v);
                double spread = med > 0 ? 50.0 * iqr(v) / med : 0;
                if (std::string(r.op).rfind("threads2", 0) == 0)
                    std::printf(" %.2f\xc3\x97 \xc2\xb1%.0f%% |", med, spread);
                else if (std::string(impl) == "floor")
                    std::printf(" %s \xc2\xb1%.0f%% |", fmt_time(med).c_str(), spread);
                else if (floor_med > 0)
                    std::printf(" %s **%.2f\xc3\x97** \xc2\xb1%.0f%% |", fmt_time(med).c_str(), med / floor_med, spread);
                else
                    std::printf(" %s \xc2\xb1%.0f%% |", fmt_time(med).c_str(), spread);
            }
            std::printf("\n");
        }
    }
    // The same on every file system: printed once, from the first.
    if (!fss.empty()) {
        const std::string& fs = fss.front();
        std::printf(
            "\nHeap allocations per operation (operator new; one timed run), this library vs the floor:\n\n"
            "| operation | floor | this library |\n|---|---|---|\n");
        for (const row_def& r : rows) {
            std::string op = r.op;
            if (op.rfind("threads2", 0) == 0 || op == "rmtree") // rmtree's count includes its setup
                continue;
            auto lk = fs + "|lib|" + op, fk = fs + "|floor|" + op;
            if (!allocs.count(lk))
                continue;
            std::printf("| %s | %.1f | %.1f |\n", r.title, allocs.count(fk) ? median(allocs[fk]) : 0.0,
                        median(allocs[lk]));
        }
    }
    return 0;
}

int main(int argc, char** argv)
{
    if (argc == 6 && std::string(argv[1]) == "count") { // for valgrind/strace: exactly N operations
        context c;
        c.dir = argv[3];
        c.dirfd = ::open(c.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        auto ops = ops_of(argv[2], c);
        auto it = ops.find(argv[4]);
        if (c.dirfd < 0 || it == ops.end())
            return 2;
        it->second(c, std::strtoull(argv[5], nullptr, 10));
        return 0;
    }
    if ((argc == 5 || argc == 6) && std::string(argv[1]) == "run")
        return run(argv[2], argv[3], argv[4], argc == 6 ? argv[5] : "");
    if (argc >= 3 && std::string(argv[1]) == "report") {
#if defined(BOOST_TEMPFILE_BENCH_SPOOLED)
        return report(argv[2], true);
#else
        return report(argv[2], false);
#endif
    }
    if (argc == 2 && std::string(argv[1]) == "has-spooled") {
#if defined(BOOST_TEMPFILE_BENCH_SPOOLED)
        std::puts("yes");
#else
        std::puts("no");
#endif
        return 0;
    }
    std::fprintf(stderr, "usage: bench run <impl> <fs-label> <dir> [op] | bench report <file>\n");
    return 2;
}
