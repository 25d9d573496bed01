// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_SYSTEM_HPP
#define BOOST_TEMPFILE_DETAIL_SYSTEM_HPP

// The whole platform seam (detail/platform.hpp lists its names): the lighter levels
// (detail/platform.hpp, detail/process.hpp), and the system layer -- file and directory calls, tree removal,
// the exit handlers -- with the system headers they need (<windows.h>, <fcntl.h>,
// <sys/stat.h>, <signal.h>, <dirent.h>...). Only the headers that make system calls include
// it: the objects, the functions, the creation and location policies.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/process.hpp>

#if defined(_WIN32)
#include <boost/tempfile/detail/windows/exit_cleanup.hpp>
#include <boost/tempfile/detail/windows/ops.hpp>
#include <boost/tempfile/detail/windows/remove_tree.hpp>
#else
#include <boost/tempfile/detail/posix/exit_cleanup.hpp>
#include <boost/tempfile/detail/posix/ops.hpp>
#include <boost/tempfile/detail/posix/remove_tree.hpp>
#endif

#endif // BOOST_TEMPFILE_DETAIL_SYSTEM_HPP
