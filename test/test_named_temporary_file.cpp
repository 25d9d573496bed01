// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// named_temporary_file: the I/O surface, stream() kept consistent with the unformatted calls,
// every row of Python 3.12's delete / delete_on_close table, the cleanup policies, multiple
// close, a file removed by the user, the fork guard, no descriptor leaked.

#define BOOST_TEST_MODULE named_temporary_file
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tf = boost::tempfile;
using test::contents;
using test::file_contents;
using test::lit;
using test::narrow;

BOOST_AUTO_TEST_CASE_TEMPLATE(name_is_absolute_with_prefix_and_suffix, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    o.prefix = lit<CharT>("pre-");
    o.suffix = lit<CharT>(".log");
    tf::basic_temp_file<CharT> f(o);
    std::string n = narrow(f.name());
    BOOST_TEST(n.rfind(s.dir.string() + test::separator + "pre-", 0) == 0u);
    BOOST_TEST(n.size() == s.dir.string().size() + 5 + 8 + 4);
    BOOST_TEST(n.substr(n.size() - 4) == ".log");
    BOOST_TEST(f.path().string() == n);
    BOOST_TEST(test::exists(n));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(io_surface, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    BOOST_TEST(f.write("hello world") == 11u);
    BOOST_TEST(f.tell() == 11);
    BOOST_TEST(f.seek(-5, std::ios_base::end) == 6);
    char buf[16] = {};
    BOOST_TEST(f.read(buf, sizeof buf) == 5u);
    BOOST_TEST(std::string(buf) == "world");
    BOOST_TEST(f.read(buf, sizeof buf) == 0u); // end of file
    f.truncate(5);
    BOOST_TEST(f.tell() == 11); // truncate does not move the position
    BOOST_TEST(contents(f) == "hello");
    f.truncate(8); // extends with zeros
    BOOST_TEST(contents(f) == std::string("hello\0\0\0", 8));
    BOOST_TEST(f.seek(12) == 12); // past the end, then write: a hole
    f.write("!");
    BOOST_TEST(contents(f) == std::string("hello\0\0\0\0\0\0\0!", 13));
    f.flush();
    BOOST_TEST(file_contents(narrow(f.name())) == std::string("hello\0\0\0\0\0\0\0!", 13));
    std::vector<std::string> lines{"a\n", "bc\n", "def\n"};
    f.truncate(0);
    f.seek(0);
    f.writelines(lines);
    BOOST_TEST(contents(f) == "a\nbc\ndef\n");
    BOOST_TEST(test::is_open_handle(f.native_handle()));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(error_code_forms_on_a_closed_file, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.close();
    BOOST_TEST(!f.is_open());
    BOOST_TEST(test::is_no_handle(f.native_handle()));
    boost::system::error_code ec;
    char c;
    BOOST_TEST(f.write("x", ec) == 0u);
    BOOST_TEST(ec == boost::system::errc::bad_file_descriptor);
    ec.clear();
    BOOST_TEST(f.read(&c, 1, ec) == 0u);
    BOOST_TEST(ec == boost::system::errc::bad_file_descriptor);
    ec.clear();
    BOOST_TEST(f.seek(0, std::ios_base::beg, ec) == -1);
    BOOST_TEST(ec == boost::system::errc::bad_file_descriptor);
    ec.clear();
    BOOST_TEST(f.tell(ec) == -1);
    BOOST_TEST(!!ec);
    ec.clear();
    f.truncate(0, ec);
    BOOST_TEST(!!ec);
    ec.clear();
    f.flush(ec);
    BOOST_TEST(!!ec);
    BOOST_CHECK_THROW(f.write("x"), boost::filesystem::filesystem_error);
    BOOST_CHECK_THROW(f.read(&c, 1), boost::filesystem::filesystem_error);
    f.close(ec); // idempotent
    BOOST_TEST(!ec);
}

// ---- Python 3.12's table, row by row.

BOOST_AUTO_TEST_CASE_TEMPLATE(delete_true_delete_on_close_true, CharT, test::char_types)
{
    test::scratch s;
    std::string n;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir)); // the defaults
        n = narrow(f.name());
        f.close();
        BOOST_TEST(!test::exists(n)); // close() unlinks
        f.close();                    // multiple close
        f.close();
    }
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        n = narrow(f.name());
        BOOST_TEST(test::exists(n));
    } // never closed: the destructor unlinks
    BOOST_TEST(!test::exists(n));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(delete_true_delete_on_close_false, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    o.delete_on_close = false;
    std::string n;
    {
        tf::basic_temp_file<CharT> f(o);
        n = narrow(f.name());
        f.write("kept");
        f.close();
        BOOST_TEST(test::exists(n)); // closes only: reopen by name works
        BOOST_TEST(file_contents(n) == "kept");
        f.close();
        BOOST_TEST(test::exists(n));
    }
    BOOST_TEST(!test::exists(n)); // removed at destruction
    {
        tf::basic_temp_file<CharT> f(o);
        n = narrow(f.name());
    } // never closed
    BOOST_TEST(!test::exists(n));
    {
        tf::basic_temp_file<CharT> f(o);
        n = narrow(f.name());
        f.close();
        BOOST_TEST(test::remove_file(n)); // removed by the user: not an error
    }
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(delete_false, CharT, test::char_types)
{
    test::scratch s;
    for (bool doc : {true, false}) {
        auto o = test::file_in<CharT>(s.dir);
        o.keep = true;
        o.delete_on_close = doc; // ignored
        std::string a, b;
        {
            tf::basic_temp_file<CharT> f(o);
            a = narrow(f.name());
            f.close();
            BOOST_TEST(test::exists(a));
        }
        {
            tf::basic_temp_file<CharT> g(o);
            b = narrow(g.name());
        } // never closed
        BOOST_TEST(test::exists(a));
        BOOST_TEST(test::exists(b));
        test::remove_file(a);
        test::remove_file(b);
    }
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(removed_by_the_user_is_not_an_error, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    BOOST_TEST(test::remove_file(narrow(f.name())));
    boost::system::error_code ec;
    f.close(ec);
    BOOST_TEST(!ec);
    BOOST_CHECK_NO_THROW(f.close());
}

// ---- The cleanup policies, whatever the options say.

BOOST_AUTO_TEST_CASE_TEMPLATE(cleanup_policies, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir); // keep = false, delete_on_close = true: the policies override them
    {
        tf::basic_temp_file<CharT, tf::keep> f(o);
        std::string n = narrow(f.name());
        f.close();
        BOOST_TEST(test::exists(n));
        test::remove_file(n);
    }
    {
        std::string n;
        {
            tf::basic_temp_file<CharT, tf::keep> f(o);
            n = narrow(f.name());
        }
        BOOST_TEST(test::exists(n));
        test::remove_file(n);
    }
    {
        tf::basic_temp_file<CharT, tf::delete_on_close> f(o);
        std::string n = narrow(f.name());
        f.close();
        BOOST_TEST(!test::exists(n));
    }
    {
        std::string n;
        {
            tf::basic_temp_file<CharT, tf::delete_on_destroy> f(o);
            n = narrow(f.name());
            f.close();
            BOOST_TEST(test::exists(n));
        }
        BOOST_TEST(!test::exists(n));
    }
    BOOST_TEST(s.entries().empty());
}

// ---- The fork guard.

BOOST_AUTO_TEST_CASE_TEMPLATE(forked_child_never_deletes_the_parents_file, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows has no fork: a child process has only the handles it inherits. One started with
    // inheritance while the objects live holds none of theirs: a handle of theirs in the child
    // would keep a delete-on-close file (and a name removed at destruction) there after the
    // parent is done with it.
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    tf::basic_temp_file<CharT> g(test::file_in<CharT>(s.dir));
    std::string fn = narrow(f.name()), gn = narrow(g.name());
    test::inheriting_child child;
    BOOST_TEST_REQUIRE(child.started());
    f.close();
    BOOST_TEST(!test::exists(fn));
    {
        tf::basic_temp_file<CharT> moved(std::move(g));
    }
    BOOST_TEST(!test::exists(gn));
    BOOST_TEST(s.entries().empty());
#elif BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    tf::basic_temp_file<CharT> g(test::file_in<CharT>(s.dir));
    std::string fn = narrow(f.name()), gn = narrow(g.name());
    int r = test::in_child([&] {
        f.close(); // delete_on_close, but not ours
        {
            tf::basic_temp_file<CharT> moved(std::move(g));
        } // destructor, not ours either
        return test::exists(fn) && test::exists(gn) ? 0 : 1;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(test::exists(fn));
    BOOST_TEST(test::exists(gn));
    f.close(); // the parent still removes its own files
    BOOST_TEST(!test::exists(fn));
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("fork"))
BOOST_AUTO_TEST_CASE_TEMPLATE(child_removes_its_own_files, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    int r = test::in_child([&] {
        std::string n;
        {
            tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
            n = narrow(f.name());
        }
        return test::exists(n) ? 1 : 0;
    });
    BOOST_TEST(r == 0);
    BOOST_TEST(s.entries().empty());
#endif
}

// ---- stream(): the same file, consistent with the unformatted calls.

BOOST_AUTO_TEST_CASE_TEMPLATE(stream_and_unformatted_calls_agree, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    std::iostream& io = f.stream();
    BOOST_TEST(&io == &f.stream()); // made once
    io << "answer " << 42 << '\n';  // buffered...
    f.write("raw\n");               // ...written out first, then this
    BOOST_TEST(contents(f) == "answer 42\nraw\n");

    f.seek(0);
    std::string word;
    int value = 0;
    io >> word >> value; // the stream reads what write() wrote
    BOOST_TEST(word == "answer");
    BOOST_TEST(value == 42);
    // The stream read ahead; the unformatted calls continue where the stream stopped.
    BOOST_TEST(f.tell() == 9);
    char c[2] = {};
    BOOST_TEST(f.read(c, 1) == 1u);
    BOOST_TEST(c[0] == '\n');
    f.write("RAW");
    std::string line;
    std::getline(io, line); // after the unformatted write
    BOOST_TEST(line == "");
    BOOST_TEST(contents(f) == "answer 42\nRAW\n");

    io.seekp(0, std::ios_base::end);
    io << "tail";
    io.flush();
    BOOST_TEST(file_contents(narrow(f.name())) == "answer 42\nRAW\ntail");
    io.seekg(7);
    BOOST_TEST(static_cast<long long>(io.tellg()) == 7);
    io >> value;
    BOOST_TEST(value == 42);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(large_stream_writes, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    std::string big(10000, 'z');
    f.stream() << "a" << big << "b";
    BOOST_TEST(f.tell() == 10002);
    std::string all = contents(f);
    BOOST_TEST(all == "a" + big + "b");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(stream_follows_a_move_and_is_flushed_at_close, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    o.delete_on_close = false;
    std::string n;
    tf::basic_temp_file<CharT> a(o);
    n = narrow(a.name());
    a.stream() << "one ";
    tf::basic_temp_file<CharT> b(std::move(a));
    BOOST_TEST(!a.is_open());
    b.stream() << "two ";
    tf::basic_temp_file<CharT> c(test::file_in<CharT>(s.dir));
    c = std::move(b);
    c.stream() << "three";
    c.close(); // flushes the stream, keeps the file (delete_on_close = false)
    BOOST_TEST(file_contents(n) == "one two three");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(stream_is_flushed_at_destruction, CharT, test::char_types)
{
    test::scratch s;
    std::string n;
    {
        tf::basic_temp_file<CharT, tf::keep> f(test::file_in<CharT>(s.dir));
        n = narrow(f.name());
        f.stream() << "pending";
    }
    BOOST_TEST(file_contents(n) == "pending");
    test::remove_file(n);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(no_descriptor_leaked, CharT, test::char_types)
{
    test::scratch s;
    auto kept_after_close = test::file_in<CharT>(s.dir);
    kept_after_close.delete_on_close = false;
    int before = test::open_fds();
    for (int i = 0; i < 10; ++i) {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.stream() << i;
        tf::basic_temp_file<CharT> g(std::move(f));
        tf::basic_temp_file<CharT> h(kept_after_close);
        h = std::move(g);
        h.close();
    }
    BOOST_TEST(test::open_fds() == before);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(failed_creation_reports_and_leaves_nothing, CharT, test::char_types)
{
    test::scratch s;
    int before = test::open_fds();
    auto o = test::file_in<CharT>(s.dir / "missing");
    boost::system::error_code ec;
    tf::basic_temp_file<CharT> f(o, ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    BOOST_TEST(!f.is_open());
    BOOST_CHECK_THROW(tf::basic_temp_file<CharT>{o}, boost::filesystem::filesystem_error);
    BOOST_TEST(test::open_fds() == before);
}

// ---- keep(): decided after creation (DESIGN.md section 4).

namespace {
template <class F, class = void> struct has_keep_member : std::false_type {};
template <class F> struct has_keep_member<F, std::void_t<decltype(std::declval<F&>().keep())>> : std::true_type {};
template <class F, class = void> struct has_reopen_member : std::false_type {};
template <class F>
struct has_reopen_member<F, std::void_t<decltype(std::declval<const F&>().reopen())>> : std::true_type
{
};
} // namespace

// Only the objects that would delete a name they made have keep() and reopen(): an anonymous or
// spooled file has no name to keep (link() gives it one).
static_assert(has_keep_member<tf::named_temporary_file>::value && has_keep_member<tf::wnamed_temporary_file>::value);
static_assert(has_keep_member<tf::basic_temp_file<char, tf::keep>>::value);
static_assert(!has_keep_member<tf::temporary_file>::value && !has_keep_member<tf::spooled_temporary_file>::value);
static_assert(has_reopen_member<tf::named_temporary_file>::value && !has_reopen_member<tf::temporary_file>::value);
static_assert(noexcept(std::declval<tf::named_temporary_file&>().keep()));

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_survives_close_and_destruction, CharT, test::char_types)
{
    test::scratch s;
    std::string n;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir)); // deleted on close() and at destruction
        n = narrow(f.name());
        f.write("before ");
        f.keep();
        BOOST_TEST(f.is_open()); // still open and usable, at the same position
        tf::file_handle h = f.reopen(); // (Windows: the handle keep() opened again is checked)
        BOOST_TEST(test::read_at(h.get(), 7, 0) == "before ");
        f.write("after");
        BOOST_TEST(contents(f) == "before after");
        f.close();
        BOOST_TEST(test::exists(n));
        f.keep(); // again, after close: nothing changes
    }
    BOOST_TEST(test::file_contents(n) == "before after");
    BOOST_TEST(test::remove_file(n));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_without_close_survives_destruction, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    o.delete_on_close = false;
    std::string n;
    {
        tf::basic_temp_file<CharT> f(o);
        n = narrow(f.name());
        f.write("x");
        f.close(); // still named: would be removed at destruction
        f.keep();
    }
    BOOST_TEST(test::file_contents(n) == "x");
    BOOST_TEST(test::remove_file(n));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_on_kept_objects_changes_nothing, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    o.keep = true;
    std::string n1, n2;
    {
        tf::basic_temp_file<CharT> k(o);
        tf::basic_temp_file<CharT, tf::keep> p(test::file_in<CharT>(s.dir));
        n1 = narrow(k.name());
        n2 = narrow(p.name());
        k.keep();
        p.keep();
        k.write("k");
        p.write("p");
        k.close();
        p.close();
    }
    BOOST_TEST(test::file_contents(n1) == "k");
    BOOST_TEST(test::file_contents(n2) == "p");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_after_close_removed_it_changes_nothing, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    std::string n = narrow(f.name());
    f.close(); // removed
    f.keep();
    BOOST_TEST(!test::exists(n));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(kept_file_can_still_be_persisted, CharT, test::char_types)
{
    test::scratch s;
    const std::string target = (s.dir / "final.dat").string();
    std::string n;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        n = narrow(f.name());
        f.write("data");
        f.keep();
        f.persist(test::path_of(target));
        BOOST_TEST(narrow(f.name()) == target);
    }
    BOOST_TEST(test::file_contents(target) == "data");
    BOOST_TEST(!test::exists(n));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(kept_moved_object_stays_kept, CharT, test::char_types)
{
    test::scratch s;
    std::string n;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        n = narrow(f.name());
        f.keep();
        tf::basic_temp_file<CharT> g(std::move(f));
        g.close();
    }
    BOOST_TEST(test::exists(n));
}

// ---- reopen(): a new handle on the same file, checked.

BOOST_AUTO_TEST_CASE_TEMPLATE(reopen_shares_the_data_not_the_position, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.write("hello");
    tf::file_handle h = f.reopen();
    BOOST_TEST(h.is_open());
    BOOST_TEST(test::handle_position(h.get()) == 0); // its own position
    BOOST_TEST(test::read_at(h.get(), 5, 0) == "hello");
    f.write(" world"); // written through the object, seen through the new handle
    BOOST_TEST(test::read_at(h.get(), 11, 0) == "hello world");
    BOOST_TEST(f.tell() == 11);
    h.close();
    BOOST_TEST(!h.is_open());
    BOOST_TEST(h.get() == tf::invalid_native_handle);
    boost::system::error_code ec;
    tf::file_handle h2 = f.reopen(ec);
    BOOST_TEST(!ec);
    BOOST_TEST(h2.is_open());
    tf::native_handle_type raw = h2.release(); // the caller's now
    BOOST_TEST(!h2);
    tf::file_handle h3(raw); // and given back to an owner
    BOOST_TEST(h3.get() == raw);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(reopen_refuses_a_name_that_leads_elsewhere, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    o.keep = true; // the test removes what it made
    tf::basic_temp_file<CharT> f(o);
    const std::string n = narrow(f.name());
    const std::string moved = (s.dir / "moved-away").string();
    f.write("ours");
    boost::filesystem::rename(test::path_of(n), test::path_of(moved)); // the object's file, renamed
    BOOST_TEST(test::write_file(n, "theirs"));                         // another file at its name
    boost::system::error_code ec;
    tf::file_handle h = f.reopen(ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    BOOST_TEST(!h.is_open());
    try {
        (void)f.reopen();
        BOOST_ERROR("reopen() did not throw");
    } catch (const boost::filesystem::filesystem_error& e) {
        BOOST_TEST(e.code() == boost::system::errc::no_such_file_or_directory);
        BOOST_TEST(e.path1().string() == f.path().string());
        BOOST_TEST(std::string(e.what()).find("another file") != std::string::npos);
    }
    BOOST_TEST(test::file_contents(n) == "theirs"); // untouched
    BOOST_TEST(test::remove_file(n)); // the name, now missing: not found
    tf::file_handle h2 = f.reopen(ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    f.close();
    tf::file_handle h3 = f.reopen(ec); // closed: no identity to check against
    BOOST_TEST(ec == boost::system::errc::bad_file_descriptor);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(reopen_sees_what_stream_holds, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.stream() << "hello"; // still in stream()'s buffer
    tf::file_handle h = f.reopen();
    BOOST_TEST(test::read_at(h.get(), 16, 0) == "hello");
    f.stream() << " world";
    BOOST_TEST(f.tell() == 11); // the object and the stream still agree
    BOOST_TEST(contents(f) == "hello world");
}

#if BOOST_TEMPFILE_TEST_POSIX
// reopen() never opens what it would then refuse: a symlink or a FIFO planted under the name
// is not opened (a FIFO's open would block, a symlink's target could be anything).
BOOST_TEST_DECORATOR(*test::posix_only("symlinks and FIFOs"))
BOOST_AUTO_TEST_CASE_TEMPLATE(reopen_opens_no_symlink_and_no_fifo, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    o.keep = true;
    tf::basic_temp_file<CharT> f(o);
    f.write("ours");
    const std::string n = narrow(f.name());
    const std::string moved = (s.dir / "moved-away").string();
    BOOST_TEST(::rename(n.c_str(), moved.c_str()) == 0);
    BOOST_TEST(::symlink(moved.c_str(), n.c_str()) == 0); // leads to the object's own file
    boost::system::error_code ec;
    tf::file_handle h = f.reopen(ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    BOOST_TEST(!h.is_open());
    BOOST_TEST(::unlink(n.c_str()) == 0);
    BOOST_TEST(::mkfifo(n.c_str(), 0600) == 0);
    // A FIFO opened for reading and writing would not block; opened for reading (what a
    // by-name open of another kind would do) it would: a reader in the child proves nothing
    // was opened, the test only needs reopen() to come back with the error.
    int status = test::child_wait_status([&] {
        ::alarm(10); // a blocking open would hang: killed, the test fails
        boost::system::error_code e;
        tf::file_handle g = f.reopen(e);
        return e == boost::system::errc::no_such_file_or_directory && !g.is_open() ? 0 : 1;
    });
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    BOOST_TEST(::unlink(n.c_str()) == 0);
    BOOST_TEST(::rename(moved.c_str(), n.c_str()) == 0); // back: reopened again
    tf::file_handle ok = f.reopen(ec);
    BOOST_TEST(!ec);
    BOOST_TEST(test::read_at(ok.get(), 4, 0) == "ours");
    BOOST_TEST(::unlink(n.c_str()) == 0);
}
#endif

// keep_on_exception: removed at destruction, unless the scope is left by an exception that
// started after the object was made (the evidence stays); an exception already in flight
// when it was made does not count.
BOOST_AUTO_TEST_CASE_TEMPLATE(keep_on_exception_keeps_the_evidence, CharT, test::char_types)
{
    using evidence = tf::basic_temp_file<CharT, tf::keep_on_exception>;
    test::scratch s;
    std::string normal, failed, during;
    {
        evidence f(test::file_in<CharT>(s.dir));
        normal = f.path().string();
    }
    BOOST_TEST(!test::exists(normal)); // left normally: removed
    try {
        evidence f(test::file_in<CharT>(s.dir));
        failed = f.path().string();
        f.close(); // close() never removes it
        BOOST_TEST(test::exists(failed));
        throw std::runtime_error("test failed");
    } catch (const std::runtime_error&) {
    }
    BOOST_TEST(test::exists(failed)); // left by an exception: kept
    struct made_while_unwinding
    {
        const test::scratch& s;
        std::string& path;
        ~made_while_unwinding()
        {
            evidence f(test::file_in<CharT>(s.dir)); // created and destroyed during the unwinding
            path = f.path().string();
        }
    };
    try {
        made_while_unwinding m{s, during};
        throw std::runtime_error("unwinding");
    } catch (const std::runtime_error&) {
    }
    BOOST_TEST(!during.empty());
    BOOST_TEST(!test::exists(during)); // the exception predates it: removed
    BOOST_TEST(s.entries().size() == 1u);
}

// seek() to a negative position is EINVAL, with the position unchanged; so through stream().
BOOST_AUTO_TEST_CASE_TEMPLATE(seek_to_a_negative_position_fails, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.write("abcdef");
    f.seek(2);
    boost::system::error_code ec;
    BOOST_TEST(f.seek(-3, std::ios_base::beg, ec) == -1);
    BOOST_TEST(ec == boost::system::errc::invalid_argument);
    BOOST_TEST(f.seek(-3, std::ios_base::cur, ec) == -1);
    BOOST_TEST(ec == boost::system::errc::invalid_argument);
    BOOST_TEST(f.seek(-7, std::ios_base::end, ec) == -1);
    BOOST_TEST(ec == boost::system::errc::invalid_argument);
    BOOST_CHECK_THROW(f.seek(-1), boost::filesystem::filesystem_error);
    BOOST_TEST(f.tell() == 2);
    BOOST_TEST(f.seek(-1, std::ios_base::end) == 5);
    std::iostream& st = f.stream();
    st.seekg(-10, std::ios_base::beg);
    BOOST_TEST(st.fail());
    st.clear();
    BOOST_TEST(f.tell() == 5);
}

// doc/reference/temp_file.adoc: path() into a std::filesystem::path in one call, the same name
// byte for byte (POSIX) or unit for unit (Windows: UTF-16), for narrow and wide objects.
BOOST_AUTO_TEST_CASE_TEMPLATE(path_converts_to_std_filesystem_path, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    std::filesystem::path p(f.path().native());
    BOOST_TEST((p.native() == f.path().native()));
    BOOST_TEST(p.is_absolute());
    BOOST_TEST(std::filesystem::is_regular_file(p));
    f.close();
    BOOST_TEST(!std::filesystem::exists(p));
}
