// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Deterministic fault injection by symbol interposition: this program defines fsync, write,
// pwrite, open, openat, read, fstat, lseek, ftruncate, unlinkat, fcntl, getrandom and getentropy itself,
// so the library's calls come here (the linker prefers the executable's definition to libc's);
// each passes the call to the kernel (syscall) unless a test armed it. That observes what no
// outcome shows: the fsyncs of durability::durable, the EINTR retry of every system call
// wrapper (a real signal under SA_RESTART never yields EINTR), short writes, and the flags
// every file is created with (O_NOFOLLOW, O_EXCL); and it makes happen what a working system
// does not give on demand: a call failing on a descriptor the object holds, write() returning
// 0, getrandom interrupted or missing, and a name swapped between the check of a name (lstat)
// and its open (the open itself runs the swap first).
// build/mutate.sh checks that each of these tests fails when the library loses the behaviour.

#define BOOST_TEST_MODULE injection
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#if BOOST_TEMPFILE_TEST_POSIX

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <sys/stat.h>
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
    bool zero_writes = false; // write returns 0 (nothing written, no error)
    bool no_proc = false;     // open of /proc/self/... fails with ENOENT (no /proc mounted)
    const char* swap_name = nullptr;      // open/openat of this name first runs swap(name), once:
    void (*swap)(const char*) = nullptr;  // the name changes between its check and its open
    const char* fail_name = nullptr;      // open/openat of this name fails with fail_error
    int fail_error = 0;
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
never_destroyed<injection> g_state[5];
injection& g_fsync = g_state[0].value;
injection& g_write = g_state[1].value;
injection& g_pwrite = g_state[2].value;
injection& g_open = g_state[3].value;
injection& g_random = g_state[4].value; // getrandom, getentropy (short_writes: one byte a call)

// A call on a descriptor the object holds fails with `error` while armed (fd `any`: on every
// descriptor; fcntl: only the command `cmd`).
struct fd_fault
{
    static constexpr int any = -2;
    bool active = false;
    int fd = -1;
    int error = EIO;
    int cmd = -1;
    int calls = 0; // calls failed
};
never_destroyed<fd_fault> g_fd_faults[6];
fd_fault& g_fstat = g_fd_faults[0].value;
fd_fault& g_lseek = g_fd_faults[1].value;
fd_fault& g_ftruncate = g_fd_faults[2].value;
fd_fault& g_fcntl = g_fd_faults[3].value;
fd_fault& g_read = g_fd_faults[4].value;
fd_fault& g_unlinkat = g_fd_faults[5].value; // fd: the directory descriptor (AT_FDCWD by name)

bool fails(fd_fault& f, int fd)
{
    if (!f.active || (f.fd != fd && f.fd != fd_fault::any))
        return false;
    ++f.calls;
    errno = f.error;
    return true;
}

// Sets a fault for the guard's lifetime, then clears it.
struct failing
{
    fd_fault& f;
    failing(fd_fault& x, int fd, int error, int cmd = -1) : f(x)
    {
        f = fd_fault();
        f.active = true;
        f.fd = fd;
        f.error = error;
        f.cmd = cmd;
    }
    ~failing() { f = fd_fault(); }
};

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

// The result of syscall(2): the C library's wrapper already returns -1 with errno set (it
// used to be read as -errno here, and every failing call passed on came back as EPERM).
long check(long r)
{
    return r < 0 ? -1 : r;
}

int open_at(int dirfd, const char* path, int flags, va_list ap)
{
    ::mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? static_cast<::mode_t>(va_arg(ap, unsigned)) : 0;
    if (!g_open.active)
        return static_cast<int>(check(::syscall(SYS_openat, dirfd, path, flags, mode)));
    if (g_open.no_proc && std::strncmp(path, "/proc/self/", 11) == 0) {
        errno = ENOENT;
        return -1;
    }
    if (g_open.swap && g_open.swap_name && std::strcmp(path, g_open.swap_name) == 0)
        std::exchange(g_open.swap, nullptr)(path);
    if (g_open.fail_name && std::strcmp(path, g_open.fail_name) == 0) {
        errno = g_open.fail_error;
        return -1;
    }
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
    if (g_write.active && g_write.zero_writes)
        return 0;
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
ssize_t read(int fd, void* p, size_t n)
{
    if (fails(g_read, fd))
        return -1;
    return check(::syscall(SYS_read, fd, p, n));
}

int fstat(int fd, struct stat* st) noexcept
{
    if (fails(g_fstat, fd))
        return -1;
    return static_cast<int>(check(::syscall(SYS_fstat, fd, st)));
}

off_t lseek(int fd, off_t off, int whence) noexcept
{
    if (fails(g_lseek, fd))
        return -1;
    return static_cast<off_t>(check(::syscall(SYS_lseek, fd, off, whence)));
}

int unlinkat(int dirfd, const char* path, int flags) noexcept
{
    if (fails(g_unlinkat, dirfd))
        return -1;
    return static_cast<int>(check(::syscall(SYS_unlinkat, dirfd, path, flags)));
}

int ftruncate(int fd, off_t size) noexcept
{
    if (fails(g_ftruncate, fd))
        return -1;
    return static_cast<int>(check(::syscall(SYS_ftruncate, fd, size)));
}

int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    long arg = va_arg(ap, long); // (read whether given or not: the kernel ignores it then)
    va_end(ap);
    if ((g_fcntl.cmd == -1 || g_fcntl.cmd == cmd) && fails(g_fcntl, fd))
        return -1;
    return static_cast<int>(check(::syscall(SYS_fcntl, fd, cmd, arg)));
}

ssize_t getrandom(void* buf, size_t n, unsigned flags)
{
    if (interrupted(g_random))
        return -1;
    return check(::syscall(SYS_getrandom, buf, g_random.short_writes && n > 1 ? 1 : n, flags));
}

int getentropy(void* buf, size_t n)
{
    if (interrupted(g_random))
        return -1;
    return check(::syscall(SYS_getrandom, buf, n, 0)) == static_cast<long>(n) ? 0 : -1;
}

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

// ---- Calls that fail on a descriptor the object holds: each is reported by the call that
// made it (errc of the error, the file's name in the exception), and changes nothing: no name
// published, the file where it was with its data and mode, no descriptor left open.

namespace errc = boost::system::errc;

namespace {
// reopen() throws EIO naming the file.
template <class File>
void reopen_fails_with_eio(const File& f)
{
    try {
        (void)f.reopen();
        BOOST_ERROR("no exception");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(e.code() == errc::io_error);
        BOOST_TEST(e.path1() == f.path());
    }
}
} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(a_failed_call_on_the_held_descriptor_is_reported, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("data");
        const std::string name = f.path().string(), to = (s.dir / "published").string();
        const int fd = f.native_handle();
        boost::system::error_code ec;
        {
            failing x(g_fstat, fd, EIO);
            // reopen(): the identity of the open file cannot be read (reopen_same)
            tf::file_handle h = f.reopen(ec);
            BOOST_TEST(ec == errc::io_error);
            BOOST_TEST(!h);
            reopen_fails_with_eio(f);
            // persist(): the mode to put back cannot be read (prepare_publish) ...
            f.persist(fs::path(to), ec);
            BOOST_TEST(ec == errc::io_error);
            // ... and, the mode left as created, the file's identity (publish's check)
            f.persist_noclobber(fs::path(to), tf::publish_mode::as_created(), ec);
            BOOST_TEST(ec == errc::io_error);
            try {
                f.persist(fs::path(to), tf::publish_mode::as_created());
                BOOST_ERROR("no exception");
            } catch (const fs::filesystem_error& e) {
                BOOST_TEST(e.code() == errc::io_error);
                BOOST_TEST(e.path1().string() == name);
                BOOST_TEST(e.path2().string() == to);
            }
            BOOST_TEST(g_fstat.calls >= 4);
        }
        BOOST_TEST(!test::exists(to));
        BOOST_TEST(f.path().string() == name);
        BOOST_TEST(test::mode_of(name) == 0600u);
        {
            failing x(g_lseek, fd, EIO);
            BOOST_TEST(f.seek(0, std::ios_base::beg, ec) == -1);
            BOOST_TEST(ec == errc::io_error);
            BOOST_TEST(f.tell(ec) == -1);
            BOOST_TEST(ec == errc::io_error);
        }
        {
            failing x(g_ftruncate, fd, EFBIG);
            f.truncate(1, ec);
            BOOST_TEST(ec == errc::file_too_large);
            BOOST_TEST(g_ftruncate.calls == 1);
        }
        BOOST_TEST(f.seek(0, std::ios_base::end) == 4); // not truncated
        f.seek(0);
        {
            failing x(g_read, fd, EIO);
            char buf[8];
            BOOST_TEST(f.read(buf, sizeof buf, ec) == 0u);
            BOOST_TEST(ec == errc::io_error);
            try {
                f.read(buf, sizeof buf);
                BOOST_ERROR("no exception");
            } catch (const fs::filesystem_error& e) {
                BOOST_TEST(e.code() == errc::io_error);
                BOOST_TEST(e.path1().string() == name);
            }
        }
        BOOST_TEST(test::contents(f) == "data");
        f.persist(fs::path(to)); // nothing was lost: it still publishes
        BOOST_TEST(test::file_contents(to) == "data");
    }
    BOOST_TEST(test::open_fds() == fds);
}

// What stream() holds is handed back before every unformatted call; when that fails (its
// read-ahead cannot be given back: lseek fails; its pending output cannot be written), the
// call reports it and does nothing else, and the stream reports it as its own failure.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_failed_hand_back_from_stream_is_reported, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("0123456789");
        const int fd = f.native_handle();
        // Reads one character through stream(): the rest (9 bytes) is read ahead.
        auto read_ahead = [&] {
            f.seek(0);
            f.stream().clear();
            BOOST_TEST_REQUIRE(f.stream().get() == '0');
        };
        boost::system::error_code ec;
        read_ahead();
        {
            failing x(g_lseek, fd, EIO);
            BOOST_TEST(f.write("x", ec) == 0u);
            BOOST_TEST(ec == errc::io_error);
        }
        read_ahead();
        {
            failing x(g_lseek, fd, EIO);
            char c;
            BOOST_TEST(f.read(&c, 1, ec) == 0u);
            BOOST_TEST(ec == errc::io_error);
        }
        read_ahead();
        {
            failing x(g_lseek, fd, EIO);
            BOOST_TEST(f.seek(0, std::ios_base::end, ec) == -1);
            BOOST_TEST(ec == errc::io_error);
        }
        read_ahead();
        {
            failing x(g_lseek, fd, EIO);
            reopen_fails_with_eio(f);
            tf::file_handle h = f.reopen(ec); // the error_code form: nothing opened
            BOOST_TEST(ec == errc::io_error);
            BOOST_TEST(!h);
        }
        read_ahead();
        {
            failing x(g_lseek, fd, EIO);
            BOOST_TEST(!f.stream().seekg(0)); // the stream's own seek
        }
        read_ahead();
        {
            failing x(g_lseek, fd, EIO);
            f.stream() << 'x'; // from reading to writing
            BOOST_TEST(f.stream().bad());
        }
        f.stream().clear();
        BOOST_TEST(test::contents(f) == "0123456789"); // nothing written by the failed calls
        // At the end of the file the stream reads nothing.
        f.seek(0, std::ios_base::end);
        BOOST_TEST(f.stream().get() == std::char_traits<char>::eof());
        BOOST_TEST(f.stream().eof());
        f.stream().clear();
        // Pending output that cannot be written: a read through the stream fails, and the
        // data is lost for good (flush reports it).
        f.stream() << "abc";
        {
            armed w(g_write, 1);
            g_write.error = EIO;
            BOOST_TEST(f.stream().get() == std::char_traits<char>::eof());
            BOOST_TEST(g_write.calls == 1);
        }
        f.flush(ec);
        BOOST_TEST(ec == errc::io_error);
    }
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::open_fds() == fds);
}

// An anonymous file made by the fallback (no O_TMPFILE: refused here, or the portable
// systems), a named file unlinked at once, whose unlink fails (EIO): the creation fails,
// naming the file it could not unlink, and closes its descriptor (a nameless file is what
// was asked for, not one that stays); the name, which could not be removed, is the only trace.
BOOST_AUTO_TEST_CASE_TEMPLATE(an_anonymous_file_whose_name_cannot_be_removed_is_refused, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    auto ao = test::anonymous_in<CharT>(s.dir);
    {
        armed a(g_open);
        g_open.tmpfile_error = EOPNOTSUPP;
        failing x(g_unlinkat, fd_fault::any, EIO);
        boost::system::error_code ec;
        tf::basic_temp_file<CharT, tf::anonymous_file<>> t(ao, ec);
        BOOST_TEST(ec == errc::io_error);
        BOOST_TEST(!t.is_open());
        BOOST_TEST(g_unlinkat.calls == 1);
        try {
            tf::basic_temp_file<CharT, tf::anonymous_file<>> u(ao);
            BOOST_ERROR("no exception");
        } catch (const fs::filesystem_error& e) {
            BOOST_TEST(e.code() == errc::io_error);
            BOOST_TEST(e.path1().parent_path() == s.dir);
            BOOST_TEST(test::exists(e.path1().string()));
        }
        BOOST_TEST(test::open_fds() == fds);
    }
    BOOST_TEST(s.entries().size() == 2u);
    tf::basic_temp_file<CharT, tf::anonymous_file<>> t(ao); // the fault gone: made, nameless
    BOOST_TEST(t.is_open());
    BOOST_TEST(s.entries().size() == 2u);
}

// cleanup() whose walk cannot rewind the directory it holds (lseek on its own descriptor
// fails: EIO): reported naming the directory, nothing removed (what was not listed is not
// touched), the object still owning it; the fault gone, cleanup() removes all.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_walk_that_cannot_rewind_its_directory_is_reported, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    {
        tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
        const std::string p = d.path().string();
        BOOST_REQUIRE(test::write_file(p + "/f", "f"));
        {
            failing x(g_lseek, fd_fault::any, EIO);
            boost::system::error_code ec;
            d.cleanup(ec);
            BOOST_TEST(ec == errc::io_error);
            BOOST_TEST(g_lseek.calls >= 1);
            try {
                d.cleanup();
                BOOST_ERROR("no exception");
            } catch (const fs::filesystem_error& e) {
                BOOST_TEST(e.code() == errc::io_error);
                BOOST_TEST(e.path1().string() == p);
            }
        }
        BOOST_TEST(test::file_contents(p + "/f") == "f");
        BOOST_TEST(d.exists());
        d.cleanup();
        BOOST_TEST(!test::exists(p));
    }
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::open_fds() == fds);
}

// A rollover whose positioning of the new file fails (lseek, after the data went out): the
// rollover reports it naming the directory, the new file's descriptor is closed (it had no
// name: nothing is left), and the data, the position and the memory are as they were; the next
// rollover succeeds.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_rollover_whose_seek_fails_leaves_the_data_in_memory, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    {
        tf::basic_temp_file<CharT, tf::spooled_file<>> sp(test::spooled_in<CharT>(s.dir, 0));
        sp.write("in memory");
        sp.seek(3);
        boost::system::error_code ec;
        {
            failing x(g_lseek, fd_fault::any, EIO);
            sp.rollover(ec);
            BOOST_TEST(ec == errc::io_error);
            BOOST_TEST(g_lseek.calls == 1);
            try {
                sp.rollover();
                BOOST_ERROR("no exception");
            } catch (const fs::filesystem_error& e) {
                BOOST_TEST(e.code() == errc::io_error);
                BOOST_TEST(e.path1() == s.dir);
            }
        }
        BOOST_TEST(!sp.rolled_over());
        BOOST_TEST(s.entries().empty());
        BOOST_TEST(test::open_fds() == fds);
        BOOST_TEST(sp.tell() == 3);
        sp.rollover();
        BOOST_TEST(sp.rolled_over());
        BOOST_TEST(sp.tell() == 3);
        BOOST_TEST(test::contents(sp) == "in memory");
    }
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::open_fds() == fds);
}

// A hand back that failed is tried again by the next call: stream()'s read-ahead is kept,
// so the position stays the stream's. (It used to be dropped with the error: the device
// position, 9 bytes further, became the file's, and a call retried after the error, or any
// later one, read or wrote there.)
BOOST_AUTO_TEST_CASE_TEMPLATE(a_failed_hand_back_keeps_the_streams_position, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.write("0123456789");
    f.seek(0);
    BOOST_TEST_REQUIRE(f.stream().get() == '0'); // the rest (9 bytes) read ahead
    const int fd = f.native_handle();
    boost::system::error_code ec;
    {
        failing x(g_lseek, fd, EIO);
        BOOST_TEST(f.write("x", ec) == 0u);
        BOOST_TEST(ec == errc::io_error);
        BOOST_TEST(f.write("x", ec) == 0u); // tried again, fails again: nothing dropped
        BOOST_TEST(ec == errc::io_error);
        BOOST_TEST(g_lseek.calls == 2);
    }
    BOOST_TEST(f.tell() == 1);
    BOOST_TEST(f.write("x", ec) == 1u); // the retry once the fault is gone: where the stream was
    BOOST_TEST(!ec);
    BOOST_TEST(test::contents(f) == "0x23456789");
}

// write() returning 0 (nothing written, no error) would loop for ever: it is an I/O error.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_write_that_writes_nothing_is_an_io_error, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    boost::system::error_code ec;
    {
        armed w(g_write);
        g_write.zero_writes = true;
        BOOST_TEST(f.write("abc", ec) == 0u);
        BOOST_TEST(ec == errc::io_error);
        try {
            f.write("abc");
            BOOST_ERROR("no exception");
        } catch (const fs::filesystem_error& e) {
            BOOST_TEST(e.code() == errc::io_error);
            BOOST_TEST(e.path1() == f.path());
        }
    }
    f.write("abc");
    BOOST_TEST(test::contents(f) == "abc");
}

// The kernel's random source: getrandom interrupted (EINTR) is called again, a short result
// continued; getrandom missing (ENOSYS: Linux before 3.17) or getentropy failing falls back to
// /dev/urandom, and names are still drawn (a new thread seeds its engine).
BOOST_AUTO_TEST_CASE(random_bytes_are_retried_continued_and_fall_back)
{
    unsigned char buf[64];
    auto filled = [&] { return std::count(buf, buf + sizeof buf, 0) < 16; };
    const bool linux_calls = BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS != 0; // getrandom; else getentropy
    if (linux_calls) {
        {
            armed r(g_random, 1);
            std::memset(buf, 0, sizeof buf);
            BOOST_TEST(tf::detail::sys::random_bytes(buf, sizeof buf) == 0);
            BOOST_TEST(g_random.calls == 2); // interrupted, then again: not the fallback
            BOOST_TEST(filled());
        }
        {
            armed r(g_random, 0, true);
            std::memset(buf, 0, sizeof buf);
            BOOST_TEST(tf::detail::sys::random_bytes(buf, sizeof buf) == 0);
            BOOST_TEST(g_random.calls == 64); // one byte a call, continued
            BOOST_TEST(filled());
        }
    }
    {
        armed r(g_random, 1000);
        g_random.error = ENOSYS;
        std::memset(buf, 0, sizeof buf);
        BOOST_TEST(tf::detail::sys::random_bytes(buf, sizeof buf) == 0);
        BOOST_TEST(g_random.calls == 1); // then /dev/urandom
        BOOST_TEST(filled());
        test::scratch s;
        bool made = false;
        std::thread([&] {
            tf::named_temporary_file f(test::file_in<char>(s.dir));
            made = f.is_open();
        }).join();
        BOOST_TEST(made);
        BOOST_TEST(g_random.calls >= 2);
    }
}

// Without /proc (not mounted; the systems without one) the umask is read by setting it and
// putting it back: a new name still gets 0666 & ~umask, and the umask is unchanged.
BOOST_AUTO_TEST_CASE(the_umask_is_read_without_proc)
{
    test::scratch s;
    test::umask_guard u(027);
    tf::named_temporary_file f(test::file_in<char>(s.dir));
    const std::string to = (s.dir / "doc").string();
    {
        armed a(g_open);
        g_open.no_proc = true;
        f.persist(fs::path(to), tf::publish_mode::umask_default());
    }
    BOOST_TEST(test::mode_of(to) == 0640u);
    BOOST_TEST(::umask(027) == 027u);
}

// ---- A name swapped between its check (lstat) and its open: the open interposed here makes
// the swap first. What is opened is then checked against what the name led to.

namespace {
std::string g_mine; // where the swaps park the original

void park(const char* name)
{
    g_mine = std::string(name) + ".mine";
    BOOST_REQUIRE(::rename(name, g_mine.c_str()) == 0);
}
void swap_for_symlink(const char* name) // to the original itself
{
    park(name);
    BOOST_REQUIRE(::symlink(g_mine.c_str(), name) == 0);
}
void swap_for_fifo(const char* name)
{
    park(name);
    BOOST_REQUIRE(::mkfifo(name, 0600) == 0);
}
void swap_for_file(const char* name) // another file of ours
{
    park(name);
    BOOST_REQUIRE(test::write_file(name, "theirs"));
}
void swap_for_dir(const char* name) // another directory of ours
{
    park(name);
    BOOST_REQUIRE(::mkdir(name, 0700) == 0);
}
} // namespace

// reopen() where /proc cannot name the descriptor (no /proc mounted; the systems without
// one): the name is checked with lstat, then opened by name without following a symlink or
// blocking on a FIFO, and what was opened checked again.
BOOST_AUTO_TEST_CASE_TEMPLATE(reopen_by_name_refuses_a_name_swapped_after_its_check, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    for (auto swap : {swap_for_symlink, swap_for_fifo, swap_for_file}) {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("mine");
        const std::string name = f.path().string();
        armed a(g_open);
        g_open.no_proc = true;
        {
            tf::file_handle h = f.reopen(); // by name, nothing swapped: the same file
            BOOST_TEST_REQUIRE(h.is_open());
            BOOST_TEST(test::read_at(h.get(), 4, 0) == "mine");
            BOOST_TEST(test::file_identity(h.get()) == test::file_identity(f.native_handle()));
        }
        g_open.swap_name = name.c_str();
        g_open.swap = swap;
        boost::system::error_code ec;
        tf::file_handle h = f.reopen(ec);
        BOOST_TEST(!g_open.swap); // swapped
        BOOST_TEST(ec == errc::no_such_file_or_directory, ec.message());
        BOOST_TEST(!h);
        BOOST_TEST(test::file_contents(g_mine) == "mine");
    }
    BOOST_TEST(test::open_fds() == fds);
}

// adopt(): the name is checked with lstat (a regular file, or a directory, of ours), then
// opened without following a symlink, and what was opened must be what lstat saw.
BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_refuses_a_name_swapped_after_its_check, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    const std::string file = (s.dir / "file").string(), dir = (s.dir / "dir").string();
    // adopt(ec) with `name` swapped by `swap` between its lstat and its open: refused; true if
    // the object took the name nevertheless.
    auto adopted_after_swap = [](const std::string& name, void (*swap)(const char*), auto adopt) {
        armed a(g_open);
        g_open.swap_name = name.c_str();
        g_open.swap = swap;
        boost::system::error_code ec;
        bool taken = adopt(ec);
        BOOST_TEST(!g_open.swap);
        BOOST_TEST(ec == errc::no_such_file_or_directory, ec.message());
        return taken;
    };
    for (auto swap : {swap_for_symlink, swap_for_file}) {
        BOOST_REQUIRE(test::write_file(file, "mine"));
        BOOST_TEST(!adopted_after_swap(file, swap, [&](boost::system::error_code& ec) {
            return tf::basic_temp_file<CharT>::adopt(fs::path(file), ec).is_open();
        }));
        BOOST_TEST(test::file_contents(g_mine) == "mine"); // neither adopted nor removed
        BOOST_TEST(test::exists(file));
        ::unlink(file.c_str());
        ::unlink(g_mine.c_str());
    }
    for (auto swap : {swap_for_symlink, swap_for_file, swap_for_dir}) {
        BOOST_REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
        BOOST_REQUIRE(test::write_file(dir + "/keep", "keep"));
        BOOST_TEST(!adopted_after_swap(dir, swap, [&](boost::system::error_code& ec) {
            return tf::basic_temp_dir<CharT>::adopt(fs::path(dir), ec).exists();
        }));
        BOOST_TEST(test::file_contents(g_mine + "/keep") == "keep");
        BOOST_TEST(test::exists(dir));
        fs::remove_all(dir);
        fs::remove_all(g_mine);
    }
    // The descriptor's flags cannot be read to clear O_NONBLOCK: refused, closed.
    BOOST_REQUIRE(test::write_file(file, "mine"));
    {
        failing x(g_fcntl, fd_fault::any, EIO, F_GETFL);
        boost::system::error_code ec;
        auto f = tf::basic_temp_file<CharT>::adopt(fs::path(file), ec);
        BOOST_TEST(ec == errc::io_error);
        BOOST_TEST(!f.is_open());
        BOOST_TEST(g_fcntl.calls == 1);
    }
    BOOST_TEST(test::file_contents(file) == "mine");
    BOOST_TEST(test::open_fds() == fds);
}

// durability::durable: the file's fsync fails before anything is published; the mode set for
// publishing is put back (the file stays private under its temporary name).
BOOST_AUTO_TEST_CASE_TEMPLATE(a_failed_file_fsync_publishes_nothing_and_puts_the_mode_back, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.write("data");
    const std::string name = f.path().string(), to = (s.dir / "doc").string();
    {
        armed y(g_fsync, 1);
        g_fsync.error = EIO;
        boost::system::error_code ec;
        f.persist(fs::path(to), tf::publish_mode(0644), tf::durability::durable, ec);
        BOOST_TEST(ec == errc::io_error);
        BOOST_TEST(g_fsync.synced.size() == 1u); // the file's, which failed: no directory fsync
    }
    BOOST_TEST(!test::exists(to));
    BOOST_TEST(f.path().string() == name);
    BOOST_TEST(test::mode_of(name) == 0600u);
}

// durability::durable: the new directory cannot be opened for its fsync (EIO; a file system
// that refuses it, a directory made unreachable meanwhile). The file is published, but its new
// entry is not known durable: reported naming the file and the target, the object following
// the file to its new name, no descriptor left open.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_durable_publish_whose_directory_cannot_be_opened_is_reported, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    const std::string dir = s.dir.string(), to = (s.dir / "doc").string(), to2 = (s.dir / "doc2").string();
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("data");
        boost::system::error_code ec;
        {
            armed a(g_open);
            g_open.fail_name = dir.c_str();
            g_open.fail_error = EIO;
            f.persist(fs::path(to), tf::durability::durable, ec);
            BOOST_TEST(ec == errc::io_error);
        }
        BOOST_TEST(test::file_contents(to) == "data");
        BOOST_TEST(f.path().string() == to);
        {
            armed a(g_open);
            g_open.fail_name = dir.c_str();
            g_open.fail_error = EIO;
            try {
                f.persist_noclobber(fs::path(to2), tf::durability::durable);
                BOOST_ERROR("no exception");
            } catch (const fs::filesystem_error& e) {
                BOOST_TEST(e.code() == errc::io_error);
                BOOST_TEST(e.path2().string() == to2);
            }
        }
        BOOST_TEST(test::file_contents(to2) == "data");
        BOOST_TEST(!test::exists(to));
        BOOST_TEST(test::open_fds() == fds + 1); // the object's own descriptor only
    }
    BOOST_TEST(test::open_fds() == fds);
}

#else // the whole file needs POSIX

BOOST_AUTO_TEST_CASE(posix_only_file, *test::posix_only("14 cases: system calls made to fail by interposition (syscall(2), dlsym)"))
{
}

#endif
