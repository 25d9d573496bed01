// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_OPTIONS_HPP
#define BOOST_TEMPFILE_OPTIONS_HPP

// The options aggregates. Every member has a default member initializer, so C++20
// designated initializers may skip any of them: tf::mkstemp({.suffix = ".txt", .dir = d}).
// The common members come first, always in the order suffix, prefix, dir.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/platform.hpp>

#include <boost/filesystem/path.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace boost {
namespace tempfile {

// A path from a string the library gave or takes, without the locale (a filesystem::path
// built from a wide string on POSIX, or a narrow one on Windows, converts with the global
// locale / the ANSI code page). Wide: on POSIX stored as UTF-8, on Windows the UTF-16 as it
// is. Narrow: on POSIX the bytes as they are, on Windows decoded from UTF-8:
//     tf::woptions o; o.dir = tf::utf8_path(L"/srv/donnees");
//     boost::filesystem::remove(tf::utf8_path(name));     // name from mkstemp
// Invalid input (a lone surrogate, a value past U+10FFFF; invalid UTF-8 on Windows) is an
// error, errc::illegal_byte_sequence: never an empty path, which `dir` would take as the
// current directory. (The error_code form returns an empty path then: check ec.)
namespace detail {
template <class CharT>
inline filesystem::path utf8_path(std::basic_string_view<CharT> s, system::error_code* ec)
{
    sys::native_string n;
    if (!append_native(n, s)) {
        report(ec, system::errc::illegal_byte_sequence, "boost::tempfile::utf8_path");
        return filesystem::path();
    }
    clear(ec);
    return filesystem::path(std::move(n));
}
} // namespace detail
inline filesystem::path utf8_path(std::wstring_view s)
{
    return detail::utf8_path(s, nullptr);
}
inline filesystem::path utf8_path(std::wstring_view s, system::error_code& ec)
{
    return detail::utf8_path(s, &ec);
}
inline filesystem::path utf8_path(std::string_view s)
{
    return detail::utf8_path(s, nullptr);
}
inline filesystem::path utf8_path(std::string_view s, system::error_code& ec)
{
    return detail::utf8_path(s, &ec);
}

// mkstemp, mkdtemp, mktemp.
template <class CharT>
struct basic_options
{
    std::basic_string<CharT> suffix{};                 // appended as is (no dot added)
    std::optional<std::basic_string<CharT>> prefix{};  // empty: gettempprefix()
    std::optional<filesystem::path> dir{};             // empty: the default directory
    bool text = false;                                 // Python's flag; mkstemp on Windows: text mode
};

// Named files (named_temporary_file and basic_temp_file with a named creation policy).
template <class CharT>
struct basic_file_options
{
    std::basic_string<CharT> suffix{};
    std::optional<std::basic_string<CharT>> prefix{};
    std::optional<filesystem::path> dir{};
    bool keep = false;            // Python delete=False: never deleted
    bool delete_on_close = true;  // false: kept after close(), deleted at destruction
};

// Anonymous files (temporary_file): suffix and prefix name the fallback file, if any.
template <class CharT>
struct basic_anonymous_options
{
    std::basic_string<CharT> suffix{};
    std::optional<std::basic_string<CharT>> prefix{};
    std::optional<filesystem::path> dir{};
};

// Spooled files: in memory until the position passes max_size (0: never on write).
template <class CharT>
struct basic_spooled_options
{
    std::basic_string<CharT> suffix{};
    std::optional<std::basic_string<CharT>> prefix{};
    std::optional<filesystem::path> dir{};
    std::size_t max_size = 0;
};

// Directories (temporary_directory).
template <class CharT>
struct basic_dir_options
{
    std::basic_string<CharT> suffix{};
    std::optional<std::basic_string<CharT>> prefix{};
    std::optional<filesystem::path> dir{};
    bool keep = false;                  // not removed at destruction (cleanup() still removes)
    bool ignore_cleanup_errors = false; // removal is best-effort and silent
};

using options = basic_options<char>;
using woptions = basic_options<wchar_t>;
using file_options = basic_file_options<char>;
using wfile_options = basic_file_options<wchar_t>;
using anonymous_options = basic_anonymous_options<char>;
using wanonymous_options = basic_anonymous_options<wchar_t>;
using spooled_options = basic_spooled_options<char>;
using wspooled_options = basic_spooled_options<wchar_t>;
using dir_options = basic_dir_options<char>;
using wdir_options = basic_dir_options<wchar_t>;

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_OPTIONS_HPP
