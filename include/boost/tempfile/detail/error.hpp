// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_ERROR_HPP
#define BOOST_TEMPFILE_DETAIL_ERROR_HPP

// Error plumbing, as Boost.Filesystem does it: every operation is implemented once, taking
// `system::error_code* ec`; a null ec means "throw filesystem_error naming the path".

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/filesystem/exception.hpp>
#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

namespace boost {
namespace tempfile {
namespace detail {

inline system::error_code make_error(int err) noexcept
{
    return system::error_code(err < 0 ? -err : err, system::system_category());
}

inline system::error_code make_error(system::errc::errc_t e) noexcept
{
    return system::errc::make_error_code(e);
}

// Reports `e` about `p`: assigns *ec, or throws filesystem_error(what, p, e) when ec is null.
inline void report(system::error_code* ec, const system::error_code& e, const char* what,
                   const filesystem::path& p = filesystem::path())
{
    if (ec)
        *ec = e;
    else
        BOOST_TEMPFILE_THROW(filesystem::filesystem_error(what, p, e));
}

inline void report(system::error_code* ec, int err, const char* what, const filesystem::path& p = filesystem::path())
{
    report(ec, make_error(err), what, p);
}

inline void report(system::error_code* ec, system::errc::errc_t e, const char* what,
                   const filesystem::path& p = filesystem::path())
{
    report(ec, make_error(e), what, p);
}

inline void clear(system::error_code* ec) noexcept
{
    if (ec)
        ec->clear();
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_ERROR_HPP
