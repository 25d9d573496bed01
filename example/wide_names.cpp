// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Wide names: std::wstring in, std::wstring out, UTF-8 on disk whatever the locale (Windows:
// UTF-16, the system's own).

#include <boost/tempfile.hpp>

#include <boost/filesystem/directory.hpp>
#include <boost/filesystem/operations.hpp>

#include <clocale>
#include <iostream>

namespace tf = boost::tempfile;

int main()
{
    std::setlocale(LC_ALL, "C"); // the conversions do not depend on the locale

    tf::wtemporary_directory dir({.prefix = L"donn\u00e9es-"}); // "donnees-", e with an acute accent
    tf::wfile_options o;
    o.dir = dir.path();
    o.prefix = L"\u043e\u0442\u0447\u0451\u0442-"; // "otchyot-" (Russian: report) in Cyrillic
    o.suffix = L"-\u2713.txt";                      // U+2713 CHECK MARK
    tf::wnamed_temporary_file f(o);
    std::wstring name = f.name();

    // The name on disk: UTF-8 bytes on POSIX, UTF-16 code units on Windows.
    for (const auto& e : boost::filesystem::directory_iterator(dir.path())) {
        const auto native = e.path().filename().native();
        std::cout << "on disk: " << native.size() << (sizeof(native[0]) == 1 ? " UTF-8 bytes\n" : " UTF-16 units\n");
    }
    std::cout << "name() has " << name.size() << " wide characters; round trip "
              << (tf::utf8_path(name) == f.path() ? "identical" : "DIFFERENT") << "\n";

    // A wide directory given by the user: build the path with utf8_path, not from the locale.
    boost::filesystem::path sub = tf::utf8_path(dir.name() + L"/\u00df"); // sharp s
    boost::filesystem::create_directory(sub);
    tf::woptions mo;
    mo.dir = sub;
    std::wstring made = tf::mkdtemp(mo);
    std::cout << "mkdtemp in a wide directory: " << made.size() << " wide characters\n";
    return tf::utf8_path(name) == f.path() ? 0 : 1;
}
