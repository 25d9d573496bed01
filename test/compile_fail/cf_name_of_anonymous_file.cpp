// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// An anonymous file has no name: name() is not a member of temporary_file.
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
int main()
{
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    tf::temporary_file f;
#else
    tf::named_temporary_file f;
#endif
    return f.name().empty();
}
