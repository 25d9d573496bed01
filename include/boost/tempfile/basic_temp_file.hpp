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
//     tf::basic_temp_file<wchar_t, tf::keep, my_names>   // a user naming policy, never deleted

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/creation.hpp>
#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/posix.hpp>
#include <boost/tempfile/detail/select.hpp>
#include <boost/tempfile/detail/unique.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/options.hpp>
#include <boost/tempfile/tempfile_fwd.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <ios>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace boost {
namespace tempfile {

template <class CharT, class... Policies>
using basic_temp_file = typename detail::make_temp_file<CharT, Policies...>::type;

namespace detail {

template <class C, class = void> struct has_open_unnamed : std::false_type {};
template <class C>
struct has_open_unnamed<C, std::void_t<decltype(C::open_unnamed(static_cast<const char*>(nullptr)))>> : std::true_type
{
};

inline int whence_of(std::ios_base::seekdir way) noexcept
{
    return way == std::ios_base::beg ? SEEK_SET : way == std::ios_base::cur ? SEEK_CUR : SEEK_END;
}

} // namespace detail

template <class CharT, class Naming, class Location, class Creation, class Cleanup>
class basic_temp_file_impl
{
public:
    using char_type = CharT;
    using string_type = std::basic_string<CharT>;
    using naming_type = Naming;
    using location_type = Location;
    using creation_type = Creation;
    using cleanup_type = Cleanup;
    using options_type = typename Creation::template options_type<CharT>;
    using native_handle_type = int;

    // Creates the file; throws filesystem_error naming the path on failure.
    basic_temp_file_impl() : basic_temp_file_impl(options_type()) {}
    explicit basic_temp_file_impl(const options_type& o) { create(o, nullptr); }
    // Creates the file; on failure sets ec and the object is closed (is_open() is false).
    basic_temp_file_impl(const options_type& o, system::error_code& ec) { create(o, &ec); }

    basic_temp_file_impl(const basic_temp_file_impl&) = delete;
    basic_temp_file_impl& operator=(const basic_temp_file_impl&) = delete;

    basic_temp_file_impl(basic_temp_file_impl&& other) noexcept
        : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)), owner_(other.owner_),
          name_present_(std::exchange(other.name_present_, false)), cleanup_(std::move(other.cleanup_))
    {
    }

    basic_temp_file_impl& operator=(basic_temp_file_impl&& other) noexcept
    {
        if (this != &other) {
            release_resources();
            fd_ = std::exchange(other.fd_, -1);
            path_ = std::move(other.path_);
            owner_ = other.owner_;
            name_present_ = std::exchange(other.name_present_, false);
            cleanup_ = std::move(other.cleanup_);
        }
        return *this;
    }

    // Closes the file and removes it as the cleanup policy says; never throws.
    ~basic_temp_file_impl() { release_resources(); }

    // ---- I/O: every call has a throwing form and an error_code form.

    // Writes all n bytes at the current position (or throws); returns n.
    std::size_t write(const void* data, std::size_t n) { return do_write(data, n, nullptr); }
    std::size_t write(const void* data, std::size_t n, system::error_code& ec) noexcept
    {
        return do_write(data, n, &ec);
    }
    std::size_t write(std::string_view s) { return do_write(s.data(), s.size(), nullptr); }
    std::size_t write(std::string_view s, system::error_code& ec) noexcept { return do_write(s.data(), s.size(), &ec); }

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

    // Nothing is buffered below stream(); flush() pushes the stream's buffer, if any.
    void flush() { do_flush(nullptr); }
    void flush(system::error_code& ec) noexcept { do_flush(&ec); }

    // Sets the size (extending with a hole, or cutting); the position does not move.
    void truncate(std::uint64_t size) { do_truncate(size, nullptr); }
    void truncate(std::uint64_t size, system::error_code& ec) noexcept { do_truncate(size, &ec); }

    // Closes the descriptor, then removes the file if the cleanup policy says so at close.
    // Idempotent. A file the user already removed is not an error.
    void close() { do_close(nullptr); }
    void close(system::error_code& ec) noexcept { do_close(&ec); }

    bool is_open() const noexcept { return fd_ >= 0; }
    native_handle_type native_handle() const noexcept { return fd_; }

    // ---- Named files only.

    // The absolute name, in CharT (wide names are UTF-8 on disk).
    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    string_type name() const
    {
        string_type r;
        detail::from_native(path_.native(), r); // checked at creation
        return r;
    }

    template <class C = Creation, std::enable_if_t<C::named, int> = 0>
    const filesystem::path& path() const noexcept
    {
        return path_;
    }

private:
    void create(const options_type& o, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file";
        detail::name_parts parts;
        if (!detail::resolve_name_parts<Location, CharT>(o, parts, ec, what))
            return;
        Naming naming;
        std::string path;
        constexpr unsigned attempts = detail::max_attempts_v<Naming, Creation>;
        int fd = -1;
        if constexpr (detail::has_open_unnamed<Creation>::value) {
            fd = Creation::open_unnamed(parts.dir.c_str());
            if (fd < 0) {
                // No O_TMPFILE here: a named file, unlinked at once.
                fd = detail::create_unique<CharT>(naming, parts, attempts, &Creation::try_create, path, ec, what);
                if (fd < 0)
                    return;
                int r = detail::sys::unlink(path.c_str());
                if (r < 0) {
                    detail::sys::close(fd);
                    detail::report(ec, r, what, filesystem::path(path));
                    return;
                }
            }
        } else {
            fd = detail::create_unique<CharT>(naming, parts, attempts, &Creation::try_create, path, ec, what);
            if (fd < 0)
                return;
            string_type check;
            if (!detail::from_native(path, check)) { // a directory that is not UTF-8, for a wide name
                detail::sys::close(fd);
                detail::sys::unlink(path.c_str());
                detail::report(ec, system::errc::illegal_byte_sequence, what, filesystem::path(path));
                return;
            }
            path_ = filesystem::path(std::move(path));
            name_present_ = true;
        }
        fd_ = fd;
        owner_ = detail::sys::current_pid();
        cleanup_.on_create(o);
        if (name_present_)
            detail::notify_name(cleanup_, path_, false);
    }

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
        detail::notify_release(cleanup_);
        int r = detail::sys::unlink(path_.c_str());
        return r == -ENOENT ? 0 : r;
    }

    void release_resources() noexcept
    {
        if (fd_ >= 0)
            detail::sys::close(std::exchange(fd_, -1));
        if (name_present_ && cleanup_.remove_at_destroy() && may_remove())
            remove_name();
        if (std::exchange(name_present_, false))
            detail::notify_release(cleanup_); // left in place (keep, or not the owner)
    }

    int checked_fd(system::error_code* ec, const char* what) const
    {
        if (fd_ < 0)
            detail::report(ec, system::errc::bad_file_descriptor, what, path_);
        return fd_;
    }

    std::size_t do_write(const void* data, std::size_t n, system::error_code* ec)
    {
        int fd = checked_fd(ec, "boost::tempfile::basic_temp_file::write");
        if (fd < 0)
            return 0;
        int r = detail::sys::write_all(fd, data, n);
        if (r < 0) {
            detail::report(ec, r, "boost::tempfile::basic_temp_file::write", path_);
            return 0;
        }
        detail::clear(ec);
        return n;
    }

    std::size_t do_read(void* data, std::size_t n, system::error_code* ec)
    {
        int fd = checked_fd(ec, "boost::tempfile::basic_temp_file::read");
        if (fd < 0)
            return 0;
        std::ptrdiff_t r = detail::sys::read(fd, data, n);
        if (r < 0) {
            detail::report(ec, static_cast<int>(r), "boost::tempfile::basic_temp_file::read", path_);
            return 0;
        }
        detail::clear(ec);
        return static_cast<std::size_t>(r);
    }

    std::int64_t do_seek(std::int64_t off, std::ios_base::seekdir way, system::error_code* ec)
    {
        int fd = checked_fd(ec, "boost::tempfile::basic_temp_file::seek");
        if (fd < 0)
            return -1;
        std::int64_t r = detail::sys::lseek(fd, off, detail::whence_of(way));
        if (r < 0) {
            detail::report(ec, static_cast<int>(r), "boost::tempfile::basic_temp_file::seek", path_);
            return -1;
        }
        detail::clear(ec);
        return r;
    }

    void do_flush(system::error_code* ec)
    {
        if (checked_fd(ec, "boost::tempfile::basic_temp_file::flush") >= 0)
            detail::clear(ec);
    }

    void do_truncate(std::uint64_t size, system::error_code* ec)
    {
        int fd = checked_fd(ec, "boost::tempfile::basic_temp_file::truncate");
        if (fd < 0)
            return;
        int r = detail::sys::ftruncate(fd, size);
        if (r < 0)
            detail::report(ec, r, "boost::tempfile::basic_temp_file::truncate", path_);
        else
            detail::clear(ec);
    }

    void do_close(system::error_code* ec)
    {
        if (fd_ < 0) {
            detail::clear(ec);
            return;
        }
        int r = detail::sys::close(std::exchange(fd_, -1));
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

    int fd_ = -1;
    filesystem::path path_;     // the name (named files), empty otherwise
    ::pid_t owner_ = 0;         // the process that created the file: only it removes it
    bool name_present_ = false; // the name is ours to remove
    Cleanup cleanup_{};
};

// Python's three file classes.
using named_temporary_file = basic_temp_file<char>;
using wnamed_temporary_file = basic_temp_file<wchar_t>;
using temporary_file = basic_temp_file<char, anonymous_file<>>;
using wtemporary_file = basic_temp_file<wchar_t, anonymous_file<>>;

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_BASIC_TEMP_FILE_HPP
