// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_FILE_PUBLISHING_HPP
#define BOOST_TEMPFILE_DETAIL_FILE_PUBLISHING_HPP

// Publishing, the part of basic_temp_file_impl that gives the finished file its final name:
// persist() and persist_noclobber() for a named file, link() for an anonymous one. Both first
// hand back what stream() holds (a failed write is never published), set the mode the new name
// shows (publish_mode), fsync with durability::durable, and put the private mode back when the
// publish fails. durability and publish_mode are public (doc/reference/temp_file.adoc).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/cleanup_hooks.hpp>
#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/system.hpp>

#include <boost/filesystem/exception.hpp>
#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <utility>

namespace boost {
namespace tempfile {

// How persist(), persist_noclobber() and link() publish: `durable` fsyncs the file before
// the rename or link and the directory after it, so the new name survives a crash.
enum class durability
{
    none,
    durable
};

class publish_mode;
namespace detail {
inline int mode_to_publish(const publish_mode& m, const sys::native_char* target, unsigned* mode) noexcept;
}

// The permissions persist(), persist_noclobber() and link() give the file they publish, set on
// the descriptor before the name appears, so the name never shows another mode. The default,
// like_target(), is what saving the file in place would give: a replaced file keeps its mode,
// a new name gets the umask's (as std::ofstream's file would), not the temporary's 0600.
class publish_mode
{
public:
    // The permission bits (0777) of the file the target names now (following a symlink); a
    // target that does not exist gets umask_default(). The default.
    static constexpr publish_mode like_target() noexcept { return publish_mode(kind::like_target, 0); }
    // 0666 & ~umask: what open(O_CREAT) gives a new file.
    static constexpr publish_mode umask_default() noexcept { return publish_mode(kind::umask_default, 0); }
    // The temporary file's own mode (0600 as created): nothing is changed.
    static constexpr publish_mode as_created() noexcept { return publish_mode(kind::as_created, 0); }
    // Exactly these bits (masked with 07777).
    constexpr explicit publish_mode(unsigned bits) noexcept : kind_(kind::bits), bits_(bits & 07777) {}

private:
    enum class kind { like_target, umask_default, as_created, bits };
    constexpr publish_mode(kind k, unsigned bits) noexcept : kind_(k), bits_(bits) {}
    friend int detail::mode_to_publish(const publish_mode&, const detail::sys::native_char*, unsigned*) noexcept;
    kind kind_;
    unsigned bits_;
};

namespace detail {

// The mode a file published as `target` gets: 1 with *mode set; 0 to keep the file's own;
// a negated error when the target's mode cannot be read. (Windows has no permission bits:
// there the seam finds no target mode and no umask default, so nothing is set.)
inline int mode_to_publish(const publish_mode& m, const sys::native_char* target, unsigned* mode) noexcept
{
    using kind = publish_mode::kind;
    switch (m.kind_) {
    case kind::as_created: return 0;
    case kind::bits: *mode = m.bits_; return 1;
    case kind::like_target: {
        int r = sys::permissions_of(target, mode);
        return r == -sys::err::no_entry ? sys::new_file_mode(mode) : r < 0 ? r : 1;
    }
    case kind::umask_default: break;
    }
    return sys::new_file_mode(mode);
}

// What persisting and linking share. Impl is basic_temp_file_impl: the handle (fd_), the name
// (where()) and stream() (finish_stream()) are its.
template <class Impl>
class publishing
{
protected:
    // Before publishing as `target`: the data out of stream() (a failed write is never
    // published), the mode `m` says, then with `durable` the fsync. 0 or -errno. The mode the
    // file had goes to `was` (-1: unchanged): a publish that fails puts it back (restore_mode),
    // so the file never stays, under its temporary name, readable by others.
    int prepare_publish(const sys::native_char* target, publish_mode m, durability d, long& was) noexcept
    {
        was = -1;
        if (int r = self().finish_stream(); r < 0)
            return r;
        unsigned mode = 0;
        if (int r = mode_to_publish(m, target, &mode); r != 0) {
            if (r < 0)
                return r;
            if ((r = on_file([mode, &was](sys::handle_type h) {
                     unsigned old = 0;
                     int e = sys::mode_of(h, &old);
                     if (e == 0 && (e = sys::set_mode(h, mode)) == 0)
                         was = static_cast<long>(old);
                     return e;
                 })) < 0)
                return r;
        }
        int r = d == durability::durable ? on_file([](sys::handle_type h) { return sys::sync(h); }) : 0;
        if (r < 0)
            restore_mode(was);
        return r;
    }

    // After a publish that failed: the mode prepare_publish found, back on the file.
    void restore_mode(long was) noexcept
    {
        if (was >= 0)
            on_file([was](sys::handle_type h) { return sys::set_mode(h, static_cast<unsigned>(was)); });
    }

    static int sync_parent(const filesystem::path& p) noexcept
    {
        filesystem::path dir = p.parent_path();
        return sys::sync_dir(dir.empty() ? filesystem::path(".").c_str() : dir.c_str());
    }

    Impl& self() noexcept { return static_cast<Impl&>(*this); }

private:
    // f(handle) on the file: its own, or (closed, still named) one opened by name.
    template <class F>
    int on_file(F f) noexcept
    {
        Impl& file = self();
        if (file.open_handle())
            return f(file.fd_);
        sys::handle_type h = sys::invalid_handle;
        if (int r = sys::open_existing(file.where().c_str(), h); r < 0)
            return r;
        int r = f(h);
        sys::close(h);
        return r;
    }
};

// A named file: persist() and persist_noclobber().
template <class Impl, class CharT>
class persisting : public publishing<Impl>
{
public:
    // Renames the file to target, atomically replacing what is there; afterwards nothing deletes
    // it and path() is target (made absolute). The descriptor stays open. On failure the object
    // keeps the file, as it was. The file gets the permissions `m` says (default: like_target())
    // before the rename.
    void persist(const filesystem::path& target, durability d = durability::none)
    {
        do_persist(target, publish_mode::like_target(), d, false, nullptr);
    }
    void persist(const filesystem::path& target, system::error_code& ec)
    {
        do_persist(target, publish_mode::like_target(), durability::none, false, &ec);
    }
    void persist(const filesystem::path& target, durability d, system::error_code& ec)
    {
        do_persist(target, publish_mode::like_target(), d, false, &ec);
    }
    void persist(const filesystem::path& target, publish_mode m, durability d = durability::none)
    {
        do_persist(target, m, d, false, nullptr);
    }
    void persist(const filesystem::path& target, publish_mode m, system::error_code& ec)
    {
        do_persist(target, m, durability::none, false, &ec);
    }
    void persist(const filesystem::path& target, publish_mode m, durability d, system::error_code& ec)
    {
        do_persist(target, m, d, false, &ec);
    }

    // As persist(), but an existing target is errc::file_exists and both files stay intact
    // (renameat2 RENAME_NOREPLACE; link + unlink where that is not supported).
    void persist_noclobber(const filesystem::path& target, durability d = durability::none)
    {
        do_persist(target, publish_mode::like_target(), d, true, nullptr);
    }
    void persist_noclobber(const filesystem::path& target, system::error_code& ec)
    {
        do_persist(target, publish_mode::like_target(), durability::none, true, &ec);
    }
    void persist_noclobber(const filesystem::path& target, durability d, system::error_code& ec)
    {
        do_persist(target, publish_mode::like_target(), d, true, &ec);
    }
    void persist_noclobber(const filesystem::path& target, publish_mode m, durability d = durability::none)
    {
        do_persist(target, m, d, true, nullptr);
    }
    void persist_noclobber(const filesystem::path& target, publish_mode m, system::error_code& ec)
    {
        do_persist(target, m, durability::none, true, &ec);
    }
    void persist_noclobber(const filesystem::path& target, publish_mode m, durability d, system::error_code& ec)
    {
        do_persist(target, m, d, true, &ec);
    }

protected:
    persisting() = default;
    persisting(persisting&&) = default;
    persisting& operator=(persisting&&) = default;
    ~persisting() = default;

private:
    static void report2(system::error_code* ec, const system::error_code& e, const char* what,
                        const filesystem::path& p1, const filesystem::path& p2)
    {
        if (ec)
            *ec = e;
        else
            BOOST_TEMPFILE_THROW(filesystem::filesystem_error(what, p1, p2, e));
    }
    static void report2(system::error_code* ec, int err, const char* what, const filesystem::path& p1,
                        const filesystem::path& p2)
    {
        report2(ec, make_error(err), what, p1, p2);
    }

    void do_persist(const filesystem::path& target, publish_mode m, durability d, bool noclobber,
                    system::error_code* ec)
    {
        const char* what =
            noclobber ? "boost::tempfile::basic_temp_file::persist_noclobber" : "boost::tempfile::basic_temp_file::persist";
        Impl& f = this->self();
        if (!f.name_present_ && !f.persisted_) { // removed at close()
            report2(ec, -sys::err::no_entry, what, f.path_, target);
            return;
        }
        filesystem::path to = target;
        if (!to.is_absolute()) {
            system::error_code e;
            filesystem::path cwd = filesystem::current_path(e);
            if (e) {
                report2(ec, e, what, f.path_, target);
                return;
            }
            to = cwd / target;
        }
        if (to.empty() || !representable<CharT>(to.native())) { // name() must give it back
            report2(ec, to.empty() ? -sys::err::no_entry : -sys::err::illegal_sequence, what, f.path_, target);
            return;
        }
        long was = -1;
        if (int r = this->prepare_publish(to.c_str(), m, d, was); r < 0) {
            report2(ec, r, what, f.path_, target);
            return;
        }
        int r = sys::publish(f.fd_, f.path_.c_str(), to.c_str(), noclobber, f.system_removes_);
        if (r != 0)
            this->restore_mode(was); // nothing of ours published: its private mode back
        if (r < 0) {
            report2(ec, r, what, f.path_, target);
            return;
        }
        f.kept_ = false; // published, or the name is another file's: no keep() to take back
        if (r > 0) {     // the name does not lead to this file (2), or did not during the rename (1)
            if (std::exchange(f.name_present_, false)) // not this file's name now: never removed by it
                notify_release(f.cleanup_);
            f.dir_.reset();
            report2(ec, -sys::err::no_entry,
                    r == 2 ? (noclobber ? "boost::tempfile::basic_temp_file::persist_noclobber: the name leads to "
                                          "another file now (nothing was published)"
                                        : "boost::tempfile::basic_temp_file::persist: the name leads to another "
                                          "file now (nothing was published)")
                           : (noclobber ? "boost::tempfile::basic_temp_file::persist_noclobber: the name was taken "
                                          "over during the rename; the target names another file, not this one"
                                        : "boost::tempfile::basic_temp_file::persist: the name was taken over "
                                          "during the rename; the target names another file, not this one"),
                    f.path_, target);
            return;
        }
        const bool owned = std::exchange(f.name_present_, false);
        f.persisted_ = true;
        f.system_removes_ = false; // (Windows) reopened by its new name: an ordinary handle now
        f.path_ = std::move(to);
        f.dir_.reset();
        if (owned)
            notify_release(f.cleanup_);
        if (d == durability::durable) {
            if (int s = this->sync_parent(f.path_); s < 0) { // published, not yet durable
                report2(ec, s, what, f.path_, target);
                return;
            }
        }
        clear(ec);
    }
};

// An anonymous file: link().
template <class Impl>
class linking : public publishing<Impl>
{
public:
    // Gives the open anonymous file the name target (linkat), never replacing: an existing
    // target is errc::file_exists. The object keeps the descriptor and nothing deletes the new
    // name. A file made by the create + unlink fallback (no O_TMPFILE) cannot be linked:
    // errc::operation_not_supported. The new name gets the permissions `m` says (default:
    // like_target(), which for a name that cannot exist yet is umask_default()).
    void link(const filesystem::path& target, durability d = durability::none)
    {
        do_link(target, publish_mode::like_target(), d, nullptr);
    }
    void link(const filesystem::path& target, system::error_code& ec)
    {
        do_link(target, publish_mode::like_target(), durability::none, &ec);
    }
    void link(const filesystem::path& target, durability d, system::error_code& ec)
    {
        do_link(target, publish_mode::like_target(), d, &ec);
    }
    void link(const filesystem::path& target, publish_mode m, durability d = durability::none)
    {
        do_link(target, m, d, nullptr);
    }
    void link(const filesystem::path& target, publish_mode m, system::error_code& ec)
    {
        do_link(target, m, durability::none, &ec);
    }
    void link(const filesystem::path& target, publish_mode m, durability d, system::error_code& ec)
    {
        do_link(target, m, d, &ec);
    }

protected:
    linking() = default;
    linking(linking&&) = default;
    linking& operator=(linking&&) = default;
    ~linking() = default;

    bool linkable_ = false; // an O_TMPFILE file: link() can name it

private:
    void do_link(const filesystem::path& target, publish_mode m, durability d, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::temporary_file::link";
        Impl& f = this->self();
        if (!f.open_handle()) {
            report(ec, system::errc::bad_file_descriptor, what, target);
            return;
        }
        if (!sys::names_unnamed_files || !linkable_) {
            report(ec, system::errc::operation_not_supported,
                   "boost::tempfile::temporary_file::link: the file was made without O_TMPFILE "
                   "(create + unlink fallback, or a Windows delete-on-close file) and cannot be given a name",
                   target);
            return;
        }
        if constexpr (sys::names_unnamed_files) { // (the only builds that have this code)
            long was = -1;
            if (int r = this->prepare_publish(target.c_str(), m, d, was); r < 0) {
                report(ec, r, what, target);
                return;
            }
            if (int r = sys::link_unnamed(f.fd_, target.c_str()); r < 0) {
                this->restore_mode(was);
                report(ec, r, what, target);
                return;
            }
            if (d == durability::durable) {
                if (int s = this->sync_parent(target); s < 0) {
                    report(ec, s, what, target);
                    return;
                }
            }
            clear(ec);
        }
    }
};

// A spooled file publishes nothing.
struct not_published
{
};

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_FILE_PUBLISHING_HPP
