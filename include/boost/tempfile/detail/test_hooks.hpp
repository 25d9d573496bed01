// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_TEST_HOOKS_HPP
#define BOOST_TEMPFILE_DETAIL_TEST_HOOKS_HPP

// Test-only hook points: with BOOST_TEMPFILE_TEST_HOOKS defined (by a test, before any
// include), BOOST_TEMPFILE_DETAIL_HOOK(F, args...) calls the function a test stored in
// test_hook<F>() (F: a function pointer type, one slot per type); otherwise it is nothing at
// all, and its arguments are never compiled. The hook types the portable layers and both
// system layers share are declared here, once, in the seam's vocabulary.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/platform.hpp>

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

namespace boost {
namespace tempfile {
namespace detail {

// publish (detail/*/ops.hpp) calls it between its check of the old name and the rename or link.
using publish_hook = void (*)(const sys::native_char* from, const sys::native_char* to);

// The tree walk's events (detail/*/remove_tree.hpp), for the race tests. The Windows walk
// holds a handle on every level it is in, so it never goes up or re-opens.
enum class tree_event
{
    descend,   // about to open the subdirectory `name` of `dir`
    reopen,    // POSIX: about to re-open `name` of `dir` (after its descriptor was let go)
    up,        // POSIX: about to re-open the parent of `dir` through `name` ("..")
    remove_top // about to check and remove the top directory `name` of its parent `dir`
               // (Windows: emptied, about to mark `dir`, named `name` (its path), deleted)
};
using tree_hook = void (*)(tree_event, sys::handle_type dir, const sys::native_char* name);

// A holder of a tempdir value (named `tempdir`) counts itself out (location.hpp), before it
// looks whether to close the held directory.
using lease_release_hook = void (*)(const sys::native_char* tempdir);

} // namespace detail
} // namespace tempfile
} // namespace boost

#define BOOST_TEMPFILE_DETAIL_TREE_HOOK(event, dir, name)                                                    \
    BOOST_TEMPFILE_DETAIL_HOOK(::boost::tempfile::detail::tree_hook, ::boost::tempfile::detail::tree_event::event, \
                               dir, name)

#endif // BOOST_TEMPFILE_DETAIL_TEST_HOOKS_HPP
