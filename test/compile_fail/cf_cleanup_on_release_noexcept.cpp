// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// One row of doc/policies.adoc, cleanup policy, `on_release`: rejected ("boost::tempfile: cleanup policy D: d.on_release() must be noexcept").
#include <boost/tempfile/basic_temp_file.hpp>
#include <boost/tempfile/basic_temp_dir.hpp>
#include <string>
namespace tf = boost::tempfile;
struct my_cleanup : tf::cleanup_policy
{
    static constexpr bool for_files = true;
    static constexpr bool for_directories = true;
    template <class O> void on_create(const O&) noexcept {}
    bool remove_at_close() const noexcept { return true; }
    bool remove_at_destroy() const noexcept { return true; }
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    void on_release() {}
#else
    void on_release() noexcept {}
#endif
};
using t = tf::basic_temp_file<char, my_cleanup>;
int main() { return sizeof(t) == 0; }
