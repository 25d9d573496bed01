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
    auto [fd, name] = tf::mkstemp({.suffix = ".txt"});         // Python's mkstemp()
    ::close(fd); boost::filesystem::remove(tf::utf8_path(name)); // yours to close and remove
    tf::temporary_directory work({.prefix = "build-"});        // removed at scope exit
    tf::named_temporary_file log({.suffix = ".log", .dir = work.path()});
    log.write("hello\n");                                       // deleted on close()
    tf::basic_temp_file<char, tf::keep, tf::random_name<16>> kept; // policies in any order
    std::cout << "mkstemp made and removed " << name << "\n"
              << "log file " << log.name() << " in " << work.name() << "\n"
              << "kept file " << kept.name() << " (removed by this example)\n";
    boost::filesystem::remove(kept.path());
}
