// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Opt-in cleanup at exit and on interruption: a child process makes a file and a directory
// tree with tf::remove_at_exit<>, then ends before its destructors run (POSIX: killed by
// SIGTERM; Windows: exit(), which runs the same sweep as a Ctrl-C's console handler); nothing
// it made is left behind.

#include <boost/tempfile.hpp>

#include <boost/filesystem/directory.hpp>
#include <boost/filesystem/fstream.hpp>
#include <boost/filesystem/operations.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

#include <csignal>

namespace tf = boost::tempfile;

template <class CharT> using exit_file = tf::basic_temp_file<CharT, tf::remove_at_exit<>>;
template <class CharT> using exit_dir = tf::basic_temp_dir<CharT, tf::remove_at_exit<>>;

// As if the user pressed Ctrl-C or the job was cancelled. (A Ctrl-C sent to a Windows console
// reaches every process on it, the parent too: the child leaves by exit() there instead.)
[[noreturn]] void interrupt_this_process()
{
#if defined(_WIN32)
    std::exit(3); // destructors of the objects alive do not run; remove_at_exit's sweep does
#else
    std::raise(SIGTERM);
    std::_Exit(0); // not reached
#endif
}

int child(const boost::filesystem::path& dir)
{
    tf::file_options opts;
    opts.dir = dir;
    tf::dir_options dopts;
    dopts.dir = dir;
    exit_file<char> f(opts); // a named_temporary_file that a Ctrl-C does not leave behind
    exit_dir<char> d(dopts); // a temporary_directory, tree included
    boost::filesystem::ofstream(d.path() / "partial-result.txt") << "half done\n";
    interrupt_this_process();
}

int main(int argc, char** argv)
{
    if (argc == 3 && std::string(argv[1]) == "--child")
        return child(tf::utf8_path(argv[2]));

    tf::temporary_directory work({.prefix = "exit-example-"});
    std::string command = "\"" + std::string(argv[0]) + "\" --child \"" + work.path().string() + "\"";
#if defined(_WIN32)
    command = "\"" + command + "\""; // cmd /c drops the outer pair of quotes
#endif
    int status = std::system(command.c_str()); // the child ends without running its destructors
    auto left = std::distance(boost::filesystem::directory_iterator(work.path()),
                              boost::filesystem::directory_iterator());
    std::cout << "child interrupted (status " << status << "); entries it left behind: " << left << "\n";
    return status != 0 && left == 0 ? 0 : 1;
}
