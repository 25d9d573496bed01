// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// A failed write is never published. On a real file system that fills up (a 64 KiB tmpfs in a
// private mount namespace: ENOSPC) and under RLIMIT_FSIZE (EFBIG), data written through
// stream() that does not reach the file makes every publishing call fail with the real cause,
// naming the path: flush, close, persist, persist_noclobber, link, in both forms, narrow and
// wide, for sizes below and above stream()'s 4 KiB buffer. The old target stays intact.
// Direct write(), writelines() and a spooled file's rollover report the same errors.
// Windows cannot mount a small file system for a test: there a full disk is the library's
// WriteFile failing with ERROR_DISK_FULL (sys::injected, detail/windows/sys.hpp), and the same
// checks run, but link() (Windows never names an unnamed file) and RLIMIT_FSIZE (POSIX's).

#define BOOST_TEMPFILE_TEST_HOOKS // detail::sys::injected(): Windows' full disk
#define BOOST_TEST_MODULE write_errors
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <string>
#include <utility>
#include <vector>

// The tutorial's save() as it stands (doc/tutorial_files.adoc quotes it).
#define main atomic_save_example_main
#include "../example/atomic_save.cpp"
#undef main

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;
using boost::system::errc::errc_t;
using test::file_contents;

namespace {

enum class call { flush, close, persist, persist_noclobber, link };
const char* const call_names[] = {"flush", "close", "persist", "persist_noclobber", "link"};

struct shape
{
    std::size_t size;  // bytes written through stream()
    std::size_t piece; // in writes of this many bytes
};
// Below the buffer (lost at the flush inside the call), exactly one buffer and one large write
// (straight to the device), many small writes (lost as the buffer fills).
const shape shapes[] = {{100, 100}, {4096, 4096}, {10000, 1000}, {200000, 200000}, {200000, 1000}};

// In `dir`, where the disk refuses the data now and "doc" holds "old": writes `sh` through
// stream(), then publishes with `c`; 0 if the call reported `expected` naming the path and
// its cause, published nothing and left the old target intact; else the number of the first
// check that failed.
template <class CharT>
int publish_after_lost_write(const fs::path& dir, call c, bool with_ec, shape sh, errc_t expected)
{
    if (c == call::link)
        expected = test::link_error(expected);
    const fs::path doc = dir / "doc", fresh = dir / "new";
    int failed = 0;
    auto check = [&](bool ok, int code) {
        if (!ok && !failed)
            failed = code;
    };
    auto run = [&](auto&& f) {
        boost::system::error_code ec;
        std::string message;
        if (with_ec) {
            f(&ec);
        } else {
            try {
                f(nullptr);
            } catch (const fs::filesystem_error& e) {
                ec = e.code();
                message = e.what();
            }
        }
        check(ec == expected, 1);
        return std::make_pair(message, ec.message()); // what() and the cause's own text
    };
    auto names = [&](const std::pair<std::string, std::string>& m, const fs::path& p) {
        check(with_ec || (m.first.find(p.string()) != std::string::npos && m.first.find(m.second) != std::string::npos),
              2);
    };
    auto write = [&](auto& f) {
        const std::string piece(sh.piece, 'x');
        for (std::size_t n = 0; n < sh.size; n += sh.piece)
            f.stream() << piece;
    };
    if (c == call::link) {
        auto o = test::anonymous_in<CharT>(dir);
        tf::basic_temp_file<CharT, tf::anonymous_file<>> f(o);
        write(f);
        names(run([&](boost::system::error_code* ec) { ec ? f.link(fresh, *ec) : f.link(fresh); }), fresh);
        check(!test::exists(fresh.string()), 3);
    } else {
        auto o = test::file_in<CharT>(dir);
        tf::basic_temp_file<CharT> f(o);
        const fs::path temp = f.path();
        write(f);
        auto message = run([&](boost::system::error_code* ec) {
            switch (c) {
            case call::flush: ec ? f.flush(*ec) : f.flush(); break;
            case call::close: ec ? f.close(*ec) : f.close(); break;
            case call::persist: ec ? f.persist(doc, *ec) : f.persist(doc); break;
            default: ec ? f.persist_noclobber(fresh, *ec) : f.persist_noclobber(fresh); break;
            }
        });
        names(message, temp);
        // The error stays: nothing publishes the file later either.
        boost::system::error_code later;
        f.persist(doc, tf::durability::durable, later);
        check(c == call::close ? !!later : later == expected, 4);
        f.persist_noclobber(fresh, later);
        check(!!later, 5);
        check(!test::exists(fresh.string()), 6);
    }
    check(file_contents(doc.string()) == "old", 7);
    return failed;
}

// A line for writelines() that counts how often it was looked at.
struct counted
{
    std::string text;
    int* seen;
    operator std::string_view() const
    {
        ++*seen;
        return text;
    }
};

} // namespace

#if BOOST_TEMPFILE_TEST_POSIX

namespace {

boost::test_tools::assertion_result small_fs_available(boost::unit_test::test_unit_id)
{
    boost::test_tools::assertion_result r(test::can_mount_small_fs());
    r.message() << "skipped: cannot mount a tmpfs in a private mount namespace (needs root / CAP_SYS_ADMIN)";
    return r;
}

// How the disk refuses the data.
enum class fault {
    full_fs,   // a 64 KiB tmpfs filled up first: every write fails (ENOSPC)
    small_fs,  // an empty 64 KiB tmpfs: the first 64 KiB go out, then ENOSPC
    file_size, // RLIMIT_FSIZE of 64 bytes: EFBIG
};

// Sets up the fault in dir (the child's own).
bool arm(fault k, const fs::path& dir)
{
    return k == fault::file_size ? test::limit_file_size(64) : k == fault::small_fs || test::fill_fs(dir);
}

template <class CharT>
void every_publishing_call(fault k, errc_t expected)
{
    for (int c = 0; c < 5; ++c)
        for (bool with_ec : {false, true})
            for (const shape& sh : shapes) {
                if (k == fault::small_fs && sh.size < 65536)
                    continue; // fits
                test::scratch s;
                auto body = [&] {
                    if (::chdir(s.dir.c_str()) != 0)
                        return 91;
                    const fs::path dir = fs::current_path();
                    if (!test::put_file((dir / "doc").string(), "old") || !arm(k, dir))
                        return 90;
                    return publish_after_lost_write<CharT>(dir, static_cast<call>(c), with_ec, sh, expected);
                };
                int r = k == fault::file_size ? test::in_child(body) : test::on_small_fs(s.dir, 65536, body);
                BOOST_TEST(r == 0, call_names[c] << (with_ec ? "(ec)" : "()") << " after writing " << sh.size
                                                 << " bytes in pieces of " << sh.piece << ": check " << r
                                                 << " failed");
                // Only the old document is left (on the child's own file system if mounted).
                BOOST_TEST(s.entries() == (k == fault::file_size ? std::vector<std::string>{"doc"}
                                                                  : std::vector<std::string>{}));
            }
}

} // namespace

// The cases that need a real small file system: skipped, with the reason, where it cannot be
// mounted.
BOOST_AUTO_TEST_SUITE(small_fs, *boost::unit_test::precondition(small_fs_available))

BOOST_AUTO_TEST_CASE_TEMPLATE(full_fs_nothing_published, CharT, test::char_types)
{
    every_publishing_call<CharT>(fault::full_fs, boost::system::errc::no_space_on_device);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(small_fs_fills_during_the_write_nothing_published, CharT, test::char_types)
{
    every_publishing_call<CharT>(fault::small_fs, boost::system::errc::no_space_on_device);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE_TEMPLATE(file_size_limit_nothing_published, CharT, test::char_types)
{
    every_publishing_call<CharT>(fault::file_size, boost::system::errc::file_too_large);
}

BOOST_AUTO_TEST_SUITE(small_fs_save, *boost::unit_test::precondition(small_fs_available))

// The tutorial's atomic save on a full (and on a too small) file system: the old document stays,
// and the error is ENOSPC naming the temporary file.
BOOST_AUTO_TEST_CASE(tutorial_save_keeps_the_old_document)
{
    for (bool full : {true, false})
        for (std::size_t size : {10u, 4095u, 4096u, 5000u, 61440u, 200000u}) {
            if (!full && size < 65536)
                continue;
            test::scratch s;
            int r = test::on_small_fs(s.dir, 65536, [&] {
                const fs::path doc = s.dir / "document.txt";
                if (!test::put_file(doc.string(), "version 1\n") || (full && !test::fill_fs(s.dir)))
                    return 90;
                try {
                    save(doc, std::string(size, 'x'));
                    return 1; // no error: the old document was replaced
                } catch (const fs::filesystem_error& e) {
                    if (e.code() != boost::system::errc::no_space_on_device)
                        return 2;
                    if (e.path1().parent_path() != s.dir || std::string(e.what()).find(s.dir.string()) == std::string::npos)
                        return 3;
                }
                if (file_contents(doc.string()) != "version 1\n")
                    return 4;
                return test::exists((s.dir / "document.txt").string()) ? 0 : 5;
            });
            BOOST_TEST(r == 0, (full ? "full" : "64 KiB") << " file system, " << size << " bytes: check " << r);
        }
}

// Direct write(), writelines() and a spooled file report ENOSPC at once.
BOOST_AUTO_TEST_CASE_TEMPLATE(direct_writes_report_enospc, CharT, test::char_types)
{
    test::scratch s;
    int r = test::on_small_fs(s.dir, 65536, [&] {
        if (!test::fill_fs(s.dir))
            return 90;
        const std::string big(10000, 'x');
        boost::system::error_code ec;
        auto o = test::file_in<CharT>(s.dir);
        tf::basic_temp_file<CharT> f(o);
        if (f.write(big, ec) != 0 || ec != boost::system::errc::no_space_on_device)
            return 1;
        try {
            f.write("x");
            return 2;
        } catch (const fs::filesystem_error& e) {
            if (e.code() != boost::system::errc::no_space_on_device || e.path1() != f.path())
                return 3;
        }
        std::vector<std::string> lines{"a", "b"};
        f.writelines(lines, ec);
        if (ec != boost::system::errc::no_space_on_device)
            return 4;
        // Spooled: in memory nothing touches the disk; the rollover fails and the data stays.
        auto so = test::spooled_in<CharT>(s.dir, 1000);
        tf::basic_temp_file<CharT, tf::spooled_file<>> sp(so);
        sp.write("header");
        if (sp.rolled_over())
            return 5;
        sp.write(big, ec);
        if (ec != boost::system::errc::no_space_on_device || sp.rolled_over())
            return 6;
        if (test::contents(sp) != "header" + big)
            return 7;
        // The same through stream(): the failed rollover is reported once, by flush(); the
        // data stays in memory, nothing was lost, so close() has nothing more to report.
        tf::basic_temp_file<CharT, tf::spooled_file<>> sp2(so);
        sp2.stream() << big;
        sp2.flush(ec);
        if (ec != boost::system::errc::no_space_on_device)
            return 8;
        sp2.close(ec);
        return !ec ? 0 : 9;
    });
    BOOST_TEST(r == 0);
}

BOOST_AUTO_TEST_SUITE_END()

// writelines() stops at the first error: the lines after it are not even looked at.
BOOST_AUTO_TEST_CASE_TEMPLATE(writelines_stops_at_the_first_error, CharT, test::char_types)
{
    test::scratch s;
    int r = test::in_child([&] {
        int seen = 0;
        std::vector<counted> lines{{"12345", &seen}, {"67890", &seen}, {"abc", &seen}, {"", &seen}};
        auto o = test::file_in<CharT>(s.dir);
        tf::basic_temp_file<CharT> f(o);
        if (!test::limit_file_size(10))
            return 90;
        boost::system::error_code ec;
        f.writelines(lines, ec);
        if (ec != boost::system::errc::file_too_large || seen != 3)
            return 1;
        seen = 0;
        try {
            f.writelines(lines);
            return 2;
        } catch (const fs::filesystem_error& e) {
            if (e.code() != boost::system::errc::file_too_large || seen != 1)
                return 3;
        }
        return test::contents(f) == "1234567890" ? 0 : 4;
    });
    BOOST_TEST(r == 0);
}

#else // Windows: a full disk is injected

namespace {

// While it lives, every WriteFile of the library fails with ERROR_DISK_FULL once the first
// `allowed` went through (the test's own writes are not the library's and go through).
int g_writes_allowed = 0;
int disk_full_injected(tf::detail::sys::call c) noexcept
{
    if (c != tf::detail::sys::call::write)
        return 0;
    if (g_writes_allowed > 0) {
        --g_writes_allowed;
        return 0;
    }
    return -static_cast<int>(ERROR_DISK_FULL);
}
struct disk_full
{
    explicit disk_full(int allowed = 0)
    {
        g_writes_allowed = allowed;
        tf::detail::test_hook<tf::detail::sys::inject_fn>() = &disk_full_injected;
    }
    ~disk_full() { tf::detail::test_hook<tf::detail::sys::inject_fn>() = nullptr; }
    disk_full(const disk_full&) = delete;
    disk_full& operator=(const disk_full&) = delete;
};

} // namespace

// full_fs_nothing_published on Windows: every publishing call but link(), both forms.
BOOST_AUTO_TEST_CASE_TEMPLATE(full_disk_nothing_published, CharT, test::char_types)
{
    for (int c = 0; c < 4; ++c) // not link: no name is ever given to an unnamed file here
        for (bool with_ec : {false, true})
            for (const shape& sh : shapes) {
                test::scratch s;
                BOOST_TEST_REQUIRE(test::put_file((s.dir / "doc").string(), "old"));
                int r = 0;
                {
                    disk_full full;
                    r = publish_after_lost_write<CharT>(s.dir, static_cast<call>(c), with_ec, sh,
                                                        boost::system::errc::no_space_on_device);
                }
                BOOST_TEST(r == 0, call_names[c] << (with_ec ? "(ec)" : "()") << " after writing " << sh.size
                                                 << " bytes in pieces of " << sh.piece << ": check " << r
                                                 << " failed");
                BOOST_TEST(s.entries() == std::vector<std::string>{"doc"}); // only the old document
            }
}

// The tutorial's atomic save on a full disk: the old document stays, and the error names the
// temporary file.
BOOST_AUTO_TEST_CASE(tutorial_save_keeps_the_old_document)
{
    for (std::size_t size : {10u, 4095u, 4096u, 5000u, 200000u}) {
        test::scratch s;
        const fs::path doc = s.dir / "document.txt";
        BOOST_TEST_REQUIRE(test::put_file(doc.string(), "version 1\n"));
        try {
            disk_full full;
            save(doc, std::string(size, 'x'));
            BOOST_ERROR("saved " << size << " bytes on a full disk");
        } catch (const fs::filesystem_error& e) {
            BOOST_TEST(e.code() == boost::system::errc::no_space_on_device, e.what());
            BOOST_TEST(e.path1().parent_path() == s.dir);
        }
        BOOST_TEST(file_contents(doc.string()) == "version 1\n");
        BOOST_TEST(s.entries() == std::vector<std::string>{"document.txt"}, size << " bytes");
    }
}

// direct_writes_report_enospc on Windows: direct write(), writelines() and a spooled file.
BOOST_AUTO_TEST_CASE_TEMPLATE(direct_writes_report_a_full_disk, CharT, test::char_types)
{
    test::scratch s;
    const auto full_disk = boost::system::errc::no_space_on_device;
    const std::string big(10000, 'x');
    {
        disk_full full;
        boost::system::error_code ec;
        auto o = test::file_in<CharT>(s.dir);
        tf::basic_temp_file<CharT> f(o);
        BOOST_TEST(f.write(big, ec) == 0u);
        BOOST_TEST(ec == full_disk, ec.message());
        try {
            f.write("x");
            BOOST_ERROR("written");
        } catch (const fs::filesystem_error& e) {
            BOOST_TEST(e.code() == full_disk, e.what());
            BOOST_TEST(e.path1() == f.path());
        }
        std::vector<std::string> lines{"a", "b"};
        f.writelines(lines, ec);
        BOOST_TEST(ec == full_disk, ec.message());
        // Spooled: in memory nothing touches the disk; the rollover fails and the data stays.
        auto so = test::spooled_in<CharT>(s.dir, 1000);
        tf::basic_temp_file<CharT, tf::spooled_file<>> sp(so);
        sp.write("header");
        BOOST_TEST(!sp.rolled_over());
        sp.write(big, ec);
        BOOST_TEST(ec == full_disk, ec.message());
        BOOST_TEST(!sp.rolled_over());
        BOOST_TEST(test::contents(sp) == "header" + big);
        // The same through stream(): the failed rollover is reported once, by flush(); the
        // data stays in memory, nothing was lost, so close() has nothing more to report.
        tf::basic_temp_file<CharT, tf::spooled_file<>> sp2(so);
        sp2.stream() << big;
        sp2.flush(ec);
        BOOST_TEST(ec == full_disk, ec.message());
        sp2.close(ec);
        BOOST_TEST(!ec, ec.message());
    }
    BOOST_TEST(s.entries().empty());
}

// The stream over a full disk: output pending in stream() that cannot be written makes a read,
// a seek and the stream's own flush through it fail (the stream's answer, nothing written),
// and the data is lost for good: flush() reports it, the file keeps what it held (the read
// gives nothing, not the old bytes under the lost ones). At the end of the file the stream
// reads nothing.
BOOST_AUTO_TEST_CASE_TEMPLATE(stream_calls_over_a_lost_write_fail, CharT, test::char_types)
{
    test::scratch s;
    {
        auto o = test::file_in<CharT>(s.dir);
        tf::basic_temp_file<CharT> f(o);
        f.write("0123456789");
        f.seek(0, std::ios_base::end);
        BOOST_TEST(f.stream().get() == std::char_traits<char>::eof());
        BOOST_TEST(f.stream().eof());
        f.stream().clear();
        for (int op = 0; op < 3; ++op) {
            BOOST_TEST_INFO(op);
            f.seek(0);
            f.stream() << "abc";
            {
                disk_full full;
                if (op == 0)
                    BOOST_TEST(f.stream().get() == std::char_traits<char>::eof());
                else if (op == 1)
                    BOOST_TEST(!f.stream().seekp(0));
                else
                    BOOST_TEST(!f.stream().flush());
            }
            f.stream().clear();
        }
        boost::system::error_code ec;
        f.flush(ec);
        BOOST_TEST(ec == boost::system::errc::no_space_on_device, ec.message());
        BOOST_TEST(test::contents(f) == "0123456789");
    }
    BOOST_TEST(s.entries().empty());
}

// writelines_stops_at_the_first_error on Windows: the disk fills after two lines.
BOOST_AUTO_TEST_CASE_TEMPLATE(writelines_stops_at_a_full_disk, CharT, test::char_types)
{
    test::scratch s;
    int seen = 0;
    std::vector<counted> lines{{"12345", &seen}, {"67890", &seen}, {"abc", &seen}, {"", &seen}};
    {
        auto o = test::file_in<CharT>(s.dir);
        tf::basic_temp_file<CharT> f(o);
        {
            disk_full full(2);
            boost::system::error_code ec;
            f.writelines(lines, ec);
            BOOST_TEST(ec == boost::system::errc::no_space_on_device, ec.message());
            BOOST_TEST(seen == 3);
            seen = 0;
            try {
                f.writelines(lines);
                BOOST_ERROR("written");
            } catch (const fs::filesystem_error& e) {
                BOOST_TEST(e.code() == boost::system::errc::no_space_on_device, e.what());
                BOOST_TEST(e.path1() == f.path());
                BOOST_TEST(seen == 1);
            }
        }
        BOOST_TEST(test::contents(f) == "1234567890");
    }
    BOOST_TEST(s.entries().empty());
}

#endif
