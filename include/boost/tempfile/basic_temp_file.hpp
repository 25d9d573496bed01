// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_BASIC_TEMP_FILE_HPP
#define BOOST_TEMPFILE_BASIC_TEMP_FILE_HPP

// basic_temp_file<CharT, Policies...>: a temporary file object. Policies come in any order and
// any subset; the same set in another order names the same type.
//
//     tf::basic_temp_file<char>                          // = named_temporary_file
//     tf::basic_temp_file<char, tf::anonymous_file<>>    // = temporary_file
//     tf::basic_temp_file<char, tf::spooled_file<>>      // = spooled_temporary_file
//     tf::basic_temp_file<wchar_t, tf::keep, my_names>   // a user naming policy, never deleted
//
// Members that make no sense for a creation policy are not there (a compile error, not a
// no-op): name(), path(), persist*() need a named file; link() an anonymous one;
// rollover(), rolled_over() a spooled one. Reference: doc/reference/temp_file.adoc.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/creation.hpp>
#include <boost/tempfile/detail/adopt.hpp>
#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/file_streambuf.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/detail/select.hpp>
#include <boost/tempfile/detail/spool_buffer.hpp>
#include <boost/tempfile/detail/unique.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/native.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/options.hpp>
#include <boost/tempfile/tempfile_fwd.hpp>

#include <boost/filesystem/exception.hpp>
#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <ios>
#include <istream> // std::iostream; not <iostream>: no std::cout to start in every program
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace boost {
namespace tempfile {

template <class CharT, class... Policies>
using basic_temp_file = typename detail::make_temp_file<CharT, Policies...>::type;

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

template <class C, class = void> struct has_open_unnamed : std::false_type {};
template <class C>
struct has_open_unnamed<C, std::void_t<decltype(C::open_unnamed(sys::no_dir, static_cast<const sys::native_char*>(nullptr),
                                                                std::declval<sys::handle_type&>()))>>
    : std::true_type
{
};

template <class C, class = void> struct has_try_create_delete_on_close : std::false_type {};
template <class C>
struct has_try_create_delete_on_close<
    C, std::void_t<decltype(C::try_create_delete_on_close(sys::no_dir, static_cast<const sys::native_char*>(nullptr),
                                                          std::declval<sys::handle_type&>()))>> : std::true_type
{
};

template <class C, class = void> struct is_spooled : std::false_type {};
template <class C> struct is_spooled<C, std::void_t<decltype(C::spooled)>> : std::bool_constant<C::spooled> {};

inline int whence_of(std::ios_base::seekdir way) noexcept
{
    return way == std::ios_base::beg ? SEEK_SET : way == std::ios_base::cur ? SEEK_CUR : SEEK_END;
}

// The error negated, for the device calls under stream().
inline int negated(const system::error_code& e) noexcept
{
    return e.value() > 0 ? -e.value() : -sys::err::io;
}

struct no_spool
{
};

// The state of a spooled file before (and across) its rollover.
struct spool_state
{
    spool_buffer mem;
    name_parts parts;            // where the anonymous file goes at rollover
    std::uint64_t max_size = 0;  // 0: writes never roll over
    bool in_memory = false;      // open, data in mem
    bool rolled = false;         // the data moved to a file
    int rollover_error = 0;      // a rollover under stream() failed (-errno), data kept in mem:
                                 // reported once, by the next flush() or close()

    spool_state() = default;
    spool_state(spool_state&& o) noexcept
        : mem(std::move(o.mem)), parts(std::move(o.parts)), max_size(o.max_size),
          in_memory(std::exchange(o.in_memory, false)), rolled(o.rolled),
          rollover_error(std::exchange(o.rollover_error, 0))
    {
    }
    spool_state& operator=(spool_state&& o) noexcept
    {
        mem = std::move(o.mem);
        parts = std::move(o.parts);
        max_size = o.max_size;
        in_memory = std::exchange(o.in_memory, false);
        rolled = o.rolled;
        rollover_error = std::exchange(o.rollover_error, 0);
        return *this;
    }
};

} // namespace detail

template <class CharT, class Naming, class Location, class Creation, class Cleanup>
class basic_temp_file_impl
{
    static constexpr bool spooled = detail::is_spooled<Creation>::value;
    static constexpr bool named = Creation::named;
    // Where the system deletes files itself (Windows), files the object would remove at close
    // are made so: nothing is left even if the process is killed.
    static constexpr bool deletes_on_close =
        detail::sys::has_delete_on_close && detail::has_try_create_delete_on_close<Creation>::value;

public:
    using char_type = CharT;
    using string_type = std::basic_string<CharT>;
    using naming_type = Naming;
    using location_type = Location;
    using creation_type = Creation;
    using cleanup_type = Cleanup;
    using options_type = typename Creation::template options_type<CharT>;
    using native_handle_type = tempfile::native_handle_type;

    // Creates the file (a spooled file: nothing yet, the data starts in memory); throws
    // filesystem_error naming the path on failure.
    basic_temp_file_impl() : basic_temp_file_impl(options_type()) {}
    explicit basic_temp_file_impl(const options_type& o) { create(o, nullptr); }
    // Creates the file; on failure sets ec and the object is closed (is_open() is false).
    basic_temp_file_impl(const options_type& o, system::error_code& ec) { create(o, &ec); }

    basic_temp_file_impl(const basic_temp_file_impl&) = delete;
    basic_temp_file_impl& operator=(const basic_temp_file_impl&) = delete;

    basic_temp_file_impl(basic_temp_file_impl&& other) noexcept
        : fd_(std::exchange(other.fd_, detail::sys::invalid_handle)), path_(std::move(other.path_)),
          dir_(std::move(other.dir_)), owner_(other.owner_), name_present_(std::exchange(other.name_present_, false)),
          system_removes_(other.system_removes_),
          persisted_(other.persisted_), linkable_(other.linkable_), kept_(other.kept_), cleanup_(std::move(other.cleanup_)),
          stream_(std::move(other.stream_)), spool_(std::move(other.spool_))
    {
        if (stream_)
            stream_->buf.rebind(this);
    }

    basic_temp_file_impl& operator=(basic_temp_file_impl&& other) noexcept
    {
        if (this != &other) {
            release_resources();
            fd_ = std::exchange(other.fd_, detail::sys::invalid_handle);
            path_ = std::move(other.path_);
            dir_ = std::move(other.dir_);
            owner_ = other.owner_;
            name_present_ = std::exchange(other.name_present_, false);
            system_removes_ = other.system_removes_;
            persisted_ = other.persisted_;
            linkable_ = other.linkable_;
            kept_ = other.kept_;
            cleanup_ = std::move(other.cleanup_);
            stream_ = std::move(other.stream_);
            spool_ = std::move(other.spool_);
            if (stream_)
                stream_->buf.rebind(this);
        }
        return *this;
    }

    // Flushes stream(), closes the file and removes it as the cleanup policy says; never throws.
    ~basic_temp_file_impl() { release_resources(); }

    // ---- I/O: every call has a throwing form and an error_code form. Each first hands back
    // what stream() holds (pending output written, read-ahead given back).

    // Writes all n bytes at the current position (or throws); returns n.
    std::size_t write(const void* data, std::size_t n) { return do_write(data, n, nullptr); }
    std::size_t write(const void* data, std::size_t n, system::error_code& ec) noexcept
    {
        return do_write(data, n, &ec);
    }
    std::size_t write(std::string_view s) { return do_write(s.data(), s.size(), nullptr); }
    std::size_t write(std::string_view s, system::error_code& ec) noexcept { return do_write(s.data(), s.size(), &ec); }

    // Writes each element (anything convertible to std::string_view) in turn, as write() does;
    // a spooled file may roll over in the middle, the rest then goes to the file.
    template <class Range>
    void writelines(const Range& lines)
    {
        for (const auto& l : lines) {
            std::string_view s(l);
            do_write(s.data(), s.size(), nullptr);
        }
    }
    template <class Range>
    void writelines(const Range& lines, system::error_code& ec)
    {
        ec.clear();
        for (const auto& l : lines) {
            std::string_view s(l);
            do_write(s.data(), s.size(), &ec);
            if (ec)
                return;
        }
    }

    // Reads up to n bytes; 0 at the end of the file.
    std::size_t read(void* data, std::size_t n) { return do_read(data, n, nullptr); }
    std::size_t read(void* data, std::size_t n, system::error_code& ec) noexcept { return do_read(data, n, &ec); }

    // Moves the position; returns the new position. Seeking past the end is allowed.
    std::int64_t seek(std::int64_t off, std::ios_base::seekdir way = std::ios_base::beg)
    {
        return do_seek(off, way, nullptr);
    }
    std::int64_t seek(std::int64_t off, std::ios_base::seekdir way, system::error_code& ec) noexcept
    {
        return do_seek(off, way, &ec);
    }

    std::int64_t tell() { return do_seek(0, std::ios_base::cur, nullptr); }
    std::int64_t tell(system::error_code& ec) noexcept { return do_seek(0, std::ios_base::cur, &ec); }

    // Writes what stream() holds; nothing is buffered below it.
    void flush() { do_flush(nullptr); }
    void flush(system::error_code& ec) noexcept { do_flush(&ec); }

    // Sets the size (extending with zeros, or cutting); the position does not move. A spooled
    // file rolls over first when size > max_size.
    void truncate(std::uint64_t size) { do_truncate(size, nullptr); }
    void truncate(std::uint64_t size, system::error_code& ec) noexcept { do_truncate(size, &ec); }

    // Flushes stream(), closes the descriptor, then removes the file if the cleanup policy says
    // so at close. Idempotent. A file the user already removed is not an error.
    void close() { do_close(nullptr); }
    void close(system::error_code& ec) noexcept { do_close(&ec); }

    bool is_open() const noexcept
    {
        if constexpr (spooled)
            return open_handle() || spool_.in_memory;
        else
            return open_handle();
    }

    // The descriptor (POSIX) or HANDLE (Windows); invalid_native_handle once closed. Call
    // flush() first if stream() has pending output.
    template <class C = Creation, std::enable_if_t<!detail::is_spooled<C>::value, int> = 0>
    native_handle_type native_handle() const noexcept
    {
        return detail::sys::public_handle(fd_);
    }
    // Spooled files: rolls over first (Python's fileno()).
    template <class C = Creation, std::enable_if_t<detail::is_spooled<C>::value, int> = 0>
    native_handle_type native_handle()
    {
        return detail::sys::public_handle(do_rollover(nullptr) ? fd_ : detail::sys::invalid_handle);
    }
    template <class C = Creation, std::enable_if_t<detail::is_spooled<C>::value, int> = 0>
    native_handle_type native_handle(system::error_code& ec) noexcept
    {
        return detail::sys::public_handle(do_rollover(&ec) ? fd_ : detail::sys::invalid_handle);
    }

    // A buffered stream on the same file (allocated on the first call, then kept; it follows
    // the object when moved). Unformatted calls and the stream see each other's data.
    std::iostream& stream()
    {
        if (!stream_)
            stream_.reset(new detail::file_stream<basic_temp_file_impl>(this));
        return stream_->stream;
    }

    // ---- Named files only.

    // The absolute name, in CharT (wide names are UTF-8 on disk). After persist(): the target.
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    string_type name() const
    {
        string_type r;
        detail::from_native(path_.native(), r); // checked at creation and at persist
        return r;
    }

    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    const filesystem::path& path() const noexcept
    {
        return path_;
    }

    // Renames the file to target, atomically replacing what is there; afterwards nothing
    // deletes it and path() is target (made absolute). The descriptor stays open. On failure
    // the object keeps the file, as it was.
    // The file gets the permissions `m` says (default: like_target()) before the rename.
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist(const filesystem::path& target, durability d = durability::none)
    {
        do_persist(target, publish_mode::like_target(), d, false, nullptr);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist(const filesystem::path& target, system::error_code& ec)
    {
        do_persist(target, publish_mode::like_target(), durability::none, false, &ec);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist(const filesystem::path& target, durability d, system::error_code& ec)
    {
        do_persist(target, publish_mode::like_target(), d, false, &ec);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist(const filesystem::path& target, publish_mode m, durability d = durability::none)
    {
        do_persist(target, m, d, false, nullptr);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist(const filesystem::path& target, publish_mode m, system::error_code& ec)
    {
        do_persist(target, m, durability::none, false, &ec);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist(const filesystem::path& target, publish_mode m, durability d, system::error_code& ec)
    {
        do_persist(target, m, d, false, &ec);
    }

    // As persist(), but an existing target is errc::file_exists and both files stay intact
    // (renameat2 RENAME_NOREPLACE; link + unlink where that is not supported).
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist_noclobber(const filesystem::path& target, durability d = durability::none)
    {
        do_persist(target, publish_mode::like_target(), d, true, nullptr);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist_noclobber(const filesystem::path& target, system::error_code& ec)
    {
        do_persist(target, publish_mode::like_target(), durability::none, true, &ec);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist_noclobber(const filesystem::path& target, durability d, system::error_code& ec)
    {
        do_persist(target, publish_mode::like_target(), d, true, &ec);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist_noclobber(const filesystem::path& target, publish_mode m, durability d = durability::none)
    {
        do_persist(target, m, d, true, nullptr);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist_noclobber(const filesystem::path& target, publish_mode m, system::error_code& ec)
    {
        do_persist(target, m, durability::none, true, &ec);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void persist_noclobber(const filesystem::path& target, publish_mode m, durability d, system::error_code& ec)
    {
        do_persist(target, m, d, true, &ec);
    }

    // Decides now that nothing deletes the file: from here on neither close() nor the
    // destructor removes it, and remove_at_exit withdraws it. The object stays open and
    // usable (persist() still moves it). With .keep = true, the tf::keep policy, after
    // persist() or once the name was removed: nothing changes. A Windows delete-on-close file
    // has its deletion taken back, which may change native_handle() (doc/reference/temp_file.adoc#keep).
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void keep() noexcept
    {
        if (!name_present_)
            return;
        if (system_removes_ && open_handle()) { // Windows: take the deletion back
            detail::native_string moved;
            int r = detail::sys::keep_delete_on_close(fd_, path_.c_str(), moved);
            if (r < 0)
                return; // not kept: never reported so (the file still goes at close)
            system_removes_ = false;
            if (r == 1)
                path_ = filesystem::path(std::move(moved)); // its name was taken meanwhile
        }
        name_present_ = false;
        persisted_ = true; // nobody removes it; persist() still may move it
        kept_ = true;      // until keep(false)
        dir_.reset();
        detail::notify_release(cleanup_);
    }

    // keep(true) is keep(). keep(false) takes a keep() back (Rust's disable_cleanup(false)):
    // the file is removed again as the cleanup policy says (close(), the destructor,
    // remove_at_exit registers it again); a Windows file that was delete-on-close is made so
    // again where the system allows it, else removed by name at close. Nothing changes after
    // persist(), or when keep() was not called (the policy's own keep stays).
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    void keep(bool on) noexcept
    {
        if (on) {
            keep();
            return;
        }
        if (!std::exchange(kept_, false))
            return;
        persisted_ = false;
        name_present_ = true;
        if constexpr (deletes_on_close)
            if (open_handle() && cleanup_.remove_at_close() && cleanup_.remove_at_destroy() &&
                detail::sys::set_delete_on_close(fd_, true) == 0)
                system_removes_ = true; // else (refused, Wine): removed by name
        detail::notify_name(cleanup_, path_, false);
    }

    // A new, independent handle on the same file (its own position), opened by name and
    // checked to be this object's open file (device and inode; Windows: volume and file
    // index). If the name now leads to another file (removed and made again, replaced), the
    // error is errc::no_such_file_or_directory naming the path, and nothing is opened; a
    // closed object is errc::bad_file_descriptor.
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    file_handle reopen() const
    {
        return do_reopen(nullptr);
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    file_handle reopen(system::error_code& ec) const
    {
        return do_reopen(&ec);
    }

    // Adopts the existing regular file `p` (Rust's TempPath::from_path): opened for reading
    // and writing, it is then the object's, removed as a created file is (default options).
    // Refused (nothing opened, nothing changed): a symbolic link, a directory, a FIFO, socket or
    // device, a file of another user (POSIX). filesystem_error / ec name the path; an error_code
    // form returns a closed object.
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    static basic_temp_file_impl adopt(const filesystem::path& p)
    {
        basic_temp_file_impl f{detail::adopt_tag()};
        f.do_adopt(p, nullptr, nullptr);
        return f;
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    static basic_temp_file_impl adopt(const filesystem::path& p, system::error_code& ec)
    {
        basic_temp_file_impl f{detail::adopt_tag()};
        f.do_adopt(p, nullptr, &ec);
        return f;
    }
    // Adopts the open file `h` under its name `p` (Rust's NamedTempFile::from_parts): the
    // object owns `h` from then on. Refused as adopt(p), and also when `h` is not an open file
    // or `p` leads to another file than `h` (device and inode; Windows: volume and file index);
    // on refusal `h` is left to the caller, untouched.
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    static basic_temp_file_impl adopt(native_handle_type h, const filesystem::path& p)
    {
        basic_temp_file_impl f{detail::adopt_tag()};
        f.do_adopt(p, &h, nullptr);
        return f;
    }
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    static basic_temp_file_impl adopt(native_handle_type h, const filesystem::path& p, system::error_code& ec)
    {
        basic_temp_file_impl f{detail::adopt_tag()};
        f.do_adopt(p, &h, &ec);
        return f;
    }

    // ---- Anonymous files only (not spooled).

    // Gives the open anonymous file the name target (linkat), never replacing: an existing
    // target is errc::file_exists. The object keeps the descriptor and nothing deletes the new
    // name. A file made by the create + unlink fallback (no O_TMPFILE) cannot be linked:
    // errc::operation_not_supported.
    // The new name gets the permissions `m` says (default: like_target(), which for a name that
    // cannot exist yet is umask_default()).
    template <class C = Creation, std::enable_if_t<!C::named && !detail::is_spooled<C>::value, int> = 0>
    void link(const filesystem::path& target, durability d = durability::none)
    {
        do_link(target, publish_mode::like_target(), d, nullptr);
    }
    template <class C = Creation, std::enable_if_t<!C::named && !detail::is_spooled<C>::value, int> = 0>
    void link(const filesystem::path& target, system::error_code& ec)
    {
        do_link(target, publish_mode::like_target(), durability::none, &ec);
    }
    template <class C = Creation, std::enable_if_t<!C::named && !detail::is_spooled<C>::value, int> = 0>
    void link(const filesystem::path& target, durability d, system::error_code& ec)
    {
        do_link(target, publish_mode::like_target(), d, &ec);
    }
    template <class C = Creation, std::enable_if_t<!C::named && !detail::is_spooled<C>::value, int> = 0>
    void link(const filesystem::path& target, publish_mode m, durability d = durability::none)
    {
        do_link(target, m, d, nullptr);
    }
    template <class C = Creation, std::enable_if_t<!C::named && !detail::is_spooled<C>::value, int> = 0>
    void link(const filesystem::path& target, publish_mode m, system::error_code& ec)
    {
        do_link(target, m, durability::none, &ec);
    }
    template <class C = Creation, std::enable_if_t<!C::named && !detail::is_spooled<C>::value, int> = 0>
    void link(const filesystem::path& target, publish_mode m, durability d, system::error_code& ec)
    {
        do_link(target, m, d, &ec);
    }

    // ---- Spooled files only.

    // Moves the data to an anonymous file now, keeping the position; does nothing if that has
    // happened. On failure the data stays in memory, intact.
    template <class C = Creation, std::enable_if_t<detail::is_spooled<C>::value, int> = 0>
    void rollover()
    {
        do_rollover(nullptr);
    }
    template <class C = Creation, std::enable_if_t<detail::is_spooled<C>::value, int> = 0>
    void rollover(system::error_code& ec) noexcept
    {
        do_rollover(&ec);
    }

    // Whether the data has moved to a file.
    template <class C = Creation, std::enable_if_t<detail::is_spooled<C>::value, int> = 0>
    bool rolled_over() const noexcept
    {
        return spool_.rolled;
    }

private:
    template <class> friend class detail::file_streambuf;

    explicit basic_temp_file_impl(detail::adopt_tag) noexcept {}

    void do_adopt(const filesystem::path& p, const native_handle_type* given, system::error_code* ec)
    {
        const char* what =
            given ? "boost::tempfile::basic_temp_file::adopt(handle, path)" : "boost::tempfile::basic_temp_file::adopt";
        filesystem::path name;
        if (!detail::adopt_name<CharT>(p, name, ec, what))
            return;
        detail::sys::handle_type h = detail::sys::invalid_handle;
        int r = given ? detail::sys::adopt_handle(*given, name.c_str()) : detail::sys::adopt_file(name.c_str(), h);
        if (r != 0) {
            detail::report_adopt(ec, r, what, name);
            return;
        }
        fd_ = given ? *given : h;
        path_ = std::move(name);
        name_present_ = true;
        owner_ = detail::sys::current_pid();
        cleanup_.on_create(options_type());
        detail::notify_name(cleanup_, path_, false);
        detail::clear(ec);
    }

    void create(const options_type& o, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file";
        detail::creation_guard_t<Cleanup> guard; // until on_name registered it
        if (!detail::creation_admitted(guard)) { // remove_at_exit: the process is ending
            detail::report(ec, system::errc::operation_canceled,
                           "boost::tempfile::basic_temp_file: the process is ending (remove_at_exit swept)");
            return;
        }
        if constexpr (spooled) {
            // Nothing is created yet; the options are checked now, used at rollover.
            if (!detail::resolve_name_parts<Location, CharT>(o, spool_.parts, ec, what))
                return;
            spool_.max_size = o.max_size;
            spool_.in_memory = true;
            detail::clear(ec);
        } else if constexpr (!named) {
            detail::name_parts parts;
            if (!detail::resolve_name_parts<Location, CharT>(o, parts, ec, what))
                return;
            if (!open_anonymous(parts, fd_, ec, what))
                return;
        } else {
            detail::name_parts parts;
            if (!detail::resolve_name_parts<Location, CharT>(o, parts, ec, what))
                return;
            Naming naming;
            detail::native_string path;
            detail::sys::handle_type h = detail::sys::invalid_handle;
            constexpr unsigned attempts = detail::max_attempts_v<Naming, Creation>;
            int r;
            if constexpr (deletes_on_close) {
                Cleanup decided; // what the cleanup policy says for these options, asked before creation
                decided.on_create(o);
                system_removes_ = decided.remove_at_close() && decided.remove_at_destroy();
                r = system_removes_ ? detail::create_unique<CharT>(naming, parts, attempts,
                                                                   &Creation::try_create_delete_on_close, path, h, ec,
                                                                   what)
                                    : detail::create_unique<CharT>(naming, parts, attempts, &Creation::try_create,
                                                                   path, h, ec, what);
            } else {
                r = detail::create_unique<CharT>(naming, parts, attempts, &Creation::try_create, path, h, ec, what);
            }
            if (r < 0)
                return;
            if (!detail::representable<CharT>(path)) { // a name that is not UTF-8 (UTF-16), for CharT
                detail::sys::close(h);
                detail::remove_created(parts.lease, path, false);
                detail::report(ec, system::errc::illegal_byte_sequence, what, detail::message_path(path));
                return;
            }
            path_ = filesystem::path(std::move(path));
            dir_ = std::move(parts.lease);
            name_present_ = true;
            fd_ = h;
        }
        owner_ = detail::sys::current_pid();
        cleanup_.on_create(o);
        if (name_present_)
            detail::notify_name(cleanup_, path_, false);
    }

    // An anonymous file in parts.dir: open_unnamed (O_TMPFILE: linkable_ set); else, where the
    // system deletes files itself, a delete-on-close file nobody else may open; else a named
    // file unlinked at once. True with h set, or false with the error reported and nothing
    // left behind.
    bool open_anonymous(detail::name_parts& parts, detail::sys::handle_type& h, system::error_code* ec,
                        const char* what)
    {
        detail::sys::handle_type fd = detail::sys::invalid_handle;
        if constexpr (detail::has_open_unnamed<Creation>::value) {
            static constexpr detail::sys::native_char here[] = {'.', 0};
            auto unnamed = [&] {
                return Creation::open_unnamed(parts.lease.dir(), parts.lease ? here : parts.dir().c_str(), fd);
            };
            int r = unnamed();
            if (r == -detail::sys::err::no_entry && parts.lease) { // the held directory was removed
                parts.lease.renew();
                r = unnamed();
            }
            if (r >= 0) {
                linkable_ = true;
                h = fd;
                detail::clear(ec);
                return true;
            }
        }
        Naming naming;
        detail::native_string path;
        constexpr unsigned attempts = detail::max_attempts_v<Naming, Creation>;
        linkable_ = false;
        if constexpr (deletes_on_close) {
            if (detail::create_unique<CharT>(naming, parts, attempts, &Creation::try_create_delete_on_close, path, fd,
                                             ec, what) < 0)
                return false;
            h = fd;
            return true;
        }
        if (detail::create_unique<CharT>(naming, parts, attempts, &Creation::try_create, path, fd, ec, what) < 0)
            return false;
        int r = detail::remove_created(parts.lease, path, false);
        if (r < 0) {
            detail::sys::close(fd);
            detail::report(ec, r, what, detail::message_path(path));
            return false;
        }
        h = fd;
        return true;
    }

    bool open_handle() const noexcept { return fd_ != detail::sys::invalid_handle; }

    bool may_remove() const noexcept
    {
        return !detail::owner_only<Cleanup>::value || owner_ == detail::sys::current_pid();
    }

    // Removes the name, if there is one; a name already gone is not an error.
    int remove_name() noexcept
    {
        if (!name_present_)
            return 0;
        name_present_ = false;
        int r = system_removes_ ? 0 : detail::remove_created(dir_, path_.native(), false); // else: gone at close
        dir_.reset();
        detail::notify_release(cleanup_); // after the unlink: a signal in between still removes it
        return r == -detail::sys::err::no_entry ? 0 : r;
    }

    void release_resources() noexcept
    {
        if (stream_) {
            if (is_open())
                stream_->buf.release(); // best effort: a destructor reports nothing
            stream_.reset();
        }
        if constexpr (spooled) {
            spool_.mem.clear();
            spool_.in_memory = false;
        }
        if (open_handle())
            detail::sys::close(std::exchange(fd_, detail::sys::invalid_handle));
        if (name_present_ && cleanup_.remove_at_destroy() && may_remove())
            remove_name();
        if (std::exchange(name_present_, false))
            detail::notify_release(cleanup_); // left in place (keep, or not the owner)
    }

    // Hands the file back from stream() to the unformatted calls; false with the error reported.
    bool sync_stream(system::error_code* ec, const char* what)
    {
        if (!stream_ || !is_open())
            return true;
        int r = stream_->buf.release();
        if (r < 0) {
            detail::report(ec, r, what, path_);
            return false;
        }
        return true;
    }

    // Before the data is published or finished (flush, persist*, link, close): hands the file
    // back from stream() as sync_stream does; 0, or -errno of the first write through stream()
    // that failed, then or earlier. Such a write lost data the stream had accepted (the stream
    // only set badbit), so from then on nothing may publish the file as complete.
    int finish_stream() noexcept
    {
        if (!stream_)
            return 0;
        int r = is_open() ? stream_->buf.release() : 0;
        int lost = stream_->buf.write_error();
        if constexpr (spooled)
            if (r == 0 && !lost)
                r = std::exchange(spool_.rollover_error, 0);
        return lost ? lost : r;
    }

    bool check_open(system::error_code* ec, const char* what) const
    {
        if (is_open())
            return true;
        detail::report(ec, system::errc::bad_file_descriptor, what, path_);
        return false;
    }

    // ---- The device: the same operations without the stream hand-back. Used by the public
    // calls and, through dev_*, by stream()'s buffer.

    // `kept`: set when the data went to memory and only the rollover after it failed.
    bool raw_write(const void* data, std::size_t n, system::error_code* ec, bool* kept = nullptr)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::write";
        if (!check_open(ec, what))
            return false;
        if constexpr (spooled) {
            if (spool_.in_memory) {
                int r = spool_.mem.write(data, n);
                if (r < 0) {
                    detail::report(ec, r, what);
                    return false;
                }
                // Python's _check: roll over once the position is past max_size.
                if (spool_.max_size != 0 && static_cast<std::uint64_t>(spool_.mem.position()) > spool_.max_size) {
                    if (kept)
                        *kept = true;
                    return do_rollover(ec);
                }
                detail::clear(ec);
                return true;
            }
        }
        int r = detail::sys::write_all(fd_, data, n);
        if (r < 0) {
            detail::report(ec, r, what, path_);
            return false;
        }
        detail::clear(ec);
        return true;
    }

    std::size_t raw_read(void* data, std::size_t n, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::read";
        if (!check_open(ec, what))
            return 0;
        if constexpr (spooled) {
            if (spool_.in_memory) {
                detail::clear(ec);
                return spool_.mem.read(data, n);
            }
        }
        std::ptrdiff_t r = detail::sys::read(fd_, data, n);
        if (r < 0) {
            detail::report(ec, static_cast<int>(r), what, path_);
            return 0;
        }
        detail::clear(ec);
        return static_cast<std::size_t>(r);
    }

    std::int64_t raw_seek(std::int64_t off, int whence, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::seek";
        if (!check_open(ec, what))
            return -1;
        std::int64_t r;
        if constexpr (spooled)
            r = spool_.in_memory ? spool_.mem.seek(off, whence) : detail::sys::seek(fd_, off, whence);
        else
            r = detail::sys::seek(fd_, off, whence);
        if (r < 0) {
            detail::report(ec, static_cast<int>(r), what, path_);
            return -1;
        }
        detail::clear(ec);
        return r;
    }

    int dev_write(const char* p, std::size_t n) noexcept
    {
        system::error_code e;
        bool kept = false;
        if (raw_write(p, n, &e, &kept))
            return 0;
        if constexpr (spooled) {
            if (kept) { // in memory, intact: the stream lost nothing (a retry would write it twice)
                if (spool_.rollover_error == 0)
                    spool_.rollover_error = detail::negated(e);
                return 0;
            }
        }
        return detail::negated(e);
    }
    std::ptrdiff_t dev_read(char* p, std::size_t n) noexcept
    {
        system::error_code e;
        std::size_t r = raw_read(p, n, &e);
        return e ? detail::negated(e) : static_cast<std::ptrdiff_t>(r);
    }
    std::int64_t dev_seek(std::int64_t off, int whence) noexcept
    {
        system::error_code e;
        std::int64_t r = raw_seek(off, whence, &e);
        return e ? detail::negated(e) : r;
    }

    // ---- The public calls.

    std::size_t do_write(const void* data, std::size_t n, system::error_code* ec)
    {
        if (!sync_stream(ec, "boost::tempfile::basic_temp_file::write"))
            return 0;
        return raw_write(data, n, ec) ? n : 0;
    }

    std::size_t do_read(void* data, std::size_t n, system::error_code* ec)
    {
        if (!sync_stream(ec, "boost::tempfile::basic_temp_file::read"))
            return 0;
        return raw_read(data, n, ec);
    }

    std::int64_t do_seek(std::int64_t off, std::ios_base::seekdir way, system::error_code* ec)
    {
        if (!sync_stream(ec, "boost::tempfile::basic_temp_file::seek"))
            return -1;
        return raw_seek(off, detail::whence_of(way), ec);
    }

    void do_flush(system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::flush";
        if (!check_open(ec, what))
            return;
        if (int r = finish_stream(); r < 0)
            detail::report(ec, r, what, path_);
        else
            detail::clear(ec);
    }

    void do_truncate(std::uint64_t size, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::truncate";
        if (!check_open(ec, what) || !sync_stream(ec, what))
            return;
        if constexpr (spooled) {
            if (spool_.in_memory) {
                if (size > spool_.max_size) { // Python: rolls over first, then the file is extended
                    do_rollover(ec, &size); // the new file is truncated before it is kept
                    return;
                } else {
                    int r = spool_.mem.truncate(size);
                    if (r < 0)
                        detail::report(ec, r, what);
                    else
                        detail::clear(ec);
                    return;
                }
            }
        }
        int r = detail::sys::truncate(fd_, size);
        if (r < 0)
            detail::report(ec, r, what, path_);
        else
            detail::clear(ec);
    }

    void do_close(system::error_code* ec)
    {
        if (!is_open()) {
            detail::clear(ec);
            return;
        }
        if constexpr (spooled)
            if (spool_.in_memory)
                spool_.max_size = 0; // stream()'s pending bytes go to memory: close() never creates a file
        int r = finish_stream();
        if constexpr (spooled) {
            spool_.mem.clear();
            spool_.in_memory = false;
        }
        if (open_handle()) {
            int c = detail::sys::close(std::exchange(fd_, detail::sys::invalid_handle));
            if (r == 0)
                r = c;
        }
        if (name_present_ && cleanup_.remove_at_close() && may_remove()) {
            int u = remove_name();
            if (r == 0)
                r = u;
        }
        if (r < 0)
            detail::report(ec, r, "boost::tempfile::basic_temp_file::close", path_);
        else
            detail::clear(ec);
    }

    // Spooled: moves the data to an anonymous file, position kept; with `truncate_to`, the file
    // is then truncated (or extended) to that size. On failure the descriptor is closed (the file
    // had no name: nothing is left) and the data stays in memory.
    bool do_rollover(system::error_code* ec, const std::uint64_t* truncate_to = nullptr)
    {
        static constexpr const char* what = "boost::tempfile::spooled_temporary_file::rollover";
        if constexpr (spooled) {
            if (!spool_.in_memory) {
                if (!check_open(ec, what))
                    return false;
                detail::clear(ec);
                return true;
            }
            detail::sys::handle_type fd = detail::sys::invalid_handle;
            if (!open_anonymous(spool_.parts, fd, ec, what))
                return false;
            const std::size_t size = spool_.mem.size();
            const std::int64_t pos = spool_.mem.position();
            int r = size ? detail::sys::write_all_at(fd, spool_.mem.data(), size, 0) : 0;
            if (r == 0 && (pos != 0 || !detail::sys::write_at_keeps_position)) {
                std::int64_t s = detail::sys::seek(fd, pos, SEEK_SET);
                if (s < 0)
                    r = static_cast<int>(s);
            }
            if (r == 0 && truncate_to)
                r = detail::sys::truncate(fd, *truncate_to); // EINVAL / EFBIG: not kept
            if (r < 0) {
                detail::sys::close(fd);
                detail::report(ec, r, what, detail::message_path(spool_.parts.dir()));
                return false;
            }
            fd_ = fd;
            spool_.mem.clear();
            spool_.in_memory = false;
            spool_.rolled = true;
            spool_.rollover_error = 0; // an earlier failure left nothing behind: all is in the file
            spool_.parts.lease.reset(); // the file is anonymous: nothing to remove later
            detail::clear(ec);
            return true;
        } else {
            (void)ec;
            return false;
        }
    }

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
        report2(ec, detail::make_error(err), what, p1, p2);
    }

    // f(handle) on the file: its own, or (closed, still named) one opened by name.
    template <class F>
    int on_file(F f) noexcept
    {
        if (open_handle())
            return f(fd_);
        detail::sys::handle_type h = detail::sys::invalid_handle;
        if (int r = detail::sys::open_existing(path_.c_str(), h); r < 0)
            return r;
        int r = f(h);
        detail::sys::close(h);
        return r;
    }

    // Before publishing as `target`: the data out of stream() (a failed write is never
    // published), the mode `m` says, then with `durable` the fsync. 0 or -errno. The mode the
    // file had goes to `was` (-1: unchanged): a publish that fails puts it back (restore_mode),
    // so the file never stays, under its temporary name, readable by others.
    int prepare_publish(const detail::sys::native_char* target, publish_mode m, durability d, long& was) noexcept
    {
        was = -1;
        if (int r = finish_stream(); r < 0)
            return r;
        unsigned mode = 0;
        if (int r = detail::mode_to_publish(m, target, &mode); r != 0) {
            if (r < 0)
                return r;
            if ((r = on_file([mode, &was](detail::sys::handle_type h) {
                     unsigned old = 0;
                     int e = detail::sys::mode_of(h, &old);
                     if (e == 0 && (e = detail::sys::set_mode(h, mode)) == 0)
                         was = static_cast<long>(old);
                     return e;
                 })) < 0)
                return r;
        }
        int r = d == durability::durable ? on_file([](detail::sys::handle_type h) { return detail::sys::sync(h); }) : 0;
        if (r < 0)
            restore_mode(was);
        return r;
    }

    // After a publish that failed: the mode prepare_publish found, back on the file.
    void restore_mode(long was) noexcept
    {
        if (was >= 0)
            on_file([was](detail::sys::handle_type h) { return detail::sys::set_mode(h, static_cast<unsigned>(was)); });
    }

    static int sync_parent(const filesystem::path& p) noexcept
    {
        filesystem::path dir = p.parent_path();
        return detail::sys::sync_dir(dir.empty() ? filesystem::path(".").c_str() : dir.c_str());
    }

    void do_persist(const filesystem::path& target, publish_mode m, durability d, bool noclobber,
                    system::error_code* ec)
    {
        const char* what =
            noclobber ? "boost::tempfile::basic_temp_file::persist_noclobber" : "boost::tempfile::basic_temp_file::persist";
        if (!name_present_ && !persisted_) { // removed at close()
            report2(ec, -detail::sys::err::no_entry, what, path_, target);
            return;
        }
        filesystem::path to = target;
        if (!to.is_absolute()) {
            system::error_code e;
            filesystem::path cwd = filesystem::current_path(e);
            if (e) {
                report2(ec, e, what, path_, target);
                return;
            }
            to = cwd / target;
        }
        if (to.empty() || !detail::representable<CharT>(to.native())) { // name() must give it back
            report2(ec, to.empty() ? -detail::sys::err::no_entry : -detail::sys::err::illegal_sequence, what, path_,
                    target);
            return;
        }
        long was = -1;
        if (int r = prepare_publish(to.c_str(), m, d, was); r < 0) {
            report2(ec, r, what, path_, target);
            return;
        }
        int r = detail::sys::publish(fd_, path_.c_str(), to.c_str(), noclobber, system_removes_);
        if (r != 0)
            restore_mode(was); // nothing of ours published: its private mode back
        if (r < 0) {
            report2(ec, r, what, path_, target);
            return;
        }
        kept_ = false; // published, or the name is another file's: no keep() to take back
        if (r > 0) { // the name does not lead to this file (2), or did not during the rename (1)
            if (std::exchange(name_present_, false)) // not this file's name now: never removed by it
                detail::notify_release(cleanup_);
            dir_.reset();
            report2(ec, -detail::sys::err::no_entry,
                    r == 2 ? (noclobber ? "boost::tempfile::basic_temp_file::persist_noclobber: the name leads to "
                                          "another file now (nothing was published)"
                                        : "boost::tempfile::basic_temp_file::persist: the name leads to another "
                                          "file now (nothing was published)")
                           : (noclobber ? "boost::tempfile::basic_temp_file::persist_noclobber: the name was taken "
                                          "over during the rename; the target names another file, not this one"
                                        : "boost::tempfile::basic_temp_file::persist: the name was taken over "
                                          "during the rename; the target names another file, not this one"),
                    path_, target);
            return;
        }
        const bool owned = std::exchange(name_present_, false);
        persisted_ = true;
        system_removes_ = false; // (Windows) reopened by its new name: an ordinary handle now
        path_ = std::move(to);
        dir_.reset();
        if (owned)
            detail::notify_release(cleanup_);
        if (d == durability::durable) {
            if (int s = sync_parent(path_); s < 0) { // published, not yet durable
                report2(ec, s, what, path_, target);
                return;
            }
        }
        detail::clear(ec);
    }

    file_handle do_reopen(system::error_code* ec) const
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::reopen";
        if (!open_handle()) {
            detail::report(ec, system::errc::bad_file_descriptor, what, path_);
            return file_handle();
        }
        if (stream_) { // what stream() holds is written first: the new handle sees it
            if (int f = stream_->buf.release(); f < 0) {
                detail::report(ec, f, what, path_);
                return file_handle();
            }
        }
        detail::sys::handle_type h = detail::sys::invalid_handle;
        int r = detail::sys::reopen_same(fd_, path_.c_str(), h);
        if (r == 1) {
            detail::report(ec, system::errc::no_such_file_or_directory,
                           "boost::tempfile::basic_temp_file::reopen: the name leads to another file now", path_);
            return file_handle();
        }
        if (r < 0) {
            detail::report(ec, r, what, path_);
            return file_handle();
        }
        detail::clear(ec);
        return file_handle(detail::sys::public_handle(h));
    }

    void do_link(const filesystem::path& target, publish_mode m, durability d, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::temporary_file::link";
        if (!open_handle()) {
            detail::report(ec, system::errc::bad_file_descriptor, what, target);
            return;
        }
        if (!linkable_) {
            detail::report(ec, system::errc::operation_not_supported,
                           "boost::tempfile::temporary_file::link: the file was made without O_TMPFILE "
                           "(create + unlink fallback, or a Windows delete-on-close file) and cannot be given a name",
                           target);
            return;
        }
        long was = -1;
        if (int r = prepare_publish(target.c_str(), m, d, was); r < 0) {
            detail::report(ec, r, what, target);
            return;
        }
        if (int r = detail::sys::link_unnamed(fd_, target.c_str()); r < 0) {
            restore_mode(was);
            detail::report(ec, r, what, target);
            return;
        }
        if (d == durability::durable) {
            if (int s = sync_parent(target); s < 0) {
                detail::report(ec, s, what, target);
                return;
            }
        }
        detail::clear(ec);
    }

    native_handle_type fd_ = detail::sys::invalid_handle;
    filesystem::path path_;     // the name (named files), empty otherwise
    detail::dir_lease dir_;     // its directory, held open (pinned_temp_dir): removal is relative
    detail::sys::pid_type owner_ = 0; // the process that created the file: only it removes it
    bool name_present_ = false; // the name is ours to remove
    bool system_removes_ = false; // made delete-on-close (Windows): closing it removes the name
    bool persisted_ = false;    // persist() moved it to path_, or keep(): nobody removes it
    bool linkable_ = false;     // an O_TMPFILE file: link() can name it
    bool kept_ = false;         // keep() left the name: keep(false) takes it back
    Cleanup cleanup_{};
    std::unique_ptr<detail::file_stream<basic_temp_file_impl>> stream_; // made by stream()
    std::conditional_t<spooled, detail::spool_state, detail::no_spool> spool_{};
};

// Python's three file classes.
using named_temporary_file = basic_temp_file<char>;
using wnamed_temporary_file = basic_temp_file<wchar_t>;
using temporary_file = basic_temp_file<char, anonymous_file<>>;
using wtemporary_file = basic_temp_file<wchar_t, anonymous_file<>>;
using spooled_temporary_file = basic_temp_file<char, spooled_file<>>;
using wspooled_temporary_file = basic_temp_file<wchar_t, spooled_file<>>;

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_BASIC_TEMP_FILE_HPP
