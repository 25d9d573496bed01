// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The recipes of doc/recipes.adoc: a temporary file as FILE* and as std::fstream, one object
// per thread, and a test's scratch directory kept when the test failed.

#include <boost/tempfile.hpp>

#include <boost/filesystem/operations.hpp>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;

// A stdio stream on a duplicate of an object's handle: fclose closes the duplicate, the
// object keeps its own. POSIX: dup + fdopen; Windows: DuplicateHandle, then a C-runtime
// descriptor over it (_open_osfhandle) and _fdopen.
#if defined(_WIN32)
#include <fcntl.h>
#include <io.h>
#include <windows.h>
std::FILE* stdio_on(tf::native_handle_type h)
{
    HANDLE dup = nullptr;
    if (!::DuplicateHandle(::GetCurrentProcess(), h, ::GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS))
        return nullptr;
    int fd = ::_open_osfhandle(reinterpret_cast<std::intptr_t>(dup), _O_BINARY);
    if (fd < 0) {
        ::CloseHandle(dup);
        return nullptr;
    }
    return ::_fdopen(fd, "w+b");
}
#else
#include <unistd.h>
std::FILE* stdio_on(tf::native_handle_type fd)
{
    return ::fdopen(::dup(fd), "w+");
}
#endif

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
        std::FILE* out = stdio_on(t.native_handle());
        write_report(out);
        std::fclose(out); // flushes, closes the duplicate; t keeps its own descriptor
        t.seek(0);
        char line[64] = {};
        failures += t.read(line, sizeof line - 1) == 0;
        std::cout << "FILE*: " << line;
    }

    { // A temporary file as std::fstream: open the named file by name (closed by the object
      // at the end of the scope, as every other handle should be). delete_on_close = false:
      // on Windows a file the system deletes on close opens only with FILE_SHARE_DELETE,
      // which std::fstream does not ask for; this one the object removes at destruction.
        tf::named_temporary_file f({.suffix = ".txt", .dir = work.path(), .delete_on_close = false});
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
