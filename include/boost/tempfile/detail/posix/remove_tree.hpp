// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_REMOVE_TREE_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_REMOVE_TREE_HPP

// The removal of a temporary directory and everything in it, relative to descriptors only
// (openat(O_NOFOLLOW | O_DIRECTORY), getdents, unlinkat, fstat). A symlink is removed,
// never followed; nothing is resolved by path twice; modes are repaired only with fchmod on
// descriptors of directories inside the tree; the walk is iterative and keeps at most
// tree_max_open descriptors open; a flat tree needs no descriptor besides the one held.
// doc/security.adoc tells the whole story.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/posix/sys.hpp>
#include <boost/tempfile/detail/test_hooks.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>


namespace boost {
namespace tempfile {
namespace detail {

using sys::file_id;
using sys::same_file;

// Descriptors the walk keeps open at once, besides the root's (deeper trees re-open a
// directory let go through ".." of its child, checking its identity; by name from the
// nearest open ancestor only if that fails).
inline constexpr std::size_t tree_max_open = 32;

// The walk below one directory. Errors are -errno; the first is kept with the path of the
// entry (relative to the root) where it happened.
class tree_walk
{
public:
    tree_walk(int root, ::dev_t dev, bool keep_going) noexcept
        : root_(root), dev_(dev), keep_going_(keep_going)
    {}
    tree_walk(const tree_walk&) = delete;
    tree_walk& operator=(const tree_walk&) = delete;
    ~tree_walk() { release(0); }

    // Removes everything below the root (which stays). 0 or the first error.
    int run(std::string& where)
    {
        buf_.resize(4096); // 32 KiB, 8-byte aligned, for getdents
        stack_.clear();
        low_ = 1;
        stack_.push_back(frame{});
        stack_[0].fd = root_;
        int r = static_cast<int>(sys::lseek(root_, 0, SEEK_SET)); // 0, or -errno
        if (r < 0 || (r = list(0)) < 0)
            fail(r, 0, nullptr);
        // Listing through the held descriptor needs no permission; removing entries and opening
        // subdirectories need u+wx on the tree's own top: repaired only when there are entries
        // (an empty directory costs no fstat).
        struct ::stat st;
        if (!stack_[0].entries.empty() && sys::fstat(root_, st) == 0 && (st.st_mode & 0700) != 0700)
            sys::fchmod(root_, 0700);
        while (!(first_ != 0 && !keep_going_)) {
            std::size_t top = stack_.size() - 1;
            frame& f = stack_[top];
            if (f.next < f.entries.size()) {
                unsigned char type = static_cast<unsigned char>(f.entries[f.next]);
                name_.assign(f.entries.c_str() + f.next + 1);
                f.next += name_.size() + 2;
                entry(top, type, 0);
            } else if (top == 0) {
                break;
            } else {
                finish(top);
            }
        }
        release(0);
        where = std::move(where_);
        return first_;
    }

private:
    struct frame
    {
        int fd = -1;          // -1 while let go (re-opened on the way back up)
        file_id id;           // what fstat said when it was first opened
        std::string name;     // in the parent; empty for the root
        std::string entries;  // as listed: d_type byte, name, NUL; repeated
        std::size_t next = 0; // offset of the next entry to remove
        unsigned passes = 0;  // listings after the first (new entries appeared)
        bool failed = false;  // something below it stays
    };

    // Records an error at `name` in frame i (or at frame i itself); true to go on.
    bool fail(int err, std::size_t i, const char* name)
    {
        stack_[i].failed = true;
        if (first_ == 0) {
            first_ = err;
            for (std::size_t k = 1; k <= i; ++k) {
                if (!where_.empty())
                    where_ += '/';
                where_ += stack_[k].name;
            }
            if (name) {
                if (!where_.empty())
                    where_ += '/';
                where_ += name;
            }
        }
        return keep_going_;
    }

    // Lists frame i. Without getdents64 the listing takes a descriptor of its own (fdopendir
    // on a duplicate): at the descriptor limit another frame's is let go, as open_in does.
    int list(std::size_t i)
    {
        for (;;) {
            frame& f = stack_[i];
            f.entries.clear();
            f.next = 0;
            int r = sys::read_directory(f.fd, buf_.data(), buf_.size() * sizeof(std::uint64_t),
                                        [&f](const char* n, unsigned char type) {
                                            f.entries += static_cast<char>(type);
                                            f.entries += n;
                                            f.entries += '\0';
                                        });
            if constexpr (sys::listing_takes_descriptor)
                if ((r == -EMFILE || r == -ENFILE) && evict(i, i))
                    continue;
            return r;
        }
    }

    // Closes the descriptors of frames [from, end) but the root's.
    void release(std::size_t from) noexcept
    {
        for (std::size_t k = from < 1 ? 1 : from; k < stack_.size(); ++k)
            if (stack_[k].fd >= 0) {
                sys::close(stack_[k].fd);
                stack_[k].fd = -1;
                --open_;
            }
    }

    // Lets go of the shallowest open descriptor but the root's and frames a and b. The scan
    // starts at low_, below which every frame is let go (so a deep walk stays linear).
    bool evict(std::size_t a, std::size_t b) noexcept
    {
        while (low_ < stack_.size() && stack_[low_].fd < 0)
            ++low_;
        for (std::size_t k = low_; k < stack_.size(); ++k)
            if (stack_[k].fd >= 0 && k != a && k != b) {
                sys::close(stack_[k].fd);
                stack_[k].fd = -1;
                --open_;
                return true;
            }
        return false;
    }

    // openat within the budget; on EMFILE/ENFILE, lets go of a descriptor and tries again.
    int open_in(std::size_t parent, const char* name, int flags, std::size_t keep) noexcept
    {
        if (open_ >= tree_max_open)
            evict(parent, keep);
        for (;;) {
            int fd = sys::openat(stack_[parent].fd, name, flags);
            if ((fd == -EMFILE || fd == -ENFILE) && evict(parent, keep))
                continue;
            return fd;
        }
    }

    // Gives directory i u+rwx if it lacks it; true if its mode changed.
    bool repair(std::size_t i) noexcept
    {
        struct ::stat st;
        return sys::fstat(stack_[i].fd, st) == 0 && (st.st_mode & 0700) != 0700 &&
               sys::fchmod(stack_[i].fd, 0700) == 0;
    }

    // One entry of the top frame p.
    void entry(std::size_t p, unsigned char type, int flips)
    {
        const char* name = name_.c_str();
        if (type == DT_DIR) {
            descend(p, flips);
            return;
        }
        if (type == DT_UNKNOWN) {
            struct ::stat st;
            int r = sys::fstatat(stack_[p].fd, name, st, AT_SYMLINK_NOFOLLOW);
            if (r == -ENOENT)
                return;
            if (r < 0) {
                fail(r, p, name);
                return;
            }
            if (S_ISDIR(st.st_mode)) {
                descend(p, flips);
                return;
            }
        }
        // Not a directory: unlinkat removes the entry itself (a symlink, not its target).
        int r = sys::unlinkat(stack_[p].fd, name, 0);
        if ((r == -EACCES || r == -EPERM) && repair(p))
            r = sys::unlinkat(stack_[p].fd, name, 0);
        if ((r == -EISDIR || r == -EPERM) && flips < 2) { // it is (now) a directory
            struct ::stat st;
            if (r == -EISDIR ||
                (sys::fstatat(stack_[p].fd, name, st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))) {
                descend(p, flips + 1);
                return;
            }
        }
        if (r < 0 && r != -ENOENT)
            fail(r, p, name);
    }

    // A directory that lacks read permission: pin it with O_PATH | O_NOFOLLOW (without O_PATH:
    // lstat it), check it is a directory of this file system, give it u+rwx through the pinned
    // descriptor (without O_PATH: by name, if it is still the same: chmod_dir_named), then
    // open it and check that the same inode was opened.
    int open_repaired(std::size_t p, int err)
    {
        const char* name = name_.c_str();
        struct ::stat st, st2;
        int pin = -1, r;
        if constexpr (sys::o_path != 0) { // each build has the code of its own route only
            pin = open_in(p, name, sys::o_path | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC, p);
            if (pin < 0)
                return pin == -ENOTDIR || pin == -ELOOP || pin == -ENOENT ? pin : err;
            r = sys::fstat(pin, st);
        } else {
            r = sys::fstatat(stack_[p].fd, name, st, AT_SYMLINK_NOFOLLOW);
            if (r == -ENOENT || (r == 0 && !S_ISDIR(st.st_mode)))
                return r == 0 ? -ENOTDIR : r;
        }
        if (r == 0 && (!S_ISDIR(st.st_mode) || st.st_dev != dev_))
            r = -EXDEV;
        if (r == 0) {
            if constexpr (sys::o_path != 0)
                r = sys::fchmod_pinned(pin, 0700);
            else
                r = sys::chmod_dir_named(stack_[p].fd, name, st, 0700);
        }
        int fd = r < 0 ? err : open_in(p, name, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC, p);
        if (fd >= 0 && (sys::fstat(fd, st2) < 0 || st2.st_dev != st.st_dev || st2.st_ino != st.st_ino)) {
            sys::close(fd);
            fd = -EEXIST; // replaced between the two opens: left alone
        }
        if constexpr (sys::o_path != 0)
            sys::close(pin);
        return fd;
    }

    // Opens the subdirectory name_ of frame p and pushes it.
    void descend(std::size_t p, int flips)
    {
        const char* name = name_.c_str();
        BOOST_TEMPFILE_DETAIL_TREE_HOOK(descend, stack_[p].fd, name);
        int fd = open_in(p, name, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC, p);
        if (fd == -EACCES || fd == -EPERM)
            fd = open_repaired(p, fd);
        if (fd == -ENOENT)
            return;
        if ((fd == -ENOTDIR || fd == -ELOOP) && flips < 2) { // not a directory (any more)
            entry(p, DT_REG, flips + 1);
            return;
        }
        if (fd < 0) {
            fail(fd, p, name);
            return;
        }
        struct ::stat st;
        int r = sys::fstat(fd, st);
        if (r == 0 && st.st_dev != dev_)
            r = -EXDEV; // a mount point: another file system is not crossed
        if (r < 0) {
            sys::close(fd);
            fail(r, p, name);
            return;
        }
        if ((st.st_mode & 0700) != 0700)
            sys::fchmod(fd, 0700); // the directory itself, by its descriptor
        stack_.push_back(frame{});
        frame& f = stack_.back();
        f.fd = fd;
        ++open_;
        f.id = sys::id_of(st);
        f.name = name_;
        r = list(stack_.size() - 1);
        if (r < 0)
            fail(r, stack_.size() - 1, nullptr);
    }

    // Re-opens frames down to i from the nearest open ancestor, verifying each identity.
    // 0, or the index of the frame that could not be re-opened (frames from it are dropped).
    std::size_t reopen(std::size_t i, std::size_t keep)
    {
        std::size_t j = i;
        while (stack_[j].fd < 0)
            --j;
        for (std::size_t k = j + 1; k <= i; ++k) {
            const char* name = stack_[k].name.c_str();
            BOOST_TEMPFILE_DETAIL_TREE_HOOK(reopen, stack_[k - 1].fd, name);
            int fd = open_in(k - 1, name, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC, keep);
            struct ::stat st;
            if (fd >= 0 && (sys::fstat(fd, st) < 0 || !same_file(st, stack_[k].id))) {
                sys::close(fd);
                fd = -EEXIST;
            }
            if (fd < 0) {
                if (fd == -ENOENT || fd == -ENOTDIR || fd == -ELOOP)
                    fd = -EEXIST; // its name no longer leads to it
                fail(fd, k - 1, name);
                release(k);
                stack_.resize(k);
                if (low_ > k)
                    low_ = k;
                return k;
            }
            stack_[k].fd = fd;
            ++open_;
        }
        if (j + 1 < low_)
            low_ = j + 1;
        return 0;
    }

    // Re-opens frame p (let go) as ".." of its open child t: one openat, whatever the depth.
    // False if ".." is not the directory p was (t was moved meanwhile).
    bool reopen_up(std::size_t p, std::size_t t) noexcept
    {
        BOOST_TEMPFILE_DETAIL_TREE_HOOK(up, stack_[t].fd, "..");
        int fd = open_in(t, "..", O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC, t);
        struct ::stat st;
        if (fd >= 0 && (sys::fstat(fd, st) < 0 || !same_file(st, stack_[p].id))) {
            sys::close(fd);
            fd = -1;
        }
        if (fd < 0)
            return false;
        stack_[p].fd = fd;
        ++open_;
        if (p < low_)
            low_ = p;
        return true;
    }

    // Every entry of frame t was handled: remove it from its parent and pop it.
    void finish(std::size_t t)
    {
        std::size_t p = t - 1;
        const bool let_go = stack_[p].fd < 0;
        if (let_go && !reopen_up(p, t) && reopen(p, t) != 0)
            return;
        const char* name = stack_[t].name.c_str();
        struct ::stat st;
        int r = 0;
        if (let_go) { // its name was not held: it must still lead to it
            r = sys::fstatat(stack_[p].fd, name, st, AT_SYMLINK_NOFOLLOW);
            if (r == 0 && !same_file(st, stack_[t].id))
                r = -EEXIST;
        }
        if (r == 0)
            r = sys::unlinkat(stack_[p].fd, name, AT_REMOVEDIR);
        if ((r == -EACCES || r == -EPERM) && repair(p))
            r = sys::unlinkat(stack_[p].fd, name, AT_REMOVEDIR);
        if (r == -ENOTEMPTY && !stack_[t].failed && stack_[t].passes < 2) {
            ++stack_[t].passes; // entries appeared meanwhile: list again
            int l = static_cast<int>(sys::lseek(stack_[t].fd, 0, SEEK_SET));
            if (l >= 0 && (l = list(t)) >= 0)
                return;
            r = l;
        }
        bool failed = stack_[t].failed;
        if (r < 0 && r != -ENOENT && !failed)
            fail(r, p, name);
        if (failed)
            stack_[p].failed = true;
        release(t);
        stack_.pop_back();
        if (low_ > t)
            low_ = t; // frames pushed from here on are open
    }

    std::vector<frame> stack_;
    std::vector<std::uint64_t> buf_;
    std::string name_;  // the entry being handled
    std::string where_; // where the first error happened
    int root_;
    ::dev_t dev_;
    bool keep_going_;
    std::size_t open_ = 0; // descriptors open besides the root's
    std::size_t low_ = 1;  // frames below it are let go (or the root)
    int first_ = 0;
};

// Opens `path` again as the directory `id` (O_NOFOLLOW; the identity is checked): the
// descriptor, or -errno (-EEXIST if the name leads to something else).
inline int reopen_dir(const char* path, const file_id& id) noexcept
{
    int fd = sys::open(path, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC);
    struct ::stat st;
    if (fd >= 0 && (sys::fstat(fd, st) < 0 || !same_file(st, id))) {
        sys::close(fd);
        fd = -EEXIST;
    }
    return fd == -ENOTDIR || fd == -ELOOP ? -EEXIST : fd;
}

// As above, the seam's form: 0 with `out` the descriptor, or -errno.
BOOST_TEMPFILE_DETAIL_DECL int reopen_dir(const sys::native_char* path, const file_id& id, sys::handle_type& out) noexcept
{
    int fd = reopen_dir(path, id);
    if (fd >= 0)
        out = fd;
    return fd < 0 ? fd : 0;
}

// Removes the directory open as `dirfd`, created with identity `id` under the absolute
// name `path`, and everything in it. Touches nothing unless `path` still names that
// directory (checked first; then an empty directory is removed at once with rmdir, which
// follows no symlink and removes only an empty directory; else the walk, and the name is
// checked again just before the last unlinkat); a name that
// is gone counts as removed; a name that leads to something else gives -EEXIST. With
// `keep_going` it removes all it can. 0 or the first error (-errno), with `where` the path
// of the entry concerned relative to `path` (empty for the directory itself).
//
// Descriptors: the walk lists the top through `dirfd` and opens one per level below it; the
// parent (O_PATH) is opened only after the walk. If that open meets the descriptor limit,
// `dirfd` (the tree is empty by then) is closed to make room and set to -1: a flat tree is
// removed with no descriptor to spare. The caller then owns no descriptor; after an error
// it may take it back with reopen_dir.
//
// `parentfd` >= 0: the directory `path` was made in, held open by the caller (pinned_temp_dir):
// both identity checks and the last unlinkat go relative to it, and no parent is opened.
BOOST_TEMPFILE_DETAIL_DECL int remove_tree(sys::handle_type& dirfd, const file_id& id, const sys::native_string& path,
                                    bool keep_going, sys::native_string& where, sys::dir_type parentfd) noexcept
{
    where.clear();
    int pfd = -1; // the parent, when opened here
    int result = 0;
    try {
        std::size_t slash = path.rfind('/');
        if (slash == std::string::npos)
            return -EINVAL;
        const char* base = path.c_str() + slash + 1;
        const int pflags = sys::o_dir_pin | O_DIRECTORY | O_CLOEXEC;
        auto open_parent = [&] {
            std::string parent = slash == 0 ? std::string("/") : path.substr(0, slash);
            return sys::open(parent.c_str(), pflags);
        };
        for (unsigned pass = 0;; ++pass) {
            struct ::stat st;
            int r = parentfd >= 0
                        ? sys::fstatat(parentfd, base, st, AT_SYMLINK_NOFOLLOW)
                        : sys::lstat(path.c_str(), st); // nothing is touched unless the name leads to it
            if (r < 0 || !same_file(st, id)) {
                result = r == -ENOENT ? 0 : (r < 0 ? r : -EEXIST);
                break;
            }
            if (pass == 0) { // empty (the usual case): rmdir follows no link and removes no entry
                r = parentfd >= 0 ? sys::unlinkat(parentfd, base, AT_REMOVEDIR) : sys::rmdir(path.c_str());
                if (r == 0 || r == -ENOENT)
                    break; // removed (or gone meanwhile)
            } // else (ENOTEMPTY, EEXIST, EACCES...): the walk, which reports what stays
            if (dirfd < 0 && (dirfd = reopen_dir(path.c_str(), id)) < 0) { // let go on the last pass
                result = dirfd == -ENOENT ? 0 : dirfd;
                dirfd = -1;
                break;
            }
            tree_walk w(dirfd, to<::dev_t>(id.dev), keep_going);
            r = w.run(where);
            if (r < 0) {
                result = r;
                break;
            }
            int at = parentfd;
            if (at < 0) {
                pfd = open_parent();
                if (pfd == -EMFILE || pfd == -ENFILE) { // the empty top's descriptor makes room
                    sys::close(dirfd);
                    dirfd = -1;
                    pfd = open_parent();
                }
                if (pfd < 0) {
                    result = pfd == -ENOENT ? 0 : pfd;
                    break;
                }
                at = pfd;
            }
            BOOST_TEMPFILE_DETAIL_TREE_HOOK(remove_top, at, base);
            r = sys::fstatat(at, base, st, AT_SYMLINK_NOFOLLOW);
            if (r < 0 || !same_file(st, id)) {
                result = r == -ENOENT ? 0 : (r < 0 ? r : -EEXIST);
                break;
            }
            r = sys::unlinkat(at, base, AT_REMOVEDIR);
            if (pfd >= 0)
                sys::close(std::exchange(pfd, -1));
            if (r == -ENOTEMPTY && pass < 2)
                continue; // entries appeared after the walk: walk again
            result = r == -ENOENT ? 0 : r;
            break;
        }
    } catch (...) { // memory for names ran out
        result = -ENOMEM;
    }
    if (pfd >= 0)
        sys::close(pfd);
    return result;
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_POSIX_REMOVE_TREE_HPP
