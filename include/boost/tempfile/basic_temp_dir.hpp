// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_BASIC_TEMP_DIR_HPP
#define BOOST_TEMPFILE_BASIC_TEMP_DIR_HPP

// basic_temp_dir<CharT, Policies...>: a temporary directory object (Python's
// TemporaryDirectory), removed with everything in it at destruction or by cleanup().

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/creation.hpp>
#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/posix.hpp>
#include <boost/tempfile/detail/remove_tree.hpp>
#include <boost/tempfile/detail/select.hpp>
#include <boost/tempfile/detail/unique.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/options.hpp>
#include <boost/tempfile/tempfile_fwd.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace boost {
namespace tempfile {

namespace detail {
// A shared flock on the directory while the object owns it (systemd-tmpfiles skips locked
// directories), unless the cleanup policy declares `static constexpr bool lock_directory = false`.
template <class D, class = void>
struct lock_directory : std::true_type
{};
template <class D>
struct lock_directory<D, std::void_t<decltype(D::lock_directory)>> : std::bool_constant<D::lock_directory>
{};
} // namespace detail

template <class CharT, class... Policies>
using basic_temp_dir = typename detail::make_temp_dir<CharT, Policies...>::type;

template <class CharT, class Naming, class Location, class Creation, class Cleanup>
class basic_temp_dir_impl
{
public:
    using char_type = CharT;
    using string_type = std::basic_string<CharT>;
    using naming_type = Naming;
    using location_type = Location;
    using creation_type = Creation;
    using cleanup_type = Cleanup;
    using options_type = typename Creation::template options_type<CharT>;

    basic_temp_dir_impl() : basic_temp_dir_impl(options_type()) {}
    explicit basic_temp_dir_impl(const options_type& o) { create(o, nullptr); }
    basic_temp_dir_impl(const options_type& o, system::error_code& ec) { create(o, &ec); }

    basic_temp_dir_impl(const basic_temp_dir_impl&) = delete;
    basic_temp_dir_impl& operator=(const basic_temp_dir_impl&) = delete;

    basic_temp_dir_impl(basic_temp_dir_impl&& other) noexcept
        : dirfd_(std::exchange(other.dirfd_, -1)), id_(other.id_), path_(std::move(other.path_)),
          parent_(std::move(other.parent_)), owner_(other.owner_), ignore_errors_(other.ignore_errors_),
          cleanup_(std::move(other.cleanup_))
    {}

    basic_temp_dir_impl& operator=(basic_temp_dir_impl&& other) noexcept
    {
        if (this != &other) {
            destroy();
            dirfd_ = std::exchange(other.dirfd_, -1);
            id_ = other.id_;
            path_ = std::move(other.path_);
            parent_ = std::move(other.parent_);
            owner_ = other.owner_;
            ignore_errors_ = other.ignore_errors_;
            cleanup_ = std::move(other.cleanup_);
        }
        return *this;
    }

    ~basic_temp_dir_impl() { destroy(); }

    // The absolute name, in CharT.
    string_type name() const
    {
        string_type r;
        detail::from_native(path_.native(), r);
        return r;
    }
    const filesystem::path& path() const noexcept { return path_; }

    // Removes the directory and everything in it, even with keep; idempotent. On an error,
    // reported or ignored (ignore_cleanup_errors), the object keeps the directory, so that
    // cleanup() may be called again and the destructor tries again (as Python's cleanup()).
    void cleanup() { do_cleanup(nullptr); }
    void cleanup(system::error_code& ec) noexcept { do_cleanup(&ec); }

    // The object still owns the directory (no system call: not a check of the file system).
    bool exists() const noexcept { return dirfd_ != not_owned; }
    int native_handle() const noexcept { return dirfd_ >= 0 ? dirfd_ : -1; } // O_RDONLY|O_DIRECTORY, or -1

private:
    void create(const options_type& o, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_dir";
        [[maybe_unused]] detail::creation_guard_t<Cleanup> guard; // until on_name registered it
        detail::name_parts parts;
        if (!detail::resolve_name_parts<Location, CharT>(o, parts, ec, what))
            return;
        Naming naming;
        std::string path;
        constexpr unsigned attempts = detail::max_attempts_v<Naming, Creation>;
        if (detail::create_unique<CharT>(naming, parts, attempts, &Creation::try_create, path, ec, what) < 0)
            return;
        const char* at_name = parts.lease ? detail::leaf_of(path) : path.c_str();
        int fd = detail::sys::openat(parts.lease.fd(), at_name,
                                     O_RDONLY | O_DIRECTORY | detail::sys::o_nofollow | O_CLOEXEC);
        if (fd == -EACCES) // a umask without u+r (0477): mkdir gave 0300
            fd = open_unreadable(parts.lease.fd(), at_name);
        struct ::stat st;
        int err = fd < 0 ? fd : detail::sys::fstat(fd, st);
        if (err == 0 && !S_ISDIR(st.st_mode))
            err = -EEXIST; // the name was taken over between mkdir and open: not ours
        else if (err == 0 && !detail::sys::creates_as(st.st_uid))
            err = -EPERM; // another owner: taken over, or given by the file system (NFS
                          // root_squash, vfat uid=); we cannot tell, so we do not use it
        if (err < 0 || !detail::representable<CharT>(path)) {
            if (fd >= 0)
                detail::sys::close(fd);
            if (err != -EEXIST)
                detail::remove_created(parts.lease, path, AT_REMOVEDIR); // empty: just made
            detail::report(ec,
                           err < 0 ? detail::make_error(err)
                                   : detail::make_error(system::errc::illegal_byte_sequence),
                           what, filesystem::path(path));
            return;
        }
        if constexpr (detail::lock_directory<Cleanup>::value)
            detail::sys::flock(fd, LOCK_SH | LOCK_NB); // tells systemd-tmpfiles the directory is in use
        dirfd_ = fd;
        id_.dev = st.st_dev;
        id_.ino = st.st_ino;
        path_ = filesystem::path(std::move(path));
        parent_ = std::move(parts.lease);
        owner_ = detail::sys::current_pid();
        if constexpr (detail::has_ignore_cleanup_errors<options_type>::value)
            ignore_errors_ = o.ignore_cleanup_errors;
        cleanup_.on_create(o);
        detail::notify_name(cleanup_, path_, true);
    }

    // The directory just made, under a umask that took away u+r: pinned (O_PATH, no symlink
    // followed), checked to be a directory of ours without u+r, given u+r just long enough to
    // open it for reading through the pin, then its mode put back. The descriptor or -EACCES.
    static int open_unreadable(int at, const char* name) noexcept
    {
        namespace sys = detail::sys;
        int pin = sys::o_path ? sys::openat(at, name, sys::o_path | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC)
                              : -EACCES;
        if (pin < 0)
            return -EACCES;
        struct ::stat st;
        int fd = -EACCES;
        if (sys::fstat(pin, st) == 0 && S_ISDIR(st.st_mode) && sys::creates_as(st.st_uid) &&
            !(st.st_mode & S_IRUSR) && sys::fchmod_pinned(pin, (st.st_mode & 07777) | S_IRUSR) == 0) {
            fd = sys::openat(pin, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd >= 0)
                sys::fchmod(fd, st.st_mode & 07777);
            else
                sys::fchmod_pinned(pin, st.st_mode & 07777);
        }
        sys::close(pin);
        return fd >= 0 ? fd : -EACCES;
    }

    // Removes the tree; the object lets go of it unless removal failed (reported or ignored:
    // as Python's cleanup(), a later cleanup() or the destructor removes what is still there).
    // 0 or the first error; `where` as remove_tree. At the descriptor limit remove_tree may
    // have closed the descriptor; after an error it is opened again (identity checked) and
    // share-locked again, or, if that fails too, the object still owns the directory without
    // a descriptor (let_go) and opens it when it removes it again.
    int remove_all(std::string& where, bool final) noexcept
    {
        int r = detail::remove_tree(dirfd_, id_, path_.native(), ignore_errors_, where,
                                    parent_ ? parent_.fd() : -1);
        bool keep = r < 0 && !final;
        struct ::stat st;
        if (keep && ignore_errors_ && (detail::sys::lstat(path_.c_str(), st) < 0 || !detail::same_file(st, id_)))
            keep = false; // its name leads elsewhere (or nowhere): nothing to remove again
        if (keep && dirfd_ < 0) {
            int fd = detail::reopen_dir(path_.c_str(), id_);
            if (fd >= 0 && detail::lock_directory<Cleanup>::value)
                detail::sys::flock(fd, LOCK_SH | LOCK_NB);
            keep = fd != -ENOENT; // gone meanwhile: nothing left to own
            dirfd_ = fd >= 0 ? fd : let_go;
        }
        if (!keep) {
            detail::notify_release(cleanup_);
            if (dirfd_ >= 0)
                detail::sys::close(dirfd_);
            dirfd_ = not_owned;
            parent_.reset();
        }
        return r;
    }

    void do_cleanup(system::error_code* ec)
    {
        if (dirfd_ == not_owned) {
            detail::clear(ec);
            return;
        }
        std::string where;
        int r = remove_all(where, false);
        if (r < 0 && !ignore_errors_)
            detail::report(ec, r, "boost::tempfile::basic_temp_dir::cleanup",
                           where.empty() ? path_ : path_ / where);
        else
            detail::clear(ec);
    }

    void destroy() noexcept
    {
        if (dirfd_ == not_owned)
            return;
        if (cleanup_.remove_at_destroy() &&
            (!detail::owner_only<Cleanup>::value || owner_ == detail::sys::current_pid())) {
            std::string where;
            remove_all(where, true);
        } else {
            detail::notify_release(cleanup_);
            if (dirfd_ >= 0)
                detail::sys::close(dirfd_);
            dirfd_ = not_owned;
            parent_.reset();
        }
    }

    static constexpr int not_owned = -1;
    static constexpr int let_go = -2; // owned, its descriptor closed at the descriptor limit
    int dirfd_ = not_owned; // the directory, opened at creation (O_NOFOLLOW) and kept
    detail::file_id id_; // its device and inode: the name must still lead to them
    filesystem::path path_;
    detail::dir_lease parent_; // the directory it was made in, held open (pinned_temp_dir)
    ::pid_t owner_ = 0; // the creating process: the only one that removes at destruction
    bool ignore_errors_ = false;
    Cleanup cleanup_{};
};

using temporary_directory = basic_temp_dir<char>;
using wtemporary_directory = basic_temp_dir<wchar_t>;

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_BASIC_TEMP_DIR_HPP
