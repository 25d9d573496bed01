// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_FUNCTIONS_HPP
#define BOOST_TEMPFILE_FUNCTIONS_HPP

// Python's module-level functions: mkstemp, mkdtemp, mktemp (and, from location.hpp,
// gettempprefix, gettempdir, set_tempdir, reset_tempdir). Each is a template on the character
// type with char as the default, so that tf::mkstemp({.dir = d}) picks char and
// tf::mkstemp(tf::woptions{...}) or tf::mkstemp<wchar_t>() give wide names.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/creation.hpp>
#include <boost/tempfile/detail/unique.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/options.hpp>

#include <boost/system/error_code.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {

// Creates with Creation in the directory of `o`; returns 0 (h: the handle, for a file) and
// the absolute name, or -1 with the error reported. If the name cannot be given back in
// CharT, what was created is removed (a file closed first) and nothing is left.
template <class Creation, class CharT>
inline int make_unique_entry(const basic_options<CharT>& o, std::basic_string<CharT>& name, sys::handle_type& h,
                             native_string& path, system::error_code* ec, const char* what)
{
    name_parts parts;
    if (!resolve_name_parts<system_temp_dir, CharT>(o, parts, ec, what))
        return -1;
    random_name<> naming;
    if (create_unique<CharT>(naming, parts, Creation::max_attempts, &Creation::try_create, path, h, ec, what) < 0)
        return -1;
    if constexpr (std::is_same_v<CharT, sys::native_char>) {
        name = std::move(path);            // the native name as it is: no copy
    } else if (!from_native(path, name)) { // a name that is not valid UTF-8 / UTF-16
        if constexpr (!is_name_only<Creation>::value) {
            if constexpr (!Creation::makes_directory)
                sys::close(h);
            remove_created(parts.lease, path, Creation::makes_directory);
        }
        name.clear(); // from_native may have decoded a part
        report(ec, system::errc::illegal_byte_sequence, what, message_path(path));
        return -1;
    }
    return 0;
}

template <class Creation, class CharT>
inline std::basic_string<CharT> make_unique_name(const basic_options<CharT>& o, system::error_code* ec,
                                                 const char* what)
{
    std::basic_string<CharT> name;
    sys::handle_type h = sys::invalid_handle;
    native_string path;
    make_unique_entry<Creation>(o, name, h, path, ec, what);
    return name;
}

template <class CharT>
inline std::pair<int, std::basic_string<CharT>> make_unique_file(const basic_options<CharT>& o,
                                                                 system::error_code* ec)
{
    static constexpr const char* what = "boost::tempfile::mkstemp";
    std::pair<int, std::basic_string<CharT>> r{-1, {}};
    sys::handle_type h = sys::invalid_handle;
    native_string path;
    if (make_unique_entry<exclusive_file<>>(o, r.second, h, path, ec, what) < 0)
        return r;
    r.first = sys::to_crt_descriptor(h, o.text); // POSIX: the descriptor itself
    if (r.first < 0) { // the C runtime has no descriptor left: nothing is kept
        int e = r.first;
        sys::close(h);
        path.clear();
        append_native(path, std::basic_string_view<CharT>(r.second));
        sys::remove_at(sys::no_dir, path.c_str(), false);
        r = {-1, {}};
        report(ec, e, what);
    }
    return r;
}

} // namespace detail

// Python's mkstemp(): creates prefix + 8 random symbols + suffix exclusively in dir (POSIX:
// mode 0600, O_CLOEXEC; Windows: not inheritable, binary unless o.text); returns the open
// descriptor (a C-runtime descriptor on Windows; the caller closes it and removes the file)
// and the absolute name.
template <class CharT = char>
inline std::pair<int, std::basic_string<CharT>> mkstemp(const basic_options<CharT>& o, system::error_code& ec)
{
    return detail::make_unique_file(o, &ec);
}

template <class CharT = char>
inline std::pair<int, std::basic_string<CharT>> mkstemp(const basic_options<CharT>& o = {})
{
    return detail::make_unique_file(o, nullptr);
}

// Python's mkdtemp(): creates a directory, mode 0700; returns its absolute name.
template <class CharT = char>
inline std::basic_string<CharT> mkdtemp(const basic_options<CharT>& o, system::error_code& ec)
{
    return detail::make_unique_name<exclusive_dir<>>(o, &ec, "boost::tempfile::mkdtemp");
}

template <class CharT = char>
inline std::basic_string<CharT> mkdtemp(const basic_options<CharT>& o = {})
{
    return detail::make_unique_name<exclusive_dir<>>(o, nullptr, "boost::tempfile::mkdtemp");
}

// Python's mktemp(): a name that did not exist when it was looked at. Another process can
// take it before you use it: use mkstemp or named_temporary_file instead.
template <class CharT = char>
[[deprecated("boost::tempfile::mktemp is racy: use mkstemp or named_temporary_file")]] inline std::basic_string<CharT>
mktemp(const basic_options<CharT>& o, system::error_code& ec)
{
    return detail::make_unique_name<name_only<>>(o, &ec, "boost::tempfile::mktemp");
}

template <class CharT = char>
[[deprecated("boost::tempfile::mktemp is racy: use mkstemp or named_temporary_file")]] inline std::basic_string<CharT>
mktemp(const basic_options<CharT>& o = {})
{
    return detail::make_unique_name<name_only<>>(o, nullptr, "boost::tempfile::mktemp");
}

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_FUNCTIONS_HPP
