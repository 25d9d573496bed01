// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_OS_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_OS_HPP

// The feature tests decided by the compiler's own macros alone (which system, which C
// library), with no system header: Linux extensions on or off, and where random bytes come
// from. detail/posix/features.hpp adds the tests that need the system's headers. Each is 0 or
// 1 and may be defined beforehand to override the test.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <cstddef> // the C library's own macros (__GLIBC__)

#if defined(__linux__) && !defined(BOOST_TEMPFILE_NO_LINUX_EXTENSIONS)
#define BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS 1
#else
#define BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS 0
#endif

// Random bytes: getrandom (Linux), arc4random_buf (macOS, the BSDs: never fails), getentropy
// (<= 256 bytes a call: glibc 2.25, macOS 10.12, FreeBSD 12, OpenBSD), else /dev/urandom.
#ifndef BOOST_TEMPFILE_DETAIL_HAS_GETRANDOM
#define BOOST_TEMPFILE_DETAIL_HAS_GETRANDOM BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS
#endif
#ifndef BOOST_TEMPFILE_DETAIL_HAS_ARC4RANDOM_BUF
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__)
#define BOOST_TEMPFILE_DETAIL_HAS_ARC4RANDOM_BUF 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_ARC4RANDOM_BUF 0
#endif
#endif
#ifndef BOOST_TEMPFILE_DETAIL_HAS_GETENTROPY
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || \
    (defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 25)))
#define BOOST_TEMPFILE_DETAIL_HAS_GETENTROPY 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_GETENTROPY 0
#endif
#endif

#endif // BOOST_TEMPFILE_DETAIL_POSIX_OS_HPP
