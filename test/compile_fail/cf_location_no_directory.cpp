// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// One row of doc/policies.adoc, location policy, `directory`: rejected ("boost::tempfile: location policy L: L::directory(ec) must be a static member function").
#include <boost/tempfile/basic_temp_file.hpp>
#include <boost/tempfile/basic_temp_dir.hpp>
#include <string>
namespace tf = boost::tempfile;
struct my_location : tf::location_policy
{
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    static boost::filesystem::path dir(boost::system::error_code& ec) { return tf::system_temp_dir::directory(ec); }
#else
    static boost::filesystem::path directory(boost::system::error_code& ec) { return tf::system_temp_dir::directory(ec); }
#endif
};
using t = tf::basic_temp_file<char, my_location>;
int main() { return sizeof(t) == 0; }
