// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_WINDOWS_HANDLE_HPP
#define BOOST_TEMPFILE_DETAIL_WINDOWS_HANDLE_HPP

// Closing a handle, and the last error as the wrappers return it: what native.hpp's
// file_handle needs of the system, alone (Boost.WinAPI's declarations: no <windows.h>).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/windows/vocabulary.hpp>

#include <boost/winapi/get_last_error.hpp>
#include <boost/winapi/handles.hpp>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

// The calling thread's last error, negated (ERROR_IO_DEVICE if none was set).
inline int last_error() noexcept
{
    const boost::winapi::DWORD_ e = boost::winapi::GetLastError();
    return e ? -static_cast<int>(e) : -err::io;
}

BOOST_TEMPFILE_DETAIL_DECL int close(handle_type h) noexcept
{
    return boost::winapi::CloseHandle(h) ? 0 : last_error();
}

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_WINDOWS_HANDLE_HPP
