// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_FILE_STREAMBUF_HPP
#define BOOST_TEMPFILE_DETAIL_FILE_STREAMBUF_HPP

// The buffer behind a file object's stream(): one 4 KiB area, used either for reading (get
// area) or for writing (put area), over a device that offers, without throwing,
//   int            dev_write(const char* p, std::size_t n);   // all n bytes: 0 or -errno
//   std::ptrdiff_t dev_read(char* p, std::size_t n);          // bytes read (0 at end) or -errno
//   std::int64_t   dev_seek(std::int64_t off, int whence);    // new position or -errno
// release() hands the device back to the object's unformatted calls: it writes the put area
// and moves the device back by what was read ahead but not consumed. The object calls it
// before each of its own I/O calls, so both views of the file agree.
// A write to the device that fails loses data the stream had accepted (the stream only sets
// badbit): the first such error is kept, write_error(), for the object to report before it
// publishes or finishes the file.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ios>
#include <istream>
#include <streambuf>

namespace boost {
namespace tempfile {
namespace detail {

template <class Device>
class file_streambuf : public std::streambuf
{
public:
    static constexpr std::size_t buffer_size = 4096;

    explicit file_streambuf(Device* d) noexcept : dev_(d) {}
    file_streambuf(const file_streambuf&) = delete;
    file_streambuf& operator=(const file_streambuf&) = delete;

    // The object moved: follow it.
    void rebind(Device* d) noexcept { dev_ = d; }

    // The first failed write to the device (-errno), 0 if none: data the stream accepted and
    // the file does not hold.
    int write_error() const noexcept { return write_error_; }

    // Empties both areas so that the device position is the stream's position. 0 or -errno;
    // on error the pending output is dropped (the stream is then bad), and the read-ahead is
    // kept (the device is still past it: the next release tries the seek back again).
    int release() noexcept
    {
        if (pbase() != nullptr) {
            const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
            setp(nullptr, nullptr);
            return n ? written(dev_->dev_write(buf_, n)) : 0;
        }
        if (eback() != nullptr) {
            const std::int64_t unread = egptr() - gptr();
            if (unread) {
                std::int64_t r = dev_->dev_seek(-unread, SEEK_CUR);
                if (r < 0)
                    return static_cast<int>(r);
            }
            setg(nullptr, nullptr, nullptr);
        }
        return 0;
    }

protected:
    int_type underflow() override
    {
        if (gptr() != nullptr && gptr() < egptr())
            return traits_type::to_int_type(*gptr());
        if (release() < 0)
            return traits_type::eof();
        std::ptrdiff_t r = dev_->dev_read(buf_, buffer_size);
        if (r <= 0)
            return traits_type::eof();
        setg(buf_, buf_, buf_ + r);
        return traits_type::to_int_type(*gptr());
    }

    int_type overflow(int_type c) override
    {
        if (pbase() == nullptr) { // switching from reading (or from nothing) to writing
            if (release() < 0)
                return traits_type::eof();
            setp(buf_, buf_ + buffer_size);
        } else if (pptr() == epptr()) {
            if (release() < 0)
                return traits_type::eof();
            setp(buf_, buf_ + buffer_size);
        }
        if (traits_type::eq_int_type(c, traits_type::eof()))
            return traits_type::not_eof(c);
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
        return c;
    }

    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
        if (n < static_cast<std::streamsize>(buffer_size))
            return std::streambuf::xsputn(s, n);
        // Large writes go straight to the device, after what is pending.
        if (release() < 0 || written(dev_->dev_write(s, static_cast<std::size_t>(n))) < 0)
            return 0;
        return n;
    }

    int sync() override { return release() < 0 ? -1 : 0; }

    pos_type seekoff(off_type off, std::ios_base::seekdir way, std::ios_base::openmode) override
    {
        if (release() < 0)
            return pos_type(off_type(-1));
        const int whence = way == std::ios_base::beg ? SEEK_SET : way == std::ios_base::cur ? SEEK_CUR : SEEK_END;
        std::int64_t r = dev_->dev_seek(to<std::int64_t>(off), whence);
        return r < 0 ? pos_type(off_type(-1)) : pos_type(to<off_type>(r));
    }

    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override
    {
        return seekoff(off_type(pos), std::ios_base::beg, which);
    }

private:
    int written(int r) noexcept
    {
        if (r < 0 && write_error_ == 0)
            write_error_ = r;
        return r;
    }

    Device* dev_;
    int write_error_ = 0;
    char buf_[buffer_size];
};

// What stream() hands out: the buffer and the iostream over it, allocated together on the
// first call.
template <class Device>
struct file_stream
{
    file_streambuf<Device> buf;
    std::iostream stream;
    explicit file_stream(Device* d) : buf(d), stream(&buf) {}
};

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_FILE_STREAMBUF_HPP
