// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// What the documentation checks (test_doc_snippets, test_doc_reference) share: finding the
// repository and reading its files.

#ifndef BOOST_TEMPFILE_TEST_DOC_COMMON_HPP
#define BOOST_TEMPFILE_TEST_DOC_COMMON_HPP

#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test {

// The library's root (the directory with include/boost/tempfile.hpp and doc/): the build's
// BOOST_TEMPFILE_TEST_SOURCE_ROOT if it names one (test/CMakeLists.txt sets it), else found
// upwards from this file's name or from the current directory; empty if none leads to it.
// Not the nearest Jamroot: in a Boost tree (libs/tempfile) the Boost root has one too.
inline boost::filesystem::path source_root()
{
    namespace fs = boost::filesystem;
    auto is_root = [](const fs::path& p) {
        return fs::exists(p / "include" / "boost" / "tempfile.hpp") && fs::is_directory(p / "doc");
    };
#ifdef BOOST_TEMPFILE_TEST_SOURCE_ROOT
    if (is_root(fs::path(BOOST_TEMPFILE_TEST_SOURCE_ROOT)))
        return fs::path(BOOST_TEMPFILE_TEST_SOURCE_ROOT);
#endif
    std::vector<fs::path> starts = {fs::absolute(fs::path(__FILE__)).parent_path(), fs::current_path()};
    for (fs::path p : starts)
        for (; !p.empty() && p != p.root_path(); p = p.parent_path())
            if (is_root(p))
                return p;
    return fs::path();
}

// The whole file as bytes (empty if it cannot be read).
inline std::string read_file(const boost::filesystem::path& p)
{
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace test

#endif // BOOST_TEMPFILE_TEST_DOC_COMMON_HPP
