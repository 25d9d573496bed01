// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The README's first example, as it stands there.

#include <boost/tempfile.hpp>
namespace tf = boost::tempfile;

#include <iostream>

#if defined(_WIN32)
#include <io.h>     // close(): mkstemp's descriptor is the C runtime's, as Python's os.open gives
#else
#include <unistd.h> // close()
#endif

int main() {
    tf::temporary_directory work;                               // removed at scope exit, with its contents
    tf::options o;                                              // C++17: set the fields you need
    o.suffix = ".txt";
    o.dir = work.path();
    auto [fd, name] = tf::mkstemp(o);                           // Python's mkstemp(): yours to close
    ::close(fd);
    tf::named_temporary_file log({.suffix = ".log", .dir = work.path()}); // C++20: designated initializers
    log.write("hello\n");                                       // deleted on close()
    tf::basic_temp_file<char, tf::random_name<16>, tf::pinned_temp_dir> fast; // policies in any order
    std::cout << "mkstemp made " << name << ", the log file " << log.name() << " and " << fast.name()
              << "; nothing is left when main returns\n";
}
