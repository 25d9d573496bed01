// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Opt-in cleanup at exit and on SIGINT / SIGTERM / SIGHUP: a child process makes a file and a
// directory tree with tf::remove_at_exit<>, then is killed by SIGTERM before its destructors
// run; nothing it made is left behind.

#include <boost/tempfile.hpp>

#include <boost/filesystem/directory.hpp>
#include <boost/filesystem/operations.hpp>

#include <fstream>
#include <iostream>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tf = boost::tempfile;

template <class CharT> using exit_file = tf::basic_temp_file<CharT, tf::remove_at_exit<>>;
template <class CharT> using exit_dir = tf::basic_temp_dir<CharT, tf::remove_at_exit<>>;

int main()
{
    tf::temporary_directory work({.prefix = "exit-example-"});
    tf::file_options opts;
    opts.dir = work.path();
    tf::dir_options dopts;
    dopts.dir = work.path();

    ::pid_t pid = ::fork();
    if (pid == 0) {
        exit_file<char> f(opts);   // a named_temporary_file that a Ctrl-C does not leave behind
        exit_dir<char> d(dopts);   // a temporary_directory, tree included
        std::ofstream(d.path() / "partial-result.txt") << "half done\n";
        ::raise(SIGTERM); // as if the user pressed Ctrl-C or the job was cancelled
        ::_exit(0);       // not reached
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM;
    auto left = std::distance(boost::filesystem::directory_iterator(work.path()),
                              boost::filesystem::directory_iterator());
    std::cout << "child killed by SIGTERM: " << (killed ? "yes" : "no") << "; entries it left behind: " << left
              << "\n";
    return killed && left == 0 ? 0 : 1;
}
