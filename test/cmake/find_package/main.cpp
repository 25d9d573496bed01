// Copyright the Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// CMake consumer check: Boost::tempfile gives the include path, C++17 and the libraries.
#include <boost/tempfile.hpp>

#include <unistd.h>

int main()
{
    auto [fd, name] = boost::tempfile::mkstemp();
    ::close(fd);
    ::unlink(name.c_str());
    return name.empty();
}
