// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Python's module functions: mkstemp, mkdtemp, mktemp, gettempprefix.

#define BOOST_TEST_MODULE functions
#include <boost/test/unit_test.hpp>

#include <boost/tempfile/functions.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <cstring>
#include <set>

namespace tf = boost::tempfile;
using test::lit;
using test::narrow;

namespace {

// prefix + exactly 8 symbols of Python's alphabet + suffix, in dir.
template <class CharT>
bool has_shape(const std::basic_string<CharT>& name, const std::string& dir, const std::string& prefix,
               const std::string& suffix)
{
    std::string n = narrow(name);
    std::string head = dir + test::separator + prefix;
    if (n.size() != head.size() + 8 + suffix.size() || n.compare(0, head.size(), head) != 0 ||
        n.compare(n.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    for (std::size_t i = head.size(); i < head.size() + 8; ++i)
        if (!std::strchr("abcdefghijklmnopqrstuvwxyz0123456789_", n[i]) || n[i] == 0)
            return false;
    return true;
}

} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(gettempprefix_is_tmp, CharT, test::char_types)
{
    BOOST_TEST((tf::gettempprefix<CharT>() == lit<CharT>("tmp")));
}

BOOST_TEST_DECORATOR(*test::posix_only("mode 0600 and O_CLOEXEC (fcntl); test_windows checks the C-runtime descriptor"))
BOOST_AUTO_TEST_CASE_TEMPLATE(mkstemp_creates_exclusive_0600_cloexec_file, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    test::umask_guard um(0);
    auto o = test::options_in<CharT>(s.dir);
    o.prefix = lit<CharT>("pre");
    o.suffix = lit<CharT>(".txt");
    auto [fd, name] = tf::mkstemp(o);
    BOOST_TEST(fd >= 0);
    BOOST_TEST(has_shape(name, s.dir.string(), "pre", ".txt"));
    BOOST_TEST(test::mode_of(narrow(name)) == 0600u);
    BOOST_TEST((::fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    BOOST_TEST((::fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
    BOOST_TEST(::write(fd, "abc", 3) == 3);
    ::close(fd);
    BOOST_TEST(s.entries().size() == 1u);
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(mkstemp_default_prefix_and_directory, CharT, test::char_types)
{
    test::scratch s;
    tf::set_tempdir(s.dir); // the default directory, in this test's own
    auto [fd, name] = tf::mkstemp<CharT>();
    BOOST_TEST(has_shape(name, tf::gettempdir(), "tmp", ""));
    tf::reset_tempdir();
    BOOST_TEST(narrow(name).rfind(s.dir.string() + test::separator, 0) == 0u);
    test::close_fd(fd);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(hundred_names_are_distinct, CharT, test::char_types)
{
    test::scratch s;
    std::set<std::basic_string<CharT>> names;
    auto o = test::options_in<CharT>(s.dir);
    for (int i = 0; i < 100; ++i) {
        auto r = tf::mkstemp(o);
        test::close_fd(r.first);
        names.insert(r.second);
    }
    BOOST_TEST(names.size() == 100u);
    BOOST_TEST(s.entries().size() == 100u);
}

BOOST_TEST_DECORATOR(*test::posix_only("mode 0700 under umask 0; test_windows checks the DACL"))
BOOST_AUTO_TEST_CASE_TEMPLATE(mkdtemp_creates_0700_directory, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    test::umask_guard um(0);
    auto o = test::options_in<CharT>(s.dir);
    o.suffix = lit<CharT>("-d");
    std::basic_string<CharT> name = tf::mkdtemp(o);
    BOOST_TEST(has_shape(name, s.dir.string(), "tmp", "-d"));
    struct stat st;
    BOOST_TEST(::lstat(narrow(name).c_str(), &st) == 0);
    BOOST_TEST(S_ISDIR(st.st_mode));
    BOOST_TEST((st.st_mode & 07777) == 0700u);
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(relative_dir_gives_absolute_names, CharT, test::char_types)
{
    test::scratch s;
    boost::filesystem::path old = boost::filesystem::current_path();
    boost::filesystem::create_directory(s.dir / "sub");
    boost::filesystem::current_path(s.dir);
    auto o = test::options_in<CharT>(boost::filesystem::path("sub"));
    auto r = tf::mkstemp(o);
    std::basic_string<CharT> d = tf::mkdtemp(o);
    boost::filesystem::current_path(old);
    test::close_fd(r.first);
    BOOST_TEST(has_shape(r.second, (s.dir / "sub").string(), "tmp", ""));
    BOOST_TEST(has_shape(d, (s.dir / "sub").string(), "tmp", ""));
}

BOOST_TEST_DECORATOR(*test::posix_only("chdir in a forked child"))
BOOST_AUTO_TEST_CASE_TEMPLATE(relative_dir_against_any_current_directory, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // The current directory's name longer than a first getcwd buffer (256 bytes: it is asked
    // again with more room), "." and a name with trailing separators; and the root, where a
    // relative name gets no doubled separator.
    test::scratch s;
    std::string deep = s.dir.string();
    for (int i = 0; i < 5; ++i) {
        deep += "/" + std::string(60, 'd');
        BOOST_REQUIRE(::mkdir(deep.c_str(), 0700) == 0);
    }
    BOOST_REQUIRE(::mkdir((deep + "/sub").c_str(), 0700) == 0);
    int r = test::in_child([&] {
        if (::chdir(deep.c_str()) != 0)
            return 1;
        auto here = test::options_in<CharT>(boost::filesystem::path("."));
        auto sub = test::options_in<CharT>(boost::filesystem::path("sub//"));
        if (!has_shape(tf::mkdtemp(here), deep, "tmp", "") || !has_shape(tf::mkdtemp(sub), deep + "/sub", "tmp", ""))
            return 2;
        if (::chdir("/") != 0)
            return 3;
        auto tmp = test::options_in<CharT>(boost::filesystem::path("tmp"));
        std::basic_string<CharT> d = tf::mkdtemp(tmp);
        const bool shaped = has_shape(d, "/tmp", "tmp", "");
        ::rmdir(narrow(d).c_str());
        return shaped ? 0 : 4;
    });
    BOOST_TEST(r == 0, "child result " << r);
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(invalid_prefix_or_suffix_is_refused_and_nothing_created, CharT, test::char_types)
{
    test::scratch s;
    const std::basic_string<CharT> bad[] = {lit<CharT>("a/b"), lit<CharT>("/"), std::basic_string<CharT>(1, CharT(0)),
                                            lit<CharT>("x") + CharT(0) + lit<CharT>("y")};
    for (const auto& b : bad) {
        for (int which = 0; which < 2; ++which) {
            auto o = test::options_in<CharT>(s.dir);
            (which ? o.suffix : *(o.prefix = std::basic_string<CharT>())) = b;
            boost::system::error_code ec;
            auto r = tf::mkstemp(o, ec);
            BOOST_TEST(ec == boost::system::errc::invalid_argument);
            BOOST_TEST(r.first == -1);
            ec.clear();
            tf::mkdtemp(o, ec);
            BOOST_TEST(ec == boost::system::errc::invalid_argument);
            BOOST_CHECK_THROW(tf::mkstemp(o), boost::filesystem::filesystem_error);
        }
    }
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(name_over_the_limit_is_refused_at_once, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::options_in<CharT>(s.dir);
    o.prefix = std::basic_string<CharT>(250, CharT('p'));
    boost::system::error_code ec;
    auto r = tf::mkstemp(o, ec);
    BOOST_TEST(r.first == -1);
    BOOST_TEST((ec == boost::system::errc::filename_too_long || ec == boost::system::errc::invalid_argument));
    BOOST_TEST(s.entries().empty());
}

// A prefix and a suffix that leave no room for the random part are refused before any name is
// tried: filename_too_long, the message shows the pattern (prefix...suffix), nothing created.
BOOST_AUTO_TEST_CASE_TEMPLATE(prefix_and_suffix_without_room_are_refused, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::options_in<CharT>(s.dir);
    o.prefix = std::basic_string<CharT>(200, CharT('p'));
    o.suffix = std::basic_string<CharT>(55, CharT('s'));
    boost::system::error_code ec;
    auto r = tf::mkstemp(o, ec);
    BOOST_TEST(r.first == -1);
    BOOST_TEST(ec == boost::system::errc::filename_too_long);
    try {
        tf::mkdtemp(o);
        BOOST_ERROR("no exception");
    } catch (const boost::filesystem::filesystem_error& e) {
        BOOST_TEST(e.code() == boost::system::errc::filename_too_long);
        BOOST_TEST(e.path1().string().find("ppp...sss") != std::string::npos, e.path1().string());
    }
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(missing_or_file_directory_is_reported_with_the_path, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::options_in<CharT>(s.dir / "missing");
    boost::system::error_code ec;
    tf::mkstemp(o, ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    try {
        tf::mkdtemp(o);
        BOOST_ERROR("no exception");
    } catch (const boost::filesystem::filesystem_error& e) {
        BOOST_TEST(e.code() == boost::system::errc::no_such_file_or_directory);
        BOOST_TEST(e.path1().string().find((s.dir / "missing").string()) == 0u);
    }
    BOOST_REQUIRE(test::write_file((s.dir / "file").string()));
    o.dir = s.dir / "file";
    tf::mkstemp(o, ec);
    // POSIX: ENOTDIR. Windows answers ERROR_PATH_NOT_FOUND, reported as is (Python's
    // FileNotFoundError there): Boost.System maps no Win32 code to not_a_directory.
    BOOST_TEST(ec == (BOOST_TEMPFILE_TEST_POSIX ? boost::system::errc::not_a_directory
                                                : boost::system::errc::no_such_file_or_directory));
    BOOST_TEST(s.entries().size() == 1u);
}

BOOST_AUTO_TEST_CASE(wide_names_are_utf8_on_disk_and_round_trip)
{
    test::scratch s;
    auto o = test::options_in<wchar_t>(s.dir);
    o.prefix = L"\u0434\u0430\u043d\u043d\u044b\u0435-";
    o.suffix = L"-\u00e9\U0001F600";
    auto [fd, name] = tf::mkstemp(o);
    test::close_fd(fd);
    auto e = s.entries(); // UTF-8 (on Windows: of the UTF-16 name on disk)
    BOOST_REQUIRE(e.size() == 1u);
    BOOST_TEST(e[0].compare(0, std::strlen("\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xbd\xd1\x8b\xd0\xb5-"), "\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xbd\xd1\x8b\xd0\xb5-") == 0);
    BOOST_TEST(e[0].substr(e[0].size() - std::strlen("-\xc3\xa9\xf0\x9f\x98\x80")) == "-\xc3\xa9\xf0\x9f\x98\x80");
    BOOST_TEST((name.substr(0, s.dir.string().size() + 1 + 7) ==
                lit<wchar_t>((s.dir.string() + test::separator).c_str()) + L"\u0434\u0430\u043d\u043d\u044b\u0435-"));
    BOOST_TEST(narrow(name) == s.dir.string() + test::separator + e[0]);
}

// Each UTF-8 length at its bounds: U+07FF (the last of two bytes), U+0800 and U+FFFD (three
// bytes; also the CJK U+65E5 and the euro sign U+20AC), U+10000 (the first of four); the bytes
// on disk are exactly UTF-8's, and the name comes back identical.
BOOST_AUTO_TEST_CASE(wide_names_of_every_utf8_length_are_exact_on_disk)
{
    test::scratch s;
    auto o = test::options_in<wchar_t>(s.dir);
    const std::wstring wprefix = L"\u07ff\u0800\u65e5-", wsuffix = L"-\u20ac\ufffd\U00010000";
    o.prefix = wprefix;
    o.suffix = wsuffix;
    auto [fd, name] = tf::mkstemp(o);
    test::close_fd(fd);
    auto e = s.entries();
    BOOST_REQUIRE(e.size() == 1u);
    const std::string prefix = "\xdf\xbf\xe0\xa0\x80\xe6\x97\xa5-", suffix = "-\xe2\x82\xac\xef\xbf\xbd\xf0\x90\x80\x80";
    BOOST_TEST(e[0].size() == prefix.size() + 8 + suffix.size());
    BOOST_TEST(e[0].compare(0, prefix.size(), prefix) == 0);
    BOOST_TEST(e[0].substr(e[0].size() - suffix.size()) == suffix);
    BOOST_TEST(narrow(name) == s.dir.string() + test::separator + e[0]);
    const std::wstring leaf = name.substr(name.size() - (wprefix.size() + 8 + wsuffix.size()));
    BOOST_TEST((leaf.compare(0, wprefix.size(), wprefix) == 0));
    BOOST_TEST((leaf.substr(wprefix.size() + 8) == wsuffix));
}

// A narrow name that is UTF-8 in form but not in value (an overlong form of '/', a UTF-16
// surrogate, a code point past U+10FFFF) has no wide form: asked for wide, refused
// (illegal_byte_sequence); the narrow form is the bytes as they are.
BOOST_AUTO_TEST_CASE(narrow_names_of_invalid_utf8_values_have_no_wide_form, *test::posix_only("narrow names are bytes on POSIX; Windows converts them when given"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    for (const char* bad : {"over\xc0\xaflong", "sur\xed\xa0\x80rogate", "past\xf4\x90\x80\x80max"}) {
        BOOST_TEST_INFO(bad);
        const std::string d = (s.dir / bad).string();
        BOOST_REQUIRE(::mkdir(d.c_str(), 0700) == 0);
        tf::set_tempdir(d);
        boost::system::error_code ec;
        BOOST_TEST(tf::gettempdir(ec) == d);
        BOOST_TEST(!ec);
        BOOST_TEST(tf::gettempdir<wchar_t>(ec).empty());
        BOOST_TEST(ec == boost::system::errc::illegal_byte_sequence);
        tf::reset_tempdir();
        ::rmdir(d.c_str());
    }
#endif
}

BOOST_AUTO_TEST_CASE(invalid_wide_code_point_is_refused)
{
    test::scratch s;
    auto o = test::options_in<wchar_t>(s.dir);
    o.prefix = std::wstring(1, static_cast<wchar_t>(0xD800)); // a lone surrogate
    boost::system::error_code ec;
    tf::mkstemp(o, ec);
    BOOST_TEST(ec == boost::system::errc::invalid_argument);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(mktemp_gives_an_absent_name_and_creates_nothing, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::options_in<CharT>(s.dir);
    o.suffix = lit<CharT>(".sock");
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    std::basic_string<CharT> n = tf::mktemp(o);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    BOOST_TEST(has_shape(n, s.dir.string(), "tmp", ".sock"));
    BOOST_TEST(!test::exists(narrow(n)));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE(functions_leak_no_descriptor)
{
    test::scratch s;
    int before = test::open_fds();
    for (int i = 0; i < 10; ++i) {
        auto o = test::options_in<char>(s.dir);
        auto r = tf::mkstemp(o);
        test::close_fd(r.first);
        tf::mkdtemp(o);
        boost::system::error_code ec;
        o.dir = s.dir / "missing";
        tf::mkstemp(o, ec);
        tf::mkdtemp(o, ec);
    }
    BOOST_TEST(test::open_fds() == before);
}

BOOST_AUTO_TEST_CASE(utf8_path_is_independent_of_the_locale, *test::posix_only("path::native() holds UTF-8 bytes"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    boost::filesystem::path d = tf::utf8_path(s.dir.wstring() + L"/donn\u00e9es");
    BOOST_TEST(d.native() == s.dir.string() + "/donn\xc3\xa9" "es");
    const std::string bytes = s.dir.string() + "/donn\xc3\xa9" "es";
    BOOST_TEST(tf::utf8_path(std::string_view(bytes)).native() == bytes); // narrow: the bytes as they are
    BOOST_REQUIRE(::mkdir(d.c_str(), 0700) == 0);
    auto o = test::options_in<wchar_t>(d);
    std::wstring name = tf::mkdtemp(o);
    BOOST_TEST((name.substr(0, s.dir.wstring().size() + 9) == s.dir.wstring() + L"/donn\u00e9es/"));
#endif
}

BOOST_AUTO_TEST_CASE(utf8_path_of_an_invalid_wide_string_is_an_error_never_the_cwd, *test::posix_only("utf8_path of a wide string converts to UTF-8 bytes; fork and chdir"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    // It used to return an empty path, which `dir` takes as the current directory: the file
    // silently landed in the working directory.
    test::scratch s;
    for (std::wstring bad : {std::wstring(L"/tmp/a") + wchar_t(0xD800), std::wstring(1, wchar_t(0x110000))}) {
        boost::system::error_code ec;
        BOOST_TEST(tf::utf8_path(bad, ec).empty());
        BOOST_TEST(ec == boost::system::errc::illegal_byte_sequence);
        int r = test::in_child([&] {
            if (::chdir(s.dir.c_str()) != 0)
                return 1;
            try {
                auto o = test::options_in<wchar_t>(tf::utf8_path(bad));
                tf::mkstemp(o);
                return 2;
            } catch (const boost::filesystem::filesystem_error& e) {
                return e.code() == boost::system::errc::illegal_byte_sequence ? 0 : 3;
            }
        });
        BOOST_TEST(r == 0);
        BOOST_TEST(s.entries().empty());
    }
    boost::system::error_code ec = boost::system::errc::make_error_code(boost::system::errc::io_error);
    BOOST_TEST(tf::utf8_path(L"/ok", ec) == boost::filesystem::path("/ok"));
    BOOST_TEST(!ec);
#endif
}

// Windows' counterpart: there a narrow string is UTF-8, decoded. Invalid UTF-8 (a stray
// continuation byte, a byte no sequence starts with, a sequence cut short or broken, an
// overlong form, a surrogate) is an error, never an empty path, which `dir` would take as the
// current directory; as a prefix it is refused before anything is made. Three-byte characters
// go to disk as their UTF-16 unit and come back as the same bytes.
BOOST_AUTO_TEST_CASE(utf8_path_of_invalid_utf8_is_an_error_on_windows, *test::windows_only("narrow names are UTF-8, decoded"))
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    for (const char* bad : {"stray\x80", "\xff", "cut\xe2\x82", "broken\xe2\x41\x41", "over\xc0\xaflong",
                            "sur\xed\xa0\x80rogate"}) {
        BOOST_TEST_INFO(bad);
        boost::system::error_code ec;
        BOOST_TEST(tf::utf8_path(std::string_view(bad), ec).empty());
        BOOST_TEST(ec == boost::system::errc::illegal_byte_sequence);
        try {
            tf::utf8_path(std::string_view(bad));
            BOOST_ERROR("decoded");
        } catch (const boost::filesystem::filesystem_error& e) {
            BOOST_TEST(e.code() == boost::system::errc::illegal_byte_sequence);
        }
        auto o = test::options_in<char>(s.dir);
        o.prefix = bad;
        BOOST_TEST(tf::mkstemp(o, ec).first == -1);
        BOOST_TEST(ec == boost::system::errc::invalid_argument);
    }
    BOOST_TEST(s.entries().empty());
    boost::system::error_code ec = boost::system::errc::make_error_code(boost::system::errc::io_error);
    BOOST_TEST((tf::utf8_path(std::string_view("C:\\donn\xc3\xa9" "es\\\xe2\x82\xac"), ec).wstring() ==
                L"C:\\donn\u00e9es\\\u20ac"));
    BOOST_TEST(!ec);
    auto o = test::options_in<char>(s.dir);
    o.prefix = "\xe2\x82\xac-"; // EURO SIGN, U+20AC
    const std::string made = tf::mkdtemp(o);
    const std::string leaf = made.substr(made.find_last_of('\\') + 1);
    BOOST_TEST(leaf.compare(0, 4, "\xe2\x82\xac-") == 0);
    const std::wstring wide = tf::utf8_path(made).wstring();
    BOOST_TEST((wide.substr(wide.find_last_of(L'\\') + 1, 2) == L"\u20ac-"));
    BOOST_TEST(::RemoveDirectoryW(wide.c_str()));
    BOOST_TEST(s.entries().empty());
#endif
}
