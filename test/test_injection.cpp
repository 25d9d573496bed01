// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Deterministic fault injection by symbol interposition: this program defines fsync, write,
// pwrite, open and openat itself, so the library's calls come here (the linker prefers the
// executable's definition to libc's); each passes the call to the kernel (syscall) unless a
// test armed it. That observes what no outcome shows: the fsyncs of durability::durable, the
// EINTR retry of every system call wrapper (a real signal under SA_RESTART never yields
// EINTR), short writes, and the flags every file is created with (O_NOFOLLOW, O_EXCL).
// build/mutate.sh checks that each of these tests fails when the library loses the behaviour.

#define BOOST_TEST_MODULE injection
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#if BOOST_TEMPFILE_TEST_POSIX

#include <cstdarg>
#include <string>
#include <vector>

#include <sys/syscall.h>

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;

namespace {

// What the interposed calls do. Single-threaded: the tests arm, call the library, read.
struct injection
{
    bool active = false;      // armed by a test: else every call passes straight through
    int eintr = 0;            // the next `eintr` armed calls fail with `error`
    int error = EINTR;
    bool short_writes = false; // write/pwrite move one byte at a time
    int calls = 0;            // armed calls seen (those failed included)
    std::vector<char> synced; // fsync: 'f' a regular file, 'd' a directory, per call
    std::vector<int> create_flags; // open/openat flags of calls with O_CREAT or O_TMPFILE
    int tmpfile_error = 0;    // open/openat with O_TMPFILE fail with it (the kernel or file
                              // system does not support O_TMPFILE)
};
// The interposed calls serve every caller for the whole life of the process, libgcov's too:
// in a coverage build (build/coverage.sh) its exit handler opens and writes each .gcda file
// after the static destructors have run, and the coverage hook writes them once before the
// statics are constructed. So the state is never destroyed (open() used to push_back into the
// destroyed vector of g_open at exit: "corrupted size vs. prev_size", the program aborted
// after its last test), and a call no test armed (`active` false, also while the storage is
// still zero) touches nothing.
template <class T>
union never_destroyed
{
    T value;
    never_destroyed() : value() {}
    ~never_destroyed() {}
};
never_destroyed<injection> g_state[4];
injection& g_fsync = g_state[0].value;
injection& g_write = g_state[1].value;
injection& g_pwrite = g_state[2].value;
injection& g_open = g_state[3].value;

// True if this call must fail with EINTR.
bool interrupted(injection& i)
{
    if (!i.active)
        return false;
    ++i.calls;
    if (i.eintr > 0) {
        --i.eintr;
        errno = i.error;
        return true;
    }
    return false;
}

long check(long r)
{
    if (r < 0) {
        errno = static_cast<int>(-r);
        return -1;
    }
    return r;
}

int open_at(int dirfd, const char* path, int flags, va_list ap)
{
    ::mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? static_cast<::mode_t>(va_arg(ap, unsigned)) : 0;
    if (!g_open.active)
        return static_cast<int>(check(::syscall(SYS_openat, dirfd, path, flags, mode)));
    if (flags & (O_CREAT | O_TMPFILE))
        g_open.create_flags.push_back(flags);
    if ((flags & O_TMPFILE) == O_TMPFILE && g_open.tmpfile_error) {
        errno = g_open.tmpfile_error;
        return -1;
    }
    if (interrupted(g_open))
        return -1;
    return static_cast<int>(check(::syscall(SYS_openat, dirfd, path, flags, mode)));
}

// Sets `i` for the guard's lifetime, then clears it.
struct armed
{
    injection& i;
    explicit armed(injection& x, int eintr = 0, bool short_writes = false) : i(x)
    {
        i = injection();
        i.active = true;
        i.eintr = eintr;
        i.short_writes = short_writes;
    }
    ~armed() { i = injection(); }
};

} // namespace

extern "C" {

int fsync(int fd)
{
    if (!g_fsync.active)
        return static_cast<int>(check(::syscall(SYS_fsync, fd)));
    struct stat st;
    g_fsync.synced.push_back(::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) ? 'd' : 'f');
    if (interrupted(g_fsync))
        return -1;
    return static_cast<int>(check(::syscall(SYS_fsync, fd)));
}

ssize_t write(int fd, const void* p, size_t n)
{
    if (interrupted(g_write))
        return -1;
    return check(::syscall(SYS_write, fd, p, g_write.short_writes && n > 1 ? 1 : n));
}

ssize_t pwrite(int fd, const void* p, size_t n, off_t off)
{
    if (interrupted(g_pwrite))
        return -1;
    return check(::syscall(SYS_pwrite64, fd, p, g_pwrite.short_writes && n > 1 ? 1 : n, off));
}

int open(const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int r = open_at(AT_FDCWD, path, flags, ap);
    va_end(ap);
    return r;
}
int openat(int dirfd, const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int r = open_at(dirfd, path, flags, ap);
    va_end(ap);
    return r;
}
// The 64-bit names (what the headers call under _FILE_OFFSET_BITS=64): the same functions.
int open64(const char* path, int flags, ...) __attribute__((alias("open")));
int openat64(int dirfd, const char* path, int flags, ...) __attribute__((alias("openat")));
// pwrite64 forwards instead of aliasing: built without -fPIC (b2 link=static), g++ 12 infers
// that pwrite cannot throw, and an alias without that attribute is an error under -Werror
// (-Wmissing-attributes); the variadic ones above have no such inference.
ssize_t pwrite64(int fd, const void* p, size_t n, off_t off)
{
    return pwrite(fd, p, n, off);
}

} // extern "C"

// durability::durable fsyncs the file before publishing and its new directory after; none
// fsyncs nothing. Every publishing call, open or closed.
BOOST_AUTO_TEST_CASE_TEMPLATE(durable_fsyncs_the_file_then_the_directory, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    o.delete_on_close = false;
    const std::vector<char> file_then_dir{'f', 'd'};
    {
        tf::basic_temp_file<CharT> f(o);
        armed a(g_fsync);
        f.persist(s.dir / "plain");
        BOOST_TEST(g_fsync.synced.empty());
        f.persist(s.dir / "a", tf::durability::durable);
        BOOST_TEST(g_fsync.synced == file_then_dir);
        g_fsync.synced.clear();
        f.persist_noclobber(s.dir / "b", tf::durability::durable);
        BOOST_TEST(g_fsync.synced == file_then_dir);
        g_fsync.synced.clear();
        f.close(); // closed: the file is fsynced by name
        f.persist(s.dir / "c", tf::publish_mode(0644), tf::durability::durable);
        BOOST_TEST(g_fsync.synced == file_then_dir);
    }
    {
        auto ao = test::anonymous_in<CharT>(s.dir);
        tf::basic_temp_file<CharT, tf::anonymous_file<>> t(ao);
        armed a(g_fsync);
        if (!BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS) { // no O_TMPFILE: refused before anything is synced
            boost::system::error_code ec;
            t.link(s.dir / "d", tf::durability::durable, ec);
            BOOST_TEST(ec == boost::system::errc::operation_not_supported);
            BOOST_TEST(g_fsync.synced.empty());
            return;
        }
        t.link(s.dir / "d", tf::durability::durable);
        BOOST_TEST(g_fsync.synced == file_then_dir);
        g_fsync.synced.clear();
        t.link(s.dir / "e");
        BOOST_TEST(g_fsync.synced.empty());
    }
}

// Every system call wrapper retries EINTR: sys::retry (here through fsync and openat),
// write_all and pwrite_all; the interrupted call is repeated, the result is the same.
BOOST_AUTO_TEST_CASE_TEMPLATE(eintr_is_retried, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    {
        armed a(g_open, 2);
        tf::basic_temp_file<CharT> f(o);
        BOOST_TEST(g_open.calls == 3);
        armed w(g_write, 3);
        f.write("abc");
        f.stream() << std::string(5000, 'x'); // through stream(): write_all as well
        f.flush();
        BOOST_TEST(g_write.calls >= 5);
        armed y(g_fsync, 2);
        f.persist(s.dir / "doc", tf::durability::durable);
        BOOST_TEST(g_fsync.synced.size() == 4u); // 2 interrupted, then file and directory
        BOOST_TEST(test::file_contents((s.dir / "doc").string()) == "abc" + std::string(5000, 'x'));
    }
    {
        auto so = test::spooled_in<CharT>(s.dir, 0);
        tf::basic_temp_file<CharT, tf::spooled_file<>> sp(so);
        sp.write("in memory");
        armed p(g_pwrite, 2);
        sp.rollover(); // pwrite_all
        BOOST_TEST(sp.rolled_over());
        BOOST_TEST(g_pwrite.calls == 3);
        BOOST_TEST(test::contents(sp) == "in memory");
    }
}

// A short write is continued where it stopped (write_all, pwrite_all).
BOOST_AUTO_TEST_CASE(short_writes_are_continued)
{
    test::scratch s;
    auto o = test::file_in<char>(s.dir);
    tf::named_temporary_file f(o);
    {
        armed w(g_write, 0, true);
        f.write("0123456789");
        BOOST_TEST(g_write.calls == 10);
    }
    BOOST_TEST(test::contents(f) == "0123456789");
    auto so = test::spooled_in<char>(s.dir, 0);
    tf::spooled_temporary_file sp(so);
    sp.write("spooled");
    {
        armed p(g_pwrite, 0, true);
        sp.rollover();
        BOOST_TEST(g_pwrite.calls == 7);
    }
    BOOST_TEST(test::contents(sp) == "spooled");
}

// The flags every file is created with: O_EXCL | O_NOFOLLOW | O_CLOEXEC, read-write, for
// every named creation; O_TMPFILE | O_CLOEXEC for an anonymous one (the exclusive flags,
// and never O_TMPFILE, in the portable-POSIX configuration).
BOOST_AUTO_TEST_CASE_TEMPLATE(creation_flags_are_pinned, CharT, test::char_types)
{
    test::scratch s;
    const int exclusive = O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    auto created_with = [&](auto make, int expected, int absent = 0) {
        armed a(g_open);
        make();
        bool ok = !g_open.create_flags.empty();
        for (int fl : g_open.create_flags)
            ok = ok && (fl & expected) == expected && (absent == 0 || (fl & absent) != absent);
        return ok;
    };
    auto o = test::file_in<CharT>(s.dir);
    BOOST_TEST(created_with([&] { tf::basic_temp_file<CharT> f(o); }, exclusive));
    auto po = test::options_in<CharT>(s.dir);
    BOOST_TEST(created_with(
        [&] {
            auto r = tf::mkstemp(po);
            ::close(r.first);
        },
        exclusive));
    auto ao = test::anonymous_in<CharT>(s.dir);
    BOOST_TEST(created_with([&] { tf::basic_temp_file<CharT, tf::anonymous_file<>> t(ao); },
                            BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS ? O_TMPFILE | O_RDWR | O_CLOEXEC : exclusive,
                            BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS ? 0 : O_TMPFILE));
}

// The kernel says O_TMPFILE is not supported (EOPNOTSUPP from the file system, EISDIR from a
// kernel older than 3.11): temporary_file falls back to create + unlink, leaves no entry, and
// link() says it cannot name such a file.
BOOST_TEST_DECORATOR(*test::linux_only("O_TMPFILE refused by the kernel; the other systems have no O_TMPFILE to refuse"))
BOOST_AUTO_TEST_CASE_TEMPLATE(o_tmpfile_unsupported_falls_back, CharT, test::char_types)
{
    test::scratch s;
    auto ao = test::anonymous_in<CharT>(s.dir);
    for (int err : {EOPNOTSUPP, EISDIR}) {
        armed a(g_open);
        g_open.tmpfile_error = err;
        tf::basic_temp_file<CharT, tf::anonymous_file<>> t(ao);
        BOOST_TEST(t.is_open());
        BOOST_TEST(s.entries().empty());
        t.write("data");
        BOOST_TEST(test::contents(t) == "data");
        boost::system::error_code ec;
        t.link(s.dir / "named", ec);
        BOOST_TEST(ec == boost::system::errc::operation_not_supported);
        BOOST_TEST(s.entries().empty());
        bool exclusive = false;
        for (int fl : g_open.create_flags)
            exclusive = exclusive || (fl & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL);
        BOOST_TEST(exclusive); // the fallback's named file, created exclusively
    }
    // EISDIR (a kernel without O_TMPFILE) is remembered for the process: no more attempts.
    BOOST_TEST(!tf::detail::tmpfile_supported().load());
    tf::detail::tmpfile_supported().store(true); // for the tests after this one
}

// An I/O error (EIO) while stream()'s data goes out: persist() and link() report it and
// publish nothing, as for ENOSPC (test_write_errors).
BOOST_AUTO_TEST_CASE_TEMPLATE(eio_through_stream_is_never_published, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    tf::basic_temp_file<CharT> f(o);
    auto ao = test::anonymous_in<CharT>(s.dir);
    tf::basic_temp_file<CharT, tf::anonymous_file<>> t(ao);
    {
        armed w(g_write, 2);
        g_write.error = EIO;
        f.stream() << std::string(5000, 'x'); // one buffer goes out: EIO
        t.stream() << std::string(5000, 'x');
    }
    boost::system::error_code ec;
    f.persist(s.dir / "doc", ec);
    BOOST_TEST(ec == boost::system::errc::io_error);
    t.link(s.dir / "linked", ec);
    BOOST_TEST(ec == test::link_error(boost::system::errc::io_error));
    BOOST_TEST(!test::exists((s.dir / "doc").string()));
    BOOST_TEST(!test::exists((s.dir / "linked").string()));
    try {
        f.persist(s.dir / "doc");
        BOOST_TEST(false);
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(e.code() == boost::system::errc::io_error);
        BOOST_TEST(std::string(e.what()).find(f.path().string()) != std::string::npos);
    }
}

#else // the whole file needs POSIX

BOOST_AUTO_TEST_CASE(posix_only_file, *test::posix_only("6 cases: system calls made to fail by interposition (syscall(2), dlsym)"))
{
}

#endif
