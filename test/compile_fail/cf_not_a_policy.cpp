// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// A type that is no policy: rejected ("boost::tempfile: every argument after CharT must be a naming, location, creation or cleanup").
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
struct not_a_policy {};
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_file<char, tf::keep, not_a_policy>;
#else
using t = tf::basic_temp_file<char, tf::keep>;
#endif
int main() { return sizeof(t) == 0; }
