// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The guards that stand between a bug and a user's data, each run by a real fault or attack
// (issue 23): a mount inside a tree being removed (a private mount namespace), a rename during
// the deep walk (the walk's test hook), persist_noclobber by link + unlink and its undo,
// a directory taken over between mkdir and open, a durable publish whose directory fsync
// fails, and spooled files moved by assignment; and the races between a check and the call
// it guards: a name swapped before publish's link, a directory replaced between the walk's
// repair of it and its open, a parent's name given to a symlink during the deep walk. The
// faults no file system here gives on demand are injected by interposition, as
// test_injection does: this program defines syscall, unlink, fstatat, fsync, mkdirat and openat itself
// (the linker prefers them to libc's); each passes the call on (dlsym RTLD_NEXT) unless a test
// armed it. build/mutate.sh removes each guard in turn and checks that a test here fails.

#define BOOST_TEST_MODULE guards
#define BOOST_TEMPFILE_TEST_HOOKS // detail::test_hook<F>()
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>
#include <string>
#include <utility>

namespace tf = boost::tempfile;

#if BOOST_TEMPFILE_TEST_POSIX

#include <cstdarg>

#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
namespace fs = boost::filesystem;
namespace errc = boost::system::errc;

namespace {

// What the interposed calls do; single-threaded (a test arms, calls the library, disarms).
int g_renameat2_error = 0;   // renameat2 fails with it (a file system without RENAME_NOREPLACE)
int g_unlink_error = 0;      // unlink of g_unlink_name fails with it
std::string g_unlink_name;   // ... (empty: any name)
int g_fstatat_error = 0;     // fstatat of g_fstatat_name fails with it
std::string g_fstatat_name;  // ... (a name relative to its directory)
ino_t g_list_error_ino = 0;  // listing the directory with this inode fails with EIO (getdents64;
                             // portable: fdopendir)
int g_list_errors = 0;       // listings failed so
int g_dir_fsync_error = 0;   // fsync of a directory fails with it
int g_dir_fsyncs = 0;        // directory fsyncs seen
int g_mkdir_takeover = 0;    // after mkdirat succeeds: 1 the name is given to a regular file,
                             // 2 the directory is given to `nobody`
std::string g_taken_over;    // the name mkdirat made and the attacker took
int g_listed_types;          // directory listings report each entry's type as DT_UNKNOWN (1: a
                             // file system without d_type), or each directory as DT_REG (2: a
                             // file replaced by a directory since it was listed)
int g_retyped;               // entries whose type was changed so
const char* g_swap_dir;      // openat of this name as a directory (not O_PATH): the second one
int g_dir_opens;             // ... first gives the name to another directory (holding "new")

template <class F>
F next(const char* name)
{
    return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

struct arm_guard
{
    ~arm_guard()
    {
        g_renameat2_error = g_unlink_error = g_dir_fsync_error = g_mkdir_takeover = 0;
        g_unlink_name.clear();
    }
};

} // namespace

extern "C" long syscall(long n, ...)
{
    va_list ap;
    va_start(ap, n);
    long a[6];
    for (long& x : a)
        x = va_arg(ap, long);
    va_end(ap);
#if defined(SYS_renameat2)
    if (n == SYS_renameat2 && g_renameat2_error) {
        errno = g_renameat2_error;
        return -1;
    }
#endif
#if defined(SYS_getdents64)
    struct stat listed;
    if (n == SYS_getdents64 && g_list_error_ino && ::fstat(static_cast<int>(a[0]), &listed) == 0 &&
        listed.st_ino == g_list_error_ino) {
        ++g_list_errors;
        errno = EIO;
        return -1;
    }
#endif
    static auto real = next<long (*)(long, ...)>("syscall");
    long r = real(n, a[0], a[1], a[2], a[3], a[4], a[5]);
#if defined(SYS_getdents64)
    if (n == SYS_getdents64 && r > 0 && g_listed_types) { // linux_dirent64: ino, off, reclen, type, name
        char* base = reinterpret_cast<char*>(a[1]);
        for (long off = 0; off < r;) {
            unsigned short reclen;
            std::memcpy(&reclen, base + off + 16, sizeof reclen);
            unsigned char& type = reinterpret_cast<unsigned char&>(base[off + 18]);
            type = static_cast<unsigned char>(g_listed_types == 1 ? int(DT_UNKNOWN) : type == DT_DIR ? int(DT_REG) : type);
            ++g_retyped;
            off += reclen;
        }
    }
#endif
    return r;
}

// The portable listing (fdopendir/readdir), as getdents64 above.
extern "C" DIR* fdopendir(int fd)
{
    struct stat listed;
    if (g_list_error_ino && ::fstat(fd, &listed) == 0 && listed.st_ino == g_list_error_ino) {
        ++g_list_errors;
        errno = EIO;
        return nullptr;
    }
    static auto real = next<DIR* (*)(int)>("fdopendir");
    return real(fd);
}

extern "C" struct dirent* readdir(DIR* d)
{
    static auto real = next<struct dirent* (*)(DIR*)>("readdir");
    struct dirent* e = real(d);
    if (e && g_listed_types && ++g_retyped)
        e->d_type = static_cast<unsigned char>(g_listed_types == 1 ? int(DT_UNKNOWN) : e->d_type == DT_DIR ? int(DT_REG) : e->d_type);
    return e;
}

// fstatat of the entry g_fstatat_name (relative to the walk's directory) fails with
// g_fstatat_error: the type of an entry listed as DT_UNKNOWN cannot be had.
extern "C" int fstatat(int dirfd, const char* path, struct stat* st, int flags) noexcept
{
    if (g_fstatat_error && g_fstatat_name == path) {
        errno = g_fstatat_error;
        return -1;
    }
    static auto real = next<int (*)(int, const char*, struct stat*, int)>("fstatat");
    return real(dirfd, path, st, flags);
}

extern "C" int unlink(const char* path) noexcept
{
    if (g_unlink_error && (g_unlink_name.empty() || g_unlink_name == path)) {
        errno = g_unlink_error;
        return -1;
    }
    static auto real = next<int (*)(const char*)>("unlink");
    return real(path);
}

extern "C" int fsync(int fd)
{
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ++g_dir_fsyncs;
        if (g_dir_fsync_error) {
            errno = g_dir_fsync_error;
            return -1;
        }
    }
    static auto real = next<int (*)(int)>("fsync");
    return real(fd);
}

extern "C" int mkdirat(int dirfd, const char* path, mode_t mode) noexcept
{
    static auto real = next<int (*)(int, const char*, mode_t)>("mkdirat");
    int r = real(dirfd, path, mode);
    if (r == 0 && g_mkdir_takeover) {
        g_taken_over = path;
        if (g_mkdir_takeover == 1) { // the attacker's file in its place
            ::unlinkat(dirfd, path, AT_REMOVEDIR);
            int fd = ::openat(dirfd, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (fd >= 0) {
                (void)::write(fd, "theirs", 6);
                ::close(fd);
            }
        } else { // the directory given to another user
            struct passwd* pw = ::getpwnam("nobody");
            if (pw)
                (void)::fchownat(dirfd, path, pw->pw_uid, pw->pw_gid, AT_SYMLINK_NOFOLLOW);
        }
    }
    return r;
}

extern "C" int openat(int dirfd, const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    unsigned mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, unsigned) : 0u;
    va_end(ap);
    constexpr int o_path = tf::detail::sys::o_path;
    if (g_swap_dir && std::strcmp(path, g_swap_dir) == 0 && (flags & O_DIRECTORY) && (o_path == 0 || !(flags & o_path)) &&
        ++g_dir_opens == 2) {
        const std::string parked = std::string(path) + ".parked", marker = std::string(path) + "/new";
        if (::renameat(dirfd, path, dirfd, parked.c_str()) == 0 && ::mkdirat(dirfd, path, 0700) == 0) {
            int fd = ::openat(dirfd, marker.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd >= 0) {
                (void)::write(fd, "new", 3);
                ::close(fd);
            }
        }
    }
    static auto real = next<int (*)(int, const char*, int, ...)>("openat");
    return real(dirfd, path, flags, mode);
}

namespace {

std::string read_all(const std::string& p)
{
    return test::file_contents(p);
}

// A private mount namespace in this (forked) process: as root, unshare(CLONE_NEWNS); else a
// user namespace too. Mounts made afterwards are seen by this process only.
bool private_mounts()
{
    if (::unshare(CLONE_NEWNS) != 0 && ::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return false;
    return ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

bool can_mount_privately()
{
    return test::in_child([] {
               if (!private_mounts())
                   return 1;
               test::scratch s;
               std::string m = (s.dir / "m").string();
               ::mkdir(m.c_str(), 0700);
               int r = ::mount("tmpfs", m.c_str(), "tmpfs", 0, "size=64k") == 0 ? 0 : 2;
               ::umount(m.c_str());
               return r;
           }) == 0;
}

struct tree_hook_guard
{
    explicit tree_hook_guard(tf::detail::tree_hook h) { tf::detail::test_hook<tf::detail::tree_hook>() = h; }
    ~tree_hook_guard() { tf::detail::test_hook<tf::detail::tree_hook>() = nullptr; }
};

// The directory `fd` is open on, by name (/proc/self/fd).
std::string path_of_fd(int fd)
{
    char target[4096];
    ssize_t n = ::readlink(("/proc/self/fd/" + std::to_string(fd)).c_str(), target, sizeof target - 1);
    return n > 0 ? std::string(target, static_cast<std::size_t>(n)) : std::string();
}

// A chain deeper than the walk's descriptor budget: d/d/d/... with a file in each.
void deep_chain(const std::string& top)
{
    std::string d = top;
    for (std::size_t i = 0; i < tf::detail::tree_max_open + 8; ++i) {
        d += "/d";
        BOOST_REQUIRE(::mkdir(d.c_str(), 0700) == 0);
        BOOST_REQUIRE(test::write_file(d + "/f", "x"));
    }
}

std::string g_moved;   // where the race hooks moved a directory to
int g_ups;             // the walk's returns through ".." seen
int g_replace_parent;  // also give the parent's name to a new directory (1) or to a symlink
                       // to the parent, moved away (2)

// On the walk's first return through "..": the directory it leaves (empty by now) is moved out
// of the tree, so ".." no longer leads to its parent (reopen_up's mismatch); with
// g_replace_parent the parent's name is then given to a new directory, so that re-opening it
// by name finds another directory (reopen's mismatch).
void move_child_away(tf::detail::tree_event ev, int dirfd, const char*)
{
    if (ev != tf::detail::tree_event::up || g_ups++ != 0)
        return;
    std::string child = path_of_fd(dirfd);
    std::string parent = child.substr(0, child.rfind('/'));
    BOOST_REQUIRE(::rename(child.c_str(), g_moved.c_str()) == 0);
    if (g_replace_parent) {
        BOOST_REQUIRE(::rename(parent.c_str(), (parent + ".away").c_str()) == 0);
        if (g_replace_parent == 2) {
            BOOST_REQUIRE(::symlink((parent + ".away").c_str(), parent.c_str()) == 0);
            return;
        }
        BOOST_REQUIRE(::mkdir(parent.c_str(), 0700) == 0);
        BOOST_REQUIRE(test::write_file(parent + "/new", "new"));
    }
}

} // namespace

#endif // BOOST_TEMPFILE_TEST_POSIX

#if BOOST_TEMPFILE_TEST_WINDOWS
// Windows: the faults are injected through the backend's seam (sys::injected(),
// detail/windows/sys.hpp, compiled in with BOOST_TEMPFILE_TEST_HOOKS): a call armed here
// fails with the error given, without being made.
namespace fs = boost::filesystem;
namespace errc = boost::system::errc;
namespace {
using call = tf::detail::sys::call;
int g_fail[8];            // per call: 0, or the negated Win32 error it fails with
bool g_mkdir_takeover;    // after CreateDirectoryW: the new name is given to a file
fs::path g_takeover_in;   // ... the directory it is made in (the only directory made there)
std::string g_taken_over; // the name taken over

int inject(call c) noexcept
{
    if (c == call::created_dir && g_mkdir_takeover) {
        g_mkdir_takeover = false;
        try {
            for (const auto& e : fs::directory_iterator(g_takeover_in))
                if (fs::is_directory(e.path())) {
                    g_taken_over = test::narrow(e.path().wstring());
                    if (::RemoveDirectoryW(e.path().c_str()))
                        test::write_file(g_taken_over, "theirs");
                    break;
                }
        } catch (...) {
        }
    }
    return g_fail[static_cast<int>(c)];
}

// Whether the entries of `s` are `names`, and at most one staged name ("~tf...", publish's
// hard link) deleted but still there while the file is open: a name deleted is removed only
// when the last handle to its file closes (Wine; Windows before its POSIX-semantics deletion).
bool only_pending_staged_names(const test::scratch& s, const std::vector<std::string>& names)
{
    std::size_t named = 0, staged = 0;
    for (const std::string& e : s.entries()) {
        if (std::find(names.begin(), names.end(), e) != names.end())
            ++named;
        else if (e.compare(0, 3, "~tf") == 0)
            ++staged;
        else
            return false;
    }
    return named == names.size() && staged <= 1;
}

struct arm_guard
{
    arm_guard() { tf::detail::test_hook<tf::detail::sys::inject_fn>() = &inject; }
    ~arm_guard()
    {
        tf::detail::test_hook<tf::detail::sys::inject_fn>() = nullptr;
        for (int& f : g_fail)
            f = 0;
        g_mkdir_takeover = false;
    }
    static void fail(call c, DWORD error) { g_fail[static_cast<int>(c)] = -static_cast<int>(error); }
};
} // namespace
#endif

// --- 1. cleanup() and the destructor stop at a mount point inside the tree ---------------------

namespace {
bool mounts_available()
{
#if BOOST_TEMPFILE_TEST_POSIX
    return can_mount_privately();
#else
    return false;
#endif
}
} // namespace

BOOST_TEST_DECORATOR(*test::skip_unless(std::function<bool()>(mounts_available),
                                        "no private mount namespace here (POSIX: neither unshare(CLONE_NEWNS) as "
                                        "root nor a user namespace): the mount-point guard needs a mount"))
BOOST_AUTO_TEST_CASE_TEMPLATE(cleanup_stops_at_a_mount_inside_the_tree, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // In a child with a private mount namespace: a tmpfs mounted at <tree>/sub/m holding a file.
    // cleanup() removes the rest, reports EXDEV naming the mount point, and leaves the mounted
    // file system's file alone; so does the destructor (silently). Then, as `nobody` and with
    // the mount point's root unreadable (mode 0), the walk goes through open_repaired, which
    // must refuse the other file system too.
    int r = test::in_child([] {
        if (!private_mounts())
            return 10;
        test::scratch s;
        for (int how = 0; how < 2; ++how) {
            std::string p, m;
            {
                tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
                p = t.path().string();
                m = p + "/sub/m";
                if (::mkdir((p + "/sub").c_str(), 0700) != 0 || ::mkdir(m.c_str(), 0700) != 0)
                    return 11;
                test::write_file(p + "/sub/mine", "x");
                if (::mount("tmpfs", m.c_str(), "tmpfs", 0, "size=64k") != 0)
                    return 12;
                test::write_file(m + "/theirs", "theirs");
                if (how == 0) {
                    boost::system::error_code ec;
                    t.cleanup(ec);
                    if (ec != errc::cross_device_link)
                        return 13;
                    if (!t.exists()) // still owned: the rest can be removed later
                        return 14;
                    try {
                        t.cleanup();
                        return 16;
                    } catch (const fs::filesystem_error& e) {
                        if (e.code() != errc::cross_device_link || e.path1().string() != m)
                            return 17;
                    }
                }
            } // the destructor: silent, and stops at the mount too
            if (read_all(m + "/theirs") != "theirs")
                return 18;
            ::umount(m.c_str());
            ::rmdir(m.c_str());
            ::rmdir((p + "/sub").c_str());
            ::rmdir(p.c_str());
        }
        return 0;
    });
    BOOST_TEST(r == 0);

    // The mount point's root unreadable to the walking user: open_repaired pins it and must
    // see the other file system before changing any mode there (the walk then reports the
    // EACCES it met, and the mounted root keeps its mode).
    r = test::in_child([] {
        if (!private_mounts())
            return 10;
        test::scratch s;
        ::chmod(s.dir.c_str(), 01777);
        struct passwd* pw = ::getpwnam("nobody");
        if (!pw || ::setegid(pw->pw_gid) != 0 || ::seteuid(pw->pw_uid) != 0)
            return 20; // (not root: cannot act as another user; counted as passed below)
        std::string p, m;
        {
            tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
            p = t.path().string();
            m = p + "/m";
            if (::mkdir(m.c_str(), 0700) != 0)
                return 11;
            // Owned by the walking user, so that only the file-system check stops the repair.
            std::string opts = "size=64k,mode=0,uid=" + std::to_string(pw->pw_uid) + ",gid=" + std::to_string(pw->pw_gid);
            if (::seteuid(0) != 0 || ::mount("tmpfs", m.c_str(), "tmpfs", 0, opts.c_str()) != 0)
                return 12;
            test::write_file(m + "/theirs", "theirs");
            ::chmod(m.c_str(), 0);
            if (::seteuid(pw->pw_uid) != 0)
                return 19;
            boost::system::error_code ec;
            t.cleanup(ec);
            if (ec != errc::permission_denied) // as without the repair: nothing changed there
                return 100 + ec.value();
            if (::seteuid(0) != 0)
                return 19;
        }
        struct stat st;
        if (::stat(m.c_str(), &st) != 0 || (st.st_mode & 07777) != 0) // its mode left alone
            return 14;
        if (read_all(m + "/theirs") != "theirs")
            return 18;
        ::umount(m.c_str());
        return 0;
    });
    BOOST_TEST((r == 0 || r == 20), "the child's result: " << r);
#endif
}

// --- 2. the deep walk's rename-race recovery ---------------------------------------------------

BOOST_TEST_DECORATOR(*test::posix_only("the walk re-opening a directory through .. and by name; the Windows walk never re-opens"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_reopens_by_name_when_dotdot_moved, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // The directory the walk leaves is moved out of the tree: its ".." is no longer the
    // parent the walk let go (reopen_up refuses it), so the parent is re-opened by name from
    // the nearest open ancestor (reopen), its identity checked. The walk goes on; the moved
    // directory, outside the tree now, is left alone.
    test::scratch s;
    g_moved = (s.dir / "moved").string();
    g_ups = 0;
    g_replace_parent = 0;
    tree_hook_guard h(move_child_away);
    tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
    std::string p = t.path().string();
    deep_chain(p);
    boost::system::error_code ec;
    t.cleanup(ec);
    BOOST_TEST(!ec);
    BOOST_TEST(g_ups >= 1);
    BOOST_TEST(!t.exists());
    BOOST_TEST(!test::exists(p));
    BOOST_TEST(test::exists(g_moved)); // not in the tree any more: not ours to remove
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("the walk re-opening a directory through .. and by name; the Windows walk never re-opens"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_refuses_a_parent_replaced_by_name, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // As above, and the parent's name now leads to another directory: re-opening it by name
    // finds the wrong inode, which is refused (file_exists, naming it) and left alone; the
    // retry removes the whole tree, the substitute included (it is inside the tree). Or the
    // name is a symlink to the parent itself, moved away: re-opening it by name never follows
    // it (O_NOFOLLOW: ELOOP), and that too is a name that no longer leads to the directory;
    // the symlink is left as it is, then removed as an entry (its target not through it).
    for (int replace : {1, 2}) {
        test::scratch s;
        g_moved = (s.dir / "moved").string();
        g_ups = 0;
        g_replace_parent = replace;
        tree_hook_guard h(move_child_away);
        tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
        std::string p = t.path().string();
        deep_chain(p);
        try {
            t.cleanup();
            BOOST_ERROR("no exception");
        } catch (const fs::filesystem_error& e) {
            BOOST_TEST(e.code() == errc::file_exists);
            const std::string named = e.path1().string();
            BOOST_TEST(named.compare(0, p.size() + 2, p + "/d") == 0);
            struct stat st;
            if (replace == 1) {
                BOOST_TEST(test::file_contents(named + "/new") == "new"); // the substitute, untouched
            } else {
                BOOST_TEST((::lstat(named.c_str(), &st) == 0 && S_ISLNK(st.st_mode))); // left as it is
                BOOST_TEST(test::exists(named + ".away"));
            }
        }
        BOOST_TEST(t.exists());
        tf::detail::test_hook<tf::detail::tree_hook>() = nullptr;
        boost::system::error_code ec;
        t.cleanup(ec);
        BOOST_TEST(!ec);
        BOOST_TEST(!test::exists(p));
        BOOST_TEST(test::exists(g_moved));
    }
#endif
}

namespace {
#if BOOST_TEMPFILE_TEST_POSIX
// Runs body(t) in a forked child as `nobody`, t a temporary directory it made in s (which is
// made world-writable for it); the child's result.
template <class CharT, class F>
int as_nobody_in_a_tree(const test::scratch& s, F body)
{
    ::chmod(s.dir.c_str(), 01777);
    return test::in_child(
        [&] {
            tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
            return body(t, t.path().string());
        },
        true);
}

// cleanup(ec) with `hook` called by the walk: 0 when it succeeded and the tree is gone, else
// 100 + the error, or 4 when the tree is still there.
template <class TempDir>
int cleanup_with_hook(TempDir& t, const std::string& p, tf::detail::tree_hook hook)
{
    boost::system::error_code ec;
    {
        tree_hook_guard h(hook);
        t.cleanup(ec);
    }
    if (ec)
        return 100 + ec.value();
    return test::exists(p) ? 4 : 0;
}

int g_made_read_only; // directories the hook below took write permission from
void make_parent_read_only(tf::detail::tree_event ev, int dirfd, const char*)
{
    if (ev == tf::detail::tree_event::descend && ::fchmod(dirfd, 0500) == 0)
        ++g_made_read_only;
}
#endif
} // namespace

BOOST_TEST_DECORATOR(*test::posix_only("permission bits; the Windows walk has none to repair"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_repairs_a_directory_made_read_only_during_the_walk, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // As a user other than root: each time the walk is about to enter a subdirectory, its
    // parent loses write permission (0500; another process of the user did it). Removing the
    // subdirectory afterwards fails (EACCES): the walk gives the parent, a directory of the
    // tree, u+rwx again through its descriptor and removes it. The whole tree goes.
    test::scratch s;
    int r = as_nobody_in_a_tree<CharT>(s, [&](tf::basic_temp_dir<CharT>& t, const std::string& p) {
            if (::mkdir((p + "/a").c_str(), 0700) != 0 || ::mkdir((p + "/a/b").c_str(), 0700) != 0 ||
                !test::write_file(p + "/a/f", "f") || !test::write_file(p + "/a/b/g", "g") ||
                !test::write_file(p + "/h", "h"))
                return 2;
            g_made_read_only = 0;
            const int removed = cleanup_with_hook(t, p, make_parent_read_only);
            return g_made_read_only < 2 ? 3 : removed;
        });
    BOOST_TEST(r == 0, "child result " << r);
#endif
}

namespace {
#if BOOST_TEMPFILE_TEST_POSIX
int g_vanished; // subdirectories the hook below removed
void remove_it_and_make_parent_read_only(tf::detail::tree_event ev, int dirfd, const char* name)
{
    if (ev == tf::detail::tree_event::descend && ::unlinkat(dirfd, name, AT_REMOVEDIR) == 0 &&
        ::fchmod(dirfd, 0500) == 0)
        ++g_vanished;
}
#endif
} // namespace

BOOST_TEST_DECORATOR(*test::posix_only("permission bits; the Windows walk has none to repair"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_repairs_a_directory_made_read_only_before_a_files_unlink, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // As a user other than root: as the walk is about to enter an empty subdirectory, another
    // process of the user removes it and takes write permission from its parent (0500). The
    // walk finds the subdirectory gone (nothing to do), and the unlink of the next file fails
    // (EACCES) with no subdirectory removal before it to repair the parent: the walk repairs
    // it (u+rwx through its descriptor) and unlinks the file again. The whole tree goes. (16
    // files on each side of the subdirectory: some are listed after it in any order.)
    test::scratch s;
    int r = as_nobody_in_a_tree<CharT>(s, [&](tf::basic_temp_dir<CharT>& t, const std::string& p) {
            for (int i = 0; i < 16; ++i)
                if (!test::write_file(p + "/e" + std::to_string(i), "e"))
                    return 2;
            if (::mkdir((p + "/b").c_str(), 0700) != 0)
                return 2;
            for (int i = 0; i < 16; ++i)
                if (!test::write_file(p + "/f" + std::to_string(i), "f"))
                    return 2;
            g_vanished = 0;
            const int removed = cleanup_with_hook(t, p, remove_it_and_make_parent_read_only);
            return g_vanished != 1 ? 3 : removed;
        });
    BOOST_TEST(r == 0, "child result " << r);
#endif
}

namespace {
#if BOOST_TEMPFILE_TEST_POSIX
std::string g_parent, g_parent_moved_to;
int g_parent_moves;
void move_the_parent_away(tf::detail::tree_event ev, int, const char*)
{
    if (ev == tf::detail::tree_event::descend && g_parent_moves == 0 &&
        ::rename(g_parent.c_str(), g_parent_moved_to.c_str()) == 0)
        ++g_parent_moves;
}
#endif
} // namespace

BOOST_TEST_DECORATOR(*test::posix_only("the Windows walk holds a handle on every level: the parent cannot be renamed"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_leaves_the_top_alone_when_its_parent_was_renamed_meanwhile, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // While the walk empties the tree, the folder the tree was made in is renamed (the user
    // moved it away). The walk ends; the parent, opened again by its name for the last
    // unlinkat, is gone: the name the object has no longer leads to the tree, and nothing is
    // removed by it (as when another process removed the tree). The tree, under its new name,
    // is empty: the walk worked through descriptors. cleanup() reports no error.
    test::scratch s;
    const std::string parent = s.dir.string() + "/p";
    BOOST_TEST_REQUIRE(::mkdir(parent.c_str(), 0700) == 0);
    tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(parent));
    const std::string p = t.path().string(), leaf = p.substr(p.rfind('/'));
    BOOST_TEST_REQUIRE(::mkdir((p + "/a").c_str(), 0700) == 0);
    BOOST_TEST_REQUIRE(test::write_file(p + "/a/f", "f"));
    g_parent = parent;
    g_parent_moved_to = s.dir.string() + "/q";
    g_parent_moves = 0;
    BOOST_TEST(cleanup_with_hook(t, p, move_the_parent_away) == 0);
    BOOST_TEST(g_parent_moves == 1);
    BOOST_TEST(test::exists(g_parent_moved_to + leaf));
    BOOST_TEST(!test::exists(g_parent_moved_to + leaf + "/a"));
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("d_type in directory listings; the Windows walk asks the file's attributes"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_checks_entries_of_unknown_or_stale_type, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // A listing that gives no type (DT_UNKNOWN: XFS without ftype, some FUSE and network file
    // systems) makes the walk ask fstatat, never following a symlink; one whose type is stale
    // (a file listed, a directory there when it is removed: EISDIR) makes it descend. Either
    // way the whole tree goes, and the directory a symlink in it leads to is left alone.
    test::scratch s;
    const std::string outside = (s.dir / "outside").string();
    BOOST_REQUIRE(::mkdir(outside.c_str(), 0700) == 0);
    BOOST_REQUIRE(test::write_file(outside + "/keep", "keep"));
    for (int types : {1, 2}) {
        tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
        const std::string p = t.path().string();
        BOOST_REQUIRE(::mkdir((p + "/a").c_str(), 0700) == 0);
        BOOST_REQUIRE(::mkdir((p + "/a/b").c_str(), 0700) == 0);
        BOOST_REQUIRE(test::write_file(p + "/a/b/f", "f"));
        BOOST_REQUIRE(test::write_file(p + "/g", "g"));
        BOOST_REQUIRE(::symlink(outside.c_str(), (p + "/link").c_str()) == 0);
        g_listed_types = types;
        g_retyped = 0;
        boost::system::error_code ec;
        t.cleanup(ec);
        g_listed_types = 0;
        BOOST_TEST(!ec, "types " << types << ": " << ec.message());
        BOOST_TEST(g_retyped >= 4); // the listings went through the interposed call
        BOOST_TEST(!test::exists(p));
        BOOST_TEST(test::file_contents(outside + "/keep") == "keep");
    }
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("d_type in directory listings; the Windows walk asks the file's attributes"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_reports_an_entry_whose_type_cannot_be_had, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // A listing without d_type, and the fstatat that would tell the entry's type fails (EIO):
    // the walk cannot know whether to descend, so it leaves the entry and reports the error
    // naming it; the directory is kept. The fault gone, cleanup() removes all.
    test::scratch s;
    tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
    const std::string p = t.path().string();
    BOOST_REQUIRE(::mkdir((p + "/victim").c_str(), 0700) == 0);
    BOOST_REQUIRE(test::write_file(p + "/victim/f", "f"));
    g_listed_types = 1;
    g_fstatat_error = EIO;
    g_fstatat_name = "victim";
    boost::system::error_code ec;
    t.cleanup(ec);
    int first = ec.value();
    try {
        t.cleanup();
        BOOST_ERROR("no exception");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(e.code() == errc::io_error);
        BOOST_TEST(e.path1().string() == p + "/victim");
    }
    g_listed_types = 0;
    g_fstatat_error = 0;
    g_fstatat_name.clear();
    BOOST_TEST(first == EIO);
    BOOST_TEST(test::file_contents(p + "/victim/f") == "f");
    t.cleanup();
    BOOST_TEST(!test::exists(p));
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("the POSIX tree removal's contract (the Windows one opens the name it is given)"))
BOOST_AUTO_TEST_CASE(tree_removal_refuses_a_relative_name)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // The removal finds the top's parent from the top's name, which the objects always give
    // absolute: a name without a slash is refused (EINVAL), even with the current directory
    // its parent, and nothing is touched.
    test::scratch s;
    const std::string top = (s.dir / "t").string();
    BOOST_REQUIRE(::mkdir(top.c_str(), 0700) == 0);
    BOOST_REQUIRE(test::write_file(top + "/f", "f"));
    int fd = ::open(top.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    BOOST_REQUIRE(fd >= 0);
    struct stat st;
    BOOST_REQUIRE(::fstat(fd, &st) == 0);
    const fs::path old = fs::current_path();
    fs::current_path(s.dir);
    std::string where;
    int h = fd;
    const int r = tf::detail::remove_tree(h, tf::detail::sys::id_of(st), std::string("t"), false, where,
                                          tf::detail::sys::no_dir);
    fs::current_path(old);
    BOOST_TEST(r == -EINVAL);
    BOOST_TEST(h == fd);
    BOOST_TEST(test::file_contents(top + "/f") == "f");
    ::close(fd);
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("the POSIX listing calls (getdents64; fdopendir elsewhere)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_reports_a_listing_that_fails, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // A subdirectory that opens but cannot be listed (EIO: a damaged directory, a network file
    // system gone): the walk reports the error naming it, and leaves it and the top, with what
    // the subdirectory holds. The fault gone, cleanup() removes all.
    test::scratch s;
    tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
    const std::string p = t.path().string();
    BOOST_REQUIRE(::mkdir((p + "/sub").c_str(), 0700) == 0);
    BOOST_REQUIRE(test::write_file(p + "/sub/f", "f"));
    struct stat st;
    BOOST_REQUIRE(::stat((p + "/sub").c_str(), &st) == 0);
    g_list_error_ino = st.st_ino;
    g_list_errors = 0;
    boost::system::error_code ec;
    t.cleanup(ec);
    const boost::system::error_code first = ec;
    try {
        t.cleanup();
        BOOST_ERROR("no exception");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(e.code() == errc::io_error);
        BOOST_TEST(e.path1().string() == p + "/sub");
    }
    g_list_error_ino = 0;
    BOOST_TEST(first == errc::io_error, first.message());
    BOOST_TEST(g_list_errors == 2);
    BOOST_TEST(t.exists());
    BOOST_TEST(test::file_contents(p + "/sub/f") == "f");
    t.cleanup();
    BOOST_TEST(!test::exists(p));
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("d_type in the exit-time walk's listings; Windows removes at exit by its own walk"))
BOOST_AUTO_TEST_CASE(exit_walk_handles_entries_of_unknown_type)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // The exit-time walk (remove_at_exit, the process ending by exit()) on a file system whose
    // listings give no type (DT_UNKNOWN): each entry is tried as a directory first (never
    // following a symlink), a file then removed as a file. The whole tree goes; the directory a
    // symlink in it leads to is left alone.
    test::scratch s;
    const std::string outside = (s.dir / "outside").string();
    BOOST_REQUIRE(::mkdir(outside.c_str(), 0700) == 0);
    BOOST_REQUIRE(test::write_file(outside + "/keep", "keep"));
    int r = test::in_child([&] {
        tf::basic_temp_dir<char, tf::remove_at_exit<>> t(test::dir_in<char>(s.dir));
        const std::string p = t.path().string();
        if (::mkdir((p + "/a").c_str(), 0700) != 0 || ::mkdir((p + "/a/b").c_str(), 0700) != 0 ||
            !test::write_file(p + "/f", "f") || !test::write_file(p + "/a/g", "g") ||
            !test::write_file(p + "/a/b/h", "h") || ::symlink(outside.c_str(), (p + "/link").c_str()) != 0)
            return 2;
        g_listed_types = 1;
        g_retyped = 0;
        std::exit(0); // the object is never destroyed: the exit handler removes its tree
    });
    BOOST_TEST(r == 0);
    std::vector<std::string> e = s.entries();
    BOOST_TEST(e.size() == 1u); // "outside" only
    BOOST_TEST(test::file_contents(outside + "/keep") == "keep");
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("the walk's repair of an unreadable directory; the Windows walk needs none"))
BOOST_AUTO_TEST_CASE_TEMPLATE(walk_refuses_an_unreadable_directory_replaced_before_its_open, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // As a user other than root an unreadable subdirectory cannot be opened: the walk pins it
    // (O_PATH; without O_PATH it lstats it), gives it u+rwx, then opens it and checks that it
    // opened the directory it repaired. Here its name is given to another directory between
    // the repair and the open (the interposed openat): refused (file_exists, naming it), the
    // other directory and what it holds left alone. Without the race, cleanup() removes all.
    test::scratch s;
    int r = as_nobody_in_a_tree<CharT>(s, [&](tf::basic_temp_dir<CharT>& t, const std::string& p) {
            const std::string sub = p + "/sub";
            if (::mkdir(sub.c_str(), 0700) != 0 || !test::write_file(sub + "/f", "f") || ::chmod(sub.c_str(), 0) != 0)
                return 2;
            g_swap_dir = "sub";
            g_dir_opens = 0;
            int result = 0;
            try {
                t.cleanup();
                result = 3;
            } catch (const fs::filesystem_error& e) {
                if (e.code() != errc::file_exists)
                    result = 100 + e.code().value();
                else if (e.path1().string() != sub)
                    result = 4;
            }
            g_swap_dir = nullptr;
            if (result != 0)
                return result;
            if (g_dir_opens != 2)
                return 5; // the walk did not open it a second time (no repair)
            if (test::file_contents(sub + "/new") != "new")
                return 6; // the substitute was changed
            if (!t.exists())
                return 7;
            boost::system::error_code ec;
            t.cleanup(ec);
            return ec ? 8 : test::exists(p) ? 9 : 0;
        });
    BOOST_TEST(r == 0, "child result " << r);
#endif
}

// --- 2b. The by-name repair never follows a symlink (issue 19, item 3) ---------------------------
// Without O_PATH (macOS, the BSDs: the --portable-posix build) an unreadable subdirectory is
// given u+rwx by name. The hook swaps the directory for a symlink to a directory outside the
// tree exactly between the repair's check of the name and its chmod (CPython's CVE-2023-6597):
// the outside directory must keep its mode.

namespace {
#if BOOST_TEMPFILE_TEST_POSIX
constexpr bool repairs_by_name = tf::detail::sys::o_path == 0;
std::string g_outside; // the symlink's target
int g_swaps;           // the hook's calls

void swap_for_symlink(int at, const char* name)
{
    if (g_swaps++ != 0)
        return;
    const std::string dir = path_of_fd(at) + "/" + name;
    BOOST_REQUIRE(::rename(dir.c_str(), (dir + ".parked").c_str()) == 0);
    BOOST_REQUIRE(::symlink(g_outside.c_str(), dir.c_str()) == 0);
}

// body() in a child running as `nobody`, in the scratch directory made world-writable for it,
// with g_outside made: a directory outside the tree (0755) that a swapped-in symlink leads to.
template <class F>
int as_nobody_with_outside(const test::scratch& s, F body)
{
    ::chmod(s.dir.c_str(), 01777);
    const std::string w = s.dir.string();
    return test::in_child(
        [&] {
            g_outside = w + "/outside";
            if (::mkdir(g_outside.c_str(), 0755) != 0 || ::chmod(g_outside.c_str(), 0755) != 0)
                return 2;
            return body();
        },
        true);
}
#else
constexpr bool repairs_by_name = false;
#endif
} // namespace

BOOST_TEST_DECORATOR(*test::skip_unless(repairs_by_name,
                                        "portable POSIX only: the repair of an unreadable directory by name (Linux "
                                        "pins it with O_PATH, so there is no window; --portable-posix runs it)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(repair_by_name_never_follows_a_swapped_symlink, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    int r = as_nobody_with_outside(s, [&] {
            g_swaps = 0;
            if (!test::write_file(g_outside + "/keep", "keep"))
                return 2;
            std::string p;
            {
                tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
                p = t.path().string();
                const std::string sub = p + "/sub";
                if (::mkdir(sub.c_str(), 0700) != 0 || !test::write_file(sub + "/f", "f") || ::chmod(sub.c_str(), 0) != 0)
                    return 3;
                tf::detail::test_hook<tf::detail::chmod_named_hook>() = swap_for_symlink;
                boost::system::error_code ec;
                t.cleanup(ec);
                tf::detail::test_hook<tf::detail::chmod_named_hook>() = nullptr;
                if (g_swaps != 1)
                    return 4; // the repair did not go by name
                if (test::mode_of(g_outside) != 0755)
                    return 10; // the symlink was followed
                if (!test::exists(g_outside + "/keep"))
                    return 11;
                // Undo the attack; the object then removes its tree.
                ::unlink(sub.c_str());
                ::rename((sub + ".parked").c_str(), sub.c_str());
            }
            return test::exists(p) ? 5 : 0;
        });
    BOOST_TEST(r == 0, "child result " << r << (r == 10 ? ": the outside directory's mode was changed" : ""));
    BOOST_TEST(test::mode_of((s.dir / "outside").string()) == 0755u);
#endif
}

namespace {
#if BOOST_TEMPFILE_TEST_POSIX
std::string g_impostor; // the name the hook below gave to something else
bool g_impostor_is_link; // ... a symlink to g_outside, else another directory (mode 0750)

void swap_name(int at, const char* name)
{
    if (g_swaps++ != 0)
        return;
    g_impostor = path_of_fd(at) + "/" + name;
    BOOST_REQUIRE(::rename(g_impostor.c_str(), (g_impostor + ".parked").c_str()) == 0);
    if (g_impostor_is_link)
        BOOST_REQUIRE(::symlink(g_outside.c_str(), g_impostor.c_str()) == 0);
    else
        BOOST_REQUIRE(::mkdir(g_impostor.c_str(), 0700) == 0 && ::chmod(g_impostor.c_str(), 0750) == 0);
}
#endif
} // namespace

BOOST_TEST_DECORATOR(*test::skip_unless(repairs_by_name,
                                        "portable POSIX only: the by-name opening of a directory made without u+r "
                                        "(Linux pins it with O_PATH, so there is no window; --portable-posix runs it)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(created_unreadable_directory_swapped_during_its_opening_is_left_alone, CharT,
                              test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // Under a umask without u+r (0477: mkdir gives 0300), the directory just made is opened by
    // name: given u+r (checked by lstat before and after the chmod), opened, checked to be the
    // same directory, its mode put back. Another party gives the name to something else, at
    // each step: to another directory between the check and the chmod (that chmod reaches
    // it: the by-name route's window), or between the chmod and the open (to another
    // directory, or a symlink to a directory outside). Each time the creation fails with
    // file_exists (the name was taken over: not ours), and what has the name is left there,
    // its mode unchanged after the chmod (the creation used to remove "its" empty directory by
    // name after such a failure: the other one).
    test::scratch s;
    int r = as_nobody_with_outside(s, [&] {
            for (int attack = 0; attack < 3; ++attack) {
                g_swaps = 0;
                g_impostor.clear();
                g_impostor_is_link = attack == 2;
                ::umask(0477);
                boost::system::error_code ec;
                if (attack == 0)
                    tf::detail::test_hook<tf::detail::chmod_named_hook>() = swap_name;
                else
                    tf::detail::test_hook<tf::detail::open_named_hook>() = [](int at, const char* name,
                                                                              const struct stat&) {
                        swap_name(at, name);
                    };
                tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir), ec);
                tf::detail::test_hook<tf::detail::chmod_named_hook>() = nullptr;
                tf::detail::test_hook<tf::detail::open_named_hook>() = nullptr;
                ::umask(077);
                if (g_swaps != 1)
                    return 10 * attack + 3; // not opened by name
                if (ec != errc::file_exists || t.exists())
                    return 10 * attack + 4;
                struct stat st;
                if (::lstat(g_impostor.c_str(), &st) != 0)
                    return 10 * attack + 5; // removed as if it were the one made
                if (attack == 1 && (st.st_mode & 07777) != 0750)
                    return 10 * attack + 6; // its mode "put back"
                if (test::mode_of(g_outside) != 0755)
                    return 10 * attack + 7;
            }
            return 0;
        });
    BOOST_TEST(r == 0, "child result " << r);
#endif
}

// --- 3. persist_noclobber by link + unlink, and its undo ---------------------------------------

BOOST_AUTO_TEST_CASE_TEMPLATE(persist_noclobber_by_link_and_unlink, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows: a delete-on-close file is published by a hard link under a staged name, then a
    // rename that never replaces (MoveFileExW without MOVEFILE_REPLACE_EXISTING). An existing
    // target: file_exists, both files intact, and the staged link taken back (delete-pending
    // while the file is open: see below).
    test::scratch s;
    std::string to = (s.dir / "out").string();
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("mine");
        std::string from = f.path().string();
        f.persist_noclobber(fs::path(to));
        BOOST_TEST(test::file_contents(to) == "mine");
        BOOST_TEST(!test::exists(from));
        BOOST_TEST(f.path().string() == to);
        tf::basic_temp_file<CharT> g(test::file_in<CharT>(s.dir));
        g.write("other");
        boost::system::error_code ec;
        g.persist_noclobber(fs::path(to), ec);
        BOOST_TEST(ec == errc::file_exists);
        BOOST_TEST(test::file_contents(to) == "mine");
        BOOST_TEST(test::file_contents(g.path().string()) == "other");
        BOOST_TEST(only_pending_staged_names(s, {"out", g.path().filename().string()}));
    }
    BOOST_TEST((s.entries() == std::vector<std::string>{"out"})); // the staged link gone with g
#elif BOOST_TEMPFILE_TEST_POSIX
    // renameat2 answers EINVAL (NFS, CIFS, FUSE) then ENOSYS (an old kernel): the file is
    // published by link + unlink, never replacing.
    test::scratch s;
    arm_guard a;
    for (int err : {EINVAL, ENOSYS}) {
        g_renameat2_error = err;
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("mine");
        std::string from = f.path().string(), to = (s.dir / ("out" + std::to_string(err))).string();
        f.persist_noclobber(fs::path(to));
        BOOST_TEST(test::file_contents(to) == "mine");
        BOOST_TEST(!test::exists(from));
        BOOST_TEST(f.path().string() == to);
        // An existing target: EEXIST, both files intact.
        tf::basic_temp_file<CharT> g(test::file_in<CharT>(s.dir));
        g.write("other");
        boost::system::error_code ec;
        g.persist_noclobber(fs::path(to), ec);
        BOOST_TEST(ec == errc::file_exists);
        BOOST_TEST(test::file_contents(to) == "mine");
        BOOST_TEST(test::file_contents(g.path().string()) == "other");
    }
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(persist_noclobber_undoes_the_link_when_unlink_fails, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows: the staged link is made, then the rename onto the target fails (injected:
    // ERROR_ACCESS_DENIED, as a target directory that refuses it): the staged name is taken
    // back (DeleteFileW; the name stays delete-pending while the object's handle is open, on
    // Wine as on Windows before its POSIX-semantics deletion); the object keeps its file under
    // its name and removes it at the end.
    for (bool noclobber : {true, false}) {
        test::scratch s;
        std::string from, to = (s.dir / "out").string();
        {
            arm_guard a;
            tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
            f.write("mine");
            from = f.path().string();
            arm_guard::fail(call::move_file, ERROR_ACCESS_DENIED);
            boost::system::error_code ec;
            if (noclobber)
                f.persist_noclobber(fs::path(to), ec);
            else
                f.persist(fs::path(to), ec);
            BOOST_TEST(ec == errc::permission_denied, ec.message());
            BOOST_TEST(!test::exists(to));
            BOOST_TEST(only_pending_staged_names(s, {f.path().filename().string()})); // taken back
            BOOST_TEST(test::file_contents(from) == "mine");
            BOOST_TEST(f.path().string() == from);
        }
        BOOST_TEST(s.entries().empty()); // still the object's: removed with it
    }
#elif BOOST_TEMPFILE_TEST_POSIX
    // The link is made, then the old name cannot be removed (EPERM: an immutable or
    // append-only directory, a sticky directory of another owner): the new name is taken back,
    // so that the file is not published under two names; the object keeps it under its old
    // name and removes it at the end, as if nothing had happened.
    test::scratch s;
    arm_guard a;
    std::string from, to = (s.dir / "out").string();
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("mine");
        from = f.path().string();
        g_renameat2_error = ENOSYS;
        g_unlink_error = EPERM;
        g_unlink_name = from;
        boost::system::error_code ec;
        f.persist_noclobber(fs::path(to), ec);
        BOOST_TEST(ec == errc::operation_not_permitted);
        g_unlink_error = 0;
        BOOST_TEST(!test::exists(to)); // the undo
        BOOST_TEST(test::file_contents(from) == "mine");
        BOOST_TEST(f.path().string() == from);
        BOOST_TEST(test::exists(from));
    }
    BOOST_TEST(!test::exists(from)); // still the object's: removed with it
    BOOST_TEST(!test::exists(to));
#endif
}

namespace {
#if BOOST_TEMPFILE_TEST_POSIX
bool g_publish_swapped;
// Between publish's check of the old name and its link: the name given to another file.
void swap_before_publish(const tf::detail::sys::native_char* from, const tf::detail::sys::native_char*)
{
    g_publish_swapped = ::rename(from, (std::string(from) + ".mine").c_str()) == 0 && test::write_file(from, "theirs");
}
struct publish_hook_guard
{
    publish_hook_guard() { tf::detail::test_hook<tf::detail::publish_hook>() = swap_before_publish; }
    ~publish_hook_guard() { tf::detail::test_hook<tf::detail::publish_hook>() = nullptr; }
};
#endif
} // namespace

BOOST_TEST_DECORATOR(*test::posix_only("link + unlink after a check of the name; Windows publishes through a staged link (test_windows_hostile)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(persist_noclobber_by_link_takes_back_a_link_to_a_swapped_name, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // Without RENAME_NOREPLACE the file is published by link(from, to). The old name was
    // checked to lead to this file; given to another file before the link, the link names
    // that one: its new name is taken back at once (nothing published), and the other file
    // stays where it is, no longer the object's to remove.
    test::scratch s;
    arm_guard a;
    g_renameat2_error = ENOSYS;
    const std::string to = (s.dir / "out").string();
    std::string from;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("mine");
        from = f.path().string();
        g_publish_swapped = false;
        boost::system::error_code ec;
        {
            publish_hook_guard h;
            f.persist_noclobber(fs::path(to), ec);
        }
        BOOST_TEST(g_publish_swapped);
        BOOST_TEST(ec == errc::no_such_file_or_directory);
        BOOST_TEST(!test::exists(to)); // the link to the other file, taken back
        BOOST_TEST(test::file_contents(from) == "theirs");
        BOOST_TEST(test::contents(f) == "mine"); // the object's file, open still
    }
    BOOST_TEST(test::file_contents(from) == "theirs"); // not removed with the object
    BOOST_TEST(test::file_contents(from + ".mine") == "mine");
    BOOST_TEST(!test::exists(to));
#endif
}

// --- 4. a directory taken over between mkdir and open ------------------------------------------

BOOST_AUTO_TEST_CASE_TEMPLATE(dir_taken_over_after_mkdir_is_refused, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows: between CreateDirectoryW and the open that checks what was made, the name is
    // given to the attacker's file: not used, not removed.
    test::scratch s;
    arm_guard a;
    g_takeover_in = s.dir;
    g_mkdir_takeover = true;
    boost::system::error_code ec;
    tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir), ec);
    BOOST_TEST(!g_mkdir_takeover); // the hook ran
    BOOST_TEST(ec == errc::file_exists);
    BOOST_TEST(!t.exists());
    BOOST_TEST(test::file_contents(g_taken_over) == "theirs");
    BOOST_TEST(s.entries().size() == 1u);
    g_mkdir_takeover = true; // the throwing form names it
    try {
        tf::basic_temp_dir<CharT> u(test::dir_in<CharT>(s.dir));
        BOOST_ERROR("no exception");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(e.code() == errc::file_exists);
        BOOST_TEST(test::narrow(e.path1().wstring()) == g_taken_over);
    }
    BOOST_TEST(test::file_contents(g_taken_over) == "theirs");
#elif BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    arm_guard a;
    // The name given to a file: creation fails naming it, and the file is left alone.
    g_mkdir_takeover = 1;
    try {
        tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir));
        BOOST_ERROR("no exception");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(e.code() == errc::not_a_directory);
        BOOST_TEST(e.path1().filename().string() == fs::path(g_taken_over).filename().string());
    }
    BOOST_TEST(test::file_contents((s.dir / fs::path(g_taken_over).filename()).string()) == "theirs");
    // The directory given to another user (or by the file system: NFS root_squash): not used,
    // and the empty directory this call made is removed.
    if (::geteuid() == 0) {
        g_mkdir_takeover = 2;
        boost::system::error_code ec;
        tf::basic_temp_dir<CharT> t(test::dir_in<CharT>(s.dir), ec);
        BOOST_TEST(ec == errc::operation_not_permitted);
        BOOST_TEST(!t.exists());
        BOOST_TEST(!test::exists((s.dir / fs::path(g_taken_over).filename()).string()));
    }
#endif
}

// --- 5. a durable publish whose directory fsync fails ------------------------------------------

BOOST_AUTO_TEST_CASE_TEMPLATE(durable_publish_reports_a_failed_directory_fsync, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows has no directory to flush (NTFS journals the rename): a durable publish flushes
    // the file first (FlushFileBuffers); when that fails (injected: ERROR_IO_DEVICE) it is
    // reported and nothing is published, the object keeping its file.
    test::scratch s;
    arm_guard a;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.write("persisted");
    const std::string from = f.path().string(), to = (s.dir / "persisted").string();
    arm_guard::fail(call::flush, ERROR_IO_DEVICE);
    boost::system::error_code ec;
    f.persist(fs::path(to), tf::durability::durable, ec);
    BOOST_TEST(ec.value() == static_cast<int>(ERROR_IO_DEVICE), ec.message());
    BOOST_TEST(!test::exists(to));
    BOOST_TEST(f.path().string() == from);
    BOOST_TEST(test::file_contents(from) == "persisted");
    try { // the throwing form
        f.persist_noclobber(fs::path(to), tf::durability::durable);
        BOOST_ERROR("no exception");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(e.code().value() == static_cast<int>(ERROR_IO_DEVICE));
        BOOST_TEST(e.path1().string() == from); // the file that could not be flushed
    }
    BOOST_TEST(!test::exists(to));
    f.persist(fs::path(to), tf::durability::none); // not durable: no flush asked, published
    BOOST_TEST(test::file_contents(to) == "persisted");
    arm_guard::fail(call::flush, 0);
    f.persist(fs::path(to + ".2"), tf::durability::durable);
    BOOST_TEST(test::file_contents(to + ".2") == "persisted");
#elif BOOST_TEMPFILE_TEST_POSIX
    // The file is published, but its new entry is not durable: reported (EIO), the file where
    // it was published, the object following it there.
    test::scratch s;
    arm_guard a;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("persisted");
        std::string to = (s.dir / "persisted").string();
        g_dir_fsync_error = EIO;
        g_dir_fsyncs = 0;
        boost::system::error_code ec;
        f.persist(fs::path(to), tf::durability::durable, ec);
        BOOST_TEST(ec == errc::io_error);
        BOOST_TEST(g_dir_fsyncs >= 1);
        BOOST_TEST(test::file_contents(to) == "persisted");
        BOOST_TEST(f.path().string() == to);
        g_dir_fsync_error = 0;
        try { // the throwing form names the target
            tf::basic_temp_file<CharT> g(test::file_in<CharT>(s.dir));
            g_dir_fsync_error = EIO;
            g.persist_noclobber(fs::path(to + ".2"), tf::durability::durable);
            BOOST_ERROR("no exception");
        } catch (const fs::filesystem_error& e) {
            BOOST_TEST(e.code() == errc::io_error);
            BOOST_TEST(test::exists(to + ".2"));
        }
        g_dir_fsync_error = 0;
    }
    if (BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS) { // link() names an O_TMPFILE file: Linux only
        tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
        f.write("linked");
        std::string to = (s.dir / "linked").string();
        g_dir_fsync_error = EIO;
        boost::system::error_code ec;
        f.link(fs::path(to), tf::durability::durable, ec);
        BOOST_TEST(ec == errc::io_error);
        BOOST_TEST(test::file_contents(to) == "linked");
        g_dir_fsync_error = 0;
    }
#endif
}

// --- 7. spooled files moved by assignment ------------------------------------------------------

BOOST_AUTO_TEST_CASE_TEMPLATE(spooled_move_assignment_in_memory_and_rolled_over, CharT, test::char_types)
{
    test::scratch s;
    using spooled = tf::basic_temp_file<CharT, tf::spooled_file<>>;
    auto read_back = [](spooled& f) {
        f.seek(0);
        std::string r(64, '\0');
        r.resize(f.read(&r[0], r.size()));
        return r;
    };
    // In memory, into an object in memory and into one rolled over.
    for (bool target_rolled : {false, true}) {
        spooled a(test::spooled_in<CharT>(s.dir, 30));
        a.write("in memory");
        spooled b(test::spooled_in<CharT>(s.dir, 4));
        b.write(target_rolled ? "rolled over" : "x");
        BOOST_TEST(b.rolled_over() == target_rolled);
        b = std::move(a);
        BOOST_TEST(b.is_open());
        BOOST_TEST(!b.rolled_over());
        BOOST_TEST(b.tell() == 9);
        BOOST_TEST(read_back(b) == "in memory");
        BOOST_TEST(!a.is_open()); // NOLINT(bugprone-use-after-move): moved from, empty
        b.write(std::string(30, 'y')); // the max_size moved along: rolls over past 30
        BOOST_TEST(b.rolled_over());
        BOOST_TEST(read_back(b) == "in memory" + std::string(30, 'y'));
    }
    // Rolled over, into an object in memory.
    {
        spooled a(test::spooled_in<CharT>(s.dir, 4));
        a.write("rolled over");
        spooled b(test::spooled_in<CharT>(s.dir, 30));
        b.write("x");
        b = std::move(a);
        BOOST_TEST(b.rolled_over());
        BOOST_TEST(read_back(b) == "rolled over");
        BOOST_TEST(!a.is_open()); // NOLINT(bugprone-use-after-move)
    }
}

// --- 7. the held tempdir's descriptor outlives every lease ---------------------------------------

// pinned_temp_dir objects hold the tempdir's directory open through a shared value. The last
// object of a value counts itself out; before it looks whether the value was retired, another
// object takes a lease (the value is still current) and set_tempdir retires it. The old
// count-and-flag pair then closed the descriptor under the new object, which removed its file
// through a closed descriptor: the file stayed (pinned_creation_races_set_tempdir_safely
// caught it under load, one run in a few hundred). The hook runs that interleaving in order.
namespace {
template <class CharT>
struct late_lease
{
    static inline std::optional<tf::basic_temp_file<CharT, tf::pinned_temp_dir>> file;
    static inline boost::filesystem::path next_tempdir;
    static inline int fired = 0;
    static void hook(const tf::detail::sys::native_char*)
    {
        if (fired++ != 0)
            return; // once: the new object's own counting calls it again
        file.emplace(); // a lease on the value still current
        tf::set_tempdir(next_tempdir); // retires it, with a user
    }
};
} // namespace

BOOST_TEST_DECORATOR(*test::posix_only("pinned_temp_dir holds a directory descriptor (Windows holds none)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_lease_taken_as_the_last_one_lets_go_keeps_the_directory_open, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    using late = late_lease<CharT>;
    test::scratch s;
    fs::create_directory(s.dir / "a");
    fs::create_directory(s.dir / "b");
    late::next_tempdir = s.dir / "b";
    late::fired = 0;
    const int fds = test::open_fds();
    tf::set_tempdir(s.dir / "a");
    {
        tf::basic_temp_file<CharT, tf::pinned_temp_dir> first; // opens a, held by the value
        BOOST_TEST(test::open_fds() == fds + 2);
        tf::detail::test_hook<tf::detail::lease_release_hook>() = &late::hook;
    } // first lets go of its lease: the hook's object takes one, then a is retired
    tf::detail::test_hook<tf::detail::lease_release_hook>() = nullptr;
    BOOST_TEST_REQUIRE(late::fired > 0);
    BOOST_TEST_REQUIRE(late::file.has_value());
    const fs::path p = late::file->path();
    BOOST_TEST(p.parent_path() == s.dir / "a");
    BOOST_TEST(test::open_fds() == fds + 2); // a's descriptor (the object's lease) and the file
    BOOST_TEST(late::file->write("held") == 4u);
    late::file.reset(); // removed relative to a's descriptor, which it then closes
    BOOST_TEST(!test::exists(p.string()));
    BOOST_TEST(fs::is_empty(s.dir / "a"));
    BOOST_TEST(test::open_fds() == fds);
    tf::reset_tempdir();
#endif
}
