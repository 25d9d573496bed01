// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_EXIT_CLEANUP_HPP
#define BOOST_TEMPFILE_EXIT_CLEANUP_HPP

// remove_at_exit<Base>: a cleanup policy that behaves as Base and, in addition, removes the
// object's name when the process ends before the object does: on normal exit (exit(),
// returning from main) and on SIGINT, SIGTERM, SIGHUP.
//
//     tf::basic_temp_file<char, tf::remove_at_exit<>> f;   // named file, as named_temporary_file
//     tf::basic_temp_dir<char, tf::remove_at_exit<>> d;    // directory, as temporary_directory
//
// Only objects whose Base would remove them are registered (not `keep`, not `.keep = true`);
// only the process that created an object removes it (a forked child never does). The signal
// handlers are installed at the first registration; a signal that was ignored (nohup) stays
// ignored. A handler the program had runs first, and nothing is removed unless the signal is
// about to end the process: then the default disposition is restored and the signal raised
// again, so that the process dies of it. doc/reference/exit_cleanup.md has the details: what
// the handler does, and what it cannot do.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/detail/posix.hpp>
#include <boost/tempfile/policy.hpp>

#include <boost/filesystem/path.hpp>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {
namespace exit_cleanup {

// One registered name, prepared in advance: nothing is allocated or formatted in a handler.
struct entry
{
    ::pid_t pid;    // the creating process: only it removes
    bool directory; // rmdir-class removal of the tree, else unlink
    ::dev_t dev;    // identity at registration: a name replaced since then is left alone
    ::ino_t ino;
    char* path; // absolute, NUL-terminated, allocated with the entry
};

// Slots in chunks that double in size (chunk k holds first_slots << k), allocated as needed and
// never freed; a slot is claimed with a CAS, so registration takes no lock and a handler can
// walk the table at any moment. A registration probes from a shared cursor and the table grows
// when it is half full, so it costs O(1) probes amortised however many objects are live.
inline constexpr std::size_t first_slots = 256;
inline constexpr int max_chunks = 40;
using slot = std::atomic<entry*>;

// The signals handled, and the dispositions found when the handlers were installed.
inline constexpr int handled_signals[] = {SIGINT, SIGTERM, SIGHUP}; // (not "signals": a Qt macro)
inline constexpr int signal_count = 3;

struct registry
{
    slot first[first_slots]{};
    std::atomic<slot*> chunks[max_chunks]{}; // chunks[0] unused: `first`
    std::atomic<std::size_t> capacity{first_slots};
    std::atomic<std::size_t> live{0};   // slots in use
    std::atomic<std::size_t> cursor{0}; // where the next registration probes
    std::atomic<int> sweeping{0};       // handlers (or atexit) walking the table now
    struct ::sigaction previous[signal_count]
    {};
    volatile std::sig_atomic_t installed[signal_count]{}; // set before the handler is
};

inline registry& state() noexcept
{
    static registry r; // constant-initialised: no guard is ever taken in a handler
    return r;
}

// ---- Removal: async-signal-safe (getdents64, openat, unlinkat, fstat, close, lseek only).

struct linux_dirent64
{
    std::uint64_t d_ino;
    std::int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[1];
};

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
        long n;
        while ((n = sys::getdents64(fd, buf, sizeof buf)) > 0) {
            for (long off = 0; off < n;) {
                const linux_dirent64* d = reinterpret_cast<const linux_dirent64*>(buf + off);
                off += d->d_reclen;
                const char* name = d->d_name;
                if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
                    continue;
                any = true;
                int r;
                if (d->d_type == DT_DIR || d->d_type == DT_UNKNOWN) {
                    r = -ENOTDIR;
                    if (depth > 0) {
                        int sub = sys::openat(fd, name, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC);
                        struct ::stat st;
                        if (sub >= 0 && (sys::fstat(sub, st) != 0 || st.st_dev != dev)) {
                            sys::close(sub); // a mount point: not crossed
                            continue;
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
            }
        }
        if (n < 0 || !any || !removed)
            return;
    }
}

inline void remove_entry(const entry& e) noexcept
{
    struct ::stat st;
    if (e.directory) {
        int fd = sys::open(e.path, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC);
        if (fd < 0)
            return;
        bool same = sys::fstat(fd, st) == 0 && st.st_dev == e.dev && st.st_ino == e.ino;
        if (same)
            remove_below(fd, max_depth, e.dev);
        sys::close(fd);
        if (same)
            sys::rmdir(e.path);
    } else if (sys::lstat(e.path, st) == 0 && st.st_dev == e.dev && st.st_ino == e.ino) {
        sys::unlink(e.path);
    }
}

// Chunk k (nullptr if not allocated yet), and its size.
inline slot* chunk_at(registry& r, int k) noexcept
{
    return k == 0 ? r.first : r.chunks[k].load();
}
inline constexpr std::size_t chunk_size(int k) noexcept
{
    return first_slots << k;
}

// Calls f(slot&) for every slot of every chunk allocated.
template <class F>
inline void for_each_slot(registry& r, F f) noexcept
{
    for (int k = 0; k < max_chunks; ++k) {
        slot* c = chunk_at(r, k);
        if (!c)
            return;
        for (std::size_t i = 0; i < chunk_size(k); ++i)
            f(c[i]);
    }
}

// Removes every name this process registered. Called by the handlers and at exit.
inline void sweep() noexcept
{
    registry& r = state();
    r.sweeping.fetch_add(1);
    const ::pid_t self = sys::getpid_uncached();
    for_each_slot(r, [self](slot& s) {
        const entry* e = s.load();
        if (e && e->pid == self)
            remove_entry(*e);
    });
    r.sweeping.fetch_sub(1);
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
    registry& r = state();
    const int i = signal_index(sig);
    if (i >= 0 && r.installed[i]) {
        const struct ::sigaction& prev = r.previous[i];
        if (prev.sa_handler == SIG_DFL) { // (sa_handler and sa_sigaction share their storage)
            sweep();
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
            sweep(); // the program's handler made the signal fatal
    }
    errno = saved;
}

inline void at_exit() noexcept
{
    sweep();
}

// Installs the handlers and the atexit function, once per process. The disposition found is
// recorded, and marked as such, before the handler replaces it: a signal that arrives right
// after sigaction finds what to chain to.
inline void install() noexcept
{
    static std::once_flag once;
    try {
        std::call_once(once, [] {
            registry& r = state();
            for (int i = 0; i < signal_count; ++i) {
                if (sys::sigaction(handled_signals[i], nullptr, &r.previous[i]) != 0)
                    continue;
                if (r.previous[i].sa_handler == SIG_IGN)
                    continue; // ignored on purpose (nohup): leave it so
                struct ::sigaction act;
                std::memset(&act, 0, sizeof act);
                act.sa_sigaction = &on_signal;
                sigemptyset(&act.sa_mask);
                for (int s : handled_signals)
                    sigaddset(&act.sa_mask, s); // one handler at a time
                act.sa_flags = SA_RESTART | SA_SIGINFO;
                r.installed[i] = 1;
                if (sys::sigaction(handled_signals[i], &act, nullptr) != 0)
                    r.installed[i] = 0;
            }
            std::atexit(&at_exit);
        });
    } catch (...) {
        // call_once failed to run: nothing installed, the objects still clean up normally
    }
}

// Blocks the handled signals from before an object is created until after it is registered
// (remove_at_exit's creation_guard): a signal in between is delivered once the object is
// registered, so it is removed with the rest.
struct signal_block
{
    ::sigset_t old;
    bool blocked;
    signal_block() noexcept : blocked(sys::block_signals(handled_signals, signal_count, old) == 0) {}
    signal_block(const signal_block&) = delete;
    signal_block& operator=(const signal_block&) = delete;
    ~signal_block()
    {
        if (blocked)
            sys::set_signal_mask(old);
    }
};

// Slots probed by registrations, counted only in the tests (BOOST_TEMPFILE_TEST_HOOKS), which
// check that it stays linear.
inline std::atomic<std::size_t>& probes() noexcept
{
    static std::atomic<std::size_t> n{0};
    return n;
}
inline void count_probe() noexcept
{
#if defined(BOOST_TEMPFILE_TEST_HOOKS)
    probes().fetch_add(1);
#endif
}

// Doubles the table when half of it is in use; false if memory ran out.
inline bool grow(registry& r) noexcept
{
    for (int k = 1; k < max_chunks; ++k) {
        if (r.chunks[k].load())
            continue;
        slot* fresh = new (std::nothrow) slot[chunk_size(k)]{};
        if (!fresh)
            return false;
        slot* expected = nullptr;
        if (r.chunks[k].compare_exchange_strong(expected, fresh))
            r.capacity.fetch_add(chunk_size(k)); // after the chunk is there: probes stay inside
        else
            delete[] fresh; // another thread linked one first
        return true;
    }
    return false;
}

// The slot of index i in [0, capacity).
inline slot& slot_at(registry& r, std::size_t i) noexcept
{
    int k = 0;
    while (i >= chunk_size(k)) {
        i -= chunk_size(k);
        ++k;
    }
    return chunk_at(r, k)[i];
}

// A registration: the slot claimed and the entry in it.
struct handle
{
    exit_cleanup::slot* slot = nullptr;
    entry* e = nullptr;
};

// Prepares and publishes an entry for `p`; an empty handle if memory or lstat fails (the
// object then lacks only the exit-time removal).
inline handle add(const filesystem::path& p, bool directory) noexcept
{
    const std::string& native = p.native();
    struct ::stat st;
    if (sys::lstat(native.c_str(), st) != 0)
        return {};
    entry* e = static_cast<entry*>(std::malloc(sizeof(entry) + native.size() + 1));
    if (!e)
        return {};
    e->pid = sys::getpid_uncached();
    e->directory = directory;
    e->dev = st.st_dev;
    e->ino = st.st_ino;
    e->path = reinterpret_cast<char*>(e + 1);
    std::memcpy(e->path, native.c_str(), native.size() + 1);
    install();
    registry& r = state();
    std::size_t cap = r.capacity.load();
    for (std::size_t tries = 0; tries <= 2 * cap + 1; ++tries) {
        if (2 * (r.live.load() + 1) > cap && grow(r))
            cap = r.capacity.load();
        count_probe();
        slot& s = slot_at(r, r.cursor.fetch_add(1) % cap);
        entry* expected = nullptr;
        if (!s.load(std::memory_order_relaxed) && s.compare_exchange_strong(expected, e)) {
            r.live.fetch_add(1);
            return {&s, e};
        }
        cap = r.capacity.load();
    }
    std::free(e); // the table is full and cannot grow
    return {};
}

// Withdraws a registration. The entry is freed unless a handler may be reading it (the
// process is then ending anyway, and the entry is left to it).
inline void remove(handle& h) noexcept
{
    if (!h.slot)
        return;
    entry* e = h.slot->exchange(nullptr);
    if (e)
        state().live.fetch_sub(1);
    if (e && state().sweeping.load() == 0)
        std::free(e);
    h = handle();
}

} // namespace exit_cleanup
} // namespace detail

// A cleanup policy: as Base, and removed at exit or on SIGINT / SIGTERM / SIGHUP if still
// there. Uses the optional hooks on_name / on_release (cleanup.hpp).
template <class Base = by_options>
struct remove_at_exit : cleanup_policy
{
    static_assert(is_cleanup_policy<Base>::value,
                  "boost::tempfile: remove_at_exit<Base> needs a cleanup policy as Base");
    static constexpr bool for_files = Base::for_files;
    static constexpr bool for_directories = Base::for_directories;
    static constexpr bool owner_only = detail::owner_only<Base>::value;
    using base_type = Base;
    // Held by the object from before it creates its name until after on_name registered it.
    using creation_guard = detail::exit_cleanup::signal_block;

    remove_at_exit() = default;
    remove_at_exit(remove_at_exit&& other) noexcept
        : base_(std::move(other.base_)), handle_(std::exchange(other.handle_, detail::exit_cleanup::handle()))
    {}
    remove_at_exit& operator=(remove_at_exit&& other) noexcept
    {
        if (this != &other) {
            detail::exit_cleanup::remove(handle_);
            base_ = std::move(other.base_);
            handle_ = std::exchange(other.handle_, detail::exit_cleanup::handle());
        }
        return *this;
    }
    ~remove_at_exit() { detail::exit_cleanup::remove(handle_); }

    template <class Options>
    void on_create(const Options& o) noexcept
    {
        base_.on_create(o);
    }
    bool remove_at_close() const noexcept { return base_.remove_at_close(); }
    bool remove_at_destroy() const noexcept { return base_.remove_at_destroy(); }

    // The object owns p now: registered if Base would ever remove it.
    void on_name(const filesystem::path& p, bool is_directory) noexcept
    {
        detail::exit_cleanup::remove(handle_);
        if (base_.remove_at_destroy() || base_.remove_at_close())
            handle_ = detail::exit_cleanup::add(p, is_directory);
        detail::notify_name(base_, p, is_directory);
    }
    void on_release() noexcept
    {
        detail::exit_cleanup::remove(handle_);
        detail::notify_release(base_);
    }

    // The name is registered for removal at exit.
    bool registered() const noexcept { return handle_.slot != nullptr; }

private:
    Base base_{};
    detail::exit_cleanup::handle handle_{};
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_EXIT_CLEANUP_HPP
