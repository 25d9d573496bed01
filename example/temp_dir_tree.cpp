// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Build a tree in a temporary directory (files, subdirectories, a read-only directory and a
// symlink to something outside) and let it vanish: nothing outside the tree is touched.
// (Windows: the read-only attribute is cleared; a symlink needs a privilege or developer mode,
// and is left out when it cannot be made.)

#include <boost/tempfile.hpp>

#include <boost/filesystem/fstream.hpp>
#include <boost/filesystem/operations.hpp>

#include <iostream>

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;

int main()
{
    tf::temporary_directory outside({.prefix = "tree-example-outside-"}); // a symlink target
    fs::ofstream(outside.path() / "precious.txt") << "keep me\n";

    fs::path root;
    {
        tf::temporary_directory work({.prefix = "tree-example-"});
        root = work.path();
        std::cout << "working in " << work.name() << '\n';

        fs::create_directories(work.path() / "src" / "detail");
        fs::ofstream(work.path() / "src" / "main.cpp") << "int main() {}\n";
        fs::ofstream(work.path() / "src" / "detail" / "impl.hpp") << "#pragma once\n";
        fs::create_directory(work.path() / "locked");
        fs::ofstream(work.path() / "locked" / "data.bin") << "0123";
        fs::permissions(work.path() / "locked", fs::perms::owner_read); // r-- (read-only): repaired at cleanup
        boost::system::error_code ec;
        fs::create_directory_symlink(outside.path(), work.path() / "link-to-outside", ec);
        if (ec)
            std::cout << "no symlink here: " << ec.message() << '\n';

        std::size_t n = 0;
        for (fs::recursive_directory_iterator it(work.path()), end; it != end; ++it)
            if (!fs::is_directory(it->symlink_status()) || fs::is_symlink(it->symlink_status()))
                ++n;
        std::cout << "built " << n << " entries (files and a symlink)\n";
    } // removed here, with everything in it

    bool gone = !fs::exists(fs::symlink_status(root));
    bool kept = fs::exists(outside.path() / "precious.txt");
    std::cout << "tree removed: " << (gone ? "yes" : "no")
              << ", symlink target kept: " << (kept ? "yes" : "no") << '\n';
    return gone && kept ? 0 : 1;
}
