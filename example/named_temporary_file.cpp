// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Python's NamedTemporaryFile: a file with a name other programs can open, removed for you;
// raw and formatted I/O on the same file; the delete / delete_on_close choices.

#include <boost/tempfile.hpp>

#include <boost/filesystem/fstream.hpp>
#include <boost/filesystem/operations.hpp>

#include <iostream>
#include <string>

namespace tf = boost::tempfile;

// Another program opening the file by name. (On Windows a file that is deleted on close can be
// opened only by a program that allows FILE_SHARE_DELETE, as Python 3.12's documentation says;
// the C++ streams do not, so it reads nothing there while the file is open.)
std::string run_tool(const boost::filesystem::path& name)
{
    boost::filesystem::ifstream in(name);
    std::string first;
    std::getline(in, first);
    return first;
}

int main()
{
    tf::temporary_directory work({.prefix = "named-example-"});
    boost::filesystem::path d = work.path();
    boost::filesystem::path name;
    {
        tf::named_temporary_file f({.suffix = ".log", .dir = d});
        f.write("raw bytes\n");
        f.stream() << "formatted " << 42 << '\n';   // the same file, buffered
        f.seek(0);
        std::string line;
        std::getline(f.stream(), line);              // "raw bytes"
        run_tool(f.path());                          // absolute name, for other programs
        name = f.path();
        std::cout << "read back '" << line << "'; another program reads '" << run_tool(f.path()) << "' from "
                  << name << "\n";
    }
    std::cout << "after the scope: " << (boost::filesystem::exists(name) ? "still there" : "removed") << "\n";

    // Python delete_on_close=False: close() keeps the name (reopen it), destruction removes it.
    {
        tf::named_temporary_file r({.dir = d, .delete_on_close = false});
        r.write("for the next program\n");
        r.close();
        std::cout << "closed, delete_on_close = false: another program reads '" << run_tool(r.path()) << "'\n";
        name = r.path();
    }
    std::cout << "after destruction: " << (boost::filesystem::exists(name) ? "still there" : "removed") << "\n";

    // Python delete=False: never removed (here the directory's removal takes it).
    tf::named_temporary_file k({.dir = d, .keep = true});
    k.close();
    std::cout << "keep = true: " << k.name() << (boost::filesystem::exists(k.path()) ? " kept\n" : " gone\n");
    return boost::filesystem::exists(k.path()) ? 0 : 1;
}
