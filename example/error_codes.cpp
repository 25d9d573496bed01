// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The two error styles: exceptions (filesystem_error naming the path) and error_code&
// overloads that throw nothing. Both run the same code.

#include <boost/tempfile.hpp>

#include <iostream>

namespace tf = boost::tempfile;

int main()
{
    tf::temporary_directory dir({.prefix = "errors-"});
    tf::file_options o;
    o.dir = dir.path() / "missing";

    // 1. Exceptions.
    try {
        tf::named_temporary_file f(o);
    } catch (const boost::filesystem::filesystem_error& e) {
        std::cout << "exception: " << e.code().message() << " for " << e.path1() << "\n";
    }

    // 2. error_code: the object is simply not open.
    boost::system::error_code ec;
    tf::named_temporary_file g(o, ec);
    std::cout << "error_code: " << ec.message() << "; is_open() = " << g.is_open() << "\n";

    // 3. Refused before anything is created: a separator in the prefix.
    tf::options bad;
    bad.dir = dir.path();
    bad.prefix = "../escape-";
    tf::mkstemp(bad, ec);
    std::cout << "prefix '../escape-': " << ec.message() << "\n";

    // 4. Every I/O call has both forms too.
    o.dir = dir.path();
    tf::named_temporary_file h(o);
    h.close();
    h.write("late", ec);
    std::cout << "write after close: " << ec.message() << "\n";
    return ec ? 0 : 1;
}
