// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// name_only creates nothing, so no object may be built on it: rejected
// ("boost::tempfile: name_only creates nothing for an object to own").
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_file<char, tf::keep, tf::name_only<>>;
#else
using t = tf::basic_temp_file<char, tf::keep, tf::exclusive_file<>>;
#endif
int main() { return sizeof(t) == 0; }
