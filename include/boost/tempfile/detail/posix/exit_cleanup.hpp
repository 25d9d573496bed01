// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_EXIT_CLEANUP_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_EXIT_CLEANUP_HPP

// remove_at_exit's POSIX part: the removal of one registered name, async-signal-safe where
// directories are read with getdents64 (Linux: then openat, unlinkat, fstat, close, lseek
// only; elsewhere readdir, which POSIX does not list as async-signal-safe), the SIGINT / SIGTERM / SIGHUP
// handlers plus the atexit function that run the sweep, and the signal block held while an
// object is created. exit_cleanup.hpp has the registry.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/posix/sys.hpp>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

namespace boost {
namespace tempfile {
namespace detail {
namespace exit_cleanup {

// The signals handled, and the dispositions found when the handlers were installed.
inline constexpr int handled_signals[] = {SIGINT, SIGTERM, SIGHUP}; // (not "signals": a Qt macro)
inline constexpr int signal_count = 3;

struct platform_state
{
    void (*sweep)() noexcept;
    struct ::sigaction previous[signal_count];
    volatile std::sig_atomic_t installed[signal_count]; // set before the handler is
};

BOOST_TEMPFILE_DETAIL_SHARED_STATE inline platform_state& platform() noexcept
{
    static platform_state s{}; // constant-initialised: no guard is ever taken in a handler
    return s;
}

// Depth bound of the handler's tree walk: a deeper tree is removed to this depth only.
inline constexpr int max_depth = 16;

// Removes what is below the directory open as fd, relative to descriptors, never following a
// symlink nor entering another file system than `dev` (a mount point is left as it is, as
// cleanup() does). Best effort; several passes because removing while reading may skip entries.
inline void remove_below(int fd, int depth, ::dev_t dev) noexcept
{
    alignas(8) char buf[1024];
    for (int pass = 0; pass < 64; ++pass) {
        if (sys::lseek(fd, 0, SEEK_SET) < 0)
            return;
        bool removed = false, any = false;
        int n = sys::read_directory(fd, buf, sizeof buf, [&](const char* name, unsigned char type) {
            any = true;
            int r;
            if (type == DT_DIR || type == DT_UNKNOWN) {
                r = -ENOTDIR;
                if (depth > 0) {
                    int sub = sys::openat(fd, name, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC);
                    struct ::stat st;
                    if (sub >= 0 && (sys::fstat(sub, st) != 0 || st.st_dev != dev)) {
                        sys::close(sub); // a mount point: not crossed
                        return;
                    }
                    if (sub >= 0) {
                        remove_below(sub, depth - 1, dev);
                        sys::close(sub);
                        r = sys::unlinkat(fd, name, AT_REMOVEDIR);
                    } else {
                        r = sub;
                    }
                }
                if (r == -ENOTDIR || r == -ELOOP)
                    r = sys::unlinkat(fd, name, 0);
            } else {
                r = sys::unlinkat(fd, name, 0);
            }
            removed = removed || r == 0;
        });
        if (n < 0 || !any || !removed)
            return;
    }
}

// The identity of what `path` names now (lstat); false if it cannot be had.
BOOST_TEMPFILE_DETAIL_DECL bool identify(const sys::native_char* path, sys::file_id& id) noexcept
{
    struct ::stat st;
    if (sys::lstat(path, st) != 0)
        return false;
    id = sys::id_of(st);
    return true;
}

// Removes `path` (a file, or a directory tree) if it is still `id`. Async-signal-safe.
BOOST_TEMPFILE_DETAIL_DECL void remove_entry(const sys::native_char* path, bool directory, const sys::file_id& id) noexcept
{
    struct ::stat st;
    if (directory) {
        int fd = sys::open(path, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC);
        if (fd < 0)
            return;
        bool same = sys::fstat(fd, st) == 0 && sys::same_file(st, id);
        if (same)
            remove_below(fd, max_depth, to<::dev_t>(id.dev));
        sys::close(fd);
        if (same)
            sys::rmdir(path);
    } else if (sys::lstat(path, st) == 0 && sys::same_file(st, id)) {
        sys::unlink(path);
    }
}

inline int signal_index(int sig) noexcept
{
    for (int i = 0; i < signal_count; ++i)
        if (handled_signals[i] == sig)
            return i;
    return -1;
}

// The program's own handler (the disposition found at installation) runs first. The sweep
// happens only when the signal is about to end the process: when that disposition is the
// default action (then it is restored and the signal raised again, delivered when this handler
// returns), or when the program's handler itself restored the default action and raised the
// signal again. A program that goes on after its handler keeps its files; one whose handler
// calls exit() has them removed by the exit-time sweep.
inline void on_signal(int sig, ::siginfo_t* info, void* context) noexcept
{
    const int saved = errno;
    platform_state& p = platform();
    const int i = signal_index(sig);
    if (i >= 0 && p.installed[i]) {
        const struct ::sigaction& prev = p.previous[i];
        if (prev.sa_handler == SIG_DFL) { // (sa_handler and sa_sigaction share their storage)
            p.sweep();
            sys::sigaction(sig, &prev, nullptr); // chain: the default action
            sys::raise(sig);                     // delivered when this handler returns
            errno = saved;
            return;
        }
        if (prev.sa_flags & SA_SIGINFO)
            prev.sa_sigaction(sig, info, context);
        else
            prev.sa_handler(sig);
        struct ::sigaction now;
        if (sys::sigaction(sig, nullptr, &now) == 0 && now.sa_handler == SIG_DFL && sys::signal_pending(sig))
            p.sweep(); // the program's handler made the signal fatal
    }
    errno = saved;
}

// Installs the handlers and `at_exit` (which calls sweep), once per process. The disposition
// found is recorded, and marked as such, before the handler replaces it: a signal that
// arrives right after sigaction finds what to chain to.
BOOST_TEMPFILE_DETAIL_STATE void install(void (*sweep)() noexcept, void (*at_exit)()) noexcept
{
    static std::once_flag once;
    try {
        std::call_once(once, [sweep, at_exit] {
            platform_state& p = platform();
            p.sweep = sweep;
            for (int i = 0; i < signal_count; ++i) {
                if (sys::sigaction(handled_signals[i], nullptr, &p.previous[i]) != 0)
                    continue;
                if (p.previous[i].sa_handler == SIG_IGN)
                    continue; // ignored on purpose (nohup): leave it so
                struct ::sigaction act;
                std::memset(&act, 0, sizeof act);
                act.sa_sigaction = &on_signal;
                sigemptyset(&act.sa_mask);
                for (int s : handled_signals)
                    sigaddset(&act.sa_mask, s); // one handler at a time
                act.sa_flags = SA_RESTART | SA_SIGINFO;
                p.installed[i] = 1;
                if (sys::sigaction(handled_signals[i], &act, nullptr) != 0)
                    p.installed[i] = 0;
            }
            std::atexit(at_exit);
        });
    } catch (...) {
        // call_once failed to run: nothing installed, the objects still clean up normally
    }
}

static_assert(sizeof(::sigset_t) <= sizeof(sys::signal_mask) && alignof(::sigset_t) <= alignof(sys::signal_mask),
              "boost::tempfile: detail/posix/vocabulary.hpp's signal_mask holds this system's sigset_t");

// Blocks the handled signals in this thread (remove_at_exit's creation_block); true with `old`
// the mask to restore.
BOOST_TEMPFILE_DETAIL_DECL bool block_creation_signals(sys::signal_mask& old) noexcept
{
    return sys::block_signals(handled_signals, signal_count, *::new (static_cast<void*>(old.bytes)) ::sigset_t) == 0;
}

BOOST_TEMPFILE_DETAIL_DECL void restore_signal_mask(const sys::signal_mask& old) noexcept
{
    sys::set_signal_mask(*std::launder(reinterpret_cast<const ::sigset_t*>(old.bytes)));
}

} // namespace exit_cleanup
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_POSIX_EXIT_CLEANUP_HPP
