// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The README's first example, as it stands there.

#include <boost/tempfile.hpp>
namespace tf = boost::tempfile;

#include <iostream>

int main() {
    auto [fd, name] = tf::mkstemp({.suffix = ".txt"});         // Python's mkstemp()
    ::close(fd); ::unlink(name.c_str());
    tf::temporary_directory work({.prefix = "build-"});        // removed at scope exit
    tf::named_temporary_file log({.suffix = ".log", .dir = work.path()});
    log.write("hello\n");                                       // deleted on close()
    tf::basic_temp_file<char, tf::keep, tf::random_name<16>> kept; // policies in any order
    std::cout << "mkstemp made and removed " << name << "\n"
              << "log file " << log.name() << " in " << work.name() << "\n"
              << "kept file " << kept.name() << " (removed by this example)\n";
    ::unlink(kept.path().c_str());
}
