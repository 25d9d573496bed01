// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// libFuzzer target: arbitrary bytes as prefix, suffix and directory name, narrow or wide, for
// every kind of creation. The directory is always a subdirectory of a scratch directory this
// target makes (its name has '/' and NUL mapped away), so nothing is ever written elsewhere.
// Properties, checked on every input:
//   * never a crash (ASan/UBSan watch the library);
//   * either an object named exactly dir/prefix + 8 symbols of the alphabet + suffix, the only
//     new entry in dir, gone after destruction; or a clear error (error_code set, nothing made);
//   * valid parts in an existing directory with a short enough name always succeed; a prefix or
//     suffix with '/' or NUL (or invalid UTF-16/32, wide) is always invalid_argument;
//   * nothing appears anywhere in the scratch directory but dir itself.
//
// Input layout: [kind][wide][len(prefix)][len(suffix)][make dir?] prefix suffix dirname.
// Wide parts take 4 bytes per wchar_t.
//
//   build/fuzz.sh --time=600 fuzz_options

#include <boost/tempfile.hpp>

#include "../common/test_common.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tf = boost::tempfile;

#define FUZZ_CHECK(c)                                                                                        \
    do {                                                                                                     \
        if (!(c)) {                                                                                          \
            std::fprintf(stderr, "fuzz_options: check failed: %s (line %d)\n", #c, __LINE__);                \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

namespace {

const std::string& scratch()
{
    static const std::string s = [] {
        const char* base = std::getenv("BOOST_TEMPFILE_FUZZ_DIR"); // build/fuzz.sh sets it
        std::string t = std::string(base && *base ? base : "/tmp") + "/tempfile-fuzz-XXXXXX";
        FUZZ_CHECK(::mkdtemp(&t[0]) != nullptr);
        std::atexit([] { ::rmdir(scratch().c_str()); }); // empty after every input
        return t;
    }();
    return s;
}

// Names in d (without . and ..).
std::size_t count_entries(const std::string& d, std::string* only = nullptr)
{
    std::size_t n = 0;
    if (DIR* dir = ::opendir(d.c_str())) {
        while (struct dirent* e = ::readdir(dir)) {
            if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0)
                continue;
            ++n;
            if (only)
                *only = e->d_name;
        }
        ::closedir(dir);
    }
    return n;
}

using test::utf8; // the suite's own encoder: the oracle, independent of the library

bool valid_part(const std::string& s)
{
    return s.find('/') == std::string::npos && s.find('\0') == std::string::npos;
}

// The generated part: 8 symbols of the alphabet.
bool random_part_ok(const std::string& s)
{
    if (s.size() != 8)
        return false;
    for (char c : s)
        if (tf::name_alphabet.find(c) == std::string_view::npos)
            return false;
    return true;
}

template <class CharT>
struct input
{
    std::basic_string<CharT> prefix, suffix;
    std::string prefix_native, suffix_native;
    bool encodable = true;
};

template <class CharT>
std::basic_string<CharT> take(const std::uint8_t*& p, std::size_t& n, std::size_t count)
{
    std::basic_string<CharT> r;
    for (std::size_t i = 0; i < count && n >= sizeof(CharT); ++i) {
        CharT c;
        std::memcpy(&c, p, sizeof(CharT));
        if constexpr (sizeof(CharT) == 4)
            c = static_cast<CharT>(static_cast<std::uint32_t>(c) % 0x110800u); // mostly in range
        r += c;
        p += sizeof(CharT);
        n -= sizeof(CharT);
    }
    return r;
}

// One creation of `kind`; returns the name made ("" if none) and sets ec.
template <class CharT>
std::string create_and_check(int kind, const input<CharT>& in, const std::string& dir,
                             boost::system::error_code& ec)
{
    std::string made;
    auto native = [](const std::basic_string<CharT>& s) {
        if constexpr (sizeof(CharT) == 1)
            return s;
        else {
            std::string o;
            utf8(s, o);
            return o;
        }
    };
    switch (kind) {
    case 0: { // mkstemp
        tf::basic_options<CharT> o;
        o.prefix = in.prefix;
        o.suffix = in.suffix;
        o.dir = dir;
        auto r = tf::mkstemp(o, ec);
        if (!ec) {
            FUZZ_CHECK(r.first >= 0);
            made = native(r.second);
            ::close(r.first);
            FUZZ_CHECK(::unlink(made.c_str()) == 0);
        } else {
            FUZZ_CHECK(r.first < 0);
        }
        break;
    }
    case 1: { // mkdtemp
        tf::basic_options<CharT> o;
        o.prefix = in.prefix;
        o.suffix = in.suffix;
        o.dir = dir;
        auto r = tf::mkdtemp(o, ec);
        if (!ec) {
            made = native(r);
            FUZZ_CHECK(::rmdir(made.c_str()) == 0);
        }
        break;
    }
    case 2: { // named_temporary_file
        tf::basic_file_options<CharT> o;
        o.prefix = in.prefix;
        o.suffix = in.suffix;
        o.dir = dir;
        tf::basic_temp_file<CharT> f(o, ec);
        FUZZ_CHECK(f.is_open() == !ec);
        if (!ec) {
            made = native(f.name());
            struct stat st;
            FUZZ_CHECK(::lstat(made.c_str(), &st) == 0 && S_ISREG(st.st_mode));
        }
        break;
    }
    case 3: { // temporary_file: no name, nothing in dir while alive
        tf::basic_anonymous_options<CharT> o;
        o.prefix = in.prefix;
        o.suffix = in.suffix;
        o.dir = dir;
        tf::basic_temp_file<CharT, tf::anonymous_file<>> f(o, ec);
        FUZZ_CHECK(f.is_open() == !ec);
        if (!ec)
            FUZZ_CHECK(count_entries(dir) == 0);
        break;
    }
    default: { // temporary_directory
        tf::basic_dir_options<CharT> o;
        o.prefix = in.prefix;
        o.suffix = in.suffix;
        o.dir = dir;
        tf::basic_temp_dir<CharT> d(o, ec);
        FUZZ_CHECK(d.exists() == !ec);
        if (!ec) {
            made = native(d.name());
            struct stat st;
            FUZZ_CHECK(::lstat(made.c_str(), &st) == 0 && S_ISDIR(st.st_mode));
        }
        break;
    }
    }
    return made;
}

template <class CharT>
void run(int kind, bool make_dir, const std::uint8_t* p, std::size_t n, std::size_t lp, std::size_t ls)
{
    input<CharT> in;
    in.prefix = take<CharT>(p, n, lp);
    in.suffix = take<CharT>(p, n, ls);
    std::string dirname(reinterpret_cast<const char*>(p), n);
    for (char& c : dirname)
        if (c == '/' || c == '\0')
            c = '_';
    if (dirname.empty() || dirname == "." || dirname == "..")
        dirname = "d" + dirname;
    if constexpr (sizeof(CharT) == 1) {
        in.prefix_native = in.prefix;
        in.suffix_native = in.suffix;
    } else {
        in.encodable = utf8(in.prefix, in.prefix_native) && utf8(in.suffix, in.suffix_native);
    }
    const std::string& root = scratch();
    const std::string dir = root + "/" + dirname;
    bool dir_exists = make_dir && ::mkdir(dir.c_str(), 0700) == 0;

    boost::system::error_code ec;
    std::string made = create_and_check<CharT>(kind, in, dir, ec);

    const bool parts_ok = in.encodable && valid_part(in.prefix_native) && valid_part(in.suffix_native);
    const std::size_t component = in.prefix_native.size() + 8 + in.suffix_native.size();
    if (!parts_ok)
        FUZZ_CHECK(ec == boost::system::errc::invalid_argument);
    // A wide name must decode: the directory's bytes too (else illegal_byte_sequence).
    std::wstring decoded;
    const bool dir_decodes = sizeof(CharT) == 1 || kind == 3 || tf::detail::from_native(dir, decoded);
    if (parts_ok && !dir_decodes && dir_exists && component <= 255)
        FUZZ_CHECK(ec == boost::system::errc::illegal_byte_sequence);
    if (parts_ok && dir_decodes && dir_exists && component <= 255 && dir.size() + 1 + component < 4000)
        FUZZ_CHECK(!ec);
    if (!ec && kind != 3) {
        // Exactly dir/prefix + 8 symbols + suffix.
        const std::string head = dir + "/" + in.prefix_native;
        FUZZ_CHECK(made.size() == head.size() + 8 + in.suffix_native.size());
        FUZZ_CHECK(made.compare(0, head.size(), head) == 0);
        FUZZ_CHECK(random_part_ok(made.substr(head.size(), 8)));
        FUZZ_CHECK(made.compare(head.size() + 8, std::string::npos, in.suffix_native) == 0);
    }
    if (ec)
        FUZZ_CHECK(made.empty());
    // Gone after destruction; nothing anywhere but dir itself.
    if (dir_exists) {
        FUZZ_CHECK(count_entries(dir) == 0);
        FUZZ_CHECK(::rmdir(dir.c_str()) == 0);
    }
    FUZZ_CHECK(count_entries(root) == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 5)
        return 0;
    const int kind = data[0] % 5;
    const bool wide = data[1] & 1;
    const std::size_t lp = data[2], ls = data[3];
    const bool make_dir = (data[4] & 3) != 0; // mostly an existing directory
    if (wide)
        run<wchar_t>(kind, make_dir, data + 5, size - 5, lp, ls);
    else
        run<char>(kind, make_dir, data + 5, size - 5, lp, ls);
    return 0;
}
