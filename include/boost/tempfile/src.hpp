// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_SRC_HPP
#define BOOST_TEMPFILE_SRC_HPP

// The compiled part of Boost.TempFile, for separate compilation: include this header in one
// source file of the program (or build the boost_tempfile library, which is that file), with
// BOOST_TEMPFILE_SEPARATE_COMPILATION defined there as in every other TU. It defines the
// system layer (every system call the library makes) and the library's process-wide state
// (the tempdir override and cache, the exit registry and its handlers, the fork generation,
// the per-thread name engines); the other TUs declare them only (config.hpp).
//
//     // tempfile.cpp, compiled with -DBOOST_TEMPFILE_SEPARATE_COMPILATION like the rest
//     #include <boost/tempfile/src.hpp>

#if defined(BOOST_TEMPFILE_CONFIG_HPP)
#error "boost::tempfile: include <boost/tempfile/src.hpp> before any other Boost.TempFile header of its TU"
#elif !defined(BOOST_TEMPFILE_SEPARATE_COMPILATION)
#error "boost::tempfile: src.hpp is for separate compilation: define BOOST_TEMPFILE_SEPARATE_COMPILATION in every TU"
#else
#define BOOST_TEMPFILE_SOURCE
#endif

#include <boost/tempfile.hpp>

#endif // BOOST_TEMPFILE_SRC_HPP
