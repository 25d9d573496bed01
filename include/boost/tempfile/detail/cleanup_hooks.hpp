// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_CLEANUP_HOOKS_HPP
#define BOOST_TEMPFILE_DETAIL_CLEANUP_HOOKS_HPP

// How the objects call a cleanup policy's optional members (cleanup.hpp states the concept):
// on_name / on_release when it has them, its creation_guard around a creation, owner_only.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/filesystem/path.hpp>

#include <type_traits>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {

template <class D, class = void> struct has_on_name : std::false_type {};
template <class D>
struct has_on_name<D, std::void_t<decltype(std::declval<D&>().on_name(std::declval<const filesystem::path&>(), true))>>
    : std::true_type
{
};
template <class D, class = void> struct has_on_release : std::false_type {};
template <class D> struct has_on_release<D, std::void_t<decltype(std::declval<D&>().on_release())>> : std::true_type {};

// Calls the optional hooks when the policy has them.
template <class D>
inline void notify_name(D& d, const filesystem::path& p, bool is_directory) noexcept
{
    if constexpr (has_on_name<D>::value)
        d.on_name(p, is_directory);
}
template <class D>
inline void notify_release(D& d) noexcept
{
    if constexpr (has_on_release<D>::value)
        d.on_release();
}

// What the object holds from before it creates its name until after on_name: the policy's
// `creation_guard` type if it declares one (remove_at_exit blocks its signals), else nothing.
struct no_creation_guard
{
};
template <class D, class = void> struct creation_guard { using type = no_creation_guard; };
template <class D> struct creation_guard<D, std::void_t<typename D::creation_guard>> { using type = typename D::creation_guard; };
template <class D>
using creation_guard_t = typename creation_guard<D>::type;
// False when the guard refuses the creation (remove_at_exit: the process is ending); the
// object then reports errc::operation_canceled and creates nothing.
template <class G, class = void> struct has_admitted : std::false_type {};
template <class G> struct has_admitted<G, std::void_t<decltype(std::declval<const G&>().admitted)>> : std::true_type {};
template <class G>
inline bool creation_admitted(const G& g) noexcept
{
    if constexpr (has_admitted<G>::value)
        return g.admitted;
    else
        return (void)g, true;
}

template <class D, class = void> struct owner_only : std::true_type {};
template <class D> struct owner_only<D, std::void_t<decltype(D::owner_only)>> : std::bool_constant<D::owner_only> {};

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_CLEANUP_HOOKS_HPP
