// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_CLEANUP_HPP
#define BOOST_TEMPFILE_CLEANUP_HPP

// Cleanup policies: when what was created is removed. The object holds one instance of its
// cleanup policy and calls its hooks at the moments they are named for.
//
// A type D is a cleanup policy if is_cleanup_policy<D> holds and, for d of type D and the
// object's options o:
//   static constexpr bool for_files, for_directories;  // where it may be used
//   d.on_create(o)           // once, after the object was created
//   d.remove_at_close()      // bool: remove the file when close() is called (files)
//   d.remove_at_destroy()    // bool: remove at destruction, if still there
// and optionally
//   d.on_name(p, is_directory)  // the object now owns the name p (absolute)
//   d.on_release()              // the object no longer owns that name (removed, persisted,
//                               // or left behind at destruction)
//   typename D::creation_guard  // default-constructed before the name is created, destroyed
//                               // after on_name (remove_at_exit blocks its signals meanwhile)
// Removal happens only in the process that created the object (a forked child never
// removes its parent's files), unless D declares `static constexpr bool owner_only = false`.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/cleanup_hooks.hpp>
#include <boost/tempfile/policy.hpp>

#include <boost/filesystem/path.hpp>

#include <exception>
#include <type_traits>

namespace boost {
namespace tempfile {

namespace detail {
template <class O, class = void> struct has_keep : std::false_type {};
template <class O> struct has_keep<O, std::void_t<decltype(std::declval<const O&>().keep)>> : std::true_type {};
template <class O, class = void> struct has_delete_on_close : std::false_type {};
template <class O>
struct has_delete_on_close<O, std::void_t<decltype(std::declval<const O&>().delete_on_close)>> : std::true_type
{
};
template <class O, class = void> struct has_ignore_cleanup_errors : std::false_type {};
template <class O>
struct has_ignore_cleanup_errors<O, std::void_t<decltype(std::declval<const O&>().ignore_cleanup_errors)>>
    : std::true_type
{
};
} // namespace detail

// The default: chosen at run time by the options, as Python does. Named files: deleted on
// close() and at destruction; `.delete_on_close = false` only at destruction; `.keep = true`
// never. Directories: removed at destruction unless `.keep = true`.
struct by_options : cleanup_policy
{
    static constexpr bool for_files = true;
    static constexpr bool for_directories = true;

    template <class Options>
    void on_create(const Options& o) noexcept
    {
        if constexpr (detail::has_keep<Options>::value)
            keep_ = o.keep;
        if constexpr (detail::has_delete_on_close<Options>::value)
            on_close_ = o.delete_on_close;
    }
    bool remove_at_close() const noexcept { return !keep_ && on_close_; }
    bool remove_at_destroy() const noexcept { return !keep_; }

private:
    bool keep_ = false;
    bool on_close_ = true;
};

// Never removed: Python's delete=False, whatever the options say. (An explicit
// temporary_directory::cleanup() still removes.)
struct keep : cleanup_policy
{
    static constexpr bool for_files = true;
    static constexpr bool for_directories = true;
    template <class Options>
    void on_create(const Options&) noexcept
    {
    }
    static constexpr bool remove_at_close() noexcept { return false; }
    static constexpr bool remove_at_destroy() noexcept { return false; }
};

// Removed by close(), and at destruction if never closed (files only).
struct delete_on_close : cleanup_policy
{
    static constexpr bool for_files = true;
    static constexpr bool for_directories = false;
    template <class Options>
    void on_create(const Options&) noexcept
    {
    }
    static constexpr bool remove_at_close() noexcept { return true; }
    static constexpr bool remove_at_destroy() noexcept { return true; }
};

// Removed at destruction only: close() leaves the name for others to open.
struct delete_on_destroy : cleanup_policy
{
    static constexpr bool for_files = true;
    static constexpr bool for_directories = true;
    template <class Options>
    void on_create(const Options&) noexcept
    {
    }
    static constexpr bool remove_at_close() noexcept { return false; }
    static constexpr bool remove_at_destroy() noexcept { return true; }
};

// Removed at destruction unless the scope is being left by an exception: the evidence of a
// failure stays for diagnosis.
struct keep_on_exception : cleanup_policy
{
    static constexpr bool for_files = true;
    static constexpr bool for_directories = true;
    template <class Options>
    void on_create(const Options&) noexcept
    {
        exceptions_ = std::uncaught_exceptions();
    }
    static constexpr bool remove_at_close() noexcept { return false; }
    bool remove_at_destroy() const noexcept { return std::uncaught_exceptions() <= exceptions_; }

private:
    int exceptions_ = 0;
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_CLEANUP_HPP
