// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// A file-only cleanup policy in basic_temp_dir: rejected ("boost::tempfile: this cleanup policy is for files only").
#include <boost/tempfile/basic_temp_dir.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_dir<char, tf::delete_on_close>;
#else
using t = tf::basic_temp_dir<char, tf::delete_on_destroy>;
#endif
int main() { return sizeof(t) == 0; }
