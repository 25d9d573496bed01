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

#include <boost/tempfile/detail/platform.hpp>

namespace boost {
namespace tempfile {

using native_handle_type = detail::sys::handle_type; // an open file or directory: int / HANDLE
inline const native_handle_type invalid_native_handle = detail::sys::public_invalid_handle; // -1 / INVALID_HANDLE_VALUE
using native_dir_type = detail::sys::dir_type;       // a directory names are relative to: int / HANDLE
inline constexpr native_dir_type no_native_dir = detail::sys::no_dir; // AT_FDCWD / nullptr: absolute name
using native_char = detail::sys::native_char;        // names on disk: char (bytes) / wchar_t (UTF-16)
inline constexpr int native_error_exists = detail::sys::err::exists; // EEXIST / ERROR_FILE_EXISTS

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_NATIVE_HPP
