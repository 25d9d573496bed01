// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// A directory creation policy in basic_temp_file: rejected ("boost::tempfile: this creation policy makes directories").
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_file<char, tf::exclusive_dir<>>;
#else
using t = tf::basic_temp_file<char, tf::exclusive_file<>>;
#endif
int main() { return sizeof(t) == 0; }
