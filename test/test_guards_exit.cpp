// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The exit registry's failure and withdrawal paths (issue 23, guard 6), each in a forked child
// of a process that never registered anything (the handlers are installed once per process):
// the table full and unable to grow (this program's operator new[](nothrow) fails when armed),
// the handlers that could not be installed (its sigaction fails when armed), a new object
// whose identity cannot be read for its registration (its lstat fails when armed), and names
// that lead to something else, or nothing, when the process ends. build/mutate.sh removes each
// guard and checks that a test here fails.

#define BOOST_TEST_MODULE guards_exit
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

#if BOOST_TEMPFILE_TEST_POSIX

#include <dlfcn.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tf = boost::tempfile;

namespace {
bool g_new_fails = false;  // operator new[](nothrow) returns nullptr
int g_query_fails = 0;     // sigaction(sig, nullptr, &old) fails for this signal
int g_install_fails = 0;   // sigaction(sig, &act, ...) fails for this signal
std::string g_lstat_fails; // lstat of a name starting so fails with EIO (empty: none)
} // namespace

// x86-64 has one stat layout: lstat is lstat64 (_FILE_OFFSET_BITS changes no name).
extern "C" int lstat(const char* path, struct stat* st) noexcept
{
    if (!g_lstat_fails.empty() && std::strncmp(path, g_lstat_fails.c_str(), g_lstat_fails.size()) == 0) {
        errno = EIO;
        return -1;
    }
    static auto real = reinterpret_cast<int (*)(const char*, struct stat*)>(::dlsym(RTLD_NEXT, "lstat"));
    return real(path, st);
}

void* operator new[](std::size_t n, const std::nothrow_t&) noexcept
{
    return g_new_fails ? nullptr : std::malloc(n ? n : 1);
}
void operator delete[](void* p) noexcept
{
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept
{
    std::free(p);
}
void* operator new[](std::size_t n)
{
    if (void* p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}

extern "C" int sigaction(int sig, const struct sigaction* act, struct sigaction* old) noexcept
{
    if ((!act && sig == g_query_fails) || (act && sig == g_install_fails)) {
        errno = EINVAL;
        return -1;
    }
    static auto real = reinterpret_cast<int (*)(int, const struct sigaction*, struct sigaction*)>(
        ::dlsym(RTLD_NEXT, "sigaction"));
    return real(sig, act, old);
}

namespace {

template <class CharT>
using exit_file = tf::basic_temp_file<CharT, tf::remove_at_exit<>>;
template <class CharT>
using exit_dir = tf::basic_temp_dir<CharT, tf::remove_at_exit<>>;

} // namespace

#endif // BOOST_TEMPFILE_TEST_POSIX

namespace fs = boost::filesystem;

#if BOOST_TEMPFILE_TEST_WINDOWS
namespace tf = boost::tempfile;
namespace {
template <class CharT>
using exit_file = tf::basic_temp_file<CharT, tf::remove_at_exit<>>;
template <class CharT>
using exit_dir = tf::basic_temp_dir<CharT, tf::remove_at_exit<>>;
} // namespace
#endif

namespace {
// The child of exit_removal_leaves_what_replaced_a_name: registers a file and two
// directories in `dir` (their names written to dir/names), moves the file and a directory
// away putting others in their place, removes the third, and exits with all of them alive
// (std::exit: the exit-time removal runs). An error code if it cannot.
template <class CharT>
int replace_the_names(const fs::path& dir)
{
    exit_file<CharT> f(test::file_in<CharT>(dir));
    exit_dir<CharT> d(test::dir_in<CharT>(dir));
    exit_dir<CharT> gone(test::dir_in<CharT>(dir));
    std::string fp = f.path().string(), dp = d.path().string(), gp = gone.path().string();
    test::write_file((dir / "names").string(), fp + "\n" + dp + "\n" + gp);
    boost::system::error_code ec;
    fs::rename(f.path(), dir / "file.moved", ec);
    if (ec || !test::write_file(fp, "theirs"))
        return 31;
    fs::rename(d.path(), dir / "dir.moved", ec);
    if (ec || !fs::create_directory(d.path(), ec) || !test::write_file(dp + "/theirs", "theirs"))
        return 32;
    if (!fs::remove(gone.path(), ec))
        return 33;
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
        const std::string what = role.substr(0, bar);
        const fs::path dir = test::path_of(role.substr(bar + 1));
        int code = 41;
        try {
            if (what == "replace-char")
                code = replace_the_names<char>(dir);
            else if (what == "replace-wchar_t")
                code = replace_the_names<wchar_t>(dir);
        } catch (...) {
            code = 42;
        }
        ::ExitProcess(static_cast<UINT>(code));
    }
};
BOOST_TEST_GLOBAL_FIXTURE(role_player);
#endif

BOOST_TEST_DECORATOR(*test::posix_only("fork, interposed operator new[]"))
BOOST_AUTO_TEST_CASE_TEMPLATE(registry_full_and_unable_to_grow, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // Without memory for a larger table, registrations fill the first one (first_slots
    // entries), then fail: the objects work on without exit-time removal, are removed by their
    // destructor as usual (withdrawing an empty registration touches nothing). Memory back,
    // the table grows. At exit() the registered names go, the others stay.
    test::scratch s;
    const std::size_t cap = tf::detail::exit_cleanup::first_slots, n = cap + 8;
    int r = test::in_child([&] {
        g_new_fails = true;
        std::vector<std::unique_ptr<exit_file<CharT>>> objs;
        std::string names;
        for (std::size_t i = 0; i < n; ++i) {
            objs.push_back(std::make_unique<exit_file<CharT>>(test::file_in<CharT>(s.dir)));
            names += objs.back()->path().filename().string() + "\n";
        }
        std::string unregistered = objs.back()->path().string();
        objs.pop_back(); // the destructor still removes it
        if (test::exists(unregistered))
            return 11;
        g_new_fails = false;
        objs.push_back(std::make_unique<exit_file<CharT>>(test::file_in<CharT>(s.dir))); // the table grows
        names += objs.back()->path().filename().string() + "\n";
        std::string list = (s.dir.parent_path() / (s.dir.filename().string() + ".names")).string();
        if (!test::write_file(list, names))
            return 12;
        std::exit(0); // no destructor runs: the registry removes what it holds
    });
    BOOST_TEST(r == 0);
    std::string list = (s.dir.parent_path() / (s.dir.filename().string() + ".names")).string();
    std::string names = test::file_contents(list);
    ::unlink(list.c_str());
    std::vector<std::string> made;
    for (std::size_t at = 0, nl; (nl = names.find('\n', at)) != std::string::npos; at = nl + 1)
        made.push_back(names.substr(at, nl - at));
    BOOST_REQUIRE(made.size() == n + 1);
    for (std::size_t i = 0; i < made.size(); ++i) {
        BOOST_TEST_INFO("object " << i);
        bool stays = i >= cap && i < n - 1; // unregistered, and not destroyed
        BOOST_TEST(test::exists((s.dir / made[i]).string()) == stays);
    }
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("fork, interposed lstat"))
BOOST_AUTO_TEST_CASE_TEMPLATE(registration_whose_identity_cannot_be_read, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // The new object's identity cannot be read for its registration (lstat fails: EIO): it is
    // not registered, and works on without exit-time removal; its destructor removes it as
    // usual. The next object, its identity readable, is registered. At exit() the registered
    // name goes, the unregistered one (alive, never destroyed) stays.
    test::scratch s;
    const std::string names = (s.dir.parent_path() / (s.dir.filename().string() + ".names")).string();
    int r = test::in_child([&] {
        std::string unregistered, destroyed;
        g_lstat_fails = s.dir.string();
        auto f = std::make_unique<exit_file<CharT>>(test::file_in<CharT>(s.dir));
        auto d = std::make_unique<exit_dir<CharT>>(test::dir_in<CharT>(s.dir));
        auto g = std::make_unique<exit_file<CharT>>(test::file_in<CharT>(s.dir));
        g_lstat_fails.clear();
        if (!f->is_open() || !d->exists() || f->write("data") != 4u)
            return 1;
        unregistered = f->path().string() + "\n" + d->path().string();
        destroyed = g->path().string();
        g.reset(); // removed by its destructor
        if (test::exists(destroyed))
            return 2;
        exit_file<CharT> h(test::file_in<CharT>(s.dir)); // registered
        if (!test::write_file(names, unregistered + "\n" + h.path().string()))
            return 3;
        std::exit(0);
    });
    BOOST_TEST(r == 0);
    const std::string list = test::file_contents(names);
    ::unlink(names.c_str());
    const std::size_t a = list.find('\n'), b = list.rfind('\n');
    BOOST_REQUIRE(a != std::string::npos);
    BOOST_TEST(test::file_contents(list.substr(0, a)) == "data"); // unregistered: stays
    BOOST_TEST(test::exists(list.substr(a + 1, b - a - 1)));
    BOOST_TEST(!test::exists(list.substr(b + 1))); // registered: removed at exit
    BOOST_TEST(s.entries().size() == 2u);
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("fork, signals, interposed sigaction"))
BOOST_AUTO_TEST_CASE_TEMPLATE(handlers_that_cannot_be_installed, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // SIGINT: the current disposition cannot be read, so no handler replaces it (a program's
    // handler could not be chained to); SIGHUP: the handler cannot be installed. Both keep
    // their default action: the process dies and the name stays, as documented. SIGTERM's
    // handler is installed: its name is removed. exit() removes the names whatever happened
    // to the handlers.
    for (int sig : {SIGINT, SIGHUP, SIGTERM, 0}) {
        test::scratch s;
        std::string p;
        int status = test::child_wait_status([&] {
            // The default actions this test is about, whatever the parent left (a shell's
            // background job starts with SIGINT ignored): before the interposition is armed.
            for (int s2 : {SIGINT, SIGHUP, SIGTERM})
                ::signal(s2, SIG_DFL);
            g_query_fails = SIGINT;
            g_install_fails = SIGHUP;
            exit_file<CharT> f(test::file_in<CharT>(s.dir));
            test::write_file((s.dir / "name").string(), f.path().string());
            if (sig == 0)
                std::exit(0);
            std::raise(sig);
            return 21;
        });
        p = test::file_contents((s.dir / "name").string());
        BOOST_TEST_INFO("signal " << sig);
        if (sig == 0) {
            BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));
            BOOST_TEST(!test::exists(p));
        } else {
            BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == sig));
            BOOST_TEST(test::exists(p) == (sig != SIGTERM));
        }
    }
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(exit_removal_leaves_what_replaced_a_name, CharT, test::char_types)
{
    // At exit the registry removes a name only if it still leads to what was registered: a
    // file and a directory put in their place stay, and a directory removed meanwhile is
    // skipped quietly. The originals, moved away, are no longer reached by their names.
    // (Windows: the identity of what the name opens, not following a reparse point.)
    test::scratch s;
    std::string file_name, dir_name, gone_dir;
#if BOOST_TEMPFILE_TEST_WINDOWS
    int r = test::run_child((std::is_same_v<CharT, char> ? "replace-char|" : "replace-wchar_t|") + s.dir.string());
#else
    int r = test::in_child([&] { return replace_the_names<CharT>(s.dir); });
#endif
    BOOST_TEST(r == 0);
    std::string names = test::file_contents((s.dir / "names").string());
    std::size_t a = names.find('\n'), b = names.rfind('\n');
    file_name = names.substr(0, a);
    dir_name = names.substr(a + 1, b - a - 1);
    gone_dir = names.substr(b + 1);
    BOOST_TEST(test::file_contents(file_name) == "theirs");
    BOOST_TEST(test::file_contents(dir_name + "/theirs") == "theirs");
    BOOST_TEST(test::exists((s.dir / "file.moved").string()));
    BOOST_TEST(test::exists((s.dir / "dir.moved").string()));
    BOOST_TEST(!test::exists(gone_dir));
}
