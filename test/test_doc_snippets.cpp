// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The documentation shows only code the build compiles and runs: every line of every
// ```cpp block in README.md and doc/**/*.md must appear in an example or a test.
// (```c++ blocks are reference synopses, checked by the header tests instead.)

#define BOOST_TEST_MODULE doc_snippets
#include <boost/test/unit_test.hpp>

#include <boost/filesystem/directory.hpp>
#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>

#include "common/doc_common.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = boost::filesystem;

namespace {

using test::source_root;

std::string normalize(const std::string& line)
{
    std::string r;
    bool space = false;
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r') {
            space = !r.empty();
            continue;
        }
        if (space)
            r += ' ';
        space = false;
        r += c;
    }
    return r;
}

void add_lines(const fs::path& file, std::set<std::string>& out)
{
    std::ifstream in(file.string());
    std::string line;
    while (std::getline(in, line))
        out.insert(normalize(line));
}

} // namespace

BOOST_AUTO_TEST_CASE(every_cpp_block_in_the_docs_is_compiled_code)
{
    fs::path root = source_root();
    BOOST_REQUIRE_MESSAGE(!root.empty(), "repository root not found");

    std::set<std::string> corpus;
    for (const char* dir : {"example", "test"})
        for (fs::recursive_directory_iterator it(root / dir), end; it != end; ++it) {
            std::string ext = it->path().extension().string();
            if (ext == ".cpp" || ext == ".hpp")
                add_lines(it->path(), corpus);
        }

    std::vector<fs::path> docs = {root / "README.md"};
    for (fs::recursive_directory_iterator it(root / "doc"), end; it != end; ++it)
        if (it->path().extension() == ".md")
            docs.push_back(it->path());

    int blocks = 0;
    for (const fs::path& doc : docs) {
        std::ifstream in(doc.string());
        std::string line;
        bool in_block = false;
        int lineno = 0;
        while (std::getline(in, line)) {
            ++lineno;
            std::string n = normalize(line);
            if (!in_block) {
                if (n == "```cpp") {
                    in_block = true;
                    ++blocks;
                }
                continue;
            }
            if (n.rfind("```", 0) == 0) {
                in_block = false;
                continue;
            }
            if (n.empty() || n == "..." || n == "// ...")
                continue;
            BOOST_TEST(corpus.count(n) == 1u,
                       doc.filename().string() << ":" << lineno << ": not in any example or test: " << n);
        }
        BOOST_TEST(!in_block, doc.filename().string() << ": unterminated code block");
    }
    BOOST_TEST(blocks > 0);
}
