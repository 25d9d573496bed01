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

// The repository root: found from this file's name, or upwards from the current directory;
// empty if neither leads to it.
inline boost::filesystem::path source_root()
{
    namespace fs = boost::filesystem;
    std::vector<fs::path> starts = {fs::absolute(fs::path(__FILE__)).parent_path(), fs::current_path()};
    for (fs::path p : starts)
        for (; !p.empty() && p != p.root_path(); p = p.parent_path())
            if (fs::exists(p / "Jamroot") && fs::is_directory(p / "doc"))
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
