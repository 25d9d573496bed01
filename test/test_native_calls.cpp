// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The native calls of the other POSIX systems that this machine's C library also declares,
// compiled and run here with their feature test forced on (the feature macros of
// detail/posix/features.hpp may be defined beforehand for this): arc4random_buf, the seed
// source on macOS and the BSDs (glibc 2.36 has it too). The others -- renameatx_np,
// issetugid, fcntl(F_FULLFSYNC) -- are declared by those systems only and built there
// (.github/workflows/ci.yml's macOS job); doc/platforms.adoc lists them.

#include <stdlib.h>

#define BOOST_TEMPFILE_NO_LINUX_EXTENSIONS 1 // this program only: the paths of the other systems
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 36))
#define BOOST_TEMPFILE_DETAIL_HAS_ARC4RANDOM_BUF 1
#define BOOST_TEMPFILE_TEST_HAS_ARC4RANDOM_BUF 1
#else
#define BOOST_TEMPFILE_TEST_HAS_ARC4RANDOM_BUF 0
#endif

#define BOOST_TEST_MODULE native_calls
#if defined(BOOST_TEMPFILE_SEPARATE_COMPILATION)
#include <boost/tempfile/src.hpp> // compiled separately: this TU is the one with the system layer
#endif
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <cstring>

namespace tf = boost::tempfile;

BOOST_AUTO_TEST_CASE(arc4random_buf_seeds_names,
                     *test::skip_unless(BOOST_TEMPFILE_TEST_HAS_ARC4RANDOM_BUF != 0,
                                        "arc4random_buf: this C library does not declare it (glibc < 2.36, "
                                        "or not a POSIX system)"))
{
#if BOOST_TEMPFILE_TEST_HAS_ARC4RANDOM_BUF
    unsigned char a[300], b[300], zero[300] = {}; // more than getentropy's 256 bytes a call
    BOOST_TEST(tf::detail::sys::random_bytes(a, sizeof a) == 0);
    BOOST_TEST(tf::detail::sys::random_bytes(b, sizeof b) == 0);
    BOOST_TEST(std::memcmp(a, b, sizeof a) != 0);
    BOOST_TEST(std::memcmp(a, zero, sizeof a) != 0);
    test::scratch s;
    auto o = test::file_in<char>(s.dir);
    tf::named_temporary_file f(o), g(o);
    BOOST_TEST(f.path() != g.path());
    BOOST_TEST(s.entries().size() == 2u);
#endif
}
