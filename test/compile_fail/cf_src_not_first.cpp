// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// src.hpp after another Boost.TempFile header of its TU: rejected ("boost::tempfile: include <boost/tempfile/src.hpp> before any other").
#if !defined(BOOST_TEMPFILE_SEPARATE_COMPILATION)
#define BOOST_TEMPFILE_SEPARATE_COMPILATION
#endif
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
#include <boost/tempfile/options.hpp>
#endif
#include <boost/tempfile/src.hpp>
#include <boost/tempfile/options.hpp>
int main() { return sizeof(boost::tempfile::options) == 0; }
