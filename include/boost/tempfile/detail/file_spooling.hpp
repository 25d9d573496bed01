// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_FILE_SPOOLING_HPP
#define BOOST_TEMPFILE_DETAIL_FILE_SPOOLING_HPP

// Spooling, the part of basic_temp_file_impl that only spooled files have (Python's
// SpooledTemporaryFile): the data lives in memory until it grows past max_size, or until the
// user asks for the file (rollover(), native_handle()); then it moves to an anonymous file, the
// position kept, and the object goes on as a temporary_file. The in-memory side of each I/O call
// is here; basic_temp_file_impl asks in_memory() first and hands the call over.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/spool_buffer.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/detail/unique.hpp>
#include <boost/tempfile/native.hpp>

#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {

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

// What a file that is not spooled has instead: nothing is ever in memory, and its handle is
// there to take.
template <class Impl>
class not_spooled
{
public:
    // The descriptor (POSIX) or HANDLE (Windows); invalid_native_handle once closed. Call
    // flush() first if stream() has pending output.
    native_handle_type native_handle() const noexcept { return sys::public_handle(static_cast<const Impl&>(*this).fd_); }

protected:
    static constexpr bool in_memory() noexcept { return false; }
};

// Impl is basic_temp_file_impl (it calls back open_anonymous(), check_open(), the handle).
template <class Impl>
class spooling
{
public:
    // Moves the data to an anonymous file now, keeping the position; does nothing if that has
    // happened. On failure the data stays in memory, intact.
    void rollover() { do_rollover(nullptr); }
    void rollover(system::error_code& ec) noexcept { do_rollover(&ec); }

    // Whether the data has moved to a file.
    bool rolled_over() const noexcept { return spool_.rolled; }

    // The descriptor (POSIX) or HANDLE (Windows), after a rollover (Python's fileno()).
    native_handle_type native_handle() { return handle_after_rollover(nullptr); }
    native_handle_type native_handle(system::error_code& ec) noexcept { return handle_after_rollover(&ec); }

protected:
    spooling() = default;
    spooling(spooling&&) = default;
    spooling& operator=(spooling&&) = default;
    ~spooling() = default;

    bool in_memory() const noexcept { return spool_.in_memory; }

    // At creation: nothing is made yet; the options are checked now, used at rollover.
    template <class Location, class CharT, class Options>
    bool start(const Options& o, system::error_code* ec, const char* what)
    {
        if (!resolve_name_parts<Location, CharT>(o, spool_.parts, ec, what))
            return false;
        spool_.max_size = o.max_size;
        spool_.in_memory = true;
        clear(ec);
        return true;
    }

    // close() and the destructor: the data goes.
    void drop() noexcept
    {
        spool_.mem.clear();
        spool_.in_memory = false;
    }
    // close(): what stream() still holds goes to memory, never to a new file.
    void stop_rolling() noexcept
    {
        if (spool_.in_memory)
            spool_.max_size = 0;
    }

    // A rollover under stream() failed earlier (its data kept in memory): that error, once.
    int take_rollover_error() noexcept { return std::exchange(spool_.rollover_error, 0); }
    void note_rollover_error(int r) noexcept
    {
        if (spool_.rollover_error == 0)
            spool_.rollover_error = r;
    }

    // The in-memory side of the device calls. write(): once the position is past max_size,
    // rolls over (Python's _check); `kept` is then set, as the data itself is in memory.
    bool mem_write(const void* data, std::size_t n, system::error_code* ec, bool* kept, const char* what)
    {
        int r = spool_.mem.write(data, n);
        if (r < 0) {
            report(ec, r, what);
            return false;
        }
        if (spool_.max_size != 0 && static_cast<std::uint64_t>(spool_.mem.position()) > spool_.max_size) {
            if (kept)
                *kept = true;
            return do_rollover(ec);
        }
        clear(ec);
        return true;
    }
    std::size_t mem_read(void* data, std::size_t n, system::error_code* ec) noexcept
    {
        clear(ec);
        return spool_.mem.read(data, n);
    }
    std::int64_t mem_seek(std::int64_t off, int whence) noexcept { return spool_.mem.seek(off, whence); }
    // Python: a size past max_size rolls over first, then the file is cut or extended.
    void mem_truncate(std::uint64_t size, system::error_code* ec, const char* what)
    {
        if (size > spool_.max_size) {
            do_rollover(ec, &size); // the new file is truncated before it is kept
            return;
        }
        int r = spool_.mem.truncate(size);
        if (r < 0)
            report(ec, r, what);
        else
            clear(ec);
    }

    // Moves the data to an anonymous file, position kept; with `truncate_to`, the file is then
    // truncated (or extended) to that size. On failure the descriptor is closed (the file had no
    // name: nothing is left) and the data stays in memory.
    bool do_rollover(system::error_code* ec, const std::uint64_t* truncate_to = nullptr)
    {
        static constexpr const char* what = "boost::tempfile::spooled_temporary_file::rollover";
        Impl& f = static_cast<Impl&>(*this);
        if (!spool_.in_memory) {
            if (!f.check_open(ec, what))
                return false;
            clear(ec);
            return true;
        }
        sys::handle_type fd = sys::invalid_handle;
        if (!f.open_anonymous(spool_.parts, fd, nullptr, ec, what))
            return false;
        const std::size_t size = spool_.mem.size();
        const std::int64_t pos = spool_.mem.position();
        int r = size ? sys::write_all_at(fd, spool_.mem.data(), size, 0) : 0;
        if (r == 0 && (pos != 0 || !sys::write_at_keeps_position)) {
            std::int64_t s = sys::seek(fd, pos, SEEK_SET);
            if (s < 0)
                r = static_cast<int>(s);
        }
        if (r == 0 && truncate_to)
            r = sys::truncate(fd, *truncate_to); // EINVAL / EFBIG: not kept
        if (r < 0) {
            sys::close(fd);
            report(ec, r, what, message_path(spool_.parts.dir()));
            return false;
        }
        f.fd_ = fd;
        spool_.mem.clear();
        spool_.in_memory = false;
        spool_.rolled = true;
        spool_.rollover_error = 0;  // an earlier failure left nothing behind: all is in the file
        spool_.parts.lease.reset(); // the file is anonymous: nothing to remove later
        clear(ec);
        return true;
    }

private:
    native_handle_type handle_after_rollover(system::error_code* ec)
    {
        const Impl& f = static_cast<const Impl&>(*this);
        return sys::public_handle(do_rollover(ec) ? f.fd_ : sys::invalid_handle);
    }

    spool_state spool_;
};

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_FILE_SPOOLING_HPP
