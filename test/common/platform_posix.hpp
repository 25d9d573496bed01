// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The POSIX implementation of the test helpers (included by test_common.hpp, which lists them).

#ifndef BOOST_TEMPFILE_TEST_PLATFORM_POSIX_HPP
#define BOOST_TEMPFILE_TEST_PLATFORM_POSIX_HPP

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace test {

// The directory separator in the names the library returns.
inline const std::string separator = "/";

// A fresh directory under /tmp for one test, removed (with everything in it) at the end.
struct scratch
{
    fs::path dir;
    scratch()
    {
        std::string t = "/tmp/tempfile-test-XXXXXX";
        if (!::mkdtemp(&t[0]))
            std::abort();
        dir = t;
        ::chmod(t.c_str(), 0755); // reachable by the unprivileged children of some tests
    }
    ~scratch()
    {
        boost::system::error_code ec;
        // Restore permissions the test may have removed, then remove.
        std::string cmd = "chmod -R u+rwx '" + dir.string() + "' 2>/dev/null; rm -rf '" + dir.string() + "'";
        if (std::system(cmd.c_str()) != 0)
            fs::remove_all(dir, ec);
    }
    std::vector<std::string> entries() const
    {
        std::vector<std::string> r;
        for (fs::directory_iterator it(dir), end; it != end; ++it)
            r.push_back(it->path().filename().string());
        return r;
    }
};

// Number of open descriptors of this process.
inline int open_fds()
{
    int n = 0;
    DIR* d = ::opendir("/proc/self/fd");
    if (!d)
        return -1;
    while (struct dirent* e = ::readdir(d))
        if (e->d_name[0] != '.')
            ++n;
    ::closedir(d);
    return n - 1; // the directory stream's own descriptor
}

// Sets an environment variable (nullptr: unsets it).
inline void set_env(const char* name, const char* value)
{
    if (value)
        ::setenv(name, value, 1);
    else
        ::unsetenv(name);
}

struct umask_guard
{
    ::mode_t old;
    explicit umask_guard(::mode_t m) : old(::umask(m)) {}
    ~umask_guard() { ::umask(old); }
};

// In a child about to check permissions: drops to the unprivileged user `nobody` (groups,
// group, user); false if that failed or left root privileges.
inline bool become_nobody()
{
    struct passwd* pw = ::getpwnam("nobody");
    const ::uid_t uid = pw ? pw->pw_uid : 65534; // no user database (no /etc/passwd): nobody's usual id
    const ::gid_t gid = pw ? pw->pw_gid : 65534;
    return ::setgroups(0, nullptr) == 0 && ::setgid(gid) == 0 && ::setuid(uid) == 0 && ::getuid() != 0;
}

// Runs `f` in a forked child and returns the raw wait status (read it with WIFEXITED /
// WIFSIGNALED), or -1 if fork or waitpid failed; f's result is the child's exit code, through
// _exit (no atexit handlers run). With `as_nobody`, the child first drops to the unprivileged
// user `nobody`, so that permission checks apply even though the suite runs as root.
inline int child_wait_status(const std::function<int()>& f, bool as_nobody = false)
{
    ::pid_t pid = ::fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (as_nobody && !become_nobody())
            ::_exit(97);
        int r = 99;
        try {
            r = f();
        } catch (...) {
            r = 96;
        }
        ::_exit(r);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

// As child_wait_status, but returns f's result (the child's exit code), or -1 if it died.
inline int in_child(const std::function<int()>& f, bool as_nobody = false)
{
    int status = child_wait_status(f, as_nobody);
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline bool exists(const std::string& p)
{
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0;
}

inline ::mode_t mode_of(const std::string& p)
{
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0)
        return static_cast<::mode_t>(-1);
    return st.st_mode & 07777;
}

// A file's whole content read by name, or "<missing>".
inline std::string file_contents(const std::string& p)
{
    std::string r;
    int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return "<missing>";
    char buf[256];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;)
        r.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return r;
}

// Directory entries of an open temporary_file: none (O_TMPFILE, or unlinked at once).
inline constexpr std::size_t unnamed_file_entries = 0u;

// Removes a file by its UTF-8 name; true if it was there.
inline bool remove_file(const std::string& p) { return ::unlink(p.c_str()) == 0; }

// A native handle that refers to an open file / the value of a closed object's.
template <class H>
bool is_open_handle(H h) { return h >= 0; }
template <class H>
bool is_no_handle(H h) { return h == -1; }

// The size of the open file, its position, and `n` bytes read at `offset` (pread: the
// position does not move), through a native handle.
inline long long handle_size(int h)
{
    struct stat st;
    return ::fstat(h, &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}
inline long long handle_position(int h) { return ::lseek(h, 0, SEEK_CUR); }
inline std::string read_at(int h, std::size_t n, long long offset)
{
    std::string r(n, '\0');
    ssize_t got = ::pread(h, &r[0], n, static_cast<off_t>(offset));
    r.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return r;
}

// What tells an open file apart from every other at the same time ("device:inode"; empty on
// error), and its number of names.
inline std::string file_identity(int h)
{
    struct stat st;
    return ::fstat(h, &st) == 0 ? std::to_string(st.st_dev) + ':' + std::to_string(st.st_ino) : std::string();
}
inline long link_count(int h)
{
    struct stat st;
    return ::fstat(h, &st) == 0 ? static_cast<long>(st.st_nlink) : -1;
}

// Closes a descriptor mkstemp returned.
inline int close_fd(int fd) { return ::close(fd); }

// The path of a UTF-8 name.
inline fs::path path_of(const std::string& p) { return fs::path(p); }

// Creates (or replaces) the file p holding text, with exactly `mode` (whatever the umask);
// false if that failed.
inline bool put_file(const std::string& p, const std::string& text, ::mode_t mode = 0600)
{
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fchmod(fd, mode) == 0;
    return ::close(fd) == 0 && ok;
}

// Creates (or truncates) a file at the UTF-8 name with `content`, mode 0600; false on error.
inline bool write_file(const std::string& p, const std::string& content = std::string())
{
    return put_file(p, content, 0600);
}

// Runs `f` in a forked child whose private mount namespace has a fresh tmpfs of `bytes` bytes
// mounted on `dir` (a real, small file system that fills up: ENOSPC); f's result, or -1 if the
// child died, or 95 if the file system could not be mounted (see can_mount_small_fs()).
inline int on_small_fs(const fs::path& dir, std::size_t bytes, const std::function<int()>& f)
{
    return in_child([&] {
        const std::string size = "size=" + std::to_string(bytes);
        if (::unshare(CLONE_NEWNS) != 0 || ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
            ::mount("tmpfs", dir.c_str(), "tmpfs", 0, size.c_str()) != 0)
            return 95;
        return f();
    });
}

// Whether on_small_fs() can run here (root, or CAP_SYS_ADMIN, and a kernel that allows it).
inline bool can_mount_small_fs()
{
    static const bool can = [] {
        scratch s;
        return on_small_fs(s.dir, 65536, [] { return 0; }) == 0;
    }();
    return can;
}

// Fills the file system holding `dir` (a file `filler` written until ENOSPC); true if it did.
inline bool fill_fs(const fs::path& dir)
{
    int fd = ::open((dir / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    static const char block[4096] = {};
    ssize_t n;
    while ((n = ::write(fd, block, sizeof block)) > 0) {
    }
    const bool full = n < 0 && errno == ENOSPC && ::write(fd, block, 1) < 0;
    ::close(fd);
    return full;
}

// In a child about to write: files grow to `bytes` at most, then write() fails with EFBIG
// (SIGXFSZ ignored). Process-wide: call it in a child (in_child). The soft limit only: the
// coverage build's hook raises it again to write the child's counts (coverage_hook.hpp;
// without CAP_SYS_RESOURCE, root cannot raise a hard limit either).
inline bool limit_file_size(std::size_t bytes)
{
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl;
    if (::getrlimit(RLIMIT_FSIZE, &rl) != 0)
        return false;
    rl.rlim_cur = static_cast<rlim_t>(bytes);
    return ::setrlimit(RLIMIT_FSIZE, &rl) == 0;
}

// A case that needs on_small_fs(): skipped, with the reason, where it cannot mount.
inline boost::unit_test::decorator::precondition needs_small_fs(const std::string& what)
{
    return skip_unless(std::function<bool()>([] { return can_mount_small_fs(); }),
                       "cannot mount " + what + " here (needs root or CAP_SYS_ADMIN)");
}

} // namespace test

#endif
