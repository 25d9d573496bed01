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
//
// basic_temp_file_impl is the file itself: its handle, its I/O and stream(), its creation,
// close() and destruction. What only some files have comes from a part of its own, chosen by
// the creation policy:
//   detail/file_naming.hpp      the name: name(), path(), keep(), reopen(), adopt()  (named)
//   detail/file_publishing.hpp  persist(), persist_noclobber() (named); link() (anonymous);
//                               durability, publish_mode
//   detail/file_spooling.hpp    data in memory until rollover(); rolled_over()      (spooled)

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/creation.hpp>
#include <boost/tempfile/detail/adopt.hpp>
#include <boost/tempfile/detail/cleanup_hooks.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/file_naming.hpp>
#include <boost/tempfile/detail/file_publishing.hpp>
#include <boost/tempfile/detail/file_spooling.hpp>
#include <boost/tempfile/detail/file_streambuf.hpp>
#include <boost/tempfile/detail/select.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/detail/unique.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/native.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/options.hpp>
#include <boost/tempfile/tempfile_fwd.hpp>

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

namespace detail {

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

// The parts a file object of this creation policy has (see the top of this header).
template <class Impl, class CharT, class Creation>
struct file_parts
{
    static constexpr bool named = Creation::named;
    static constexpr bool spooled = is_spooled<Creation>::value;
    using naming_part = std::conditional_t<named, file_naming<Impl, CharT>, unnamed>;
    using publishing_part =
        std::conditional_t<named, persisting<Impl, CharT>, std::conditional_t<spooled, not_published, linking<Impl>>>;
    using spooling_part = std::conditional_t<spooled, spooling<Impl>, not_spooled<Impl>>;
};

template <class CharT, class... P>
struct make_temp_file
{
    using s = select_policies<policy_defaults<default_naming, default_location, default_file_creation, default_cleanup>,
                              CharT, P...>;
    static_assert(!s::creation::makes_directory,
                  "boost::tempfile: this creation policy makes directories; use it with basic_temp_dir");
    static_assert(!is_name_only<typename s::creation>::value,
                  "boost::tempfile: name_only creates nothing for an object to own; use mktemp");
    static_assert(s::cleanup::for_files, "boost::tempfile: this cleanup policy is for directories only");
    // Every row of doc/policies.adoc's tables, one static_assert each (detail/concepts.hpp).
    static_assert(sizeof(check_policies<CharT, typename s::naming, typename s::location, typename s::creation,
                                        typename s::cleanup>) != 0,
                  "boost::tempfile: policy requirements");
    using type = basic_temp_file_impl<CharT, typename s::naming, typename s::location, typename s::creation,
                                      typename s::cleanup>;
};

} // namespace detail

template <class CharT, class... Policies>
using basic_temp_file = typename detail::make_temp_file<CharT, Policies...>::type;

template <class CharT, class Naming, class Location, class Creation, class Cleanup>
class basic_temp_file_impl
    : public detail::file_parts<basic_temp_file_impl<CharT, Naming, Location, Creation, Cleanup>, CharT,
                                Creation>::naming_part,
      public detail::file_parts<basic_temp_file_impl<CharT, Naming, Location, Creation, Cleanup>, CharT,
                                Creation>::publishing_part,
      public detail::file_parts<basic_temp_file_impl<CharT, Naming, Location, Creation, Cleanup>, CharT,
                                Creation>::spooling_part
{
    using capabilities = detail::file_parts<basic_temp_file_impl, CharT, Creation>;
    using naming_part = typename capabilities::naming_part;
    using publishing_part = typename capabilities::publishing_part;
    using spooling_part = typename capabilities::spooling_part;
    static constexpr bool spooled = capabilities::spooled;
    static constexpr bool named = capabilities::named;
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
        : naming_part(std::move(other)), publishing_part(std::move(other)), spooling_part(std::move(other)),
          fd_(std::exchange(other.fd_, detail::sys::invalid_handle)), owner_(other.owner_),
          cleanup_(std::move(other.cleanup_)), stream_(std::move(other.stream_))
    {
        if (stream_)
            stream_->buf.rebind(this);
    }

    basic_temp_file_impl& operator=(basic_temp_file_impl&& other) noexcept
    {
        if (this != &other) {
            release_resources();
            naming_part::operator=(std::move(other));
            publishing_part::operator=(std::move(other));
            spooling_part::operator=(std::move(other));
            fd_ = std::exchange(other.fd_, detail::sys::invalid_handle);
            owner_ = other.owner_;
            cleanup_ = std::move(other.cleanup_);
            stream_ = std::move(other.stream_);
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
            return open_handle() || this->in_memory();
        else
            return open_handle();
    }

    // native_handle(): the spooling part's (it rolls over first), or not_spooled's.

    // A buffered stream on the same file (allocated on the first call, then kept; it follows
    // the object when moved). Unformatted calls and the stream see each other's data.
    std::iostream& stream()
    {
        if (!stream_)
            stream_.reset(new detail::file_stream<basic_temp_file_impl>(this));
        return stream_->stream;
    }

private:
    template <class, class> friend class detail::file_naming;
    template <class> friend class detail::publishing;
    template <class, class> friend class detail::persisting;
    template <class> friend class detail::linking;
    template <class> friend class detail::spooling;
    template <class> friend class detail::not_spooled;
    template <class> friend class detail::file_streambuf;

    explicit basic_temp_file_impl(detail::adopt_tag) noexcept {}

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
            if (!this->template start<Location, CharT>(o, ec, what))
                return;
        } else if constexpr (named) {
            if (!naming_part::create(o, fd_, ec, what))
                return;
        } else {
            detail::name_parts parts;
            if (!detail::resolve_name_parts<Location, CharT>(o, parts, ec, what))
                return;
            if (!open_anonymous(parts, fd_, &this->linkable_, ec, what))
                return;
        }
        owner_ = detail::sys::current_pid();
        cleanup_.on_create(o);
        if (this->name_present())
            detail::notify_name(cleanup_, this->where(), false);
    }

    // An anonymous file in parts.dir: open_unnamed (O_TMPFILE: *linkable set); else, where the
    // system deletes files itself, a delete-on-close file nobody else may open; else a named
    // file unlinked at once. True with h set, or false with the error reported and nothing
    // left behind.
    bool open_anonymous(detail::name_parts& parts, detail::sys::handle_type& h, bool* linkable,
                        system::error_code* ec, const char* what)
    {
        detail::sys::handle_type fd = detail::sys::invalid_handle;
        if constexpr (detail::has_open_unnamed<Creation>::value) {
            static constexpr detail::sys::native_char here[] = {'.', 0};
            auto open_nameless = [&] {
                return Creation::open_unnamed(parts.lease.dir(), parts.lease ? here : parts.dir().c_str(), fd);
            };
            int r = open_nameless();
            if constexpr (detail::sys::holds_directories) {
                if (r == -detail::sys::err::no_entry && parts.lease) { // the held directory was removed
                    parts.lease.renew();
                    r = open_nameless();
                }
            }
            if (r >= 0) {
                if (linkable)
                    *linkable = true;
                h = fd;
                detail::clear(ec);
                return true;
            }
        }
        Naming naming;
        detail::native_string path;
        constexpr unsigned attempts = detail::max_attempts_v<Naming, Creation>;
        if (linkable)
            *linkable = false;
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

    void release_resources() noexcept
    {
        if (stream_) {
            if (is_open())
                stream_->buf.release(); // best effort: a destructor reports nothing
            stream_.reset();
        }
        if constexpr (spooled)
            this->drop();
        if (open_handle())
            detail::sys::close(std::exchange(fd_, detail::sys::invalid_handle));
        if constexpr (named) {
            if (this->name_present_ && cleanup_.remove_at_destroy() && may_remove())
                this->remove_name();
            if (std::exchange(this->name_present_, false))
                detail::notify_release(cleanup_); // left in place (keep, or not the owner)
        }
    }

    // What stream() holds, handed back to the file: pending output written, read-ahead given
    // back. 0 or -errno.
    int hand_back() const noexcept { return stream_ ? stream_->buf.release() : 0; }

    // Hands the file back from stream() to the unformatted calls; false with the error reported.
    bool sync_stream(system::error_code* ec, const char* what)
    {
        if (!is_open())
            return true;
        int r = hand_back();
        if (r < 0) {
            detail::report(ec, r, what, this->where());
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
                r = this->take_rollover_error();
        return lost ? lost : r;
    }

    bool check_open(system::error_code* ec, const char* what) const
    {
        if (is_open())
            return true;
        detail::report(ec, system::errc::bad_file_descriptor, what, this->where());
        return false;
    }

    // ---- The device: the same operations without the stream hand-back. Used by the public
    // calls and, through dev_*, by stream()'s buffer. A spooled file's data in memory is the
    // spooling part's.

    // `kept`: set when the data went to memory and only the rollover after it failed.
    bool raw_write(const void* data, std::size_t n, system::error_code* ec, bool* kept = nullptr)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::write";
        if (!check_open(ec, what))
            return false;
        if constexpr (spooled)
            if (this->in_memory())
                return this->mem_write(data, n, ec, kept, what);
        int r = detail::sys::write_all(fd_, data, n);
        if (r < 0) {
            detail::report(ec, r, what, this->where());
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
        if constexpr (spooled)
            if (this->in_memory())
                return this->mem_read(data, n, ec);
        std::ptrdiff_t r = detail::sys::read(fd_, data, n);
        if (r < 0) {
            detail::report(ec, static_cast<int>(r), what, this->where());
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
            r = this->in_memory() ? this->mem_seek(off, whence) : detail::sys::seek(fd_, off, whence);
        else
            r = detail::sys::seek(fd_, off, whence);
        if (r < 0) {
            detail::report(ec, static_cast<int>(r), what, this->where());
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
                this->note_rollover_error(detail::negated(e));
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
            detail::report(ec, r, what, this->where());
        else
            detail::clear(ec);
    }

    void do_truncate(std::uint64_t size, system::error_code* ec)
    {
        static constexpr const char* what = "boost::tempfile::basic_temp_file::truncate";
        if (!check_open(ec, what) || !sync_stream(ec, what))
            return;
        if constexpr (spooled) {
            if (this->in_memory()) {
                this->mem_truncate(size, ec, what);
                return;
            }
        }
        int r = detail::sys::truncate(fd_, size);
        if (r < 0)
            detail::report(ec, r, what, this->where());
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
            this->stop_rolling(); // stream()'s pending bytes go to memory: close() never creates a file
        int r = finish_stream();
        if constexpr (spooled)
            this->drop();
        if (open_handle()) {
            int c = detail::sys::close(std::exchange(fd_, detail::sys::invalid_handle));
            if (r == 0)
                r = c;
        }
        if (this->name_present() && cleanup_.remove_at_close() && may_remove()) {
            int u = this->remove_name();
            if (r == 0)
                r = u;
        }
        if (r < 0)
            detail::report(ec, r, "boost::tempfile::basic_temp_file::close", this->where());
        else
            detail::clear(ec);
    }

    native_handle_type fd_ = detail::sys::invalid_handle;
    detail::sys::pid_type owner_ = 0; // the process that created the file: only it removes it
    Cleanup cleanup_{};
    std::unique_ptr<detail::file_stream<basic_temp_file_impl>> stream_; // made by stream()
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
