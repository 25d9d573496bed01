// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_HPP
#define BOOST_TEMPFILE_HPP

// Boost.TempFile: everything Python's tempfile module gives, for C++17.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/version.hpp>
#include <boost/tempfile/native.hpp>
#include <boost/tempfile/policy.hpp>
#include <boost/tempfile/options.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/creation.hpp>
#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/exit_cleanup.hpp>
#include <boost/tempfile/tempfile_fwd.hpp>
#include <boost/tempfile/functions.hpp>
#include <boost/tempfile/basic_temp_file.hpp>
#include <boost/tempfile/basic_temp_dir.hpp>

#endif // BOOST_TEMPFILE_HPP
