// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Generic library code: one function template serves narrow and wide names and any policy
// set the caller chooses; the policies' types are read back from the object.

#include <boost/tempfile.hpp>

#include <iostream>
#include <string>
#include <type_traits>

namespace tf = boost::tempfile;

// Writes `text` to a new temporary file of the caller's chosen kind and reports its name.
template <class CharT, class... Policies>
std::size_t stage(const std::basic_string<CharT>& prefix, const std::string& text, const boost::filesystem::path& dir)
{
    using file = tf::basic_temp_file<CharT, Policies...>;
    typename file::options_type o; // the options of the creation policy in use
    o.prefix = prefix;
    o.dir = dir;
    file f(o);
    f.write(text);
    f.seek(0);
    std::string back(text.size(), '\0');
    f.read(&back[0], back.size());
    std::cout << "  " << f.path().filename() << ": " << back.size() << " bytes, cleanup "
              << (std::is_same_v<typename file::cleanup_type, tf::keep> ? "keep" : "default") << "\n";
    return back == text ? back.size() : 0;
}

int main()
{
    tf::temporary_directory dir({.prefix = "generic-"});
    std::size_t n = 0;
    std::cout << "narrow, defaults:\n";
    n += stage<char>("a-", "alpha", dir.path());
    std::cout << "wide, longer names, kept:\n";
    n += stage<wchar_t, tf::random_name<12>, tf::keep>(L"b-", "beta", dir.path());
    std::cout << "narrow, policies in another order:\n";
    n += stage<char, tf::keep, tf::random_name<12>>("c-", "gamma", dir.path());
    std::cout << n << " bytes staged and read back\n";
    return n == 14 ? 0 : 1;
}
