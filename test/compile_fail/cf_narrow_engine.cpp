// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// A naming engine whose draws are not 64 uniform bits (ranlux48: 48): rejected ("boost::tempfile:
// the Engine must give uniform 64-bit values"), since eight symbols are taken from each draw.
#include <boost/tempfile/naming.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/ranlux.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using engine = boost::random::ranlux48;
#else
using engine = boost::random::mt19937_64;
#endif
int main() { return tf::random_name<8, engine>{}.next_name<char>().size() == 8 ? 0 : 1; }
