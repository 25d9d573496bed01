// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_EXAMPLE_TEMPFILE_MKTEMP_MAIN_HPP
#define BOOST_TEMPFILE_EXAMPLE_TEMPFILE_MKTEMP_MAIN_HPP

// tempfile-mktemp: GNU coreutils `mktemp`, rebuilt on Boost.TempFile (narrow names only).
//
//     int tempfile_mktemp_main(int argc, char** argv);   // the command: stdout, stderr, the locale
//     int tempfile_mktemp_main(int argc, char** argv, std::ostream& out, std::ostream& err);
//
// runs the tool on argv, writing what GNU mktemp writes to stdout and stderr (to `out` and
// `err`), and returns the exit status (0 success, 1 failure). The messages are GNU's, with the
// program name argv[0] as GNU prints it; the first form takes the locale from the environment
// as GNU does (setlocale(LC_ALL, "")), so that a UTF-8 locale quotes as \u2018this\u2019, and writes
// with write(2), reporting a failed write of the name with its reason. doc/mktemp_tool.adoc
// tells the story; test/test_mktemp_tool.cpp compares it with the system's mktemp.
//
// What it shows of the library:
//   * a user naming policy (x_run_name) that fills the template's run of X, as GNU does;
//   * basic_temp_file<char, tf::keep, x_run_name> and basic_temp_dir<char, tf::keep, x_run_name>
//     for the creation (exclusive, 0600 / 0700 less the umask), in the error_code style;
//   * tf::name_only<> for --dry-run: the first name that does not exist now.

#include <boost/tempfile.hpp>
#include <boost/tempfile/version.hpp>

#include <boost/system/error_code.hpp>

#include <cerrno>
#include <clocale>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <cwctype>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#if defined(_WIN32)
#include <io.h>
#else
#include <langinfo.h>
#include <unistd.h>
#endif

namespace tempfile_mktemp {

namespace tf = boost::tempfile;

inline constexpr const char* default_program = "tempfile-mktemp"; // when argv[0] is missing
inline constexpr const char* default_template = "tmp.XXXXXXXXXX";

// The naming policy: `length` letters and digits [A-Za-z0-9], as GNU (gen_tempname) puts in
// place of the X's. The library default-constructs a naming policy for every object, so the
// run length, known only at run time, is set for the calling thread before the object is made.
struct x_run_name : tf::naming_policy
{
    static inline thread_local std::size_t length = 3;
    // glibc's bound for gen_tempname: 62^3 names, enough to walk a three-X name space.
    static constexpr unsigned max_attempts = 62u * 62u * 62u;

    template <class CharT>
    std::basic_string<CharT> next_name() const
    {
        static constexpr std::string_view alnum =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        // Ten symbols per 64-bit draw; draws above the largest multiple of 62^10 are rejected,
        // so that every symbol is uniform (as glibc does).
        constexpr std::uint64_t block = 839299365868340224ull; // 62^10
        constexpr std::uint64_t limit = UINT64_MAX - UINT64_MAX % block;
        std::basic_string<CharT> s;
        s.reserve(length);
        std::uint64_t x = 0;
        unsigned left = 0;
        for (std::size_t i = 0; i < length; ++i) {
            if (left == 0) {
                do
                    x = tf::thread_random(); // the library's per-thread, fork-aware engine
                while (x >= limit);
                left = 10;
            }
            s += static_cast<CharT>(alnum[static_cast<std::size_t>(x % 62)]);
            x /= 62;
            --left;
        }
        return s;
    }
};

// Sets x_run_name::length for the calling thread for the guard's lifetime.
struct x_run_length
{
    std::size_t old;
    explicit x_run_length(std::size_t n) : old(x_run_name::length) { x_run_name::length = n; }
    ~x_run_length() { x_run_name::length = old; }
    x_run_length(const x_run_length&) = delete;
    x_run_length& operator=(const x_run_length&) = delete;
};

// Whether the locale's character set (LC_CTYPE) is UTF-8: gnulib's locale_charset().
inline bool utf8_locale()
{
#if defined(_WIN32)
    return false;
#else
    const char* cs = nl_langinfo(CODESET);
    return cs && std::strcmp(cs, "UTF-8") == 0;
#endif
}

// gnulib's quote(): quotearg's locale_quoting_style. In a UTF-8 locale \u2018text\u2019, printable
// multibyte characters kept and the closing quote escaped (\\u2019); else 'text', with the quote
// escaped (\'). Both escape the backslash, C's control characters (\n, \t, ...) and, as three
// octal digits, every other byte that is not part of a printable character.
inline std::string quote(std::string_view s, bool utf8 = false)
{
    static constexpr std::string_view left_utf8 = "\xe2\x80\x98", right_utf8 = "\xe2\x80\x99";
    const std::string_view right = utf8 ? right_utf8 : std::string_view("'");
    std::string r(utf8 ? left_utf8 : std::string_view("'"));
    auto octal = [&r](unsigned char c) {
        r += '\\';
        r += static_cast<char>('0' + ((c >> 6) & 7));
        r += static_cast<char>('0' + ((c >> 3) & 7));
        r += static_cast<char>('0' + (c & 7));
    };
    std::mbstate_t st{};
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, right.size(), right) == 0) { // the closing quote, escaped
            r += '\\';
            r += right;
            i += right.size();
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80 && utf8) { // a multibyte character: kept if it is printable
            wchar_t w = 0;
            std::size_t n = std::mbrtowc(&w, s.data() + i, s.size() - i, &st);
            if (n != static_cast<std::size_t>(-1) && n != static_cast<std::size_t>(-2) && n != 0 &&
                std::iswprint(static_cast<std::wint_t>(w))) {
                r.append(s.data() + i, n);
                i += n;
                continue;
            }
            st = std::mbstate_t{};
            octal(c);
            ++i;
            continue;
        }
        ++i;
        switch (c) {
        case '\\': r += "\\\\"; break;
        case '\a': r += "\\a"; break;
        case '\b': r += "\\b"; break;
        case '\f': r += "\\f"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\t': r += "\\t"; break;
        case '\v': r += "\\v"; break;
        default:
            if (c >= 0x20 && c < 0x7f)
                r += static_cast<char>(c);
            else
                octal(c);
        }
    }
    r += right;
    return r;
}

// gnulib's file_name_concat(dir, base): one '/' between them unless either side has one;
// the trailing slashes of dir are dropped (a root directory is kept as is).
inline std::string file_name_concat(std::string_view dir, std::string_view base)
{
    // last_component(dir): past the leading slashes, the start of the last component.
    std::size_t start = dir.find_first_not_of('/');
    if (start == std::string_view::npos)
        start = dir.size();
    std::size_t dirbase = start;
    bool last_was_slash = false;
    for (std::size_t i = start; i < dir.size(); ++i) {
        if (dir[i] == '/')
            last_was_slash = true;
        else if (last_was_slash) {
            dirbase = i;
            last_was_slash = false;
        }
    }
    // base_len(dir + dirbase): its length without trailing slashes (but at least 1).
    std::size_t baselen = dir.size() - dirbase;
    while (baselen > 1 && dir[dirbase + baselen - 1] == '/')
        --baselen;
    std::size_t dirlen = dirbase + baselen;
    std::string r(dir.substr(0, dirlen));
    if (baselen != 0) {
        if (r.back() != '/' && (base.empty() || base.front() != '/'))
            r += '/';
    } else if (!base.empty() && base.front() == '/') {
        r += '.'; // a root directory and an absolute base: "/" + "." + "/base"
    }
    r += base;
    return r;
}

// What the command line asked for.
struct invocation
{
    bool directory = false;
    bool dry_run = false;
    bool quiet = false;
    bool deprecated_t = false;
    bool use_dest_dir = false;
    std::optional<std::string> dest_dir_arg; // -p DIR / --tmpdir=DIR
    std::optional<std::string> suffix;       // --suffix=SUFF
    std::vector<std::string> templates;
};

// Where the tool writes: stdout and stderr, or two streams. out() returns 0 or the errno of
// a failed write (0 too when a stream does not say why).
struct sink
{
    virtual int out(std::string_view text) = 0;
    virtual void err(std::string_view text) = 0;
    virtual ~sink() = default;
};

inline std::string help_text(const std::string& program)
{
    return "Usage: " + program + " [OPTION]... [TEMPLATE]\n" +
           "Create a temporary file or directory, safely, and print its name.\n"
           "TEMPLATE must contain at least 3 consecutive 'X's in last component.\n"
           "If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.\n"
           "Files are created u+rw, and directories u+rwx, minus umask restrictions.\n"
           "\n"
           "  -d, --directory     create a directory, not a file\n"
           "  -u, --dry-run       do not create anything; merely print a name (unsafe)\n"
           "  -q, --quiet         suppress diagnostics about file/dir-creation failure\n"
           "      --suffix=SUFF   append SUFF to TEMPLATE; SUFF must not contain a slash.\n"
           "                        This option is implied if TEMPLATE does not end in X\n"
           "  -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR; if DIR is not\n"
           "                        specified, use $TMPDIR if set, else /tmp.  With\n"
           "                        this option, TEMPLATE must not be an absolute name;\n"
           "                        unlike with -t, TEMPLATE may contain slashes, but\n"
           "                        mktemp creates only the final component\n"
           "  -t                  interpret TEMPLATE as a single file name component,\n"
           "                        relative to a directory: $TMPDIR, if set; else the\n"
           "                        directory specified via -p; else /tmp [deprecated]\n"
           "      --help        display this help and exit\n"
           "      --version     output version information and exit\n"
           "\n"
           "A command-line compatible rewrite of GNU coreutils mktemp on Boost.TempFile.\n";
}

inline std::string version_text()
{
    return std::string(default_program) + " (Boost.TempFile) " + BOOST_TEMPFILE_VERSION_STRING +
           "\nCompatible with GNU coreutils mktemp.\n"
           "Distributed under the Boost Software License, Version 1.0.\n";
}

// getopt_long's parsing of "dp:qtuV" and mktemp's long options, with GNU's messages:
// options and operands in any order (unless POSIXLY_CORRECT is set), "--" ends the options,
// long options may be abbreviated. Returns -1 to go on, or the exit status.
inline int parse(int argc, char** argv, invocation& inv, const std::string& program, sink& io)
{
    enum class has_arg
    {
        no,
        required,
        optional
    };
    struct long_option
    {
        const char* name;
        has_arg arg;
        char key; // the short option it stands for; 's' suffix, 'h' help, 'v' version
    };
    static constexpr long_option longs[] = {
        {"directory", has_arg::no, 'd'},    {"quiet", has_arg::no, 'q'},        {"dry-run", has_arg::no, 'u'},
        {"suffix", has_arg::required, 's'}, {"tmpdir", has_arg::optional, 'p'}, {"help", has_arg::no, 'h'},
        {"version", has_arg::no, 'v'},
    };
    auto usage_error = [&](const std::string& message) {
        io.err(program + ": " + message + "\nTry '" + program + " --help' for more information.\n");
        return 1;
    };
    // Applies one option; -1 to go on, or the exit status (--help, --version).
    auto apply = [&](char key, const char* arg) -> int {
        switch (key) {
        case 'd':
            inv.directory = true;
            break;
        case 'q':
            inv.quiet = true;
            break;
        case 'u':
            inv.dry_run = true;
            break;
        case 't':
            inv.use_dest_dir = true;
            inv.deprecated_t = true;
            break;
        case 'p':
            inv.use_dest_dir = true;
            inv.dest_dir_arg = arg ? std::optional<std::string>(arg) : std::nullopt;
            break;
        case 's':
            inv.suffix = arg;
            break;
        case 'h':
            io.out(help_text(program));
            return 0;
        case 'v':
        case 'V':
            io.out(version_text());
            return 0;
        }
        return -1;
    };

    const bool posixly_correct = std::getenv("POSIXLY_CORRECT") != nullptr;
    bool options_done = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (options_done || a.size() < 2 || a[0] != '-') {
            inv.templates.emplace_back(a);
            if (posixly_correct)
                options_done = true;
            continue;
        }
        if (a == "--") {
            options_done = true;
            continue;
        }
        if (a[1] == '-') { // a long option, or an abbreviation of one
            std::string_view body = a.substr(2);
            std::size_t eq = body.find('=');
            std::string_view name = body.substr(0, eq);
            const long_option* found = nullptr;
            std::vector<const long_option*> candidates;
            for (const long_option& o : longs) {
                std::string_view n = o.name;
                if (n == name) {
                    found = &o;
                    candidates.clear();
                    break;
                }
                if (n.substr(0, name.size()) == name)
                    candidates.push_back(&o);
            }
            if (!found && candidates.size() == 1)
                found = candidates.front();
            if (!found && candidates.size() > 1) {
                std::string m = "option '" + std::string(a) + "' is ambiguous; possibilities:";
                for (const long_option* c : candidates)
                    m += " '--" + std::string(c->name) + "'";
                return usage_error(m);
            }
            if (!found)
                return usage_error("unrecognized option '" + std::string(a) + "'");
            const char* arg = nullptr;
            if (eq != std::string_view::npos) {
                if (found->arg == has_arg::no)
                    return usage_error("option '--" + std::string(found->name) +
                                       "' doesn't allow an argument");
                arg = argv[i] + 2 + eq + 1;
            } else if (found->arg == has_arg::required) {
                if (i + 1 >= argc)
                    return usage_error("option '--" + std::string(found->name) + "' requires an argument");
                arg = argv[++i];
            }
            int r = apply(found->key, arg);
            if (r >= 0)
                return r;
            continue;
        }
        for (std::size_t k = 1; k < a.size(); ++k) { // a cluster of short options: -dq, -pDIR
            char c = a[k];
            if (c == 'p') {
                const char* arg = nullptr;
                if (k + 1 < a.size())
                    arg = argv[i] + k + 1;
                else if (i + 1 < argc)
                    arg = argv[++i];
                else
                    return usage_error("option requires an argument -- 'p'");
                apply('p', arg);
                break;
            }
            if (std::string_view("dqtuV").find(c) == std::string_view::npos)
                return usage_error(std::string("invalid option -- '") + c + "'");
            int r = apply(c, nullptr);
            if (r >= 0)
                return r;
        }
    }
    return -1;
}

// Creates (or, with -u, only finds) the name: `full` is the template with its directory,
// x_count X's end at full.size() - suffix_len. On success `full` holds the name.
inline boost::system::error_code create(const invocation& inv, std::string& full, std::size_t suffix_len,
                                        std::size_t x_count)
{
    const std::size_t x_at = full.size() - suffix_len - x_count;
    const std::size_t slash = full.rfind('/', x_at);
    const std::string dir = slash == std::string::npos ? std::string(".") : full.substr(0, slash + 1);
    const std::string prefix = full.substr(slash == std::string::npos ? 0 : slash + 1,
                                           x_at - (slash == std::string::npos ? 0 : slash + 1));
    const std::string suffix = full.substr(full.size() - suffix_len);
    x_run_length run(x_count);
    boost::system::error_code ec;
    std::string created; // the file name the library made: prefix + run + suffix

    if (inv.dry_run) {
        // tf::name_only<>: nothing is created, the first name that does not exist now.
        x_run_name naming;
        for (unsigned i = 0; i < x_run_name::max_attempts; ++i) {
            std::string candidate = full;
            candidate.replace(x_at, x_count, naming.next_name<char>());
            const boost::filesystem::path native(candidate); // the platform's own name (UTF-16 on Windows)
            tf::native_handle_type none = tf::invalid_native_handle; // name_only opens nothing
            int r = tf::name_only<>::try_create(tf::no_native_dir, native.c_str(), none);
            if (r >= 0) {
                full = std::move(candidate);
                return {};
            }
            if (r != -tf::native_error_exists)
                return {-r, boost::system::system_category()};
        }
        return boost::system::errc::make_error_code(boost::system::errc::file_exists);
    }
    if (inv.directory) {
        tf::dir_options o;
        o.prefix = prefix;
        o.suffix = suffix;
        o.dir = dir;
        tf::basic_temp_dir<char, tf::keep, x_run_name> d(o, ec); // mode 0700 less the umask
        if (ec)
            return ec;
        created = d.path().filename().string();
    } else {
        tf::file_options o;
        o.prefix = prefix;
        o.suffix = suffix;
        o.dir = dir;
        tf::basic_temp_file<char, tf::keep, x_run_name> f(o, ec); // mode 0600 less the umask
        if (ec)
            return ec;
        created = f.path().filename().string();
    }
    // The name as the user wrote it (relative stays relative), with the run filled in.
    full.replace(x_at, x_count, created, prefix.size(), x_count);
    return {};
}

} // namespace tempfile_mktemp

namespace tempfile_mktemp {

// GNU mktemp's main(), on the library: messages name the program as it was invoked (argv[0],
// GNU's program_name), quote as the locale says, and a failed write of the name removes what
// was made and says why (GNU's close_stdout).
inline int run(int argc, char** argv, sink& io)
{
    const std::string program = argc > 0 && argv[0] ? argv[0] : default_program;
    const bool utf8 = utf8_locale();
    auto quote = [utf8](std::string_view t) { return tempfile_mktemp::quote(t, utf8); };
    invocation inv;
    if (int r = parse(argc, argv, inv, program, io); r >= 0)
        return r;
    auto fail = [&](const std::string& message) {
        io.err(program + ": " + message + "\n");
        return 1;
    };
    if (inv.templates.size() > 1) {
        io.err(program + ": too many templates\nTry '" + program + " --help' for more information.\n");
        return 1;
    }
    std::string templ = default_template;
    if (inv.templates.empty())
        inv.use_dest_dir = true;
    else
        templ = inv.templates.front();

    // The suffix: --suffix (the template must then end in X), else what follows the last X.
    std::size_t suffix_len = 0;
    if (inv.suffix) {
        if (templ.empty() || templ.back() != 'X')
            return fail("with --suffix, template " + quote(templ) + " must end in X");
        suffix_len = inv.suffix->size();
        templ += *inv.suffix;
    } else {
        std::size_t last_x = templ.rfind('X');
        suffix_len = last_x == std::string::npos ? 0 : templ.size() - last_x - 1;
    }
    std::string_view suffix = std::string_view(templ).substr(templ.size() - suffix_len);
    if (suffix.find('/') != std::string_view::npos)
        return fail("invalid suffix " + quote(suffix) + ", contains directory separator");
    std::size_t x_count = 0;
    while (x_count < templ.size() - suffix_len && templ[templ.size() - suffix_len - 1 - x_count] == 'X')
        ++x_count;
    if (x_count < 3)
        return fail("too few X's in template " + quote(templ));

    if (inv.use_dest_dir) {
        const char* env = std::getenv("TMPDIR");
        std::string dest_dir = "/tmp";
        if (inv.deprecated_t) {
            if (env && *env)
                dest_dir = env;
            else if (inv.dest_dir_arg && !inv.dest_dir_arg->empty())
                dest_dir = *inv.dest_dir_arg;
            if (templ.find('/') != std::string::npos)
                return fail("invalid template, " + quote(templ) + ", contains directory separator");
        } else {
            if (inv.dest_dir_arg && !inv.dest_dir_arg->empty())
                dest_dir = *inv.dest_dir_arg;
            else if (env && *env)
                dest_dir = env;
            if (!templ.empty() && templ.front() == '/')
                return fail("invalid template, " + quote(templ) + "; with --tmpdir, it may not be absolute");
        }
        templ = file_name_concat(dest_dir, templ);
    }

    std::string name = templ;
    if (boost::system::error_code ec = create(inv, name, suffix_len, x_count)) {
        if (!inv.quiet)
            fail(std::string("failed to create ") + (inv.directory ? "directory" : "file") +
                 " via template " + quote(templ) + ": " + ec.message());
        return 1;
    }
    if (int e = io.out(name + '\n'); e != 0) {
        // As GNU: what cannot be reported is not left behind.
        if (!inv.dry_run) {
            std::remove(name.c_str());
            if (inv.quiet)
                return 1;
        }
        return fail(e > 0 ? "write error: " + std::string(std::strerror(e)) : std::string("write error"));
    }
    return 0;
}

// stdout and stderr, written with write(2): no stdio or iostream buffer in between.
struct fd_sink final : sink
{
    static int write_all(int fd, std::string_view t)
    {
        while (!t.empty()) {
#if defined(_WIN32)
            int n = ::_write(fd, t.data(), static_cast<unsigned>(t.size()));
#else
            ::ssize_t n = ::write(fd, t.data(), t.size());
#endif
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return n < 0 && errno ? errno : -1;
            t.remove_prefix(static_cast<std::size_t>(n));
        }
        return 0;
    }
    int out(std::string_view t) override { return write_all(1, t); }
    void err(std::string_view t) override { write_all(2, t); }
};

// Two streams (the tests, the demo): a failed write has no reason to give.
struct stream_sink final : sink
{
    std::ostream& o;
    std::ostream& e;
    stream_sink(std::ostream& out, std::ostream& err) : o(out), e(err) {}
    int out(std::string_view t) override
    {
        o << t;
        o.flush();
        return o ? 0 : -1;
    }
    void err(std::string_view t) override
    {
        e << t;
        e.flush();
    }
};

} // namespace tempfile_mktemp

// The command: the locale from the environment (as GNU's setlocale(LC_ALL, "")), stdout, stderr.
inline int tempfile_mktemp_main(int argc, char** argv)
{
    std::setlocale(LC_ALL, "");
    tempfile_mktemp::fd_sink io;
    return tempfile_mktemp::run(argc, argv, io);
}

// The same on two streams, in the caller's locale.
inline int tempfile_mktemp_main(int argc, char** argv, std::ostream& out, std::ostream& err)
{
    tempfile_mktemp::stream_sink io(out, err);
    return tempfile_mktemp::run(argc, argv, io);
}

#endif // BOOST_TEMPFILE_EXAMPLE_TEMPFILE_MKTEMP_MAIN_HPP
