// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_UNIQUE_HPP
#define BOOST_TEMPFILE_DETAIL_UNIQUE_HPP

// The one loop behind every creation (mkstemp, mkdtemp, mktemp, the file and directory
// objects): resolve the options into native parts once, then per attempt draw a name,
// build dir/prefix+name+suffix and try to create it. Only EEXIST moves on to the next name.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/detail/tempdir.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace boost {
namespace tempfile {
namespace detail {

inline constexpr std::size_t name_max = sys::name_max;

// A naming policy's own bound on attempts, if it declares one; else the creation policy's.
template <class Naming, class = void>
struct naming_max_attempts : std::integral_constant<unsigned, 0>
{
};
template <class Naming>
struct naming_max_attempts<Naming, std::void_t<decltype(Naming::max_attempts)>>
    : std::integral_constant<unsigned, Naming::max_attempts>
{
};

template <class Naming, class Creation>
inline constexpr unsigned max_attempts_v =
    naming_max_attempts<Naming>::value ? naming_max_attempts<Naming>::value : Creation::max_attempts;

using sys::native_string;
using sys::native_string_view;

// A prefix, suffix or generated part may not hold a separator, a NUL or (Windows) any other
// character names may not hold.
inline bool valid_name_part(native_string_view s) noexcept
{
    for (sys::native_char c : s) // one pass (parts are short: two memchr calls cost more)
        if (sys::forbidden_in_name(c))
            return false;
    return true;
}

// The parts of every candidate name, native (UTF-8 for wide input on POSIX, UTF-16 on
// Windows), resolved once.
struct name_parts
{
    native_string prefix; // validated
    native_string suffix; // validated
    dir_lease lease;      // dir() held open (pinned_temp_dir): create relative to it

    // The directory: absolute, no trailing separator (except the root).
    const native_string& dir() const noexcept { return shared ? shared->path : own; }
    void set_dir(native_string d)
    {
        own = std::move(d);
        shared.reset();
    }
    void set_dir(tempdir_ref e) noexcept { shared = std::move(e); } // the tempdir, held: no copy

private:
    native_string own;
    tempdir_ref shared;
};

// The last component of an absolute name made by create_unique.
inline const sys::native_char* leaf_of(const native_string& path) noexcept
{
    std::size_t i = path.size();
    while (i > 0 && !sys::is_separator(path[i - 1]))
        --i;
    return path.c_str() + i;
}

// Removes what create_unique made at `path` (a file, or an empty directory): relative to the
// held directory if there is one, else by name. 0 or a negated error.
inline int remove_created(const dir_lease& lease, const native_string& path, bool directory) noexcept
{
    if constexpr (sys::holds_directories) { // (a lease holds nothing where no directory is held)
        if (lease)
            return sys::remove_at(lease.dir(), leaf_of(path), directory);
    }
    return sys::remove_at(sys::no_dir, path.c_str(), directory);
}

// A path for messages, from a native name.
inline filesystem::path message_path(const native_string& s)
{
    return filesystem::path(s);
}

// Resolves options (prefix, suffix, dir) with Location for the default directory.
// false, with the error reported, on an invalid part or an unusable default directory.
template <class Location, class CharT, class Options>
inline bool resolve_name_parts(const Options& o, name_parts& out, system::error_code* ec, const char* what)
{
    out.prefix.clear();
    out.suffix.clear();
    out.lease.reset();
    bool ok = o.prefix ? append_native(out.prefix, std::basic_string_view<CharT>(*o.prefix))
                       : append_native(out.prefix, std::string_view("tmp"));
    ok = ok && append_native(out.suffix, std::basic_string_view<CharT>(o.suffix));
    auto pattern = [&] { // for messages: prefix...suffix
        return message_path(out.prefix + native_string(3, sys::native_char('.')) + out.suffix);
    };
    if (!ok || !valid_name_part(out.prefix) || !valid_name_part(out.suffix) ||
        (!out.suffix.empty() && sys::forbidden_at_end(out.suffix.back()))) {
        report(ec, system::errc::invalid_argument, what, ok ? pattern() : filesystem::path());
        return false;
    }
    if (out.prefix.size() + out.suffix.size() >= name_max) {
        report(ec, system::errc::filename_too_long, what, pattern());
        return false;
    }
    if (o.dir) {
        out.set_dir(absolute_native(o.dir->native()));
    } else if constexpr (location_traits<Location>::uses_tempdir) {
        tempdir_ref e = gettempdir_entry(ec);
        if (!e)
            return false;
        if constexpr (location_traits<Location>::pinned)
            out.lease = dir_lease(e.get());
        out.set_dir(std::move(e));
    } else {
        system::error_code e;
        filesystem::path d = Location::directory(e);
        if (e) {
            report(ec, e, what, d);
            return false;
        }
        out.set_dir(absolute_native(d.native()));
    }
    return true;
}

// Tries up to `attempts` names: `create(dir, name, h)` (the creation concept: the last
// component relative to the held directory, else the absolute name with sys::no_dir) returns
// >= 0 on success (with h the new handle, if it makes one), or a negated error. Returns
// create's result with `path` holding the absolute name created, or -1 with the error
// reported (naming the attempted path, or the directory when names ran out). A held directory
// that turns out removed (no entry) is renewed once.
template <class CharT, class Naming, class Create>
inline int create_unique(Naming& naming, name_parts& parts, unsigned attempts, Create&& create,
                         native_string& path, sys::handle_type& h, system::error_code* ec, const char* what)
{
    path.clear();
    const native_string& dir = parts.dir();
    path.reserve(dir.size() + parts.prefix.size() + parts.suffix.size() + 32);
    path += dir;
    if (path.empty() || !sys::is_separator(path.back()))
        path += sys::separator;
    path += parts.prefix;
    const std::size_t base = path.size();
    const std::size_t leaf = base - parts.prefix.size(); // where the last component starts
    auto attempt = [&] {
        return parts.lease ? create(parts.lease.dir(), path.c_str() + leaf, h) : create(sys::no_dir, path.c_str(), h);
    };
    for (unsigned i = 0; i < attempts; ++i) {
        path.resize(base);
        const std::size_t name_at = path.size();
        std::basic_string<CharT> name = naming.template next_name<CharT>();
        if (!append_native(path, std::basic_string_view<CharT>(name)) ||
            !valid_name_part(native_string_view(path).substr(name_at))) {
            report(ec, system::errc::invalid_argument, what, message_path(path));
            return -1;
        }
        path += parts.suffix;
        const std::size_t component = path.size() - leaf;
        if (component > name_max) {
            report(ec, system::errc::filename_too_long, what, message_path(path));
            return -1;
        }
        if (component == 0 || sys::forbidden_at_end(path.back()) ||
            sys::reserved_name(native_string_view(path).substr(leaf)) ||
            (component <= 2 && path[path.size() - 1] == '.' && (component == 1 || path[path.size() - 2] == '.'))) {
            report(ec, system::errc::invalid_argument, what, message_path(path)); // "", ".", ".."
            return -1;
        }
        int r = attempt();
        if constexpr (sys::holds_directories) { // (a lease holds nothing where no directory is held)
            if (r == -sys::err::no_entry && parts.lease) {
                parts.lease.renew();
                r = attempt();
            }
        }
        if (r >= 0) {
            clear(ec);
            return r;
        }
        if (r != -sys::err::exists) {
            report(ec, r, what, message_path(path));
            return -1;
        }
    }
    report(ec, system::errc::file_exists, what, message_path(parts.dir()));
    return -1;
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_UNIQUE_HPP
