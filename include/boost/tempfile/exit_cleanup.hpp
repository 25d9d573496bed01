// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_EXIT_CLEANUP_HPP
#define BOOST_TEMPFILE_EXIT_CLEANUP_HPP

// remove_at_exit<Base>: a cleanup policy that behaves as Base and, in addition, removes the
// object's name when the process ends before the object does: on normal exit (exit(),
// returning from main) and on SIGINT, SIGTERM, SIGHUP (Windows: the console control events
// Ctrl-C, Ctrl-Break, close, logoff, shutdown).
//
//     tf::basic_temp_file<char, tf::remove_at_exit<>> f;   // named file, as named_temporary_file
//     tf::basic_temp_dir<char, tf::remove_at_exit<>> d;    // directory, as temporary_directory
//
// Only objects whose Base would remove them are registered (not `keep`, not `.keep = true`);
// only the process that created an object removes it (a forked child never does). The signal
// handlers are installed at the first registration; a signal that was ignored (nohup) stays
// ignored. A handler the program had runs first, and nothing is removed unless the signal is
// about to end the process: then the default disposition is restored and the signal raised
// again, so that the process dies of it. doc/reference/exit_cleanup.adoc has the details: what
// the handler does, and what it cannot do. The platform's part (the removal of one name, the
// handlers, the guard held during creation) is in detail/{posix,windows}/exit_cleanup.hpp.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/policy.hpp>

#include <boost/filesystem/path.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <thread>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {
namespace exit_cleanup {

// One registered name, prepared in advance: nothing is allocated or formatted in a handler.
struct entry
{
    sys::pid_type pid;      // the creating process: only it removes
    bool directory;         // removal of the tree, else of the file
    sys::file_id id;        // identity at registration: a name replaced since then is left alone
    sys::native_char* path; // absolute, NUL-terminated, allocated with the entry
    entry* retired_next;    // in registry::retired, once withdrawn during a sweep
};

// Slots in chunks that double in size (chunk k holds first_slots << k), allocated as needed and
// never freed; a slot is claimed with a CAS, so registration takes no lock and a handler can
// walk the table at any moment. A registration probes from a shared cursor and the table grows
// when it is half full, so it costs O(1) probes amortised however many objects are live.
inline constexpr std::size_t first_slots = 256;
inline constexpr int max_chunks = 40;
using slot = std::atomic<entry*>;

struct registry
{
    slot first[first_slots]{};
    std::atomic<slot*> chunks[max_chunks]{}; // chunks[0] unused: `first`
    std::atomic<std::size_t> capacity{first_slots};
    std::atomic<std::size_t> live{0};   // slots in use
    std::atomic<std::size_t> cursor{0}; // where the next registration probes
    std::atomic<int> sweeping{0};       // handlers (or atexit) walking the table now
    // Entries withdrawn while a sweep may read them: never freed (the process is ending), but
    // kept reachable, so that a leak checker run at exit (LeakSanitizer) does not report them.
    std::atomic<entry*> retired{nullptr};
};

BOOST_TEMPFILE_DETAIL_STATE registry& state() noexcept;
#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
BOOST_TEMPFILE_DETAIL_STATE registry& state() noexcept
{
    static registry r; // constant-initialised: no guard is ever taken in a handler
    return r;
}
#endif

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

// The creations under way in this process (between the creation guard and the registration),
// and whether the process is ending: one word, (pid << 32) | closing_bit | count. The pid tag
// makes a forked child start at zero (threads of the parent that were creating are not in it).
// Counted with atomics only: no system call is added to a creation.
inline constexpr std::uint64_t closing_bit = std::uint64_t(1) << 31;
inline constexpr std::uint64_t count_mask = closing_bit - 1;

BOOST_TEMPFILE_DETAIL_STATE std::atomic<std::uint64_t>& creations() noexcept;
#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
BOOST_TEMPFILE_DETAIL_STATE std::atomic<std::uint64_t>& creations() noexcept
{
    static std::atomic<std::uint64_t> v{0}; // constant-initialised: read by handlers
    return v;
}
#endif
inline std::uint64_t this_process_tag() noexcept
{
    return std::uint64_t(static_cast<std::uint32_t>(sys::current_pid())) << 32;
}
// The word as this process sees it: another process's (a forked parent's) is zero here.
inline std::uint64_t own(std::uint64_t v, std::uint64_t tag) noexcept
{
    return (v & ~(count_mask | closing_bit)) == tag ? v : tag;
}

// A creation starts: false (nothing may be created) once the process is ending.
inline bool enter_creation() noexcept
{
    std::atomic<std::uint64_t>& c = creations();
    const std::uint64_t tag = this_process_tag();
    std::uint64_t v = c.load();
    for (;;) {
        const std::uint64_t mine = own(v, tag);
        if (mine & closing_bit)
            return false;
        if (c.compare_exchange_weak(v, mine + 1))
            return true;
    }
}
// The creation entered is registered (or failed): it no longer holds back the sweep.
inline void leave_creation() noexcept
{
    std::atomic<std::uint64_t>& c = creations();
    const std::uint64_t tag = this_process_tag();
    std::uint64_t v = c.load();
    while (own(v, tag) == v && (v & count_mask) != 0 && !c.compare_exchange_weak(v, v - 1)) {
    }
}
// The process is ending: no creation starts from now on, and those under way (on other
// threads) are waited for, about a second at most, so that the sweep sees what they register.
inline void close_creations() noexcept
{
    std::atomic<std::uint64_t>& c = creations();
    const std::uint64_t tag = this_process_tag();
    std::uint64_t v = c.load();
    while (!c.compare_exchange_weak(v, own(v, tag) | closing_bit)) {
    }
    for (int waited = 0; waited < 1000 && (own(c.load(), tag) & count_mask) != 0; ++waited)
        std::this_thread::sleep_for(std::chrono::milliseconds(1)); // nanosleep / Sleep
}

// Blocks the handled signals from before an object is created until after it is registered:
// a signal in between is delivered once the object is registered, so it is removed with the
// rest (POSIX; nothing to block on Windows).
struct creation_block
{
    sys::signal_mask old;
    bool blocked;
    creation_block() noexcept : blocked(block_creation_signals(old)) {}
    creation_block(const creation_block&) = delete;
    creation_block& operator=(const creation_block&) = delete;
    ~creation_block()
    {
        if (blocked)
            restore_signal_mask(old);
    }
};

// Held from before an object creates its name until after it is registered: the platform's
// part (the handled signals blocked in this thread), then the count of creations under way.
struct creation_guard
{
    creation_block block;
    bool admitted;
    creation_guard() noexcept : admitted(enter_creation()) {}
    creation_guard(const creation_guard&) = delete;
    creation_guard& operator=(const creation_guard&) = delete;
    ~creation_guard()
    {
        if (admitted)
            leave_creation();
    }
};

// Removes every name this process registered. Called by the handlers and at exit, when the
// process is ending: creations under way finish first, and none starts afterwards.
inline void sweep() noexcept
{
    close_creations();
    registry& r = state();
    r.sweeping.fetch_add(1);
    const sys::pid_type self = sys::getpid_uncached();
    for_each_slot(r, [self](slot& s) {
        const entry* e = s.load();
        if (e && e->pid == self)
            remove_entry(e->path, e->directory, e->id);
    });
    r.sweeping.fetch_sub(1);
}

inline void at_exit() noexcept
{
    sweep();
}

// Slots probed by registrations, counted only in the tests (BOOST_TEMPFILE_TEST_HOOKS), which
// check that it stays linear.
BOOST_TEMPFILE_DETAIL_STATE std::atomic<std::size_t>& probes() noexcept;
#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
BOOST_TEMPFILE_DETAIL_STATE std::atomic<std::size_t>& probes() noexcept
{
    static std::atomic<std::size_t> n{0};
    return n;
}
#endif
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

// Prepares and publishes an entry for `p`; an empty handle if memory or identify fails (the
// object then lacks only the exit-time removal).
inline handle add(const filesystem::path& p, bool directory) noexcept
{
    const sys::native_string& native = p.native();
    sys::file_id id;
    if (!identify(native.c_str(), id))
        return {};
    const std::size_t bytes = (native.size() + 1) * sizeof(sys::native_char);
    entry* e = static_cast<entry*>(std::malloc(sizeof(entry) + bytes));
    if (!e)
        return {};
    e->pid = sys::getpid_uncached();
    e->directory = directory;
    e->id = id;
    e->path = reinterpret_cast<sys::native_char*>(e + 1);
    e->retired_next = nullptr;
    std::memcpy(e->path, native.c_str(), bytes);
    install(&sweep, &at_exit);
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
    if (e && state().sweeping.load() == 0) {
        std::free(e);
    } else if (e) {
        std::atomic<entry*>& list = state().retired;
        e->retired_next = list.load();
        while (!list.compare_exchange_weak(e->retired_next, e)) {
        }
    }
    h = handle();
}

} // namespace exit_cleanup
} // namespace detail

// A cleanup policy: as Base, and removed at exit or on SIGINT / SIGTERM / SIGHUP (Windows:
// console control events) if still there. Uses the optional hooks on_name / on_release (cleanup.hpp).
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
    using creation_guard = detail::exit_cleanup::creation_guard;

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
