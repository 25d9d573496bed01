// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// spooled_temporary_file: Python's rollover rules to the byte (CPython's test_write_sequential,
// test_rewrite_small, test_sparse, test_writelines_rollover, test_truncate_with_size_parameter),
// rollover() and native_handle() forcing it, the position kept, stream() before and after,
// and a failed rollover (EFBIG, EACCES) leaving the data in memory, intact, no fd leaked.

#define BOOST_TEST_MODULE spooled
#if defined(_WIN32)
#define BOOST_TEMPFILE_TEST_HOOKS // detail::sys::injected(): the faults of the rollover cases
#endif
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#if BOOST_TEMPFILE_TEST_POSIX
#include <sys/resource.h>
#endif

namespace tf = boost::tempfile;

#if BOOST_TEMPFILE_TEST_WINDOWS
namespace {
// While it lives, the library's call `c` fails with the Win32 error `e` (sys::injected).
tf::detail::sys::call g_failing;
DWORD g_failure;
int fail_injected(tf::detail::sys::call c) noexcept
{
    return c == g_failing ? -static_cast<int>(g_failure) : 0;
}
struct fail_call
{
    fail_call(tf::detail::sys::call c, DWORD e)
    {
        g_failing = c;
        g_failure = e;
        tf::detail::test_hook<tf::detail::sys::inject_fn>() = &fail_injected;
    }
    ~fail_call() { tf::detail::test_hook<tf::detail::sys::inject_fn>() = nullptr; }
};
} // namespace
#endif
using test::lit;

namespace {

template <class File>
std::string contents(File& f)
{
    std::int64_t pos = f.tell();
    f.seek(0);
    std::string r;
    char buf[256];
    while (std::size_t n = f.read(buf, sizeof buf))
        r.append(buf, n);
    f.seek(pos);
    return r;
}

// A range whose elements note whether the file had rolled over when each was taken.
template <class File>
struct watching_range
{
    File* f;
    std::vector<std::string> items;
    std::vector<bool>* seen;
    struct iterator
    {
        const watching_range* r;
        std::size_t i;
        std::string_view operator*() const
        {
            r->seen->push_back(r->f->rolled_over());
            return r->items[i];
        }
        iterator& operator++()
        {
            ++i;
            return *this;
        }
        bool operator!=(const iterator& o) const { return i != o.i; }
    };
    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, items.size()}; }
};

} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(stays_in_memory_until_the_position_passes_max_size, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 30));
    BOOST_TEST(f.is_open());
    BOOST_TEST(!f.rolled_over());
    f.write(std::string(20, 'x'));
    BOOST_TEST(!f.rolled_over());
    f.write(std::string(10, 'x')); // exactly max_size
    BOOST_TEST(!f.rolled_over());
    f.write("x"); // one past
    BOOST_TEST(f.rolled_over());
    BOOST_TEST(s.entries().size() == test::unnamed_file_entries); // anonymous
    BOOST_TEST(f.tell() == 31);
    BOOST_TEST(contents(f) == std::string(31, 'x'));
    BOOST_TEST(test::handle_size(f.native_handle()) == 31);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(rewrites_at_zero_never_roll, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 30));
    for (int i = 0; i < 100; ++i) {
        f.seek(0);
        f.write(std::string(30, static_cast<char>('a' + i % 26)));
    }
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(contents(f) == std::string(30, 'a' + 99 % 26));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(sparse_write_rolls_over, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 30));
    BOOST_TEST(f.seek(100) == 100);
    BOOST_TEST(!f.rolled_over()); // seeking alone does not
    f.write("x");
    BOOST_TEST(f.rolled_over());
    BOOST_TEST(f.tell() == 101);
    BOOST_TEST(contents(f) == std::string(100, '\0') + "x");
}

// Python: an empty write changes nothing in memory, and is still followed by _check(), so one
// at a position past max_size rolls over (the file then has the data, not the hole).
BOOST_AUTO_TEST_CASE_TEMPLATE(empty_write_rolls_over_only_past_max_size, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 30));
    f.write("abc");
    f.write("");
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(f.tell() == 3);
    BOOST_TEST(contents(f) == "abc");
    BOOST_TEST(f.seek(30) == 30);
    f.write(""); // at max_size: not past it
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(f.seek(31) == 31);
    f.write("");
    BOOST_TEST(f.rolled_over());
    BOOST_TEST(f.tell() == 31);
    BOOST_TEST(test::handle_size(f.native_handle()) == 3); // nothing written: no hole
    BOOST_TEST(contents(f) == "abc");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(max_size_zero_never_rolls_on_write, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 0));
    std::string chunk(4096, 'q');
    for (int i = 0; i < 256; ++i) // 1 MiB, in memory (grown geometrically)
        f.write(chunk);
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(f.tell() == 256 * 4096);
    f.seek(4096 * 100 + 5);
    char c = 0;
    BOOST_TEST(f.read(&c, 1) == 1u);
    BOOST_TEST(c == 'q');
    f.truncate(0); // not above max_size: in memory
    BOOST_TEST(!f.rolled_over());
    f.write("qq");
    f.truncate(1); // any size above max_size = 0 rolls (Python's truncate(size > max_size))
    BOOST_TEST(f.rolled_over());
    BOOST_TEST(contents(f) == std::string(1, '\0'));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(writelines_rolls_over_mid_sequence, CharT, test::char_types)
{
    test::scratch s;
    using file = tf::basic_temp_file<CharT, tf::spooled_file<>>;
    file f(test::spooled_in<CharT>(s.dir, 35));
    std::vector<bool> seen;
    watching_range<file> r{&f, {std::string(20, 'a'), std::string(20, 'b'), std::string(20, 'c')}, &seen};
    f.writelines(r);
    BOOST_TEST(seen.size() == 3u);
    BOOST_TEST(!seen[0]);
    BOOST_TEST(!seen[1]);
    BOOST_TEST(seen[2]); // the second line rolled over; the rest went to the file
    BOOST_TEST(f.rolled_over());
    BOOST_TEST(contents(f) == std::string(20, 'a') + std::string(20, 'b') + std::string(20, 'c'));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(truncate_past_max_size_rolls_over_and_extends, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 10));
    f.write("abcdefgh");
    f.truncate(10); // not past max_size: in memory (extended with zeros)
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(contents(f) == std::string("abcdefgh\0\0", 10));
    f.truncate(20);
    BOOST_TEST(f.rolled_over());
    BOOST_TEST(test::handle_size(f.native_handle()) == 20);
    BOOST_TEST(f.tell() == 8); // the position did not move
}

BOOST_AUTO_TEST_CASE_TEMPLATE(rollover_and_native_handle_force_it_keeping_the_position, CharT, test::char_types)
{
    test::scratch s;
    {
        tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 1000));
        f.write("hello world");
        f.seek(6);
        f.rollover();
        BOOST_TEST(f.rolled_over());
        BOOST_TEST(f.tell() == 6);
        BOOST_TEST(test::handle_position(f.native_handle()) == 6);
        char buf[8] = {};
        BOOST_TEST(f.read(buf, 5) == 5u);
        BOOST_TEST(std::string(buf) == "world");
        f.rollover(); // nothing more to do
        BOOST_TEST(contents(f) == "hello world");
    }
    {
        tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 1000));
        f.write("abc");
        boost::system::error_code ec;
        auto fd = f.native_handle(ec);
        BOOST_TEST(!ec);
        BOOST_TEST(test::is_open_handle(fd));
        BOOST_TEST(f.rolled_over());
        BOOST_TEST(test::handle_position(fd) == 3);
        BOOST_TEST(test::read_at(fd, 3, 0) == "abc");
    }
    {
        tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 1000));
        f.seek(5); // position past the (empty) data survives too
        f.rollover();
        BOOST_TEST(f.tell() == 5);
    }
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(stream_before_and_across_rollover, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 64));
    std::iostream& io = f.stream();
    io << "n=" << 7 << ';';
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(contents(f) == "n=7;");
    io << std::string(100, '.');
    io.flush(); // the buffered bytes reach the device: past max_size
    BOOST_TEST(f.rolled_over());
    io.seekg(2);
    int v = 0;
    io >> v;
    BOOST_TEST(v == 7);
    BOOST_TEST(f.tell() == 3);
    BOOST_TEST(contents(f) == "n=7;" + std::string(100, '.'));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(close_and_move, CharT, test::char_types)
{
    test::scratch s;
    using file = tf::basic_temp_file<CharT, tf::spooled_file<>>;
    file a(test::spooled_in<CharT>(s.dir, 100));
    a.write("data");
    a.stream() << "+more";
    file b(std::move(a));
    BOOST_TEST(!a.is_open());
    BOOST_TEST(b.is_open());
    BOOST_TEST(contents(b) == "data+more");
    b.close();
    b.close();
    BOOST_TEST(!b.is_open());
    boost::system::error_code ec;
    b.write("x", ec);
    BOOST_TEST(ec == boost::system::errc::bad_file_descriptor);
    b.rollover(ec);
    BOOST_TEST(ec == boost::system::errc::bad_file_descriptor);
    BOOST_TEST(!b.rolled_over());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(nothing_is_created_before_rollover, CharT, test::char_types)
{
    test::scratch s;
    int before = test::open_fds();
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 10));
    f.write("0123456789");
    BOOST_TEST(test::open_fds() == before);
    f.write("!");
    BOOST_TEST(test::open_fds() == before + 1);
    f.close();
    BOOST_TEST(test::open_fds() == before);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(bad_options_are_refused_at_construction, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::spooled_in<CharT>(s.dir, 10);
    o.prefix = lit<CharT>("a/b");
    boost::system::error_code ec;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(o, ec);
    BOOST_TEST(ec == boost::system::errc::invalid_argument);
    BOOST_TEST(!f.is_open());
}

// ---- A failed rollover: reported, the data stays in memory, intact and readable.

namespace {
// Runs `body` where a file cannot grow past 4 bytes (cannot_grow): POSIX, in a forked child
// under RLIMIT_FSIZE (SIGXFSZ ignored); Windows, here, every WriteFile of the library failing
// with ERROR_DISK_FULL (sys::injected, detail/windows/sys.hpp). Its result, or 10.
constexpr auto cannot_grow =
    BOOST_TEMPFILE_TEST_WINDOWS ? boost::system::errc::no_space_on_device : boost::system::errc::file_too_large;

template <class F>
int where_files_cannot_grow(F body)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    fail_call c(tf::detail::sys::call::write, ERROR_DISK_FULL);
    return body();
#else
    return test::in_child([&] {
        ::signal(SIGXFSZ, SIG_IGN); // else the write kills the child
        if (!test::limit_file_size(4))
            return 10;
        return body();
    });
#endif
}
} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(rollover_failure_efbig_keeps_the_data, CharT, test::char_types)
{
    test::scratch s;
    int r = where_files_cannot_grow([&] {
        int before = test::open_fds();
        tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 5));
        boost::system::error_code ec;
        f.write("0123456789", ec);
        if (ec != cannot_grow)
            return 11;
        if (f.rolled_over() || !f.is_open())
            return 12;
        if (test::open_fds() != before)
            return 13;
        if (f.tell() != 10 || contents(f) != "0123456789")
            return 14;
        try {
            f.rollover();
            return 15;
        } catch (const boost::filesystem::filesystem_error& e) {
            if (e.code() != cannot_grow)
                return 16;
        }
        if (f.rolled_over() || contents(f) != "0123456789" || test::open_fds() != before)
            return 17;
        f.native_handle(ec);
        if (!ec)
            return 18;
        f.truncate(3); // still usable in memory
        return contents(f) == "012" ? 0 : 19;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

// A rollover that fails under a stream() write: the bytes are in memory, intact, so the
// stream stays good (a user retrying would write them twice); flush() reports the failure,
// once; close() then has nothing to report.
BOOST_AUTO_TEST_CASE_TEMPLATE(rollover_failure_under_stream_reports_once_and_duplicates_nothing, CharT,
                              test::char_types)
{
    test::scratch s;
    int r = where_files_cannot_grow([&] {
        for (std::size_t size : {std::size_t(10), std::size_t(5000)}) { // buffered, and straight through
            const std::string data(size, 'x');
            tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 5));
            f.stream() << data;
            f.stream().flush();
            if (!f.stream()) { // what a user does when a write fails: try again
                f.stream().clear();
                f.stream() << data;
                f.stream().flush();
            }
            boost::system::error_code ec;
            f.flush(ec);
            if (ec != cannot_grow)
                return 11;
            f.flush(ec);
            if (ec)
                return 12; // reported once
            if (f.rolled_over() || contents(f) != data)
                return 13; // intact, not duplicated
            f.close(ec);
            if (ec)
                return 14;
        }
        return 0;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(close_never_creates_a_file, CharT, test::char_types)
{
    // Bytes still in stream()'s buffer that would pass max_size: close() used to roll over to
    // flush them, creating a file only to throw it away, and failed where the directory is
    // unusable. Python's close() never creates a file.
    test::scratch s;
    const std::string gone = (s.dir / "gone").string();
    BOOST_REQUIRE(boost::filesystem::create_directory(gone));
    tf::basic_spooled_options<CharT> o = test::spooled_in<CharT>(s.dir, 10);
    o.dir = gone;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(o);
    f.stream() << "more than ten bytes, still buffered";
    BOOST_REQUIRE(boost::filesystem::remove(gone)); // a rollover now would fail (ENOENT)
    int before = test::open_fds();
    boost::system::error_code ec;
    f.close(ec);
    BOOST_TEST(!ec);
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(!f.is_open());
    BOOST_TEST(test::open_fds() == before);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(truncate_too_large_in_memory_fails_without_rolling_over, CharT, test::char_types)
{
    // ftruncate refuses a length past off_t (EINVAL): the spooled file used to roll over first,
    // then fail, leaving a file behind the data. It must fail as the file would, with nothing
    // created and the data still in memory.
    test::scratch s;
    int before = test::open_fds();
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 10));
    f.write("hello");
    boost::system::error_code ec;
    f.truncate((std::uint64_t(1) << 63) + 5, ec);
    BOOST_TEST(ec == boost::system::errc::invalid_argument);
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(test::open_fds() == before);
    BOOST_TEST(contents(f) == "hello");
    BOOST_TEST(f.tell() == 5);
    f.truncate(20); // a size the file can take: rolled over and extended
    BOOST_TEST(f.rolled_over());
    BOOST_TEST(contents(f) == std::string("hello") + std::string(15, '\0'));
    BOOST_TEST(s.entries().size() == test::unnamed_file_entries);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(rollover_failure_eacces_keeps_the_data, CharT, test::char_types)
{
    test::scratch s; // owned by root, 0755: not writable by nobody
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows: the file's creation refused (injected: ERROR_ACCESS_DENIED, as a directory
    // whose ACL denies the user), in this process.
    fail_call c(tf::detail::sys::call::create_file, ERROR_ACCESS_DENIED);
    int r = [&] {
#else
    int r = test::in_child(
        [&] {
#endif
            int before = test::open_fds();
            tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 3));
            boost::system::error_code ec;
            f.write("abcdef", ec);
            if (ec != boost::system::errc::permission_denied)
                return 11;
            if (f.rolled_over() || test::open_fds() != before)
                return 12;
            return contents(f) == "abcdef" ? 0 : 13;
        }
#if BOOST_TEMPFILE_TEST_WINDOWS
    ();
#else
        ,
        true);
#endif
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE(spooled_facades)
{
    static_assert(std::is_same_v<tf::spooled_temporary_file, tf::basic_temp_file<char, tf::spooled_file<>>>);
    static_assert(std::is_same_v<tf::wspooled_temporary_file, tf::basic_temp_file<wchar_t, tf::spooled_file<>>>);
    tf::spooled_options o;
    o.suffix = ".x";
    o.prefix = "sp-";
    o.max_size = 4;
    tf::spooled_temporary_file f(o);
    f.write("abcd");
    BOOST_TEST(!f.rolled_over());
    tf::wspooled_temporary_file w;
    w.write("never rolls");
    BOOST_TEST(!w.rolled_over());
}

// The memory of a spooled file keeps a file's limits (max_size 0: no write rolls it over): a
// seek before the start or past the largest off_t fails with EINVAL, a write that would end
// past the largest off_t with EFBIG; each leaves the data, the position and the disk as they
// were.
BOOST_AUTO_TEST_CASE_TEMPLATE(in_memory_limits_are_a_files, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 0));
    f.write("hello");
    boost::system::error_code ec;
    BOOST_TEST(f.seek(-1, std::ios_base::beg, ec) == -1);
    BOOST_TEST(ec == boost::system::errc::invalid_argument);
    BOOST_TEST(f.tell() == 5);
    const std::int64_t max = (std::numeric_limits<std::int64_t>::max)();
    BOOST_TEST(f.seek(max - 2) == max - 2);
    BOOST_TEST(f.seek(3, std::ios_base::cur, ec) == -1);
    BOOST_TEST(ec == boost::system::errc::invalid_argument);
    BOOST_TEST(f.tell() == max - 2);
    BOOST_TEST(f.write("abcd", ec) == 0u);
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows' own code for it, ERROR_FILE_TOO_LARGE (223), which Boost.System (1.81) does not
    // map to errc::file_too_large.
    BOOST_TEST(ec == boost::system::error_code(223, boost::system::system_category()), ec.message());
#else
    BOOST_TEST(ec == boost::system::errc::file_too_large);
#endif
    BOOST_TEST(f.tell() == max - 2);
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(contents(f) == "hello");
}

#if defined(__SANITIZE_ADDRESS__)
#define BOOST_TEMPFILE_TEST_SPOOLED_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BOOST_TEMPFILE_TEST_SPOOLED_ASAN 1
#endif
#endif
#if !defined(BOOST_TEMPFILE_TEST_SPOOLED_ASAN)
#define BOOST_TEMPFILE_TEST_SPOOLED_ASAN 0
#endif

// Memory that cannot be had: a write at 2^62 grows the block to 2^63 bytes, which no system
// gives; ENOMEM, and the old block, the position and the disk are as they were.
BOOST_TEST_DECORATOR(*test::skip_unless(!BOOST_TEMPFILE_TEST_SPOOLED_ASAN,
                                        "AddressSanitizer aborts on a 2^63-byte realloc instead of failing it"))
BOOST_AUTO_TEST_CASE_TEMPLATE(in_memory_growth_refused_is_enomem, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, 0));
    f.write("hello");
    const std::int64_t at = std::int64_t(1) << 62;
    BOOST_TEST(f.seek(at) == at);
    boost::system::error_code ec;
    BOOST_TEST(f.write("x", ec) == 0u);
    BOOST_TEST(ec == boost::system::errc::not_enough_memory);
    BOOST_TEST(f.tell() == at);
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(contents(f) == "hello");
}

// truncate() in memory (a size within max_size: no rollover) to 2^63 bytes, more than half
// the address space: the buffer refuses to grow, ENOMEM (no allocation tried, so also under
// AddressSanitizer); the data, the size, the position and the disk are as they were.
BOOST_AUTO_TEST_CASE_TEMPLATE(in_memory_truncate_refused_is_enomem, CharT, test::char_types)
{
    test::scratch s;
    const std::size_t no_limit = (std::numeric_limits<std::size_t>::max)();
    tf::basic_temp_file<CharT, tf::spooled_file<>> f(test::spooled_in<CharT>(s.dir, no_limit));
    f.write("hello");
    BOOST_TEST(f.seek(2) == 2);
    const std::uint64_t huge = std::uint64_t(1) << 63;
    boost::system::error_code ec;
    f.truncate(huge, ec);
    BOOST_TEST(ec == boost::system::errc::not_enough_memory);
    try {
        f.truncate(huge);
        BOOST_ERROR("no exception");
    } catch (const boost::filesystem::filesystem_error& e) {
        BOOST_TEST(e.code() == boost::system::errc::not_enough_memory);
    }
    BOOST_TEST(f.tell() == 2);
    BOOST_TEST(f.seek(0, std::ios_base::end) == 5);
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(contents(f) == "hello");
    f.truncate(3); // a size it can have: cut, still in memory
    BOOST_TEST(!f.rolled_over());
    BOOST_TEST(contents(f) == "hel");
}
