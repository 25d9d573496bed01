// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// What an empty temporary_directory's create + destroy costs, system call by system call:
// the raw calls of four ways to do it, on one directory, median of 7 runs of 20 ms each.
// Built and run by ./build/bench.sh (on the first file system); see doc/performance.md.
//
//   usage: tempdir_variants <dir>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static std::int64_t now_ns()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

static char g_path[4096];
static std::size_t g_base;
static unsigned g_counter;

static const char* next_path()
{
    std::snprintf(g_path + g_base, sizeof g_path - g_base, "/tmp%08u", g_counter++);
    return g_path;
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
// its identity checks, the owner check and the flock: doc/performance.md.)
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

static double measure(void (*f)())
{
    std::vector<double> v;
    for (int r = 0; r < 7; ++r) {
        std::size_t n = 0;
        std::int64_t t0 = now_ns(), t;
        do {
            for (int i = 0; i < 64; ++i)
                f();
            n += 64;
        } while ((t = now_ns() - t0) < 20'000'000);
        v.push_back(double(t) / double(n));
    }
    std::sort(v.begin(), v.end());
    return v[3];
}

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    g_base = std::strlen(argv[1]);
    std::memcpy(g_path, argv[1], g_base);
    struct
    {
        const char* title;
        int syscalls;
        void (*f)();
    } vs[] = {
        {"A floor: mkdir + rmdir", 2, floor_variant},
        {"B first version: + open, openat \".\", fdopendir, readdir, rewinddir, closedir, close", 12, current_variant},
        {"C getdents64 on the held dirfd", 6, getdents_variant},
        {"D rmdir first, walk only on ENOTEMPTY", 4, rmdir_first_variant},
    };
    floor_variant(); // warm-up
    double a = 0;
    std::printf("| variant (empty temporary_directory, create + destroy) | system calls | median | ratio |\n"
                "|---|---|---|---|\n");
    for (auto& v : vs) {
        double ns = measure(v.f);
        if (a == 0)
            a = ns;
        std::printf("| %s | %d | %.2f µs | %.2f× |\n", v.title, v.syscalls, ns / 1e3, ns / a);
    }
    return 0;
}
