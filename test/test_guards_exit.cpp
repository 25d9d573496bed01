// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The exit registry's failure and withdrawal paths (issue 23, guard 6), each in a forked child
// of a process that never registered anything (the handlers are installed once per process):
// the table full and unable to grow (this program's operator new[](nothrow) fails when armed),
// the handlers that could not be installed (its sigaction fails when armed), and names that
// lead to something else, or nothing, when the process ends. build/mutate.sh removes each
// guard and checks that a test here fails.

#define BOOST_TEST_MODULE guards_exit
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <csignal>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
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
} // namespace

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

BOOST_TEST_DECORATOR(*test::posix_only("fork, lstat identity"))
BOOST_AUTO_TEST_CASE_TEMPLATE(exit_removal_leaves_what_replaced_a_name, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // At exit the registry removes a name only if it still leads to what was registered: a
    // file and a directory put in their place stay, and a directory removed meanwhile is
    // skipped quietly. The originals, moved away, are no longer reached by their names.
    test::scratch s;
    std::string file_name, dir_name, gone_dir;
    int r = test::in_child([&] {
        exit_file<CharT> f(test::file_in<CharT>(s.dir));
        exit_dir<CharT> d(test::dir_in<CharT>(s.dir));
        exit_dir<CharT> gone(test::dir_in<CharT>(s.dir));
        std::string fp = f.path().string(), dp = d.path().string(), gp = gone.path().string();
        test::write_file((s.dir / "names").string(), fp + "\n" + dp + "\n" + gp);
        if (::rename(fp.c_str(), (s.dir / "file.moved").c_str()) != 0 || !test::write_file(fp, "theirs"))
            return 31;
        if (::rename(dp.c_str(), (s.dir / "dir.moved").c_str()) != 0 || ::mkdir(dp.c_str(), 0700) != 0 ||
            !test::write_file(dp + "/theirs", "theirs"))
            return 32;
        if (::rmdir(gp.c_str()) != 0)
            return 33;
        std::exit(0);
    });
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
#endif
}
