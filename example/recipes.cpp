// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The recipes of doc/recipes.md: a temporary file as FILE* and as std::fstream, one object
// per thread, and a test's scratch directory kept when the test failed.

#include <boost/tempfile.hpp>

#include <boost/filesystem/operations.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;

// A C API that wants a FILE*.
void write_report(std::FILE* out) { std::fprintf(out, "report: %d lines\n", 3); }

// A test body: throws when a check fails (as BOOST_TEST_REQUIRE, or gtest's ASSERT_* in a
// helper that throws).
void run_test(const fs::path& dir, bool fail)
{
    std::ofstream(dir / "input.txt") << "data the test made\n";
    if (fail)
        throw std::runtime_error("expected 3 lines, got 2");
}

int main()
{
    tf::temporary_directory work({.prefix = "recipes-"});
    int failures = 0;

    { // A temporary file as FILE*: a stdio stream on a duplicate of the descriptor.
        tf::temporary_file t({.dir = work.path()});
        std::FILE* out = ::fdopen(::dup(t.native_handle()), "w+");
        write_report(out);
        std::fclose(out); // flushes, closes the duplicate; t keeps its own descriptor
        t.seek(0);
        char line[64] = {};
        failures += t.read(line, sizeof line - 1) == 0;
        std::cout << "FILE*: " << line;
    }

    { // A temporary file as std::fstream: open the named file by name (closed by the object
      // at the end of the scope, as every other handle should be).
        tf::named_temporary_file f({.suffix = ".txt", .dir = work.path()});
        std::fstream io(f.path().string(), std::ios::in | std::ios::out);
        io << "through std::fstream\n";
        io.seekg(0);
        std::string text;
        std::getline(io, text);
        failures += text != "through std::fstream";
        std::cout << "std::fstream on " << f.path().filename() << ": " << text << '\n';
    }

    { // Threads: one object per thread; the functions and the default directory are shared.
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&work, i] {
                tf::named_temporary_file mine({.dir = work.path()}); // never shared
                mine.write("thread " + std::to_string(i) + '\n');
            });
        for (std::thread& t : threads)
            t.join();
        std::cout << "4 threads, 4 files, each removed by its own thread\n";
    }

    { // A test's scratch directory, kept when the test failed (for a look at what it made).
        fs::path kept;
        for (bool fail : {false, true}) {
            try {
                tf::basic_temp_dir<char, tf::keep_on_exception> scratch({.dir = work.path()});
                kept = scratch.path();
                run_test(scratch.path(), fail);
            } catch (const std::exception& e) {
                std::cout << "test failed (" << e.what() << "): its files are in " << kept << '\n';
            }
            failures += fs::exists(kept) != fail; // removed after a pass, kept after a failure
        }
    }
    return failures;
}
