// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// What the tests that make temporary files and directories share: options naming the directory
// to make them in, every other member at its default (C++17 has no designated initializers,
// {.dir = d}). A test that needs another member sets it on its own copy, by name:
//
//     auto o = test::file_in<CharT>(s.dir);
//     o.delete_on_close = false;
//     tf::basic_temp_file<CharT> f(o);

#ifndef BOOST_TEMPFILE_TEST_OPTIONS_COMMON_HPP
#define BOOST_TEMPFILE_TEST_OPTIONS_COMMON_HPP

#include <boost/tempfile/options.hpp>

#include <boost/filesystem/path.hpp>

#include <cstddef>

namespace test {

// Any options type, e.g. test::in<typename File::options_type>(d).
template <class Options>
Options in(const boost::filesystem::path& dir)
{
    Options o;
    o.dir = dir;
    return o;
}

// mkstemp, mkdtemp, mktemp.
template <class CharT>
boost::tempfile::basic_options<CharT> options_in(const boost::filesystem::path& dir)
{
    return in<boost::tempfile::basic_options<CharT>>(dir);
}

// Named files: deleted on close() and at destruction.
template <class CharT>
boost::tempfile::basic_file_options<CharT> file_in(const boost::filesystem::path& dir)
{
    return in<boost::tempfile::basic_file_options<CharT>>(dir);
}

// Anonymous files (temporary_file).
template <class CharT>
boost::tempfile::basic_anonymous_options<CharT> anonymous_in(const boost::filesystem::path& dir)
{
    return in<boost::tempfile::basic_anonymous_options<CharT>>(dir);
}

// Spooled files, in memory until the position passes max_size (0: never on write).
template <class CharT>
boost::tempfile::basic_spooled_options<CharT> spooled_in(const boost::filesystem::path& dir,
                                                         std::size_t max_size)
{
    auto o = in<boost::tempfile::basic_spooled_options<CharT>>(dir);
    o.max_size = max_size;
    return o;
}

// Directories: removed at destruction, cleanup errors reported.
template <class CharT>
boost::tempfile::basic_dir_options<CharT> dir_in(const boost::filesystem::path& dir)
{
    return in<boost::tempfile::basic_dir_options<CharT>>(dir);
}

} // namespace test

#endif // BOOST_TEMPFILE_TEST_OPTIONS_COMMON_HPP
