// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_WINDOWS_PROCESS_HPP
#define BOOST_TEMPFILE_DETAIL_WINDOWS_PROCESS_HPP

// The process: random bytes from the system's CSPRNG, this process's id, and its fork
// generation (always 0: no fork). What naming.hpp needs of the system, alone (Boost.WinAPI's
// declarations: no <windows.h>).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/windows/vocabulary.hpp>

#include <boost/winapi/bcrypt.hpp>
#include <boost/winapi/get_current_process_id.hpp>

#include <cstddef>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

// Fills buf with bytes from the system's CSPRNG (BCryptGenRandom); 0 or the error.
BOOST_TEMPFILE_DETAIL_DECL int random_bytes(void* buf, std::size_t n) noexcept
{
    unsigned char* p = static_cast<unsigned char*>(buf);
    while (n > 0) {
        const boost::winapi::ULONG_ chunk = n > (1u << 30) ? (1u << 30) : static_cast<boost::winapi::ULONG_>(n);
        if (boost::winapi::BCryptGenRandom(nullptr, p, chunk, 2 /* BCRYPT_USE_SYSTEM_PREFERRED_RNG */) < 0)
            return -err::not_supported;
        p += chunk;
        n -= chunk;
    }
    return 0;
}

BOOST_TEMPFILE_DETAIL_DECL pid_type current_pid() noexcept
{
    return boost::winapi::GetCurrentProcessId();
}

BOOST_TEMPFILE_DETAIL_DECL pid_type getpid_uncached() noexcept
{
    return boost::winapi::GetCurrentProcessId();
}

// No fork on Windows: the per-thread engines never need re-seeding.
BOOST_TEMPFILE_DETAIL_DECL unsigned fork_generation() noexcept
{
    return 0;
}

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_WINDOWS_PROCESS_HPP
