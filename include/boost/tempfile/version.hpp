// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_VERSION_HPP
#define BOOST_TEMPFILE_VERSION_HPP

// Same format as BOOST_VERSION: major * 100000 + minor * 100 + patch.
#define BOOST_TEMPFILE_VERSION 100
#define BOOST_TEMPFILE_VERSION_STRING "0.1.0"

#endif // BOOST_TEMPFILE_VERSION_HPP
