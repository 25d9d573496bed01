// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_PROCESS_HPP
#define BOOST_TEMPFILE_DETAIL_PROCESS_HPP

// The middle level of the seam (detail/platform.hpp): the vocabulary, and closing a handle,
// random bytes, this process's id and its fork generation -- what native.hpp and naming.hpp
// need of the system -- declared here in the vocabulary's types, defined by the platform's
// handle.hpp and process.hpp. Header-only, those come here too: POSIX <unistd.h>,
// <pthread.h>, and <sys/random.h>, <sys/mman.h> where used (no <fcntl.h>, <sys/stat.h>,
// <signal.h>, <dirent.h> or <sys/syscall.h>); Windows Boost.WinAPI's declarations (no
// <windows.h>). Compiled separately (config.hpp), they are compiled in src.hpp's TU only.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/platform.hpp>

#include <cstddef>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

// 0 or the error negated (not retried: on Linux a descriptor is gone even after EINTR).
BOOST_TEMPFILE_DETAIL_DECL int close(handle_type h) noexcept;
// Fills buf with bytes from the system's CSPRNG; 0 or the error negated.
BOOST_TEMPFILE_DETAIL_DECL int random_bytes(void* buf, std::size_t n) noexcept;
// This process's id, cached (refreshed in a forked child), and asked of the system.
BOOST_TEMPFILE_DETAIL_DECL pid_type current_pid() noexcept;
BOOST_TEMPFILE_DETAIL_DECL pid_type getpid_uncached() noexcept;
// Bumped in every forked child (0 for ever on Windows): per-thread engines re-seed on a change.
BOOST_TEMPFILE_DETAIL_DECL unsigned fork_generation() noexcept;

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
#if defined(_WIN32)
#include <boost/tempfile/detail/windows/handle.hpp>
#include <boost/tempfile/detail/windows/process.hpp>
#else
#include <boost/tempfile/detail/posix/handle.hpp>
#include <boost/tempfile/detail/posix/process.hpp>
#endif
#endif

#endif // BOOST_TEMPFILE_DETAIL_PROCESS_HPP
