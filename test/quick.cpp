// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The consumer check of test/cmake_subdir_test and test/cmake_install_test (Boost's CMake
// layout): Boost::tempfile gives the include path, C++17 and the libraries to link.
#include <boost/tempfile.hpp>

#include <boost/filesystem/operations.hpp>

#include <string>

int main()
{
    boost::filesystem::path name;
    {
        boost::tempfile::named_temporary_file f;
        name = f.path();
        const std::string text = "Boost.TempFile";
        f.write(text);
        if (!boost::filesystem::exists(name) || boost::filesystem::file_size(name) != text.size())
            return 1;
    }
    return boost::filesystem::exists(name) ? 1 : 0;
}
