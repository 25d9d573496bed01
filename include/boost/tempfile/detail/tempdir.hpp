// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_TEMPDIR_HPP
#define BOOST_TEMPFILE_DETAIL_TEMPDIR_HPP

// The process-wide tempdir behind gettempdir(), set_tempdir() and the location policies that use
// it (location.hpp): Python's search of the candidates, the cached value shared by every thread
// without a lock, and the held directory handle of pinned_temp_dir (dir_lease).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/csprng.hpp>
#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/detail/test_hooks.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace boost {
namespace tempfile {
namespace detail {

// How a location policy's directory is found: by default L::directory(ec), at each creation.
// location.hpp says which policies use the cached tempdir value instead (no copy of its name per
// creation), and which of those hold it open (creation and removal relative to its handle).
template <class Location>
struct location_traits
{
    static constexpr bool uses_tempdir = false;
    static constexpr bool pinned = false;
};

// The location policies whose objects create relative to a held directory handle.
template <class Location>
struct is_pinned : std::bool_constant<location_traits<Location>::pinned>
{
};

// Number of names tried per candidate directory and, by default, per creation (Python main's
// TMP_MAX = 20: over 40 random bits a name make a collision-free run of 20 certain in practice,
// and a bound this small keeps a non-writable directory from spinning).
inline constexpr unsigned default_max_attempts = 20;

// `p` made absolute against the current directory (no other normalisation on POSIX; Windows:
// GetFullPathNameW), without trailing separators except for the root.
inline sys::native_string absolute_native(sys::native_string p)
{
    return sys::absolute(std::move(p));
}

// Python's _candidate_tempdir_list() (the platform's list: DESIGN section 5).
using sys::candidate_tempdirs;

// Python's test of a candidate: a file can be created exclusively, written (4 bytes) and
// removed. Nothing is left behind, whatever fails.
inline bool usable_tempdir(const sys::native_string& dir)
{
    sys::native_string path = dir;
    if (path.empty() || !sys::is_separator(path.back()))
        path += sys::separator;
    const std::size_t base = path.size();
    for (unsigned i = 0; i < default_max_attempts; ++i) {
        path.resize(base);
        append_native(path, std::string_view("tmp"));
        append_symbols(path, 8, python_alphabet, [] { return csprng::next(); });
        sys::handle_type h = sys::invalid_handle;
        int r = sys::create_file(sys::no_dir, path.c_str(), h);
        if (r == -sys::err::exists)
            continue;
        if (r < 0)
            return false; // EACCES, ENOENT, ENOTDIR, EROFS, ...: the next candidate
        bool ok = sys::write_all(h, "blat", 4) == 0;
        ok = sys::close(h) == 0 && ok;
        ok = sys::remove_at(sys::no_dir, path.c_str(), false) == 0 && ok;
        return ok;
    }
    return false;
}

// One value of the process-wide tempdir: its absolute name and, once pinned_temp_dir has asked
// for it, a held handle of the directory (POSIX: O_PATH; Windows holds none). `state` counts
// who holds the value (a tempdir_ref, a dir_lease) and says whether it is retired, in one
// word. The descriptor lives while the value is current or leased: set_tempdir /
// reset_tempdir retire the value, and whoever sees the count at 0 with the value retired
// closes it; the value itself is freed by a later set_tempdir / reset_tempdir once nobody
// holds it (tempdir_cache::reclaim).
// One word, not a count and a flag: with two, the last lease could count itself out, a new
// lease come in (not retired yet), set_tempdir retire the value (a user: no close), and the
// old lease then see "retired" and close the descriptor under the new one (which then
// removed its file through a closed, or reused, descriptor).
// Threads between loading a tempdir value and counting themselves a user of it, or between
// counting themselves out and their last touch of it: tempdir_cache frees no value while this
// is not 0 (see tempdir_cache::reclaim).
BOOST_TEMPFILE_DETAIL_STATE std::atomic<unsigned>& tempdir_readers() noexcept;
#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
BOOST_TEMPFILE_DETAIL_STATE std::atomic<unsigned>& tempdir_readers() noexcept
{
    static std::atomic<unsigned> n{0};
    return n;
}
#endif

struct tempdir_entry
{
    static constexpr std::intptr_t unopened = -2; // fd: not opened yet (or the last try failed)
    static constexpr std::intptr_t gone = -3;     // fd: closed for good (retired)
    static constexpr unsigned retired_bit = 1;    // state: set_tempdir / reset_tempdir replaced it
    static constexpr unsigned one_user = 2;       // state: the count, above the bit

    explicit tempdir_entry(sys::native_string p) : path(std::move(p)) {}

    const sys::native_string path;
    std::atomic<std::intptr_t> fd{unopened}; // sys::dir_bits of the held directory, or the above
    std::atomic<unsigned> state{0};          // users * one_user, | retired_bit
    bool unused = false;                     // tempdir_cache::reclaim's mark, under its lock

    unsigned users() const noexcept { return state.load() / one_user; }

    void hold() noexcept { state.fetch_add(one_user); }
    // A lease: only on a value not retired (a retired one's descriptor may be closed already).
    bool acquire() noexcept
    {
        if ((state.fetch_add(one_user) & retired_bit) == 0)
            return true;
        release();
        return false;
    }
    void release() noexcept
    {
        std::atomic<unsigned>& readers = tempdir_readers(); // this entry is touched after the count
        readers.fetch_add(1);
        const unsigned was = state.fetch_sub(one_user);
        BOOST_TEMPFILE_DETAIL_HOOK(::boost::tempfile::detail::lease_release_hook, path.c_str());
        if (was == one_user + retired_bit) // the last user of a retired value: no lease can come
            close_fd();
        readers.fetch_sub(1);
    }
    void retire() noexcept
    {
        if (state.fetch_or(retired_bit) == 0) // nobody holds it
            close_fd();
    }
    void close_fd() noexcept
    {
        std::intptr_t f = fd.exchange(gone);
        if constexpr (sys::holds_directories) { // (else nothing was ever opened: descriptor())
            if (f >= 0)
                sys::close(sys::dir_from_bits(f));
        }
    }
    // The held directory (opened on first use; two threads may race, one keeps its own);
    // false if it cannot be had. Only while a lease is held.
    bool descriptor(sys::dir_type& out) noexcept
    {
        if constexpr (!sys::holds_directories) { // (no code for it where no directory is held)
            (void)out;
            return false;
        }
        std::intptr_t f = fd.load(std::memory_order_acquire);
        if (f >= 0) {
            out = sys::dir_from_bits(f);
            return true;
        }
        sys::dir_type nd;
        if (sys::open_dir_pin(path.c_str(), nd) < 0)
            return false; // EMFILE, EACCES, ...: this creation walks the name; the next one tries again
        std::intptr_t expected = unopened;
        if (fd.compare_exchange_strong(expected, sys::dir_bits(nd), std::memory_order_acq_rel)) {
            out = nd;
            return true;
        }
        sys::close(nd);
        if (expected < 0)
            return false;
        out = sys::dir_from_bits(expected);
        return true;
    }
};

// A counted hold on a tempdir value (users + 1): the value, its path and descriptor stay valid
// while it is held.
class tempdir_ref
{
public:
    tempdir_ref() = default;
    explicit tempdir_ref(tempdir_entry* counted) noexcept : e_(counted) {}
    tempdir_ref(tempdir_ref&& o) noexcept : e_(std::exchange(o.e_, nullptr)) {}
    tempdir_ref& operator=(tempdir_ref&& o) noexcept
    {
        if (this != &o) {
            reset();
            e_ = std::exchange(o.e_, nullptr);
        }
        return *this;
    }
    ~tempdir_ref() { reset(); }
    void reset() noexcept
    {
        if (e_)
            std::exchange(e_, nullptr)->release();
    }
    tempdir_entry* get() const noexcept { return e_; }
    tempdir_entry* operator->() const noexcept { return e_; }
    explicit operator bool() const noexcept { return e_ != nullptr; }

private:
    tempdir_entry* e_ = nullptr;
};

// The process-wide tempdir: an immutable entry published through an atomic pointer; searching
// and setting happen under a lock. A reader takes a counted hold without a lock: inside a
// window counted by `readers` it loads the pointer and counts itself a user of the entry.
// Entries replaced by set_tempdir / reset_tempdir are freed by a later call once `readers`
// has been seen at 0 after they were replaced (every reader that could have loaded them has
// counted itself by then) and they have no user: 100 000 set_tempdir calls no longer keep
// 100 000 values.
struct tempdir_cache
{
    std::mutex lock;
    std::atomic<tempdir_entry*> current{nullptr};
    std::atomic<unsigned long> generation{0}; // moves with current (under the lock); 0: none yet
    std::vector<std::unique_ptr<tempdir_entry>> values; // the current value first, then retired ones

    // f(current value) inside the readers window, without holding it (f copies what it needs
    // and must not block); false, f not called, if there is none. Two atomic operations.
    template <class F>
    bool read_current(F&& f)
    {
        struct window
        {
            std::atomic<unsigned>& n;
            ~window() { n.fetch_sub(1); }
        } w{tempdir_readers()};
        w.n.fetch_add(1);
        tempdir_entry* p = current.load();
        if (p)
            f(static_cast<const tempdir_entry&>(*p));
        return p != nullptr;
    }

    // The current value, held; empty if none. Lock-free: three atomic operations (three more
    // to let it go).
    tempdir_ref hold_current() noexcept
    {
        std::atomic<unsigned>& readers = tempdir_readers();
        readers.fetch_add(1);
        tempdir_entry* p = current.load();
        if (p)
            p->hold();
        readers.fetch_sub(1);
        return tempdir_ref(p);
    }

    // Under the lock.
    tempdir_entry* publish(sys::native_string s)
    {
        values.reserve(values.size() + 1); // the push_back below cannot throw after the swap
        auto e = std::make_unique<tempdir_entry>(std::move(s));
        tempdir_entry* p = e.get();
        retire(current.exchange(p));
        generation.fetch_add(1);
        values.push_back(std::move(e));
        reclaim();
        return p;
    }
    void reset()
    {
        retire(current.exchange(nullptr));
        generation.fetch_add(1);
        reclaim();
    }

private:
    static void retire(tempdir_entry* old) noexcept
    {
        if (old)
            old->retire();
    }
    // Frees the retired values nobody holds. Under the lock, after current changed. readers at
    // 0 first: every thread that loaded a retired value has counted itself (no new user can
    // come: the value is not current); then users at 0; then readers at 0 again: every thread
    // that counted itself out before has finished touching the value. Otherwise the values
    // stay for a later call (set_tempdir / reset_tempdir), never blocking.
    void reclaim() noexcept
    {
        std::atomic<unsigned>& readers = tempdir_readers();
        if (readers.load() != 0)
            return;
        tempdir_entry* now = current.load();
        std::size_t unused = 0;
        for (auto& v : values)
            unused += v->unused = v.get() != now && v->users() == 0;
        if (unused == 0 || readers.load() != 0)
            return;
        std::size_t kept = 0;
        for (auto& v : values)
            if (!v->unused) // not a second look at users: one counted out since may still touch it
                values[kept++] = std::move(v);
        values.resize(kept);
    }
};

BOOST_TEMPFILE_DETAIL_STATE tempdir_cache& tempdir_state();
#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
BOOST_TEMPFILE_DETAIL_STATE tempdir_cache& tempdir_state()
{
    static tempdir_cache* c = new tempdir_cache; // never destroyed: usable during exit
    return *c;
}
#endif

// The default directory (searched once, then cached), held; empty with *ec set / an exception.
inline tempdir_ref gettempdir_entry(system::error_code* ec)
{
    tempdir_cache& c = tempdir_state();
    if (tempdir_ref p = c.hold_current()) {
        clear(ec);
        return p;
    }
    std::lock_guard<std::mutex> g(c.lock);
    if (tempdir_ref p = c.hold_current()) {
        clear(ec);
        return p;
    }
    std::vector<sys::native_string> candidates = candidate_tempdirs();
    for (const sys::native_string& d : candidates) {
        sys::native_string abs = absolute_native(d);
        if (usable_tempdir(abs)) {
            clear(ec);
            c.publish(std::move(abs));
            return c.hold_current();
        }
    }
    std::string what = "boost::tempfile::gettempdir: no usable temporary directory found in [";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        std::string utf8;
        append_native(utf8, sys::native_string_view(candidates[i]));
        what += (i ? ", '" : "'") + utf8 + "'";
    }
    what += "]";
    report(ec, system::errc::no_such_file_or_directory, what.c_str());
    return {};
}

// The calling thread's copy of the default directory's name, valid while the cache's
// generation is `generation`.
struct tempdir_copy
{
    unsigned long generation = 0;
    sys::native_string path;
};
BOOST_TEMPFILE_DETAIL_STATE tempdir_copy& thread_tempdir_copy();
#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
BOOST_TEMPFILE_DETAIL_STATE tempdir_copy& thread_tempdir_copy()
{
    static thread_local tempdir_copy c;
    return c;
}
#endif

// f(the default directory's name), searching first if needed; false with *ec set / an
// exception if there is none. The cached case is one load (the generation) and the thread's
// own copy: no atomic read-modify-write, nothing held.
template <class F>
inline bool with_tempdir(system::error_code* ec, F&& f)
{
    clear(ec); // before f, which may report
    tempdir_cache& c = tempdir_state();
    tempdir_copy& mine = thread_tempdir_copy();
    const unsigned long g = c.generation.load(std::memory_order_acquire);
    if (g != 0 && mine.generation == g) {
        f(static_cast<const sys::native_string&>(mine.path));
        return true;
    }
    if (c.read_current([&](const tempdir_entry& e) { mine.path = e.path; })) {
        mine.generation = g; // the value read is g's or newer: at worst read again next time
        f(static_cast<const sys::native_string&>(mine.path));
        return true;
    }
    tempdir_ref p = gettempdir_entry(ec);
    if (p)
        f(p->path);
    return static_cast<bool>(p);
}

// A held handle of the tempdir (pinned_temp_dir): creation and removal go relative to dir().
// Empty (dir() == sys::no_dir: walk the name) for every other location, or when the
// directory could not be opened.
class dir_lease
{
public:
    dir_lease() = default;
    explicit dir_lease(tempdir_entry* e) noexcept
    {
        if (e && e->acquire()) {
            if (e->descriptor(dir_))
                e_ = e;
            else
                e->release();
        }
    }
    dir_lease(dir_lease&& o) noexcept : e_(std::exchange(o.e_, nullptr)), dir_(std::exchange(o.dir_, sys::no_dir))
    {}
    dir_lease& operator=(dir_lease&& o) noexcept
    {
        if (this != &o) {
            reset();
            e_ = std::exchange(o.e_, nullptr);
            dir_ = std::exchange(o.dir_, sys::no_dir);
        }
        return *this;
    }
    ~dir_lease() { reset(); }

    explicit operator bool() const noexcept { return e_ != nullptr; }
    sys::dir_type dir() const noexcept { return dir_; }
    tempdir_entry* entry() const noexcept { return e_; }

    void reset() noexcept
    {
        if (e_)
            std::exchange(e_, nullptr)->release();
        dir_ = sys::no_dir;
    }

    // The held directory was removed (a creation in it gave ENOENT): if its name now leads to
    // a directory again, pin that one (the tempdir value is republished); else hold nothing.
    void renew() noexcept
    {
        if (!e_)
            return;
        tempdir_cache& c = tempdir_state();
        try {
            std::lock_guard<std::mutex> g(c.lock); // nothing is freed meanwhile; our lease holds old
            tempdir_entry* old = e_;
            tempdir_entry* now = c.current.load();
            if (now == old)
                now = c.publish(old->path);
            if (now && now->path == old->path)
                *this = dir_lease(now); // lets go of old (its descriptor closes if retired)
            else
                reset();
        } catch (...) { // no memory, or the lock failed: walk the name
            reset();
        }
    }

private:
    tempdir_entry* e_ = nullptr;
    sys::dir_type dir_ = sys::no_dir;
};

template <class CharT>
inline std::basic_string<CharT> decode_or_report(const sys::native_string& native, system::error_code* ec,
                                                 const char* what)
{
    std::basic_string<CharT> r;
    if (!from_native(native, r)) {
        report(ec, system::errc::illegal_byte_sequence, what, filesystem::path(native));
        return {};
    }
    return r;
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_TEMPDIR_HPP
