// Copyright the Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Driver for the per-header self-containment tests: test/Jamfile compiles this file once
// per public header, with BOOST_TEMPFILE_TEST_HEADER set to the header's path relative
// to include/boost/tempfile (e.g. naming.hpp). The header must be the first include.
#define BOOST_TEMPFILE_TEST_INCLUDE() <boost/tempfile/BOOST_TEMPFILE_TEST_HEADER>
#include BOOST_TEMPFILE_TEST_INCLUDE()

// The light headers (BOOST_TEMPFILE_TEST_LIGHT, set by test/Jamfile): a user's names that
// the system's headers define as macros must stay usable -- <sys/stat.h>'s st_mtime,
// <signal.h>'s sa_handler and si_pid, <dirent.h>'s DT_DIR, <fcntl.h>'s O_CREAT and S_IFMT,
// <sys/syscall.h>'s SYS_open, and <windows.h>'s ERROR, DELETE, IN and OUT. A leak is a
// compile error on the member that names it.
#if defined(BOOST_TEMPFILE_TEST_LIGHT)
struct user_record
{
    long st_mtime, st_atime, st_ctime;
    void (*sa_handler)(int);
    int si_pid, si_uid, si_status;
    int DT_DIR, O_CREAT, S_IFMT, SYS_open, AT_FDCWD; // not SIGINT: mingw-w64's <locale> has it (pthread.h)
    int ERROR, DELETE, IN, OUT, CALLBACK, near, far;
};
#endif

// Nor do they include the system headers the rest of the library needs (the guards of glibc's
// and mingw-w64's): those that make no system call (BOOST_TEMPFILE_TEST_LIGHT=2) not even the
// few naming.hpp and native.hpp use. (<unistd.h> and <pthread.h> are not checked: Boost.Config
// and libstdc++ include them already.)
#if defined(BOOST_TEMPFILE_TEST_LIGHT)
#if defined(_FCNTL_H) || defined(_SYS_STAT_H) || defined(_SIGNAL_H) || defined(_DIRENT_H) || defined(_SYSCALL_H) || \
    defined(_WINDOWS_) || defined(_INC_WINDOWS)
#error "a light header included a system header of the library's system layer"
#endif
#if BOOST_TEMPFILE_TEST_LIGHT == 2 && (defined(_SYS_RANDOM_H) || defined(_SYS_MMAN_H))
#error "a header that makes no system call included a system header"
#endif
#endif

int main() {}
