// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Shared helpers of the test suite. The portable layer is here: narrow/wide literals, the
// UTF-8 oracle, the skip decorators and reading a file object. What touches the system has a
// POSIX and a Windows implementation with the same names (test/common/platform_posix.hpp and
// test/common/platform_windows.hpp):
//
//   scratch            a fresh directory for one test, removed with everything in it
//   open_fds()         open descriptors (POSIX) / handles (Windows) of this process
//   env_guard          sets or unsets an environment variable for its lifetime (set_env)
//   exists(name)       an entry exists at the UTF-8 name (a link is not followed)
//   file_contents(name)  a file's content read by its UTF-8 name, or "<missing>"
//   write_file(name, content)  creates or truncates a file at the UTF-8 name
//   path_of(name)      the boost::filesystem::path of a UTF-8 name
//   close_fd(fd)       closes a descriptor mkstemp returned
//   remove_file(name)  removes a file by its UTF-8 name
//   is_open_handle(h), is_no_handle(h)  what native_handle() gives while open / after close
//   handle_size(h), handle_position(h), read_at(h, n, offset)  through a native handle
//   file_identity(h), link_count(h)  an open file's identity and its number of names
//   needs_small_fs(what)  a skip decorator for the cases that mount a small tmpfs (POSIX)
//   unnamed_file_entries  directory entries an open temporary_file has (0 POSIX, 1 Windows)
//   separator          "/" or "\\"
//
// and only on POSIX: umask_guard, child_wait_status, in_child (fork, optionally as the
// unprivileged user `nobody`), become_nobody, mode_of, put_file's exact mode, on_small_fs /
// can_mount_small_fs / fill_fs (ENOSPC), limit_file_size (EFBIG). A test case that needs them is POSIX-only: it is
// declared with the decorator `*test::posix_only("why")` and its body is compiled only under
// `#if BOOST_TEMPFILE_TEST_POSIX`; on Windows it is reported as skipped, with the reason.
//
// Options naming the directory to make an object in (test::file_in<CharT>(dir), dir_in,
// spooled_in...) are in test/common/options_common.hpp, which includes the library's options.hpp.

#ifndef BOOST_TEMPFILE_TEST_COMMON_HPP
#define BOOST_TEMPFILE_TEST_COMMON_HPP

#include <boost/filesystem/directory.hpp>
#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>
#include <boost/mpl/list.hpp>
#include <boost/test/tree/decorator.hpp>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <type_traits>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#if defined(_WIN32)
#define BOOST_TEMPFILE_TEST_POSIX 0
#define BOOST_TEMPFILE_TEST_WINDOWS 1
#define BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS 0
#else
#include <boost/tempfile/detail/posix/features.hpp>
#define BOOST_TEMPFILE_TEST_POSIX 1
#define BOOST_TEMPFILE_TEST_WINDOWS 0
// The library uses Linux's own calls (O_TMPFILE, renameat2, setfsuid...): not in the
// portable-POSIX configuration (BOOST_TEMPFILE_NO_LINUX_EXTENSIONS, build/test.sh --portable-posix).
#define BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS
#endif

// 1 when built with ThreadSanitizer (g++ says so by a macro, clang by __has_feature).
#if defined(__SANITIZE_THREAD__)
#define BOOST_TEMPFILE_TEST_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BOOST_TEMPFILE_TEST_TSAN 1
#endif
#endif
#if !defined(BOOST_TEMPFILE_TEST_TSAN)
#define BOOST_TEMPFILE_TEST_TSAN 0
#endif
// 1 when built with AddressSanitizer, likewise.
#if defined(__SANITIZE_ADDRESS__)
#define BOOST_TEMPFILE_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BOOST_TEMPFILE_TEST_ASAN 1
#endif
#endif
#if !defined(BOOST_TEMPFILE_TEST_ASAN)
#define BOOST_TEMPFILE_TEST_ASAN 0
#endif

// 1 in a coverage build (build/test.sh --coverage). Such a build measures which lines and
// branches run; the tests that repeat a race many times to meet a rare interleaving by chance
// (test_stress, test_exit_cleanup) run fewer rounds there: each forked child writes its counts
// at its end, and the plain builds (the suite, the sanitizers, Windows compiled separately)
// run the full rounds.
#if defined(BOOST_TEMPFILE_TEST_COVERAGE)
#define BOOST_TEMPFILE_TEST_COVERAGE_BUILD 1
#else
#define BOOST_TEMPFILE_TEST_COVERAGE_BUILD 0
#endif

namespace test {

namespace fs = boost::filesystem;

using char_types = boost::mpl::list<char, wchar_t>;

// "abc" as a std::basic_string<CharT> (ASCII only).
template <class CharT>
std::basic_string<CharT> lit(const char* s)
{
    std::string n(s);
    return std::basic_string<CharT>(n.begin(), n.end());
}

// UTF-8 of a wide string, written here independently of the library (it is the oracle the
// wide-name tests and the fuzzer check the library's encoding against). Every code point is
// encoded (UTF-16 surrogate pairs, where wchar_t is 16 bits, are combined first); false if one
// is not a Unicode scalar value (a lone surrogate, or above 0x10FFFF).
inline bool utf8(const std::wstring& w, std::string& out)
{
    bool valid = true;
    for (std::size_t i = 0; i < w.size(); ++i) {
        std::uint32_t c = static_cast<std::uint32_t>(w[i]);
        if (sizeof(wchar_t) == 2 && c >= 0xD800 && c <= 0xDBFF && i + 1 < w.size()) {
            std::uint32_t lo = static_cast<std::uint32_t>(w[i + 1]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                ++i;
            }
        }
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            valid = false;
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | ((c >> 18) & 0x07));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return valid;
}

// The narrow (UTF-8) form of a CharT string: identity for char, UTF-8 for wchar_t.
inline std::string narrow(const std::string& s) { return s; }
inline std::string narrow(const std::wstring& w)
{
    std::string out;
    utf8(w, out);
    return out;
}

// ---- skips: printed ("skipped: <reason>", which build/test.sh repeats) and counted by
// Boost.Test as skipped, never passed.

// A precondition that holds when `can_run()` (asked when the case is about to run) is true,
// else skips the case with `reason`.
inline boost::unit_test::decorator::precondition skip_unless(std::function<bool()> can_run, std::string reason)
{
    return boost::unit_test::decorator::precondition(
        [can_run, reason](boost::unit_test::test_unit_id) {
            bool run = can_run();
            boost::test_tools::assertion_result r(run);
            if (!run) {
                r.message() << reason;
                std::cout << "skipped: " << reason << std::endl;
            }
            return r;
        });
}
// (bool itself: a function would otherwise convert to `true` and never be called, and clang's
// -Wpointer-bool-conversion is the only warning; the std::function overload takes it.)
template <class Bool, std::enable_if_t<std::is_same_v<Bool, bool>, int> = 0>
inline boost::unit_test::decorator::precondition skip_unless(Bool run, std::string reason)
{
    return skip_unless([run] { return run; }, std::move(reason));
}

// A case that needs POSIX (fork, setuid, rlimits, /proc, signals, permission bits...).
inline boost::unit_test::decorator::precondition posix_only(const std::string& why)
{
    return skip_unless(BOOST_TEMPFILE_TEST_POSIX != 0, "POSIX only: " + why);
}

// A case about a Linux mechanism the library uses (O_TMPFILE, renameat2, setfsuid...), which
// the other POSIX systems, and the portable-POSIX configuration that takes their paths, lack.
inline boost::unit_test::decorator::precondition linux_only(const std::string& why)
{
    return skip_unless(BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS != 0, "Linux only: " + why);
}

// Why a case that removes a tree with no descriptor to spare is Linux only.
inline const std::string listing_needs_a_descriptor =
    "getdents64 lists a directory with no descriptor to spare; readdir (the other systems) needs one, "
    "so there cleanup() reports EMFILE first and keeps the directory (doc/platforms.adoc)";

// What temporary_file::link reports when it fails with `e` where it can name a file (Linux's
// O_TMPFILE); in the portable-POSIX configuration a file without a name never gets one, and
// link() reports operation_not_supported first, changing nothing.
inline boost::system::errc::errc_t link_error(boost::system::errc::errc_t e)
{
    return BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS ? e : boost::system::errc::operation_not_supported;
}

// A case about Windows' own semantics.
inline boost::unit_test::decorator::precondition windows_only(const std::string& why)
{
    return skip_unless(BOOST_TEMPFILE_TEST_WINDOWS != 0, "Windows only: " + why);
}

// A case about Windows' own semantics that also needs `can_run()` there (asked only on
// Windows; when it is false the case is skipped with `reason`).
inline boost::unit_test::decorator::precondition windows_only(const std::string& why, std::function<bool()> can_run,
                                                              std::string reason)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    (void)why;
    return skip_unless(std::move(can_run), std::move(reason));
#else
    (void)can_run;
    (void)reason;
    return windows_only(why);
#endif
}

// A file object's whole content, read from the start through the object.
template <class File>
std::string contents(File& f)
{
    f.seek(0);
    std::string r;
    char buf[256];
    while (std::size_t n = f.read(buf, sizeof buf))
        r.append(buf, n);
    return r;
}

} // namespace test

#if BOOST_TEMPFILE_TEST_WINDOWS
#include "platform_windows.hpp"
#else
#include "platform_posix.hpp"
#include "coverage_hook.hpp"
#endif

namespace test {

// Sets (or unsets, with nullptr) an environment variable for the guard's lifetime.
struct env_guard
{
    std::string name;
    bool had;
    std::string old;
    env_guard(const char* n, const char* v) : name(n)
    {
        const char* o = std::getenv(n);
        had = o != nullptr;
        if (had)
            old = o;
        set_env(n, v);
    }
    ~env_guard() { set_env(name.c_str(), had ? old.c_str() : nullptr); }
    env_guard(const env_guard&) = delete;
    env_guard& operator=(const env_guard&) = delete;
};

} // namespace test

#endif
