// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// One row of doc/policies.adoc, creation policy, `try_create_delete_on_close`: rejected ("boost::tempfile: creation policy C: C::try_create_delete_on_close must be noexcept").
#include <boost/tempfile/basic_temp_file.hpp>
#include <boost/tempfile/basic_temp_dir.hpp>
#include <string>
namespace tf = boost::tempfile;
struct my_creation : tf::creation_policy
{
    static constexpr unsigned max_attempts = 20;
    static constexpr bool makes_directory = false;
    static constexpr bool named = true;
    template <class CharT> using options_type = tf::basic_file_options<CharT>;
    static int try_create(tf::native_dir_type d, const tf::native_char* n, tf::native_handle_type& h) noexcept
    { return tf::exclusive_file<>::try_create(d, n, h); }
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    static int try_create_delete_on_close(tf::native_dir_type, const tf::native_char*, tf::native_handle_type&) { return -1; }
#else
    static int try_create_delete_on_close(tf::native_dir_type, const tf::native_char*, tf::native_handle_type&) noexcept { return -1; }
#endif
};
using t = tf::basic_temp_file<char, my_creation>;
int main() { return sizeof(t) == 0; }
