// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The pinned_temp_dir location: the tempdir held open, files created and removed relative to
// it (openat / unlinkat) instead of by name. For hot loops that make many temporary files, and
// for programs that want their files to stay in the directory they started with. (POSIX;
// Windows creates by name, as system_temp_dir.)

#include <boost/tempfile.hpp>

#include <iostream>

namespace tf = boost::tempfile;

using pinned_file = tf::basic_temp_file<char, tf::pinned_temp_dir>;

int main()
{
    tf::temporary_directory work({.prefix = "pinned-example-"});
    tf::set_tempdir(work.path()); // the tempdir this program uses from now on

    // A thousand scratch files, each created, written and removed without walking the name
    // of the directory again.
    std::size_t bytes = 0;
    for (int i = 0; i < 1000; ++i) {
        pinned_file f;
        bytes += f.write("scratch data\n");
    }
    std::cout << "1000 pinned files written (" << bytes << " bytes) and removed in " << work.name() << "\n";

    // What is pinned is the directory: after it is renamed, files still go to it.
    boost::filesystem::path moved = work.path();
    moved += "-moved";
    boost::filesystem::rename(work.path(), moved);
    boost::system::error_code ec;
    pinned_file later({}, ec); // created in the moved directory; path() spells the name it had
    bool ok = true;
    if (ec) { // Windows: nothing is held, the name no longer leads to a directory
        std::cout << "after the rename: " << ec.message() << " (this platform creates by name)\n";
    } else {
        ok = boost::filesystem::exists(moved / later.path().filename());
        std::cout << std::boolalpha << "after the rename, a new file is in the moved directory: " << ok << "\n";
    }
    boost::filesystem::rename(moved, work.path()); // back, for cleanup

    tf::reset_tempdir(); // the search again; the held directory is let go with the last object
    return ok ? 0 : 1;
}
