// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_SYS_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_SYS_HPP

// The POSIX system-call layer: every POSIX call the library makes is wrapped here, once
// (detail/system.hpp chooses this folder or detail/windows/). Conventions: a wrapper returns
// its result (>= 0) or -errno; EINTR is retried everywhere except close(); errno is never left
// for the caller to read.

#include <boost/tempfile/config.hpp>
#include <boost/tempfile/detail/posix/features.hpp>
#include <boost/tempfile/detail/posix/handle.hpp>
#include <boost/tempfile/detail/posix/process.hpp>
#include <boost/tempfile/detail/posix/vocabulary.hpp>
#include <boost/tempfile/detail/test_hooks.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <climits>
#include <unistd.h>

#if BOOST_TEMPFILE_DETAIL_HAS_SETFSUID
#include <sys/fsuid.h>
#endif
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS
#include <sys/syscall.h>
#endif

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

// ---- The seam's vocabulary: detail/posix/vocabulary.hpp (no system header), and here what
// needs one.

#if defined(NAME_MAX)
static_assert(name_max == NAME_MAX, "boost::tempfile: detail/posix/vocabulary.hpp needs this system's NAME_MAX");
#endif
static_assert(sizeof(::dev_t) <= sizeof(file_id::dev) && sizeof(::ino_t) <= sizeof(file_id::ino),
              "boost::tempfile: file_id holds dev_t and ino_t");
static_assert(no_dir == AT_FDCWD, "boost::tempfile: detail/posix/vocabulary.hpp needs this system's AT_FDCWD");

// The identity of the file `st` describes.
inline file_id id_of(const struct ::stat& st) noexcept
{
    file_id id;
    id.dev = to<std::uint64_t>(st.st_dev);
    id.ino = to<std::uint64_t>(st.st_ino);
    return id;
}

inline bool same_file(const struct ::stat& st, const file_id& id) noexcept
{
    const file_id s = id_of(st);
    return s.dev == id.dev && s.ino == id.ino;
}

#if BOOST_TEMPFILE_DETAIL_HAS_O_TMPFILE
inline constexpr int o_tmpfile = O_TMPFILE;
#else
inline constexpr int o_tmpfile = 0;
#endif

#if defined(O_NOFOLLOW)
inline constexpr int o_nofollow = O_NOFOLLOW;
#else
inline constexpr int o_nofollow = 0;
#endif

// A descriptor that pins an inode without permission to read it (Linux); 0 elsewhere.
#if BOOST_TEMPFILE_DETAIL_HAS_O_PATH
inline constexpr int o_path = O_PATH;
#else
inline constexpr int o_path = 0;
#endif

// How a held directory is opened (pinned_temp_dir, the parent of a tree being removed): only
// to name things relative to it. O_PATH, else O_SEARCH (search permission only: FreeBSD,
// macOS 13, Solaris), else O_RDONLY (POSIX: needs read permission).
#if BOOST_TEMPFILE_DETAIL_HAS_O_PATH
inline constexpr int o_dir_pin = O_PATH;
#elif defined(O_SEARCH)
inline constexpr int o_dir_pin = O_SEARCH;
#else
inline constexpr int o_dir_pin = O_RDONLY;
#endif

// Flags of every named file the library creates (Python's _bin_openflags plus O_CLOEXEC).
inline constexpr int exclusive_flags = O_RDWR | O_CREAT | O_EXCL | o_nofollow | O_CLOEXEC;

template <class F>
inline auto retry(F f) noexcept -> decltype(f())
{
    for (;;) {
        auto r = f();
        if (r >= 0)
            return r;
        if (errno != EINTR)
            return -static_cast<decltype(r)>(errno);
    }
}

inline int open(const char* path, int flags, ::mode_t mode = 0) noexcept
{
    return retry([&] { return ::open(path, flags, mode); });
}

inline int openat(int dirfd, const char* path, int flags, ::mode_t mode = 0) noexcept
{
    return retry([&] { return ::openat(dirfd, path, flags, mode); });
}

inline int mkdir(const char* path, ::mode_t mode) noexcept
{
    return retry([&] { return ::mkdir(path, mode); });
}

inline int mkdirat(int dirfd, const char* path, ::mode_t mode) noexcept
{
    return retry([&] { return ::mkdirat(dirfd, path, mode); });
}

inline int unlink(const char* path) noexcept
{
    return retry([&] { return ::unlink(path); });
}

inline int rmdir(const char* path) noexcept
{
    return retry([&] { return ::rmdir(path); });
}

inline int unlinkat(int dirfd, const char* path, int flags) noexcept
{
    return retry([&] { return ::unlinkat(dirfd, path, flags); });
}

inline int lstat(const char* path, struct ::stat& st) noexcept
{
    return retry([&] { return ::lstat(path, &st); });
}

inline int fstat(int fd, struct ::stat& st) noexcept
{
    return retry([&] { return ::fstat(fd, &st); });
}

inline int fstatat(int dirfd, const char* path, struct ::stat& st, int flags) noexcept
{
    return retry([&] { return ::fstatat(dirfd, path, &st, flags); });
}

inline int fchmod(int fd, ::mode_t mode) noexcept
{
    return retry([&] { return ::fchmod(fd, mode); });
}

// fsync that reaches the disk: on macOS fcntl(F_FULLFSYNC) (fsync there leaves the data in
// the drive's cache), else, or where the file system refuses it, fsync.
inline int fsync(int fd) noexcept
{
#if BOOST_TEMPFILE_DETAIL_HAS_F_FULLFSYNC
    int r = retry([&] { return ::fcntl(fd, F_FULLFSYNC); });
    if (r != -ENOTSUP && r != -EINVAL && r != -ENOTTY)
        return r < 0 ? r : 0;
#endif
    return retry([&] { return ::fsync(fd); });
}

inline int ftruncate(int fd, std::uint64_t size) noexcept
{
    return retry([&] { return ::ftruncate(fd, static_cast<::off_t>(size)); });
}

inline std::int64_t lseek(int fd, std::int64_t off, int whence) noexcept
{
    ::off_t r = ::lseek(fd, to<::off_t>(off), whence);
    return r >= 0 ? to<std::int64_t>(r) : -static_cast<std::int64_t>(errno);
}

// One read(); 0 at end of file.
BOOST_TEMPFILE_DETAIL_DECL std::ptrdiff_t read(int fd, void* buf, std::size_t n) noexcept
{
    return retry([&] { return ::read(fd, buf, n); });
}

// Writes all n bytes (short writes continued, EINTR retried): with `off`, at *off without
// moving the file position (pwrite); else at the position (write). 0 or -errno.
inline int write_all_impl(int fd, const void* buf, std::size_t n, const std::int64_t* off) noexcept
{
    const char* p = static_cast<const char*>(buf);
    std::int64_t at = off ? *off : 0;
    while (n > 0) {
        ::ssize_t r = off ? ::pwrite(fd, p, n, to<::off_t>(at)) : ::write(fd, p, n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (r == 0)
            return -EIO;
        p += r;
        at += r;
        n -= static_cast<std::size_t>(r);
    }
    return 0;
}

BOOST_TEMPFILE_DETAIL_DECL int write_all(int fd, const void* buf, std::size_t n) noexcept
{
    return write_all_impl(fd, buf, n, nullptr);
}

// Like write_all, at an offset, without moving the file position.
inline int pwrite_all(int fd, const void* buf, std::size_t n, std::int64_t off) noexcept
{
    return write_all_impl(fd, buf, n, &off);
}

inline int rename(const char* from, const char* to) noexcept
{
    return retry([&] { return ::rename(from, to); });
}

// rename that never replaces: renameat2(RENAME_NOREPLACE) where the kernel has it, macOS's
// renameatx_np(RENAME_EXCL), else -ENOSYS / -EINVAL (also what a file system without them
// says) so that the caller can fall back to link + unlink.
inline int rename_noreplace(const char* from, const char* to) noexcept
{
#if BOOST_TEMPFILE_DETAIL_HAS_RENAMEAT2
    return retry([&] {
        return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1u /* RENAME_NOREPLACE */));
    });
#elif BOOST_TEMPFILE_DETAIL_HAS_RENAMEATX_NP
    int r = retry([&] { return ::renameatx_np(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCL); });
    return r == -ENOTSUP ? -ENOSYS : r; // a file system without it (FAT, SMB): link + unlink
#else
    (void)from;
    (void)to;
    return -ENOSYS;
#endif
}

inline int link(const char* from, const char* to) noexcept
{
    return retry([&] { return ::link(from, to); });
}

inline int linkat(int olddirfd, const char* oldpath, int newdirfd, const char* newpath, int flags) noexcept
{
    return retry([&] { return ::linkat(olddirfd, oldpath, newdirfd, newpath, flags); });
}

#if BOOST_TEMPFILE_DETAIL_HAS_PROC_SELF
// "/proc/self/fd/<fd>" in `buf`, the magic link that names the inode `fd` is open on (no
// allocation, no snprintf: usable where only async-signal-safe code may run). Returns buf.
inline const char* proc_fd_path(int fd, char (&buf)[32]) noexcept
{
    static constexpr char head[] = "/proc/self/fd/";
    std::memcpy(buf, head, sizeof head - 1);
    char digits[12];
    int n = 0;
    for (unsigned v = static_cast<unsigned>(fd); n == 0 || v != 0; v /= 10)
        digits[n++] = static_cast<char>('0' + v % 10);
    char* p = buf + sizeof head - 1;
    while (n > 0)
        *p++ = digits[--n];
    *p = '\0';
    return buf;
}

#endif

// Gives the file open as `fd` (an O_TMPFILE file) the name `to`, never replacing: linkat with
// AT_EMPTY_PATH (needs CAP_DAC_READ_SEARCH), else through /proc/self/fd/N. 0 or -errno;
// -EOPNOTSUPP without O_TMPFILE (no file without a name ever needs one).
inline int link_descriptor(int fd, const char* to) noexcept
{
#if BOOST_TEMPFILE_DETAIL_HAS_O_TMPFILE && BOOST_TEMPFILE_DETAIL_HAS_PROC_SELF
#if BOOST_TEMPFILE_DETAIL_HAS_LINKAT_EMPTY_PATH
    int r = linkat(fd, "", AT_FDCWD, to, AT_EMPTY_PATH);
    if (r != -ENOENT && r != -EPERM && r != -EINVAL)
        return r;
#endif
    char proc[32];
    return linkat(AT_FDCWD, proc_fd_path(fd, proc), AT_FDCWD, to, AT_SYMLINK_FOLLOW);
#else
    (void)fd;
    (void)to;
    return -EOPNOTSUPP;
#endif
}

// fsync of what `path` names (a directory, to make a new entry in it durable). 0 or -errno.
inline int fsync_path(const char* path) noexcept
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_DIRECTORY);
    if (fd < 0)
        return fd;
    int r = fsync(fd);
    close(fd);
    return r;
}

inline int flock(int fd, int op) noexcept
{
    return retry([&] { return ::flock(fd, op); });
}

// chmod of the inode a descriptor pins, which may be an O_PATH descriptor (that fchmod
// refuses with EBADF): fchmod, else fchmodat2(fd, "", AT_EMPTY_PATH) (Linux 6.6), else the
// /proc/self/fd magic link, which names that inode and no other. 0 or -errno.
inline int fchmod_pinned(int fd, ::mode_t mode) noexcept
{
    int r = fchmod(fd, mode);
    if (r != -EBADF)
        return r;
#if BOOST_TEMPFILE_DETAIL_HAS_PROC_SELF
#if BOOST_TEMPFILE_DETAIL_HAS_FCHMODAT2
    r = retry([&] { return static_cast<int>(::syscall(SYS_fchmodat2, fd, "", mode, AT_EMPTY_PATH)); });
    if (r != -ENOSYS && r != -EINVAL && r != -EBADF)
        return r;
#endif
    char link[32];
    proc_fd_path(fd, link);
    return retry([&] { return ::chmod(link, mode); });
#else
    return r;
#endif
}

} // namespace sys
#if defined(BOOST_TEMPFILE_TEST_HOOKS)
// Test-only hook point (detail/test_hooks.hpp): chmod_dir_named calls it between its check of
// the name and the chmod, where an attacker swaps the directory for a symlink.
using chmod_named_hook = void (*)(int at, const char* name);
// ... and open_unreadable (ops.hpp) calls this one between that repair and its open by name
// (`made`: what the name led to; a type of its own, as test_hook keeps one slot per type).
using open_named_hook = void (*)(int at, const char* name, const struct ::stat& made);
#endif
namespace sys {

// Where no descriptor can pin a directory without read permission (no O_PATH): sets the mode
// of the directory `name` in `at` by name, if an lstat finds there the directory `was`, and
// never through a symlink (the name may be swapped for one between the lstat and the chmod:
// CPython's CVE-2023-6597): fchmodat(AT_SYMLINK_NOFOLLOW), which changes a symlink itself or
// fails, never its target. The caller checks the identity of what it opens afterwards.
// 0, -EEXIST (something else has the name now) or -errno.
inline int chmod_dir_named(int at, const char* name, const struct ::stat& was, ::mode_t mode) noexcept
{
    struct ::stat st;
    int r = fstatat(at, name, st, AT_SYMLINK_NOFOLLOW);
    if (r == 0 && !(S_ISDIR(st.st_mode) && st.st_dev == was.st_dev && st.st_ino == was.st_ino))
        r = -EEXIST;
    if (r < 0)
        return r;
    BOOST_TEMPFILE_DETAIL_HOOK(::boost::tempfile::detail::chmod_named_hook, at, name); // the race window
    r = retry([&] { return ::fchmodat(at, name, mode, AT_SYMLINK_NOFOLLOW); });
    if (r == 0 && (fstatat(at, name, st, AT_SYMLINK_NOFOLLOW) != 0 ||
                   !(S_ISDIR(st.st_mode) && st.st_dev == was.st_dev && st.st_ino == was.st_ino)))
        r = -EEXIST; // swapped meanwhile: what was changed (a symlink's own mode) is not used
    return r;
}

// Reads the entries of the directory open as `fd` from its current offset to the end,
// calling f(name, d_type) for each but "." and ".." (d_type may be DT_UNKNOWN). `buf` (at
// least 1 KiB, 8-byte aligned) is scratch space. 0 or -errno. Linux reads with getdents64
// straight into buf (no allocation: async-signal-safe); elsewhere a duplicate descriptor goes
// through fdopendir/readdir (which allocate).
inline constexpr bool listing_takes_descriptor = !BOOST_TEMPFILE_DETAIL_HAS_GETDENTS64; // (EMFILE possible)

// "." or "..", which a listing skips; any other name, "..x" and ".hidden" among them, is an entry.
inline bool dot_or_dot_dot(const char* nm) noexcept
{
    return nm[0] == '.' && (nm[1] == 0 || (nm[1] == '.' && nm[2] == 0));
}

template <class F>
inline int read_directory(int fd, void* buf, std::size_t size, F&& f)
{
#if BOOST_TEMPFILE_DETAIL_HAS_GETDENTS64
    struct dirent64_record
    {
        std::uint64_t ino;
        std::int64_t off;
        unsigned short reclen;
        unsigned char type;
        char name[1];
    };
    char* const base = static_cast<char*>(buf);
    for (;;) {
        long n = retry([&] { return ::syscall(SYS_getdents64, fd, base, size); });
        if (n <= 0)
            return static_cast<int>(n);
        for (long off = 0; off < n;) {
            const auto* d = reinterpret_cast<const dirent64_record*>(base + off);
            off += d->reclen;
            const char* nm = d->name;
            if (dot_or_dot_dot(nm))
                continue;
            f(nm, d->type);
        }
    }
#else
    (void)buf;
    (void)size;
    int dup = retry([&] { return ::fcntl(fd, F_DUPFD_CLOEXEC, 0); });
    if (dup < 0)
        return dup;
    DIR* d = ::fdopendir(dup);
    if (!d) {
        int e = -errno;
        close(dup);
        return e;
    }
    int r = 0;
    for (;;) {
        errno = 0;
        struct dirent* e = ::readdir(d);
        if (!e) {
            r = -errno;
            break;
        }
        const char* nm = e->d_name;
        if (dot_or_dot_dot(nm))
            continue;
        f(nm, static_cast<unsigned char>(e->d_type));
    }
    ::closedir(d);
    return r;
#endif
}

// The process's umask, without changing it: the "Umask:" line of /proc/self/status (Linux
// 4.7); else umask() set and put back (another thread's file creation in between would see 077).
inline ::mode_t current_umask() noexcept
{
#if BOOST_TEMPFILE_DETAIL_HAS_PROC_SELF
    char buf[512];
    int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        std::ptrdiff_t n = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (n > 0) {
            buf[n] = '\0';
            if (const char* u = std::strstr(buf, "\nUmask:\t"))
                return static_cast<::mode_t>(std::strtoul(u + 8, nullptr, 8) & 0777);
        }
    }
#endif
    ::mode_t m = ::umask(077);
    ::umask(m);
    return m;
}

// The permission bits (0777) of what `path` names, following a symlink; 0 or -errno.
BOOST_TEMPFILE_DETAIL_DECL int permissions_of(const char* path, unsigned* mode) noexcept
{
    struct ::stat st;
    int r = fstatat(AT_FDCWD, path, st, 0);
    if (r == 0)
        *mode = st.st_mode & 0777;
    return r;
}

// The mode open(O_CREAT, 0666) gives a new file: 0666 & ~umask. Always 1 (a mode was set).
BOOST_TEMPFILE_DETAIL_DECL int new_file_mode(unsigned* mode) noexcept
{
    *mode = 0666 & ~to<unsigned>(current_umask());
    return 1;
}

// True if `uid` is the owner this process gives what it creates: its effective uid, or on
// Linux its file-system uid (setfsuid; what mkdir really uses).
inline bool creates_as(::uid_t uid) noexcept
{
    if (uid == ::geteuid())
        return true;
#if BOOST_TEMPFILE_DETAIL_HAS_SETFSUID
    return static_cast<::uid_t>(::setfsuid(static_cast<::uid_t>(-1))) == uid; // -1: a query
#else
    return false;
#endif
}

// getenv that returns nullptr in set-user-ID / set-group-ID programs.
inline const char* secure_getenv(const char* name) noexcept
{
#if BOOST_TEMPFILE_DETAIL_HAS_SECURE_GETENV
    return ::secure_getenv(name);
#elif BOOST_TEMPFILE_DETAIL_HAS_ISSETUGID
    return ::issetugid() ? nullptr : std::getenv(name);
#else
    if (::getuid() != ::geteuid() || ::getgid() != ::getegid())
        return nullptr;
    return std::getenv(name);
#endif
}

// ---- Async-signal-safe calls (exit_cleanup.hpp's signal handler uses only these and the
// unlink/unlinkat/openat/close/lstat/fstat wrappers above).

inline int sigaction(int sig, const struct ::sigaction* act, struct ::sigaction* old) noexcept
{
    return ::sigaction(sig, act, old) == 0 ? 0 : -errno;
}

// Adds `sigs` to the calling thread's blocked signals; `old` receives the mask to restore.
inline int block_signals(const int* sigs, int n, ::sigset_t& old) noexcept
{
    ::sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < n; ++i)
        sigaddset(&set, sigs[i]);
    return -::pthread_sigmask(SIG_BLOCK, &set, &old);
}

inline int set_signal_mask(const ::sigset_t& mask) noexcept
{
    return -::pthread_sigmask(SIG_SETMASK, &mask, nullptr);
}

// True if `sig` is pending for the calling thread or the process (blocked meanwhile).
inline bool signal_pending(int sig) noexcept
{
    ::sigset_t set;
    return ::sigpending(&set) == 0 && sigismember(&set, sig) == 1;
}

// Sends sig to the calling thread.
inline int raise(int sig) noexcept
{
    return ::raise(sig) == 0 ? 0 : -errno;
}

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_POSIX_SYS_HPP
