// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Coverage builds only (build/test.sh --coverage defines BOOST_TEMPFILE_TEST_COVERAGE): a
// process that ends with _exit or by a signal never runs gcov's exit handler, so the counts
// of every forked child of the suite would be lost. This program defines _exit and raise
// itself (the linker prefers the executable's definition to libc's): each first writes the
// counts (__gcov_dump), then clears them (__gcov_reset: a process that goes on counts from
// zero and writes again at its end), then does what libc does. Included by test_common.hpp;
// POSIX only (Windows has no fork). Weak, so that two translation units may include it.
//
// Children that drop to `nobody` write too: build/test.sh runs b2 under umask 0 (directories
// open to all), and each program writes its (empty) counts once when it starts, under umask 0,
// so that every .gcda file exists, writable by all, before a test runs; then it sets the
// usual umask 022 back for the tests.
//
// Children that limit the size of files (RLIMIT_FSIZE: the EFBIG tests, which lower only the
// soft limit: test::limit_file_size) write too: the soft limit is raised for the writing of
// the counts (to infinity when allowed, else to the hard limit), then set back. A .gcda is
// larger than those limits: the counts were lost, and libgcov's own error message, cut by the
// same limit, left "libg" at the start of the captured output.

#ifndef BOOST_TEMPFILE_TEST_COVERAGE_HOOK_HPP
#define BOOST_TEMPFILE_TEST_COVERAGE_HOOK_HPP

#if defined(BOOST_TEMPFILE_TEST_COVERAGE) && !defined(_WIN32)

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

extern "C" void __gcov_dump(void);
extern "C" void __gcov_reset(void);

namespace test {
namespace detail {
// __gcov_dump with the file-size limit lifted meanwhile.
inline void coverage_dump()
{
    struct rlimit was;
    const bool limited = ::getrlimit(RLIMIT_FSIZE, &was) == 0 && was.rlim_cur != RLIM_INFINITY;
    if (limited) {
        struct rlimit up = {RLIM_INFINITY, RLIM_INFINITY};
        if (::setrlimit(RLIMIT_FSIZE, &up) != 0) {
            up = {was.rlim_max, was.rlim_max};
            ::setrlimit(RLIMIT_FSIZE, &up);
        }
    }
    __gcov_dump();
    if (limited)
        ::setrlimit(RLIMIT_FSIZE, &was);
}
} // namespace detail
} // namespace test

extern "C" __attribute__((weak, noreturn)) void _exit(int status)
{
    test::detail::coverage_dump();
    for (;;)
        ::syscall(SYS_exit_group, status);
}

extern "C" __attribute__((weak)) int raise(int sig) noexcept
{
    test::detail::coverage_dump();
    __gcov_reset();
    return static_cast<int>(::syscall(SYS_tgkill, ::getpid(), ::syscall(SYS_gettid), sig));
}

namespace test {
namespace detail {
inline int coverage_files_for_all()
{
    ::umask(0);
    __gcov_dump();
    __gcov_reset();
    ::umask(022);
    return 0;
}
inline const int coverage_files_created = coverage_files_for_all();
} // namespace detail
} // namespace test

#endif

#endif // BOOST_TEMPFILE_TEST_COVERAGE_HOOK_HPP
