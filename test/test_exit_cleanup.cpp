// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// remove_at_exit<Base>: objects are removed when the process ends before they do, on exit()
// and on SIGINT / SIGTERM / SIGHUP; previous handlers are chained, ignored signals stay
// ignored, a forked child never removes its parent's objects, a name replaced since its
// registration is left alone, destroyed objects are withdrawn. Every check runs in a forked
// child (which dies or exits) and is judged from the parent.

#define BOOST_TEMPFILE_TEST_HOOKS // detail::exit_cleanup::probes()
#define BOOST_TEST_MODULE exit_cleanup
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>
#include <boost/tempfile/exit_cleanup.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#if BOOST_TEMPFILE_TEST_POSIX

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <thread>

#include <sched.h>
#include <sys/mount.h>
#include <type_traits>
#include <vector>

namespace tf = boost::tempfile;
using test::lit;

namespace {

using test::child_wait_status; // raw status: a child may die of a signal

bool died_of(int status, int sig)
{
    return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}
bool exited_with(int status, int code)
{
    return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

template <class CharT>
using exit_file = tf::basic_temp_file<CharT, tf::remove_at_exit<>>;
template <class CharT>
using exit_dir = tf::basic_temp_dir<CharT, tf::remove_at_exit<>>;

// Fills a directory object's tree: a file, a subdirectory with a file, and a symlink to a file
// outside the tree (which must survive).
void populate(const std::string& d, const std::string& outside)
{
    ::close(::open((d + "/f").c_str(), O_CREAT | O_WRONLY, 0600));
    ::mkdir((d + "/sub").c_str(), 0700);
    ::mkdir((d + "/sub/deeper").c_str(), 0700);
    ::close(::open((d + "/sub/deeper/g").c_str(), O_CREAT | O_WRONLY, 0600));
    ::symlink(outside.c_str(), (d + "/link").c_str());
}

struct fixed_name : tf::naming_policy
{
    template <class CharT>
    std::basic_string<CharT> next_name()
    {
        return lit<CharT>("fixedname");
    }
};

// The handlers chain to what was there before, and leave a signal the process inherited as
// ignored (nohup) alone: start from the default dispositions, whatever the shell that runs the
// suite ignored (a background job ignores SIGINT).
struct default_signal_dispositions
{
    default_signal_dispositions()
    {
        for (int sig : {SIGTERM, SIGINT, SIGHUP})
            std::signal(sig, SIG_DFL);
    }
};

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(default_signal_dispositions);

static_assert(tf::is_cleanup_policy<tf::remove_at_exit<>>::value, "a cleanup policy");
static_assert(std::is_same_v<tf::basic_temp_file<char, tf::remove_at_exit<>, tf::anonymous_file<>>,
                             tf::basic_temp_file<char, tf::anonymous_file<>, tf::remove_at_exit<>>>,
              "any order");
static_assert(!tf::remove_at_exit<tf::delete_on_close>::for_directories, "Base decides where it may be used");

BOOST_AUTO_TEST_CASE_TEMPLATE(each_signal_removes_files_and_trees_then_kills, CharT, test::char_types)
{
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
        test::scratch s;
        test::scratch outside;
        const std::string target = (outside.dir / "precious").string();
        ::close(::open(target.c_str(), O_CREAT | O_WRONLY, 0600));
        int st = child_wait_status([&] {
            auto fo = test::in<typename exit_file<CharT>::options_type>(s.dir);
            fo.suffix = lit<CharT>(".dat");
            exit_file<CharT> f(fo);
            f.write("data", 4);
            auto dopt = test::in<typename exit_dir<CharT>::options_type>(s.dir);
            exit_dir<CharT> d(dopt);
            populate(d.path().string(), target);
            if (s.entries().size() != 2)
                return 1;
            std::raise(sig);
            return 2; // not reached: the signal kills
        });
        BOOST_TEST_INFO("signal " << sig);
        BOOST_TEST(died_of(st, sig));
        BOOST_TEST(s.entries().empty());
        BOOST_TEST(test::exists(target)); // the symlink was removed, never followed
    }
}

BOOST_AUTO_TEST_CASE(signal_sent_by_another_process)
{
    test::scratch s;
    int ready[2];
    BOOST_REQUIRE(::pipe(ready) == 0);
    ::pid_t pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(ready[0]);
        exit_file<char> f(test::file_in<char>(s.dir));
        exit_dir<char> d(test::dir_in<char>(s.dir));
        populate(d.name(), "/nonexistent");
        char c = 'r';
        if (::write(ready[1], &c, 1) != 1)
            ::_exit(3);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char c = 0;
    BOOST_REQUIRE(::read(ready[0], &c, 1) == 1);
    ::close(ready[0]);
    BOOST_TEST(s.entries().size() == 2u);
    ::kill(pid, SIGTERM);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    BOOST_TEST(died_of(status, SIGTERM));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(exit_removes_what_destructors_would_have, CharT, test::char_types)
{
    test::scratch s;
    int st = child_wait_status([&] {
        auto fo = test::in<typename exit_file<CharT>::options_type>(s.dir);
        fo.delete_on_close = false;
        exit_file<CharT> f(fo);
        f.close(); // still named: removed at destruction, so at exit too
        auto dopt = test::in<typename exit_dir<CharT>::options_type>(s.dir);
        exit_dir<CharT> d(dopt);
        populate(d.path().string(), "/nonexistent");
        if (s.entries().size() != 2)
            return 1;
        std::exit(7); // destructors of automatic objects do not run
    });
    BOOST_TEST(exited_with(st, 7));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE(kept_objects_are_not_registered)
{
    test::scratch s;
    int st = child_wait_status([&] {
        auto fo = test::file_in<char>(s.dir);
        fo.keep = true;
        exit_file<char> k(fo);
        auto dopt = test::dir_in<char>(s.dir);
        dopt.keep = true;
        exit_dir<char> kd(dopt);
        tf::basic_temp_file<char, tf::remove_at_exit<tf::keep>> kk(test::file_in<char>(s.dir));
        std::exit(0);
        return 0;
    });
    BOOST_TEST(exited_with(st, 0));
    BOOST_TEST(s.entries().size() == 3u);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(keep_withdraws_the_registration, CharT, test::char_types)
{
    // keep() after creation withdraws the file and the directory from the exit cleanup; an
    // object not kept, in the same process, shows that the cleanup did run. A kept directory's
    // explicit cleanup() still removes it (and the exit has nothing left to do).
    for (int how : {0, SIGTERM}) { // 0: exit()
        BOOST_TEST_CONTEXT((how ? "SIGTERM" : "exit()"))
        {
            test::scratch s;
            int st = child_wait_status([&] {
                auto fo = test::in<typename exit_file<CharT>::options_type>(s.dir);
                auto dopt = test::in<typename exit_dir<CharT>::options_type>(s.dir);
                exit_file<CharT> f(fo), other(fo);
                exit_dir<CharT> d(dopt), cleaned(dopt);
                f.write("kept", 4);
                f.keep();
                d.keep();
                cleaned.keep();
                populate(d.path().string(), "/nonexistent");
                cleaned.cleanup();
                if (s.entries().size() != 3)
                    return 1;
                if (how)
                    std::raise(how);
                std::exit(0); // not _exit: atexit runs
            });
            BOOST_TEST((how ? died_of(st, how) : exited_with(st, 0)));
            BOOST_TEST(s.entries().size() == 2u); // the kept file and directory; `other` was removed
        }
    }
}

BOOST_AUTO_TEST_CASE(destroyed_objects_are_withdrawn)
{
    // An object destroyed (here: closed, which removes it) is no longer registered: a file
    // created later under the same name by someone else survives the exit.
    test::scratch s;
    const std::string name = (s.dir / "tmpfixedname").string();
    int st = child_wait_status([&] {
        {
            tf::basic_temp_file<char, tf::remove_at_exit<>, fixed_name> f(test::file_in<char>(s.dir));
            if (f.name() != name)
                return 1;
        }
        { // removed by close(), then the object lives on
            tf::basic_temp_file<char, tf::remove_at_exit<>, fixed_name> f(test::file_in<char>(s.dir));
            f.close();
            ::close(::open(name.c_str(), O_CREAT | O_WRONLY, 0600)); // someone else's file
            std::exit(0);
        }
    });
    BOOST_TEST(exited_with(st, 0));
    BOOST_TEST(test::exists(name));
}

BOOST_AUTO_TEST_CASE(moved_objects_stay_registered_once)
{
    test::scratch s;
    int st = child_wait_status([&] {
        exit_file<char> a(test::file_in<char>(s.dir));
        exit_file<char> b(std::move(a));
        exit_dir<char> d1(test::dir_in<char>(s.dir));
        exit_dir<char> d2(test::dir_in<char>(s.dir));
        d2 = std::move(d1); // d2's own directory is removed by the assignment
        if (s.entries().size() != 2)
            return 1;
        std::raise(SIGTERM);
        return 2;
    });
    BOOST_TEST(died_of(st, SIGTERM));
    BOOST_TEST(s.entries().empty());
}

namespace {
char g_watched[4096]; // a name the handler below looks at
extern "C" void exiting_handler(int)
{
    struct stat st;
    ::_exit(::lstat(g_watched, &st) == 0 ? 42 : 43); // 42: nothing was removed before it ran
}
volatile std::sig_atomic_t g_handled;
extern "C" void surviving_handler(int sig)
{
    g_handled = sig; // a daemon's "reload": the process goes on
}
extern "C" void fatal_again_handler(int sig)
{
    g_handled = g_handled + 1;
    std::signal(sig, SIG_DFL); // the common "clean up, then die of it" pattern
    std::raise(sig);
}
extern "C" void siginfo_handler(int sig, siginfo_t* info, void*)
{
    g_handled = info && info->si_signo == sig ? sig : -1;
}
void install(int sig, void (*h)(int))
{
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    ::sigaction(sig, &sa, nullptr);
}
} // namespace

BOOST_AUTO_TEST_CASE(previous_handler_runs_before_any_removal)
{
    // The program's handler runs first and finds its file; it ends the process with _exit, so
    // nothing is removed (one that calls exit() gets the exit-time sweep).
    test::scratch s;
    int st = child_wait_status([&] {
        install(SIGTERM, &exiting_handler);
        exit_file<char> f(test::file_in<char>(s.dir));
        std::strncpy(g_watched, f.name().c_str(), sizeof g_watched - 1);
        std::raise(SIGTERM);
        return 2;
    });
    BOOST_TEST(exited_with(st, 42));
    BOOST_TEST(s.entries().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_program_that_survives_a_signal_keeps_its_files)
{
    // The handler used to remove everything before handing the signal on: a daemon that
    // reloads on SIGHUP lost its directory and spool file while the objects still owned them.
    test::scratch s;
    for (int sig : {SIGHUP, SIGTERM, SIGINT}) {
        BOOST_TEST_INFO("signal " << sig);
        int st = child_wait_status([&] {
            install(sig, &surviving_handler);
            exit_file<char> f(test::file_in<char>(s.dir));
            exit_dir<char> d(test::dir_in<char>(s.dir));
            populate(d.name(), "/nonexistent");
            g_handled = 0;
            std::raise(sig);
            if (g_handled != sig)
                return 1;
            if (!test::exists(f.name()) || !test::exists(d.name() + "/sub/deeper/g"))
                return 3; // removed under a live program
            boost::system::error_code ec;
            d.cleanup(ec);
            if (ec || test::exists(d.name()))
                return 4;
            std::exit(0); // the file: removed at exit
        });
        BOOST_TEST(exited_with(st, 0));
        BOOST_TEST(s.entries().empty());
    }
}

BOOST_AUTO_TEST_CASE(a_handler_that_makes_the_signal_fatal_gets_the_sweep)
{
    test::scratch s;
    int st = child_wait_status([&] {
        install(SIGTERM, &fatal_again_handler);
        exit_file<char> f(test::file_in<char>(s.dir));
        exit_dir<char> d(test::dir_in<char>(s.dir));
        std::raise(SIGTERM);
        return 2;
    });
    BOOST_TEST(died_of(st, SIGTERM));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE(a_siginfo_handler_gets_its_arguments)
{
    test::scratch s;
    int st = child_wait_status([&] {
        struct sigaction sa;
        std::memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = &siginfo_handler;
        sa.sa_flags = SA_SIGINFO;
        ::sigaction(SIGHUP, &sa, nullptr);
        exit_file<char> f(test::file_in<char>(s.dir));
        g_handled = 0;
        std::raise(SIGHUP);
        return g_handled == SIGHUP && test::exists(f.name()) ? 0 : 1;
    });
    BOOST_TEST(exited_with(st, 0));
}

// --- Signals driven into a window with strace -e inject=SYSCALL:signal=SIGTERM:when=N -----------
//
// The test program is run again under strace with BOOST_TEMPFILE_SCENARIO set: a scenario runs
// before Boost.Test starts and ends with exit() or the signal. A first run under strace logs the
// system calls; the N-th call of the chosen syscall that matches (`mark`) is the window; a
// second run injects SIGTERM when that call enters (it is delivered when the call returns).

namespace {

// Scenarios (in the re-executed program): the directory is $BOOST_TEMPFILE_SCENARIO_DIR.
int run_scenario(const std::string& name, const std::string& dir)
{
    std::signal(SIGTERM, SIG_DFL);
    if (name == "install" || name == "install-handler") {
        // The first exit object installs the handlers: the signal arrives right after the
        // sigaction that installs the SIGTERM one.
        if (name == "install-handler")
            install(SIGTERM, &surviving_handler);
        exit_file<char> f(test::file_in<char>(dir));
        if (name == "install-handler")
            std::exit(g_handled == SIGTERM && test::exists(f.name()) ? 10 : 11);
        std::exit(0); // swallowed: the signal neither killed nor reached the program
    }
    if (name == "create-file" || name == "create-dir") {
        { exit_file<char> warm(test::file_in<char>(dir)); } // handlers installed, name withdrawn
        if (name == "create-file") {
            exit_file<char> f(test::file_in<char>(dir));
            ::_exit(20); // not reached: the signal kills once f is registered
        }
        exit_dir<char> d(test::dir_in<char>(dir));
        ::_exit(20);
    }
    return 99;
}

struct scenario_runner
{
    scenario_runner()
    {
        const char* name = std::getenv("BOOST_TEMPFILE_SCENARIO");
        const char* dir = std::getenv("BOOST_TEMPFILE_SCENARIO_DIR");
        if (name && dir)
            ::_exit(run_scenario(name, dir));
    }
} const scenario_runner_instance;

// Runs a command line (argv) with the scenario's environment; the raw wait status.
int spawn(const std::vector<std::string>& args, const std::string& scenario, const std::string& dir)
{
    ::pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("BOOST_TEMPFILE_SCENARIO", scenario.c_str(), 1);
        ::setenv("BOOST_TEMPFILE_SCENARIO_DIR", dir.c_str(), 1);
        const char* asan = std::getenv("ASAN_OPTIONS"); // LeakSanitizer cannot run under ptrace
        std::string opts = std::string(asan ? asan : "") + (asan && *asan ? ":" : "") + "detect_leaks=0";
        ::setenv("ASAN_OPTIONS", opts.c_str(), 1);
        std::vector<char*> argv;
        for (const std::string& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    int status = -1;
    while (pid > 0 && ::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

std::string self_exe()
{
    char buf[4096];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

// Runs `scenario` with SIGTERM injected into the `nth` call of `syscall` whose strace line
// contains `mark`; the raw wait status, or -1 if no such call was logged. The injecting run is
// logged too and its `when`-th call must be that very call (else it is run again, at most three
// times: a start-up that made a different number of calls would have moved it).
int inject_sigterm(const std::string& scenario, const std::string& dir, const std::string& syscall,
                   const std::string& mark, int nth)
{
    const std::string log = dir + "/../strace-" + scenario + ".log";
    auto traced = [&](const std::vector<std::string>& inject) {
        std::vector<std::string> args{"strace", "-qq", "-o", log, "-e", "trace=" + syscall};
        args.insert(args.end(), inject.begin(), inject.end());
        args.push_back(self_exe());
        int st = spawn(args, scenario, dir);
        std::vector<std::string> lines;
        std::ifstream in(log);
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
        ::unlink(log.c_str());
        return std::make_pair(st, lines);
    };
    for (int round = 0; round < 3; ++round) {
        int index = 0, found = 0, when = 0;
        for (const std::string& line : traced({}).second) {
            if (line.compare(0, syscall.size() + 1, syscall + "(") != 0)
                continue;
            ++index;
            if (line.find(mark) != std::string::npos && ++found == nth) {
                when = index;
                break;
            }
        }
        for (test::fs::directory_iterator it(dir), end; it != end; ++it)
            test::fs::remove_all(it->path()); // what the logging run left
        if (when == 0)
            return -1;
        auto [st, lines] = traced({"-e", "inject=" + syscall + ":signal=SIGTERM:when=" + std::to_string(when)});
        index = 0;
        for (const std::string& line : lines)
            if (line.compare(0, syscall.size() + 1, syscall + "(") == 0 && ++index == when) {
                if (line.find(mark) != std::string::npos)
                    return st; // injected into the call meant
                break;
            }
        for (test::fs::directory_iterator it(dir), end; it != end; ++it)
            test::fs::remove_all(it->path());
    }
    return -1;
}

// strace must be able to trace (ptrace may be refused in a container): else the cases below
// are skipped, with this reason in the report.
boost::test_tools::assertion_result strace_works(boost::unit_test::test_unit_id)
{
    int st = spawn({"strace", "-qq", "-o", "/dev/null", "true"}, "none", "/");
    boost::test_tools::assertion_result r(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    if (!r)
        r.message() << "skipped: strace cannot trace here (not installed, or ptrace refused)";
    return r;
}

} // namespace

BOOST_AUTO_TEST_CASE(signal_as_the_creating_call_returns_leaves_nothing,
                     *boost::unit_test::precondition(strace_works))
{
    // SIGTERM delivered as openat(O_EXCL) / mkdir returns, before the object is registered:
    // the handled signals are blocked from before creation until after registration, so the
    // signal finds the object registered. (It used to leave the file or directory behind.)
    for (const char* which : {"create-file", "create-dir"}) {
        BOOST_TEST_CONTEXT(which)
        {
            test::scratch s;
            const std::string dir = (s.dir / "d").string();
            BOOST_REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
            // The file: the second openat of a name in dir (the first one is the warm-up's).
            const bool file = std::string(which) == "create-file";
            int st = file ? inject_sigterm(which, dir, "openat", dir + "/tmp", 2)
                          : inject_sigterm(which, dir, "mkdirat", dir + "/tmp", 1);
            BOOST_REQUIRE(st != -1);
            BOOST_TEST(died_of(st, SIGTERM));
            BOOST_TEST(test::fs::is_empty(dir));
        }
    }
}

BOOST_AUTO_TEST_CASE(signal_during_handler_installation_is_not_swallowed,
                     *boost::unit_test::precondition(strace_works))
{
    // SIGTERM delivered right after the sigaction that installs the handler, before the
    // registry had recorded it: the handler neither chained nor re-raised, and the process
    // went on (exit 0), or the program's own handler never ran.
    test::scratch s;
    const std::string dir = (s.dir / "d").string();
    BOOST_REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
    int st = inject_sigterm("install", dir, "rt_sigaction", "rt_sigaction(SIGTERM, {sa_handler=0x", 1);
    BOOST_REQUIRE(st != -1);
    BOOST_TEST(died_of(st, SIGTERM));
    BOOST_TEST(test::fs::is_empty(dir));
    // With a handler of the program's own: it runs (and the process goes on, files kept until exit).
    st = inject_sigterm("install-handler", dir, "rt_sigaction", "rt_sigaction(SIGTERM, {sa_handler=0x", 2);
    BOOST_REQUIRE(st != -1);
    BOOST_TEST(exited_with(st, 10));
}

namespace {
// A private mount namespace for this (child) process, so that a tmpfs mounted in it is seen by
// nobody else and goes away with it. False if the kernel refuses (no CAP_SYS_ADMIN, seccomp).
bool private_mounts()
{
    return ::unshare(CLONE_NEWNS) == 0 && ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

boost::test_tools::assertion_result mounts_allowed(boost::unit_test::test_unit_id)
{
    test::scratch s;
    int r = test::in_child([&] {
        return private_mounts() && ::mount("tmpfs", s.dir.c_str(), "tmpfs", 0, "size=64k") == 0 ? 0 : 1;
    });
    boost::test_tools::assertion_result a(r == 0);
    if (!a)
        a.message() << "skipped: the kernel refuses a private mount namespace or a tmpfs mount here";
    return a;
}
} // namespace

BOOST_AUTO_TEST_CASE(exit_and_signal_do_not_cross_a_mount_point, *boost::unit_test::precondition(mounts_allowed))
{
    // A file system mounted inside the directory: cleanup() refuses to cross it (EXDEV), and so
    // must the exit-time walk (it used to empty the mounted file system).
    for (int how : {0, SIGTERM}) {
        BOOST_TEST_INFO((how ? "SIGTERM" : "exit()"));
        test::scratch s;
        int r = test::in_child([&] {
            if (!private_mounts())
                return 1;
            std::string mnt;
            int st = child_wait_status([&] {
                exit_dir<char> d(test::dir_in<char>(s.dir));
                populate(d.name(), "/nonexistent");
                mnt = d.name() + "/mnt";
                if (::mkdir(mnt.c_str(), 0700) != 0 || ::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=64k") != 0)
                    return 1;
                ::close(::open((mnt + "/precious").c_str(), O_CREAT | O_WRONLY, 0600));
                if (how)
                    std::raise(how);
                std::exit(0);
            });
            // The grandchild shares this namespace: its mount is still here.
            std::vector<std::string> e = s.entries();
            if (e.size() != 1)
                return 2;
            mnt = (s.dir / e[0] / "mnt").string();
            int ok = test::exists(mnt + "/precious") && !test::exists((s.dir / e[0] / "f").string()) &&
                     (how ? died_of(st, how) : exited_with(st, 0));
            ::umount2(mnt.c_str(), MNT_DETACH);
            return ok ? 0 : 3;
        });
        BOOST_TEST(r == 0);
    }
}

BOOST_AUTO_TEST_CASE(ignored_signal_stays_ignored)
{
    test::scratch s;
    int st = child_wait_status([&] {
        std::signal(SIGHUP, SIG_IGN); // as nohup does
        exit_file<char> f(test::file_in<char>(s.dir));
        std::raise(SIGHUP);
        if (!test::exists(f.name()))
            return 1; // the signal must not have removed anything
        std::exit(0);
    });
    BOOST_TEST(exited_with(st, 0));
    BOOST_TEST(s.entries().empty()); // removed at exit
}

BOOST_AUTO_TEST_CASE(forked_child_never_removes_its_parents_objects)
{
    test::scratch s;
    int st = child_wait_status([&] {
        exit_file<char> f(test::file_in<char>(s.dir));
        exit_dir<char> d(test::dir_in<char>(s.dir));
        int grandchild = child_wait_status([] {
            std::exit(0); // runs the inherited atexit sweep: must skip the parent's entries
            return 0;
        });
        int killed = child_wait_status([] {
            std::raise(SIGTERM);
            return 0;
        });
        if (!exited_with(grandchild, 0) || !died_of(killed, SIGTERM))
            return 1;
        if (!test::exists(f.name()) || !test::exists(d.name()))
            return 2;
        std::exit(0);
    });
    BOOST_TEST(exited_with(st, 0));
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE(replaced_name_is_left_alone)
{
    // The registered directory was moved away and another one put in its place: the handler
    // checks the identity (device, inode) and leaves the newcomer and its contents.
    test::scratch s;
    const std::string moved = (s.dir / "moved-away").string();
    std::string original;
    int pipefd[2];
    BOOST_REQUIRE(::pipe(pipefd) == 0);
    int st = child_wait_status([&] {
        ::close(pipefd[0]);
        auto dopt = test::dir_in<char>(s.dir);
        dopt.prefix = "reg-";
        exit_dir<char> d(dopt);
        auto fopt = test::file_in<char>(s.dir);
        fopt.prefix = "regf-";
        exit_file<char> f(fopt);
        std::string n = d.name();
        if (::write(pipefd[1], n.c_str(), n.size()) != static_cast<ssize_t>(n.size()))
            return 1;
        ::close(pipefd[1]);
        if (::rename(n.c_str(), moved.c_str()) != 0 || ::mkdir(n.c_str(), 0700) != 0)
            return 1;
        ::close(::open((n + "/newcomer").c_str(), O_CREAT | O_WRONLY, 0600));
        std::string fn = f.name();
        if (::unlink(fn.c_str()) != 0 || ::close(::open(fn.c_str(), O_CREAT | O_WRONLY, 0600)) != 0)
            return 1; // the file replaced too
        std::raise(SIGTERM);
        return 2;
    });
    ::close(pipefd[1]);
    char buf[4096];
    ssize_t n = ::read(pipefd[0], buf, sizeof buf);
    ::close(pipefd[0]);
    BOOST_REQUIRE(n > 0);
    original.assign(buf, static_cast<std::size_t>(n));
    BOOST_TEST(died_of(st, SIGTERM));
    BOOST_TEST(test::exists(original + "/newcomer"));
    BOOST_TEST(test::exists(moved));
    BOOST_TEST(s.entries().size() == 3u); // moved-away, the new reg-* dir, the new regf-* file
}

BOOST_AUTO_TEST_CASE(many_objects_from_many_threads)
{
    // More live registrations than one chunk of the table holds, made and withdrawn
    // concurrently; then a signal removes every live one.
    test::scratch s;
    int st = child_wait_status([&] {
        constexpr int threads = 4, live = 150, churn = 200;
        std::vector<std::vector<exit_file<char>>> keep(threads);
        std::vector<std::thread> ts;
        std::atomic<int> failures{0};
        for (int t = 0; t < threads; ++t) {
            ts.emplace_back([&, t] {
                try {
                    for (int i = 0; i < churn; ++i)
                        exit_file<char> tmp(test::file_in<char>(s.dir)); // registered, then withdrawn
                    for (int i = 0; i < live; ++i)
                        keep[t].emplace_back(test::file_in<char>(s.dir));
                } catch (...) {
                    ++failures;
                }
            });
        }
        for (auto& t : ts)
            t.join();
        if (failures || s.entries().size() != static_cast<std::size_t>(threads * live))
            return 1;
        std::raise(SIGTERM);
        return 2;
    });
    BOOST_TEST(died_of(st, SIGTERM));
    BOOST_TEST(s.entries().empty());
}

// Worker threads create and destroy remove_at_exit files while the process ends, by a
// process-directed SIGTERM (taken by a worker: the main thread blocks it) or by exit() from the
// main thread. The sweep waits for the creations under way, and none starts after it (they
// fail with operation_canceled): nothing is left, in every run. (It used to leave files in most
// runs with 2 threads or more: a worker between its creation and its registration while
// another thread swept, or creating again after the sweep.)
// Under ThreadSanitizer each child that ends with threads running takes about 0.6 s of CPU (its
// exit-time checks): 240 children were 2.5 minutes, most of CI's tsan step. There 8 runs of each
// setting give it every kind of interleaving to check for races; the other builds run 40, which
// find a file left behind by chance. A coverage build runs 8 too (its children each write their
// counts: the same lines run in 8 as in 40).
BOOST_AUTO_TEST_CASE(threads_creating_while_the_process_ends_leave_nothing)
{
    constexpr int runs = BOOST_TEMPFILE_TEST_TSAN || BOOST_TEMPFILE_TEST_COVERAGE_BUILD ? 8 : 40;
    for (bool by_signal : {true, false}) {
        for (int threads : {1, 2, 8}) {
            int left = 0, wrong_end = 0;
            for (int run = 0; run < runs; ++run) {
                test::scratch s;
                int st = child_wait_status([&] {
                    std::atomic<int> started{0};
                    std::vector<std::thread> ts;
                    for (int t = 0; t < threads; ++t)
                        ts.emplace_back([&] {
                            for (bool first = true;;) { // handlers installed by the first one
                                boost::system::error_code ec;
                                exit_file<char> f(test::file_in<char>(s.dir), ec);
                                if (!ec && std::exchange(first, false))
                                    ++started;
                            }
                        });
                    while (started.load() < threads)
                        std::this_thread::yield();
                    std::this_thread::sleep_for(std::chrono::milliseconds(1 + run % 3));
                    if (by_signal) {
                        ::sigset_t set;
                        sigemptyset(&set);
                        sigaddset(&set, SIGTERM);
                        ::pthread_sigmask(SIG_BLOCK, &set, nullptr); // a worker takes it
                        ::kill(::getpid(), SIGTERM);
                        for (;;)
                            ::pause();
                    }
                    std::exit(0); // the workers go on creating during the exit-time sweep
                    return 0;
                });
                if (by_signal ? !died_of(st, SIGTERM) : !exited_with(st, 0)) {
                    ++wrong_end;
                    std::cout << (by_signal ? "SIGTERM" : "exit()") << ", " << threads << " thread(s), run " << run
                              << ": ended with " << (WIFSIGNALED(st) ? "signal " : "exit code ")
                              << (WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st)) << std::endl;
                }
                if (!s.entries().empty())
                    ++left;
            }
            BOOST_TEST(left == 0, (by_signal ? "SIGTERM" : "exit()") << ", " << threads << " worker thread(s): files left in "
                                                                    << left << " of " << runs << " runs");
            BOOST_TEST(wrong_end == 0, wrong_end << " runs did not end as expected ("
                                                 << (by_signal ? "SIGTERM" : "exit()") << ", " << threads << " threads)");
        }
    }
}

BOOST_AUTO_TEST_CASE(an_entry_withdrawn_during_a_sweep_stays_reachable)
{
    // An object destroyed while a sweep may be reading its entry cannot free it; the entry
    // must stay reachable (the retired list), or a leak checker at exit reports it: under
    // ASan the child would then end with LeakSanitizer's exit code instead of 0.
    test::scratch s;
    int r = test::in_child([&] {
        namespace ec = tf::detail::exit_cleanup;
        const std::string f = (s.dir / "f").string();
        ::close(::open(f.c_str(), O_CREAT | O_WRONLY, 0600));
        ec::registry& reg = ec::state();
        ec::handle h = ec::add(f, false);
        if (!h.e)
            return 2;
        const ec::entry* const e = h.e;
        reg.sweeping.fetch_add(1); // as a handler walking the table does
        ec::remove(h);
        reg.sweeping.fetch_sub(1);
        bool found = false;
        for (const ec::entry* p = reg.retired.load(); p; p = p->retired_next)
            found = found || p == e;
        if (!found)
            return 3; // withdrawn and dropped: unreachable
        std::exit(0); // LeakSanitizer (under ASan) checks here
    });
    BOOST_TEST(r == 0, "child result " << r);
}

BOOST_AUTO_TEST_CASE(registration_is_constant_time_amortised)
{
    // 20 000 live registrations, then churn among them: each registration probes O(1) slots
    // amortised (the table used to be scanned from its start, quadratic in live objects).
    test::scratch s;
    int r = test::in_child([&] {
        namespace ec = tf::detail::exit_cleanup;
        const std::string f = (s.dir / "f").string();
        ::close(::open(f.c_str(), O_CREAT | O_WRONLY, 0600));
        const std::size_t live = 20000, churn = 20000;
        std::vector<ec::handle> hs;
        ec::probes() = 0;
        for (std::size_t i = 0; i < live; ++i)
            hs.push_back(ec::add(f, false));
        for (std::size_t i = 0; i < churn; ++i) {
            std::size_t k = (i * 7919) % live;
            ec::remove(hs[k]);
            hs[k] = ec::add(f, false);
        }
        std::size_t probes = ec::probes();
        bool all = true;
        for (ec::handle& h : hs) {
            all = all && h.slot;
            ec::remove(h);
        }
        std::cout << "registration: " << probes << " probes for " << live + churn << " registrations" << std::endl;
        return all && probes <= 3 * (live + churn) ? 0 : 1;
    });
    BOOST_TEST(r == 0);
}

BOOST_AUTO_TEST_CASE(normal_destruction_still_works_and_leaves_no_descriptor)
{
    test::scratch s;
    int before = test::open_fds();
    {
        exit_file<char> f(test::file_in<char>(s.dir));
        exit_dir<char> d(test::dir_in<char>(s.dir));
        tf::basic_temp_file<char, tf::remove_at_exit<>, tf::anonymous_file<>> a(
            test::anonymous_in<char>(s.dir));
        BOOST_TEST(s.entries().size() == 2u);
    }
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::open_fds() == before);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(persisted_objects_are_withdrawn, CharT, test::char_types)
{
    // A persisted file is no longer the object's to remove: its registration is withdrawn. To
    // tell "withdrawn" from "its old name is simply gone", the persisted file is linked back
    // under its old temporary name (same device and inode, so a stale entry would match and
    // unlink it). A file that was not persisted, in the same process, shows that the exit
    // cleanup did run.
    for (bool noclobber : {false, true}) {
        for (int how : {0, SIGTERM}) { // 0: exit()
            BOOST_TEST_CONTEXT((noclobber ? "persist_noclobber, " : "persist, ")
                               << (how ? "SIGTERM" : "exit()"))
            {
                test::scratch s;
                const std::string target = (s.dir / "kept.dat").string();
                const std::string old_name = (s.dir / "old-name").string();
                const std::string other_name = (s.dir / "other-name").string();
                int st = child_wait_status([&] {
                    auto fo = test::in<typename exit_file<CharT>::options_type>(s.dir);
                    exit_file<CharT> f(fo), other(fo);
                    f.write("persisted", 9);
                    const std::string temp_name = test::narrow(f.name());
                    if (noclobber)
                        f.persist_noclobber(target);
                    else
                        f.persist(target);
                    if (::link(target.c_str(), temp_name.c_str()) != 0)
                        return 1;
                    // Names the test (the parent) can find: the old name, and the other file's.
                    if (::rename(temp_name.c_str(), old_name.c_str()) != 0 ||
                        ::link(old_name.c_str(), temp_name.c_str()) != 0 ||
                        ::symlink(test::narrow(other.name()).c_str(), other_name.c_str()) != 0)
                        return 2;
                    if (how)
                        std::raise(how);
                    std::exit(0); // not _exit: atexit runs
                });
                BOOST_TEST((how ? died_of(st, how) : exited_with(st, 0)));
                BOOST_TEST(test::file_contents(target) == "persisted");
                BOOST_TEST(test::file_contents(old_name) == "persisted");
                // Four entries remain: target, old-name and the temporary name linked back
                // (three links to the persisted file: a stale registration would have unlinked
                // the temporary name), and other-name, dangling: the other file was removed.
                BOOST_TEST(s.entries().size() == 4u);
                BOOST_TEST(test::file_contents(other_name) == "<missing>");
                BOOST_TEST(test::exists(other_name));
            }
        }
    }
}

#else // the whole file needs POSIX

BOOST_AUTO_TEST_CASE(posix_only_file, *test::posix_only("14 cases: signals (SIGINT, SIGTERM, SIGHUP) and fork; Windows exit cleanup is in test_windows"))
{
}

#endif
