// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// One TU using every object, every policy and every free function, narrow and wide, for
// build/warnings.sh: clang -Weverything and the strict g++ set must print nothing on it
// (POSIX, and mingw-w64 for the Windows headers). The explicit instantiations compile every
// non-template member; use() reaches the member templates (name(), persist(), rollover()...).
// It is compiled, not run.

#include <boost/tempfile.hpp>

#include <cstddef>
#include <string>

namespace tf = boost::tempfile;

struct model
{
    static constexpr const char* value = "x%%%%-XXXX";
};

// Every policy at least once, both character types.
template class tf::basic_temp_file_impl<char, tf::random_name<>, tf::system_temp_dir, tf::exclusive_file<>, tf::by_options>;
template class tf::basic_temp_file_impl<wchar_t, tf::random_name<>, tf::system_temp_dir, tf::exclusive_file<>, tf::by_options>;
template class tf::basic_temp_file_impl<char, tf::random_name<>, tf::system_temp_dir, tf::anonymous_file<>, tf::by_options>;
template class tf::basic_temp_file_impl<wchar_t, tf::random_name<>, tf::system_temp_dir, tf::anonymous_file<>, tf::by_options>;
template class tf::basic_temp_file_impl<char, tf::random_name<>, tf::system_temp_dir, tf::spooled_file<>, tf::by_options>;
template class tf::basic_temp_file_impl<wchar_t, tf::random_name<>, tf::system_temp_dir, tf::spooled_file<>, tf::by_options>;
template class tf::basic_temp_file_impl<char, tf::pattern_name<model>, tf::pinned_temp_dir, tf::exclusive_file<5>, tf::keep>;
template class tf::basic_temp_file_impl<char, tf::random_name<16>, tf::current_dir, tf::exclusive_file<>, tf::delete_on_close>;
template class tf::basic_temp_file_impl<wchar_t, tf::random_name<12>, tf::runtime_dir, tf::exclusive_file<>, tf::delete_on_destroy>;
template class tf::basic_temp_file_impl<char, tf::random_name<>, tf::system_temp_dir, tf::exclusive_file<>, tf::keep_on_exception>;
template class tf::basic_temp_file_impl<char, tf::random_name<>, tf::system_temp_dir, tf::exclusive_file<>, tf::remove_at_exit<>>;
template class tf::basic_temp_file_impl<wchar_t, tf::random_name<>, tf::system_temp_dir, tf::anonymous_file<>, tf::remove_at_exit<tf::keep>>;
template class tf::basic_temp_dir_impl<char, tf::random_name<>, tf::system_temp_dir, tf::exclusive_dir<>, tf::by_options>;
template class tf::basic_temp_dir_impl<wchar_t, tf::random_name<>, tf::system_temp_dir, tf::exclusive_dir<>, tf::by_options>;
template class tf::basic_temp_dir_impl<char, tf::pattern_name<model>, tf::pinned_temp_dir, tf::exclusive_dir<3>, tf::keep>;
template class tf::basic_temp_dir_impl<wchar_t, tf::random_name<>, tf::current_dir, tf::exclusive_dir<>, tf::remove_at_exit<>>;
template class tf::basic_temp_dir_impl<char, tf::random_name<>, tf::runtime_dir, tf::exclusive_dir<>, tf::keep_on_exception>;

template <class CharT>
std::size_t use(const tf::basic_temp_dir<CharT>& dir)
{
    tf::basic_options<CharT> o;
    o.dir = dir.path();
    std::size_t n = tf::gettempdir<CharT>().size() + tf::mkdtemp(o).size();
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // mktemp is deprecated on purpose (racy)
    n += tf::mktemp(o).size();
#pragma GCC diagnostic pop
    auto made = tf::mkstemp(o);
    n += made.second.size() + static_cast<std::size_t>(made.first >= 0);

    tf::basic_temp_file<CharT> named;
    named.write("data", 4);
    named.stream() << "more";
    n += named.name().size() + named.path().native().size();
    named.persist(dir.path() / "kept");

    tf::basic_temp_file<CharT, tf::anonymous_file<>> anonymous;
    anonymous.write("data", 4);
    anonymous.link(dir.path() / "linked");

    tf::basic_temp_file<CharT, tf::spooled_file<>> spooled;
    spooled.write("data", 4);
    n += static_cast<std::size_t>(spooled.rolled_over());
    spooled.rollover();
    return n;
}

int main(int argc, char**)
{
    if (argc > 0)
        return 0; // compiled, not run
    tf::temporary_directory d;
    tf::wtemporary_directory w;
    return static_cast<int>(use<char>(d) + use<wchar_t>(w));
}
