// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// A character type other than char and wchar_t: rejected ("boost::tempfile: CharT must be char or wchar_t").
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_file<int>;
#else
using t = tf::basic_temp_file<wchar_t>;
#endif
int main() { return sizeof(t) == 0; }
