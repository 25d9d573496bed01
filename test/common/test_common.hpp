// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Shared helpers of the test suite: a scratch directory, descriptor counting, narrow/wide
// literals, environment guards and running a check as an unprivileged user in a child.

#ifndef BOOST_TEMPFILE_TEST_COMMON_HPP
#define BOOST_TEMPFILE_TEST_COMMON_HPP

#include <boost/filesystem/directory.hpp>
#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>
#include <boost/mpl/list.hpp>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <dirent.h>
#include <sched.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace test {

namespace fs = boost::filesystem;

using char_types = boost::mpl::list<char, wchar_t>;

// "abc" as a std::basic_string<CharT> (ASCII only).
template <class CharT>
std::basic_string<CharT> lit(const char* s)
{
    std::string n(s);
    return std::basic_string<CharT>(n.begin(), n.end());
}

// UTF-8 of a wide string, written here independently of the library (it is the oracle the
// wide-name tests and the fuzzer check the library's encoding against). Every code point is
// encoded; false if one is not a Unicode scalar value (a surrogate, or above 0x10FFFF).
inline bool utf8(const std::wstring& w, std::string& out)
{
    bool valid = true;
    for (wchar_t wc : w) {
        std::uint32_t c = static_cast<std::uint32_t>(wc);
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            valid = false;
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | ((c >> 18) & 0x07));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return valid;
}

// The narrow (on-disk) form of a CharT string: identity for char, UTF-8 for wchar_t.
inline std::string narrow(const std::string& s) { return s; }
inline std::string narrow(const std::wstring& w)
{
    std::string out;
    utf8(w, out);
    return out;
}

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

// Sets (or unsets, with nullptr) an environment variable for the guard's lifetime.
struct env_guard
{
    std::string name;
    bool had;
    std::string old;
    env_guard(const char* n, const char* v) : name(n)
    {
        const char* o = std::getenv(n);
        had = o != nullptr;
        if (had)
            old = o;
        if (v)
            ::setenv(n, v, 1);
        else
            ::unsetenv(n);
    }
    ~env_guard()
    {
        if (had)
            ::setenv(name.c_str(), old.c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
};

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
    return pw && ::setgroups(0, nullptr) == 0 && ::setgid(pw->pw_gid) == 0 && ::setuid(pw->pw_uid) == 0 &&
           ::getuid() != 0;
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
// (SIGXFSZ ignored). Process-wide: call it in a child (in_child).
inline bool limit_file_size(std::size_t bytes)
{
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {static_cast<rlim_t>(bytes), static_cast<rlim_t>(bytes)};
    return ::setrlimit(RLIMIT_FSIZE, &rl) == 0;
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

// A file object's whole content, read from the start through the object.
template <class File>
std::string contents(File& f)
{
    f.seek(0);
    std::string r;
    char buf[256];
    while (std::size_t n = f.read(buf, sizeof buf))
        r.append(buf, n);
    return r;
}

// Creates (or replaces) the file p holding text, with exactly `mode` (whatever the umask);
// false if that failed. The suite's one file writer.
inline bool put_file(const std::string& p, const std::string& text, ::mode_t mode = 0600)
{
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fchmod(fd, mode) == 0;
    return ::close(fd) == 0 && ok;
}

// A file's whole content read by name, or "<missing>". The suite's one file reader.
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

} // namespace test

#endif
