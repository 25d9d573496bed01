// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The boost_tempfile_compiled library: Boost.TempFile's system layer and process-wide state,
// compiled once (BOOST_TEMPFILE_SEPARATE_COMPILATION; doc/reference/config.adoc).

#include <boost/tempfile/src.hpp>
