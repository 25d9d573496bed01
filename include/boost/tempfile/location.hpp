// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_LOCATION_HPP
#define BOOST_TEMPFILE_LOCATION_HPP

// Location policies: the directory used when the options name none; and Python's
// gettempprefix / gettempdir / tempdir (set_tempdir, reset_tempdir).
//
// A type L is a location policy if is_location_policy<L> holds and
// `L::directory(ec)` (ec a system::error_code&) returns an absolute filesystem::path, or
// sets ec and returns an empty path.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/platform.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/policy.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace boost {
namespace tempfile {

// Python's gettempprefix(): "tmp".
template <class CharT = char>
inline std::basic_string<CharT> gettempprefix()
{
    static_assert(detail::is_char_type_v<CharT>, "boost::tempfile: CharT must be char or wchar_t");
    return detail::widen_ascii<CharT>("tmp");
}

namespace detail {

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

// Python's _candidate_tempdir_list() (the platform's list: DESIGN §5).
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
        append_random<secure_random>(path, 8, name_alphabet);
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
// for it, a held handle of the directory (POSIX: O_PATH; Windows holds none). The descriptor lives while the value is
// current or leased: set_tempdir / reset_tempdir retire the value, and the last lease closes
// it (the users count and the retired flag are a Dekker pair: seq_cst on both sides).
struct tempdir_entry
{
    static constexpr std::intptr_t unopened = -2; // fd: not opened yet (or the last try failed)
    static constexpr std::intptr_t gone = -3;     // fd: closed for good (retired)

    explicit tempdir_entry(sys::native_string p) : path(std::move(p)) {}

    const sys::native_string path;
    std::atomic<std::intptr_t> fd{unopened}; // sys::dir_bits of the held directory, or the above
    std::atomic<unsigned> users{0};
    std::atomic<bool> retired{false};

    bool acquire() noexcept
    {
        users.fetch_add(1);
        if (!retired.load())
            return true;
        release();
        return false;
    }
    void release() noexcept
    {
        if (users.fetch_sub(1) == 1 && retired.load())
            close_fd();
    }
    void retire() noexcept
    {
        retired.store(true);
        if (users.load() == 0)
            close_fd();
    }
    void close_fd() noexcept
    {
        std::intptr_t f = fd.exchange(gone);
        if (f >= 0)
            sys::close(sys::dir_from_bits(f));
    }
    // The held directory (opened on first use; two threads may race, one keeps its own);
    // false if it cannot be had. Only while a lease is held.
    bool descriptor(sys::dir_type& out) noexcept
    {
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

// The process-wide tempdir: an immutable entry published through an atomic pointer, so that
// the cached read is one load; searching and setting happen under a lock. Entries replaced by
// set_tempdir / reset_tempdir stay allocated (a reader may still hold them).
struct tempdir_cache
{
    std::mutex lock;
    std::atomic<tempdir_entry*> current{nullptr};
    std::vector<std::unique_ptr<tempdir_entry>> values;

    tempdir_entry* publish(sys::native_string s)
    {
        values.push_back(std::make_unique<tempdir_entry>(std::move(s)));
        tempdir_entry* p = values.back().get();
        if (tempdir_entry* old = current.exchange(p, std::memory_order_acq_rel))
            old->retire();
        return p;
    }
    void reset()
    {
        if (tempdir_entry* old = current.exchange(nullptr, std::memory_order_acq_rel))
            old->retire();
    }
};

inline tempdir_cache& tempdir_state()
{
    static tempdir_cache* c = new tempdir_cache; // never destroyed: usable during exit
    return *c;
}

// The default directory (searched once, then cached), or nullptr with *ec set / an exception.
inline tempdir_entry* gettempdir_entry(system::error_code* ec)
{
    tempdir_cache& c = tempdir_state();
    if (tempdir_entry* p = c.current.load(std::memory_order_acquire)) {
        clear(ec);
        return p;
    }
    std::lock_guard<std::mutex> g(c.lock);
    if (tempdir_entry* p = c.current.load(std::memory_order_acquire)) {
        clear(ec);
        return p;
    }
    std::vector<sys::native_string> candidates = candidate_tempdirs();
    for (const sys::native_string& d : candidates) {
        sys::native_string abs = absolute_native(d);
        if (usable_tempdir(abs)) {
            clear(ec);
            return c.publish(std::move(abs));
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
    return nullptr;
}

inline const sys::native_string* gettempdir_native(system::error_code* ec)
{
    tempdir_entry* e = gettempdir_entry(ec);
    return e ? &e->path : nullptr;
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
        tempdir_entry* old = e_;
        reset();
        if (!old)
            return;
        tempdir_cache& c = tempdir_state();
        tempdir_entry* now = nullptr;
        try {
            std::lock_guard<std::mutex> g(c.lock);
            now = c.current.load(std::memory_order_acquire);
            if (now == old)
                now = c.publish(old->path);
        } catch (...) { // no memory, or the lock failed: walk the name
            return;
        }
        if (now && now->path == old->path)
            *this = dir_lease(now);
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

// Python's gettempdir(): the default directory, absolute; searched once, then cached.
template <class CharT = char>
inline std::basic_string<CharT> gettempdir()
{
    static_assert(detail::is_char_type_v<CharT>, "boost::tempfile: CharT must be char or wchar_t");
    return detail::decode_or_report<CharT>(*detail::gettempdir_native(nullptr), nullptr, "boost::tempfile::gettempdir");
}

template <class CharT = char>
inline std::basic_string<CharT> gettempdir(system::error_code& ec)
{
    static_assert(detail::is_char_type_v<CharT>, "boost::tempfile: CharT must be char or wchar_t");
    const detail::sys::native_string* p = detail::gettempdir_native(&ec);
    if (!p)
        return {};
    return detail::decode_or_report<CharT>(*p, &ec, "boost::tempfile::gettempdir");
}

// Python's `tempfile.tempdir = dir`: used from now on, unchecked (a relative dir is made
// absolute now). `reset_tempdir()` is `tempfile.tempdir = None`: the next use searches again,
// re-reading the environment.
inline void set_tempdir(const filesystem::path& dir)
{
    detail::tempdir_cache& c = detail::tempdir_state();
    detail::sys::native_string abs = detail::absolute_native(dir.native());
    std::lock_guard<std::mutex> g(c.lock);
    c.publish(std::move(abs));
}

inline void reset_tempdir()
{
    detail::tempdir_cache& c = detail::tempdir_state();
    std::lock_guard<std::mutex> g(c.lock);
    c.reset();
}

// The default location: Python's search (gettempdir), or what set_tempdir chose.
struct system_temp_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec)
    {
        const detail::sys::native_string* p = detail::gettempdir_native(&ec);
        return p ? filesystem::path(*p) : filesystem::path();
    }
};

// The default location, held open: the directory system_temp_dir names, opened once
// (O_PATH) and kept while it is the tempdir value. Files and directories are created and
// removed relative to that descriptor, as openat/unlinkat do: no walk of the name per
// creation (the system-call floor's cost), and a later rename of the directory, a mount over
// it or a symlink swapped into its name does not move where files go or what is removed.
// set_tempdir / reset_tempdir let go of it (objects alive keep theirs); a held directory that
// was removed is opened again by name at the next creation.
struct pinned_temp_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec) { return system_temp_dir::directory(ec); }
};

namespace detail {
// The location policies whose objects create relative to a held directory descriptor.
template <class Location>
struct is_pinned : std::is_same<Location, pinned_temp_dir>
{};
} // namespace detail

// The current working directory, read at each creation.
struct current_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec)
    {
        ec.clear();
        return filesystem::path(detail::sys::current_dir());
    }
};

// $XDG_RUNTIME_DIR (per-user, 0700, usually tmpfs: for sockets, locks and short-lived
// secrets) when it is set, absolute and usable; otherwise (and always on Windows) the
// system_temp_dir search.
struct runtime_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec)
    {
        const detail::sys::native_char* v = detail::sys::runtime_dir();
        if (v && detail::usable_tempdir(v)) {
            ec.clear();
            return filesystem::path(detail::absolute_native(v));
        }
        return system_temp_dir::directory(ec);
    }
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_LOCATION_HPP
