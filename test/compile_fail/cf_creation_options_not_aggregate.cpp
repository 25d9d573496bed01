// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// One row of doc/policies.adoc, creation policy, `options_type`: rejected ("boost::tempfile: creation policy C: C::options_type<CharT> must be an aggregate").
#include <boost/tempfile/basic_temp_file.hpp>
#include <boost/tempfile/basic_temp_dir.hpp>
#include <string>
namespace tf = boost::tempfile;
struct my_creation : tf::creation_policy
{
    static constexpr unsigned max_attempts = 20;
    static constexpr bool makes_directory = false;
    static constexpr bool named = true;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    struct opts { explicit opts(int) {} };
    template <class CharT> using options_type = opts;
#else
    template <class CharT> using options_type = tf::basic_file_options<CharT>;
#endif
    static int try_create(tf::native_dir_type d, const tf::native_char* n, tf::native_handle_type& h) noexcept
    { return tf::exclusive_file<>::try_create(d, n, h); }
};
using t = tf::basic_temp_file<char, my_creation>;
int main() { return sizeof(t) == 0; }
