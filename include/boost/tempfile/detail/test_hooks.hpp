// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_TEST_HOOKS_HPP
#define BOOST_TEMPFILE_DETAIL_TEST_HOOKS_HPP

// Test-only hook points: with BOOST_TEMPFILE_TEST_HOOKS defined (by a test, before any
// include), BOOST_TEMPFILE_DETAIL_HOOK(F, args...) calls the function a test stored in
// test_hook<F>() (F: a function pointer type, one slot per type); otherwise it is nothing at
// all, and its arguments are never compiled.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#if defined(BOOST_TEMPFILE_TEST_HOOKS)
namespace boost {
namespace tempfile {
namespace detail {
template <class F>
inline F& test_hook() noexcept
{
    static F h = nullptr;
    return h;
}
} // namespace detail
} // namespace tempfile
} // namespace boost
#define BOOST_TEMPFILE_DETAIL_HOOK(F, ...)                                                                   \
    do {                                                                                                     \
        if (F h_ = ::boost::tempfile::detail::test_hook<F>())                                                \
            h_(__VA_ARGS__);                                                                                 \
    } while (0)
#else
#define BOOST_TEMPFILE_DETAIL_HOOK(F, ...) ((void)0)
#endif

#endif // BOOST_TEMPFILE_DETAIL_TEST_HOOKS_HPP
