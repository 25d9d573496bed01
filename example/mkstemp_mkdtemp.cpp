// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Python's module functions in C++: gettempdir, mkstemp, mkdtemp, the error_code form.

#include <boost/tempfile.hpp>

#include <boost/filesystem/operations.hpp>

#include <iostream>

#include <unistd.h>

namespace tf = boost::tempfile;

int main()
{
    std::cout << "default directory: " << tf::gettempdir() << " (prefix '" << tf::gettempprefix() << "')\n";

    // A private scratch directory (0700), then a file in it (0600, opened O_RDWR|O_CLOEXEC).
    std::string dir = tf::mkdtemp();
    std::cout << "mkdtemp: " << dir << "\n";

    tf::options o;
    o.dir = dir;
    o.prefix = "report-";
    o.suffix = ".csv";
    auto [fd, name] = tf::mkstemp(o);
    const char row[] = "id,value\n1,42\n";
    if (::write(fd, row, sizeof row - 1) != static_cast<ssize_t>(sizeof row - 1))
        return 1;
    ::close(fd);
    std::cout << "mkstemp: " << name << " (" << sizeof row - 1 << " bytes written)\n";

    // Wide names are UTF-8 on disk.
    auto [wfd, wname] = tf::mkstemp(tf::woptions{L".txt", L"données-", boost::filesystem::path(dir)});
    ::close(wfd);
    std::wcout << L"wide mkstemp: " << wname.size() << L" characters\n";

    // The error_code form: no exception, nothing created.
    boost::system::error_code ec;
    o.prefix = "bad/prefix";
    tf::mkstemp(o, ec);
    std::cout << "prefix with '/': " << ec.message() << "\n";

    // The caller owns what mkstemp and mkdtemp made: clean up (the wide file goes with the dir).
    ::unlink(name.c_str());
    boost::filesystem::remove_all(dir);
    std::cout << "removed " << dir << "\n";
    return 0;
}
