// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_CONFIG_HPP
#define BOOST_TEMPFILE_CONFIG_HPP

#include <boost/config.hpp>
#include <boost/throw_exception.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#if __cplusplus < 201703L && (!defined(_MSVC_LANG) || _MSVC_LANG < 201703L)
#error "boost::tempfile: C++17 or later is required"
#endif

// How the library throws; the default keeps BOOST_NO_EXCEPTIONS builds working.
#ifndef BOOST_TEMPFILE_THROW
#define BOOST_TEMPFILE_THROW(ex) ::boost::throw_exception(ex, BOOST_CURRENT_LOCATION)
#endif

#ifndef BOOST_TEMPFILE_ASSERT
#include <boost/assert.hpp>
#define BOOST_TEMPFILE_ASSERT(expr) BOOST_ASSERT(expr)
#endif

// The functions that hold the library's process-wide state in function-local statics (the
// tempdir override and cache, the exit registry and its signal handlers, the fork generation,
// the count of creations under way) are declared with it: visible even when the includer
// builds with -fvisibility=hidden, so that on ELF systems every shared object of a program
// that uses the library header-only shares one state (one definition of each, unified by the
// dynamic linker) instead of keeping its own. A Windows DLL keeps its own copy.
#define BOOST_TEMPFILE_DETAIL_SHARED_STATE BOOST_SYMBOL_VISIBLE

#include <type_traits>

namespace boost {
namespace tempfile {
namespace detail {
// static_cast<T>(v) where T is v's own type on some targets only (off_t, mode_t, size_t from a
// 64-bit count): no cast where the types are the same, so g++ -Wuseless-cast stays silent.
template <class T, class U>
constexpr T to(U v) noexcept
{
    if constexpr (std::is_same<T, U>::value)
        return v;
    else
        return static_cast<T>(v);
}
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_CONFIG_HPP
