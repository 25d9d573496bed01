// Copyright the Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Driver for the per-header self-containment tests: test/Jamfile compiles this file once
// per public header, with BOOST_TEMPFILE_TEST_HEADER set to the header's path relative
// to include/boost/tempfile (e.g. naming.hpp). The header must be the first include.
#define BOOST_TEMPFILE_TEST_INCLUDE() <boost/tempfile/BOOST_TEMPFILE_TEST_HEADER>
#include BOOST_TEMPFILE_TEST_INCLUDE()

int main() {}
