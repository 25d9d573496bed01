// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// What an empty temporary_directory's create + destroy costs, system call by system call:
// the raw calls of several ways to do it, by path and relative to a held parent (as
// pinned_temp_dir), then the library's objects, all in the same alternating rounds (41 rounds
// of 2 000 operations each; the median; CPU time with TF_BENCH_CLOCK=cpu, as bench.sh
// --clock=cpu). E and G make exactly the calls the library makes for an empty
// temporary_directory (default location and pinned_temp_dir): the least its rules cost before
// any of its own code runs. The rows "without ..." drop one rule each, to show what it costs.
// Built and run by ./build/bench.sh (on the first file system); see doc/performance.adoc.
//
//   usage: tempdir_variants <dir>

#include <boost/tempfile/basic_temp_dir.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static clockid_t g_clock = CLOCK_MONOTONIC;

static std::int64_t now_ns()
{
    timespec ts;
    clock_gettime(g_clock, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

static char g_path[4096];
static std::size_t g_base;
static unsigned g_counter;
static int g_parent = -1; // the directory, held open (O_PATH), for the held-parent variants

static const char* next_path()
{
    std::snprintf(g_path + g_base, sizeof g_path - g_base, "/tmp%08u", g_counter++);
    return g_path;
}

static const char* leaf(const char* path)
{
    return path + g_base + 1;
}

constexpr int dir_flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

// A: the floor: mkdir + rmdir.
static void floor_variant()
{
    const char* p = next_path();
    if (::mkdir(p, 0700) != 0)
        std::abort();
    ::rmdir(p);
}

// B: what basic_temp_dir did first: a held dirfd, remove_contents (openat "." + fdopendir +
// readdir + rewinddir + closedir), close, rmdir by path. (It now lists as C does, and adds
// its identity checks, the owner check and the flock: doc/performance.adoc.)
static void current_variant()
{
    const char* p = next_path();
    if (::mkdir(p, 0700) != 0)
        std::abort();
    int dfd = ::open(p, dir_flags);
    int fd = ::openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* d = ::fdopendir(fd);
    while (dirent* e = ::readdir(d))
        (void)e;
    ::rewinddir(d);
    ::closedir(d);
    ::close(dfd);
    ::rmdir(p);
}

// C: the same walk, but getdents64 straight on the held dirfd into a stack buffer (no dup, no
// DIR, no fstat/fcntl, no rewinddir).
static void getdents_variant()
{
    const char* p = next_path();
    if (::mkdir(p, 0700) != 0)
        std::abort();
    int dfd = ::open(p, dir_flags);
    alignas(8) char buf[4096];
    while (::syscall(SYS_getdents64, dfd, buf, sizeof buf) > 0) {
    }
    ::close(dfd);
    ::rmdir(p);
}

// D: rmdir first (it removes only an empty directory and follows no symlink); walk only on
// ENOTEMPTY.
static void rmdir_first_variant()
{
    const char* p = next_path();
    if (::mkdir(p, 0700) != 0)
        std::abort();
    int dfd = ::open(p, dir_flags);
    if (::rmdir(p) != 0)
        std::abort();
    ::close(dfd);
}

// The library's rules for an empty temporary_directory, each one a call or two on top of D:
enum rule : unsigned {
    identity = 1, // fstat + geteuid after open: its identity, and a name taken over between
                  // mkdir and open (another owner) is refused
    lock = 2,     // flock(LOCK_SH): systemd-tmpfiles skips a locked directory
    name_check = 4, // before rmdir, the name must still lead to it (an impostor is left alone)
    all_rules = identity | lock | name_check
};

// E (by path) and G (relative to the held parent): D with the rules in `Rules`.
template <unsigned Rules, bool Held>
static void rules_variant()
{
    const char* p = next_path();
    const char* n = leaf(p);
    if ((Held ? ::mkdirat(g_parent, n, 0700) : ::mkdir(p, 0700)) != 0)
        std::abort();
    int dfd = Held ? ::openat(g_parent, n, dir_flags) : ::open(p, dir_flags);
    struct ::stat st;
    if ((Rules & identity) && (::fstat(dfd, &st) != 0 || st.st_uid != ::geteuid()))
        std::abort();
    if (Rules & lock)
        ::flock(dfd, LOCK_SH | LOCK_NB);
    if ((Rules & name_check) && (Held ? ::fstatat(g_parent, n, &st, AT_SYMLINK_NOFOLLOW) : ::lstat(p, &st)) != 0)
        std::abort();
    if ((Held ? ::unlinkat(g_parent, n, AT_REMOVEDIR) : ::rmdir(p)) != 0)
        std::abort();
    ::close(dfd);
}

// F: the held parent's floor (the benchmark table's floor column): mkdirat + unlinkat.
static void held_floor_variant()
{
    const char* n = leaf(next_path());
    if (::mkdirat(g_parent, n, 0700) != 0)
        std::abort();
    ::unlinkat(g_parent, n, AT_REMOVEDIR);
}

namespace tf = boost::tempfile;

static void library_default()
{
    tf::temporary_directory d; // the tempdir is set to <dir>
}

static void library_pinned()
{
    tf::basic_temp_dir<char, tf::pinned_temp_dir> d;
}

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    if (const char* c = std::getenv("TF_BENCH_CLOCK"); c && std::strcmp(c, "cpu") == 0)
        g_clock = CLOCK_THREAD_CPUTIME_ID;
    g_base = std::strlen(argv[1]);
    std::memcpy(g_path, argv[1], g_base);
    g_parent = ::open(argv[1], O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (g_parent < 0)
        return 1;
    tf::set_tempdir(argv[1]);
    struct variant
    {
        const char* title;
        const char* calls;
        void (*f)();
        char base; // the row its ratio is to: 'A' (by path) or 'F' (held parent)
        std::vector<double> rounds;
    } vs[] = {
        {"A floor: mkdir + rmdir", "2", floor_variant, 'A', {}},
        {"B first version: + open, openat \".\", fdopendir, readdir, rewinddir, closedir, close", "12",
         current_variant, 'A', {}},
        {"C getdents64 on the held dirfd", "6", getdents_variant, 'A', {}},
        {"D rmdir first, walk only on ENOTEMPTY", "4", rmdir_first_variant, 'A', {}},
        {"E D + the rules: fstat, geteuid, flock, lstat (the library's calls)", "8",
         rules_variant<all_rules, false>, 'A', {}},
        {"E without the lock", "7", rules_variant<identity | name_check, false>, 'A', {}},
        {"E without the name check", "7", rules_variant<identity | lock, false>, 'A', {}},
        {"E without the identity and owner check", "6", rules_variant<lock | name_check, false>, 'A', {}},
        {"library: `temporary_directory` (E's calls)", "8", library_default, 'A', {}},
        {"F held parent (the benchmark's floor): mkdirat + unlinkat", "2", held_floor_variant, 'F', {}},
        {"G held parent + the rules (pinned_temp_dir's calls)", "8", rules_variant<all_rules, true>, 'F', {}},
        {"G without the lock", "7", rules_variant<identity | name_check, true>, 'F', {}},
        {"G without the name check", "7", rules_variant<identity | lock, true>, 'F', {}},
        {"G without the identity and owner check", "6", rules_variant<lock | name_check, true>, 'F', {}},
        {"library: `basic_temp_dir<char, pinned_temp_dir>` (G's calls)", "8", library_pinned, 'F', {}},
    };
    for (auto& v : vs) // warm-up
        for (int i = 0; i < 200; ++i)
            v.f();
    for (int r = 0; r < 41; ++r) // alternating: each round runs every variant once
        for (auto& v : vs) {
            std::int64_t t0 = now_ns();
            for (int i = 0; i < 2000; ++i)
                v.f();
            v.rounds.push_back(double(now_ns() - t0) / 2000);
        }
    for (auto& v : vs)
        std::sort(v.rounds.begin(), v.rounds.end());
    auto median = [](const variant& v) { return v.rounds[v.rounds.size() / 2]; };
    double a = median(vs[0]), f = 0;
    for (auto& v : vs)
        if (v.base == 'F' && f == 0)
            f = median(v);
    std::printf("| variant (empty temporary_directory, create + destroy) | system calls | median | "
                "ratio to its floor | ratio to F |\n|---|---|---|---|---|\n");
    for (auto& v : vs) {
        double ns = median(v);
        std::printf("| %s | %s | %.2f \xc2\xb5s | %.2f\xc3\x97 (%c) | %.2f\xc3\x97 |\n", v.title, v.calls, ns / 1e3,
                    ns / (v.base == 'A' ? a : f), v.base, ns / f);
    }
    ::close(g_parent);
    return 0;
}
