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
#include <boost/tempfile/detail/posix.hpp>
#include <boost/tempfile/location.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <climits>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace boost {
namespace tempfile {
namespace detail {

#if defined(NAME_MAX)
inline constexpr std::size_t name_max = NAME_MAX;
#else
inline constexpr std::size_t name_max = 255;
#endif

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

// A prefix, suffix or generated part may not hold a separator or a NUL.
inline bool valid_name_part(std::string_view s) noexcept
{
    for (char c : s) // one pass (parts are short: two memchr calls cost more)
        if (c == '/' || c == '\0')
            return false;
    return true;
}

// The parts of every candidate name, native (UTF-8 for wide input), resolved once.
struct name_parts
{
    std::string prefix; // validated
    std::string suffix; // validated
    dir_lease lease;    // dir() held open (pinned_temp_dir): create relative to it

    // The directory: absolute, no trailing separator (except "/").
    const std::string& dir() const noexcept { return shared ? shared->path : own; }
    void set_dir(std::string d)
    {
        own = std::move(d);
        shared.reset();
    }
    void set_dir(tempdir_ref e) noexcept { shared = std::move(e); } // the tempdir, held: no copy

private:
    std::string own;
    tempdir_ref shared;
};

// The last component of an absolute name made by create_unique.
inline const char* leaf_of(const std::string& path) noexcept
{
    return std::strrchr(path.c_str(), '/') + 1;
}

// Removes what create_unique made at `path` (flags: 0 or AT_REMOVEDIR): relative to the held
// directory if there is one, else by name. 0 or -errno.
inline int remove_created(const dir_lease& lease, const std::string& path, int flags) noexcept
{
    return lease ? sys::unlinkat(lease.fd(), leaf_of(path), flags)
                 : sys::unlinkat(AT_FDCWD, path.c_str(), flags);
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
    if (!ok || !valid_name_part(out.prefix) || !valid_name_part(out.suffix)) {
        report(ec, system::errc::invalid_argument, what,
               filesystem::path(ok ? out.prefix + "..." + out.suffix : std::string()));
        return false;
    }
    if (out.prefix.size() + out.suffix.size() >= name_max) {
        report(ec, system::errc::filename_too_long, what, filesystem::path(out.prefix + "..." + out.suffix));
        return false;
    }
    if (o.dir) {
        out.set_dir(absolute_native(o.dir->native()));
    } else if constexpr (is_pinned<Location>::value || std::is_same<Location, system_temp_dir>::value) {
        tempdir_ref e = gettempdir_entry(ec);
        if (!e)
            return false;
        if constexpr (is_pinned<Location>::value)
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

// Tries up to `attempts` names: `create(dirfd, name)` (as openat: the last component relative
// to the held directory, else the absolute name with AT_FDCWD) returns >= 0 on success (a
// descriptor, or 0), or -errno. Returns create's result with `path` holding the absolute name
// created, or -1 with the error reported (naming the attempted path, or the directory when
// names ran out). A held directory that turns out removed (ENOENT) is renewed once.
template <class CharT, class Naming, class Create>
inline int create_unique(Naming& naming, name_parts& parts, unsigned attempts, Create&& create,
                         std::string& path, system::error_code* ec, const char* what)
{
    path.clear();
    const std::string& dir = parts.dir();
    path.reserve(dir.size() + parts.prefix.size() + parts.suffix.size() + 32);
    path += dir;
    if (path.empty() || path.back() != '/')
        path += '/';
    path += parts.prefix;
    const std::size_t base = path.size();
    const std::size_t leaf = base - parts.prefix.size(); // where the last component starts
    auto attempt = [&] {
        return parts.lease ? create(parts.lease.fd(), path.c_str() + leaf) : create(AT_FDCWD, path.c_str());
    };
    for (unsigned i = 0; i < attempts; ++i) {
        path.resize(base);
        const std::size_t name_at = path.size();
        std::basic_string<CharT> name = naming.template next_name<CharT>();
        if (!append_native(path, std::basic_string_view<CharT>(name)) ||
            !valid_name_part(std::string_view(path).substr(name_at))) {
            report(ec, system::errc::invalid_argument, what, filesystem::path(path));
            return -1;
        }
        path += parts.suffix;
        const std::size_t component = path.size() - leaf;
        if (component > name_max) {
            report(ec, system::errc::filename_too_long, what, filesystem::path(path));
            return -1;
        }
        if (component <= 2 && (path.compare(path.size() - component, component, ".") == 0 ||
                               path.compare(path.size() - component, component, "..") == 0)) {
            report(ec, system::errc::invalid_argument, what, filesystem::path(path));
            return -1;
        }
        int r = attempt();
        if (r == -ENOENT && parts.lease) {
            parts.lease.renew();
            r = attempt();
        }
        if (r >= 0) {
            clear(ec);
            return r;
        }
        if (r != -EEXIST) {
            report(ec, r, what, filesystem::path(path));
            return -1;
        }
    }
    report(ec, system::errc::file_exists, what, filesystem::path(parts.dir()));
    return -1;
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_UNIQUE_HPP
