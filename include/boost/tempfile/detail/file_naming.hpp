// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_FILE_NAMING_HPP
#define BOOST_TEMPFILE_DETAIL_FILE_NAMING_HPP

// The name, the part of basic_temp_file_impl that only named files have: the unique name made
// at creation, whether it is still the object's to remove, keep() and keep(false), a second
// handle by name (reopen), and adopting a file made elsewhere. Publishing the name under
// another one (persist) is file_publishing.hpp's.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/adopt.hpp>
#include <boost/tempfile/detail/cleanup_hooks.hpp>
#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/detail/tempdir.hpp>
#include <boost/tempfile/detail/unique.hpp>
#include <boost/tempfile/native.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <string>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {

// What an anonymous or spooled file has instead: no name, nothing to remove by name.
struct unnamed
{
protected:
    static constexpr bool name_present() noexcept { return false; }
    static constexpr int remove_name() noexcept { return 0; }
    static const filesystem::path& where() noexcept
    {
        static const filesystem::path none;
        return none;
    }
};

// Impl is basic_temp_file_impl: the handle (fd_), the cleanup policy (cleanup_), the creating
// process (owner_) and stream() are its.
template <class Impl, class CharT>
class file_naming
{
public:
    // The absolute name, in CharT (wide names are UTF-8 on disk). After persist(): the target.
    std::basic_string<CharT> name() const
    {
        std::basic_string<CharT> r;
        from_native(path_.native(), r); // checked at creation and at persist
        return r;
    }

    const filesystem::path& path() const noexcept { return path_; }

    // Decides now that nothing deletes the file: from here on neither close() nor the
    // destructor removes it, and remove_at_exit withdraws it. The object stays open and usable
    // (persist() still moves it). With .keep = true, the tf::keep policy, after persist() or
    // once the name was removed: nothing changes. A Windows delete-on-close file has its
    // deletion taken back, which may change native_handle() (doc/reference/temp_file.adoc#keep).
    void keep() noexcept
    {
        Impl& f = self();
        if (!name_present_)
            return;
        if constexpr (Impl::deletes_on_close) {
            if (system_removes_ && f.open_handle()) { // Windows: take the deletion back
                native_string moved;
                int r = sys::keep_delete_on_close(f.fd_, path_.c_str(), moved);
                if (r < 0)
                    return; // not kept: never reported so (the file still goes at close)
                system_removes_ = false;
                if (r == 1)
                    path_ = filesystem::path(std::move(moved)); // its name was taken meanwhile
            }
        }
        name_present_ = false;
        persisted_ = true; // nobody removes it; persist() still may move it
        kept_ = true;      // until keep(false)
        dir_.reset();
        notify_release(f.cleanup_);
    }

    // keep(true) is keep(). keep(false) takes a keep() back (Rust's disable_cleanup(false)): the
    // file is removed again as the cleanup policy says (close(), the destructor, remove_at_exit
    // registers it again); a Windows file that was delete-on-close is made so again where the
    // system allows it, else removed by name at close. Nothing changes after persist(), or when
    // keep() was not called (the policy's own keep stays).
    void keep(bool on) noexcept
    {
        if (on) {
            keep();
            return;
        }
        if (!std::exchange(kept_, false))
            return;
        Impl& f = self();
        persisted_ = false;
        name_present_ = true;
        if constexpr (Impl::deletes_on_close)
            if (f.open_handle() && f.cleanup_.remove_at_close() && f.cleanup_.remove_at_destroy() &&
                sys::set_delete_on_close(f.fd_, true) == 0)
                system_removes_ = true; // else (refused, Wine): removed by name
        notify_name(f.cleanup_, path_, false);
    }

    // A new, independent handle on the same file (its own position), opened by name and checked
    // to be this object's open file (device and inode; Windows: volume and file index). If the
    // name now leads to another file (removed and made again, replaced), the error is
    // errc::no_such_file_or_directory naming the path, and nothing is opened; a closed object is
    // errc::bad_file_descriptor.
    file_handle reopen() const { return do_reopen(nullptr); }
    file_handle reopen(system::error_code& ec) const { return do_reopen(&ec); }

    // Adopts the existing regular file `p` (Rust's TempPath::from_path): opened for reading and
    // writing, it is then the object's, removed as a created file is (default options). Refused
    // (nothing opened, nothing changed): a symbolic link, a directory, a FIFO, socket or device, a
    // file of another user (POSIX). filesystem_error / ec name the path; an error_code form
    // returns a closed object.
    static Impl adopt(const filesystem::path& p) { return adopted(p, nullptr, nullptr); }
    static Impl adopt(const filesystem::path& p, system::error_code& ec) { return adopted(p, nullptr, &ec); }
    // Adopts the open file `h` under its name `p` (Rust's NamedTempFile::from_parts): the object
    // owns `h` from then on. Refused as adopt(p), and also when `h` is not an open file or `p`
    // leads to another file than `h` (device and inode; Windows: volume and file index); on
    // refusal `h` is left to the caller, untouched.
    static Impl adopt(native_handle_type h, const filesystem::path& p) { return adopted(p, &h, nullptr); }
    static Impl adopt(native_handle_type h, const filesystem::path& p, system::error_code& ec)
    {
        return adopted(p, &h, &ec);
    }

protected:
    file_naming() = default;
    file_naming(file_naming&& o) noexcept
        : path_(std::move(o.path_)), dir_(std::move(o.dir_)), name_present_(std::exchange(o.name_present_, false)),
          system_removes_(o.system_removes_), persisted_(o.persisted_), kept_(o.kept_)
    {
    }
    file_naming& operator=(file_naming&& o) noexcept
    {
        path_ = std::move(o.path_);
        dir_ = std::move(o.dir_);
        name_present_ = std::exchange(o.name_present_, false);
        system_removes_ = o.system_removes_;
        persisted_ = o.persisted_;
        kept_ = o.kept_;
        return *this;
    }
    ~file_naming() = default;

    bool name_present() const noexcept { return name_present_; }
    const filesystem::path& where() const noexcept { return path_; }

    // At creation: a unique name in the options' directory, created by the creation policy (a
    // delete-on-close file where the system deletes files itself and the cleanup policy would
    // remove it at close anyway). True with `h` set; false with the error reported, nothing left.
    template <class Options>
    bool create(const Options& o, sys::handle_type& h, system::error_code* ec, const char* what)
    {
        using creation = typename Impl::creation_type;
        name_parts parts;
        if (!resolve_name_parts<typename Impl::location_type, CharT>(o, parts, ec, what))
            return false;
        typename Impl::naming_type naming;
        native_string path;
        sys::handle_type made = sys::invalid_handle;
        constexpr unsigned attempts = max_attempts_v<typename Impl::naming_type, creation>;
        int r;
        if constexpr (Impl::deletes_on_close) {
            typename Impl::cleanup_type decided; // what the cleanup policy says for these options, asked first
            decided.on_create(o);
            system_removes_ = decided.remove_at_close() && decided.remove_at_destroy();
            r = system_removes_ ? create_unique<CharT>(naming, parts, attempts, &creation::try_create_delete_on_close,
                                                       path, made, ec, what)
                                : create_unique<CharT>(naming, parts, attempts, &creation::try_create, path, made, ec,
                                                       what);
        } else {
            r = create_unique<CharT>(naming, parts, attempts, &creation::try_create, path, made, ec, what);
        }
        if (r < 0)
            return false;
        if (!representable<CharT>(path)) { // a name that is not UTF-8 (UTF-16), for CharT
            sys::close(made);
            remove_created(parts.lease, path, false);
            report(ec, system::errc::illegal_byte_sequence, what, message_path(path));
            return false;
        }
        path_ = filesystem::path(std::move(path));
        dir_ = std::move(parts.lease);
        name_present_ = true;
        h = made;
        return true;
    }

    // Removes the name, if there is one; a name already gone is not an error.
    int remove_name() noexcept
    {
        if (!name_present_)
            return 0;
        name_present_ = false;
        int r = system_removes_ ? 0 : remove_created(dir_, path_.native(), false); // else: gone at close
        dir_.reset();
        notify_release(self().cleanup_); // after the unlink: a signal in between still removes it
        return r == -sys::err::no_entry ? 0 : r;
    }

    filesystem::path path_;       // the name; after persist(), the target
    dir_lease dir_;               // its directory, held open (pinned_temp_dir): removal is relative
    bool name_present_ = false;   // the name is ours to remove
    bool system_removes_ = false; // made delete-on-close (Windows): closing it removes the name
    bool persisted_ = false;      // persist() moved it to path_, or keep(): nobody removes it
    bool kept_ = false;           // keep() left the name: keep(false) takes it back

private:
    Impl& self() noexcept { return static_cast<Impl&>(*this); }
    const Impl& self() const noexcept { return static_cast<const Impl&>(*this); }

    static Impl adopted(const filesystem::path& p, const native_handle_type* given, system::error_code* ec)
    {
        Impl f{adopt_tag()};
        static_cast<file_naming&>(f).do_adopt(p, given, ec);
        return f;
    }

    void do_adopt(const filesystem::path& p, const native_handle_type* given, system::error_code* ec)
    {
        const char* what =
            given ? "boost::tempfile::basic_temp_file::adopt(handle, path)" : "boost::tempfile::basic_temp_file::adopt";
        filesystem::path name;
        if (!adopt_name<CharT>(p, name, ec, what))
            return;
        sys::handle_type h = sys::invalid_handle;
        int r = given ? sys::adopt_handle(*given, name.c_str()) : sys::adopt_file(name.c_str(), h);
        if (r != 0) {
            report_adopt(ec, r, what, name);
            return;
        }
        Impl& f = self();
        f.fd_ = given ? *given : h;
        path_ = std::move(name);
        name_present_ = true;
        f.owner_ = sys::current_pid();
        f.cleanup_.on_create(typename Impl::options_type());
        notify_name(f.cleanup_, path_, false);
        clear(ec);
    }

    file_handle do_reopen(system::error_code* ec) const
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::reopen";
        const Impl& f = self();
        if (!f.open_handle()) {
            report(ec, system::errc::bad_file_descriptor, what, path_);
            return file_handle();
        }
        if (int r = f.hand_back(); r < 0) { // what stream() holds is written first: the new handle sees it
            report(ec, r, what, path_);
            return file_handle();
        }
        sys::handle_type h = sys::invalid_handle;
        int r = sys::reopen_same(f.fd_, path_.c_str(), h);
        if (r == 1) {
            report(ec, system::errc::no_such_file_or_directory,
                   "boost::tempfile::basic_temp_file::reopen: the name leads to another file now", path_);
            return file_handle();
        }
        if (r < 0) {
            report(ec, r, what, path_);
            return file_handle();
        }
        clear(ec);
        return file_handle(sys::public_handle(h));
    }
};

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_FILE_NAMING_HPP
