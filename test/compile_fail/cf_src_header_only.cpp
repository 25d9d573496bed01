// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// src.hpp in a header-only TU: rejected ("boost::tempfile: src.hpp is for separate compilation").
#if !defined(BOOST_TEMPFILE_TEST_MISUSE) && !defined(BOOST_TEMPFILE_SEPARATE_COMPILATION)
#define BOOST_TEMPFILE_SEPARATE_COMPILATION
#elif defined(BOOST_TEMPFILE_TEST_MISUSE) && defined(BOOST_TEMPFILE_SEPARATE_COMPILATION)
#undef BOOST_TEMPFILE_SEPARATE_COMPILATION
#endif
#include <boost/tempfile/src.hpp>
int main() { return 0; }
