// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_OPS_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_OPS_HPP

// The seam's operations on POSIX: what the portable layers ask of the system (detail/platform.hpp
// lists them), each made of the wrappers in sys.hpp. Results are >= 0 or -errno.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/platform.hpp> // adopt_refusal
#include <boost/tempfile/detail/posix/sys.hpp>
#include <boost/tempfile/detail/test_hooks.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>


namespace boost {
namespace tempfile {
namespace detail {

// Cleared for the rest of the process when the kernel turns out to lack O_TMPFILE (EISDIR:
// kernels before 3.11 read the flag as O_DIRECTORY).
// (Declared in detail/system.hpp.)
BOOST_TEMPFILE_DETAIL_STATE std::atomic<bool>& tmpfile_supported() noexcept
{
    static std::atomic<bool> v{sys::o_tmpfile != 0};
    return v;
}

namespace sys {

// ---- Names and directories.

// The current directory, or "." if it cannot be had.
BOOST_TEMPFILE_DETAIL_DECL native_string current_dir()
{
    std::string buf(256, '\0');
    for (;;) {
        if (::getcwd(&buf[0], buf.size())) {
            buf.resize(std::char_traits<char>::length(buf.c_str()));
            return buf;
        }
        if (errno != ERANGE)
            return ".";
        buf.resize(buf.size() * 2);
    }
}

// `p` made absolute against the current directory (no other normalisation), without
// trailing separators except for the root.
BOOST_TEMPFILE_DETAIL_DECL native_string absolute(native_string p)
{
    if (p.empty() || p[0] != '/') {
        std::string cwd = current_dir();
        if (p.empty() || p == ".")
            p = std::move(cwd);
        else
            p = cwd + (cwd.size() > 0 && cwd.back() == '/' ? "" : "/") + p;
    }
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    return p;
}

// Python's _candidate_tempdir_list() on POSIX: TMPDIR, TEMP, TMP (unset or empty skipped;
// ignored in set-user-ID programs), /tmp, /var/tmp, /usr/tmp, then the current directory.
BOOST_TEMPFILE_DETAIL_DECL std::vector<native_string> candidate_tempdirs()
{
    std::vector<native_string> r;
    for (const char* var : {"TMPDIR", "TEMP", "TMP"}) {
        const char* v = secure_getenv(var);
        if (v && *v)
            r.emplace_back(v);
    }
    for (const char* d : {"/tmp", "/var/tmp", "/usr/tmp"})
        r.emplace_back(d);
    r.push_back(current_dir());
    return r;
}

// $XDG_RUNTIME_DIR when it is set and absolute, else nullptr (runtime_dir's candidate).
BOOST_TEMPFILE_DETAIL_DECL const native_char* runtime_dir() noexcept
{
    const char* v = secure_getenv("XDG_RUNTIME_DIR");
    return v && v[0] == '/' ? v : nullptr;
}

// A held directory for pinned_temp_dir (O_PATH, else O_SEARCH or O_RDONLY): 0 with `out`
// set, or -errno.
BOOST_TEMPFILE_DETAIL_DECL int open_dir_pin(const native_char* path, dir_type& out) noexcept
{
    int fd = openat(AT_FDCWD, path, o_dir_pin | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0)
        out = fd;
    return fd < 0 ? fd : 0;
}

// ---- Creation. `dir` is a held directory and `name` relative to it, or no_dir and an
// absolute name (as openat).

// Flags of every named file the library creates (Python's _bin_openflags plus O_CLOEXEC),
// mode 0600. A descriptor, or -errno (-EEXIST on any existing entry, symlinks included).
BOOST_TEMPFILE_DETAIL_DECL int create_file(dir_type dir, const native_char* name, handle_type& h, unsigned) noexcept
{
    int fd = openat(dir, name, exclusive_flags, 0600);
    if (fd >= 0)
        h = fd;
    return fd;
}

// A file with no name in `path` (O_TMPFILE, linkable), or -errno (-EOPNOTSUPP once the kernel
// turned out to lack it).
BOOST_TEMPFILE_DETAIL_DECL int open_unnamed(dir_type dir, const native_char* path, handle_type& h) noexcept
{
    if (o_tmpfile == 0 || !tmpfile_supported().load(std::memory_order_relaxed))
        return -EOPNOTSUPP; // (a test may set the flag: without O_TMPFILE it means nothing)
    int fd = openat(dir, path, o_tmpfile | O_RDWR | O_CLOEXEC, 0600);
    if (fd == -EISDIR)
        tmpfile_supported().store(false, std::memory_order_relaxed);
    if (fd >= 0)
        h = fd;
    return fd;
}

// A directory private to the user (0700). 0 or -errno.
BOOST_TEMPFILE_DETAIL_DECL int create_dir(dir_type dir, const native_char* name) noexcept
{
    return mkdirat(dir, name, 0700);
}

// 0 if nothing has the name (symlinks count), -EEXIST if something has, or another -errno.
BOOST_TEMPFILE_DETAIL_DECL int probe_name(dir_type dir, const native_char* name) noexcept
{
    struct ::stat st;
    int r = fstatat(dir, name, st, AT_SYMLINK_NOFOLLOW);
    return r == 0 ? -EEXIST : (r == -ENOENT ? 0 : r);
}

// Removes the file (or the empty directory) `name`. 0 or -errno.
BOOST_TEMPFILE_DETAIL_DECL int remove_at(dir_type dir, const native_char* name, bool directory) noexcept
{
    return unlinkat(dir, name, directory ? AT_REMOVEDIR : 0);
}

// The directory just made, under a umask that took away u+r: pinned (O_PATH, no symlink
// followed; without O_PATH, lstat'ed and changed by name: chmod_dir_named), checked to be a
// directory of ours without u+r, given u+r just long enough to open it for reading (through
// the pin; by name, then checked to be the same directory), then its mode put back. The
// descriptor; -EEXIST when (by name) the name was found taken over meanwhile: not ours, and
// left alone; else -EACCES.
inline int open_unreadable(int at, const char* name) noexcept
{
    // Which of the two routes is taken is known when compiling (if constexpr): a build has
    // the code of its own route only.
    int pin = -1;
    struct ::stat st;
    if constexpr (o_path != 0) {
        pin = openat(at, name, o_path | O_DIRECTORY | o_nofollow | O_CLOEXEC);
        if (pin < 0 || fstat(pin, st) != 0) {
            if (pin >= 0)
                close(pin);
            return -EACCES;
        }
    } else if (fstatat(at, name, st, AT_SYMLINK_NOFOLLOW) != 0) {
        return -EACCES;
    }
    auto set_mode = [&](::mode_t m) {
        if constexpr (o_path != 0)
            return fchmod_pinned(pin, m);
        else
            return chmod_dir_named(at, name, st, m);
    };
    int fd = -EACCES;
    if (S_ISDIR(st.st_mode) && creates_as(st.st_uid) && !(st.st_mode & S_IRUSR)) {
        fd = set_mode((st.st_mode & 07777) | S_IRUSR);
        if (fd == 0) {
            if constexpr (o_path != 0) {
                fd = openat(pin, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            } else {
                BOOST_TEMPFILE_DETAIL_HOOK(::boost::tempfile::detail::open_named_hook, at, name, st); // the race window
                fd = openat(at, name, O_RDONLY | O_DIRECTORY | o_nofollow | O_CLOEXEC);
                struct ::stat now;
                if (fd >= 0 && (fstat(fd, now) != 0 || !(now.st_dev == st.st_dev && now.st_ino == st.st_ino))) {
                    close(fd);
                    fd = -EEXIST; // replaced in between
                } else if (fd == -ELOOP || fd == -ENOTDIR) {
                    fd = -EEXIST; // a symlink or a file has the name now
                }
            }
            if (fd >= 0)
                fchmod(fd, st.st_mode & 07777);
            else
                set_mode(st.st_mode & 07777); // (by name: only if it is still ours)
        }
    }
    if constexpr (o_path != 0)
        close(pin);
    return fd >= 0 || fd == -EEXIST ? fd : -EACCES;
}

// Opens the directory create_dir just made (never through a symlink) and checks that it is
// ours: the descriptor and its identity, or -errno (-EEXIST: the name was taken over between
// the two calls, and what has it now is not ours to remove; -EPERM: it has another owner,
// and the caller removes the empty directory it made).
BOOST_TEMPFILE_DETAIL_DECL int open_created_dir(dir_type dir, const native_char* name, handle_type& h, file_id& id) noexcept
{
    int fd = openat(dir, name, O_RDONLY | O_DIRECTORY | o_nofollow | O_CLOEXEC);
    if (fd == -EACCES) // a umask without u+r (0477): mkdir gave 0300
        fd = open_unreadable(dir, name);
    struct ::stat st;
    int err = fd < 0 ? fd : fstat(fd, st);
    if (err == 0 && !S_ISDIR(st.st_mode))
        err = -EEXIST; // the name was taken over between mkdir and open: not ours
    else if (err == 0 && !creates_as(st.st_uid))
        err = -EPERM; // another owner: taken over, or given by the file system (NFS
                      // root_squash, vfat uid=); we cannot tell, so we do not use it
    if (err < 0) {
        if (fd >= 0)
            close(fd);
        return err;
    }
    h = fd;
    id = id_of(st);
    return 0;
}

// Whether `path` names the file `id` now (lstat: a symlink there is not it).
BOOST_TEMPFILE_DETAIL_DECL bool name_leads_to(const native_char* path, const file_id& id) noexcept
{
    struct ::stat st;
    return lstat(path, st) == 0 && same_file(st, id);
}

// Tells systemd-tmpfiles that the directory is in use (a shared flock). Best effort.
BOOST_TEMPFILE_DETAIL_DECL void mark_in_use(handle_type h) noexcept
{
    flock(h, LOCK_SH | LOCK_NB);
}

// ---- Files.

// Opens the open file `h` again for reading and writing (O_CLOEXEC) and checks that `path`
// still leads to it (device and inode): 0 with `out` set; 1 if the name leads to another file
// now (nothing is left open); or -errno. No open ever goes through a symlink or opens a FIFO
// or a device planted under the name: with /proc, the descriptor's own file is opened
// (/proc/self/fd/N) after an lstat of the name; without, the name is lstat'ed first (a regular
// file, this one), then opened with O_NOFOLLOW | O_NONBLOCK and checked again.
BOOST_TEMPFILE_DETAIL_DECL int reopen_same(handle_type h, const native_char* path, handle_type& out) noexcept
{
    struct ::stat mine, there;
    if (int r = fstat(h, mine); r < 0)
        return r;
    if (int r = lstat(path, there); r < 0 && r != -ENOENT)
        return r;
    else if (r < 0 || !S_ISREG(there.st_mode) || there.st_dev != mine.st_dev || there.st_ino != mine.st_ino)
        return 1;
#if BOOST_TEMPFILE_DETAIL_HAS_PROC_SELF
    char proc[32];
    int fd = open(proc_fd_path(h, proc), O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd != -ENOENT) { // no /proc mounted: by name
        if (fd >= 0)
            out = fd;
        return fd < 0 ? fd : 0;
    }
#endif
    int fd2 = open(path, O_RDWR | O_CLOEXEC | O_NOCTTY | o_nofollow | O_NONBLOCK);
    if (fd2 < 0)
        return fd2 == -ELOOP || fd2 == -ENXIO ? 1 : fd2; // a symlink, a FIFO without reader
    int r = fstat(fd2, there);
    if (r < 0 || !S_ISREG(there.st_mode) || there.st_dev != mine.st_dev || there.st_ino != mine.st_ino) {
        close(fd2);
        return r < 0 ? r : 1;
    }
    int fl = ::fcntl(fd2, F_GETFL);
    if (fl >= 0)
        ::fcntl(fd2, F_SETFL, fl & ~O_NONBLOCK);
    out = fd2;
    return 0;
}

// keep_delete_on_close, set_delete_on_close: not here (POSIX never makes a file the system
// deletes: has_delete_on_close is false, and no caller is compiled; detail/system.hpp).

// ---- Adopting what exists (adopt()): reopen()'s identity rules. 0 on success, a positive
// adopt_refusal, or -errno.

// What lstat or fstat said of an entry to adopt as a directory or as a file.
inline int adopt_refused(const struct ::stat& st, bool directory) noexcept
{
    using r = adopt_refusal;
    if (S_ISLNK(st.st_mode))
        return static_cast<int>(r::symlink);
    if (S_ISDIR(st.st_mode) != directory && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)))
        return static_cast<int>(directory ? r::not_a_dir : r::not_a_file);
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
        return static_cast<int>(r::special);
    if (!creates_as(st.st_uid))
        return static_cast<int>(r::other_owner);
    return 0;
}

// Opens the existing regular file `path` for reading and writing: checked with lstat first
// (nothing else is ever opened: no FIFO, no device), then opened without following a symlink
// and without blocking, and checked to be what lstat saw. 0 with `h` set.
BOOST_TEMPFILE_DETAIL_DECL int adopt_file(const native_char* path, handle_type& h) noexcept
{
    struct ::stat st, got;
    if (int r = lstat(path, st); r < 0)
        return r;
    if (int c = adopt_refused(st, false))
        return c;
    int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | o_nofollow | O_CLOEXEC);
    if (fd < 0) // ELOOP: a symlink put there since the lstat
        return fd == -ELOOP ? static_cast<int>(adopt_refusal::not_same_file) : fd;
    int r = fstat(fd, got);
    if (r == 0 && !same_file(got, id_of(st)))
        r = static_cast<int>(adopt_refusal::not_same_file);
    if (r == 0) { // O_NONBLOCK was for the open only
        int fl = ::fcntl(fd, F_GETFL);
        if (fl < 0 || ::fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0)
            r = -errno;
    }
    if (r != 0) {
        close(fd);
        return r;
    }
    h = fd;
    return 0;
}

// Whether the open file `h` may be adopted under `path`: a regular file of ours, and `path`
// (not a symlink) leads to it. Nothing is opened or closed.
BOOST_TEMPFILE_DETAIL_DECL int adopt_handle(handle_type h, const native_char* path) noexcept
{
    struct ::stat mine, st;
    if (h < 0 || fstat(h, mine) < 0)
        return static_cast<int>(adopt_refusal::bad_handle);
    if (int c = adopt_refused(mine, false))
        return c;
    if (int r = lstat(path, st); r < 0)
        return r;
    if (S_ISLNK(st.st_mode))
        return static_cast<int>(adopt_refusal::symlink);
    return same_file(st, id_of(mine)) ? 0 : static_cast<int>(adopt_refusal::not_same_file);
}

// Opens the existing directory `path` (lstat first, never through a symlink) and checks it is
// what lstat saw: 0 with `h` and its identity set.
BOOST_TEMPFILE_DETAIL_DECL int adopt_dir(const native_char* path, handle_type& h, file_id& id) noexcept
{
    struct ::stat st, got;
    if (int r = lstat(path, st); r < 0)
        return r;
    if (int c = adopt_refused(st, true))
        return c;
    int fd = open(path, O_RDONLY | O_DIRECTORY | o_nofollow | O_CLOEXEC);
    if (fd < 0)
        return fd == -ELOOP || fd == -ENOTDIR ? static_cast<int>(adopt_refusal::not_same_file) : fd;
    int r = fstat(fd, got);
    if (r == 0 && !same_file(got, id_of(st)))
        r = static_cast<int>(adopt_refusal::not_same_file);
    if (r != 0) {
        close(fd);
        return r;
    }
    h = fd;
    id = id_of(st);
    return 0;
}


BOOST_TEMPFILE_DETAIL_DECL std::int64_t seek(handle_type h, std::int64_t off, int whence) noexcept
{
    return lseek(h, off, whence);
}

BOOST_TEMPFILE_DETAIL_DECL int truncate(handle_type h, std::uint64_t size) noexcept
{
    return ftruncate(h, size);
}

BOOST_TEMPFILE_DETAIL_DECL int sync(handle_type h) noexcept
{
    return fsync(h);
}

// Like write_all, at an offset; the position afterwards is unspecified.
BOOST_TEMPFILE_DETAIL_DECL int write_all_at(handle_type h, const void* buf, std::size_t n, std::int64_t off) noexcept
{
    return pwrite_all(h, buf, n, off);
}

// Opens the file `path` names (closed by the object, still named), never through a symlink,
// to sync it or set its mode. 0 with h set, or -errno.
BOOST_TEMPFILE_DETAIL_DECL int open_existing(const native_char* path, handle_type& h) noexcept
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | o_nofollow);
    if (fd >= 0)
        h = fd;
    return fd < 0 ? fd : 0;
}

// The permission bits a published file gets (publish_mode; permissions_of and new_file_mode
// are in sys.hpp).
BOOST_TEMPFILE_DETAIL_DECL int set_mode(handle_type h, unsigned mode) noexcept
{
    return fchmod(h, to<::mode_t>(mode));
}

// The permission bits (07777) of the open file `h`, read before publishing changes them, so
// that a publish that fails can put them back (set_mode). 0 or -errno.
BOOST_TEMPFILE_DETAIL_DECL int mode_of(handle_type h, unsigned* mode) noexcept
{
    struct ::stat st;
    int r = fstat(h, st);
    if (r == 0)
        *mode = st.st_mode & 07777;
    return r;
}

// fsync of the directory `path`, so that a new entry in it survives a crash. 0 or -errno.
BOOST_TEMPFILE_DETAIL_DECL int sync_dir(const native_char* path) noexcept
{
    return fsync_path(path);
}

// Renames the open file `h` from `from` to `to`: replacing what is there, or never
// (renameat2 RENAME_NOREPLACE, else link + unlink: -EEXIST and both files intact). The move
// is checked against `h` (device and inode): `from` must lead to it before, and `to` after. In
// a directory others may write to without the sticky bit, the name may be swapped for another
// file, which must not be published. Results: 0; 2 if `from` does not lead to this file (gone,
// or another file is there: nothing was renamed); 1 if `to` leads to another file after the
// rename (the name was swapped between the check and the rename: what was renamed is not this
// file; reported, not undone); or -errno. With `h` closed (the name kept after close()), the
// rename is by name only.
BOOST_TEMPFILE_DETAIL_DECL int publish(handle_type& h, const native_char* from, const native_char* to, bool noclobber, bool) noexcept
{
    struct ::stat mine, st;
    const bool checked = h != invalid_handle;
    if (checked) {
        if (int r = fstat(h, mine); r < 0)
            return r;
        int r = lstat(from, st);
        if (r < 0 && r != -ENOENT)
            return r;
        if (r < 0 || !same_file(st, id_of(mine)))
            return 2;
    }
    auto lands = [&] { return !checked || (lstat(to, st) == 0 && same_file(st, id_of(mine))); };
    BOOST_TEMPFILE_DETAIL_HOOK(::boost::tempfile::detail::publish_hook, from, to);
    if (!noclobber) {
        int r = rename(from, to);
        return r < 0 ? r : lands() ? 0 : 1;
    }
    int r = rename_noreplace(from, to);
    if (r == -ENOSYS || r == -EINVAL) { // no RENAME_NOREPLACE here: link never replaces
        r = link(from, to);
        if (r == 0 && !lands()) { // linked another file: that name is taken back, nothing changed
            unlink(to);
            return 2;
        }
        if (r == 0) {
            int u = unlink(from);
            if (u < 0) { // undo: the object keeps its file under its old name
                unlink(to);
                r = u;
            }
        }
        return r;
    }
    return r < 0 ? r : lands() ? 0 : 1;
}

// Gives the anonymous file `h` (open_unnamed) the name `to`, never replacing. 0 or -errno.
// Only where a file made without a name can be named (names_unnamed_files: Linux).
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS
BOOST_TEMPFILE_DETAIL_DECL int link_unnamed(handle_type h, const native_char* to) noexcept
{
    return link_descriptor(h, to);
}
#endif

// The descriptor mkstemp hands out: the file's own (`text` means nothing on POSIX).
BOOST_TEMPFILE_DETAIL_DECL int to_crt_descriptor(handle_type h, bool) noexcept
{
    return h;
}

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_POSIX_OPS_HPP
