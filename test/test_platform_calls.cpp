// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Which system calls the library makes, as seen from inside the program: this file defines
// the C library's Linux-only entry points (and their portable replacements) itself, so that
// every call the library makes to them lands here, is counted, and goes on to the real one
// (dlsym(RTLD_NEXT)). One scenario runs every path that has a Linux-only form: an anonymous
// file and link(), persist_noclobber, durable, a tree with an unreadable directory removed,
// a directory made under umask 0477, pinned_temp_dir, the default directory search, random
// names drawn in a new thread. Then:
//   * Linux (default): the Linux calls are the ones used (O_TMPFILE, renameat2, getrandom,
//     getdents64, secure_getenv): the fast paths have not changed.
//   * portable POSIX (BOOST_TEMPFILE_NO_LINUX_EXTENSIONS, build/test.sh --portable-posix):
//     none of them is reached -- no syscall() at all, no O_TMPFILE or O_PATH open, nothing
//     under /proc/self, no getrandom, secure_getenv or setfsuid -- and the portable calls are
//     (getentropy, fdopendir/readdir, link + unlink, create + unlink).
// The same scenario is also run again under strace, which sees the system calls themselves
// (a call made without the C library's entry points included).

#define BOOST_TEST_MODULE platform_calls
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#if BOOST_TEMPFILE_TEST_POSIX
#include <dlfcn.h>
#include <sys/syscall.h>
#endif

#include <atomic>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include <thread>
#include <utility>

namespace tf = boost::tempfile;

#if BOOST_TEMPFILE_TEST_POSIX
namespace {

// Counts, while armed (the scenario), of the calls the library made.
struct counts
{
    std::atomic<bool> armed{false};
    std::atomic<int> o_tmpfile{0}, o_path{0}, proc_self{0}, syscalls{0}, renameat2{0}, getdents64{0},
        fchmodat2{0}, getrandom{0}, getentropy{0}, secure_getenv{0}, setfsuid{0}, fdopendir{0}, link{0};
};
counts g;

template <class F>
F real(const char* name)
{
    return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

void saw_path(const char* path)
{
    if (g.armed && path && std::strncmp(path, "/proc/self/", 11) == 0)
        ++g.proc_self;
}

void saw_open(const char* path, int flags)
{
    saw_path(path);
    if (!g.armed)
        return;
    if ((flags & O_TMPFILE) == O_TMPFILE)
        ++g.o_tmpfile;
    if (flags & O_PATH)
        ++g.o_path;
}

} // namespace

extern "C" {

int open(const char* path, int flags, ...)
{
    std::va_list ap;
    va_start(ap, flags);
    unsigned mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, unsigned) : 0u;
    va_end(ap);
    saw_open(path, flags);
    static auto f = real<int (*)(const char*, int, ...)>("open");
    return f(path, flags, mode);
}

int openat(int dirfd, const char* path, int flags, ...)
{
    std::va_list ap;
    va_start(ap, flags);
    unsigned mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, unsigned) : 0u;
    va_end(ap);
    saw_open(path, flags);
    static auto f = real<int (*)(int, const char*, int, ...)>("openat");
    return f(dirfd, path, flags, mode);
}

long syscall(long number, ...)
{
    std::va_list ap;
    va_start(ap, number);
    long a[6];
    for (long& x : a)
        x = va_arg(ap, long);
    va_end(ap);
    if (g.armed) {
        ++g.syscalls;
        g.renameat2 += number == SYS_renameat2;
        g.getdents64 += number == SYS_getdents64;
#if defined(SYS_fchmodat2)
        g.fchmodat2 += number == SYS_fchmodat2;
#endif
    }
    static auto f = real<long (*)(long, ...)>("syscall");
    return f(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

ssize_t getrandom(void* buf, size_t n, unsigned flags)
{
    if (g.armed)
        ++g.getrandom;
    static auto f = real<ssize_t (*)(void*, size_t, unsigned)>("getrandom");
    return f(buf, n, flags);
}

int getentropy(void* buf, size_t n)
{
    if (g.armed)
        ++g.getentropy;
    static auto f = real<int (*)(void*, size_t)>("getentropy");
    return f(buf, n);
}

char* secure_getenv(const char* name) noexcept
{
    if (g.armed)
        ++g.secure_getenv;
    static auto f = real<char* (*)(const char*)>("secure_getenv");
    return f(name);
}

int setfsuid(uid_t uid) noexcept
{
    if (g.armed)
        ++g.setfsuid;
    static auto f = real<int (*)(uid_t)>("setfsuid");
    return f(uid);
}

DIR* fdopendir(int fd)
{
    if (g.armed)
        ++g.fdopendir;
    static auto f = real<DIR* (*)(int)>("fdopendir");
    return f(fd);
}

int link(const char* from, const char* to) noexcept
{
    if (g.armed)
        ++g.link;
    static auto f = real<int (*)(const char*, const char*)>("link");
    return f(from, to);
}

int linkat(int fromfd, const char* from, int tofd, const char* to, int flags) noexcept
{
    saw_path(from);
    static auto f = real<int (*)(int, const char*, int, const char*, int)>("linkat");
    return f(fromfd, from, tofd, to, flags);
}

int chmod(const char* path, mode_t mode) noexcept
{
    saw_path(path);
    static auto f = real<int (*)(const char*, mode_t)>("chmod");
    return f(path, mode);
}

} // extern "C"

namespace {

// Every path with a Linux-only form, once.
void scenario(const boost::filesystem::path& dir)
{
    auto fo = test::file_in<char>(dir);
    auto ao = test::anonymous_in<char>(dir);
    auto d = test::dir_in<char>(dir);
    g.armed = true;
    {
        std::thread([&] { tf::named_temporary_file f(fo); }).join(); // a fresh seed
        tf::temporary_file anon(ao);
        anon.write("anonymous");
        boost::system::error_code ec;
        anon.link(dir / "linked", ec); // Linux: linkat(AT_EMPTY_PATH) or /proc/self/fd; else unsupported
        tf::named_temporary_file f(fo);
        f.write("published");
        f.persist_noclobber(dir / "published", tf::durability::durable);
        tf::temporary_directory t(d);
        std::string top = t.path().string();
        test::write_file(top + "/a", "x");
        ::mkdir((top + "/locked").c_str(), 0700);
        test::write_file(top + "/locked/b", "x");
        ::chmod((top + "/locked").c_str(), 0); // the walk must repair it (O_PATH pin, or by name)
        t.cleanup();
        {
            test::umask_guard um(0477); // mkdir gives 0300: opened through a repair
            tf::temporary_directory u(d);
        }
        tf::set_tempdir(dir);
        tf::basic_temp_dir<char, tf::pinned_temp_dir> p;
        p.cleanup();
        tf::reset_tempdir();
        (void)tf::gettempdir(); // the environment, read as a set-user-ID program must
    }
    g.armed = false;
}

// The program run again under strace: the scenario runs before Boost.Test starts (as the
// unprivileged user `nobody` when run as root), in $BOOST_TEMPFILE_CALLS_SCENARIO.
struct scenario_runner
{
    scenario_runner()
    {
        const char* dir = std::getenv("BOOST_TEMPFILE_CALLS_SCENARIO");
        if (!dir)
            return;
        if (::geteuid() == 0 && !test::become_nobody())
            ::_exit(97);
        scenario(dir);
        ::_exit(0);
    }
} const run_scenario;

bool strace_works()
{
    return std::system("strace -qq -o /dev/null true >/dev/null 2>&1") == 0;
}

} // namespace
#endif

namespace {
bool can_trace()
{
#if BOOST_TEMPFILE_TEST_POSIX
    return strace_works();
#else
    return false;
#endif
}
} // namespace

BOOST_AUTO_TEST_CASE(the_system_calls_of_the_scenario_are_those_of_the_configuration,
                     *test::skip_unless(std::function<bool()>(can_trace),
                                        "strace cannot trace here (not installed, ptrace refused, or not POSIX)"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    const boost::filesystem::path w = s.dir / "shared", log = s.dir / "strace.log";
    BOOST_REQUIRE(::mkdir(w.c_str(), 0777) == 0 && ::chmod(w.c_str(), 01777) == 0);
    const std::string self =
        boost::filesystem::absolute(boost::unit_test::framework::master_test_suite().argv[0]).string();
    const std::string cmd = "BOOST_TEMPFILE_CALLS_SCENARIO='" + w.string() + "' strace -f -qq -o '" + log.string() +
                            "' '" + self + "' >/dev/null 2>&1";
    BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
    std::string trace = test::file_contents(log.string());
    if (!BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS) {
        // glibc (before fchmodat2) carries out fchmodat(..., AT_SYMLINK_NOFOLLOW) -- the portable
        // repair's call, native on macOS and the BSDs -- as openat(O_PATH|O_NOFOLLOW) = N then a
        // chmod of "/proc/self/fd/N": those pairs are the C library's, not the configuration's.
        std::vector<std::string> lines;
        for (std::size_t at = 0, nl; at < trace.size(); at = nl + 1) {
            nl = trace.find('\n', at);
            if (nl == std::string::npos)
                nl = trace.size();
            lines.push_back(trace.substr(at, nl - at));
        }
        std::vector<bool> drop(lines.size(), false);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::size_t p = lines[i].find("chmod");
            std::size_t q = lines[i].find("\"/proc/self/fd/");
            if (p == std::string::npos || q == std::string::npos || q < p)
                continue;
            const std::string fd = lines[i].substr(q + 15, lines[i].find('"', q + 1) - (q + 15));
            for (std::size_t j = i; j-- > 0 && i - j < 8;)
                if (lines[j].find("O_PATH") != std::string::npos && lines[j].find("O_NOFOLLOW") != std::string::npos &&
                    lines[j].size() > fd.size() + 3 && lines[j].compare(lines[j].size() - fd.size() - 3, std::string::npos, " = " + fd) == 0) {
                    drop[i] = drop[j] = true;
                    break;
                }
        }
        trace.clear();
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (!drop[i])
                trace += lines[i] + '\n';
    }
    BOOST_REQUIRE(trace.find("mkdir") != std::string::npos); // the scenario ran
    auto seen = [&](const char* what) { return trace.find(what) != std::string::npos; };
    if (BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS) {
        BOOST_TEST(seen("O_TMPFILE"));
        BOOST_TEST(seen("O_PATH"));
        BOOST_TEST(seen("renameat2("));
    } else {
        for (const char* linux_only : {"O_TMPFILE", "O_PATH", "renameat2(", "fchmodat2(", "setfsuid(",
                                       "/proc/self/fd", "/proc/self/status"})
            BOOST_TEST(!seen(linux_only), linux_only << " in the system calls of the portable configuration");
        BOOST_TEST((seen(" link(") || seen(" linkat("))); // persist_noclobber's link + unlink
    }
#endif
}

BOOST_AUTO_TEST_CASE(the_library_reaches_only_the_calls_of_its_configuration,
                     *test::posix_only("the POSIX system calls (test_windows checks the Windows ones)"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    // The test runs as root (CI), and root reads an unreadable directory: the repairs are
    // only needed, and so only taken, as another user, in a directory it may write.
    const boost::filesystem::path w = s.dir / "shared";
    BOOST_REQUIRE(::mkdir(w.c_str(), 0777) == 0 && ::chmod(w.c_str(), 01777) == 0);
    int r = test::in_child(
        [&] {
            scenario(w);
            const std::pair<const char*, const std::atomic<int>*> rows[] = {
                {"O_TMPFILE", &g.o_tmpfile}, {"O_PATH", &g.o_path},         {"/proc/self/", &g.proc_self},
                {"syscall()", &g.syscalls},  {"  renameat2", &g.renameat2}, {"  getdents64", &g.getdents64},
                {"  fchmodat2", &g.fchmodat2}, {"getrandom", &g.getrandom}, {"getentropy", &g.getentropy},
                {"secure_getenv", &g.secure_getenv}, {"setfsuid", &g.setfsuid}, {"fdopendir", &g.fdopendir},
                {"link", &g.link}};
            std::printf("calls (%s):\n", BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS ? "Linux" : "portable POSIX");
            for (const auto& row : rows)
                std::printf("  %-14s %d\n", row.first, row.second->load());
            std::fflush(stdout);
            if (BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS) {
                if (g.o_tmpfile < 1 || g.o_path < 1 || g.renameat2 < 1 || g.getdents64 < 1 || g.getrandom < 1 ||
                    g.secure_getenv < 1)
                    return 1; // a Linux fast path is no longer taken
                if (g.fdopendir != 0 || g.getentropy != 0 || g.link != 0)
                    return 2; // a portable fallback is taken on Linux
            } else {
                if (g.o_tmpfile || g.o_path || g.proc_self || g.syscalls || g.getrandom || g.secure_getenv ||
                    g.setfsuid)
                    return 3; // a Linux-only call is reachable
                if (g.getentropy < 1 || g.fdopendir < 1 || g.link < 1)
                    return 4; // the portable calls are not the ones taken
            }
            return 0;
        },
        true);
    BOOST_TEST(r == 0);
#endif
}
