// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The example tool tempfile-mktemp (example/tempfile_mktemp_main.hpp) compared with the
// system's GNU coreutils mktemp (/usr/bin/mktemp): run in process under LC_ALL=C, the names'
// shape, the modes, the exit codes and the messages (with the program name swapped); run as
// commands in forked children, the same way, stdout and stderr byte for byte (argv[0], the
// locale's quoting, write errors).

#define BOOST_TEST_MODULE mktemp_tool
#include <boost/test/unit_test.hpp>

#include "common/test_common.hpp"

#if BOOST_TEMPFILE_TEST_POSIX
#include "../example/tempfile_mktemp_main.hpp"

#include <cctype>
#include <fstream>
#include <optional>
#include <utility>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char* const gnu_mktemp = "/usr/bin/mktemp";

struct result
{
    int status = -1;
    std::string out, err;
};

// The tool, in this process.
result run_tool(std::vector<std::string> args, bool fail_output = false)
{
    args.insert(args.begin(), "tempfile-mktemp");
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::ostringstream out, err;
    if (fail_output)
        out.setstate(std::ios_base::badbit); // as a full disk: nothing can be written
    result r;
    r.status = tempfile_mktemp_main(static_cast<int>(args.size()), argv.data(), out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

std::string read_all(int fd)
{
    std::string s;
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        s.append(buf, static_cast<std::size_t>(n));
    }
    return s;
}

// How a child runs either tool as a command: argv[0], the environment's locale variables (a
// value, or nullopt to unset it), and what stdout is.
enum class stdout_is
{
    pipe,
    full,  // /dev/full: every write fails with ENOSPC
    closed // no descriptor 1: EBADF
};
struct command
{
    std::string argv0 = "mktemp";
    std::vector<std::pair<std::string, std::optional<std::string>>> env{{"LC_ALL", "C"}};
    stdout_is out = stdout_is::pipe;
    bool as_nobody = false; // the child runs as the unprivileged user nobody
};

// GNU mktemp (exec) or the tool's command form (tempfile_mktemp_main(argc, argv): its own
// setlocale, write(2) on descriptors 1 and 2) in a forked child, run the same way.
result run_command(bool gnu, const std::vector<std::string>& args, const command& c)
{
    int out[2], err[2];
    BOOST_REQUIRE(::pipe(out) == 0);
    BOOST_REQUIRE(::pipe(err) == 0);
    ::pid_t pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(err[1], 2);
        if (c.out == stdout_is::pipe)
            ::dup2(out[1], 1);
        else if (c.out == stdout_is::full)
            ::dup2(::open("/dev/full", O_WRONLY), 1);
        else
            ::close(1);
        ::close(out[0]), ::close(out[1]), ::close(err[0]), ::close(err[1]);
        if (c.as_nobody && !test::become_nobody())
            ::_exit(97);
        for (const auto& [name, value] : c.env) {
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
        }
        std::vector<std::string> storage{c.argv0};
        storage.insert(storage.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& a : storage)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        if (gnu) {
            ::execv(gnu_mktemp, argv.data());
            ::_exit(127);
        }
        ::_exit(tempfile_mktemp_main(static_cast<int>(storage.size()), argv.data()));
    }
    ::close(out[1]);
    ::close(err[1]);
    result r;
    r.out = read_all(out[0]); // a few lines at most: no risk of filling the other pipe
    r.err = read_all(err[0]);
    ::close(out[0]);
    ::close(err[0]);
    int st = 0;
    while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

// GNU mktemp in a child, LC_ALL=C, the same environment and working directory otherwise;
// with `as_nobody` the child runs as the unprivileged user nobody.
result run_gnu(const std::vector<std::string>& args, bool as_nobody = false)
{
    command c;
    c.as_nobody = as_nobody;
    return run_command(true, args, c);
}

// Both as commands, the same way: the same status, stdout and stderr, byte for byte.
void compare_commands(const std::vector<std::string>& args, const command& c)
{
    std::string shown = "argv0 [" + c.argv0 + "]";
    for (auto& [name, value] : c.env)
        shown += " " + name + "=" + (value ? *value : "(unset)");
    for (auto& a : args)
        shown += " [" + a + "]";
    BOOST_TEST_CONTEXT(shown)
    {
        result g = run_command(true, args, c);
        result t = run_command(false, args, c);
        BOOST_TEST(t.status == g.status);
        BOOST_TEST(t.out == g.out);
        BOOST_TEST(t.err == g.err);
    }
}

// GNU's messages with the tool's name.
std::string renamed(std::string s)
{
    std::string r;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) {
        if (line.compare(0, 8, "mktemp: ") == 0)
            line = "tempfile-mktemp: " + line.substr(8);
        if (line == "Try 'mktemp --help' for more information.")
            line = "Try 'tempfile-mktemp --help' for more information.";
        r += line + "\n";
    }
    return r;
}

// `name` (one line, as printed) is `pattern` with its run of X's ending suffix_len before the
// end replaced by letters and digits, everything else kept.
bool has_shape(std::string name, const std::string& pattern, std::size_t suffix_len)
{
    if (name.empty() || name.back() != '\n')
        return false;
    name.pop_back();
    if (name.size() != pattern.size())
        return false;
    std::size_t end = pattern.size() - suffix_len, begin = end;
    while (begin > 0 && pattern[begin - 1] == 'X')
        --begin;
    for (std::size_t i = 0; i < name.size(); ++i) {
        bool in_run = i >= begin && i < end;
        if (in_run ? !std::isalnum(static_cast<unsigned char>(name[i])) : name[i] != pattern[i])
            return false;
    }
    return end - begin >= 3;
}

std::string line_of(const std::string& out)
{
    return out.empty() ? out : out.substr(0, out.size() - 1);
}

// Changes the working directory for the guard's lifetime.
struct cwd_guard
{
    int old;
    explicit cwd_guard(const test::fs::path& p) : old(::open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    {
        BOOST_REQUIRE(old >= 0);
        BOOST_REQUIRE(::chdir(p.c_str()) == 0);
    }
    ~cwd_guard()
    {
        if (::fchdir(old) != 0)
            std::abort();
        ::close(old);
    }
};

struct shape_case
{
    std::vector<std::string> args;
    std::string pattern; // the name GNU prints, X's in place of the random run
    std::size_t suffix_len;
};

// Both tools on `c` (and with -d), in the current environment: same status 0, same shape,
// the entry exists with the same type and mode; everything made is removed afterwards.
void compare_creation(const shape_case& c)
{
    for (bool dir : {false, true}) {
        std::vector<std::string> args = c.args;
        if (dir)
            args.insert(args.begin(), "-d");
        result g = run_gnu(args);
        result t = run_tool(args);
        BOOST_TEST_CONTEXT("args: " << [&] {
            std::string s;
            for (auto& a : args)
                s += a + " ";
            return s;
        }())
        {
            BOOST_TEST(g.status == 0);
            BOOST_TEST(t.status == 0);
            BOOST_TEST(g.err == "");
            BOOST_TEST(t.err == "");
            BOOST_TEST(has_shape(g.out, c.pattern, c.suffix_len), g.out << " vs " << c.pattern);
            BOOST_TEST(has_shape(t.out, c.pattern, c.suffix_len), t.out << " vs " << c.pattern);
            std::string gn = line_of(g.out), tn = line_of(t.out);
            struct stat gs, ts;
            BOOST_TEST_REQUIRE(::lstat(gn.c_str(), &gs) == 0);
            BOOST_TEST_REQUIRE(::lstat(tn.c_str(), &ts) == 0);
            BOOST_TEST((dir ? S_ISDIR(ts.st_mode) : S_ISREG(ts.st_mode)));
            BOOST_TEST((gs.st_mode & S_IFMT) == (ts.st_mode & S_IFMT));
            BOOST_TEST((gs.st_mode & 07777) == (ts.st_mode & 07777));
            if (!dir)
                BOOST_TEST(ts.st_size == 0);
            BOOST_TEST(gn != tn);
            if (dir) {
                ::rmdir(gn.c_str());
                ::rmdir(tn.c_str());
            } else {
                ::unlink(gn.c_str());
                ::unlink(tn.c_str());
            }
        }
    }
}

// Both tools fail on `args` with the same status and message, print nothing on stdout.
void compare_failure(const std::vector<std::string>& args, bool as_nobody = false)
{
    std::string shown;
    for (auto& a : args)
        shown += "[" + a + "] ";
    BOOST_TEST_CONTEXT("args: " << shown)
    {
        result g = run_gnu(args, as_nobody);
        result t;
        if (as_nobody) {
            // The tool in a child that drops to nobody; its result comes back by a pipe.
            int p[2];
            BOOST_REQUIRE(::pipe(p) == 0);
            int st = test::in_child(
                [&] {
                    ::close(p[0]);
                    result r = run_tool(args);
                    std::string msg = std::to_string(r.status) + "\n" + r.out + "\x01" + r.err;
                    return ::write(p[1], msg.data(), msg.size()) == static_cast<ssize_t>(msg.size()) ? 0 : 1;
                },
                true);
            ::close(p[1]);
            std::string msg = read_all(p[0]);
            ::close(p[0]);
            BOOST_TEST_REQUIRE(st == 0);
            std::size_t nl = msg.find('\n'), sep = msg.find('\x01');
            BOOST_TEST_REQUIRE((nl != std::string::npos && sep != std::string::npos));
            t.status = std::stoi(msg.substr(0, nl));
            t.out = msg.substr(nl + 1, sep - nl - 1);
            t.err = msg.substr(sep + 1);
        } else {
            t = run_tool(args);
        }
        BOOST_TEST(g.status == 1);
        BOOST_TEST(t.status == g.status);
        BOOST_TEST(g.out == "");
        BOOST_TEST(t.out == "");
        BOOST_TEST(t.err == renamed(g.err));
    }
}

} // namespace

BOOST_AUTO_TEST_CASE(system_mktemp_is_gnu)
{
    result g = run_gnu({"--version"});
    BOOST_TEST_REQUIRE(g.status == 0);
    BOOST_TEST_REQUIRE(g.out.find("GNU coreutils") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(names_and_modes_match_gnu)
{
    test::scratch s;
    const std::string d = s.dir.string();
    test::fs::create_directory(s.dir / "sub");
    test::fs::create_directory(s.dir / "a");
    test::fs::create_directory(s.dir / "b");
    cwd_guard cwd(s.dir);
    test::env_guard tmpdir("TMPDIR", nullptr);
    const std::vector<shape_case> cases = {
        {{"-p", d, "fooXXX"}, d + "/fooXXX", 0},
        {{"-p", d + "//", "a.XXXXXX.b"}, d + "/a.XXXXXX.b", 2},
        {{"--tmpdir=" + d, "--suffix=.txt", "XXXXXXXXXXXXXXX"}, d + "/XXXXXXXXXXXXXXX.txt", 4},
        {{"--suffix", "X.Y", "tXXXX"}, "tXXXXX.Y", 3},
        {{"fooXXXbar"}, "fooXXXbar", 3},
        {{"fooXXX.XXX"}, "fooXXX.XXX", 0},
        {{"-p", ".", "fooXXX"}, "./fooXXX", 0},
        {{"-p", ".//", "fooXXX"}, "./fooXXX", 0},
        {{"sub/x.XXXX"}, "sub/x.XXXX", 0},
        {{"sub//x.XXXX"}, "sub//x.XXXX", 0},
        {{"-p", "sub", "../XXX"}, "sub/../XXX", 0},
        {{"-p", "sub/", "../XXX"}, "sub/../XXX", 0},
        {{d + "/XXXXXXXXXX"}, d + "/XXXXXXXXXX", 0},
        {{"-q", "-p", d + "/a", "--", "-XXX"}, d + "/a/-XXX", 0},
        {{"-t", "-p", d + "/b", "zXXX"}, d + "/b/zXXX", 0},
        {{"--qu", "--tmp=" + d, "XXX"}, d + "/XXX", 0}, // abbreviated long options
    };
    for (::mode_t um : {0022, 0077, 0027, 0266}) {
        test::umask_guard g(um);
        for (const shape_case& c : cases)
            compare_creation(c);
    }
    BOOST_TEST(s.entries().size() == 3u); // sub, a, b: nothing was left
}

BOOST_AUTO_TEST_CASE(directory_rules_match_gnu)
{
    test::scratch s;
    const std::string d = s.dir.string();
    test::fs::create_directory(s.dir / "a");
    test::fs::create_directory(s.dir / "b");
    test::umask_guard um(022);
    {
        // No TEMPLATE: tmp.XXXXXXXXXX in $TMPDIR; -t and --tmpdir also read it.
        test::env_guard tmpdir("TMPDIR", (d + "/a").c_str());
        compare_creation({{}, d + "/a/tmp.XXXXXXXXXX", 0});
        compare_creation({{"-t", "zXXX"}, d + "/a/zXXX", 0});
        compare_creation({{"--tmpdir", "zXXX"}, d + "/a/zXXX", 0});
        compare_creation({{"-p", "", "zXXX"}, d + "/a/zXXX", 0});
        // -t: $TMPDIR wins over -p; --tmpdir / -p: DIR wins over $TMPDIR.
        compare_creation({{"-t", "-p", d + "/b", "zXXX"}, d + "/a/zXXX", 0});
        compare_creation({{"-p", d + "/b", "zXXX"}, d + "/b/zXXX", 0});
        // The last of -p / --tmpdir counts.
        compare_creation({{"-p", d + "/b", "--tmpdir", "zXXX"}, d + "/a/zXXX", 0});
        compare_creation({{"--tmpdir=" + d + "/b", "zXXX"}, d + "/b/zXXX", 0});
    }
    {
        // An empty $TMPDIR counts as unset: /tmp (dry runs only, nothing is made there).
        test::env_guard tmpdir("TMPDIR", "");
        result g = run_gnu({"-u"}), t = run_tool({"-u"});
        BOOST_TEST(g.status == 0);
        BOOST_TEST(t.status == 0);
        BOOST_TEST(has_shape(g.out, "/tmp/tmp.XXXXXXXXXX", 0));
        BOOST_TEST(has_shape(t.out, "/tmp/tmp.XXXXXXXXXX", 0));
        BOOST_TEST(!test::exists(line_of(t.out)));
    }
    {
        test::env_guard tmpdir("TMPDIR", nullptr);
        // A root directory keeps its slashes as given (gnulib's file_name_concat).
        for (const char* root : {"/", "///"}) {
            result g = run_gnu({"-u", "-p", root, "fooXXX"}), t = run_tool({"-u", "-p", root, "fooXXX"});
            BOOST_TEST(g.status == 0);
            BOOST_TEST(t.status == 0);
            BOOST_TEST(has_shape(g.out, std::string(root) + "fooXXX", 0));
            BOOST_TEST(has_shape(t.out, std::string(root) + "fooXXX", 0));
        }
    }
    BOOST_TEST(s.entries().size() == 2u);
}

BOOST_AUTO_TEST_CASE(bad_templates_fail_as_gnu_does)
{
    test::scratch s;
    const std::string d = s.dir.string();
    test::fs::path file = s.dir / "plain";
    {
        std::ofstream(file.string()) << "x";
    }
    cwd_guard cwd(s.dir);
    test::env_guard tmpdir("TMPDIR", nullptr);
    const std::vector<std::vector<std::string>> cases = {
        {"foo.XX"},       // too few X's
        {"-q", "foo.XX"}, // -q does not silence template errors
        {""},             // an empty template
        {"fooXXbar"},     // the last run counts
        {"-t", "a/bXXX"}, // -t: no '/'
        {"-q", "-t", "a/bXXX"},
        {"-t", d + "/XXX"},
        {"-p", d, d + "/XXX"}, // --tmpdir: not absolute
        {"--tmpdir", "/XXX"},
        {"--suffix=a/b", "fooXXX"}, // the suffix has no '/'
        {"XXX/"},                   // nor the implied one
        {"--suffix=.x", "foo"},     // --suffix: the template ends in X
        {"--suffix=", ""},
        {"-p", d + "/missing", "fooXXX"}, // failures to create
        {"-d", "-p", d + "/missing", "fooXXX"},
        {"-q", "-p", d + "/missing", "fooXXX"}, // -q silences them
        {"-d", "-q", "-p", d + "/missing", "fooXXX"},
        {"-p", file.string(), "fooXXX"},                               // not a directory
        {"-p", d, std::string(300, 'X')},                              // a name too long
        {"-p", "/nonexistent", "a'b\\c\nd\te\001f\x7f\xc3\xa9 ?$XXX"}, // quoting
        {"a", "b"},                                                    // usage errors
        {"-x"},
        {"-dx"},
        {"--foo"},
        {"--foo=bar"},
        {"--suffix"},
        {"--suf"},
        {"-p"},
        {"--d"},
        {"--quiet=1"},
        {"--qu=1"},
        {"--foo", "--help"},
        {"-uXXX"},
    };
    for (const auto& args : cases)
        compare_failure(args);
    std::vector<std::string> left = s.entries();
    BOOST_TEST(left.size() == 1u);
}

BOOST_AUTO_TEST_CASE(permission_errors_match_gnu)
{
    // As nobody in a directory only root may write: EACCES, for files and directories.
    test::scratch s;
    test::fs::path locked = s.dir / "locked";
    test::fs::create_directory(locked);
    ::chmod(locked.c_str(), 0755);
    compare_failure({"-p", locked.string(), "fooXXX"}, true);
    compare_failure({"-d", "-p", locked.string(), "fooXXX"}, true);
    compare_failure({"-q", "-p", locked.string(), "fooXXX"}, true);
    // A dry run in a directory nobody may not search cannot look at names either.
    ::chmod(locked.c_str(), 0700);
    compare_failure({"-u", (locked / "sub" / "fooXXX").string()}, true);
    BOOST_TEST(test::fs::is_empty(locked));
}

BOOST_AUTO_TEST_CASE(dry_run_creates_nothing)
{
    test::scratch s;
    const std::string d = s.dir.string();
    for (bool dir : {false, true}) {
        std::vector<std::string> args = {"-u", "-p", d, "n.XXXXXX.txt"};
        if (dir)
            args.insert(args.begin(), "-d");
        result g = run_gnu(args), t = run_tool(args);
        BOOST_TEST(g.status == 0);
        BOOST_TEST(t.status == 0);
        BOOST_TEST(has_shape(g.out, d + "/n.XXXXXX.txt", 4));
        BOOST_TEST(has_shape(t.out, d + "/n.XXXXXX.txt", 4));
        BOOST_TEST(s.entries().empty());
    }
    // In a directory that does not exist, as GNU: the name is free.
    result t = run_tool({"-u", "-p", d + "/missing", "XXX"});
    BOOST_TEST(t.status == 0);
    BOOST_TEST(has_shape(t.out, d + "/missing/XXX", 0));
    BOOST_TEST(run_gnu({"-u", "-p", d + "/missing", "XXX"}).status == 0);
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE(help_and_version)
{
    result g = run_gnu({"--help"});
    result t = run_tool({"--help"});
    BOOST_TEST(g.status == 0);
    BOOST_TEST(t.status == 0);
    BOOST_TEST(t.err == "");
    // GNU's text up to --version, with the tool's name in the usage line.
    std::string gnu_text = g.out.substr(0, g.out.find("\n\n", g.out.find("--version")) + 1);
    gnu_text.replace(0, std::string("Usage: mktemp").size(), "Usage: tempfile-mktemp");
    BOOST_TEST(t.out.compare(0, gnu_text.size(), gnu_text) == 0, t.out);
    // Options stop at --help (what follows is not looked at), and -h is no option.
    BOOST_TEST(run_tool({"--help", "--foo"}).status == 0);
    BOOST_TEST(run_tool({"--he"}).out == t.out);
    BOOST_TEST(run_tool({"-h"}).status == 1);

    for (const char* v : {"--version", "-V", "--vers"}) {
        result r = run_tool({v});
        BOOST_TEST(r.status == 0);
        BOOST_TEST(r.out.compare(0, 33, "tempfile-mktemp (Boost.TempFile) ") == 0, r.out);
        BOOST_TEST(r.out.find(BOOST_TEMPFILE_VERSION_STRING) != std::string::npos);
        BOOST_TEST(run_gnu({v}).status == 0);
    }
}

BOOST_AUTO_TEST_CASE(write_error_removes_the_file)
{
    test::scratch s;
    const std::string d = s.dir.string();
    // As GNU with stdout on a full disk: status 1, "write error", nothing left behind.
    for (bool dir : {false, true}) {
        std::vector<std::string> args = {"-p", d, "fooXXX"};
        if (dir)
            args.insert(args.begin(), "-d");
        result r = run_tool(args, true);
        BOOST_TEST(r.status == 1);
        BOOST_TEST(r.err == "tempfile-mktemp: write error\n");
        BOOST_TEST(s.entries().empty());
        args.insert(args.begin(), "-q");
        r = run_tool(args, true);
        BOOST_TEST(r.status == 1);
        BOOST_TEST(r.err == "");
        BOOST_TEST(s.entries().empty());
    }
    // A dry run reports it even with -q (GNU: at exit, from close_stdout).
    result r = run_tool({"-q", "-u", "-p", d, "fooXXX"}, true);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err == "tempfile-mktemp: write error\n");
}

BOOST_AUTO_TEST_CASE(messages_name_the_program_as_invoked)
{
    // GNU prints argv[0] as it was given (program_name): a symlink or a path shows as such.
    for (const char* argv0 : {"mktemp", "/usr/local/bin/mymktemp", "tempfile-mktemp", "./mk"}) {
        command c;
        c.argv0 = argv0;
        compare_commands({"foo"}, c);                     // too few X's
        compare_commands({"aXXX", "bXXX"}, c);            // too many templates: "Try '<argv0> --help'"
        compare_commands({"--bogus"}, c);                 // getopt's message
        compare_commands({"-p", "/nonexistent/d", "fooXXX"}, c); // failed to create
    }
}

BOOST_AUTO_TEST_CASE(quoting_follows_the_locale)
{
    // gnulib's locale quoting: \u2018...\u2019 when the locale's character set is UTF-8 (LC_ALL, else
    // LC_CTYPE, else LANG), printable multibyte characters kept, the closing quote escaped;
    // '...' and octal escapes otherwise. C.UTF-8 is built into glibc.
    using env = std::vector<std::pair<std::string, std::optional<std::string>>>;
    const env settings[] = {
        {{"LC_ALL", "C"}},
        {{"LC_ALL", "C.UTF-8"}},
        {{"LC_ALL", std::nullopt}, {"LC_CTYPE", "C.UTF-8"}, {"LANG", "C"}},
        {{"LC_ALL", std::nullopt}, {"LC_CTYPE", std::nullopt}, {"LANG", "C.UTF-8"}},
        {{"LC_ALL", "C"}, {"LANG", "C.UTF-8"}},
        {{"LC_ALL", std::nullopt}, {"LC_CTYPE", std::nullopt}, {"LANG", std::nullopt}},
        {{"LC_ALL", "no_such_locale.UTF-8"}}, // not installed: setlocale fails, the C locale stays
    };
    const std::string templates[] = {"foo", "a'b", "\xc3\xa4\xe2\x80\x99" "b", "x\001y\tz\\", "\xff\xfe", "\xe2\x80\x98q"};
    for (const env& e : settings) {
        command c;
        c.env = e;
        for (const std::string& t : templates)
            compare_commands({t}, c);
        compare_commands({"-p", "/nonexistent/\xc3\xa4", "fooXXX"}, c);
        compare_commands({"--suffix=.x", "fooX.y"}, c);
    }
}

BOOST_AUTO_TEST_CASE(write_error_says_why_as_gnu)
{
    // stdout on a full disk (ENOSPC) or closed (EBADF): GNU's "write error: <reason>", status
    // 1, nothing left behind; with -q silent, except for a dry run.
    test::scratch s;
    const std::string d = s.dir.string();
    for (stdout_is out : {stdout_is::full, stdout_is::closed}) {
        command c;
        c.out = out;
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"-p", d, "fooXXX"}, {"-d", "-p", d, "fooXXX"}, {"-q", "-p", d, "fooXXX"},
                 {"-u", "-p", d, "fooXXX"}, {"-u", "-q", "-p", d, "fooXXX"}}) {
            compare_commands(args, c);
            BOOST_TEST(s.entries().empty());
        }
    }
    command c;
    c.out = stdout_is::full;
    BOOST_TEST(run_command(false, {"-p", d, "fooXXX"}, c).err == "mktemp: write error: No space left on device\n");
}

BOOST_AUTO_TEST_CASE(no_descriptor_leaks)
{
    test::scratch s;
    const std::string d = s.dir.string();
    int before = test::open_fds();
    for (int i = 0; i < 20; ++i) {
        BOOST_TEST(run_tool({"-p", d, "fXXXXXX"}).status == 0);
        BOOST_TEST(run_tool({"-d", "-p", d, "dXXXXXX"}).status == 0);
        BOOST_TEST(run_tool({"-q", "-p", d + "/missing", "XXX"}).status == 1);
    }
    BOOST_TEST(test::open_fds() == before);
    BOOST_TEST(s.entries().size() == 40u);
}

BOOST_AUTO_TEST_CASE(three_x_name_space_is_walked)
{
    // With 3 X's there are 62^3 names; when most are taken the tool still finds a free one,
    // because x_run_name bounds the attempts as glibc does (62^3), not by the library's default.
    test::scratch s;
    const std::string d = s.dir.string();
    std::set<std::string> made;
    for (int i = 0; i < 200; ++i) {
        result r = run_tool({"-p", d, "XXX"});
        BOOST_TEST_REQUIRE(r.status == 0);
        BOOST_TEST(has_shape(r.out, d + "/XXX", 0));
        made.insert(r.out);
    }
    BOOST_TEST(made.size() == 200u); // never the same name twice (exclusive creation)
    BOOST_TEST(s.entries().size() == 200u);
}

using char_types = test::char_types;
BOOST_AUTO_TEST_CASE_TEMPLATE(x_run_name_uses_letters_and_digits, CharT, char_types)
{
    // The policy alone, narrow and wide: `length` symbols, every one of [A-Za-z0-9] seen.
    tempfile_mktemp::x_run_length len(16);
    tempfile_mktemp::x_run_name n;
    std::set<CharT> seen;
    for (int i = 0; i < 2000; ++i) {
        std::basic_string<CharT> s = n.template next_name<CharT>();
        BOOST_TEST_REQUIRE(s.size() == 16u);
        for (CharT c : s) {
            BOOST_TEST_REQUIRE((c < 128 && std::isalnum(static_cast<int>(c))));
            seen.insert(c);
        }
    }
    BOOST_TEST(seen.size() == 62u);
    BOOST_TEST(tempfile_mktemp::x_run_name::length == 16u);
}

BOOST_AUTO_TEST_CASE(quote_and_concat_helpers)
{
    using tempfile_mktemp::file_name_concat;
    using tempfile_mktemp::quote;
    BOOST_TEST(quote("a'b\\c\n\001\xc3") == "'a\\'b\\\\c\\n\\001\\303'");
    BOOST_TEST(file_name_concat("/tmp", "x") == "/tmp/x");
    BOOST_TEST(file_name_concat("/tmp///", "x") == "/tmp/x");
    BOOST_TEST(file_name_concat("/", "x") == "/x");
    BOOST_TEST(file_name_concat("//", "x") == "//x");
    BOOST_TEST(file_name_concat(".//", "x") == "./x");
    BOOST_TEST(file_name_concat("a/b/", "c/d") == "a/b/c/d");
    BOOST_TEST(file_name_concat("/", "/x") == "/./x");
}

#else // the whole file needs POSIX

BOOST_AUTO_TEST_CASE(posix_only_file, *test::posix_only("12 cases: compared with GNU coreutils mktemp (/usr/bin/mktemp) and POSIX modes"))
{
}

#endif
