// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// One state across shared objects (issue 20, item 3): the program and a shared library built
// with -fvisibility=hidden (test/visibility/plugin.cpp), both using the library header-only,
// share the tempdir override both ways, and the program's exit removes what the shared
// library registered for removal at exit. Without visible state each would keep its own copy.
// Exits 0 on success; prints what failed otherwise. (POSIX: a Windows DLL has its own copy of
// every inline function's statics; see doc/reference/config.adoc.)

#include <boost/tempfile.hpp>

#include <boost/config.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tf = boost::tempfile;

extern "C" BOOST_SYMBOL_IMPORT bool plugin_file_path(char* out, std::size_t size);
extern "C" BOOST_SYMBOL_IMPORT void plugin_set_tempdir(const char* dir);
extern "C" BOOST_SYMBOL_IMPORT bool plugin_exit_file(char* out, std::size_t size);

namespace {
int failures = 0;
void check(bool ok, const std::string& what)
{
    if (!ok) {
        std::printf("FAILED: %s\n", what.c_str());
        ++failures;
    }
}
std::string dir_of(const std::string& p)
{
    return p.substr(0, p.rfind('/'));
}
} // namespace

int main()
{
    tf::temporary_directory a, b;
    const std::string da = a.path().string(), db = b.path().string();
    char buf[4096];

    tf::set_tempdir(da); // the program's override reaches the shared library
    check(plugin_file_path(buf, sizeof buf) && dir_of(buf) == da,
          "set_tempdir in the program: the shared library's file went to " + std::string(buf) + ", not " + da);

    plugin_set_tempdir(db.c_str()); // and the shared library's reaches the program
    const std::string seen = tf::gettempdir();
    check(seen == db, "set_tempdir in the shared library: the program's gettempdir() is " + seen + ", not " + db);
    tf::reset_tempdir();

    // The shared library's remove_at_exit file, in a child that then calls exit().
    std::fflush(stdout);
    int fds[2];
    if (::pipe(fds) != 0)
        return 2;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        tf::set_tempdir(da);
        std::string p = plugin_exit_file(buf, sizeof buf) ? buf : "";
        p += '\n';
        if (::write(fds[1], p.data(), p.size()) < 0)
            std::_Exit(3);
        std::exit(0);
    }
    ::close(fds[1]);
    std::string p;
    char c;
    while (::read(fds[0], &c, 1) == 1 && c != '\n')
        p += c;
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    struct stat st;
    check(!p.empty() && WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child that made the exit file failed");
    check(::lstat(p.c_str(), &st) != 0, "the shared library's remove_at_exit file " + p + " is left after exit()");

    std::printf("%s\n", failures ? "visibility: FAILED" : "visibility: one state in the program and the shared library");
    return failures ? 1 : 0;
}
