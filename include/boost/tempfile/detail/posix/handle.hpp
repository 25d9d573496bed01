// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_HANDLE_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_HANDLE_HPP

// Closing a descriptor: what native.hpp's file_handle needs of the system, alone (<unistd.h>).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/posix/vocabulary.hpp>

#include <cerrno>

#include <unistd.h>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

// close() is not retried: on Linux the descriptor is gone even when EINTR is reported.
BOOST_TEMPFILE_DETAIL_DECL int close(handle_type fd) noexcept
{
    return ::close(fd) == 0 ? 0 : -errno;
}

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_POSIX_HANDLE_HPP
