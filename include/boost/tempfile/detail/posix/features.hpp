// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_FEATURES_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_FEATURES_HPP

// The POSIX feature tests, all of them: which system calls beyond POSIX this system has. The
// rest of detail/posix/ asks only these macros (never __linux__ or __APPLE__ in its logic).
// Each is 0 or 1 and may be defined beforehand to override the test (the suite forces some
// on to compile code that is meant for another system, when this one declares the call).
//
// BOOST_TEMPFILE_NO_LINUX_EXTENSIONS (public, see doc/reference/config.adoc): on Linux, take
// exactly the paths a POSIX system without Linux's extensions takes -- no O_TMPFILE, O_PATH,
// renameat2, getrandom, getdents64, fchmodat2, setfsuid, secure_getenv, linkat(AT_EMPTY_PATH)
// or /proc. ./build/test.sh --portable-posix runs the suite so.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/posix/os.hpp>

#include <fcntl.h>
#include <stdio.h> // RENAME_EXCL (macOS)
#include <unistd.h>

// Linux's own calls (glibc, musl): all or none (BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS, os.hpp).
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS
#include <sys/syscall.h>
#endif

// open(O_TMPFILE): a file with no name, linkable later (else O_CREAT|O_EXCL + unlink).
#ifndef BOOST_TEMPFILE_DETAIL_HAS_O_TMPFILE
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(O_TMPFILE)
#define BOOST_TEMPFILE_DETAIL_HAS_O_TMPFILE 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_O_TMPFILE 0
#endif
#endif

// open(O_PATH): pins an inode without permission to read it (else O_SEARCH, else O_RDONLY).
#ifndef BOOST_TEMPFILE_DETAIL_HAS_O_PATH
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(O_PATH)
#define BOOST_TEMPFILE_DETAIL_HAS_O_PATH 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_O_PATH 0
#endif
#endif

// renameat2(RENAME_NOREPLACE) (Linux 3.15).
#ifndef BOOST_TEMPFILE_DETAIL_HAS_RENAMEAT2
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(SYS_renameat2)
#define BOOST_TEMPFILE_DETAIL_HAS_RENAMEAT2 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_RENAMEAT2 0
#endif
#endif

// renameatx_np(RENAME_EXCL) (macOS 10.12, <stdio.h>): a rename that never replaces.
// Built on macOS only.
#ifndef BOOST_TEMPFILE_DETAIL_HAS_RENAMEATX_NP
#if defined(__APPLE__) && defined(RENAME_EXCL)
#define BOOST_TEMPFILE_DETAIL_HAS_RENAMEATX_NP 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_RENAMEATX_NP 0
#endif
#endif

// getdents64 (Linux): directory entries read straight into a buffer, async-signal-safe.
#ifndef BOOST_TEMPFILE_DETAIL_HAS_GETDENTS64
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(SYS_getdents64)
#define BOOST_TEMPFILE_DETAIL_HAS_GETDENTS64 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_GETDENTS64 0
#endif
#endif

// fchmodat2(AT_EMPTY_PATH) (Linux 6.6), linkat(AT_EMPTY_PATH), setfsuid, and the /proc/self
// files (fd/N magic links, status's Umask line): Linux only, with the other extensions.
#ifndef BOOST_TEMPFILE_DETAIL_HAS_PROC_SELF
#define BOOST_TEMPFILE_DETAIL_HAS_PROC_SELF BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS
#endif
#ifndef BOOST_TEMPFILE_DETAIL_HAS_FCHMODAT2
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(SYS_fchmodat2)
#define BOOST_TEMPFILE_DETAIL_HAS_FCHMODAT2 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_FCHMODAT2 0
#endif
#endif
#ifndef BOOST_TEMPFILE_DETAIL_HAS_LINKAT_EMPTY_PATH
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(AT_EMPTY_PATH)
#define BOOST_TEMPFILE_DETAIL_HAS_LINKAT_EMPTY_PATH 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_LINKAT_EMPTY_PATH 0
#endif
#endif
#ifndef BOOST_TEMPFILE_DETAIL_HAS_SETFSUID
#define BOOST_TEMPFILE_DETAIL_HAS_SETFSUID BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS
#endif

// fcntl(F_FULLFSYNC) (macOS): fsync there does not ask the drive to write its cache.
// Built on macOS only.
#ifndef BOOST_TEMPFILE_DETAIL_HAS_F_FULLFSYNC
#if defined(F_FULLFSYNC)
#define BOOST_TEMPFILE_DETAIL_HAS_F_FULLFSYNC 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_F_FULLFSYNC 0
#endif
#endif

// Random bytes and the Linux switch: detail/posix/os.hpp (they need no system header).

// The set-user-ID test: glibc's secure_getenv (Linux build), issetugid() (macOS, the BSDs:
// also true after a privilege change), else getuid() != geteuid() || getgid() != getegid().
#ifndef BOOST_TEMPFILE_DETAIL_HAS_SECURE_GETENV
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(__GLIBC__)
#define BOOST_TEMPFILE_DETAIL_HAS_SECURE_GETENV 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_SECURE_GETENV 0
#endif
#endif
#ifndef BOOST_TEMPFILE_DETAIL_HAS_ISSETUGID
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__)
#define BOOST_TEMPFILE_DETAIL_HAS_ISSETUGID 1
#else
#define BOOST_TEMPFILE_DETAIL_HAS_ISSETUGID 0
#endif
#endif

#endif // BOOST_TEMPFILE_DETAIL_POSIX_FEATURES_HPP
