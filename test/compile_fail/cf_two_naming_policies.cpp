// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Two policies of one family: rejected ("boost::tempfile: more than one naming policy given").
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_file<char, tf::random_name<8>, tf::keep, tf::random_name<12>>;
#else
using t = tf::basic_temp_file<char, tf::random_name<8>, tf::keep>;
#endif
int main() { return sizeof(t) == 0; }
