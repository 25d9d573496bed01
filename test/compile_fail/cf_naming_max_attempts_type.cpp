// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// One row of doc/policies.adoc, naming policy, `max_attempts`: rejected ("boost::tempfile: naming policy N: N::max_attempts, when declared, must be a static constexpr unsigned").
#include <boost/tempfile/basic_temp_file.hpp>
#include <boost/tempfile/basic_temp_dir.hpp>
#include <string>
namespace tf = boost::tempfile;
struct my_naming : tf::naming_policy
{
    template <class CharT> std::basic_string<CharT> next_name() const { return std::basic_string<CharT>(4, CharT('a')); }
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    static constexpr bool max_attempts = true;
#else
    static constexpr unsigned max_attempts = 5;
#endif
};
using t = tf::basic_temp_file<char, my_naming>;
int main() { return sizeof(t) == 0; }
