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
// ignored. After the removal, the previous disposition is restored and the signal raised
// again, so that the process dies of it (or the previous handler runs). doc/reference/exit_cleanup.md has
// the details: what the handler does, and what it cannot do.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/cleanup.hpp>
#include <boost/tempfile/detail/platform.hpp>
#include <boost/tempfile/policy.hpp>

#include <boost/filesystem/path.hpp>

#include <atomic>
#include <cerrno>
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
    sys::pid_type pid; // the creating process: only it removes
    bool directory;    // removal of the tree, else of the file
    sys::file_id id;   // identity at registration: a name replaced since then is left alone
    sys::native_char* path; // absolute, NUL-terminated, allocated with the entry
};

// Slots in fixed-size chunks, linked and never freed; a slot is claimed with a CAS, so
// registration takes no lock and a handler can walk the table at any moment.
inline constexpr std::size_t chunk_slots = 256;
struct chunk
{
    std::atomic<entry*> slots[chunk_slots];
    std::atomic<chunk*> next;
};

struct registry
{
    chunk first{};
    std::atomic<int> sweeping{0}; // handlers (or atexit) walking the table now
};

inline registry& state() noexcept
{
    static registry r; // constant-initialised: no guard is ever taken in a handler
    return r;
}

// Removes every name this process registered. Called by the handlers and at exit.
inline void sweep() noexcept
{
    registry& r = state();
    r.sweeping.fetch_add(1);
    const sys::pid_type self = sys::getpid_uncached();
    for (chunk* c = &r.first; c; c = c->next.load()) {
        for (std::atomic<entry*>& s : c->slots) {
            const entry* e = s.load();
            if (e && e->pid == self)
                remove_entry(e->path, e->directory, e->id);
        }
    }
    r.sweeping.fetch_sub(1);
}

inline void at_exit() noexcept
{
    sweep();
}

// A registration: the slot claimed and the entry in it.
struct handle
{
    std::atomic<entry*>* slot = nullptr;
    entry* e = nullptr;
};

// Prepares and publishes an entry for `p`; an empty handle if memory or lstat fails (the
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
    std::memcpy(e->path, native.c_str(), bytes);
    install(&sweep, &at_exit);
    registry& r = state();
    for (chunk* c = &r.first;;) {
        for (std::atomic<entry*>& s : c->slots) {
            entry* expected = nullptr;
            if (!s.load(std::memory_order_relaxed) && s.compare_exchange_strong(expected, e))
                return {&s, e};
        }
        chunk* next = c->next.load();
        if (!next) {
            chunk* fresh = new (std::nothrow) chunk();
            if (!fresh) {
                std::free(e);
                return {};
            }
            if (c->next.compare_exchange_strong(next, fresh))
                next = fresh;
            else
                delete fresh; // another thread linked one first: `next` holds it
        }
        c = next;
    }
}

// Withdraws a registration. The entry is freed unless a handler may be reading it (the
// process is then ending anyway, and the entry is left to it).
inline void remove(handle& h) noexcept
{
    if (!h.slot)
        return;
    entry* e = h.slot->exchange(nullptr);
    if (e && state().sweeping.load() == 0)
        std::free(e);
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
