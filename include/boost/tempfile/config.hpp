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

// Header-only by default. With BOOST_TEMPFILE_SEPARATE_COMPILATION defined in every TU of a
// program, the system layer and the library's state are compiled once, in the TU that
// includes <boost/tempfile/src.hpp> (or the boost_tempfile library built from it), and the
// other TUs see their declarations only: no OS header (<windows.h>, <fcntl.h>, <signal.h>...)
// and one copy of the state. BOOST_TEMPFILE_DYN_LINK (or BOOST_ALL_DYN_LINK) when that TU is
// a shared library: its functions are exported, and imported by its users.
//
// BOOST_TEMPFILE_DETAIL_DECL marks what the compiled part defines: inline in header-only mode.
// BOOST_TEMPFILE_DETAIL_DEFINITIONS is 1 where the definitions are compiled: in every TU
// header-only, in src.hpp's TU only when compiled separately.
#if defined(BOOST_TEMPFILE_SEPARATE_COMPILATION)
#if defined(BOOST_TEMPFILE_DYN_LINK) || defined(BOOST_ALL_DYN_LINK)
#if defined(BOOST_TEMPFILE_SOURCE)
#define BOOST_TEMPFILE_DETAIL_DECL BOOST_SYMBOL_EXPORT
#else
#define BOOST_TEMPFILE_DETAIL_DECL BOOST_SYMBOL_IMPORT
#endif
#else
#define BOOST_TEMPFILE_DETAIL_DECL
#endif
#if defined(BOOST_TEMPFILE_SOURCE)
#define BOOST_TEMPFILE_DETAIL_DEFINITIONS 1
#else
#define BOOST_TEMPFILE_DETAIL_DEFINITIONS 0
#endif
#else
#if defined(BOOST_TEMPFILE_SOURCE)
#error "boost::tempfile: src.hpp is for separate compilation: define BOOST_TEMPFILE_SEPARATE_COMPILATION in every TU"
#endif
#define BOOST_TEMPFILE_DETAIL_DECL inline
#define BOOST_TEMPFILE_DETAIL_DEFINITIONS 1
#endif

// A function holding process-wide state: one definition, visible (header-only) or compiled
// once (separately).
#define BOOST_TEMPFILE_DETAIL_STATE BOOST_TEMPFILE_DETAIL_SHARED_STATE BOOST_TEMPFILE_DETAIL_DECL

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
