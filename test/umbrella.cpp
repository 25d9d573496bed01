// Copyright the Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The umbrella header compiles on its own (built under C++17 and C++20 by test/Jamfile).
#include <boost/tempfile.hpp>

int main() {}
