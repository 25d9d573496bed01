// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Python's module functions in C++: gettempdir, mkstemp, mkdtemp, the error_code form.

#include <boost/tempfile.hpp>

#include <boost/filesystem/operations.hpp>

#include <iostream>

// mkstemp gives a descriptor of the C runtime: POSIX's own, or on Windows the CRT's (as
// Python's os.open), written and closed with its _write / _close.
#if defined(_WIN32)
#include <io.h>
static int write_fd(int fd, const void* p, unsigned n) { return ::_write(fd, p, n); }
static int close_fd(int fd) { return ::_close(fd); }
#else
#include <unistd.h>
static int write_fd(int fd, const void* p, unsigned n) { return static_cast<int>(::write(fd, p, n)); }
static int close_fd(int fd) { return ::close(fd); }
#endif

namespace tf = boost::tempfile;

int main()
{
    std::cout << "default directory: " << tf::gettempdir() << " (prefix '" << tf::gettempprefix() << "')\n";

    // A private scratch directory (0700; Windows: an owner-only DACL), then a file in it
    // (0600, opened O_RDWR|O_CLOEXEC; Windows: not inheritable, binary).
    std::string dir = tf::mkdtemp();
    std::cout << "mkdtemp: " << dir << "\n";

    tf::options o;
    o.dir = dir;
    o.prefix = "report-";
    o.suffix = ".csv";
    auto [fd, name] = tf::mkstemp(o);
    const char row[] = "id,value\n1,42\n";
    if (write_fd(fd, row, sizeof row - 1) != static_cast<int>(sizeof row - 1))
        return 1;
    close_fd(fd);
    std::cout << "mkstemp: " << name << " (" << sizeof row - 1 << " bytes written)\n";

    // Wide names: UTF-8 on disk on POSIX, UTF-16 on Windows. (utf8_path: the narrow name as a
    // path, without the locale or the ANSI code page.)
    auto [wfd, wname] = tf::mkstemp(tf::woptions{L".txt", L"donn\u00e9es-", tf::utf8_path(dir)});
    close_fd(wfd);
    std::wcout << L"wide mkstemp: " << wname.size() << L" characters\n";

    // The error_code form: no exception, nothing created.
    boost::system::error_code ec;
    o.prefix = "bad/prefix";
    tf::mkstemp(o, ec);
    std::cout << "prefix with '/': " << ec.message() << "\n";

    // The caller owns what mkstemp and mkdtemp made: clean up (the wide file goes with the dir).
    boost::filesystem::remove(tf::utf8_path(name));
    boost::filesystem::remove_all(tf::utf8_path(dir));
    std::cout << "removed " << dir << "\n";
    return 0;
}
