// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_SELECT_HPP
#define BOOST_TEMPFILE_DETAIL_SELECT_HPP

// Policies in any order, any subset: each family's policy is picked out of the list (or its
// default taken). One static_assert per misuse, worded for the user. The objects' headers name
// the defaults (tempfile_fwd.hpp) and the canonical positional template the result names.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/concepts.hpp>
#include <boost/tempfile/detail/encoding.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <type_traits>

namespace boost {
namespace tempfile {
namespace detail {

template <template <class> class Is, class Default, class... P>
using pick_policy =
    mp11::mp_at<mp11::mp_list<P..., Default>, mp11::mp_find_if<mp11::mp_list<P..., Default>, Is>>;

template <class T> using is_policy_q = std::bool_constant<is_policy<T>::value>;
template <class T> using is_naming_q = std::bool_constant<is_naming_policy<T>::value>;
template <class T> using is_location_q = std::bool_constant<is_location_policy<T>::value>;
template <class T> using is_creation_q = std::bool_constant<is_creation_policy<T>::value>;
template <class T> using is_cleanup_q = std::bool_constant<is_cleanup_policy<T>::value>;

// The four families' defaults.
template <class Naming, class Location, class Creation, class Cleanup>
struct policy_defaults
{
    using naming = Naming;
    using location = Location;
    using creation = Creation;
    using cleanup = Cleanup;
};

template <class Defaults, class CharT, class... P>
struct select_policies
{
    static_assert(is_char_type_v<CharT>, "boost::tempfile: CharT must be char or wchar_t");
    static_assert(mp11::mp_all_of<mp11::mp_list<P...>, is_policy_q>::value,
                  "boost::tempfile: every argument after CharT must be a naming, location, creation or cleanup "
                  "policy (derive it from the family's marker, or specialise is_naming_policy & co.)");
    static_assert(mp11::mp_count_if<mp11::mp_list<P...>, is_naming_q>::value <= 1,
                  "boost::tempfile: more than one naming policy given");
    static_assert(mp11::mp_count_if<mp11::mp_list<P...>, is_location_q>::value <= 1,
                  "boost::tempfile: more than one location policy given");
    static_assert(mp11::mp_count_if<mp11::mp_list<P...>, is_creation_q>::value <= 1,
                  "boost::tempfile: more than one creation policy given");
    static_assert(mp11::mp_count_if<mp11::mp_list<P...>, is_cleanup_q>::value <= 1,
                  "boost::tempfile: more than one cleanup policy given");

    using naming = pick_policy<is_naming_q, typename Defaults::naming, P...>;
    using location = pick_policy<is_location_q, typename Defaults::location, P...>;
    using creation = pick_policy<is_creation_q, typename Defaults::creation, P...>;
    using cleanup = pick_policy<is_cleanup_q, typename Defaults::cleanup, P...>;
};

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_SELECT_HPP
