// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// gettempdir's search (Python's order and probe), its cache, set_tempdir / reset_tempdir,
// and the library's location policies.

#define BOOST_TEST_MODULE location
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/test_common.hpp"

#include <atomic>
#include <fstream>
#include <memory>
#include <thread>

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
#if BOOST_TEMPFILE_TEST_POSIX
    BOOST_TEST(search_with(nullptr, nullptr, nullptr) == "/tmp");
#else
    // Then %USERPROFILE%\AppData\Local\Temp, else %SYSTEMROOT%\Temp (both exist under Wine).
    std::string local = std::string(std::getenv("USERPROFILE")) + "\\AppData\\Local\\Temp";
    std::string next = boost::filesystem::is_directory(test::path_of(local))
                           ? local
                           : std::string(std::getenv("SYSTEMROOT")) + "\\Temp";
    BOOST_TEST(search_with(nullptr, nullptr, nullptr) == next);
#endif
}

// A value longer than the first guess of its size (Windows reads 128 characters first) is read
// whole.
BOOST_AUTO_TEST_CASE(long_environment_value_is_read_whole)
{
    test::scratch s;
    const boost::filesystem::path d = s.dir / std::string(150, 'e');
    boost::filesystem::create_directory(d);
    BOOST_TEST(search_with(nullptr, nullptr, d.string().c_str()) == d.string());
    BOOST_TEST(search_with(nullptr, d.string().c_str(), nullptr) == d.string());
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
    BOOST_REQUIRE(test::write_file(file));
    boost::filesystem::create_directory(s.dir / "ok");
    std::string ok = (s.dir / "ok").string();
    BOOST_TEST(search_with(missing.c_str(), file.c_str(), ok.c_str()) == ok);
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "ok"));
    BOOST_TEST(s.entries().size() == 2u);
}

BOOST_AUTO_TEST_CASE(read_only_candidate_is_skipped_for_an_unprivileged_user, *test::posix_only("chmod 0555 and the user nobody (setuid in a forked child)"))
{
#if BOOST_TEMPFILE_TEST_POSIX
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
#endif
}

BOOST_AUTO_TEST_CASE(relative_candidate_is_made_absolute)
{
    test::scratch s;
    boost::filesystem::path old = boost::filesystem::current_path();
    boost::filesystem::create_directory(s.dir / "rel");
    boost::filesystem::current_path(s.dir);
    std::string r = search_with("rel", nullptr, nullptr);
    boost::filesystem::current_path(old);
    BOOST_TEST(r == (s.dir / "rel").string());
}

BOOST_AUTO_TEST_CASE(result_is_cached_until_reset)
{
    test::scratch s;
    tf::reset_tempdir();
    std::string first = tf::gettempdir();
    {
        test::env_guard a("TMPDIR", s.dir.string().c_str());
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
    test::close_fd(fd);
    BOOST_TEST(narrow(name).rfind(s.dir.string() + test::separator + "tmp", 0) == 0u);
    tf::set_tempdir(s.dir / "does-not-exist"); // unchecked, as Python's tempfile.tempdir
    BOOST_TEST(tf::gettempdir() == (s.dir / "does-not-exist").string());
    boost::system::error_code ec;
    tf::mkstemp<CharT>({}, ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    tf::reset_tempdir();
    BOOST_TEST(tf::gettempdir() != (s.dir / "does-not-exist").string());
}

BOOST_AUTO_TEST_CASE(setuid_programs_ignore_the_environment, *test::posix_only("secure_getenv and the POSIX candidate list"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    // secure_getenv is what the search uses; in a set-user-ID program it returns nullptr.
    // Here (not setuid) it must return the value, so the wrapper is the one in use.
    test::env_guard a("TMPDIR", "/some/where"), b("TEMP", nullptr), c_("TMP", nullptr); // whatever the caller's
    BOOST_TEST(std::string(boost::tempfile::detail::sys::secure_getenv("TMPDIR")) == "/some/where");
    auto c = boost::tempfile::detail::candidate_tempdirs();
    BOOST_TEST(c.front() == "/some/where");
    BOOST_TEST(c.size() == 5u); // TMPDIR, /tmp, /var/tmp, /usr/tmp, cwd
#endif
}

BOOST_AUTO_TEST_CASE(gettempdir_error_code_form)
{
    boost::system::error_code ec(1, boost::system::system_category());
    std::string d = tf::gettempdir(ec);
    BOOST_TEST(!ec);
    BOOST_TEST(!d.empty());
    BOOST_TEST(test::path_of(d).is_absolute());
    std::wstring wd = tf::gettempdir<wchar_t>(ec);
    BOOST_TEST(!ec);
    BOOST_TEST(narrow(wd) == d);
}

namespace {

// A directory of more than 600 characters in `s` (six levels of 100), with "sub" in it. On
// Windows made level by level through \\?\ names (past MAX_PATH).
boost::filesystem::path make_deep(const test::scratch& s)
{
    boost::filesystem::path deep = s.dir;
    for (int i = 0; i < 7; ++i) {
        deep /= i < 6 ? std::string(100, static_cast<char>('a' + i)) : std::string("sub");
#if BOOST_TEMPFILE_TEST_WINDOWS
        ::CreateDirectoryW(test::long_name(deep.wstring()).c_str(), nullptr);
#else
        boost::filesystem::create_directory(deep);
#endif
    }
    return deep.parent_path();
}

// Whether the current directory may be longer than MAX_PATH: on POSIX always; on Windows where
// long paths are enabled (Windows 10 1607 and later, by policy and manifest), and under Wine.
bool long_current_directory_allowed()
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s;
    const boost::filesystem::path deep = make_deep(s), old = boost::filesystem::current_path();
    const bool ok = ::SetCurrentDirectoryW(deep.c_str()) != 0;
    ::SetCurrentDirectoryW(old.c_str());
    return ok;
#else
    return true;
#endif
}

} // namespace

// A current directory whose name is longer than the first buffer it is read into (getcwd: 256
// bytes; GetCurrentDirectoryW and GetFullPathNameW: MAX_PATH): the buffer grows until the
// whole name fits; the current_dir policy and a relative `dir` both create there (a cut or
// missing name would put the files elsewhere).
BOOST_TEST_DECORATOR(*test::skip_unless(std::function<bool()>(long_current_directory_allowed),
                                        "a current directory longer than MAX_PATH: long paths are not "
                                        "enabled on this Windows"))
BOOST_AUTO_TEST_CASE_TEMPLATE(long_current_directory_is_read_whole, CharT, test::char_types)
{
    test::scratch s;
    const boost::filesystem::path deep = make_deep(s);
    BOOST_REQUIRE(deep.string().size() > 600u);
    const boost::filesystem::path old = boost::filesystem::current_path();
    boost::filesystem::current_path(deep);
    std::string made_f, made_g;
    {
        tf::basic_temp_file<CharT, tf::current_dir> f;
        BOOST_TEST(f.path().parent_path() == deep);
        tf::basic_file_options<CharT> o;
        o.dir = boost::filesystem::path("sub");
        tf::basic_temp_file<CharT> g(o);
        BOOST_TEST(g.path().parent_path() == deep / "sub");
        made_f = f.path().string();
        made_g = g.path().string();
        BOOST_TEST(test::exists(made_f));
        BOOST_TEST(test::exists(made_g));
    }
    boost::filesystem::current_path(old);
    BOOST_TEST(!test::exists(made_f));
    BOOST_TEST(!test::exists(made_g));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(location_policies, CharT, test::char_types)
{
    test::scratch s;
    boost::filesystem::path old = boost::filesystem::current_path();
    boost::filesystem::current_path(s.dir);
    {
        tf::basic_temp_file<CharT, tf::current_dir> f;
        BOOST_TEST(f.path().parent_path() == s.dir);
    }
    boost::filesystem::current_path(old);
    boost::filesystem::create_directory(s.dir / "run");
#if BOOST_TEMPFILE_TEST_POSIX // XDG_RUNTIME_DIR is a POSIX (freedesktop) variable
    {
        test::env_guard e("XDG_RUNTIME_DIR", (s.dir / "run").string().c_str());
        tf::basic_temp_file<CharT, tf::runtime_dir> f;
        BOOST_TEST(f.path().parent_path() == s.dir / "run");
    }
    {
        // A relative value is ignored (the XDG Base Directory specification), even where it
        // names a usable directory from the current one: the fallback is used.
        boost::filesystem::current_path(s.dir);
        test::env_guard e("XDG_RUNTIME_DIR", "run");
        tf::set_tempdir(s.dir);
        tf::basic_temp_file<CharT, tf::runtime_dir> f;
        BOOST_TEST(f.path().parent_path() == s.dir);
        tf::reset_tempdir();
        boost::filesystem::current_path(old);
    }
#endif
    {
        test::env_guard e("XDG_RUNTIME_DIR", nullptr);
        tf::set_tempdir(s.dir); // the fallback, in this test's own directory
        tf::basic_temp_file<CharT, tf::runtime_dir> f;
        BOOST_TEST(f.path().parent_path().string() == tf::gettempdir());
        BOOST_TEST(f.path().parent_path() == s.dir);
        tf::reset_tempdir();
    }
    BOOST_TEST(s.entries().size() == 1u); // only "run", now empty
}

// ---- pinned_temp_dir: the tempdir held open, creation and removal relative to it.

namespace {

template <class CharT>
using pinned_file = tf::basic_temp_file<CharT, tf::pinned_temp_dir>;
template <class CharT>
using pinned_anonymous = tf::basic_temp_file<CharT, tf::pinned_temp_dir, tf::anonymous_file<>>;
template <class CharT>
using pinned_spooled = tf::basic_temp_file<CharT, tf::pinned_temp_dir, tf::spooled_file<>>;
template <class CharT>
using pinned_dir = tf::basic_temp_dir<CharT, tf::pinned_temp_dir>;

// Handles pinned_temp_dir holds for the tempdir: on Windows it creates by name (no directory
// handle can serve as the parent of a creation there), so none.
constexpr int held = BOOST_TEMPFILE_TEST_POSIX ? 1 : 0;

// set_tempdir for the scope of a test; the search comes back after it.
struct tempdir_guard
{
    explicit tempdir_guard(const test::fs::path& d) { tf::set_tempdir(d); }
    ~tempdir_guard() { tf::reset_tempdir(); }
};

} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(pinned_objects_live_in_the_tempdir_and_are_removed, CharT, test::char_types)
{
    test::scratch s;
    tempdir_guard g(s.dir);
    const int fds = test::open_fds();
    {
        pinned_file<CharT> f;
        pinned_dir<CharT> d;
        pinned_anonymous<CharT> a;
        tf::basic_spooled_options<CharT> so;
        so.max_size = 4;
        pinned_spooled<CharT> sp(so);
        BOOST_TEST(f.path().parent_path() == s.dir);
        BOOST_TEST(narrow(f.name()).rfind(s.dir.string() + test::separator + "tmp", 0) == 0u);
        BOOST_TEST(d.path().parent_path() == s.dir);
#if BOOST_TEMPFILE_TEST_POSIX
        BOOST_TEST(test::mode_of(f.path().string()) == 0600u);
        BOOST_TEST(test::mode_of(d.path().string()) == 0700u);
#endif
        BOOST_TEST(f.write("pinned") == 6u);
        BOOST_TEST(a.write("anonymous") == 9u);
        BOOST_TEST(sp.write("rolled over") == 11u);
        BOOST_TEST(sp.rolled_over());
        // The named file and the directory (and on Windows the unnamed files' hidden names).
        BOOST_TEST(s.entries().size() == 2u + 2 * test::unnamed_file_entries);
        BOOST_TEST(test::open_fds() == fds + held + 4); // the held directory + f, d, a, sp
    }
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::open_fds() == fds + held); // the tempdir stays held while it is the value
    tf::reset_tempdir();
    BOOST_TEST(test::open_fds() == fds); // let go with the value
}

BOOST_AUTO_TEST_CASE(pinned_creation_and_removal_follow_the_directory_not_its_name, *test::posix_only("renaming a directory held open, and a symlink in its place"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    boost::filesystem::create_directory(s.dir / "tmp");
    boost::filesystem::create_directory(s.dir / "elsewhere");
    tempdir_guard g(s.dir / "tmp");
    pinned_file<char> f; // pins s/tmp
    auto d = std::make_unique<pinned_dir<char>>();
    std::ofstream(d->path() / "inside") << "x";
    const std::string leaf = f.path().filename().string();
    const std::string dleaf = d->path().filename().string();
    // The name now leads somewhere else: the directory moved, a symlink took its place.
    boost::filesystem::rename(s.dir / "tmp", s.dir / "moved");
    boost::filesystem::create_directory_symlink(s.dir / "elsewhere", s.dir / "tmp");
    {
        pinned_file<char> g2; // created in the held directory, not through the symlink
        BOOST_TEST(test::exists((s.dir / "moved" / g2.path().filename()).string()));
        BOOST_TEST(boost::filesystem::is_empty(s.dir / "elsewhere"));
        tf::named_temporary_file by_name; // system_temp_dir walks the name, as Python does
        BOOST_TEST(test::exists((s.dir / "elsewhere" / by_name.path().filename()).string()));
    }
    BOOST_TEST(test::exists((s.dir / "moved" / leaf).string()));
    BOOST_TEST(test::exists((s.dir / "moved" / dleaf / "inside").string()));
    d.reset(); // the tree removed where it is: identity checked relative to the held parent
    BOOST_TEST(!test::exists((s.dir / "moved" / dleaf).string()));
    f.close(); // removes the file where it is, relative to the held directory
    BOOST_TEST(!test::exists((s.dir / "moved" / leaf).string()));
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "moved"));
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "elsewhere"));
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_removed_pinned_directory_is_opened_again_by_name, CharT, test::char_types)
{
    test::scratch s;
    const test::fs::path d = s.dir / "tmp";
    boost::filesystem::create_directory(d);
    tempdir_guard g(d);
    {
        pinned_file<CharT> f;
    } // pins d
    const int fds = test::open_fds();
    boost::filesystem::remove(d);
    boost::system::error_code ec;
    { // gone: a clear error naming the path, nothing held, nothing left
        pinned_file<CharT> f(typename pinned_file<CharT>::options_type{}, ec);
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
        BOOST_TEST(!f.is_open());
        pinned_anonymous<CharT> a(typename pinned_anonymous<CharT>::options_type{}, ec);
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
        pinned_dir<CharT> dd(typename pinned_dir<CharT>::options_type{}, ec);
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
        try {
            pinned_file<CharT> thrown;
            BOOST_ERROR("no exception");
        } catch (const boost::filesystem::filesystem_error& e) {
            BOOST_TEST(e.path1().string().rfind(d.string() + test::separator + "tmp", 0) == 0u);
        }
    }
    BOOST_TEST(test::open_fds() <= fds);
    boost::filesystem::create_directory(d); // back: the new directory is pinned
    {
        pinned_file<CharT> f;
        pinned_anonymous<CharT> a;
        pinned_dir<CharT> dd;
        BOOST_TEST(f.path().parent_path() == d);
        BOOST_TEST(test::exists(f.path().string()));
        BOOST_TEST(test::exists(dd.path().string()));
    }
    BOOST_TEST(boost::filesystem::is_empty(d));
    // Removed and made again, with an anonymous file the first to find out. O_TMPFILE in the
    // removed directory is refused on ext4 (EPERM, Linux 6.18: not the ENOENT open_anonymous
    // renews on), so the file is made by the fallback (create + unlink), whose ENOENT renews
    // the hold; on tmpfs it succeeds there, unnamed. Either way the next object is made in
    // the new directory.
    boost::filesystem::remove(d);
    boost::filesystem::create_directory(d);
    {
        pinned_anonymous<CharT> a;
        BOOST_TEST(a.write("x") == 1u);
        pinned_file<CharT> f;
        BOOST_TEST(test::exists(f.path().string()));
        BOOST_TEST(f.path().parent_path() == d);
    }
    BOOST_TEST(boost::filesystem::is_empty(d));
}

BOOST_AUTO_TEST_CASE(a_pinned_object_keeps_its_directory_across_set_tempdir, *test::posix_only("renaming a directory held open"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    boost::filesystem::create_directory(s.dir / "a");
    boost::filesystem::create_directory(s.dir / "b");
    const int fds = test::open_fds();
    {
        tempdir_guard g(s.dir / "a");
        auto f = std::make_unique<pinned_file<char>>();
        tf::set_tempdir(s.dir / "b"); // a is no longer the value; f still holds it
        boost::filesystem::rename(s.dir / "a", s.dir / "a2");
        {
            pinned_file<char> other;
            BOOST_TEST(other.path().parent_path() == s.dir / "b");
        }
        const std::string leaf = f->path().filename().string();
        BOOST_TEST(test::exists((s.dir / "a2" / leaf).string()));
        f.reset(); // removed relative to a (now a2), and a's descriptor closed with it
        BOOST_TEST(boost::filesystem::is_empty(s.dir / "a2"));
        BOOST_TEST(test::open_fds() == fds + 1); // b only
    }
    BOOST_TEST(test::open_fds() == fds);
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "b"));
#endif
}

BOOST_AUTO_TEST_CASE(pinned_creation_races_set_tempdir_safely)
{
    // Threads create and destroy pinned and unpinned files while the value flips between two
    // directories (each set_tempdir frees the values nobody holds any more):
    // every file lands in one of them, is removed, and no descriptor outlives the values.
    test::scratch s;
    boost::filesystem::create_directory(s.dir / "a");
    boost::filesystem::create_directory(s.dir / "b");
    const int fds = test::open_fds();
    tf::set_tempdir(s.dir / "a");
    std::atomic<bool> stop{false};
    std::atomic<int> wrong{0}, made{0};
    auto work = [&] {
        while (!stop.load()) {
            pinned_file<char> f;
            const auto parent = f.path().parent_path();
            if ((parent != s.dir / "a" && parent != s.dir / "b") || !test::exists(f.path().string()))
                ++wrong;
            // The unpinned readers too: the values they read are freed by set_tempdir once
            // nobody holds them (ASan / TSan check the reclamation).
            tf::named_temporary_file g;
            const std::string d = tf::gettempdir(), gp = g.path().parent_path().string();
            if ((d != (s.dir / "a").string() && d != (s.dir / "b").string()) ||
                (gp != (s.dir / "a").string() && gp != (s.dir / "b").string()))
                ++wrong;
            ++made;
        }
    };
    std::thread t1(work), t2(work);
    for (int i = 0; i < 2000 || made.load() < 2000; ++i)
        tf::set_tempdir(s.dir / (i % 2 ? "a" : "b"));
    stop = true;
    t1.join();
    t2.join();
    tf::reset_tempdir();
    BOOST_TEST(wrong.load() == 0);
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "a"));
    BOOST_TEST(boost::filesystem::is_empty(s.dir / "b"));
    BOOST_TEST(test::open_fds() == fds);
}

#if BOOST_TEMPFILE_TEST_POSIX && BOOST_TEMPFILE_TEST_ASAN
// Under AddressSanitizer, this program run as a set-group-ID copy (below) checks no leaks:
// LeakSanitizer stops the threads with ptrace, which a set-group-ID process (not dumpable,
// without root's capabilities) may not do, and it cannot read ASAN_OPTIONS from
// /proc/self/environ either. Its fatal error would fail the run, not the library.
extern "C" const char* __asan_default_options()
{
    return ::getuid() != ::geteuid() || ::getgid() != ::getegid() ? "detect_leaks=0" : "";
}
#endif

// Run (explicitly, --run_test=print_tempdir) by set_user_id_program_ignores_the_environment,
// as a set-user-ID copy of this program: prints the tempdir it finds.
BOOST_AUTO_TEST_CASE(print_tempdir, *boost::unit_test::disabled())
{
    std::printf("tempdir=%s\n", tf::gettempdir().c_str());
    std::fflush(stdout);
}

// A set-user-ID or set-group-ID program ignores TMPDIR, TEMP and TMP (secure_getenv; without
// it, the library's own check of the real and effective IDs): an unprivileged user
// must not choose where a privileged program creates its files. glibc strips TMPDIR itself,
// so TEMP and TMP are what this checks. The control run (the same copy without the bit)
// shows the environment would be honoured.
BOOST_AUTO_TEST_CASE(set_user_id_program_ignores_the_environment, *test::posix_only("a set-user-ID program (setuid, the environment ignored)"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    const std::string prog = (s.dir / "suid").string(), env = (s.dir / "env").string(),
                      out = (s.dir / "out").string();
    BOOST_TEST_REQUIRE(::mkdir(env.c_str(), 0777) == 0);
    BOOST_TEST_REQUIRE(::chmod(env.c_str(), 0777) == 0);
    boost::filesystem::copy_file("/proc/self/exe", prog);
    auto tempdir_seen = [&](::mode_t mode) {
        if (::chmod(prog.c_str(), mode) != 0)
            return std::string("<chmod failed>");
        ::unlink(out.c_str());
        int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        ::fchmod(fd, 0666);
        int r = test::in_child(
            [&] {
                ::dup2(fd, 1);
                ::unsetenv("TMPDIR");
                ::setenv("TEMP", env.c_str(), 1);
                ::setenv("TMP", env.c_str(), 1);
                ::execl(prog.c_str(), prog.c_str(), "--run_test=print_tempdir", "--log_level=nothing",
                        "--report_level=no", static_cast<char*>(nullptr));
                return 93;
            },
            true);
        ::close(fd);
        std::string text = test::file_contents(out);
        std::size_t at = text.find("tempdir=");
        return r != 0 || at == std::string::npos ? "<exit " + std::to_string(r) + ">"
                                                 : text.substr(at + 8, text.find('\n', at) - at - 8);
    };
    BOOST_TEST(tempdir_seen(0755) == env); // the control: an ordinary program honours TEMP
    BOOST_TEST(tempdir_seen(04755) == "/tmp"); // set-user-ID root, run by nobody
    BOOST_TEST(tempdir_seen(02755) == "/tmp"); // set-group-ID root: the same
#endif
}

// set_tempdir reclaims the values it replaces once nobody can hold them: a fixture that
// redirects the tempdir per test does not grow without bound. Values still held (a spooled
// file keeps its directory for the rollover) are kept until let go.
BOOST_AUTO_TEST_CASE(set_tempdir_reclaims_old_values, *test::posix_only("the resident size read from /proc/self/statm"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    auto rss_kib = [] {
        std::ifstream in("/proc/self/statm");
        long pages = 0, resident = 0;
        in >> pages >> resident;
        return resident * (::sysconf(_SC_PAGESIZE) / 1024);
    };
    auto live_values = [] { return boost::tempfile::detail::tempdir_state().values.size(); };
    const std::string a = (s.dir / "a").string(), b = (s.dir / std::string(200, 'b')).string();
    tf::set_tempdir(a);
    tf::spooled_options so;
    so.max_size = 1;
    tf::spooled_temporary_file held(so); // holds the value "a" until its rollover
    tf::set_tempdir(b);
    for (int i = 0; i < 1000; ++i) // warm up the allocator
        tf::set_tempdir(i % 2 ? a : b);
    const long before = rss_kib();
    int wrong = 0;
    for (int i = 0; i < 100000; ++i) {
        tf::set_tempdir(i % 2 ? a : b);
        wrong += tf::gettempdir() != (i % 2 ? a : b);
    }
    BOOST_TEST(wrong == 0);
    std::thread([&] { tf::set_tempdir(a); }).join(); // another thread's value replaces this thread's copy
    BOOST_TEST(tf::gettempdir() == a);
    const long growth = rss_kib() - before;
    BOOST_TEST_MESSAGE("RSS growth over 100000 set_tempdir calls: " << growth << " KiB");
    BOOST_TEST(live_values() == 2u); // the current value and the one `held` holds
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TEST_SANITIZED_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TEST_SANITIZED_ALLOCATOR 1
#endif
#endif
#if defined(TEST_SANITIZED_ALLOCATOR) // its allocator keeps freed memory (quarantine): RSS says nothing
    BOOST_TEST_MESSAGE("RSS growth not checked under a sanitizer (the live-value count above is)");
#else
    BOOST_TEST(growth < 1024);
#endif
    boost::filesystem::create_directory(a);
    held.write("xy"); // rolls over into "a", then lets go of it
    BOOST_TEST(held.rolled_over());
    tf::reset_tempdir();
    BOOST_TEST(live_values() == 1u); // only `held`'s value... until the object goes
#endif
}

// A relative set_tempdir is made absolute when set, against the current directory then.
BOOST_AUTO_TEST_CASE(relative_set_tempdir_is_made_absolute_now)
{
    test::scratch s;
    boost::filesystem::create_directory(s.dir / "rel");
    const boost::filesystem::path old = boost::filesystem::current_path();
    boost::filesystem::current_path(s.dir);
    tf::set_tempdir("rel");
    boost::filesystem::current_path(old);
    BOOST_TEST(tf::gettempdir() == (s.dir / "rel").string());
    {
        tf::named_temporary_file f;
        BOOST_TEST(f.path().parent_path() == s.dir / "rel");
    }
    tf::reset_tempdir();
}
