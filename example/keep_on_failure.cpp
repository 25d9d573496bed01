// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Decide after creation: a build runs its steps in scratch directories, each with a log file.
// A step that succeeds leaves nothing; the tree and the log of a step that fails are kept for
// diagnosis (keep()), and a second handle on the log (reopen()) reads what the step wrote.

#include <boost/tempfile.hpp>

#include <boost/filesystem/fstream.hpp>
#include <boost/filesystem/operations.hpp>

#include <iostream>
#include <string>

#if defined(_WIN32)
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;

namespace {

// A build step: writes its output into `dir` and its messages to `log`; false if it failed.
bool run_step(const std::string& step, const fs::path& dir, tf::named_temporary_file& log)
{
    fs::ofstream(dir / (step + ".o")) << "object code\n";
    log.write(step + ": compiled\n");
    if (step == "link") {
        log.write(step + ": undefined reference to `main'\n");
        return false;
    }
    return true;
}

// What the step logged, read through a second, independent handle on the log file.
std::string read_all(const tf::file_handle& h)
{
    std::string r;
    char buf[256];
    for (;;) {
#if defined(_WIN32)
        DWORD n = 0;
        if (!::ReadFile(h.get(), buf, sizeof buf, &n, nullptr) || n == 0)
            break;
#else
        ::ssize_t n = ::read(h.get(), buf, sizeof buf);
        if (n <= 0)
            break;
#endif
        r.append(buf, static_cast<std::size_t>(n));
    }
    return r;
}

} // namespace

int main()
{
    tf::temporary_directory logs({.prefix = "build-logs-"}); // where this example's logs go
    fs::path kept_dir, kept_log;
    for (std::string step : {"compile", "link"}) {
        tf::temporary_directory scratch({.prefix = "build-" + step + "-"});
        tf::named_temporary_file log({.suffix = ".log", .prefix = step + "-", .dir = logs.path()});
        if (run_step(step, scratch.path(), log)) {
            std::cout << step << ": ok, scratch removed\n";
            continue; // both go at the end of the iteration
        }
        scratch.keep(); // the failed step's tree stays...
        log.keep();     // ...and so does its log, even after close()
        std::cout << step << ": FAILED, kept " << scratch.name() << " and " << log.name() << '\n';
        std::cout << "its log says:\n" << read_all(log.reopen());
        kept_dir = scratch.path();
        kept_log = log.path();
        log.close();
    }

    const bool ok = !kept_dir.empty() && fs::exists(kept_dir / "link.o") && fs::exists(kept_log);
    std::cout << (ok ? "the failed step's files are still there\n" : "ERROR: not kept\n");
    fs::remove_all(kept_dir); // an example cleans up after itself
    return ok ? 0 : 1;
}
