// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_SELECT_HPP
#define BOOST_TEMPFILE_DETAIL_SELECT_HPP

// Policies in any order, any subset: each family's policy is picked out of the list (or its
// default taken), and the result named by the canonical positional template. One
// static_assert per misuse, worded for the user.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/concepts.hpp>
#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/tempfile_fwd.hpp>

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

template <class DefaultCreation, class CharT, class... P>
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

    using naming = pick_policy<is_naming_q, default_naming, P...>;
    using location = pick_policy<is_location_q, default_location, P...>;
    using creation = pick_policy<is_creation_q, DefaultCreation, P...>;
    using cleanup = pick_policy<is_cleanup_q, default_cleanup, P...>;
};

template <class CharT, class... P>
struct make_temp_file
{
    using s = select_policies<default_file_creation, CharT, P...>;
    static_assert(!s::creation::makes_directory,
                  "boost::tempfile: this creation policy makes directories; use it with basic_temp_dir");
    static_assert(!is_name_only<typename s::creation>::value,
                  "boost::tempfile: name_only creates nothing for an object to own; use mktemp");
    static_assert(s::cleanup::for_files, "boost::tempfile: this cleanup policy is for directories only");
    // Every row of doc/policies.adoc's tables, one static_assert each (detail/concepts.hpp).
    static_assert(sizeof(check_policies<CharT, typename s::naming, typename s::location, typename s::creation,
                                        typename s::cleanup>) != 0,
                  "boost::tempfile: policy requirements");
    using type = basic_temp_file_impl<CharT, typename s::naming, typename s::location, typename s::creation,
                                      typename s::cleanup>;
};

template <class CharT, class... P>
struct make_temp_dir
{
    using s = select_policies<default_dir_creation, CharT, P...>;
    static_assert(s::creation::makes_directory,
                  "boost::tempfile: this creation policy makes files; use it with basic_temp_file, not basic_temp_dir");
    static_assert(s::cleanup::for_directories,
                  "boost::tempfile: this cleanup policy is for files only; basic_temp_dir cannot use it");
    // Every row of doc/policies.adoc's tables, one static_assert each (detail/concepts.hpp).
    static_assert(sizeof(check_policies<CharT, typename s::naming, typename s::location, typename s::creation,
                                        typename s::cleanup>) != 0,
                  "boost::tempfile: policy requirements");
    using type = basic_temp_dir_impl<CharT, typename s::naming, typename s::location, typename s::creation,
                                     typename s::cleanup>;
};

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_SELECT_HPP
