// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// temporary_file: no directory entry while open (the directory can even be removed), the I/O
// surface and stream(), link() (O_TMPFILE only, never replacing, durable), the create + unlink
// fallback, no descriptor leaked.

#define BOOST_TEST_MODULE temporary_file
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <string>

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;
using test::lit;

namespace {

using test::contents;
using test::file_contents;

#if BOOST_TEMPFILE_TEST_POSIX
// Forces the create + unlink fallback for the guard's lifetime.
struct no_o_tmpfile
{
    bool saved = tf::detail::tmpfile_supported().exchange(false);
    ~no_o_tmpfile() { tf::detail::tmpfile_supported().store(saved); }
};
#endif

} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(no_directory_entry_even_when_the_directory_is_removed, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows has no file without a name: a temporary_file is a delete-on-close entry, so its
    // directory cannot be removed while it is open, and can at once after close().
    test::scratch s;
    fs::path sub = s.dir / "sub";
    BOOST_TEST(fs::create_directory(sub));
    auto o = test::anonymous_in<CharT>(sub);
    tf::basic_temp_file<CharT, tf::anonymous_file<>> f(o);
    BOOST_TEST(f.is_open());
    BOOST_TEST(!::RemoveDirectoryW(sub.c_str()));
    BOOST_TEST(::GetLastError() == static_cast<DWORD>(ERROR_DIR_NOT_EMPTY));
    f.write("still here");
    BOOST_TEST(contents(f) == "still here");
    f.close();
    BOOST_TEST(!f.is_open());
    BOOST_TEST(::RemoveDirectoryW(sub.c_str()) != 0); // nothing left in it
    f.close();
#elif BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    fs::path sub = s.dir / "sub";
    BOOST_TEST(::mkdir(sub.c_str(), 0700) == 0);
    auto o = test::anonymous_in<CharT>(sub);
    tf::basic_temp_file<CharT, tf::anonymous_file<>> f(o);
    BOOST_TEST(f.is_open());
    BOOST_TEST(::rmdir(sub.c_str()) == 0); // empty: nothing in it
    f.write("still here");
    BOOST_TEST(contents(f) == "still here");
    f.close();
    BOOST_TEST(!f.is_open());
    f.close();
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(io_and_stream, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
    f.stream() << 3.5 << ' ' << "pi";
    f.write(" raw");
    BOOST_TEST(contents(f) == "3.5 pi raw");
    f.seek(0);
    double d = 0;
    std::string w;
    f.stream() >> d >> w;
    BOOST_TEST(d == 3.5);
    BOOST_TEST(w == "pi");
    BOOST_TEST(f.tell() == 6);
    f.truncate(3);
    BOOST_TEST(contents(f) == "3.5");
    BOOST_TEST(s.entries().size() == test::unnamed_file_entries);
}

BOOST_AUTO_TEST_CASE(facades)
{
    static_assert(std::is_same_v<tf::temporary_file, tf::basic_temp_file<char, tf::anonymous_file<>>>);
    static_assert(std::is_same_v<tf::wtemporary_file, tf::basic_temp_file<wchar_t, tf::anonymous_file<>>>);
    test::scratch s;
    tf::set_tempdir(s.dir); // the default location, in this test's own directory
    tf::temporary_file f;
    tf::wtemporary_file w;
    tf::reset_tempdir();
    BOOST_TEST(f.is_open());
    BOOST_TEST(w.is_open());
}

// ---- link()

BOOST_TEST_DECORATOR(*test::linux_only("link() names an O_TMPFILE file (linkat); elsewhere link() is operation_not_supported (fallback_file_cannot_be_linked, test_windows)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(link_gives_the_complete_file_a_name, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    test::umask_guard um(022);
    fs::path target = s.dir / "result.txt";
    {
        tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
        f.write("complete");
        BOOST_TEST(s.entries().empty());
        f.link(target);
        BOOST_TEST(file_contents(target.string()) == "complete");
        f.write(" and more"); // the descriptor stays open, on the same file
        BOOST_TEST(file_contents(target.string()) == "complete and more");
        struct stat st;
        BOOST_TEST(::fstat(f.native_handle(), &st) == 0);
        BOOST_TEST(st.st_nlink == 1u);
        BOOST_TEST((st.st_mode & 0777) == 0644u); // a new name: the umask's mode (publish_mode)
    }
    BOOST_TEST(file_contents(target.string()) == "complete and more"); // nothing deletes it
#endif
}

BOOST_TEST_DECORATOR(*test::linux_only("link() names an O_TMPFILE file (linkat); elsewhere link() is operation_not_supported (fallback_file_cannot_be_linked, test_windows)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(link_never_replaces, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    fs::path target = s.dir / "taken";
    {
        int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
        BOOST_TEST(::write(fd, "old", 3) == 3);
        ::close(fd);
    }
    tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
    f.write("new");
    boost::system::error_code ec;
    f.link(target, ec);
    BOOST_TEST(ec == boost::system::errc::file_exists);
    BOOST_CHECK_THROW(f.link(target), boost::filesystem::filesystem_error);
    BOOST_TEST(file_contents(target.string()) == "old");
    BOOST_TEST(contents(f) == "new"); // the object still has its file
    f.link(s.dir / "other", ec);
    BOOST_TEST(!ec);
    BOOST_TEST(file_contents((s.dir / "other").string()) == "new");
#endif
}

BOOST_TEST_DECORATOR(*test::linux_only("link() names an O_TMPFILE file (linkat); elsewhere link() is operation_not_supported (fallback_file_cannot_be_linked, test_windows)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(durable_link, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
    f.stream() << "synced"; // pending stream output is written before the link
    boost::system::error_code ec;
    f.link(s.dir / "durable", tf::durability::durable, ec);
    BOOST_TEST(!ec);
    BOOST_TEST(file_contents((s.dir / "durable").string()) == "synced");
    f.link(s.dir / "durable2", tf::durability::durable);
    BOOST_TEST(test::exists((s.dir / "durable2").string()));
    f.link(s.dir / "missing" / "x", tf::durability::durable, ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
#endif
}

// On every system: a closed file is bad_file_descriptor, in each form of link() (where no file
// can be named, an open one is operation_not_supported: fallback_file_cannot_be_linked,
// test_windows).
BOOST_AUTO_TEST_CASE_TEMPLATE(link_after_close_is_an_error, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
    f.close();
    boost::system::error_code ec;
    f.link(s.dir / "x", ec);
    BOOST_TEST(ec == boost::system::errc::bad_file_descriptor);
    f.link(s.dir / "x", tf::publish_mode(0600), tf::durability::durable, ec);
    BOOST_TEST(ec == boost::system::errc::bad_file_descriptor);
    try {
        f.link(s.dir / "x");
        BOOST_ERROR("no exception");
    } catch (const boost::filesystem::filesystem_error& e) {
        BOOST_TEST(e.code() == boost::system::errc::bad_file_descriptor);
        BOOST_TEST(e.path1() == s.dir / "x");
    }
    BOOST_TEST(s.entries().empty());
}

BOOST_TEST_DECORATOR(*test::posix_only("the O_TMPFILE fallback"))
BOOST_AUTO_TEST_CASE_TEMPLATE(fallback_file_cannot_be_linked, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    no_o_tmpfile guard;
    int before = test::open_fds();
    {
        tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
        BOOST_TEST(s.entries().empty()); // created and unlinked at once
        f.write("data");
        boost::system::error_code ec;
        f.link(s.dir / "x", ec);
        BOOST_TEST(ec == boost::system::errc::operation_not_supported);
        try {
            f.link(s.dir / "x");
            BOOST_TEST(false);
        } catch (const boost::filesystem::filesystem_error& e) {
            BOOST_TEST(std::string(e.what()).find("O_TMPFILE") != std::string::npos);
        }
        BOOST_TEST(contents(f) == "data");
    }
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::open_fds() == before);
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(no_descriptor_leaked, CharT, test::char_types)
{
    test::scratch s;
    int before = test::open_fds();
    for (int i = 0; i < 10; ++i) {
        tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
        f.stream() << i;
        tf::basic_temp_file<CharT, tf::anonymous_file<>> g(std::move(f));
        tf::basic_temp_file<CharT, tf::anonymous_file<>> h(test::anonymous_in<CharT>(s.dir));
        h = std::move(g);
        boost::system::error_code ec;
        h.link(s.dir / "missing" / "x", ec);
    }
#if BOOST_TEMPFILE_TEST_POSIX
    {
        no_o_tmpfile guard;
        tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
        f.close();
    }
#endif
    BOOST_TEST(test::open_fds() == before);
    BOOST_TEST(s.entries().empty());
}

// link() gives the new name the umask's mode by default (a name link() makes cannot exist
// yet), or the mode asked for; the mode is set before the name appears.
BOOST_TEST_DECORATOR(*test::linux_only("link() names an O_TMPFILE file (linkat); elsewhere link() is operation_not_supported (fallback_file_cannot_be_linked, test_windows)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(link_publishes_with_the_mode_asked, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    test::umask_guard um(022);
    tf::basic_temp_file<CharT, tf::anonymous_file<>> f(test::anonymous_in<CharT>(s.dir));
    f.write("data");
    f.link(s.dir / "a");
    BOOST_TEST(test::mode_of((s.dir / "a").string()) == 0644u);
    boost::system::error_code ec;
    f.link(s.dir / "b", tf::publish_mode(0600), tf::durability::durable, ec);
    BOOST_TEST(!ec);
    BOOST_TEST(test::mode_of((s.dir / "b").string()) == 0600u);
    f.link(s.dir / "c", tf::publish_mode::as_created(), ec); // the mode b left
    BOOST_TEST(test::mode_of((s.dir / "c").string()) == 0600u);
#endif
}
