// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Temp-file objects own what they created: copying is rejected, moving is fine.
#include <boost/tempfile/basic_temp_file.hpp>
#include <utility>
namespace tf = boost::tempfile;
int main()
{
    tf::named_temporary_file a;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    tf::named_temporary_file b(a);
#else
    tf::named_temporary_file b(std::move(a));
#endif
    return b.is_open() ? 0 : 1;
}
