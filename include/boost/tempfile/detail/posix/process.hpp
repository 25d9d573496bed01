// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_PROCESS_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_PROCESS_HPP

// The process: random bytes from the kernel's CSPRNG, this process's id and its fork
// generation. What naming.hpp needs of the system, alone: no <fcntl.h>, <sys/stat.h>,
// <signal.h>, <dirent.h> or <sys/syscall.h> (issue 20).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/posix/os.hpp>
#include <boost/tempfile/detail/posix/vocabulary.hpp>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <type_traits>

#include <pthread.h>
#include <sys/types.h>
#include <unistd.h>
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS
#include <sys/mman.h>
#endif
#if BOOST_TEMPFILE_DETAIL_HAS_GETRANDOM || BOOST_TEMPFILE_DETAIL_HAS_GETENTROPY
#include <sys/random.h>
#endif

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

static_assert(std::is_same<pid_type, ::pid_t>::value, "boost::tempfile: detail/posix/vocabulary.hpp needs this system's pid_t");

// Fills buf with bytes from the kernel's CSPRNG; 0 or -errno.
BOOST_TEMPFILE_DETAIL_DECL int random_bytes(void* buf, std::size_t n) noexcept
{
    unsigned char* p = static_cast<unsigned char*>(buf);
#if BOOST_TEMPFILE_DETAIL_HAS_ARC4RANDOM_BUF
    ::arc4random_buf(p, n); // never fails
    return 0;
#else
#if BOOST_TEMPFILE_DETAIL_HAS_GETRANDOM
    while (n > 0) {
        ::ssize_t r = ::getrandom(p, n, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break; // ENOSYS on very old kernels: fall through to /dev/urandom
        }
        p += r;
        n -= static_cast<std::size_t>(r);
    }
    if (n == 0)
        return 0;
#elif BOOST_TEMPFILE_DETAIL_HAS_GETENTROPY
    while (n > 0) {
        std::size_t k = n < 256 ? n : 256; // getentropy's limit per call
        if (::getentropy(p, k) != 0)
            break; // ENOSYS: /dev/urandom below
        p += k;
        n -= k;
    }
    if (n == 0)
        return 0;
#endif
    // stdio, not open(2): <fcntl.h> would give the light headers st_mtime and the S_IF* macros.
    // "e": O_CLOEXEC (glibc, musl and the BSDs); unbuffered: no key bytes left in a buffer.
    std::FILE* f = std::fopen("/dev/urandom", "rbe");
    if (!f)
        return errno ? -errno : -EIO;
    std::setvbuf(f, nullptr, _IONBF, 0);
    const std::size_t got = std::fread(p, 1, n, f);
    std::fclose(f);
    return got == n ? 0 : -EIO;
#endif
}

// The id of this process, without a system call on the hot path: read once, then
// refreshed in a forked child by a pthread_atfork handler. A fork generation counter is
// bumped at the same time so that per-thread state (random engines) knows to re-seed.
// A child made without the atfork handlers (glibc's _Fork, a raw clone system call) is noticed
// on Linux >= 4.14 too: `same_process` is a word in a page marked MADV_WIPEONFORK, 1 here,
// which the kernel hands to any child made without CLONE_VM as zeros (one load per call, no
// system call). Where that is not available (other systems, older kernels) it is null and
// only the atfork handler notices a fork (doc/security.adoc#fork-guard).
struct process_state
{
    std::atomic<::pid_t> pid;
    std::atomic<unsigned> generation;
    std::atomic<unsigned>* same_process;
};

#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(MADV_WIPEONFORK)
inline constexpr bool has_wipe_on_fork = true;
#else
inline constexpr bool has_wipe_on_fork = false; // (a build without it has no code for it)
#endif

inline std::atomic<unsigned>* wipe_on_fork_word() noexcept
{
#if BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS && defined(MADV_WIPEONFORK)
    const long page = ::sysconf(_SC_PAGESIZE);
    void* p = ::mmap(nullptr, static_cast<std::size_t>(page), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return nullptr;
    if (::madvise(p, static_cast<std::size_t>(page), MADV_WIPEONFORK) != 0) { // before Linux 4.14
        ::munmap(p, static_cast<std::size_t>(page));
        return nullptr;
    }
    static_assert(sizeof(std::atomic<unsigned>) == sizeof(unsigned), "a zeroed word reads as 0");
    return new (p) std::atomic<unsigned>(1u);
#else
    return nullptr;
#endif
}

inline void on_fork_child() noexcept;

BOOST_TEMPFILE_DETAIL_SHARED_STATE inline process_state& process() noexcept
{
    static process_state state{{::getpid()}, {0u}, wipe_on_fork_word()};
    static const bool registered = (::pthread_atfork(nullptr, nullptr, &on_fork_child) == 0);
    (void)registered;
    return state;
}

inline void refresh_after_fork(process_state& s) noexcept
{
    s.pid.store(::getpid(), std::memory_order_relaxed);
    s.generation.fetch_add(1, std::memory_order_relaxed);
    if constexpr (has_wipe_on_fork)
        if (s.same_process)
            s.same_process->store(1u, std::memory_order_relaxed);
}

inline void on_fork_child() noexcept
{
    refresh_after_fork(process());
}

// process(), refreshed first in a child the atfork handler did not see.
inline process_state& current_process() noexcept
{
    process_state& s = process();
    if constexpr (has_wipe_on_fork)
        if (BOOST_UNLIKELY(s.same_process && s.same_process->load(std::memory_order_relaxed) == 0u))
            refresh_after_fork(s);
    return s;
}

BOOST_TEMPFILE_DETAIL_DECL pid_type current_pid() noexcept
{
    return current_process().pid.load(std::memory_order_relaxed);
}

// The id of this process, asked of the kernel (not the cached one).
BOOST_TEMPFILE_DETAIL_DECL pid_type getpid_uncached() noexcept
{
    return ::getpid();
}

BOOST_TEMPFILE_DETAIL_DECL unsigned fork_generation() noexcept
{
    return current_process().generation.load(std::memory_order_relaxed);
}

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_POSIX_PROCESS_HPP
