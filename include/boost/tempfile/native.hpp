// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_NATIVE_HPP
#define BOOST_TEMPFILE_NATIVE_HPP

// The platform's own types, as the objects hand them out and as the creation concept takes
// them: one spelling for portable code, int / char on POSIX, HANDLE / wchar_t on Windows.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/process.hpp>

#include <utility>

namespace boost {
namespace tempfile {

using native_handle_type = detail::sys::handle_type; // an open file or directory: int / HANDLE
inline const native_handle_type invalid_native_handle = detail::sys::public_invalid_handle; // -1 / INVALID_HANDLE_VALUE
using native_dir_type = detail::sys::dir_type;       // a directory names are relative to: int / HANDLE
inline constexpr native_dir_type no_native_dir = detail::sys::no_dir; // AT_FDCWD / nullptr: absolute name
using native_char = detail::sys::native_char;        // names on disk: char (bytes) / wchar_t (UTF-16)
inline constexpr int native_error_exists = detail::sys::err::exists; // EEXIST / ERROR_FILE_EXISTS

// An open file the caller owns: a descriptor (POSIX) or HANDLE (Windows), closed by the
// destructor. What basic_temp_file::reopen() returns: read and write it with the platform's
// calls (read/write, ReadFile/WriteFile), or take it over with release(). Move-only.
class file_handle
{
public:
    file_handle() noexcept = default;
    // Takes ownership of h (invalid_native_handle: empty).
    explicit file_handle(native_handle_type h) noexcept
        : h_(h == detail::sys::public_invalid_handle ? detail::sys::invalid_handle : h)
    {}
    file_handle(file_handle&& o) noexcept : h_(std::exchange(o.h_, detail::sys::invalid_handle)) {}
    file_handle& operator=(file_handle&& o) noexcept
    {
        if (this != &o) {
            close();
            h_ = std::exchange(o.h_, detail::sys::invalid_handle);
        }
        return *this;
    }
    file_handle(const file_handle&) = delete;
    file_handle& operator=(const file_handle&) = delete;
    ~file_handle() { close(); }

    // The handle; invalid_native_handle when empty.
    native_handle_type get() const noexcept { return detail::sys::public_handle(h_); }
    bool is_open() const noexcept { return h_ != detail::sys::invalid_handle; }
    explicit operator bool() const noexcept { return is_open(); }
    // Gives the handle up to the caller (who closes it); the object is then empty.
    native_handle_type release() noexcept
    {
        return detail::sys::public_handle(std::exchange(h_, detail::sys::invalid_handle));
    }
    // Closes the handle (idempotent); a close error is not reported (the handle is gone).
    void close() noexcept
    {
        if (is_open())
            detail::sys::close(std::exchange(h_, detail::sys::invalid_handle));
    }

private:
    native_handle_type h_ = detail::sys::invalid_handle;
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_NATIVE_HPP
