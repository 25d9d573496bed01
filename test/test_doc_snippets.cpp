// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The documentation shows only code that compiles as it stands. Every C++ block of the
// documentation (```cpp in README.md, [source,cpp] in doc/**/*.adoc) is either
//   * an excerpt: its lines, in order and together (blank lines and spacing aside), are lines
//     of one file of example/ or test/, which the build compiles and runs; or
//   * compiled here: extracted into a translation unit (the umbrella header, the usual
//     standard headers, `namespace tf`, `namespace fs`) and checked by the compiler ($CXX,
//     else g++; -std=c++20 -fsyntax-only). A block that does not begin with a declaration
//     (#include, struct, class, template, namespace, int main) goes into a function body. A
//     block that needs names from around it declares them in a comment on the line before
//     it: `// snippet context: fs::path out_dir; std::string payload;` (AsciiDoc), or
//     <!-- snippet context: ... --> (Markdown).
// (```c++ and [source,c++] blocks are reference synopses, checked by the header tests instead.)
// The pages a new user reads first -- README.md, doc/index.adoc, doc/tutorial_files.adoc -- are
// stricter: each block there is a whole program, compiled exactly as shown (nothing added, no
// excerpt) with -std=c++17 -pedantic-errors; a block whose first line is a comment starting
// "// C++20" is compiled with -std=c++20 -pedantic-errors.
//
// Two parts, so that the source format can change: documentation_blocks() extracts the blocks
// (AsciiDoc [source,cpp] blocks, Markdown fences), everything after it compiles what it is given.

#define BOOST_TEST_MODULE doc_snippets
#include <boost/test/unit_test.hpp>

#include <boost/filesystem/directory.hpp>
#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>

#include "common/doc_common.hpp"
#include "common/test_common.hpp"

#include <atomic>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
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

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> r;
    std::string::size_type at = 0;
    while (at <= text.size()) {
        auto nl = text.find('\n', at);
        if (nl == std::string::npos)
            nl = text.size();
        r.push_back(text.substr(at, nl - at));
        at = nl + 1;
    }
    return r;
}

// The non-blank lines, normalized, elisions ("...", "// ...") dropped.
std::vector<std::string> significant(const std::vector<std::string>& lines)
{
    std::vector<std::string> r;
    for (const std::string& l : lines) {
        std::string n = normalize(l);
        if (!n.empty() && n != "..." && n != "// ...")
            r.push_back(n);
    }
    return r;
}

// Whether `block` is a contiguous run of `file`'s significant lines.
bool excerpt_of(const std::vector<std::string>& block, const std::vector<std::string>& file)
{
    if (block.empty() || block.size() > file.size())
        return false;
    for (std::size_t i = 0; i + block.size() <= file.size(); ++i)
        if (std::equal(block.begin(), block.end(), file.begin() + static_cast<std::ptrdiff_t>(i)))
            return true;
    return false;
}

struct block
{
    std::string where;                    // file:line
    std::vector<std::string> lines;       // as written
    std::string context;                  // declared names ("" if none)
};

// A translation unit and the standard it is compiled in.
struct unit
{
    std::string text;
    std::string flags; // e.g. "-std=c++20"
};

// The pages whose blocks must be whole programs, compiled as shown (by the page's path
// without its extension, so that README.md and README.adoc are the same page).
bool whole_program_page(const std::string& where)
{
    const std::string page = where.substr(0, where.rfind(':'));
    const std::string stem = page.substr(0, page.rfind('.'));
    return stem == "README" || stem == "doc/index" || stem == "doc/tutorial_files";
}

// A whole-program block: its text as shown, in the standard it names (C++17 unless its first
// line is a "// C++20" comment), with -pedantic-errors (a C++20 feature in a C++17 block is an
// error, not a silent extension).
unit whole_program(const block& b)
{
    std::vector<std::string> s = significant(b.lines);
    const bool cxx20 = !s.empty() && s.front().rfind("// C++20", 0) == 0;
    std::string tu = "#line 1 \"" + b.where + "\"\n";
    for (const std::string& l : b.lines)
        tu += l + "\n";
    return {tu, std::string(cxx20 ? "-std=c++20" : "-std=c++17") + " -pedantic-errors"};
}

// The translation unit a compiled block of the other pages becomes.
unit translation_unit(const block& b)
{
    std::vector<std::string> s = significant(b.lines);
    const std::string& first = s.empty() ? std::string() : s.front();
    bool top_level = false;
    for (const char* d : {"#include", "struct ", "class ", "template", "namespace ", "int main"})
        top_level = top_level || first.rfind(d, 0) == 0;
    std::string tu = "#include <boost/tempfile.hpp>\n"
                     "#include <atomic>\n#include <cstdio>\n#include <fstream>\n#include <iostream>\n"
                     "#include <string>\n#include <vector>\n#include <unistd.h>\n"
                     "namespace tf = boost::tempfile;\nnamespace fs = boost::filesystem;\n";
    tu += b.context + "\n";
    tu += top_level ? "" : "void snippet()\n{\n";
    tu += "#line 1 \"" + b.where + "\"\n";
    for (const std::string& l : b.lines)
        tu += (normalize(l) == "..." ? std::string() : l) + "\n";
    tu += top_level ? "" : "}\n";
    return {tu, "-std=c++20"};
}

std::string compiler()
{
    const char* cxx = std::getenv("CXX");
    return cxx && *cxx ? cxx : "g++";
}

boost::test_tools::assertion_result compiler_available(boost::unit_test::test_unit_id)
{
    const bool found = std::system((compiler() + " --version >/dev/null 2>&1").c_str()) == 0;
    const std::string why = "no C++ compiler (" + compiler() + ") to compile the documentation's blocks";
    boost::test_tools::assertion_result r(found);
    r.message() << "skipped: " << why;
    if (!found) // printed, so that build/test.sh shows why (e.g. under Wine, which has no g++)
        std::cout << "skipped: " << why << std::endl;
    return r;
}

// The -I options for the Boost the tests are built with, after the library's own include/:
//   * the directories the build names, one a line, in the file BOOST_TEMPFILE_TEST_INCLUDE_DIRS_FILE
//     (test/CMakeLists.txt writes Boost::tempfile's include directories there: under Boost's
//     CMake superproject, each library's libs/<name>/include);
//   * else the root of the Boost tree the library sits in as libs/tempfile, when that tree has
//     its boost/ (b2 headers, or a release archive's);
//   * else none: the compiler's own search path (standalone: the installed Boost).
// Without them, a compile in a Boost tree would read the machine's Boost, not the tree's.
std::string boost_include_options(const fs::path& library_root)
{
    std::vector<fs::path> dirs;
#ifdef BOOST_TEMPFILE_TEST_INCLUDE_DIRS_FILE
    for (const std::string& d : lines_of(test::read_file(fs::path(BOOST_TEMPFILE_TEST_INCLUDE_DIRS_FILE))))
        if (!d.empty())
            dirs.push_back(fs::path(d));
#endif
    const fs::path tree = library_root.parent_path().parent_path();
    if (dirs.empty() && library_root.parent_path().filename() == "libs" &&
        fs::exists(tree / "boost" / "version.hpp"))
        dirs.push_back(tree);
    std::string options;
    for (const fs::path& d : dirs)
        options += " -I'" + d.string() + "'";
    return options;
}

// Compiles each translation unit (two at a time); the compiler's messages of each that
// failed, keyed by its index.
std::map<std::size_t, std::string> compile_all(const std::vector<unit>& units, const fs::path& include)
{
    const std::string boost_includes = boost_include_options(include.parent_path());
    test::scratch s;
    std::map<std::size_t, std::string> failed;
    std::vector<int> status(units.size(), 0);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < units.size();) {
            const fs::path src = s.dir / ("snippet" + std::to_string(i) + ".cpp");
            BOOST_TEST_REQUIRE(test::put_file(src.string(), units[i].text));
            const std::string cmd = compiler() + " " + units[i].flags + " -fsyntax-only -Wall -I'" +
                                    include.string() + "'" + boost_includes + " '" + src.string() + "' > '" +
                                    src.string() + ".err' 2>&1";
            status[i] = std::system(cmd.c_str());
        }
    };
    std::thread t1(work), t2(work);
    t1.join();
    t2.join();
    for (std::size_t i = 0; i < units.size(); ++i)
        if (status[i] != 0)
            failed[i] = test::file_contents((s.dir / ("snippet" + std::to_string(i) + ".cpp.err")).string());
    return failed;
}

// The code blocks of one AsciiDoc page: `[source,cpp]`, then the block between two `----`
// lines; the context is a `// snippet context: ...` comment line just above `[source,cpp]`.
// (`[source,c++]` blocks are reference synopses, checked by the header tests instead.)
std::vector<block> adoc_blocks(const std::vector<std::string>& lines, const std::string& name)
{
    std::vector<block> r;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (normalize(lines[i]) != "[source,cpp]")
            continue;
        block b;
        b.where = name + ":" + std::to_string(i + 3);
        const std::string marker = "// snippet context:";
        if (i > 0 && lines[i - 1].rfind(marker, 0) == 0)
            b.context = lines[i - 1].substr(marker.size());
        BOOST_TEST((i + 1 < lines.size() && normalize(lines[i + 1]) == "----"), b.where << ": no ---- after [source,cpp]");
        for (i += 2; i < lines.size() && normalize(lines[i]) != "----"; ++i)
            b.lines.push_back(lines[i]);
        BOOST_TEST(i < lines.size(), b.where << ": unterminated code block");
        r.push_back(std::move(b));
    }
    return r;
}

// The ```cpp blocks of README.md (Markdown), with the context of an HTML comment above.
std::vector<block> markdown_blocks(const std::vector<std::string>& lines, const std::string& name)
{
    std::vector<block> r;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (normalize(lines[i]) != "```cpp")
            continue;
        block b;
        b.where = name + ":" + std::to_string(i + 2);
        const std::string marker = "<!-- snippet context:";
        if (i > 0 && lines[i - 1].rfind(marker, 0) == 0) {
            std::string c = lines[i - 1].substr(marker.size());
            b.context = c.substr(0, c.rfind("-->"));
        }
        for (++i; i < lines.size() && normalize(lines[i]).rfind("```", 0) != 0; ++i)
            b.lines.push_back(lines[i]);
        BOOST_TEST(i < lines.size(), b.where << ": unterminated code block");
        r.push_back(std::move(b));
    }
    return r;
}

// Every C++ block of the documentation (README.md, doc/**/*.adoc), with its declared context.
std::vector<block> documentation_blocks(const fs::path& root)
{
    std::vector<fs::path> docs = {root / "README.md"};
    for (fs::recursive_directory_iterator it(root / "doc"), end; it != end; ++it)
        if (it->path().extension() == ".adoc")
            docs.push_back(it->path());
    std::vector<block> r;
    for (const fs::path& doc : docs) {
        const std::vector<std::string> lines = lines_of(test::read_file(doc));
        const std::string name = fs::relative(doc, root).generic_string(); // doc/..., also on Windows
        for (block& b : doc.extension() == ".adoc" ? adoc_blocks(lines, name) : markdown_blocks(lines, name))
            r.push_back(std::move(b));
    }
    return r;
}

} // namespace

// The pages and their blocks are found wherever the sources are: this repository, a Boost tree
// (libs/tempfile, no Jamroot above it) or a release archive. build/boost_tree.sh runs only each
// program's first case in the tree: this one, which compiles nothing (the next case compiles
// every block, in the suite's g++ configuration).
BOOST_AUTO_TEST_CASE(the_pages_and_their_blocks_are_found)
{
    const fs::path root = source_root();
    BOOST_REQUIRE_MESSAGE(!root.empty(), "repository root not found");
    const std::vector<block> blocks = documentation_blocks(root);
    std::size_t whole = 0;
    for (const block& b : blocks)
        whole += whole_program_page(b.where) ? 1 : 0;
    BOOST_TEST(blocks.size() > 20u);
    BOOST_TEST(whole >= 12u); // README.md 1, doc/index.adoc 3, doc/tutorial_files.adoc 8
}

BOOST_AUTO_TEST_CASE(every_cpp_block_in_the_docs_is_compiled_code,
                     *boost::unit_test::precondition(compiler_available))
{
    fs::path root = source_root();
    BOOST_REQUIRE_MESSAGE(!root.empty(), "repository root not found");

    std::vector<std::vector<std::string>> sources;
    for (const char* dir : {"example", "test"})
        for (fs::recursive_directory_iterator it(root / dir), end; it != end; ++it) {
            std::string ext = it->path().extension().string();
            if (ext == ".cpp" || ext == ".hpp")
                sources.push_back(significant(lines_of(test::read_file(it->path()))));
        }

    std::vector<block> blocks = documentation_blocks(root);
    std::vector<unit> units;
    std::vector<const block*> compiled;
    std::size_t whole = 0;
    for (const block& b : blocks) {
        if (whole_program_page(b.where)) { // as shown, never an excerpt
            BOOST_TEST(b.context.empty(), b.where << ": a whole program declares no context");
            units.push_back(whole_program(b));
            compiled.push_back(&b);
            ++whole;
            continue;
        }
        std::vector<std::string> s = significant(b.lines);
        bool excerpt = false;
        for (const auto& src : sources)
            excerpt = excerpt || excerpt_of(s, src);
        if (!excerpt) {
            units.push_back(translation_unit(b));
            compiled.push_back(&b);
        }
    }
    for (const auto& [i, messages] : compile_all(units, root / "include"))
        BOOST_TEST(false, compiled[i]->where << (whole_program_page(compiled[i]->where)
                                                     ? ": not a whole program that compiles as shown ("
                                                     : ": neither an excerpt of example/ or test/ nor compilable (")
                                             << units[i].flags << "):\n"
                                             << messages);
    BOOST_TEST_MESSAGE(blocks.size() << " blocks: " << blocks.size() - units.size() << " excerpts, "
                                     << units.size() << " compiled");
    BOOST_TEST(whole >= 12u);
    BOOST_TEST(!units.empty());
}

// The checks catch what they are for: a block rearranged is no excerpt, and does not compile.
BOOST_AUTO_TEST_CASE(a_rearranged_block_is_caught, *boost::unit_test::precondition(compiler_available))
{
    const std::vector<std::string> file = significant(
        {"tf::spooled_options o;", "o.max_size = 1024;", "", "tf::spooled_temporary_file buf(o);", "buf.flush();"});
    BOOST_TEST(excerpt_of(significant({"o.max_size  = 1024;", "tf::spooled_temporary_file buf(o);"}), file));
    block b;
    b.where = "rearranged.md:1";
    b.lines = {"tf::spooled_temporary_file buf(o);", "tf::spooled_options o;", "buf.flush();"};
    BOOST_TEST(!excerpt_of(significant(b.lines), file));
    fs::path root = source_root();
    BOOST_REQUIRE(!root.empty());
    auto failed = compile_all({translation_unit(b)}, root / "include");
    BOOST_TEST(failed.size() == 1u);
    b.lines = {"tf::spooled_options o;", "tf::spooled_temporary_file buf(o);", "buf.flush();"};
    BOOST_TEST(compile_all({translation_unit(b)}, root / "include").empty()); // in order it compiles
}

// The first pages' blocks are whole programs in the standard they name: a C++20 feature in an
// unmarked block fails (-pedantic-errors), the "// C++20" mark lets it through, a fragment fails.
BOOST_AUTO_TEST_CASE(a_whole_program_block_is_compiled_as_shown, *boost::unit_test::precondition(compiler_available))
{
    fs::path root = source_root();
    BOOST_REQUIRE(!root.empty());
    block b;
    b.where = "doc/tutorial_files.adoc:1";
    BOOST_TEST(whole_program_page(b.where));
    BOOST_TEST(whole_program_page("README.adoc:3"));
    BOOST_TEST(!whole_program_page("doc/recipes.adoc:3"));
    b.lines = {"#include <boost/tempfile.hpp>",
               "int main() { boost::tempfile::named_temporary_file f({.suffix = \".log\"}); }"};
    BOOST_TEST(compile_all({whole_program(b)}, root / "include").size() == 1u);
    b.lines.insert(b.lines.begin(), "// C++20: designated initializers");
    BOOST_TEST(compile_all({whole_program(b)}, root / "include").empty());
    b.lines = {"tf::named_temporary_file f;"};
    BOOST_TEST(compile_all({whole_program(b)}, root / "include").size() == 1u);
}
