// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Windows attacked and faulted (issue 22), the counterpart of test_hostile, test_injection and
// test_exit_cleanup: another party swaps, renames and holds names while objects live; a
// temporary_directory is listed, made the current directory and a child's while it lives;
// reserved device names, long last components, read-only files; calls made to fail (or to
// succeed, as real Windows would where Wine refuses) through the seam of detail/windows/sys.hpp
// (injected(), compiled with BOOST_TEMPFILE_TEST_HOOKS; an action before a call stands for
// another party's move at that moment); the console-event cleanup with threads, with a file
// held without FILE_SHARE_DELETE, and the exit registry grown and withdrawn from during a
// sweep. On POSIX every case is reported as skipped ("Windows only").

#define BOOST_TEMPFILE_TEST_HOOKS
#define BOOST_TEST_MODULE windows_hostile
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#if BOOST_TEMPFILE_TEST_WINDOWS
#include <filesystem>
#endif

namespace tf = boost::tempfile;
using test::lit;
using test::narrow;

#if BOOST_TEMPFILE_TEST_WINDOWS
namespace {

// A console event's sweep closes creation for the rest of the process (it is ending: later
// creations fail with operation_canceled). This test process goes on, so it opens it again.
void console_event_sweep(unsigned long event)
{
    namespace ec = tf::detail::exit_cleanup;
    ec::on_console_event(event);
    ec::creations().fetch_and(~ec::closing_bit);
}

const wchar_t* const role_variable = L"BOOST_TEMPFILE_TEST_HOSTILE_CHILD";

// The child's side: "pwd": writes its current directory to the file named by the variable.
struct child_role
{
    child_role()
    {
        wchar_t buf[4096];
        DWORD n = ::GetEnvironmentVariableW(role_variable, buf, 4096);
        if (n == 0 || n >= 4096)
            return;
        std::wstring out(buf, n);
        wchar_t cwd[4096];
        DWORD m = ::GetCurrentDirectoryW(4096, cwd);
        test::write_file(narrow(out), narrow(std::wstring(cwd, m)));
        ::ExitProcess(0);
    }
};
BOOST_TEST_GLOBAL_FIXTURE(child_role);

std::wstring self_exe()
{
    std::wstring p(32768, L'\0');
    p.resize(::GetModuleFileNameW(nullptr, &p[0], static_cast<DWORD>(p.size())));
    return p;
}

// Runs this program as the "pwd" child in `cwd`; its current directory, or "" if it failed.
std::string child_cwd_in(const std::wstring& cwd, const std::wstring& out)
{
    ::SetEnvironmentVariableW(role_variable, out.c_str());
    std::wstring cmd = L"\"" + self_exe() + L"\"";
    STARTUPINFOW si{};
    si.cb = sizeof si;
    PROCESS_INFORMATION pi{};
    BOOL ok = ::CreateProcessW(nullptr, &cmd[0], nullptr, nullptr, FALSE, 0, nullptr, cwd.c_str(), &si, &pi);
    ::SetEnvironmentVariableW(role_variable, nullptr);
    if (!ok)
        return "<CreateProcessW failed: " + std::to_string(::GetLastError()) + ">";
    ::WaitForSingleObject(pi.hProcess, 60000);
    ::CloseHandle(pi.hThread);
    ::CloseHandle(pi.hProcess);
    return test::file_contents(narrow(out));
}

// The seam: which call fails (or succeeds without being made), and with what; and what another
// party does just before that call (inject_action, for one call: inject_action_on).
std::atomic<int> inject_result[16];
void (*inject_action)() = nullptr;
tf::detail::sys::call inject_action_on;
std::wstring g_scratch; // the directory an inject_action works in
int inject(tf::detail::sys::call c) noexcept
{
    if (inject_action && c == inject_action_on)
        std::exchange(inject_action, nullptr)();
    return inject_result[static_cast<int>(c)].load();
}
struct injection
{
    injection(tf::detail::sys::call c, int result) : c_(c)
    {
        inject_result[static_cast<int>(c)] = result;
        tf::detail::test_hook<tf::detail::sys::inject_fn>() = &inject;
    }
    ~injection() { inject_result[static_cast<int>(c_)] = 0; }
    tf::detail::sys::call c_;
};

std::wstring wide(const boost::filesystem::path& p) { return p.wstring(); }

// Another party's move: the name `path` goes elsewhere and a file of theirs takes it.
bool swap_in_their_file(const std::wstring& path)
{
    if (!::MoveFileExW(path.c_str(), (path + L".moved").c_str(), 0))
        return false;
    return test::write_file(narrow(path), "theirs");
}

// A named file registered for removal at exit (not delete-on-close: removed by name), holding
// "x", closed; the caller deletes it.
tf::basic_temp_file<char, tf::remove_at_exit<>>* closed_registered_file(const test::scratch& s)
{
    auto o = test::file_in<char>(s.dir);
    o.delete_on_close = false;
    auto* f = new tf::basic_temp_file<char, tf::remove_at_exit<>>(o);
    f->write("x");
    f->close();
    return f;
}

// The staged name ("~tf...") keep() or persist() made in g_scratch; empty if there is none.
std::wstring staged_in_scratch()
{
    WIN32_FIND_DATAW d;
    HANDLE h = ::FindFirstFileW((g_scratch + L"\\~tf*").c_str(), &d);
    if (h == INVALID_HANDLE_VALUE)
        return std::wstring();
    ::FindClose(h);
    return g_scratch + L"\\" + d.cFileName;
}

// `make` (a creation in `s`) throws the Win32 error `error` naming a path in `s`, and leaves
// nothing there.
template <class Make>
void creation_fails_with(const test::scratch& s, DWORD error, Make make)
{
    try {
        make();
        BOOST_ERROR("created");
    } catch (const boost::filesystem::filesystem_error& e) {
        BOOST_TEST(e.code().value() == error, e.what());
        BOOST_TEST(e.path1().parent_path() == s.dir);
    }
    BOOST_TEST(s.entries().empty());
}

} // namespace
#endif

// ---- 1. publishing checks files, not names

BOOST_TEST_DECORATOR(*test::windows_only("delete-on-close files and MoveFileExW"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_swapped_temporary_name_is_never_published, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    for (int run = 0; run < 4; ++run) { // delete-on-close or an ordinary file; persist or noclobber
        const bool noclobber = run % 2 != 0;
        test::scratch s;
        auto o = test::file_in<CharT>(s.dir);
        o.delete_on_close = run < 2;
        tf::basic_temp_file<CharT> f(o);
        f.write("mine");
        f.flush();
        const std::wstring name = wide(f.path());
        BOOST_TEST_REQUIRE(swap_in_their_file(name));
        const boost::filesystem::path target = s.dir / lit<CharT>("published.txt");
        boost::system::error_code ec;
        if (noclobber)
            f.persist_noclobber(target, ec);
        else
            f.persist(target, ec);
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory, "run " << run << ": " << ec.message());
        BOOST_TEST(!test::exists(narrow(target.wstring())), "their file was published");
        BOOST_TEST(test::file_contents(narrow(name)) == "theirs"); // theirs, untouched
        BOOST_TEST(test::contents(f) == "mine");                  // the object keeps its file
        f.close();
        BOOST_TEST(test::file_contents(narrow(name)) == "theirs"); // never removed by the object
    }
#endif
}

// ---- 4. onto its own name

BOOST_TEST_DECORATOR(*test::windows_only("delete-on-close files"))
BOOST_AUTO_TEST_CASE_TEMPLATE(persist_onto_its_own_name_keeps_it_there, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    for (int spelling = 0; spelling < 2; ++spelling) {
        test::scratch s;
        std::wstring name;
        {
            tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
            f.write("data");
            name = wide(f.path());
            boost::filesystem::path self = spelling == 0 ? f.path() : s.dir / L"." / f.path().filename();
            boost::system::error_code ec;
            f.persist(self, ec);
            BOOST_TEST(!ec, ec.message());
        }
        BOOST_TEST(test::file_contents(narrow(name)) == "data", "spelling " << spelling);
        BOOST_TEST(s.entries().size() == 1u, "no stray staged name");
    }
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("delete-on-close files"))
BOOST_AUTO_TEST_CASE_TEMPLATE(persist_noclobber_onto_its_own_name_spelled_differently_is_file_exists, CharT,
                              test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    for (bool doc : {true, false}) {
        test::scratch s;
        auto o = test::file_in<CharT>(s.dir);
        o.delete_on_close = doc;
        std::wstring name;
        {
            tf::basic_temp_file<CharT> f(o);
            f.write("data");
            name = wide(f.path());
            boost::system::error_code ec;
            f.persist_noclobber(s.dir / L"." / f.path().filename(), ec);
            BOOST_TEST(ec == boost::system::errc::file_exists, doc << ": " << ec.message());
            BOOST_TEST(test::contents(f) == "data");
        }
        BOOST_TEST(!test::exists(narrow(name)), "still the object's: removed");
    }
#endif
}

// ---- 5. long last components

BOOST_TEST_DECORATOR(*test::windows_only("name_max and staged names"))
BOOST_AUTO_TEST_CASE_TEMPLATE(publish_and_keep_with_a_last_component_of_250_characters, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("long");
        const boost::filesystem::path target = s.dir / std::wstring(250, L'p');
        boost::system::error_code ec;
        f.persist(target, ec);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(test::file_contents(narrow(target.wstring())) == "long");
    }
    std::wstring kept;
    {
        auto o = test::file_in<CharT>(s.dir);
        o.prefix = lit<CharT>(std::string(240, 'k').c_str());
        tf::basic_temp_file<CharT> f(o);
        f.write("kept");
        f.keep();
        kept = wide(f.path());
    }
    BOOST_TEST(test::file_contents(narrow(kept)) == "kept", "keep() said kept, the file was deleted");
    BOOST_TEST(s.entries().size() == 2u);
#endif
}

// ---- 6. keep() with another handle open

BOOST_TEST_DECORATOR(*test::windows_only("delete-on-close files"))
BOOST_AUTO_TEST_CASE_TEMPLATE(keep_with_another_handle_open_keeps_the_name_it_reports, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    std::wstring kept;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("kept");
        f.flush();
        tf::file_handle other = f.reopen();
        f.keep();
        kept = wide(f.path());
        other = tf::file_handle(); // closed: the system may remove the name it held
        BOOST_TEST(test::contents(f) == "kept");
    }
    BOOST_TEST(test::file_contents(narrow(kept)) == "kept", "path() names nothing");
    BOOST_TEST(s.entries().size() == 1u);
#endif
}

// ---- 7. read-only named files

BOOST_TEST_DECORATOR(*test::windows_only("FILE_ATTRIBUTE_READONLY"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_read_only_named_file_is_removed_at_destruction, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    for (DWORD attributes : {DWORD(FILE_ATTRIBUTE_READONLY), DWORD(FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN)}) {
        auto o = test::file_in<CharT>(s.dir);
        o.delete_on_close = false; // removed by name at destruction
        {
            tf::basic_temp_file<CharT> f(o);
            f.write("x");
            f.close();
            BOOST_TEST(::SetFileAttributesW(f.path().c_str(), attributes));
        }
        BOOST_TEST(s.entries().empty(), "left behind with attributes " << attributes);
    }
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("FILE_ATTRIBUTE_READONLY"))
BOOST_AUTO_TEST_CASE(a_read_only_file_is_removed_by_the_exit_cleanup)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    auto* f = closed_registered_file(s); // alive at the sweep
    BOOST_TEST(::SetFileAttributesW(f->path().c_str(), FILE_ATTRIBUTE_READONLY));
    console_event_sweep(CTRL_C_EVENT); // the sweep, as a console event runs it
    BOOST_TEST(s.entries().empty());
    delete f;
#endif
}

// ---- 3. reserved device names

BOOST_TEST_DECORATOR(*test::windows_only("DOS device names"))
BOOST_AUTO_TEST_CASE_TEMPLATE(reserved_device_names_are_refused_before_creation, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    for (const char* prefix : {"NUL.", "nul.", "CON.", "Prn.", "aux.", "COM1.", "lpt9.", "NUL .", "conout$."}) {
        auto fo = test::file_in<CharT>(s.dir);
        fo.prefix = lit<CharT>(prefix);
        boost::system::error_code ec;
        tf::basic_temp_file<CharT> f(fo, ec);
        BOOST_TEST(ec == boost::system::errc::invalid_argument, prefix << ": " << ec.message());
        auto ko = fo;
        ko.delete_on_close = false;
        tf::basic_temp_file<CharT> k(ko, ec);
        BOOST_TEST(ec == boost::system::errc::invalid_argument, prefix);
        auto mo = test::options_in<CharT>(s.dir);
        mo.prefix = lit<CharT>(prefix);
        auto r = tf::mkstemp(mo, ec);
        BOOST_TEST(ec == boost::system::errc::invalid_argument, prefix);
        BOOST_TEST(r.first < 0);
        tf::mkdtemp(mo, ec);
        BOOST_TEST(ec == boost::system::errc::invalid_argument, prefix);
        auto dopt = test::dir_in<CharT>(s.dir);
        dopt.prefix = lit<CharT>(prefix);
        tf::basic_temp_dir<CharT> d(dopt, ec);
        BOOST_TEST(ec == boost::system::errc::invalid_argument, prefix);
    }
    for (const char* prefix : {"NULL.", "COM10.", "xNUL.", "CONSOLE."}) { // not devices
        auto fo = test::file_in<CharT>(s.dir);
        fo.prefix = lit<CharT>(prefix);
        fo.delete_on_close = false;
        tf::basic_temp_file<CharT> f(fo);
        f.write("x");
        f.close();
        BOOST_TEST(test::file_contents(narrow(f.path().wstring())) == "x", prefix);
    }
    BOOST_TEST(s.entries().empty());
#endif
}

// ---- 2 and issue 19 item 4: a live temporary_directory is listed, entered, a child's cwd

BOOST_TEST_DECORATOR(*test::windows_only("share modes of directory handles"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_live_temporary_directory_can_be_listed, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
    test::write_file(narrow(d.path().wstring() + L"\\a.txt"), "a");
    WIN32_FIND_DATAW fd;
    HANDLE h = ::FindFirstFileW((d.path().wstring() + L"\\*").c_str(), &fd);
    BOOST_TEST(h != INVALID_HANDLE_VALUE, "FindFirstFileW: error " << ::GetLastError());
    if (h != INVALID_HANDLE_VALUE)
        ::FindClose(h);
    std::error_code e;
    int n = 0;
    for (std::filesystem::directory_iterator it(std::filesystem::path(d.path().wstring()), e), end; !e && it != end;
         it.increment(e))
        ++n;
    BOOST_TEST(!e, e.message());
    BOOST_TEST(n == 1);
    boost::system::error_code ec;
    d.cleanup(ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(s.entries().empty());
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("current directories"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_live_temporary_directory_can_be_the_current_directory_and_a_childs, CharT,
                              test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    const std::wstring before = test::widen(narrow(boost::filesystem::current_path().wstring()));
    {
        tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
        const std::wstring dir = d.path().wstring();
        BOOST_TEST(::SetCurrentDirectoryW(dir.c_str()), "SetCurrentDirectoryW: error " << ::GetLastError());
        BOOST_TEST(::SetCurrentDirectoryW(before.c_str()));
        std::string seen = child_cwd_in(dir, s.dir.wstring() + L"\\child-cwd.txt");
        BOOST_TEST(test::widen(seen).find(d.path().filename().wstring()) != std::wstring::npos, seen);
    }
    BOOST_TEST(s.entries().size() == 1u); // child-cwd.txt only: the directory is gone
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("current directories"))
BOOST_AUTO_TEST_CASE(cleanup_while_our_current_directory_is_inside)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    const std::wstring before = boost::filesystem::current_path().wstring();
    tf::temporary_directory d(test::dir_in<char>(s.dir));
    const std::wstring dir = d.path().wstring();
    test::write_file(narrow(dir + L"\\inside.txt"), "x");
    BOOST_TEST_REQUIRE(::SetCurrentDirectoryW(dir.c_str()));
    boost::system::error_code ec;
    d.cleanup(ec);
    // The contents go; the directory, a current directory, stays, reported (doc/reference/temp_dir.adoc).
    BOOST_TEST(ec.value() == ERROR_SHARING_VIOLATION, ec.message());
    BOOST_TEST(!test::exists(narrow(dir + L"\\inside.txt")));
    BOOST_TEST(test::exists(narrow(dir)));
    BOOST_TEST(::SetCurrentDirectoryW(before.c_str()));
    d.cleanup(ec); // the object still owns it: removed now
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(s.entries().empty());
#endif
}

// ---- through the seam (issue 23 guard 8): calls that fail, or succeed as real Windows would

BOOST_TEST_DECORATOR(*test::windows_only("FileDispositionInfoEx"))
BOOST_AUTO_TEST_CASE(keep_by_file_disposition_info_ex_keeps_the_handle_and_the_name)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    injection i(tf::detail::sys::call::disposition_ex, 1); // accepted, as Windows 10 1809+
    tf::named_temporary_file f(test::file_in<char>(s.dir));
    f.write("x");
    const auto before = f.native_handle();
    const auto name = f.path();
    f.keep();
    BOOST_TEST(f.native_handle() == before); // no fallback: the handle is the same
    BOOST_TEST(f.path() == name);
    BOOST_TEST(s.entries().size() == 1u); // no staged name made
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("the keep() fallback"))
BOOST_AUTO_TEST_CASE(keep_whose_link_fails_is_not_reported_kept)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    {
        injection i(tf::detail::sys::call::hard_link, -static_cast<int>(ERROR_TOO_MANY_LINKS));
        tf::named_temporary_file f(test::file_in<char>(s.dir));
        f.write("x");
        f.keep(); // cannot: the object still removes it
        boost::system::error_code ec;
        f.persist(s.dir / "after.txt", ec); // a link too: the error is reported
        BOOST_TEST(ec.value() == ERROR_TOO_MANY_LINKS, ec.message());
    }
    BOOST_TEST(s.entries().empty());
    {
        injection i(tf::detail::sys::call::move_file, -static_cast<int>(ERROR_ACCESS_DENIED));
        tf::named_temporary_file f(test::file_in<char>(s.dir));
        f.write("x");
        f.keep(); // the staged name could not go back: kept under it, and path() says so
        const std::wstring kept = f.path().wstring();
        BOOST_TEST(f.path().filename().string().substr(0, 3) == "~tf");
        f.close();
        BOOST_TEST(test::file_contents(narrow(kept)) == "x");
    }
    BOOST_TEST(s.entries().size() == 1u);
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("handle exhaustion"))
BOOST_AUTO_TEST_CASE(creation_at_handle_exhaustion_names_the_path_and_leaves_nothing)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    injection i(tf::detail::sys::call::create_file, -static_cast<int>(ERROR_TOO_MANY_OPEN_FILES));
    creation_fails_with(s, ERROR_TOO_MANY_OPEN_FILES,
                        [&] { tf::named_temporary_file f(test::file_in<char>(s.dir)); });
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("sharing violations"))
BOOST_AUTO_TEST_CASE(a_directory_that_cannot_be_opened_for_deletion_is_emptied_and_kept)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    tf::temporary_directory d(test::dir_in<char>(s.dir));
    test::write_file(narrow(d.path().wstring() + L"\\f"), "x");
    boost::system::error_code ec;
    {
        injection i(tf::detail::sys::call::open_for_delete, -static_cast<int>(ERROR_SHARING_VIOLATION));
        d.cleanup(ec);
    }
    BOOST_TEST(ec.value() == ERROR_SHARING_VIOLATION);
    BOOST_TEST(test::exists(narrow(d.path().wstring())));
    BOOST_TEST(!test::exists(narrow(d.path().wstring() + L"\\f")));
    d.cleanup(ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(s.entries().empty());
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("FILE_ATTRIBUTE_READONLY"))
BOOST_AUTO_TEST_CASE(a_read_only_top_directory_refused_deletion_is_removed)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Windows refuses to mark a read-only directory deleted (ERROR_ACCESS_DENIED); Wine does
    // not, so the refusal is injected, with the attribute set as Windows would see it: the
    // removal clears the attribute through its handle and deletes the directory.
    test::scratch s;
    tf::temporary_directory d(test::dir_in<char>(s.dir));
    test::write_file(narrow(d.path().wstring() + L"\\f"), "x");
    BOOST_TEST_REQUIRE(::SetFileAttributesW(d.path().c_str(), FILE_ATTRIBUTE_READONLY));
    boost::system::error_code ec;
    {
        injection i(tf::detail::sys::call::delete_top, -static_cast<int>(ERROR_ACCESS_DENIED));
        d.cleanup(ec);
    }
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(!d.exists());
    BOOST_TEST(s.entries().empty());
#endif
}

// ---- the console-event cleanup while threads create

BOOST_TEST_DECORATOR(*test::windows_only("console control handler"))
BOOST_AUTO_TEST_CASE(the_console_event_sweep_removes_what_threads_made)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    using dir_t = tf::basic_temp_dir<char, tf::remove_at_exit<>>;
    std::vector<dir_t*> made[4];
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i) {
                auto* d = new dir_t(test::dir_in<char>(s.dir)); // alive at the sweep
                test::write_file(narrow(d->path().wstring() + L"\\inside"), "x");
                made[t].push_back(d);
            }
        });
    for (auto& t : threads)
        t.join();
    std::atomic<bool> stop{false};
    std::atomic<int> refused{0};
    std::thread busy([&] { // creating and destroying while the sweep runs
        while (!stop) {
            try {
                dir_t d(test::dir_in<char>(s.dir));
            } catch (const boost::filesystem::filesystem_error& e) { // after the sweep
                if (e.code() != boost::system::errc::operation_canceled)
                    throw;
                ++refused;
            }
        }
    });
    tf::detail::exit_cleanup::on_console_event(CTRL_CLOSE_EVENT);
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the busy thread meets the closed door
    stop = true;
    busy.join();
    { // a file too
        boost::system::error_code ec;
        tf::basic_temp_file<char, tf::remove_at_exit<>> f(test::file_in<char>(s.dir), ec);
        BOOST_TEST(ec == boost::system::errc::operation_canceled, ec.message());
        BOOST_TEST(!f.is_open());
    }
    for (auto& v : made)
        for (dir_t* d : v) {
            BOOST_TEST(!test::exists(narrow(d->path().wstring() + L"\\inside")));
            delete d;
        }
    BOOST_TEST(refused > 0); // creations after the sweep are refused, and leave nothing
    BOOST_TEST(s.entries().empty());
    tf::detail::exit_cleanup::creations().fetch_and(~tf::detail::exit_cleanup::closing_bit);
#endif
}

// ---- names through every publishing call: trailing dots and spaces, devices, non-BMP

BOOST_TEST_DECORATOR(*test::windows_only("Win32 name rules"))
BOOST_AUTO_TEST_CASE_TEMPLATE(persist_refuses_targets_win32_would_not_create_as_spelled, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    for (const char* target : {"x.", "x ", "NUL", "nul.txt", "COM1.log", "CON"}) {
        for (bool noclobber : {false, true}) {
            tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
            f.write("data");
            boost::system::error_code ec;
            const boost::filesystem::path to = s.dir / lit<CharT>(target);
            if (noclobber)
                f.persist_noclobber(to, ec);
            else
                f.persist(to, ec);
            BOOST_TEST(ec == boost::system::errc::invalid_argument, target << ": " << ec.message());
            BOOST_TEST(test::contents(f) == "data"); // still the object's, unchanged
        }
    }
    BOOST_TEST(s.entries().empty()); // "x" was never made from "x."
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("UTF-16 names"))
BOOST_AUTO_TEST_CASE(non_bmp_names_through_keep_persist_and_reopen)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    const std::wstring smile = L"\U0001F600";
    auto o = test::file_in<wchar_t>(s.dir);
    o.prefix = smile;
    std::wstring kept, published;
    {
        tf::wnamed_temporary_file f(o);
        f.write("a");
        f.flush();
        BOOST_TEST(f.reopen().get() != tf::invalid_native_handle);
        f.keep();
        kept = f.path().wstring();
        tf::wnamed_temporary_file g(o);
        g.write("b");
        g.persist(s.dir / (smile + L"-published"));
        published = g.path().wstring();
    }
    BOOST_TEST(kept.find(smile) != std::wstring::npos);
    BOOST_TEST(test::file_contents(narrow(kept)) == "a");
    BOOST_TEST(test::file_contents(narrow(published)) == "b");
    BOOST_TEST(s.entries().size() == 2u);
#endif
}

// ---- another party at work while the objects live

BOOST_TEST_DECORATOR(*test::windows_only("renaming a live directory"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_live_directory_renamed_away_and_replaced_is_left_to_them, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir));
    const std::wstring name = d.path().wstring();
    test::write_file(narrow(name + L"\\ours"), "x");
    BOOST_TEST_REQUIRE(::MoveFileExW(name.c_str(), (name + L"-moved").c_str(), 0), ::GetLastError());
    BOOST_TEST_REQUIRE(::CreateDirectoryW(name.c_str(), nullptr));
    test::write_file(narrow(name + L"\\theirs"), "y");
    boost::system::error_code ec;
    d.cleanup(ec);
    BOOST_TEST(ec == boost::system::errc::file_exists, ec.message());
    BOOST_TEST(test::file_contents(narrow(name + L"\\theirs")) == "y");
    BOOST_TEST(test::file_contents(narrow(name + L"-moved\\ours")) == "x");
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("share modes"))
BOOST_AUTO_TEST_CASE(a_file_held_without_share_delete_inside_is_reported_then_removed)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    tf::temporary_directory d(test::dir_in<char>(s.dir));
    const std::wstring inside = d.path().wstring() + L"\\held.txt";
    HANDLE h = ::CreateFileW(inside.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, nullptr, CREATE_NEW,
                             FILE_ATTRIBUTE_NORMAL, nullptr);
    BOOST_TEST_REQUIRE(h != INVALID_HANDLE_VALUE);
    boost::system::error_code ec;
    d.cleanup(ec);
    BOOST_TEST(ec.value() == ERROR_SHARING_VIOLATION, ec.message());
    BOOST_TEST(d.exists());
    ::CloseHandle(h);
    d.cleanup(ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(s.entries().empty());
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("the keep() fallback"))
BOOST_AUTO_TEST_CASE_TEMPLATE(keep_after_the_name_was_swapped_keeps_nothing_of_theirs, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    std::wstring name;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("mine");
        f.flush();
        name = wide(f.path());
        BOOST_TEST_REQUIRE(swap_in_their_file(name));
        f.keep(); // the fallback (Wine): the staged link would be to their file
        BOOST_TEST(test::contents(f) == "mine");
    }
    BOOST_TEST(test::file_contents(narrow(name)) == "theirs");
    std::vector<std::string> left = s.entries();
    for (const std::string& e : left)
        BOOST_TEST(e.substr(0, 3) != "~tf", "a staged name left: " << e);
#endif
}

// ---- more of the seam and the exit registry (issue 23: what the Windows coverage found unrun)

BOOST_TEST_DECORATOR(*test::windows_only("a directory that cannot be opened once made"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_directory_that_cannot_be_opened_once_made_is_removed_and_reported, CharT,
                              test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // CreateDirectoryW made it, the open that checks it fails (injected: ERROR_ACCESS_DENIED,
    // as a security product or an ACL inherited from a hostile parent gives): the empty
    // directory this call made is removed, and the error names it.
    test::scratch s;
    injection i(tf::detail::sys::call::created_dir, -static_cast<int>(ERROR_ACCESS_DENIED));
    boost::system::error_code ec;
    tf::basic_temp_dir<CharT> d(test::dir_in<CharT>(s.dir), ec);
    BOOST_TEST(ec.value() == ERROR_ACCESS_DENIED, ec.message());
    BOOST_TEST(!d.exists());
    BOOST_TEST(s.entries().empty()); // not left behind
    creation_fails_with(s, ERROR_ACCESS_DENIED, [&] { tf::basic_temp_dir<CharT> e(test::dir_in<CharT>(s.dir)); });
#endif
}

#if BOOST_TEMPFILE_TEST_WINDOWS
namespace {
// Always the name "taken", three times at most.
struct taken_name : tf::naming_policy
{
    static constexpr unsigned max_attempts = 3;
    static inline int drawn = 0;
    template <class CharT>
    std::basic_string<CharT> next_name()
    {
        ++drawn;
        return lit<CharT>("taken");
    }
};
} // namespace
#endif

BOOST_TEST_DECORATOR(*test::windows_only("CREATE_NEW where a directory has the name"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_file_named_where_a_directory_is_draws_the_next_name, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // CreateFileW(CREATE_NEW) where a directory has the name fails with ERROR_ACCESS_DENIED on
    // Windows (Wine answers ERROR_FILE_EXISTS: the Windows answer is injected). The name is
    // taken, as Python retries its PermissionError there: the next name is drawn, and after the
    // naming policy's three the error is file_exists; the directory stays as it was. Where a
    // file has the name the same refusal stands (Windows gives it for a file whose deletion is
    // pending): reported at once, nothing retried.
    test::scratch s;
    const std::wstring taken = s.dir.wstring() + L"\\taken";
    BOOST_TEST_REQUIRE(::CreateDirectoryW(taken.c_str(), nullptr));
    auto o = test::file_in<CharT>(s.dir);
    o.prefix = std::basic_string<CharT>();
    o.suffix = std::basic_string<CharT>();
    injection i(tf::detail::sys::call::create_refused, -static_cast<int>(ERROR_ACCESS_DENIED));
    boost::system::error_code ec;
    taken_name::drawn = 0;
    {
        tf::basic_temp_file<CharT, taken_name> f(o, ec);
        BOOST_TEST(!f.is_open());
    }
    BOOST_TEST(ec == boost::system::errc::file_exists, ec.message());
    BOOST_TEST(taken_name::drawn == 3);
    const DWORD a = ::GetFileAttributesW(taken.c_str());
    BOOST_TEST((a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY)));
    BOOST_TEST(s.entries() == std::vector<std::string>{"taken"});
    BOOST_TEST_REQUIRE(::RemoveDirectoryW(taken.c_str()));
    BOOST_TEST_REQUIRE(test::write_file(narrow(taken), "theirs"));
    taken_name::drawn = 0;
    {
        tf::basic_temp_file<CharT, taken_name> f(o, ec);
        BOOST_TEST(!f.is_open());
    }
    BOOST_TEST(ec.value() == ERROR_ACCESS_DENIED, ec.message());
    BOOST_TEST(taken_name::drawn == 1);
    BOOST_TEST(test::file_contents(narrow(taken)) == "theirs");
    BOOST_TEST(s.entries() == std::vector<std::string>{"taken"});
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("the Windows candidate list"))
BOOST_AUTO_TEST_CASE(no_usable_candidate_is_reported_with_the_list_and_nothing_is_cached)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // Every candidate refuses a file (injected: each CreateFileW of a new file fails with
    // ERROR_ACCESS_DENIED, as everywhere for an account locked out of every one): gettempdir
    // reports no_such_file_or_directory with every candidate in the order tried (TMPDIR first,
    // the current directory last), a creation in the default directory fails the same way, and
    // nothing is cached: once files can be made, the first candidate is found.
    test::scratch s;
    test::env_guard tmpdir("TMPDIR", s.dir.string().c_str());
    std::wstring cwd(32768, L'\0');
    cwd.resize(::GetCurrentDirectoryW(static_cast<DWORD>(cwd.size()), &cwd[0]));
    tf::reset_tempdir();
    {
        injection i(tf::detail::sys::call::create_file, -static_cast<int>(ERROR_ACCESS_DENIED));
        boost::system::error_code ec;
        BOOST_TEST(tf::gettempdir(ec).empty());
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
        try {
            tf::gettempdir();
            BOOST_ERROR("found one");
        } catch (const boost::filesystem::filesystem_error& e) {
            const std::string what = e.what();
            BOOST_TEST(e.code() == boost::system::errc::no_such_file_or_directory);
            const std::size_t first = what.find("['" + s.dir.string() + "'");
            const std::size_t last = what.find(", '" + narrow(cwd) + "']");
            BOOST_TEST(first != std::string::npos, what);
            BOOST_TEST(last != std::string::npos, what);
            BOOST_TEST(first < last);
        }
        tf::named_temporary_file f(tf::file_options(), ec);
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
        BOOST_TEST(!f.is_open());
    }
    BOOST_TEST(tf::gettempdir() == s.dir.string());
    BOOST_TEST(s.entries().empty());
    tf::reset_tempdir();
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("the keep() fallback"))
BOOST_AUTO_TEST_CASE(keep_whose_staged_name_is_taken_over_holds_nothing_of_theirs)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // The fallback (FileDispositionInfoEx refused, as by Wine, Windows before 10 1809, some
    // file systems): hard link under a staged name, handle closed, staged name renamed back.
    // Here another party takes the staged name just before it is renamed back (moves our file
    // away and puts theirs there), and the rename fails: the file is opened again by the
    // staged name and found to be another file. The object must not take theirs as its own.
    test::scratch s;
    g_scratch = s.dir.wstring();
    injection ex(tf::detail::sys::call::disposition_ex, -static_cast<int>(ERROR_INVALID_PARAMETER));
    injection mv(tf::detail::sys::call::move_file, -static_cast<int>(ERROR_ACCESS_DENIED));
    inject_action_on = tf::detail::sys::call::move_file;
    inject_action = [] {
        const std::wstring staged = staged_in_scratch();
        if (!staged.empty() && ::MoveFileExW(staged.c_str(), (g_scratch + L"\\ours-moved").c_str(), 0))
            test::write_file(narrow(staged), "theirs");
    };
    std::wstring reported;
    {
        tf::named_temporary_file f(test::file_in<char>(s.dir));
        f.write("mine");
        f.flush();
        f.keep();
        BOOST_TEST(!inject_action); // the other party moved
        reported = f.path().wstring();
        BOOST_TEST(f.path().filename().string().substr(0, 3) == "~tf"); // kept elsewhere: says so
        BOOST_TEST(f.native_handle() == tf::invalid_native_handle); // not their file
    }
    inject_action = nullptr;
    BOOST_TEST(test::file_contents(narrow(reported)) == "theirs"); // untouched
    BOOST_TEST(test::file_contents(narrow(g_scratch + L"\\ours-moved")) == "mine");
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("share modes"))
BOOST_AUTO_TEST_CASE(the_exit_sweep_leaves_a_file_another_program_holds_without_sharing_deletion)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // A named file (not delete-on-close, closed by the program) that another program holds open
    // without FILE_SHARE_DELETE: the sweep cannot open it for deletion and leaves it (nothing
    // else is tried); the object removes it later, once the other handle is closed.
    test::scratch s;
    auto* f = closed_registered_file(s); // alive at the sweep
    HANDLE theirs = ::CreateFileW(f->path().c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                                  OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    BOOST_TEST_REQUIRE(theirs != INVALID_HANDLE_VALUE, ::GetLastError());
    console_event_sweep(CTRL_C_EVENT);
    BOOST_TEST(s.entries().size() == 1u); // left to its holder
    char buf[8] = {};
    DWORD got = 0;
    BOOST_TEST(::ReadFile(theirs, buf, sizeof buf, &got, nullptr));
    BOOST_TEST(std::string(buf, got) == "x");
    ::CloseHandle(theirs);
    delete f; // removed by name now
    BOOST_TEST(s.entries().empty());
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("the exit registry under Windows"))
BOOST_AUTO_TEST_CASE(the_exit_registry_grows_and_its_sweep_reaches_every_chunk)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // The table starts with 256 slots and doubles when half full: 300 live registrations make
    // it grow (a second chunk), and the sweep must remove the files registered in either.
    namespace ec = tf::detail::exit_cleanup;
    test::scratch s;
    auto o = test::file_in<char>(s.dir);
    o.delete_on_close = false;
    using file_t = tf::basic_temp_file<char, tf::remove_at_exit<>>;
    std::vector<std::unique_ptr<file_t>> files;
    for (int i = 0; i < 300; ++i) {
        files.push_back(std::make_unique<file_t>(o));
        files.back()->close();
    }
    BOOST_TEST(ec::state().capacity.load() > ec::first_slots);
    BOOST_TEST(ec::state().chunks[1].load() != nullptr);
    BOOST_TEST(s.entries().size() == 300u);
    console_event_sweep(CTRL_BREAK_EVENT);
    BOOST_TEST(s.entries().empty(), s.entries().size() << " files left by the sweep");
    files.clear(); // withdrawn, nothing left to remove
    BOOST_TEST(s.entries().empty());
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("the exit registry under Windows"))
BOOST_AUTO_TEST_CASE(an_entry_withdrawn_during_a_sweep_is_retired_not_freed)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // An object destroyed while a console event's sweep (another thread) may be reading its
    // entry cannot free it: the entry goes to the retired list (reachable, never freed).
    namespace ec = tf::detail::exit_cleanup;
    test::scratch s;
    auto* f = closed_registered_file(s);
    const std::size_t live = ec::state().live.load();
    const ec::entry* before = ec::state().retired.load();
    ec::state().sweeping.fetch_add(1); // as a sweep walking the table does
    delete f;                          // withdrawn (and its file removed) while "sweeping"
    ec::state().sweeping.fetch_sub(1);
    const ec::entry* e = ec::state().retired.load();
    BOOST_TEST_REQUIRE(e != before); // retired, not freed
    BOOST_TEST(e->retired_next == before);
    BOOST_TEST(ec::state().live.load() == live - 1);
    BOOST_TEST(s.entries().empty());
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("MoveFileExW and hard links"))
BOOST_AUTO_TEST_CASE(persist_whose_target_is_taken_over_right_after_the_rename_reports_it)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // A delete-on-close file is published by a hard link under a staged name renamed to the
    // target. Here the rename is made (by the other party's action, then reported done) and the
    // target taken over at once (our file moved aside, theirs put there): persist must report
    // that the target is not this file, and the object must not claim their file.
    test::scratch s;
    g_scratch = s.dir.wstring();
    injection mv(tf::detail::sys::call::move_file, 1); // "done": the action did it
    inject_action_on = tf::detail::sys::call::move_file;
    inject_action = [] {
        const std::wstring staged = staged_in_scratch(), to = g_scratch + L"\\target.txt";
        if (!staged.empty() && ::MoveFileExW(staged.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING) &&
            ::MoveFileExW(to.c_str(), (g_scratch + L"\\ours-moved").c_str(), 0))
            test::write_file(narrow(to), "theirs");
    };
    {
        tf::named_temporary_file f(test::file_in<char>(s.dir));
        f.write("mine");
        boost::system::error_code ec;
        f.persist(s.dir / "target.txt", ec);
        BOOST_TEST(!inject_action); // the other party moved
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory, ec.message());
        BOOST_TEST(f.path().filename().string() != "target.txt");
        BOOST_TEST(test::contents(f) == "mine"); // still its own file
    }
    inject_action = nullptr;
    BOOST_TEST(test::file_contents(narrow(g_scratch + L"\\target.txt")) == "theirs"); // untouched
    BOOST_TEST(test::file_contents(narrow(g_scratch + L"\\ours-moved")) == "mine");
#endif
}

BOOST_TEST_DECORATOR(*test::windows_only("publish_mode on Windows"))
BOOST_AUTO_TEST_CASE_TEMPLATE(an_explicit_publish_mode_changes_nothing_on_windows, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    // POSIX permission bits mean nothing here (a file takes its directory's inherited ACL): a
    // mode asked for, even 0444, neither makes the published file read-only nor fails; and a
    // durable publish whose flush fails (injected: ERROR_IO_DEVICE) puts "the mode" back,
    // which is nothing either, and leaves the file the object's.
    test::scratch s;
    const boost::filesystem::path doc = s.dir / "app.conf";
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("new");
        f.persist(doc, tf::publish_mode(0444));
    }
    const DWORD a = ::GetFileAttributesW(doc.c_str());
    BOOST_TEST(a != INVALID_FILE_ATTRIBUTES);
    BOOST_TEST(!(a & FILE_ATTRIBUTE_READONLY));
    BOOST_TEST(test::file_contents(narrow(doc.wstring())) == "new");
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("newer");
        boost::system::error_code ec;
        {
            injection i(tf::detail::sys::call::flush, -static_cast<int>(ERROR_IO_DEVICE));
            f.persist(doc, tf::publish_mode(0444), tf::durability::durable, ec);
        }
        BOOST_TEST(ec.value() == ERROR_IO_DEVICE, ec.message());
        BOOST_TEST(test::file_contents(narrow(doc.wstring())) == "new"); // nothing published
        f.persist(doc, tf::publish_mode(0444), tf::durability::durable, ec);
        BOOST_TEST(!ec, ec.message());
    }
    BOOST_TEST(test::file_contents(narrow(doc.wstring())) == "newer");
    // The other modes ask for nothing either: the file is published as it is, over the old
    // document and under a new name.
    int n = 0;
    for (tf::publish_mode m : {tf::publish_mode::as_created(), tf::publish_mode::umask_default(),
                               tf::publish_mode::like_target()}) {
        const std::string text = "mode " + std::to_string(n);
        const boost::filesystem::path fresh = s.dir / ("fresh" + std::to_string(n++));
        for (const boost::filesystem::path& to : {doc, fresh}) {
            tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
            f.write(text);
            f.persist(to, m);
            const DWORD b = ::GetFileAttributesW(to.c_str());
            BOOST_TEST((b != INVALID_FILE_ATTRIBUTES && !(b & FILE_ATTRIBUTE_READONLY)));
        }
        BOOST_TEST(test::file_contents(narrow(doc.wstring())) == text);
        BOOST_TEST(test::file_contents(narrow(fresh.wstring())) == text);
    }
    BOOST_TEST(s.entries().size() == 4u);
#endif
}
