// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The library and <windows.h> in one TU, as a Windows program has them (issue 20). test/Jamfile
// compiles it for Windows with BOOST_TEMPFILE_TEST_WINDOWS_H=
//   1  <windows.h> first: its macros (min, max, ERROR, DELETE, CreateFile, DeleteFile...) meet
//      every header of the library;
//   2  <windows.h> last: its declarations meet the library's own (detail/windows/win32.hpp
//      declares, as Boost.WinAPI does, what it needs with the SDK's exact signatures); before
//      it, no header of the library may have included <windows.h>, <winternl.h> or <sddl.h>;
//   0  neither (with BOOST_USE_WINDOWS_H, Boost.WinAPI includes <windows.h> itself);
// with and without NOMINMAX and WIN32_LEAN_AND_MEAN. <winternl.h> and <sddl.h> come with
// <windows.h>: the library declares some of their functions too. Compiled separately
// (BOOST_TEMPFILE_SEPARATE_COMPILATION), src.hpp is included as well: the compiled part's
// headers meet <windows.h> in its TU. Every object and function is used
// (test/warnings/every_object.cpp): every template is instantiated. Compiled, not run.

#if defined(_WIN32)

#if BOOST_TEMPFILE_TEST_WINDOWS_H == 1
#include <windows.h>

#include <sddl.h> // (they need <windows.h> first)
#include <winternl.h>
#endif

#if defined(BOOST_TEMPFILE_SEPARATE_COMPILATION)
#include <boost/tempfile/src.hpp>
#endif
#include <boost/tempfile.hpp>

#if BOOST_TEMPFILE_TEST_WINDOWS_H == 2
#if defined(_WINDOWS_) || defined(_INC_WINDOWS) || defined(_WINTERNL_) || defined(__SDDL_H__) || \
    defined(min) || defined(max)
#error "a header of the library included <windows.h>, <winternl.h> or <sddl.h>"
#endif
#include <windows.h>

#include <sddl.h> // (they need <windows.h> first)
#include <winternl.h>
#endif

#include "warnings/every_object.cpp"

#else

int main() {}

#endif
