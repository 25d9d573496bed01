// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// gettempdir's search (Python's order and probe), its cache, set_tempdir / reset_tempdir,
// and the library's location policies.

#define BOOST_TEST_MODULE location
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/test_common.hpp"

namespace tf = boost::tempfile;
using test::lit;
using test::narrow;

namespace {

// The search re-run with TMPDIR, TEMP, TMP as given (nullptr: unset).
std::string search_with(const char* tmpdir, const char* temp, const char* tmp)
{
    test::env_guard a("TMPDIR", tmpdir), b("TEMP", temp), c("TMP", tmp);
    tf::reset_tempdir();
    std::string r = tf::gettempdir();
    tf::reset_tempdir();
    return r;
}

} // namespace

BOOST_AUTO_TEST_CASE(environment_order_is_tmpdir_temp_tmp)
{
    test::scratch s;
    for (const char* d : {"A", "B", "C"})
        boost::filesystem::create_directory(s.dir / d);
    std::string a = (s.dir / "A").string(), b = (s.dir / "B").string(), c = (s.dir / "C").string();
    BOOST_TEST(search_with(a.c_str(), b.c_str(), c.c_str()) == a);
    BOOST_TEST(search_with(nullptr, b.c_str(), c.c_str()) == b);
    BOOST_TEST(search_with("", b.c_str(), c.c_str()) == b); // empty is skipped
    BOOST_TEST(search_with(nullptr, nullptr, c.c_str()) == c);
    BOOST_TEST(search_with(nullptr, nullptr, nullptr) == "/tmp");
}

BOOST_AUTO_TEST_CASE(case_is_preserved)
{
    test::scratch s;
    boost::filesystem::create_directory(s.dir / "MixedCase");
    std::string d = (s.dir / "MixedCase").string();
    BOOST_TEST(search_with(d.c_str(), nullptr, nullptr) == d);
}

BOOST_AUTO_TEST_CASE(unusable_candidates_are_skipped_and_no_probe_file_is_left)
{
    test::scratch s;
    std::string missing = (s.dir / "missing").string();
    std::string file = (s.dir / "file").string();
    ::close(::open(file.c_str(), O_CREAT | O_WRONLY, 0600));
    boost::filesystem::create_directory(s.dir / "ok");
    std::string ok = (s.dir / "ok").string();
    BOOST_TEST(search_with(missing.c_str(), file.c_str(), ok.c_str()) == ok);
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "ok"));
    BOOST_TEST(s.entries().size() == 2u);
}

BOOST_AUTO_TEST_CASE(read_only_candidate_is_skipped_for_an_unprivileged_user)
{
    test::scratch s;
    boost::filesystem::create_directory(s.dir / "ro");
    boost::filesystem::create_directory(s.dir / "rw");
    ::chmod((s.dir / "ro").c_str(), 0555);
    ::chmod((s.dir / "rw").c_str(), 0777);
    std::string ro = (s.dir / "ro").string(), rw = (s.dir / "rw").string();
    int r = test::in_child(
        [&] {
            test::env_guard a("TMPDIR", ro.c_str()), b("TEMP", rw.c_str());
            tf::reset_tempdir();
            return tf::gettempdir() == rw ? 0 : 1;
        },
        true);
    BOOST_TEST(r == 0);
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "ro"));
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "rw"));
}

BOOST_AUTO_TEST_CASE(relative_candidate_is_made_absolute)
{
    test::scratch s;
    std::string old = boost::filesystem::current_path().string();
    boost::filesystem::create_directory(s.dir / "rel");
    BOOST_REQUIRE(::chdir(s.dir.c_str()) == 0);
    std::string r = search_with("rel", nullptr, nullptr);
    BOOST_REQUIRE(::chdir(old.c_str()) == 0);
    BOOST_TEST(r == (s.dir / "rel").string());
}

BOOST_AUTO_TEST_CASE(result_is_cached_until_reset)
{
    test::scratch s;
    tf::reset_tempdir();
    std::string first = tf::gettempdir();
    {
        test::env_guard a("TMPDIR", s.dir.c_str());
        BOOST_TEST(tf::gettempdir() == first); // cached: the environment is not re-read
        tf::reset_tempdir();
        BOOST_TEST(tf::gettempdir() == s.dir.string()); // re-read after reset
    }
    tf::reset_tempdir();
    BOOST_TEST(tf::gettempdir() == first);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(set_tempdir_is_used_unchecked_and_by_creation, CharT, test::char_types)
{
    test::scratch s;
    tf::set_tempdir(s.dir);
    BOOST_TEST(narrow(tf::gettempdir<CharT>()) == s.dir.string());
    auto [fd, name] = tf::mkstemp<CharT>();
    ::close(fd);
    BOOST_TEST(narrow(name).rfind(s.dir.string() + "/tmp", 0) == 0u);
    tf::set_tempdir(s.dir / "does-not-exist"); // unchecked, as Python's tempfile.tempdir
    BOOST_TEST(tf::gettempdir() == (s.dir / "does-not-exist").string());
    boost::system::error_code ec;
    tf::mkstemp<CharT>({}, ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    tf::reset_tempdir();
    BOOST_TEST(tf::gettempdir() != (s.dir / "does-not-exist").string());
}

BOOST_AUTO_TEST_CASE(setuid_programs_ignore_the_environment)
{
    // secure_getenv is what the search uses; in a set-user-ID program it returns nullptr.
    // Here (not setuid) it must return the value, so the wrapper is the one in use.
    test::env_guard a("TMPDIR", "/some/where");
    BOOST_TEST(std::string(boost::tempfile::detail::sys::secure_getenv("TMPDIR")) == "/some/where");
    auto c = boost::tempfile::detail::candidate_tempdirs();
    BOOST_TEST(c.front() == "/some/where");
    BOOST_TEST(c.size() == 5u); // TMPDIR, /tmp, /var/tmp, /usr/tmp, cwd
}

BOOST_AUTO_TEST_CASE(gettempdir_error_code_form)
{
    boost::system::error_code ec(1, boost::system::system_category());
    std::string d = tf::gettempdir(ec);
    BOOST_TEST(!ec);
    BOOST_TEST(!d.empty());
    BOOST_TEST(d[0] == '/');
    std::wstring wd = tf::gettempdir<wchar_t>(ec);
    BOOST_TEST(!ec);
    BOOST_TEST(narrow(wd) == d);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(location_policies, CharT, test::char_types)
{
    test::scratch s;
    std::string old = boost::filesystem::current_path().string();
    BOOST_REQUIRE(::chdir(s.dir.c_str()) == 0);
    {
        tf::basic_temp_file<CharT, tf::current_dir> f;
        BOOST_TEST(f.path().parent_path() == s.dir);
    }
    BOOST_REQUIRE(::chdir(old.c_str()) == 0);
    {
        boost::filesystem::create_directory(s.dir / "run");
        test::env_guard e("XDG_RUNTIME_DIR", (s.dir / "run").c_str());
        tf::basic_temp_file<CharT, tf::runtime_dir> f;
        BOOST_TEST(f.path().parent_path() == s.dir / "run");
    }
    {
        test::env_guard e("XDG_RUNTIME_DIR", nullptr);
        tf::basic_temp_file<CharT, tf::runtime_dir> f;
        BOOST_TEST(f.path().parent_path().string() == tf::gettempdir());
    }
    BOOST_TEST(s.entries().size() == 1u); // only "run", now empty
}
