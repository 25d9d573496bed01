// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// What Rust's tempfile users have: keep(false) turns cleanup back on after keep() (Rust's
// disable_cleanup(false)), on files (Windows delete-on-close ones too) and directories; and
// adopt(): an existing file or directory whose removal the object then owns
// (TempPath::from_path), an open handle plus its name as a named file
// (NamedTempFile::from_parts), with reopen()'s identity rules: a symlink, the wrong type, a
// FIFO or device, another user's file (POSIX), a handle whose file is not the one under the
// name, an invalid handle are refused, naming the path, changing nothing.

#define BOOST_TEST_MODULE adopt
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#if BOOST_TEMPFILE_TEST_POSIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <cstdlib>
#include <string>
#include <type_traits>
#include <utility>

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;
using test::file_contents;
using test::narrow;

namespace {

using errc = boost::system::errc::errc_t;

bool is(const boost::system::error_code& ec, errc e)
{
    return ec == boost::system::errc::make_error_condition(e); // system_category codes too
}

} // namespace

// ---- keep(false)

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_false_on_a_file_removes_it_at_close, CharT, test::char_types)
{
    // The default named file (on Windows a delete-on-close one: keep() took the deletion back,
    // keep(false) sets it again, or where the system refuses (Wine) removes by name).
    test::scratch s;
    std::string name;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        name = narrow(f.name());
        f.keep();
        f.keep(false);
        f.write("x");
        f.close();
        BOOST_TEST(!test::exists(name));
    }
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_false_on_a_file_removes_it_at_destruction, CharT, test::char_types)
{
    test::scratch s;
    std::string name;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        name = narrow(f.name());
        f.keep(true);
        f.keep(false);
        BOOST_TEST(test::exists(name));
    }
    BOOST_TEST(!test::exists(name));
    {
        auto o = test::file_in<CharT>(s.dir);
        o.delete_on_close = false; // removed only at destruction
        tf::basic_temp_file<CharT> f(o);
        name = narrow(f.name());
        f.keep();
        f.keep(false);
        f.close();
        BOOST_TEST(test::exists(name));
    }
    BOOST_TEST(!test::exists(name));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_true_false_then_keep_again_keeps, CharT, test::char_types)
{
    test::scratch s;
    std::string name;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        name = narrow(f.name());
        f.write("kept");
        f.keep(true);
        f.keep(false);
        f.keep();
        f.close();
    }
    BOOST_TEST(file_contents(name) == "kept");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_false_after_persist_changes_nothing, CharT, test::char_types)
{
    test::scratch s;
    const fs::path target = s.dir / "published";
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.keep();
        f.write("p");
        f.persist(target);
        f.keep(false); // the target is the user's: never removed
        f.close();
    }
    BOOST_TEST(file_contents(target.string()) == "p");
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.keep(false); // no keep() to take back: nothing changes (removed as usual)
        BOOST_TEST(test::exists(narrow(f.name())));
    }
    BOOST_TEST(s.entries().size() == 1u);
}

namespace {
// The child of keep_false_registers_remove_at_exit_again: a file and a directory in `dir`
// kept, then un-kept, and the process ended (std::exit) with them alive.
template <class CharT>
int unkeep_and_exit(const fs::path& dir)
{
    tf::basic_temp_file<CharT, tf::remove_at_exit<>> f(test::file_in<CharT>(dir));
    tf::basic_temp_dir<CharT, tf::remove_at_exit<>> d(test::dir_in<CharT>(dir));
    f.keep();
    d.keep();
    f.keep(false);
    d.keep(false);
    std::exit(0);
}
} // namespace

#if BOOST_TEMPFILE_TEST_WINDOWS
// Windows has no fork: the child is this program again (test::run_child), its role played here.
struct role_player
{
    role_player()
    {
        std::string role = test::child_role();
        if (role.empty())
            return;
        const std::size_t bar = role.find('|');
        const fs::path dir = test::path_of(role.substr(bar + 1));
        int code = 41;
        try {
            if (role.substr(0, bar) == "unkeep-char")
                code = unkeep_and_exit<char>(dir);
            else if (role.substr(0, bar) == "unkeep-wchar_t")
                code = unkeep_and_exit<wchar_t>(dir);
        } catch (...) {
            code = 42;
        }
        ::ExitProcess(static_cast<UINT>(code));
    }
};
BOOST_TEST_GLOBAL_FIXTURE(role_player);
#endif

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_false_registers_remove_at_exit_again, CharT, test::char_types)
{
    // A child that kept, then un-kept, a file and a directory and exits without destroying
    // them: the exit-time removal has them again.
    test::scratch s;
#if BOOST_TEMPFILE_TEST_WINDOWS
    int r = test::run_child((std::is_same_v<CharT, char> ? "unkeep-char|" : "unkeep-wchar_t|") + s.dir.string());
#else
    int r = test::in_child([&] { return unkeep_and_exit<CharT>(s.dir); });
#endif
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_false_on_a_directory_removes_it, CharT, test::char_types)
{
    test::scratch s;
    std::string name;
    {
        tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
        name = narrow(d.name());
        BOOST_TEST_REQUIRE(test::write_file(name + test::separator + "inside", "x"));
        d.keep();
        d.keep(false);
    }
    BOOST_TEST(!test::exists(name));
    {
        tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
        name = narrow(d.name());
        d.keep(true);
        d.keep(false);
        d.keep();
    }
    BOOST_TEST(test::exists(name));
}

// ---- adopt(path), adopt(handle, path)

BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_a_file_then_cleanup_removes_it, CharT, test::char_types)
{
    test::scratch s;
    const std::string name = (s.dir / "existing.txt").string();
    BOOST_TEST_REQUIRE(test::put_file(name, "old"));
    {
        auto f = tf::basic_temp_file<CharT>::adopt(test::path_of(name));
        BOOST_TEST(f.is_open());
        BOOST_TEST(narrow(f.name()) == name);
        BOOST_TEST(test::contents(f) == "old");
        f.write("+new");
        f.close();
        BOOST_TEST(!test::exists(name));
    }
    BOOST_TEST_REQUIRE(test::put_file(name, "again"));
    {
        boost::system::error_code ec;
        auto f = tf::basic_temp_file<CharT>::adopt(test::path_of(name), ec);
        BOOST_TEST(!ec);
        BOOST_TEST(f.is_open());
    } // the destructor removes it
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_a_relative_name_makes_it_absolute, CharT, test::char_types)
{
    test::scratch s;
    BOOST_TEST_REQUIRE(test::put_file((s.dir / "rel").string(), "r"));
    const fs::path old = fs::current_path();
    fs::current_path(s.dir);
    boost::system::error_code ec;
    auto f = tf::basic_temp_file<CharT>::adopt("rel", ec);
    fs::current_path(old);
    BOOST_TEST(!ec);
    BOOST_TEST(f.path().is_absolute());
    BOOST_TEST(fs::equivalent(f.path(), s.dir / "rel"));
    f.close();
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_a_handle_and_its_name, CharT, test::char_types)
{
    test::scratch s;
    std::string name;
    tf::native_handle_type h;
    {
        tf::basic_temp_file<CharT, tf::keep> k(test::file_in<CharT>(s.dir));
        k.write("parts");
        name = narrow(k.name());
        h = k.reopen().release();
    }
    {
        auto f = tf::basic_temp_file<CharT>::adopt(h, test::path_of(name));
        BOOST_TEST(f.native_handle() == h); // the object owns it now
        BOOST_TEST(narrow(f.name()) == name);
        BOOST_TEST(test::contents(f) == "parts");
    }
    BOOST_TEST(!test::exists(name));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_a_directory_then_cleanup_removes_the_tree, CharT, test::char_types)
{
    test::scratch s;
    const fs::path dir = s.dir / "tree";
    fs::create_directories(dir / "sub");
    BOOST_TEST_REQUIRE(test::write_file((dir / "sub" / "f").string(), "x"));
    {
        auto d = tf::basic_temp_dir<CharT>::adopt(dir);
        BOOST_TEST(d.exists());
        BOOST_TEST(narrow(d.name()) == dir.string());
    }
    BOOST_TEST(!test::exists(dir.string()));
    fs::create_directory(dir);
    {
        boost::system::error_code ec;
        auto d = tf::basic_temp_dir<CharT>::adopt(dir, ec);
        BOOST_TEST(!ec);
        d.cleanup();
        BOOST_TEST(!d.exists());
    }
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_refuses_the_wrong_type_and_a_missing_name, CharT, test::char_types)
{
    test::scratch s;
    const fs::path dir = s.dir / "d", file = s.dir / "f";
    fs::create_directory(dir);
    BOOST_TEST_REQUIRE(test::write_file(file.string(), "x"));
    boost::system::error_code ec;
    auto f = tf::basic_temp_file<CharT>::adopt(dir, ec);
    BOOST_TEST(is(ec, boost::system::errc::is_a_directory));
    BOOST_TEST(!f.is_open());
    auto d = tf::basic_temp_dir<CharT>::adopt(file, ec);
    BOOST_TEST(is(ec, boost::system::errc::not_a_directory));
    BOOST_TEST(!d.exists());
    auto m = tf::basic_temp_file<CharT>::adopt(s.dir / "missing", ec);
    BOOST_TEST(is(ec, boost::system::errc::no_such_file_or_directory));
    auto md = tf::basic_temp_dir<CharT>::adopt(s.dir / "missing", ec);
    BOOST_TEST(is(ec, boost::system::errc::no_such_file_or_directory));
    auto e = tf::basic_temp_file<CharT>::adopt(fs::path(), ec); // no name at all
    BOOST_TEST(is(ec, boost::system::errc::no_such_file_or_directory));
#if BOOST_TEMPFILE_TEST_POSIX
    if constexpr (std::is_same<CharT, wchar_t>::value) { // a name a wide object cannot give back
        BOOST_TEST_REQUIRE(test::write_file((s.dir / "\xff").string(), "x"));
        auto w = tf::basic_temp_file<CharT>::adopt(s.dir / "\xff", ec);
        BOOST_TEST(is(ec, boost::system::errc::illegal_byte_sequence));
        BOOST_TEST(!w.is_open());
        BOOST_TEST(file_contents((s.dir / "\xff").string()) == "x");
    }
#endif
    auto r = tf::basic_temp_dir<CharT>::adopt(dir.root_path(), ec); // never a whole volume
    BOOST_TEST(is(ec, boost::system::errc::invalid_argument));
    try {
        auto t = tf::basic_temp_file<CharT>::adopt(dir);
        BOOST_ERROR("adopt of a directory as a file did not throw");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(e.path1() == dir);
        BOOST_TEST(std::string(e.what()).find("directory") != std::string::npos);
    }
    BOOST_TEST(test::exists(dir.string()));
    BOOST_TEST(file_contents(file.string()) == "x");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_refuses_a_handle_that_is_not_the_named_file, CharT, test::char_types)
{
    test::scratch s;
    const std::string other = (s.dir / "other").string();
    BOOST_TEST_REQUIRE(test::put_file(other, "other"));
    tf::basic_temp_file<CharT, tf::keep> k(test::file_in<CharT>(s.dir));
    k.write("mine");
    tf::file_handle h = k.reopen();
    boost::system::error_code ec;
    auto f = tf::basic_temp_file<CharT>::adopt(h.get(), test::path_of(other), ec);
    BOOST_TEST(is(ec, boost::system::errc::no_such_file_or_directory));
    BOOST_TEST(!f.is_open());
    BOOST_TEST(test::read_at(h.get(), 4, 0) == "mine"); // the caller's handle, untouched
    BOOST_TEST(file_contents(other) == "other");
    auto bad = tf::basic_temp_file<CharT>::adopt(tf::invalid_native_handle, test::path_of(other), ec);
    BOOST_TEST(is(ec, boost::system::errc::bad_file_descriptor));
    auto gone = tf::basic_temp_file<CharT>::adopt(h.get(), test::path_of((s.dir / "missing").string()), ec);
    BOOST_TEST(is(ec, boost::system::errc::no_such_file_or_directory));
    BOOST_TEST(!gone.is_open());
    try {
        auto t = tf::basic_temp_file<CharT>::adopt(h.get(), test::path_of(other));
        BOOST_ERROR("adopt of a handle under another file's name did not throw");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(narrow(e.path1().native()) == narrow(test::path_of(other).native()));
    }
    BOOST_TEST(test::read_at(h.get(), 4, 0) == "mine");
    h.close();
    k.close();
    BOOST_TEST(test::remove_file(narrow(k.name())));
}

BOOST_TEST_DECORATOR(*test::posix_only("symlink(), mkfifo(), /dev/null, chown"))
BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_refuses_symlinks_fifos_devices_and_others_files, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    const fs::path file = s.dir / "target", dir = s.dir / "dir", lf = s.dir / "lf", ld = s.dir / "ld";
    BOOST_TEST_REQUIRE(test::put_file(file.string(), "t"));
    fs::create_directory(dir);
    fs::create_symlink(file, lf);
    fs::create_symlink(dir, ld);
    boost::system::error_code ec;
    auto f1 = tf::basic_temp_file<CharT>::adopt(lf, ec);
    BOOST_TEST(is(ec, boost::system::errc::too_many_symbolic_link_levels));
    BOOST_TEST(!f1.is_open());
    auto d1 = tf::basic_temp_dir<CharT>::adopt(ld, ec);
    BOOST_TEST(is(ec, boost::system::errc::too_many_symbolic_link_levels));
    BOOST_TEST(!d1.exists());
    // A handle on the file, under a symlink's name that leads to it.
    tf::file_handle h(::open(file.c_str(), O_RDWR | O_CLOEXEC));
    auto f2 = tf::basic_temp_file<CharT>::adopt(h.get(), lf, ec);
    BOOST_TEST(is(ec, boost::system::errc::too_many_symbolic_link_levels));
    BOOST_TEST(h.is_open());
    BOOST_TEST(::fcntl(h.get(), F_GETFD) >= 0);
    // A FIFO (never opened: an open could block or have effects) and a device.
    const fs::path fifo = s.dir / "fifo";
    BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto f3 = tf::basic_temp_file<CharT>::adopt(fifo, ec);
    BOOST_TEST(is(ec, boost::system::errc::invalid_argument));
    auto f4 = tf::basic_temp_file<CharT>::adopt("/dev/null", ec);
    BOOST_TEST(is(ec, boost::system::errc::invalid_argument));
    tf::file_handle null(::open("/dev/null", O_RDWR | O_CLOEXEC));
    auto f5 = tf::basic_temp_file<CharT>::adopt(null.get(), "/dev/null", ec);
    BOOST_TEST(is(ec, boost::system::errc::invalid_argument));
    BOOST_TEST(null.is_open());
    // Another user's file: as root, one given to nobody (uid 65534), in the scratch directory
    // only (never a system file).
    const fs::path theirs = s.dir / "theirs";
    BOOST_TEST_REQUIRE(test::put_file(theirs.string(), "theirs"));
    if (::geteuid() == 0 && ::chown(theirs.c_str(), 65534, 65534) == 0) {
        auto f6 = tf::basic_temp_file<CharT>::adopt(theirs, ec);
        BOOST_TEST(is(ec, boost::system::errc::operation_not_permitted));
        BOOST_TEST(test::exists(theirs.string()));
    } else {
        BOOST_TEST_MESSAGE("skipped: another user's file needs root (chown)");
    }
    // Nothing was removed or changed.
    BOOST_TEST(test::exists(lf.string()));
    BOOST_TEST(test::exists(ld.string()));
    BOOST_TEST(file_contents(file.string()) == "t");
    BOOST_TEST(test::exists(fifo.string()));
    BOOST_TEST(test::exists("/dev/null"));
#endif
}

// Windows' counterpart: a link (a reparse point; under Wine a Linux symlink, which Wine opens
// as its target, the handle showing no reparse point) is refused as a symbolic link by adopt
// of a directory, of a file and of a handle under its name, and never followed: what it leads
// to stays, and so does the link.
// Windows: a handle that is not a file (an event's) is refused, bad_file_descriptor, before its
// name is looked at, and not taken; the file the name leads to is untouched.
BOOST_TEST_DECORATOR(*test::windows_only("handles of other kinds"))
BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_refuses_a_handle_that_is_not_a_file, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    const fs::path file = s.dir / "file";
    BOOST_TEST_REQUIRE(test::put_file(file.string(), "x"));
    tf::file_handle e(::CreateEventW(nullptr, TRUE, FALSE, nullptr));
    BOOST_TEST_REQUIRE(e.is_open());
    boost::system::error_code ec;
    {
        auto f = tf::basic_temp_file<CharT>::adopt(e.get(), file, ec);
        BOOST_TEST(is(ec, boost::system::errc::bad_file_descriptor), ec.message());
        BOOST_TEST(!f.is_open());
    }
    try {
        auto f = tf::basic_temp_file<CharT>::adopt(e.get(), file);
        BOOST_ERROR("an event adopted");
    } catch (const fs::filesystem_error& x) {
        BOOST_TEST(is(x.code(), boost::system::errc::bad_file_descriptor), x.what());
    }
    DWORD flags = 0;
    BOOST_TEST(::GetHandleInformation(e.get(), &flags) != 0); // not taken
    BOOST_TEST(file_contents(file.string()) == "x");
    BOOST_TEST(s.entries() == std::vector<std::string>{"file"});
#endif
}

namespace {
bool links_can_be_planted()
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    return test::can_plant_links();
#else
    return false;
#endif
}
} // namespace

BOOST_TEST_DECORATOR(*test::windows_only("reparse points", links_can_be_planted,
                                         "no link can be planted here (developer mode)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(adopt_refuses_links_on_windows, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    const fs::path dir = s.dir / "dir", inside = dir / "inside", ld = s.dir / "ld", lf = s.dir / "lf";
    fs::create_directory(dir);
    BOOST_TEST_REQUIRE(test::put_file(inside.string(), "i"));
    BOOST_TEST_REQUIRE(test::plant_link(ld.string(), dir.string(), true));
    BOOST_TEST_REQUIRE(test::plant_link(lf.string(), inside.string(), false));
    boost::system::error_code ec;
    {
        auto d = tf::basic_temp_dir<CharT>::adopt(ld, ec);
        BOOST_TEST(is(ec, boost::system::errc::too_many_symbolic_link_levels), ec.message());
        BOOST_TEST(!d.exists());
    }
    try {
        auto d = tf::basic_temp_dir<CharT>::adopt(ld);
        BOOST_ERROR("a link adopted");
    } catch (const fs::filesystem_error& e) {
        BOOST_TEST(is(e.code(), boost::system::errc::too_many_symbolic_link_levels), e.what());
        BOOST_TEST(std::string(e.what()).find("symbolic link") != std::string::npos, e.what());
    }
    for (const fs::path& link : {ld, lf}) {
        auto f = tf::basic_temp_file<CharT>::adopt(link, ec);
        BOOST_TEST(is(ec, boost::system::errc::too_many_symbolic_link_levels), ec.message());
        BOOST_TEST(!f.is_open());
    }
    {
        tf::file_handle h(::CreateFileW(inside.c_str(), GENERIC_READ | GENERIC_WRITE,
                                        FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING,
                                        0, nullptr));
        BOOST_TEST_REQUIRE(h.is_open());
        auto f = tf::basic_temp_file<CharT>::adopt(h.get(), lf, ec); // the link leads to h's file
        BOOST_TEST(is(ec, boost::system::errc::too_many_symbolic_link_levels), ec.message());
        BOOST_TEST(!f.is_open());
        BOOST_TEST(h.is_open()); // not taken
    }
    BOOST_TEST(file_contents(inside.string()) == "i");
    BOOST_TEST(test::exists(ld.string()));
    BOOST_TEST(test::exists(lf.string()));
    test::unplant_link(ld.string());
    test::unplant_link(lf.string());
    BOOST_TEST(file_contents(inside.string()) == "i");
#endif
}
