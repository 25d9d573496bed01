// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_LOCATION_HPP
#define BOOST_TEMPFILE_LOCATION_HPP

// Location policies: the directory used when the options name none; and Python's
// gettempprefix / gettempdir / tempdir (set_tempdir, reset_tempdir).
//
// A type L is a location policy if is_location_policy<L> holds and
// `L::directory(ec)` (ec a system::error_code&) returns an absolute filesystem::path, or
// sets ec and returns an empty path.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/detail/tempdir.hpp>
#include <boost/tempfile/policy.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <mutex>
#include <string>

namespace boost {
namespace tempfile {

// Python's gettempprefix(): "tmp".
template <class CharT = char>
inline std::basic_string<CharT> gettempprefix()
{
    static_assert(detail::is_char_type_v<CharT>, "boost::tempfile: CharT must be char or wchar_t");
    return detail::widen_ascii<CharT>("tmp");
}

// Python's gettempdir(): the default directory, absolute; searched once, then cached.
template <class CharT = char>
inline std::basic_string<CharT> gettempdir()
{
    static_assert(detail::is_char_type_v<CharT>, "boost::tempfile: CharT must be char or wchar_t");
    std::basic_string<CharT> r;
    detail::with_tempdir(nullptr, [&](const detail::sys::native_string& native) {
        r = detail::decode_or_report<CharT>(native, nullptr, "boost::tempfile::gettempdir");
    });
    return r;
}

template <class CharT = char>
inline std::basic_string<CharT> gettempdir(system::error_code& ec)
{
    static_assert(detail::is_char_type_v<CharT>, "boost::tempfile: CharT must be char or wchar_t");
    std::basic_string<CharT> r;
    detail::with_tempdir(&ec, [&](const detail::sys::native_string& native) {
        r = detail::decode_or_report<CharT>(native, &ec, "boost::tempfile::gettempdir");
    });
    return r;
}

// Python's `tempfile.tempdir = dir`: used from now on, unchecked (a relative dir is made
// absolute now). `reset_tempdir()` is `tempfile.tempdir = None`: the next use searches again,
// re-reading the environment.
inline void set_tempdir(const filesystem::path& dir)
{
    detail::tempdir_cache& c = detail::tempdir_state();
    detail::sys::native_string abs = detail::absolute_native(dir.native());
    std::lock_guard<std::mutex> g(c.lock);
    c.publish(std::move(abs));
}

inline void reset_tempdir()
{
    detail::tempdir_cache& c = detail::tempdir_state();
    std::lock_guard<std::mutex> g(c.lock);
    c.reset();
}

// The default location: Python's search (gettempdir), or what set_tempdir chose.
struct system_temp_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec)
    {
        filesystem::path r;
        detail::with_tempdir(&ec, [&](const detail::sys::native_string& native) { r = filesystem::path(native); });
        return r;
    }
};

// The default location, held open: the directory system_temp_dir names, opened once
// (O_PATH) and kept while it is the tempdir value. Files and directories are created and
// removed relative to that descriptor, as openat/unlinkat do: no walk of the name per
// creation (the system-call floor's cost), and a later rename of the directory, a mount over
// it or a symlink swapped into its name does not move where files go or what is removed.
// set_tempdir / reset_tempdir let go of it (objects alive keep theirs); a held directory that
// was removed is opened again by name at the next creation.
struct pinned_temp_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec) { return system_temp_dir::directory(ec); }
};

namespace detail {
template <>
struct location_traits<system_temp_dir>
{
    static constexpr bool uses_tempdir = true;
    static constexpr bool pinned = false;
};
template <>
struct location_traits<pinned_temp_dir>
{
    static constexpr bool uses_tempdir = true;
    static constexpr bool pinned = true;
};
} // namespace detail

// The current working directory, read at each creation.
struct current_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec)
    {
        ec.clear();
        return filesystem::path(detail::sys::current_dir());
    }
};

// $XDG_RUNTIME_DIR (per-user, 0700, usually tmpfs: for sockets, locks and short-lived
// secrets) when it is set, absolute and usable; otherwise (and always on Windows) the
// system_temp_dir search.
struct runtime_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec)
    {
        const detail::sys::native_char* v = detail::sys::runtime_dir();
        if (v && detail::usable_tempdir(v)) {
            ec.clear();
            return filesystem::path(detail::absolute_native(v));
        }
        return system_temp_dir::directory(ec);
    }
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_LOCATION_HPP
