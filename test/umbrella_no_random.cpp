// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The library does not include Boost.Random (nothing in it uses it; an engine named by the
// user, such as random_name<8, boost::random::mt19937_64>, comes with the user's include):
// the include raised Boost.TempFile's dependency level and pulled 41 more CMake modules into a
// Boost superproject build (issue 21).
#include <boost/tempfile.hpp>

#if defined(BOOST_RANDOM_MERSENNE_TWISTER_HPP) || defined(BOOST_RANDOM_DETAIL_SEED_HPP)
#error "<boost/tempfile.hpp> includes Boost.Random"
#endif

int main() {}
