// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_SPOOL_BUFFER_HPP
#define BOOST_TEMPFILE_DETAIL_SPOOL_BUFFER_HPP

// The in-memory phase of a spooled file: a byte array with a size and a position, behaving
// like a file (seek past the end, then write, leaves a zero-filled hole). Capacity grows
// geometrically; nothing is allocated before the first write. Every call is noexcept and
// reports a negated error (sys::err::no_memory when memory runs out, the contents then unchanged).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/platform.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {

class spool_buffer
{
public:
    spool_buffer() noexcept = default;
    spool_buffer(spool_buffer&& o) noexcept
        : data_(std::move(o.data_)), size_(std::exchange(o.size_, 0)), capacity_(std::exchange(o.capacity_, 0)),
          pos_(std::exchange(o.pos_, 0))
    {
    }
    spool_buffer& operator=(spool_buffer&& o) noexcept
    {
        data_ = std::move(o.data_);
        size_ = std::exchange(o.size_, 0);
        capacity_ = std::exchange(o.capacity_, 0);
        pos_ = std::exchange(o.pos_, 0);
        return *this;
    }

    const char* data() const noexcept { return data_.get(); }
    std::size_t size() const noexcept { return size_; }
    std::int64_t position() const noexcept { return pos_; }

    // Writes n bytes at the position (zero-filling any hole before it); 0 or a negated error.
    int write(const void* p, std::size_t n) noexcept
    {
        if (n == 0)
            return 0;
        const std::uint64_t end = static_cast<std::uint64_t>(pos_) + n;
        if (end < n || end > static_cast<std::uint64_t>((std::numeric_limits<std::int64_t>::max)()))
            return -sys::err::too_big;
        if (int r = reserve(end); r < 0)
            return r;
        const std::size_t at = static_cast<std::size_t>(pos_);
        if (at > size_)
            std::memset(data_.get() + size_, 0, at - size_);
        std::memcpy(data_.get() + at, p, n);
        pos_ = static_cast<std::int64_t>(end);
        if (end > size_)
            size_ = static_cast<std::size_t>(end);
        return 0;
    }

    // Reads up to n bytes at the position; the count (0 at or past the end).
    std::size_t read(void* p, std::size_t n) noexcept
    {
        if (static_cast<std::uint64_t>(pos_) >= size_)
            return 0;
        const std::size_t at = static_cast<std::size_t>(pos_);
        if (n > size_ - at)
            n = size_ - at;
        std::memcpy(p, data_.get() + at, n);
        pos_ += static_cast<std::int64_t>(n);
        return n;
    }

    // lseek's rules: the new position, or -sys::err::invalid if it would be negative.
    std::int64_t seek(std::int64_t off, int whence) noexcept
    {
        const std::int64_t base =
            whence == SEEK_SET ? 0 : whence == SEEK_CUR ? pos_ : static_cast<std::int64_t>(size_);
        if ((off > 0 && base > (std::numeric_limits<std::int64_t>::max)() - off) || base + off < 0)
            return -sys::err::invalid;
        pos_ = base + off;
        return pos_;
    }

    // Sets the size (cut, or extended with zeros); the position does not move.
    int truncate(std::uint64_t n) noexcept
    {
        if (n > size_) {
            if (int r = reserve(n); r < 0)
                return r;
            std::memset(data_.get() + size_, 0, to<std::size_t>(n) - size_);
        }
        size_ = to<std::size_t>(n);
        return 0;
    }

    // Frees the memory.
    void clear() noexcept
    {
        data_.reset();
        size_ = capacity_ = 0;
        pos_ = 0;
    }

private:
    int reserve(std::uint64_t need) noexcept
    {
        if (need <= capacity_)
            return 0;
        if (need > (std::numeric_limits<std::size_t>::max)() / 2)
            return -sys::err::no_memory;
        std::size_t cap = capacity_ ? capacity_ * 2 : 256; // geometric: no quadratic copying
        while (cap < need)
            cap *= 2;
        // realloc, not new + copy + delete: glibc can grow large blocks in place (mremap), and
        // freed large blocks go back to the kernel, so new + copy faulted every page in twice
        // (measured 350x the floor for 1 MiB; realloc brings it to 1.0x).
        char* p = static_cast<char*>(std::realloc(data_.get(), cap));
        if (!p)
            return -sys::err::no_memory; // the old block is untouched
        (void)data_.release();
        data_.reset(p);
        capacity_ = cap;
        return 0;
    }

    struct free_deleter
    {
        void operator()(char* p) const noexcept { std::free(p); }
    };
    std::unique_ptr<char, free_deleter> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
    std::int64_t pos_ = 0;
};

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_SPOOL_BUFFER_HPP
