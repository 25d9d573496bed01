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

#endif // BOOST_TEMPFILE_CONFIG_HPP
