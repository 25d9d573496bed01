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
#include <boost/tempfile/detail/posix.hpp>
#include <boost/tempfile/naming.hpp>
#include <boost/tempfile/policy.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <atomic>
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

// The current directory, or "." if it cannot be had.
inline std::string current_dir_native()
{
    std::string buf(256, '\0');
    for (;;) {
        if (::getcwd(&buf[0], buf.size())) {
            buf.resize(std::char_traits<char>::length(buf.c_str()));
            return buf;
        }
        if (errno != ERANGE)
            return ".";
        buf.resize(buf.size() * 2);
    }
}

// `p` made absolute against the current directory (no other normalisation), without
// trailing separators except for the root.
inline std::string absolute_native(std::string p)
{
    if (p.empty() || p[0] != '/') {
        std::string cwd = current_dir_native();
        if (p.empty() || p == ".")
            p = std::move(cwd);
        else
            p = cwd + (cwd.size() > 0 && cwd.back() == '/' ? "" : "/") + p;
    }
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    return p;
}

// Python's _candidate_tempdir_list(): TMPDIR, TEMP, TMP (unset or empty skipped; ignored in
// set-user-ID programs), /tmp, /var/tmp, /usr/tmp, then the current directory.
inline std::vector<std::string> candidate_tempdirs()
{
    std::vector<std::string> r;
    for (const char* var : {"TMPDIR", "TEMP", "TMP"}) {
        const char* v = sys::secure_getenv(var);
        if (v && *v)
            r.emplace_back(v);
    }
    for (const char* d : {"/tmp", "/var/tmp", "/usr/tmp"})
        r.emplace_back(d);
    r.push_back(current_dir_native());
    return r;
}

// Python's test of a candidate: a file can be created exclusively, written (4 bytes) and
// removed. Nothing is left behind, whatever fails.
inline bool usable_tempdir(const std::string& dir)
{
    std::string path = dir;
    if (path.empty() || path.back() != '/')
        path += '/';
    const std::size_t base = path.size();
    for (unsigned i = 0; i < default_max_attempts; ++i) {
        path.resize(base);
        path += "tmp";
        append_random<random::mt19937_64>(path, 8, name_alphabet);
        int fd = sys::open(path.c_str(), sys::exclusive_flags, 0600);
        if (fd == -EEXIST)
            continue;
        if (fd < 0)
            return false; // EACCES, ENOENT, ENOTDIR, EROFS, ...: the next candidate
        bool ok = sys::write_all(fd, "blat", 4) == 0;
        ok = sys::close(fd) == 0 && ok;
        ok = sys::unlink(path.c_str()) == 0 && ok;
        return ok;
    }
    return false;
}

// One value of the process-wide tempdir: its absolute name and, once pinned_temp_dir has asked
// for it, an O_PATH descriptor of the directory. The descriptor lives while the value is
// current or leased: set_tempdir / reset_tempdir retire the value, and the last lease closes
// it (the users count and the retired flag are a Dekker pair: seq_cst on both sides).
struct tempdir_entry
{
    static constexpr int unopened = -2; // fd: not opened yet (or the last try failed)
    static constexpr int gone = -3;     // fd: closed for good (retired)

    explicit tempdir_entry(std::string p) : path(std::move(p)) {}

    const std::string path;
    std::atomic<int> fd{unopened};
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
        int f = fd.exchange(gone);
        if (f >= 0)
            sys::close(f);
    }
    // The descriptor (opened on first use; two threads may race, one keeps its own), or -1.
    // Only while a lease is held.
    int descriptor() noexcept
    {
        int f = fd.load(std::memory_order_acquire);
        if (f >= 0)
            return f;
        int nf = sys::openat(AT_FDCWD, path.c_str(), sys::o_path | O_DIRECTORY | O_CLOEXEC);
        if (nf < 0)
            return -1; // EMFILE, EACCES, ...: this creation walks the name; the next one tries again
        int expected = unopened;
        if (fd.compare_exchange_strong(expected, nf, std::memory_order_acq_rel))
            return nf;
        sys::close(nf);
        return expected >= 0 ? expected : -1;
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

    tempdir_entry* publish(std::string s)
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
    std::vector<std::string> candidates = candidate_tempdirs();
    for (const std::string& d : candidates) {
        std::string abs = absolute_native(d);
        if (usable_tempdir(abs)) {
            clear(ec);
            return c.publish(std::move(abs));
        }
    }
    std::string what = "boost::tempfile::gettempdir: no usable temporary directory found in [";
    for (std::size_t i = 0; i < candidates.size(); ++i)
        what += (i ? ", '" : "'") + candidates[i] + "'";
    what += "]";
    report(ec, system::errc::no_such_file_or_directory, what.c_str());
    return nullptr;
}

inline const std::string* gettempdir_native(system::error_code* ec)
{
    tempdir_entry* e = gettempdir_entry(ec);
    return e ? &e->path : nullptr;
}

// A held descriptor of the tempdir (pinned_temp_dir): creation and removal go relative to
// fd(). Empty (fd() == AT_FDCWD: walk the name) for every other location, or when the
// directory could not be opened.
class dir_lease
{
public:
    dir_lease() = default;
    explicit dir_lease(tempdir_entry* e) noexcept
    {
        if (e && e->acquire()) {
            int f = e->descriptor();
            if (f >= 0) {
                e_ = e;
                fd_ = f;
            } else {
                e->release();
            }
        }
    }
    dir_lease(dir_lease&& o) noexcept : e_(std::exchange(o.e_, nullptr)), fd_(std::exchange(o.fd_, AT_FDCWD))
    {}
    dir_lease& operator=(dir_lease&& o) noexcept
    {
        if (this != &o) {
            reset();
            e_ = std::exchange(o.e_, nullptr);
            fd_ = std::exchange(o.fd_, AT_FDCWD);
        }
        return *this;
    }
    ~dir_lease() { reset(); }

    explicit operator bool() const noexcept { return e_ != nullptr; }
    int fd() const noexcept { return fd_; }
    tempdir_entry* entry() const noexcept { return e_; }

    void reset() noexcept
    {
        if (e_)
            std::exchange(e_, nullptr)->release();
        fd_ = AT_FDCWD;
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
    int fd_ = AT_FDCWD;
};

template <class CharT>
inline std::basic_string<CharT> decode_or_report(const std::string& native, system::error_code* ec,
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
    const std::string* p = detail::gettempdir_native(&ec);
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
    std::string abs = detail::absolute_native(dir.native());
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
        const std::string* p = detail::gettempdir_native(&ec);
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
        return filesystem::path(detail::current_dir_native());
    }
};

// $XDG_RUNTIME_DIR (per-user, 0700, usually tmpfs: for sockets, locks and short-lived
// secrets) when it is set, absolute and usable; otherwise the system_temp_dir search.
struct runtime_dir : location_policy
{
    static filesystem::path directory(system::error_code& ec)
    {
        const char* v = detail::sys::secure_getenv("XDG_RUNTIME_DIR");
        if (v && v[0] == '/' && detail::usable_tempdir(v)) {
            ec.clear();
            return filesystem::path(detail::absolute_native(v));
        }
        return system_temp_dir::directory(ec);
    }
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_LOCATION_HPP
