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
#include <boost/tempfile/detail/adopt.hpp>
#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/detail/select.hpp>
#include <boost/tempfile/detail/unique.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/native.hpp>
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
// directories; nothing on Windows), unless the cleanup policy declares `static constexpr bool lock_directory = false`.
template <class D, class = void>
struct lock_directory : std::true_type
{};
template <class D>
struct lock_directory<D, std::void_t<decltype(D::lock_directory)>> : std::bool_constant<D::lock_directory>
{};
} // namespace detail

namespace detail {
template <class CharT, class... P>
struct make_temp_dir
{
    using s = select_policies<policy_defaults<default_naming, default_location, default_dir_creation, default_cleanup>,
                              CharT, P...>;
    static_assert(s::creation::makes_directory,
                  "boost::tempfile: this creation policy makes files; use it with basic_temp_file, not basic_temp_dir");
    static_assert(s::cleanup::for_directories,
                  "boost::tempfile: this cleanup policy is for files only; basic_temp_dir cannot use it");
    // Every row of doc/policies.adoc's tables, one static_assert each (detail/concepts.hpp).
    static_assert(sizeof(check_policies<CharT, typename s::naming, typename s::location, typename s::creation,
                                        typename s::cleanup>) != 0,
                  "boost::tempfile: policy requirements");
    using type = basic_temp_dir_impl<CharT, typename s::naming, typename s::location, typename s::creation,
                                     typename s::cleanup>;
};
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
    using native_handle_type = tempfile::native_handle_type;

    basic_temp_dir_impl() : basic_temp_dir_impl(options_type()) {}
    explicit basic_temp_dir_impl(const options_type& o) { create(o, nullptr); }
    basic_temp_dir_impl(const options_type& o, system::error_code& ec) { create(o, &ec); }

    basic_temp_dir_impl(const basic_temp_dir_impl&) = delete;
    basic_temp_dir_impl& operator=(const basic_temp_dir_impl&) = delete;

    basic_temp_dir_impl(basic_temp_dir_impl&& other) noexcept
        : dirfd_(std::exchange(other.dirfd_, detail::sys::invalid_handle)),
          owned_(std::exchange(other.owned_, false)), id_(other.id_), path_(std::move(other.path_)),
          parent_(std::move(other.parent_)), owner_(other.owner_), ignore_errors_(other.ignore_errors_),
          kept_(other.kept_), cleanup_(std::move(other.cleanup_))
    {}

    basic_temp_dir_impl& operator=(basic_temp_dir_impl&& other) noexcept
    {
        if (this != &other) {
            destroy();
            dirfd_ = std::exchange(other.dirfd_, detail::sys::invalid_handle);
            owned_ = std::exchange(other.owned_, false);
            id_ = other.id_;
            path_ = std::move(other.path_);
            parent_ = std::move(other.parent_);
            owner_ = other.owner_;
            ignore_errors_ = other.ignore_errors_;
            kept_ = other.kept_;
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

    // Decides now that the destructor leaves the directory: remove_at_exit withdraws it, and
    // only an explicit cleanup() removes it still. The object keeps it (exists(), the handle,
    // the lock). With .keep = true or the tf::keep policy: nothing changes.
    void keep() noexcept
    {
        if (owned_ && !std::exchange(kept_, true))
            detail::notify_release(cleanup_);
    }
    // keep(true) is keep(). keep(false) takes a keep() back (Rust's disable_cleanup(false)):
    // the destructor removes the directory again as the cleanup policy says, and
    // remove_at_exit registers it again. Nothing changes when keep() was not called.
    void keep(bool on) noexcept
    {
        if (on)
            keep();
        else if (owned_ && std::exchange(kept_, false))
            detail::notify_name(cleanup_, path_, true);
    }

    // Adopts the existing directory `p` (Rust's TempPath::from_path): held open as a created
    // one, it is then the object's, removed with everything in it as a created one is (default
    // options). Refused (nothing changed): a symbolic link, a file, a directory of another user
    // (POSIX). filesystem_error / ec name the path; the error_code form returns an object that
    // owns nothing.
    static basic_temp_dir_impl adopt(const filesystem::path& p)
    {
        basic_temp_dir_impl d{detail::adopt_tag()};
        d.do_adopt(p, nullptr);
        return d;
    }
    static basic_temp_dir_impl adopt(const filesystem::path& p, system::error_code& ec)
    {
        basic_temp_dir_impl d{detail::adopt_tag()};
        d.do_adopt(p, &ec);
        return d;
    }

    // The object still owns the directory (no system call: not a check of the file system).
    bool exists() const noexcept { return owned_; }
    // The directory, held open (POSIX O_RDONLY|O_DIRECTORY), or invalid_native_handle (none
    // owned, or let go at the descriptor limit).
    native_handle_type native_handle() const noexcept { return detail::sys::public_handle(dirfd_); }

private:
    explicit basic_temp_dir_impl(detail::adopt_tag) noexcept {}

    void do_adopt(const filesystem::path& p, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_dir::adopt";
        filesystem::path name;
        if (!detail::adopt_name<CharT>(p, name, ec, what))
            return;
        detail::sys::handle_type h = detail::sys::invalid_handle;
        if (int r = detail::sys::adopt_dir(name.c_str(), h, id_); r != 0) {
            detail::report_adopt(ec, r, what, name);
            return;
        }
        if constexpr (detail::lock_directory<Cleanup>::value)
            detail::sys::mark_in_use(h);
        dirfd_ = h;
        owned_ = true;
        path_ = std::move(name);
        owner_ = detail::sys::current_pid();
        cleanup_.on_create(options_type());
        detail::notify_name(cleanup_, path_, true);
        detail::clear(ec);
    }

    void create(const options_type& o, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_dir";
        detail::creation_guard_t<Cleanup> guard; // until on_name registered it
        if (!detail::creation_admitted(guard)) { // remove_at_exit: the process is ending
            detail::report(ec, system::errc::operation_canceled,
                           "boost::tempfile::basic_temp_dir: the process is ending (remove_at_exit swept)");
            return;
        }
        detail::name_parts parts;
        if (!detail::resolve_name_parts<Location, CharT>(o, parts, ec, what))
            return;
        Naming naming;
        detail::native_string path;
        detail::sys::handle_type h = detail::sys::invalid_handle;
        constexpr unsigned attempts = detail::max_attempts_v<Naming, Creation>;
        if (detail::create_unique<CharT>(naming, parts, attempts, &Creation::try_create, path, h, ec, what) < 0)
            return;
        const detail::sys::native_char* at_name = path.c_str();
        if constexpr (detail::sys::holds_directories) { // (no lease is held where no directory is)
            if (parts.lease)
                at_name = detail::leaf_of(path);
        }
        int err = detail::sys::open_created_dir(parts.lease.dir(), at_name, h, id_);
        if (err < 0 || !detail::representable<CharT>(path)) {
            if (err == 0)
                detail::sys::close(h);
            if (err != -detail::sys::err::exists)
                detail::remove_created(parts.lease, path, true); // empty: just made
            detail::report(ec,
                           err < 0 ? detail::make_error(err)
                                   : detail::make_error(system::errc::illegal_byte_sequence),
                           what, detail::message_path(path));
            return;
        }
        if constexpr (detail::lock_directory<Cleanup>::value)
            detail::sys::mark_in_use(h); // tells systemd-tmpfiles the directory is in use
        dirfd_ = h;
        owned_ = true;
        path_ = filesystem::path(std::move(path));
        parent_ = std::move(parts.lease);
        owner_ = detail::sys::current_pid();
        if constexpr (detail::has_ignore_cleanup_errors<options_type>::value)
            ignore_errors_ = o.ignore_cleanup_errors;
        cleanup_.on_create(o);
        detail::notify_name(cleanup_, path_, true);
    }

    // Removes the tree; the object lets go of it unless removal failed (reported or ignored:
    // as Python's cleanup(), a later cleanup() or the destructor removes what is still there).
    // 0 or the first error; `where` as remove_tree. At the descriptor limit remove_tree may
    // have closed the descriptor; after an error it is opened again (identity checked) and
    // share-locked again, or, if that fails too, the object still owns the directory without
    // a handle (let go) and opens it when it removes it again.
    int remove_all(detail::native_string& where, bool final) noexcept
    {
        int r = detail::remove_tree(dirfd_, id_, path_.native(), ignore_errors_, where, parent_.dir());
        bool keep = r < 0 && !final;
        if (keep && ignore_errors_ && !detail::sys::name_leads_to(path_.c_str(), id_))
            keep = false; // its name leads elsewhere (or nowhere): nothing to remove again
        if constexpr (detail::sys::removal_lets_go) { // (else the handle stays until it is gone)
            if (keep && dirfd_ == detail::sys::invalid_handle) {
                detail::sys::handle_type h = detail::sys::invalid_handle;
                int o = detail::reopen_dir(path_.c_str(), id_, h);
                if (o >= 0 && detail::lock_directory<Cleanup>::value)
                    detail::sys::mark_in_use(h);
                keep = o != -detail::sys::err::no_entry; // gone meanwhile: nothing left to own
                dirfd_ = h;                               // or invalid: let go
            }
        }
        if (!keep) {
            if (!kept_) // keep() released it already
                detail::notify_release(cleanup_);
            release_handle();
            parent_.reset();
        }
        return r;
    }

    void do_cleanup(system::error_code* ec)
    {
        if (!owned_) {
            detail::clear(ec);
            return;
        }
        detail::native_string where;
        int r = remove_all(where, false);
        if (r < 0 && !ignore_errors_)
            detail::report(ec, r, "boost::tempfile::basic_temp_dir::cleanup",
                           where.empty() ? path_ : path_ / where);
        else
            detail::clear(ec);
    }

    void destroy() noexcept
    {
        if (!owned_)
            return;
        if (!kept_ && cleanup_.remove_at_destroy() &&
            (!detail::owner_only<Cleanup>::value || owner_ == detail::sys::current_pid())) {
            detail::native_string where;
            remove_all(where, true);
        } else {
            if (!kept_)
                detail::notify_release(cleanup_);
            release_handle();
            parent_.reset();
        }
    }

    // The object no longer owns the directory: its handle (if it holds one) is closed.
    void release_handle() noexcept
    {
        if (dirfd_ != detail::sys::invalid_handle)
            detail::sys::close(std::exchange(dirfd_, detail::sys::invalid_handle));
        owned_ = false;
    }

    // The directory, opened at creation (never through a symlink or reparse point) and kept;
    // invalid while let go at the descriptor limit (owned_ still true) or when not owned.
    detail::sys::handle_type dirfd_ = detail::sys::invalid_handle;
    bool owned_ = false;      // the object owns the directory: exists()
    detail::sys::file_id id_; // its identity: the name must still lead to it
    filesystem::path path_;
    detail::dir_lease parent_; // the directory it was made in, held open (pinned_temp_dir)
    detail::sys::pid_type owner_ = 0; // the creating process: the only one that removes at destruction
    bool ignore_errors_ = false;
    bool kept_ = false; // keep(): only cleanup() removes it
    Cleanup cleanup_{};
};

using temporary_directory = basic_temp_dir<char>;
using wtemporary_directory = basic_temp_dir<wchar_t>;

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_BASIC_TEMP_DIR_HPP
