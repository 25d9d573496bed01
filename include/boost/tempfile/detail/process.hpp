// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_PROCESS_HPP
#define BOOST_TEMPFILE_DETAIL_PROCESS_HPP

// The middle level of the seam (detail/platform.hpp): the vocabulary, and closing a handle,
// the last error, random bytes, this process's id and its fork generation -- what native.hpp
// and naming.hpp need of the system. POSIX: <unistd.h>, <pthread.h>, and <sys/random.h>,
// <sys/mman.h> where used; no <fcntl.h>, <sys/stat.h>, <signal.h>, <dirent.h> or
// <sys/syscall.h>. Windows: Boost.WinAPI's declarations, no <windows.h>.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/platform.hpp>

#if defined(_WIN32)
#include <boost/tempfile/detail/windows/handle.hpp>
#include <boost/tempfile/detail/windows/process.hpp>
#else
#include <boost/tempfile/detail/posix/handle.hpp>
#include <boost/tempfile/detail/posix/process.hpp>
#endif

#endif // BOOST_TEMPFILE_DETAIL_PROCESS_HPP
