// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// rollover() belongs to spooled files only: it is not a member of named_temporary_file.
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
int main()
{
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    tf::named_temporary_file f;
#else
    tf::spooled_temporary_file f;
#endif
    f.rollover();
    return f.is_open() ? 0 : 1;
}
