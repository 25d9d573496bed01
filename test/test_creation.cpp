// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Creation policies: exclusive files and directories, collisions, bounded attempts, planted
// symlinks, anonymous files, modes whatever the umask.

#define BOOST_TEST_MODULE creation
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"


namespace tf = boost::tempfile;
using test::lit;
using test::narrow;

namespace {

// Names "n0", "n1", ... in order, counting the draws: collisions on demand.
struct sequence_names : tf::naming_policy
{
    static inline int next = 0;
    static inline int drawn = 0;
    template <class CharT>
    std::basic_string<CharT> next_name()
    {
        ++drawn;
        return lit<CharT>(("n" + std::to_string(next++)).c_str());
    }
};

// Always the same name: exhaustion.
struct same_name : tf::naming_policy
{
    static inline int drawn = 0;
    template <class CharT>
    std::basic_string<CharT> next_name()
    {
        ++drawn;
        return lit<CharT>("same");
    }
};

struct three_attempts : same_name
{
    static constexpr unsigned max_attempts = 3;
};

// The name a test gives (ASCII, NULs included).
struct given_name : tf::naming_policy
{
    static inline std::string name;
    static inline int drawn = 0;
    template <class CharT>
    std::basic_string<CharT> next_name()
    {
        ++drawn;
        return std::basic_string<CharT>(name.begin(), name.end());
    }
};

// A user's anonymous-file policy with an open_unnamed of its own (a file the library never
// names: POSIX, made and unlinked at once; Windows, delete-on-close), which `refuse` makes
// fail; exclusive_file's try_create is then the fallback.
struct own_unnamed : tf::creation_policy
{
    static constexpr unsigned max_attempts = 3;
    static constexpr bool makes_directory = false;
    static constexpr bool named = false;
    template <class CharT>
    using options_type = tf::basic_anonymous_options<CharT>;

    static inline int calls = 0;
    static inline bool refuse = false;
    static inline tf::native_handle_type given = tf::invalid_native_handle;

    static int open_unnamed(tf::native_dir_type dir, const tf::native_char* path, tf::native_handle_type& h) noexcept
    {
        ++calls;
        if (refuse || dir != tf::no_native_dir)
            return -tf::native_error_exists - 1; // any error but "exists": the fallback
        try {
#if BOOST_TEMPFILE_TEST_WINDOWS
            const std::wstring name = std::wstring(path) + L"\\own-unnamed";
            HANDLE r = ::CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE | DELETE, 0, nullptr, CREATE_NEW,
                                     FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
            if (r == INVALID_HANDLE_VALUE)
                return -static_cast<int>(::GetLastError());
#else
            const std::string name = std::string(path) + "/own-unnamed";
            int r = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (r < 0)
                return -errno;
            ::unlink(name.c_str());
#endif
            h = given = r;
            return 0;
        } catch (...) {
            return -tf::native_error_exists - 1;
        }
    }
    static int try_create(tf::native_dir_type dir, const tf::native_char* name, tf::native_handle_type& h) noexcept
    {
        return tf::exclusive_file<>::try_create(dir, name, h);
    }
};

} // namespace

// A user's creation policy with an open_unnamed of its own: the handle it gives is the
// object's, as it is, and nothing is left when the object goes; when it fails, try_create
// makes the file instead (then unlinked at once: nothing is left either).
BOOST_AUTO_TEST_CASE_TEMPLATE(a_users_open_unnamed_gives_the_objects_handle, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_anonymous_options<CharT> o;
    o.dir = s.dir;
    own_unnamed::calls = 0;
    own_unnamed::refuse = false;
    {
        tf::basic_temp_file<CharT, own_unnamed> f(o);
        BOOST_TEST(own_unnamed::calls == 1);
        BOOST_TEST((f.native_handle() == own_unnamed::given));
        f.write("mine");
        BOOST_TEST(test::contents(f) == "mine");
    }
    BOOST_TEST(s.entries().empty());
    own_unnamed::refuse = true;
    {
        tf::basic_temp_file<CharT, own_unnamed> f(o);
        BOOST_TEST(own_unnamed::calls == 2);
        BOOST_TEST(f.is_open());
        f.write("fallback");
        BOOST_TEST(test::contents(f) == "fallback");
    }
    BOOST_TEST(s.entries().empty());
}

// A wide object gives its name back in wchar_t: a name made in a directory whose name is not
// UTF-8 could not be, so it is refused (illegal_byte_sequence), and what was made removed.
BOOST_TEST_DECORATOR(*test::posix_only("a directory name that is not UTF-8 (Windows names are UTF-16)"))
BOOST_AUTO_TEST_CASE(a_wide_object_refuses_a_directory_whose_name_is_not_utf8)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    const boost::filesystem::path bad = s.dir / std::string("\xff\xfe");
    boost::filesystem::create_directory(bad);
    boost::system::error_code ec;
    tf::wnamed_temporary_file f(test::file_in<wchar_t>(bad), ec);
    BOOST_TEST(ec == boost::system::errc::illegal_byte_sequence);
    BOOST_TEST(!f.is_open());
    BOOST_TEST(boost::filesystem::is_empty(bad));
#endif
}

// A naming policy's names are checked as a prefix or suffix is: a separator or a NUL, ".",
// ".." or nothing at all (with no prefix or suffix around it), and a name longer than a
// component may be, are refused at once (invalid_argument / filename_too_long, naming the
// path), without drawing another name, and nothing is created.
BOOST_AUTO_TEST_CASE_TEMPLATE(invalid_names_from_a_naming_policy_are_refused, CharT, test::char_types)
{
    test::scratch s;
    auto fo = test::file_in<CharT>(s.dir);
    fo.prefix = std::basic_string<CharT>();
    auto dop = test::dir_in<CharT>(s.dir);
    dop.prefix = std::basic_string<CharT>();
    using boost::system::errc::invalid_argument;
    using boost::system::errc::filename_too_long;
    const std::pair<std::string, boost::system::errc::errc_t> cases[] = {
        {"a/b", invalid_argument}, {std::string("a\0b", 3), invalid_argument}, {".", invalid_argument},
        {"..", invalid_argument},  {"", invalid_argument},                    {std::string(600, 'n'), filename_too_long}};
    for (const auto& c : cases) {
        given_name::name = c.first;
        given_name::drawn = 0;
        boost::system::error_code ec;
        tf::basic_temp_file<CharT, given_name> f(fo, ec);
        BOOST_TEST(ec == c.second, "name \"" << c.first.substr(0, 8) << "\": " << ec.message());
        BOOST_TEST(!f.is_open());
        tf::basic_temp_dir<CharT, given_name> d(dop, ec);
        BOOST_TEST(ec == c.second, "name \"" << c.first.substr(0, 8) << "\": " << ec.message());
        BOOST_TEST(!d.exists());
        try {
            tf::basic_temp_dir<CharT, given_name> e(dop);
            BOOST_ERROR("no exception");
        } catch (const boost::filesystem::filesystem_error& e) {
            BOOST_TEST(e.code() == c.second);
            BOOST_TEST(e.path1().string().compare(0, s.dir.string().size(), s.dir.string()) == 0);
        }
        BOOST_TEST(given_name::drawn == 3); // one name each: never a second one
        BOOST_TEST(s.entries().empty());
    }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(collision_with_file_and_directory_moves_on, CharT, test::char_types)
{
    test::scratch s;
    test::write_file((s.dir / "pn0").string());  // a file
    test::fs::create_directory(s.dir / "pn1"); // a directory
    sequence_names::next = 0;
    sequence_names::drawn = 0;
    auto o = test::file_in<CharT>(s.dir);
    o.prefix = lit<CharT>("p");
    tf::basic_temp_file<CharT, sequence_names, tf::keep> f(o);
    BOOST_TEST(f.path() == s.dir / "pn2");
    BOOST_TEST(sequence_names::drawn == 3);

    sequence_names::next = 0;
    auto d = test::dir_in<CharT>(s.dir);
    d.prefix = lit<CharT>("p");
    tf::basic_temp_dir<CharT, sequence_names> t(d);
    BOOST_TEST(t.path() == s.dir / "pn3");
}

// Exhaustion is counted in attempts (names drawn), not in time: no wall-clock assertion.
BOOST_AUTO_TEST_CASE_TEMPLATE(exhaustion_is_file_exists_after_the_bounded_attempts, CharT, test::char_types)
{
    test::scratch s;
    test::write_file((s.dir / "tmpsame").string());
    auto o = test::file_in<CharT>(s.dir);
    same_name::drawn = 0;
    boost::system::error_code ec;
    tf::basic_temp_file<CharT, same_name> f(o, ec);
    BOOST_TEST(ec == boost::system::errc::file_exists);
    BOOST_TEST(!f.is_open());
    BOOST_TEST(same_name::drawn == 20); // Python main's TMP_MAX
    BOOST_CHECK_THROW((tf::basic_temp_file<CharT, same_name>(o)), boost::filesystem::filesystem_error);

    same_name::drawn = 0;
    tf::basic_temp_file<CharT, three_attempts> g(o, ec);
    BOOST_TEST(ec == boost::system::errc::file_exists);
    BOOST_TEST(same_name::drawn == 3); // the naming policy's own bound

    same_name::drawn = 0;
    tf::basic_temp_file<CharT, same_name, tf::exclusive_file<5>> h(o, ec);
    BOOST_TEST(ec == boost::system::errc::file_exists);
    BOOST_TEST(same_name::drawn == 5); // the creation policy's parameter
    BOOST_TEST(s.entries().size() == 1u);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(only_eexist_retries, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir / "missing");
    sequence_names::drawn = 0;
    boost::system::error_code ec;
    tf::basic_temp_file<CharT, sequence_names> f(o, ec);
    BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    BOOST_TEST(sequence_names::drawn == 1);
}

BOOST_TEST_DECORATOR(*test::posix_only("symlink(); on Windows test_windows plants links"))
BOOST_AUTO_TEST_CASE_TEMPLATE(planted_symlink_is_not_followed, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    std::string target = (s.dir / "target").string();
    BOOST_REQUIRE(::symlink(target.c_str(), (s.dir / "tmpn0").c_str()) == 0);
    sequence_names::next = 0;
    auto o = test::file_in<CharT>(s.dir);
    {
        tf::basic_temp_file<CharT, sequence_names> f(o);
        f.write("secret");
        BOOST_TEST(f.path() == s.dir / "tmpn1");
    }
    BOOST_TEST(!test::exists(target)); // nothing was created through the link
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("permission bits and umask"))
BOOST_AUTO_TEST_CASE_TEMPLATE(modes_are_exact_under_a_permissive_umask, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    for (::mode_t m : {0000, 0022, 0077}) {
        test::umask_guard um(m);
        auto o = test::file_in<CharT>(s.dir);
        tf::basic_temp_file<CharT> f(o);
        BOOST_TEST(test::mode_of(f.path().string()) == 0600u);
        auto d = test::dir_in<CharT>(s.dir);
        tf::basic_temp_dir<CharT> t(d);
        BOOST_TEST(test::mode_of(t.path().string()) == 0700u);
    }
#endif
}

BOOST_TEST_DECORATOR(*test::posix_only("O_TMPFILE, an inode without a name; on Windows a temporary_file is a delete-on-close entry (test_windows)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(anonymous_file_has_no_directory_entry, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    auto o = test::anonymous_in<CharT>(s.dir);
    tf::basic_temp_file<CharT, tf::anonymous_file<>> f(o);
    BOOST_TEST(f.is_open());
    BOOST_TEST(s.entries().empty());
    BOOST_TEST((::fcntl(f.native_handle(), F_GETFD) & FD_CLOEXEC) != 0);
    struct stat st;
    BOOST_TEST(::fstat(f.native_handle(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    BOOST_TEST(st.st_nlink == 0u);
    f.write("data");
    f.seek(0);
    char buf[8];
    BOOST_TEST(f.read(buf, sizeof buf) == 4u);
#endif
}

BOOST_AUTO_TEST_CASE(anonymous_file_falls_back_where_o_tmpfile_is_refused, *test::posix_only("the O_TMPFILE fallback"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    // O_TMPFILE needs a directory; a directory on a file system without support gives
    // EOPNOTSUPP. Simulate by asking for the fallback path directly: the exclusive create
    // then unlink leaves no entry behind.
    test::scratch s;
    auto o = test::anonymous_in<char>(s.dir);
    bool saved = tf::detail::tmpfile_supported().exchange(false);
    {
        tf::temporary_file f(o);
        BOOST_TEST(f.is_open());
        BOOST_TEST(s.entries().empty());
        struct stat st;
        BOOST_TEST(::fstat(f.native_handle(), &st) == 0);
        BOOST_TEST(st.st_nlink == 0u);
    }
    tf::detail::tmpfile_supported().store(saved);
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(failed_creation_leaks_nothing, CharT, test::char_types)
{
    test::scratch s;
    int before = test::open_fds();
    for (int i = 0; i < 5; ++i) {
        boost::system::error_code ec;
        auto o = test::file_in<CharT>(s.dir / "missing");
        tf::basic_temp_file<CharT> f(o, ec);
        BOOST_TEST(!!ec);
        auto a = test::anonymous_in<CharT>(s.dir / "missing");
        tf::basic_temp_file<CharT, tf::anonymous_file<>> g(a, ec);
        BOOST_TEST(!!ec);
        auto d = test::dir_in<CharT>(s.dir / "missing");
        tf::basic_temp_dir<CharT> t(d, ec);
        BOOST_TEST(!!ec);
    }
    BOOST_TEST(test::open_fds() == before);
    BOOST_TEST(s.entries().empty());
}

// name_only outside mktemp: one attempt looks at the name (lstat; Windows GetFileAttributesW);
// an existing entry (a directory, a dangling symlink too) is native_error_exists, a free name
// is success and nothing is created, other errors fail.
BOOST_AUTO_TEST_CASE(name_only_checks_the_name_and_creates_nothing)
{
    test::scratch s;
    using policy = tf::name_only<>;
    BOOST_TEST(test::put_file((s.dir / "file").string(), "x"));
    BOOST_TEST(boost::filesystem::create_directory(s.dir / "dir"));
    tf::native_handle_type none = tf::invalid_native_handle; // name_only opens nothing
    BOOST_TEST(policy::try_create(tf::no_native_dir, (s.dir / "file").c_str(), none) == -tf::native_error_exists);
    BOOST_TEST(policy::try_create(tf::no_native_dir, (s.dir / "dir").c_str(), none) == -tf::native_error_exists);
    BOOST_TEST(policy::try_create(tf::no_native_dir, (s.dir / "free").c_str(), none) == 0);
    BOOST_TEST((none == tf::invalid_native_handle));
#if BOOST_TEMPFILE_TEST_POSIX
    BOOST_TEST(::symlink("nowhere", (s.dir / "dangling").c_str()) == 0);
    BOOST_TEST(policy::try_create(tf::no_native_dir, (s.dir / "dangling").c_str(), none) == -EEXIST);
    BOOST_TEST(policy::try_create(tf::no_native_dir, (s.dir / "file" / "below").c_str(), none) == -ENOTDIR);
    int dfd = ::open(s.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    BOOST_TEST(policy::try_create(dfd, "file", none) == -EEXIST); // relative to a held directory
    BOOST_TEST(policy::try_create(dfd, "free", none) == 0);
    ::close(dfd);
    BOOST_TEST(s.entries().size() == 3u);
#else
    BOOST_TEST(s.entries().size() == 2u);
#endif
}

// Windows never creates relative to a held directory (names are absolute there: open_dir_pin
// fails), so the library's creation policies refuse one, ERROR_NOT_SUPPORTED, whatever has the
// name: nothing is created, neither in the directory nor, by the bare name, in the current
// directory, and nothing is looked at ("file" exists, "new" does not: the same answer).
BOOST_TEST_DECORATOR(*test::windows_only("names are absolute on Windows"))
BOOST_AUTO_TEST_CASE(the_creation_policies_refuse_a_held_directory_on_windows)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    test::scratch s, cwd;
    BOOST_TEST(test::put_file((s.dir / "file").string(), "x"));
    HANDLE d = ::CreateFileW(s.dir.c_str(), FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                             nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    BOOST_TEST_REQUIRE(d != INVALID_HANDLE_VALUE);
    std::wstring old(MAX_PATH + 1, L'\0');
    old.resize(::GetCurrentDirectoryW(static_cast<DWORD>(old.size()), &old[0]));
    BOOST_TEST_REQUIRE(::SetCurrentDirectoryW(cwd.dir.c_str())); // where a bare name would go
    const int refused = -static_cast<int>(ERROR_NOT_SUPPORTED);
    tf::native_handle_type h = tf::invalid_native_handle;
    for (const wchar_t* name : {L"new", L"file"}) {
        BOOST_TEST(tf::exclusive_file<>::try_create(d, name, h) == refused);
        BOOST_TEST(tf::exclusive_file<>::try_create_delete_on_close(d, name, h) == refused);
        BOOST_TEST(tf::anonymous_file<>::try_create(d, name, h) == refused);
        BOOST_TEST(tf::anonymous_file<>::try_create_delete_on_close(d, name, h) == refused);
        BOOST_TEST(tf::exclusive_dir<>::try_create(d, name, h) == refused);
        BOOST_TEST(tf::name_only<>::try_create(d, name, h) == refused);
    }
    BOOST_TEST((h == tf::invalid_native_handle));
    ::SetCurrentDirectoryW(old.c_str());
    ::CloseHandle(d);
    BOOST_TEST(s.entries() == std::vector<std::string>{"file"});
    BOOST_TEST(cwd.entries().empty());
#endif
}
