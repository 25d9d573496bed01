// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Fault injection: descriptor exhaustion (RLIMIT_NOFILE), the file-size limit (RLIMIT_FSIZE ->
// EFBIG), read-only, missing and not-a-directory directories, garbage in TMPDIR, and signals
// interrupting operations (EINTR). Each must give a clear error and leave no file and no
// descriptor behind; a spooled file whose rollover fails (EMFILE, EFBIG) keeps its data in
// memory and rolls over later. Limits and signals are set in forked children only.

#define BOOST_TEST_MODULE faults
#define BOOST_TEMPFILE_TEST_HOOKS // detail::test_hook<F>()
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#if BOOST_TEMPFILE_TEST_POSIX

#include <csignal>
#include <cstring>
#include <string>
#include <vector>

#include <sys/file.h>
#include <sys/resource.h>
#include <sys/time.h>

namespace tf = boost::tempfile;
using test::lit;

namespace {

// Tries every kind of creation in dir (narrow or wide); returns the number that did NOT fail
// with `expected` (each through the error_code form, and the throwing form must throw).
template <class CharT>
int all_fail_with(const test::fs::path& dir, boost::system::error_condition expected,
                  bool with_mkdtemp = true)
{
    int wrong = 0;
    boost::system::error_code ec;
    auto check = [&](bool thrown) {
        if (ec != expected || !thrown)
            ++wrong;
        ec.clear();
    };
    auto throws = [](auto f) {
        try {
            f();
        } catch (const boost::filesystem::filesystem_error&) {
            return true;
        }
        return false;
    };
    auto o = test::options_in<CharT>(dir);
    auto r = tf::mkstemp(o, ec);
    check(r.first < 0 && throws([&] { tf::mkstemp(o); }));
    if (with_mkdtemp) { // the one creation that needs no descriptor
        tf::mkdtemp(o, ec);
        check(throws([&] { tf::mkdtemp(o); }));
    }
    {
        auto fo = test::file_in<CharT>(dir);
        tf::basic_temp_file<CharT> f(fo, ec);
        check(!f.is_open() && throws([&] { tf::basic_temp_file<CharT> g(fo); }));
    }
    {
        auto ao = test::anonymous_in<CharT>(dir);
        tf::basic_temp_file<CharT, tf::anonymous_file<>> f(ao, ec);
        check(!f.is_open() && throws([&] { tf::basic_temp_file<CharT, tf::anonymous_file<>> g(ao); }));
    }
    {
        auto dop = test::dir_in<CharT>(dir);
        tf::basic_temp_dir<CharT> d(dop, ec);
        check(!d.exists() && throws([&] { tf::basic_temp_dir<CharT> g(dop); }));
    }
    return wrong;
}

boost::system::error_condition errc(boost::system::errc::errc_t e)
{
    return boost::system::errc::make_error_condition(e);
}
boost::system::error_condition sys_err(int e)
{
    return boost::system::error_condition(e, boost::system::generic_category());
}

// UndefinedBehaviorSanitizer's vptr check needs a pipe to look at memory it has not seen yet:
// at the descriptor limit it reports false "invalid vptr" errors. Throwing and comparing the
// same error types once beforehand fills its cache (a no-op without the sanitizer).
template <class CharT>
void warm_up_sanitizer(const test::fs::path& dir)
{
    all_fail_with<CharT>(dir / "missing", errc(boost::system::errc::no_such_file_or_directory));
    boost::system::error_code ec;
    tf::gettempdir(ec);
    try { // the members of a caught filesystem_error, as the checks below call them
        auto o = test::dir_in<CharT>(dir / "missing");
        tf::basic_temp_dir<CharT> d(o);
    } catch (const boost::filesystem::filesystem_error& e) {
        if (e.code() == sys_err(EMFILE) || e.path1().empty())
            std::abort();
    }
}

// The lowest free descriptor number: with RLIMIT_NOFILE set to it, no new descriptor opens.
int lowest_free_fd()
{
    int fd = ::dup(0);
    ::close(fd);
    return fd;
}

} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(descriptor_exhaustion, CharT, test::char_types)
{
    test::scratch s;
    int r = test::in_child([&] {
        const int fds = test::open_fds();
        warm_up_sanitizer<CharT>(s.dir);
        struct rlimit rl;
        ::getrlimit(RLIMIT_NOFILE, &rl);
        rl.rlim_cur = static_cast<rlim_t>(lowest_free_fd());
        if (::setrlimit(RLIMIT_NOFILE, &rl) != 0)
            return 10;
        int wrong = all_fail_with<CharT>(s.dir, sys_err(EMFILE), false);
        // One descriptor to spare: the first object opens, the second fails cleanly.
        rl.rlim_cur += 1;
        ::setrlimit(RLIMIT_NOFILE, &rl);
        {
            auto fo = test::file_in<CharT>(s.dir);
            tf::basic_temp_file<CharT> f(fo); // takes the last descriptor
            boost::system::error_code ec;
            auto dop = test::dir_in<CharT>(s.dir);
            tf::basic_temp_dir<CharT> e(dop, ec); // mkdir works, open fails
            struct ::stat st;
            if (ec != sys_err(EMFILE) || e.exists() || ::stat(s.dir.c_str(), &st) != 0 || st.st_nlink != 2)
                ++wrong; // no subdirectory left (2 links: "." and its entry in /tmp)
        }
        rl.rlim_cur += 16; // room to look
        ::setrlimit(RLIMIT_NOFILE, &rl);
        if (!s.entries().empty())
            return 20 + wrong;
        if (test::open_fds() != fds)
            return 40 + wrong;
        return wrong;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

// --- removing a directory at the descriptor limit -------------------------------------------
// A flat tree needs no descriptor besides the one the object holds: the top is listed through
// it, and it is closed (the tree being empty) to make room for the parent's. A nested tree
// needs one descriptor per level below the top: at the limit, cleanup(ec) reports EMFILE and
// the object keeps the directory (a later cleanup() succeeds); with ignore_cleanup_errors
// the rest is removed and the object lets go.

namespace {

struct hook_guard
{
    explicit hook_guard(tf::detail::tree_hook h) { tf::detail::test_hook<tf::detail::tree_hook>() = h; }
    ~hook_guard() { tf::detail::test_hook<tf::detail::tree_hook>() = nullptr; }
};

// RLIMIT_NOFILE at the lowest free descriptor: no new descriptor opens (open ones stay).
struct descriptor_limit
{
    struct rlimit old;
    explicit descriptor_limit(bool now = true)
    {
        ::getrlimit(RLIMIT_NOFILE, &old);
        if (now)
            hold();
    }
    void hold()
    {
        struct rlimit rl = old;
        rl.rlim_cur = static_cast<rlim_t>(lowest_free_fd());
        ::setrlimit(RLIMIT_NOFILE, &rl);
    }
    ~descriptor_limit() { lift(); }
    void lift() { ::setrlimit(RLIMIT_NOFILE, &old); }
};

using test::put_file;

// Files, a symlink to `victim` (outside), a fifo and an unreadable file: no subdirectory.
bool make_flat(const std::string& top, const std::string& victim)
{
    bool ok = put_file(top + "/a", "alpha") && put_file(top + "/b", "beta") && put_file(top + "/ro", "ro");
    ok = ok && ::chmod((top + "/ro").c_str(), 0) == 0;
    ok = ok && ::symlink(victim.c_str(), (top + "/link").c_str()) == 0;
    return ok && ::mkfifo((top + "/fifo").c_str(), 0600) == 0;
}

// A flat tree plus sub/file and sub/inner/file: two levels below the top.
bool make_nested(const std::string& top, const std::string& victim)
{
    return make_flat(top, victim) && ::mkdir((top + "/sub").c_str(), 0700) == 0 &&
           put_file(top + "/sub/file", "s") && ::mkdir((top + "/sub/inner").c_str(), 0700) == 0 &&
           put_file(top + "/sub/inner/file", "i");
}

int g_late = 0; // entries the remove_top hook still adds
std::string g_late_dir;

} // namespace

BOOST_TEST_DECORATOR(*test::linux_only(test::listing_needs_a_descriptor))
BOOST_AUTO_TEST_CASE_TEMPLATE(directory_removal_at_the_descriptor_limit, CharT, test::char_types)
{
    test::scratch s;
    const std::string victim = (s.dir / "victim").string();
    BOOST_TEST_REQUIRE(put_file(victim, "precious"));
    int r = test::in_child([&] {
        const int fds = test::open_fds();
        warm_up_sanitizer<CharT>(s.dir);
        int wrong = 0;
        std::string p;
        { // the destructor, flat tree
            descriptor_limit lim(false);
            {
                tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
                p = d.path().string();
                if (!make_flat(p, victim))
                    return 90;
                lim.hold();
                if (::dup(0) >= 0)
                    return 91; // the limit does not hold: the test would prove nothing
            }
        }
        if (test::exists(p))
            wrong = wrong ? wrong : 1;
        { // cleanup(ec), flat tree
            tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
            p = d.path().string();
            make_flat(p, victim);
            descriptor_limit lim;
            boost::system::error_code ec;
            d.cleanup(ec);
            if (ec || d.exists() || test::exists(p))
                wrong = wrong ? wrong : 2;
        }
        { // entries added after the walk: the descriptor let go is taken back for another pass
            tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
            p = d.path().string();
            make_flat(p, victim);
            g_late_dir = p;
            g_late = 1;
            hook_guard h([](tf::detail::tree_event ev, int, const char*) {
                if (ev == tf::detail::tree_event::remove_top && g_late > 0) {
                    --g_late; // no descriptor needed to make an entry
                    (void)::symlink("late", (g_late_dir + "/late" + std::to_string(g_late)).c_str());
                }
            });
            descriptor_limit lim;
            boost::system::error_code ec;
            d.cleanup(ec);
            if (ec || d.exists() || test::exists(p) || g_late != 0)
                wrong = wrong ? wrong : 3;
        }
        { // ... and when they keep coming: directory_not_empty, the object keeps the directory
            tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
            p = d.path().string();
            make_flat(p, victim);
            g_late_dir = p;
            g_late = 3;
            {
                hook_guard h([](tf::detail::tree_event ev, int, const char*) {
                    if (ev == tf::detail::tree_event::remove_top && g_late > 0) {
                        --g_late;
                        (void)::symlink("late", (g_late_dir + "/late" + std::to_string(g_late)).c_str());
                    }
                });
                descriptor_limit lim;
                boost::system::error_code ec;
                d.cleanup(ec);
                if (ec != errc(boost::system::errc::directory_not_empty) || !d.exists() ||
                    d.native_handle() < 0)
                    wrong = wrong ? wrong : 6;
            }
            // Held again, identity checked, and share-locked again (what systemd-tmpfiles tests).
            struct ::stat a, b;
            if (::fstat(d.native_handle(), &a) != 0 || ::lstat(p.c_str(), &b) != 0 || a.st_ino != b.st_ino)
                wrong = wrong ? wrong : 7;
            int other = ::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (::flock(other, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK)
                wrong = wrong ? wrong : 8;
            ::close(other);
            d.cleanup();
            if (d.exists() || test::exists(p))
                wrong = wrong ? wrong : 4;
        }
        { // the top swapped for an empty impostor just before its removal: left alone, even
          // though the descriptor was let go (the name no longer leads to the directory); the
          // error was reported, so the object still owns the directory
            tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
            p = d.path().string();
            make_flat(p, victim);
            hook_guard h([](tf::detail::tree_event ev, int parent, const char* name) {
                if (ev == tf::detail::tree_event::remove_top) {
                    ::renameat(parent, name, parent, (std::string(name) + ".moved").c_str());
                    ::mkdirat(parent, name, 0700);
                }
            });
            descriptor_limit lim;
            boost::system::error_code ec;
            d.cleanup(ec);
            lim.lift();
            if (ec != errc(boost::system::errc::file_exists) || !test::exists(p) ||
                !test::exists(p + ".moved") || test::exists(p + ".moved/a") || !d.exists())
                wrong = wrong ? wrong : 17;
            ::rmdir(p.c_str());
            ::rmdir((p + ".moved").c_str());
        }
        return test::open_fds() == fds ? wrong : 50;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries() == std::vector<std::string>{"victim"});
    BOOST_TEST(test::file_contents(victim) == "precious");
}

BOOST_TEST_DECORATOR(*test::linux_only(test::listing_needs_a_descriptor))
BOOST_AUTO_TEST_CASE_TEMPLATE(nested_directory_removal_at_the_descriptor_limit, CharT, test::char_types)
{
    test::scratch s;
    const std::string victim = (s.dir / "victim").string();
    BOOST_TEST_REQUIRE(put_file(victim, "precious"));
    int r = test::in_child([&] {
        const int fds = test::open_fds();
        warm_up_sanitizer<CharT>(s.dir);
        int wrong = 0;
        std::string p;
        { // a clear error, both forms; the object keeps the directory; a later cleanup() works
            tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
            p = d.path().string();
            if (!make_nested(p, victim))
                return 90;
            {
                descriptor_limit lim;
                boost::system::error_code ec;
                d.cleanup(ec);
                if (ec != sys_err(EMFILE) || !d.exists())
                    wrong = wrong ? wrong : 9;
                try {
                    d.cleanup();
                    wrong = wrong ? wrong : 10;
                } catch (const boost::filesystem::filesystem_error& e) {
                    if (e.code() != sys_err(EMFILE) || e.path1().string() != p + "/sub" || !d.exists())
                        wrong = wrong ? wrong : 11;
                }
            }
            if (!test::exists(p + "/sub/inner/file"))
                wrong = wrong ? wrong : 12; // nothing below the level that could not be opened was touched
            // One descriptor per level below the top is enough.
            struct rlimit rl;
            ::getrlimit(RLIMIT_NOFILE, &rl);
            struct rlimit old = rl;
            rl.rlim_cur = static_cast<rlim_t>(lowest_free_fd()) + 2;
            ::setrlimit(RLIMIT_NOFILE, &rl);
            boost::system::error_code ec;
            d.cleanup(ec);
            ::setrlimit(RLIMIT_NOFILE, &old);
            if (ec || d.exists() || test::exists(p))
                wrong = wrong ? wrong : 5;
        }
        { // ignore_cleanup_errors: everything but the subtree goes, silently; the object keeps
          // the directory (a later cleanup() removes again, as Python's)
            auto o = test::dir_in<CharT>(s.dir);
            o.ignore_cleanup_errors = true;
            tf::basic_temp_dir<CharT> d(o);
            p = d.path().string();
            make_nested(p, victim);
            {
                descriptor_limit lim;
                boost::system::error_code ec;
                d.cleanup(ec);
                if (ec || !d.exists())
                    wrong = wrong ? wrong : 13;
            }
            if (!test::exists(p + "/sub/inner/file") || test::exists(p + "/a") || test::exists(p + "/link"))
                wrong = wrong ? wrong : 14;
            tf::basic_temp_dir<CharT> sweep(test::dir_in<CharT>(s.dir)); // the leftovers, by hand
            if (::rename(p.c_str(), (sweep.path() / "left").c_str()) != 0)
                wrong = wrong ? wrong : 15;
        }
        { // the destructor at the limit leaves a nested tree (it cannot report); nothing else
            std::string q;
            {
                descriptor_limit lim(false);
                tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
                q = d.path().string();
                make_nested(q, victim);
                lim.hold();
            }
            if (!test::exists(q + "/sub/inner/file"))
                wrong = wrong ? wrong : 16;
            tf::basic_temp_dir<CharT> sweep(test::dir_in<CharT>(s.dir));
            ::rename(q.c_str(), (sweep.path() / "left").c_str());
        }
        return test::open_fds() == fds ? wrong : 50;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries() == std::vector<std::string>{"victim"});
    BOOST_TEST(test::file_contents(victim) == "precious");
}

BOOST_AUTO_TEST_CASE(descriptor_exhaustion_during_tempdir_search)
{
    test::scratch s;
    int r = test::in_child([&] {
        test::env_guard g("TMPDIR", s.dir.c_str());
        warm_up_sanitizer<char>(s.dir);
        tf::reset_tempdir();
        struct rlimit rl;
        ::getrlimit(RLIMIT_NOFILE, &rl);
        rl.rlim_cur = static_cast<rlim_t>(lowest_free_fd());
        ::setrlimit(RLIMIT_NOFILE, &rl);
        boost::system::error_code ec;
        std::string d = tf::gettempdir(ec);
        if (ec != errc(boost::system::errc::no_such_file_or_directory) || !d.empty())
            return 1;
        rl.rlim_cur += 16;
        ::setrlimit(RLIMIT_NOFILE, &rl);
        return s.entries().empty() ? 0 : 2;
    });
    BOOST_TEST(r == 0);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(file_size_limit_during_write, CharT, test::char_types)
{
    test::scratch s;
    int r = test::in_child([&] {
        std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of death
        if (!test::limit_file_size(4096))
            return 10;
        const int fds = test::open_fds();
        std::string big(10000, 'z');
        std::vector<char> back(8192);
        {
            auto fo = test::file_in<CharT>(s.dir);
            tf::basic_temp_file<CharT> f(fo);
            boost::system::error_code ec;
            f.write(big.data(), big.size(), ec);
            if (ec != errc(boost::system::errc::file_too_large))
                return 1;
            bool thrown = false;
            try {
                f.write(big);
            } catch (const boost::filesystem::filesystem_error& e) {
                thrown = e.code() == errc(boost::system::errc::file_too_large) &&
                         e.path1().native() == test::narrow(f.name());
            }
            if (!thrown)
                return 2;
            // What fitted under the limit is there and intact.
            f.seek(0);
            std::size_t got = 0, n;
            while ((n = f.read(back.data() + got, back.size() - got)) > 0)
                got += n;
            if (got != 4096 || std::string(back.data(), got) != big.substr(0, 4096))
                return 3;
        }
        {
            auto ao = test::anonymous_in<CharT>(s.dir);
            tf::basic_temp_file<CharT, tf::anonymous_file<>> f(ao);
            boost::system::error_code ec;
            f.write(big.data(), big.size(), ec);
            if (ec != errc(boost::system::errc::file_too_large))
                return 4;
        }
        if (!s.entries().empty())
            return 5;
        return test::open_fds() == fds ? 0 : 6;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

// --- spooled files: a rollover that fails keeps the data in memory ---------------------------

namespace {

template <class CharT>
using spooled_file_t = tf::basic_temp_file<CharT, tf::spooled_file<>>;

std::string pattern(std::size_t n)
{
    std::string r;
    for (std::size_t i = 0; i < n; ++i)
        r += static_cast<char>('a' + (i * 7 + i / 26) % 26);
    return r;
}

// Every way to roll over fails with `expected`; the data, the position and the object stay as
// they were (in memory, readable). 0 or the number of the failed check.
template <class File>
int every_rollover_fails(File& f, boost::system::error_condition expected, std::string& data)
{
    boost::system::error_code ec;
    std::string more = "+more";
    f.seek(0, std::ios_base::end);
    f.write(more.data(), more.size(), ec); // past max_size already: rolls over
    data += more;                          // written in memory all the same
    if (ec != expected)
        return 1;
    try {
        f.write(more);
        return 2;
    } catch (const boost::filesystem::filesystem_error& e) {
        data += more;
        if (e.code() != expected)
            return 3;
    }
    try {
        f.rollover();
        return 4;
    } catch (const boost::filesystem::filesystem_error& e) {
        if (e.code() != expected)
            return 5;
    }
    f.rollover(ec);
    if (ec != expected)
        return 6;
    if (f.native_handle(ec) != -1 || ec != expected)
        return 7;
    f.truncate(data.size() * 2, ec); // past max_size: rolls over first
    if (ec != expected)
        return 8;
    f.seek(123);
    if (f.rolled_over() || !f.is_open() || f.tell() != 123)
        return 9;
    if (test::contents(f) != data)
        return 10;
    return 0;
}

// After the fault is gone: the rollover succeeds, the position is kept, the file holds the data.
template <class File>
int rollover_succeeds_later(File& f, const std::string& data)
{
    f.seek(77);
    f.rollover();
    if (!f.rolled_over() || f.tell() != 77)
        return 1;
    std::string back(data.size() + 1, '\0');
    if (::pread(f.native_handle(), &back[0], back.size(), 0) != static_cast<ssize_t>(data.size()) ||
        back.compare(0, data.size(), data) != 0)
        return 2;
    return test::contents(f) == data ? 0 : 3;
}

} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(descriptor_exhaustion_at_spooled_rollover, CharT, test::char_types)
{
    test::scratch s;
    int r = test::in_child([&] {
        const int fds = test::open_fds();
        warm_up_sanitizer<CharT>(s.dir);
        std::string data = pattern(5000);
        spooled_file_t<CharT> f(test::spooled_in<CharT>(s.dir, 1000));
        f.write(data.substr(0, 600)); // in memory
        {
            descriptor_limit lim;
            boost::system::error_code ec;
            f.write(data.data() + 600, data.size() - 600, ec); // crosses max_size: the rollover fails
            if (ec != sys_err(EMFILE))
                return 1;
            if (int e = every_rollover_fails(f, sys_err(EMFILE), data))
                return 10 + e;
        }
        if (!s.entries().empty())
            return 2; // no file, not even a named fallback
        if (test::open_fds() != fds)
            return 3; // no descriptor
        if (int e = rollover_succeeds_later(f, data))
            return 30 + e;
        return s.entries().empty() ? 0 : 4;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(file_size_limit_at_spooled_rollover, CharT, test::char_types)
{
    test::scratch s;
    int r = test::in_child([&] {
        std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of death
        const int fds = test::open_fds();
        struct rlimit old;
        ::getrlimit(RLIMIT_FSIZE, &old);
        struct rlimit rl = old;
        rl.rlim_cur = 4096; // the hard limit stays: the soft one can be raised again
        if (::setrlimit(RLIMIT_FSIZE, &rl) != 0)
            return 90;
        std::string data = pattern(5000);
        spooled_file_t<CharT> f(test::spooled_in<CharT>(s.dir, 1000));
        boost::system::error_code ec;
        f.write(data, ec); // 4096 bytes fit in the file, the rest does not: the rollover fails
        if (ec != errc(boost::system::errc::file_too_large))
            return 1;
        if (int e = every_rollover_fails(f, errc(boost::system::errc::file_too_large), data))
            return 10 + e;
        if (!s.entries().empty())
            return 2;
        if (test::open_fds() != fds)
            return 3;
        ::setrlimit(RLIMIT_FSIZE, &old);
        if (int e = rollover_succeeds_later(f, data))
            return 30 + e;
        return s.entries().empty() ? 0 : 4;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE(file_size_limit_zero_fails_the_tempdir_probe_and_leaves_nothing)
{
    test::scratch s;
    int r = test::in_child([&] {
        std::signal(SIGXFSZ, SIG_IGN);
        test::env_guard g("TMPDIR", s.dir.c_str());
        ::chdir(s.dir.c_str()); // the last candidate too
        tf::reset_tempdir();
        test::limit_file_size(0);
        boost::system::error_code ec;
        tf::gettempdir(ec);
        if (ec != errc(boost::system::errc::no_such_file_or_directory))
            return 1;
        return s.entries().empty() ? 0 : 2;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(read_only_directory_as_an_unprivileged_user, CharT, test::char_types)
{
    test::scratch s; // 0755, owned by root: not writable by nobody
    int r = test::in_child(
        [&] {
            const int fds = test::open_fds();
            int wrong = all_fail_with<CharT>(s.dir, errc(boost::system::errc::permission_denied));
            return wrong + (test::open_fds() == fds ? 0 : 50);
        },
        true);
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

// The directory of an open file loses search permission (another process of the user did
// it): the file's name cannot be checked (lstat: EACCES), so reopen() and persist() report
// EACCES naming the file, open nothing and publish nothing; with the permission back, both
// work. As `nobody` (root searches any directory).
BOOST_AUTO_TEST_CASE_TEMPLATE(a_file_whose_name_became_unreachable, CharT, test::char_types)
{
    test::scratch s;
    ::chmod(s.dir.c_str(), 01777);
    const std::string d = (s.dir / "d").string(), to = (s.dir / "published").string();
    int r = test::in_child(
        [&] {
            const int fds = test::open_fds();
            if (::mkdir(d.c_str(), 0700) != 0)
                return 1;
            {
                tf::basic_temp_file<CharT> f(test::file_in<CharT>(boost::filesystem::path(d)));
                f.write("data");
                const boost::filesystem::path name = f.path();
                if (::chmod(d.c_str(), 0600) != 0)
                    return 2;
                boost::system::error_code ec;
                tf::file_handle h = f.reopen(ec);
                if (ec != boost::system::errc::permission_denied || h)
                    return 3;
                f.persist(boost::filesystem::path(to), ec);
                if (ec != boost::system::errc::permission_denied)
                    return 4;
                try {
                    f.persist(boost::filesystem::path(to));
                    return 5;
                } catch (const boost::filesystem::filesystem_error& e) {
                    if (e.code() != boost::system::errc::permission_denied || e.path1() != name ||
                        e.path2() != boost::filesystem::path(to))
                        return 6;
                }
                if (test::exists(to) || f.path() != name)
                    return 7;
                if (::chmod(d.c_str(), 0700) != 0)
                    return 8;
                if (test::mode_of(name.string()) != 0600u)
                    return 9;
                if (!f.reopen(ec) || ec)
                    return 10;
                f.persist(boost::filesystem::path(to));
                if (test::file_contents(to) != "data")
                    return 11;
            }
            ::unlink(to.c_str());
            ::rmdir(d.c_str());
            return test::open_fds() == fds ? 0 : 12;
        },
        true);
    BOOST_TEST(r == 0, "child result " << r);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(missing_directory, CharT, test::char_types)
{
    test::scratch s;
    const int fds = test::open_fds();
    BOOST_TEST(all_fail_with<CharT>(s.dir / "missing" / "deeper",
                                    errc(boost::system::errc::no_such_file_or_directory)) == 0);
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::open_fds() == fds);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(directory_that_is_a_regular_file, CharT, test::char_types)
{
    test::scratch s;
    const std::string file = (s.dir / "plain").string();
    ::close(::open(file.c_str(), O_CREAT | O_WRONLY, 0600));
    const int fds = test::open_fds();
    BOOST_TEST(all_fail_with<CharT>(file, errc(boost::system::errc::not_a_directory)) == 0);
    BOOST_TEST(s.entries().size() == 1u);
    BOOST_TEST(test::open_fds() == fds);
}

// The current directory removed (getcwd fails with ENOENT): a relative directory or target
// cannot be made absolute. Every creation in a relative directory fails with ENOENT (nothing
// made), and persist() to a relative target reports it naming both paths, the file kept.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_removed_current_directory, CharT, test::char_types)
{
    test::scratch s;
    int r = test::in_child([&] {
        const std::string gone = (s.dir / "gone").string();
        if (::mkdir(gone.c_str(), 0700) != 0 || ::chdir(gone.c_str()) != 0 || ::rmdir(gone.c_str()) != 0)
            return 2;
        if (all_fail_with<CharT>("sub", errc(boost::system::errc::no_such_file_or_directory)) != 0)
            return 3;
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        const std::string name = f.path().string();
        boost::system::error_code ec;
        f.persist("rel", ec);
        if (ec != boost::system::errc::no_such_file_or_directory)
            return 4;
        try {
            f.persist_noclobber("rel");
            return 5;
        } catch (const boost::filesystem::filesystem_error& e) {
            if (e.path1().string() != name || e.path2() != "rel")
                return 6;
        }
        if (f.path().string() != name || !test::exists(name))
            return 7;
        return 0;
    });
    BOOST_TEST(r == 0, "child result " << r);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE(garbage_in_tmpdir)
{
    test::scratch s;
    int r = test::in_child([&] {
        ::unsetenv("TEMP"); // the search would go on to them: whatever the caller set
        ::unsetenv("TMP");
        // Unusable values are skipped: non-existent non-UTF-8 bytes, longer than PATH_MAX,
        // a relative path that does not exist. The search goes on to /tmp.
        for (std::string bad : {std::string("/nonexistent-\xff\xfe\x80"), "/" + std::string(5000, 'x'),
                                std::string("relative/does/not/exist")}) {
            test::env_guard g("TMPDIR", bad.c_str());
            tf::reset_tempdir();
            boost::system::error_code ec;
            std::string d = tf::gettempdir(ec);
            if (ec || d != "/tmp")
                return 1;
        }
        // A relative TMPDIR that exists gives an absolute directory.
        if (::chdir(s.dir.c_str()) != 0 || ::mkdir("rel", 0700) != 0)
            return 2;
        {
            test::env_guard g("TMPDIR", "rel");
            tf::reset_tempdir();
            if (tf::gettempdir() != (s.dir / "rel").string())
                return 3;
        }
        // An existing directory whose name is not UTF-8: fine narrow, a clear error wide,
        // and nothing created there by the wide objects.
        const std::string latin1 = (s.dir / "caf\xe9").string();
        if (::mkdir(latin1.c_str(), 0700) != 0)
            return 4;
        {
            test::env_guard g("TMPDIR", latin1.c_str());
            tf::reset_tempdir();
            if (tf::gettempdir() != latin1)
                return 5;
            boost::system::error_code ec;
            tf::gettempdir<wchar_t>(ec);
            if (ec != errc(boost::system::errc::illegal_byte_sequence))
                return 6;
            tf::wnamed_temporary_file f(tf::wfile_options(), ec);
            if (ec != errc(boost::system::errc::illegal_byte_sequence) || f.is_open())
                return 7;
            tf::wtemporary_directory d(tf::wdir_options(), ec);
            if (ec != errc(boost::system::errc::illegal_byte_sequence))
                return 8;
            const int fds = test::open_fds(); // the functions: created, then taken back
            auto [wfd, wname] = tf::mkstemp<wchar_t>({}, ec);
            if (ec != errc(boost::system::errc::illegal_byte_sequence) || wfd != -1 || !wname.empty())
                return 11;
            if (!tf::mkdtemp<wchar_t>({}, ec).empty() || ec != errc(boost::system::errc::illegal_byte_sequence))
                return 12;
            if (test::open_fds() != fds)
                return 13;
            tf::named_temporary_file n; // narrow works there
            if (n.name().rfind(latin1 + "/", 0) != 0)
                return 9;
        }
        test::fs::directory_iterator it(latin1), end;
        return it == end ? 0 : 10;
    });
    BOOST_TEST(r == 0);
}

namespace {
volatile sig_atomic_t alarms = 0;
extern "C" void on_alarm(int)
{
    alarms = alarms + 1;
}
} // namespace

BOOST_AUTO_TEST_CASE(signals_interrupting_operations)
{
    // An interval timer fires SIGALRM every 50 microseconds at a handler installed WITHOUT
    // SA_RESTART, so that interruptible calls fail with EINTR; thousands of creations, writes,
    // reads and removals must all succeed.
    test::scratch s;
    int r = test::in_child([&] {
        struct sigaction sa;
        std::memset(&sa, 0, sizeof sa);
        sa.sa_handler = &on_alarm;
        sa.sa_flags = 0; // no SA_RESTART
        ::sigaction(SIGALRM, &sa, nullptr);
        struct itimerval it = {{0, 50}, {0, 50}};
        ::setitimer(ITIMER_REAL, &it, nullptr);
        const int fds = test::open_fds();
        int failures = 0;
        std::string payload(16 * 1024, 'p');
        std::vector<char> back(payload.size());
        for (int i = 0; i < 1000; ++i) {
            try {
                auto o = test::options_in<char>(s.dir);
                auto m = tf::mkstemp(o);
                ::close(m.first);
                ::unlink(m.second.c_str());
                ::rmdir(tf::mkdtemp(o).c_str());
                auto fo = test::file_in<char>(s.dir);
                tf::named_temporary_file f(fo);
                f.write(payload);
                f.seek(0);
                std::size_t got = 0, n;
                while ((n = f.read(back.data() + got, back.size() - got)) > 0)
                    got += n;
                if (got != payload.size())
                    ++failures;
                auto ao = test::anonymous_in<char>(s.dir);
                tf::temporary_file a(ao);
                a.write(payload);
                auto dop = test::dir_in<char>(s.dir);
                tf::temporary_directory d(dop);
            } catch (...) {
                ++failures;
            }
        }
        struct itimerval off = {{0, 0}, {0, 0}};
        ::setitimer(ITIMER_REAL, &off, nullptr);
        if (alarms == 0)
            return 1; // the test proved nothing
        if (failures)
            return 2;
        if (!s.entries().empty())
            return 3;
        return test::open_fds() == fds ? 0 : 4;
    });
    BOOST_TEST(r == 0);
}

#else // the whole file needs POSIX

BOOST_AUTO_TEST_CASE(posix_only_file, *test::posix_only("14 cases: resource limits (RLIMIT_NOFILE, RLIMIT_FSIZE), signals (EINTR) and permission bits, set in forked children"))
{
}

#endif
