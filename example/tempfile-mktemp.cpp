// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// tempfile-mktemp: GNU coreutils `mktemp` on Boost.TempFile (the tool is in
// tempfile_mktemp_main.hpp, so that the tests can run it in process).
//
//     tempfile-mktemp                          # /tmp/tmp.XXXXXXXXXX, made and printed
//     tempfile-mktemp -d -p "$HOME" build.XXXXXX
//     tempfile-mktemp --suffix=.json -t report.XXXXXXXX
//
// Run by ./build/examples.sh without arguments and with BOOST_TEMPFILE_EXAMPLE_RUN=1 in the
// environment (example/Jamfile sets it), it shows a few runs inside a temporary directory
// that is removed at the end, instead of leaving a file in /tmp.

#include "tempfile_mktemp_main.hpp"

#include <boost/tempfile.hpp>

#include <boost/filesystem/directory.hpp>

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace tf = boost::tempfile;

// Runs the tool on `args`, prints the command line, what it wrote and its status. (stdio, not
// <iostream>: the tool itself starts no iostreams, which costs every invocation.)
int show(std::initializer_list<std::string> args)
{
    std::vector<std::string> storage{"tempfile-mktemp"};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    std::printf("$");
    for (std::string& a : storage) {
        argv.push_back(a.data());
        std::printf(" %s", a.c_str());
    }
    argv.push_back(nullptr);
    std::ostringstream out, err;
    int status = tempfile_mktemp_main(static_cast<int>(storage.size()), argv.data(), out, err);
    std::printf("\n%s%s(exit status %d)\n", out.str().c_str(), err.str().c_str(), status);
    return status;
}

int self_demo()
{
    tf::temporary_directory work({.prefix = "tempfile-mktemp-demo-"}); // removed at the end
    const std::string dir = work.path().string();
    bool ok = show({"-p", dir, "report.XXXXXX"}) == 0;
    ok = show({"-d", "--tmpdir=" + dir, "build.XXXXXXXX"}) == 0 && ok;
    ok = show({"-p", dir, "--suffix=.json", "data-XXX"}) == 0 && ok;
    ok = show({"-u", dir + "/never-created.XXXXXX"}) == 0 && ok;
    ok = show({"-p", dir, "foo.XX"}) == 1 && ok;                    // too few X's
    ok = show({"-q", "-p", dir + "/missing", "fooXXX"}) == 1 && ok; // silent failure
    std::printf("made in %s:", dir.c_str());
    for (boost::filesystem::directory_iterator it(work.path()), end; it != end; ++it)
        std::printf(" %s", it->path().filename().string().c_str());
    std::printf("\n");
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    const char* demo = std::getenv("BOOST_TEMPFILE_EXAMPLE_RUN");
    if (argc == 1 && demo && std::string_view(demo) == "1")
        return self_demo();
    return tempfile_mktemp_main(argc, argv); // stdout, stderr, the environment's locale
}
