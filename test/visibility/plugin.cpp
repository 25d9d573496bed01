// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// A shared library built with -fvisibility=hidden that uses the library header-only, as a
// plugin or a dependency of the program would: its own instantiations of every inline
// function. test/visibility/main.cpp checks that it and the program share one state.

#include <boost/tempfile.hpp>

#include <boost/config.hpp>

#include <string>

namespace tf = boost::tempfile;

// Where a temporary file made here goes (its path; the file is removed again).
extern "C" BOOST_SYMBOL_EXPORT bool plugin_file_path(char* out, std::size_t size)
{
    tf::named_temporary_file f;
    const std::string p = f.path().string();
    if (p.size() >= size)
        return false;
    p.copy(out, p.size());
    out[p.size()] = '\0';
    return true;
}

extern "C" BOOST_SYMBOL_EXPORT void plugin_set_tempdir(const char* dir)
{
    tf::set_tempdir(dir);
}

// A file removed at exit, left registered (the program's exit must remove it); its path.
extern "C" BOOST_SYMBOL_EXPORT bool plugin_exit_file(char* out, std::size_t size)
{
    using exit_file = tf::basic_temp_file<char, tf::remove_at_exit<>>;
    static exit_file* kept = nullptr; // never destroyed (only the exit-time removal is left),
    auto* f = kept = new exit_file(); // but reachable: no leak for LeakSanitizer
    const std::string p = f->path().string();
    if (p.size() >= size)
        return false;
    p.copy(out, p.size());
    out[p.size()] = '\0';
    return true;
}
