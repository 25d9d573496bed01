// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_TEMPFILE_FWD_HPP
#define BOOST_TEMPFILE_TEMPFILE_FWD_HPP

// The one place where the defaults are chosen, and the canonical class templates declared.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/creation.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/policy.hpp>

namespace boost {
namespace tempfile {

using default_naming = random_name<>;
using default_location = system_temp_dir;
using default_file_creation = exclusive_file<>;
using default_dir_creation = exclusive_dir<>;
using default_cleanup = by_options;

// The canonical types behind basic_temp_file / basic_temp_dir: one positional parameter per
// family, so that every spelling of the same policies names one type.
template <class CharT, class Naming, class Location, class Creation, class Cleanup>
class basic_temp_file_impl;

template <class CharT, class Naming, class Location, class Creation, class Cleanup>
class basic_temp_dir_impl;

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_TEMPFILE_FWD_HPP
