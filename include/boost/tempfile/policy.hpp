// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_POLICY_HPP
#define BOOST_TEMPFILE_POLICY_HPP

// The four policy families. A type belongs to a family when it derives from the family's
// marker, or when the family's trait is specialised for it (for types that cannot derive):
//
//     struct my_names : boost::tempfile::naming_policy { ... };        // 1. derive
//     template <> struct boost::tempfile::is_naming_policy<their_names> // 2. specialise
//         : std::true_type {};

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <type_traits>

namespace boost {
namespace tempfile {

struct naming_policy {};   // what the random part of a name is
struct location_policy {}; // which directory is used when the options name none
struct creation_policy {}; // what is created: a named file, an anonymous file, a directory, ...
struct cleanup_policy {};  // when what was created is removed

template <class T> struct is_naming_policy : std::is_base_of<naming_policy, T> {};
template <class T> struct is_location_policy : std::is_base_of<location_policy, T> {};
template <class T> struct is_creation_policy : std::is_base_of<creation_policy, T> {};
template <class T> struct is_cleanup_policy : std::is_base_of<cleanup_policy, T> {};

template <class T>
struct is_policy
    : std::bool_constant<is_naming_policy<T>::value || is_location_policy<T>::value ||
                         is_creation_policy<T>::value || is_cleanup_policy<T>::value>
{
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_POLICY_HPP
