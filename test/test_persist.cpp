// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// persist() and persist_noclobber(): atomic rename into place, after which nothing deletes
// the file; an existing target (noclobber) or any failure leaves the object owning its file;
// the durable variants; relative targets; wide names; the identity check around the rename
// (POSIX): a name that leads to another file is not published, a swap during the rename is
// reported.

#define BOOST_TEST_MODULE persist
#define BOOST_TEMPFILE_TEST_HOOKS // detail::test_hook<F>()
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;
using test::lit;
using test::narrow;

namespace {

using test::contents;
using test::file_contents;

struct cwd_guard
{
    fs::path old = fs::current_path();
    explicit cwd_guard(const fs::path& p) { fs::current_path(p); }
    ~cwd_guard()
    {
        boost::system::error_code ec;
        fs::current_path(old, ec);
    }
};

} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(persist_renames_into_place_and_nothing_deletes_it, CharT, test::char_types)
{
    test::scratch s;
    fs::path target = s.dir / "document.txt";
    std::string temp;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        temp = narrow(f.name());
        f.stream() << "saved"; // pending stream output goes first
        f.persist(target);
        BOOST_TEST(!test::exists(temp));
        BOOST_TEST(f.path() == target);
        BOOST_TEST(narrow(f.name()) == target.string());
        BOOST_TEST(file_contents(target.string()) == "saved");
        BOOST_TEST(f.is_open()); // the descriptor stays open
        f.write("!");
        f.close();
        BOOST_TEST(test::exists(target.string())); // close() does not delete it
    }
    BOOST_TEST(file_contents(target.string()) == "saved!"); // nor the destructor
    BOOST_TEST(s.entries().size() == 1u);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(persist_replaces_an_existing_target, CharT, test::char_types)
{
    test::scratch s;
    fs::path target = s.dir / "doc";
    BOOST_TEST_REQUIRE(test::put_file(target.string(), "old contents"));
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.write("new");
    boost::system::error_code ec;
    f.persist(target, ec);
    BOOST_TEST(!ec);
    BOOST_TEST(file_contents(target.string()) == "new");
    BOOST_TEST(s.entries().size() == 1u);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(persist_noclobber_refuses_an_existing_target, CharT, test::char_types)
{
    test::scratch s;
    fs::path target = s.dir / "doc";
    BOOST_TEST_REQUIRE(test::put_file(target.string(), "old"));
    std::string temp;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        temp = narrow(f.name());
        f.write("new");
        boost::system::error_code ec;
        f.persist_noclobber(target, ec);
        BOOST_TEST(ec == boost::system::errc::file_exists);
        BOOST_CHECK_THROW(f.persist_noclobber(target), boost::filesystem::filesystem_error);
        BOOST_TEST(file_contents(target.string()) == "old"); // both intact
        BOOST_TEST(file_contents(temp) == "new");
        BOOST_TEST(narrow(f.name()) == temp); // the object still owns its file
        f.persist_noclobber(s.dir / "free");
        BOOST_TEST(file_contents((s.dir / "free").string()) == "new");
        BOOST_TEST(!test::exists(temp));
    }
    BOOST_TEST(test::exists((s.dir / "free").string()));
    BOOST_TEST(s.entries().size() == 2u);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(failed_persist_keeps_ownership, CharT, test::char_types)
{
    test::scratch s;
    std::string temp;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        temp = narrow(f.name());
        boost::system::error_code ec;
        f.persist(s.dir / "missing" / "doc", ec);
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
        try {
            f.persist(s.dir / "missing" / "doc");
            BOOST_TEST(false);
        } catch (const boost::filesystem::filesystem_error& e) {
            BOOST_TEST(e.path1().string() == temp);
            BOOST_TEST(e.path2() == s.dir / "missing" / "doc");
        }
        f.persist(s.dir, ec); // a directory: EISDIR
        BOOST_TEST(!!ec);
        BOOST_TEST(narrow(f.name()) == temp);
        BOOST_TEST(test::exists(temp));
    }
    BOOST_TEST(!test::exists(temp)); // still deleted as a temporary
    BOOST_TEST(s.entries().empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(persist_after_close, CharT, test::char_types)
{
    test::scratch s;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir)); // delete_on_close: gone at close()
        f.close();
        boost::system::error_code ec;
        f.persist(s.dir / "doc", ec);
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
    }
    {
        auto o = test::file_in<CharT>(s.dir);
        o.delete_on_close = false; // kept after close()
        tf::basic_temp_file<CharT> f(o);
        f.write("closed");
        f.close();
        f.persist(s.dir / "doc", tf::durability::durable); // fsync by name
        BOOST_TEST(file_contents((s.dir / "doc").string()) == "closed");
    }
    BOOST_TEST(test::exists((s.dir / "doc").string()));
    BOOST_TEST(s.entries().size() == 1u);
}

// What is checked before anything changes: the mode of the target (through a regular file:
// ENOTDIR), the closed file's name (removed by someone else: its mode cannot be set), a target
// a wide object could not give back (not UTF-8). Each is reported naming both paths, and the
// file stays where it was, private, the object's.
BOOST_TEST_DECORATOR(*test::posix_only("names that are not UTF-8, permission bits"))
BOOST_AUTO_TEST_CASE_TEMPLATE(publish_refused_before_anything_changes, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    namespace errc = boost::system::errc;
    test::scratch s;
    BOOST_REQUIRE(test::write_file((s.dir / "afile").string(), "other"));
    std::string name;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        name = f.path().string();
        const fs::path through = s.dir / "afile" / "doc";
        boost::system::error_code ec;
        f.persist(through, ec);
        BOOST_TEST(ec == errc::not_a_directory);
        try {
            f.persist_noclobber(through);
            BOOST_ERROR("no exception");
        } catch (const fs::filesystem_error& e) {
            BOOST_TEST(e.code() == errc::not_a_directory);
            BOOST_TEST(e.path1().string() == name);
            BOOST_TEST(e.path2() == through);
        }
        if constexpr (std::is_same<CharT, wchar_t>::value) {
            f.persist(fs::path(std::string("\xff\xfe.txt")), ec); // relative: the current directory's
            BOOST_TEST(ec == errc::illegal_byte_sequence);
        }
        BOOST_TEST(f.path().string() == name);
        BOOST_TEST(test::mode_of(name) == 0600u);
        BOOST_TEST(s.entries().size() == 2u);
    }
    BOOST_TEST(!test::exists(name));
    {
        auto o = test::file_in<CharT>(s.dir);
        o.delete_on_close = false;
        tf::basic_temp_file<CharT> f(o);
        f.close();
        BOOST_REQUIRE(::unlink(f.path().c_str()) == 0); // by someone else
        boost::system::error_code ec;
        f.persist(s.dir / "doc", tf::publish_mode(0644), ec);
        BOOST_TEST(ec == errc::no_such_file_or_directory);
        BOOST_TEST(!test::exists((s.dir / "doc").string()));
    }
    BOOST_TEST((s.entries() == std::vector<std::string>{"afile"}));
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(durable_variants, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.write("durable");
    boost::system::error_code ec;
    f.persist(s.dir / "a", tf::durability::durable, ec);
    BOOST_TEST(!ec);
    f.persist_noclobber(s.dir / "b", tf::durability::durable, ec); // persisted files may move again
    BOOST_TEST(!ec);
    BOOST_TEST(!test::exists((s.dir / "a").string()));
    BOOST_TEST(file_contents((s.dir / "b").string()) == "durable");
    f.persist_noclobber(s.dir / "b", tf::durability::durable, ec);
    BOOST_TEST(ec == boost::system::errc::file_exists);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(relative_target_becomes_absolute, CharT, test::char_types)
{
    test::scratch s;
    cwd_guard cwd(s.dir);
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.persist("rel.txt");
    BOOST_TEST(f.path().is_absolute());
    BOOST_TEST(narrow(f.name()) == (fs::current_path() / "rel.txt").string());
    BOOST_TEST(test::exists((s.dir / "rel.txt").string()));
}

BOOST_AUTO_TEST_CASE(wide_target)
{
    test::scratch s;
    fs::path target = tf::utf8_path(s.dir.wstring() + lit<wchar_t>(test::separator.c_str()) + L"donn\u00e9es.txt");
    tf::wnamed_temporary_file f(test::file_in<wchar_t>(s.dir));
    f.persist(target);
    BOOST_TEST(narrow(f.name()) == s.dir.string() + test::separator + "donn\xc3\xa9" "es.txt");
    BOOST_TEST(test::exists(s.dir.string() + test::separator + "donn\xc3\xa9" "es.txt"));
}

BOOST_TEST_DECORATOR(*test::posix_only("fork"))
BOOST_AUTO_TEST_CASE_TEMPLATE(persist_in_a_forked_child_keeps_the_parent_from_deleting, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    // The rename is the user's explicit act: whoever does it, the name it gets is not a
    // temporary any more. The parent's destructor then finds its own name gone: not an error.
    test::scratch s;
    std::string temp;
    {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        temp = narrow(f.name());
        int r = test::in_child([&] {
            f.persist(s.dir / "by-child");
            return 0;
        });
        BOOST_TEST(r == 0);
        BOOST_TEST(!test::exists(temp));
    }
    BOOST_TEST(test::exists((s.dir / "by-child").string()));
#endif
}

BOOST_AUTO_TEST_CASE(no_descriptor_leaked)
{
    test::scratch s;
    int before = test::open_fds();
    const auto o = test::file_in<char>(s.dir);
    for (int i = 0; i < 5; ++i) {
        tf::named_temporary_file f(o);
        boost::system::error_code ec;
        f.persist(s.dir / "missing" / "x", tf::durability::durable, ec);
        f.persist(s.dir / ("p" + std::to_string(i)), tf::durability::durable);
        f.close();
        f.persist_noclobber(s.dir / ("q" + std::to_string(i)), tf::durability::durable);
    }
    BOOST_TEST(test::open_fds() == before);
    BOOST_TEST(s.entries().size() == 5u);
}

// The published mode: by default the replaced target's, the umask's for a new name; or asked
// for. Set on the file before the rename, closed or open.
BOOST_TEST_DECORATOR(*test::posix_only("permission bits (publish_mode) and umask"))
BOOST_AUTO_TEST_CASE_TEMPLATE(published_mode, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    test::umask_guard um(027);
    const std::string doc = (s.dir / "app.conf").string();
    auto save = [&](auto... how) {
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.stream() << "new";
        f.persist(doc, how...);
        return test::mode_of(doc);
    };
    BOOST_TEST(test::put_file(doc, "old"));
    BOOST_TEST(::chmod(doc.c_str(), 0644) == 0);
    BOOST_TEST(save() == 0644u); // the target's mode, not the temporary's 0600
    BOOST_TEST(::chmod(doc.c_str(), 0604) == 0);
    BOOST_TEST(save(tf::durability::durable) == 0604u);
    BOOST_TEST(save(tf::publish_mode::like_target()) == 0604u);
    BOOST_TEST(save(tf::publish_mode::umask_default()) == 0640u);
    BOOST_TEST(save(tf::publish_mode::as_created()) == 0600u);
    BOOST_TEST(save(tf::publish_mode(0664), tf::durability::durable) == 0664u);
    BOOST_TEST(file_contents(doc) == "new");
    BOOST_TEST(::unlink(doc.c_str()) == 0);
    BOOST_TEST(save() == 0640u); // a new name: 0666 & ~umask

    // persist_noclobber, error_code forms, and a file closed before it is published.
    auto o = test::file_in<CharT>(s.dir);
    o.delete_on_close = false;
    tf::basic_temp_file<CharT> f(o);
    f.close();
    boost::system::error_code ec;
    f.persist_noclobber(s.dir / "fresh", tf::publish_mode(0611), ec);
    BOOST_TEST(!ec);
    BOOST_TEST(test::mode_of((s.dir / "fresh").string()) == 0611u);
    f.persist(doc, tf::publish_mode::like_target(), tf::durability::durable, ec);
    BOOST_TEST(!ec);
    BOOST_TEST(test::mode_of(doc) == 0640u);
#endif
}

// --- the identity check around the rename (POSIX; doc/security.adoc#persist) ------------------
// Another user may rename names in a directory that is writable to them and has no sticky
// bit. These tests play that user, in the scratch directory.

namespace {
// f.persist(target) or f.persist_noclobber(target): the code and the message of the
// filesystem_error it throws (none: an empty code).
template <class File>
std::pair<boost::system::error_code, std::string> persist_error(File& f, const fs::path& target, bool noclobber)
{
    try {
        if (noclobber)
            f.persist_noclobber(target);
        else
            f.persist(target);
    } catch (const fs::filesystem_error& e) {
        return {e.code(), e.what()};
    }
    return {};
}

// Renames a name as another process would.
bool rename_name(const std::string& from, const std::string& to)
{
#if BOOST_TEMPFILE_TEST_WINDOWS
    return ::MoveFileW(test::widen(from).c_str(), test::widen(to).c_str()) != 0;
#else
    return ::rename(from.c_str(), to.c_str()) == 0;
#endif
}
} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(a_name_that_leads_to_another_file_is_not_published, CharT, test::char_types)
{
    // Windows: the object is a delete-on-close file, compared with what its name leads to
    // before it is linked there (issue 22, defect 1).
    for (bool noclobber : {false, true}) {
        test::scratch s;
        const fs::path target = s.dir / "published.txt";
        tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
        f.write("ours");
        const std::string temp = narrow(f.name()), moved = (s.dir / "moved").string();
        BOOST_REQUIRE(rename_name(temp, moved));                    // ours moved away...
        BOOST_REQUIRE(test::write_file(temp, "theirs"));            // ...and another file put there
        auto [ec, message] = persist_error(f, target, noclobber);
        BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
        BOOST_TEST(!test::exists(target.string()));   // nothing published
        BOOST_TEST(file_contents(temp) == "theirs");   // theirs where it was
        BOOST_TEST(file_contents(moved) == "ours");
        BOOST_TEST(message.find("leads to another file now") != std::string::npos, message);
        BOOST_TEST(f.is_open());
        BOOST_TEST(f.path().string() == temp);
        f.close(); // the name is not this file's any more: close() and the destructor leave it
        BOOST_TEST(file_contents(temp) == "theirs");
    }
}

namespace {
// The swap, between publish's check of the old name and its rename: ours moved to
// "<name>.moved", another file ("theirs") put under the name.
#if BOOST_TEMPFILE_TEST_WINDOWS
void swap_during_rename(const wchar_t* from_w, const wchar_t*)
{
    const std::string from = narrow(std::wstring(from_w));
#else
void swap_during_rename(const char* from, const char*)
{
#endif
    const std::string moved = std::string(from) + ".moved";
    if (rename_name(from, moved))
        test::write_file(from, "theirs");
}

struct publish_hook_guard
{
    publish_hook_guard() { tf::detail::test_hook<tf::detail::publish_hook>() = swap_during_rename; }
    ~publish_hook_guard() { tf::detail::test_hook<tf::detail::publish_hook>() = nullptr; }
};
} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(a_swap_during_the_rename_is_reported, CharT, test::char_types)
{
    for (bool noclobber : {false, true}) {
        test::scratch s;
        const fs::path target = s.dir / "published.txt";
        std::string temp;
        {
            tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
            f.write("ours");
            temp = narrow(f.name());
            publish_hook_guard h;
            auto [ec, message] = persist_error(f, target, noclobber);
            tf::detail::test_hook<tf::detail::publish_hook>() = nullptr;
            BOOST_TEST(ec == boost::system::errc::no_such_file_or_directory);
            BOOST_TEST(file_contents(temp + ".moved") == "ours"); // ours, wherever it was taken
            BOOST_TEST(f.is_open());
#if BOOST_TEMPFILE_TEST_WINDOWS
            // A delete-on-close file is published through a hard link to its name, checked
            // before the rename: the link to their file is taken back, nothing changed.
            BOOST_TEST(message.find("leads to another file now") != std::string::npos, message);
            BOOST_TEST(!test::exists(target.string()));
            BOOST_TEST(file_contents(temp) == "theirs");
#elif BOOST_TEMPFILE_DETAIL_HAS_RENAMEAT2 || BOOST_TEMPFILE_DETAIL_HAS_RENAMEATX_NP
            // One rename: theirs went to the target before the check after it could see it.
            // Reported (the message says so); not undone: the target now names their file.
            BOOST_TEST(message.find("taken over during the rename") != std::string::npos, message);
            BOOST_TEST(file_contents(target.string()) == "theirs");
            BOOST_TEST(!test::exists(temp));
#else
            if (noclobber) { // link + unlink: the link to their file is taken back, nothing changed
                BOOST_TEST(message.find("leads to another file now") != std::string::npos, message);
                BOOST_TEST(!test::exists(target.string()));
                BOOST_TEST(file_contents(temp) == "theirs");
            } else {
                BOOST_TEST(message.find("taken over during the rename") != std::string::npos, message);
                BOOST_TEST(file_contents(target.string()) == "theirs");
            }
#endif
        }
        // The object let go of the old name: its destruction removed nothing by it. (On
        // Windows its own file goes with its delete-on-close handle, wherever it was moved;
        // Wine deletes by the name the handle was opened by, so leaves it.)
        if (!BOOST_TEMPFILE_TEST_WINDOWS)
            BOOST_TEST(file_contents(temp + ".moved") == "ours");
        BOOST_TEST(file_contents(test::exists(target.string()) ? target.string() : temp) == "theirs");
    }
}

// persist() onto a symlink replaces the link (rename never writes through it); the default
// mode is that of the file the link names, which stays as it was.
BOOST_TEST_DECORATOR(*test::posix_only("symlink()"))
BOOST_AUTO_TEST_CASE_TEMPLATE(persist_replaces_a_symlink, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    const std::string real = (s.dir / "real").string(), link = (s.dir / "link").string();
    BOOST_TEST(test::put_file(real, "real"));
    BOOST_TEST(::chmod(real.c_str(), 0640) == 0);
    BOOST_TEST(::symlink("real", link.c_str()) == 0);
    tf::basic_temp_file<CharT> f(test::file_in<CharT>(s.dir));
    f.write("new");
    f.persist(link);
    struct stat st;
    BOOST_TEST(::lstat(link.c_str(), &st) == 0);
    BOOST_TEST(S_ISREG(st.st_mode));
    BOOST_TEST((st.st_mode & 07777) == 0640u);
    BOOST_TEST(file_contents(real) == "real");
    BOOST_TEST(file_contents(link) == "new");
#endif
}

// rename(2) cannot cross file systems: EXDEV, and the object keeps its file, nothing copied.
BOOST_AUTO_TEST_CASE(persist_cannot_cross_file_systems,
                     *test::needs_small_fs("a second file system: a tmpfs in a private mount namespace"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    const fs::path other = s.dir / "other";
    BOOST_TEST_REQUIRE(fs::create_directory(other));
    int r = test::on_small_fs(other, 65536, [&] {
        tf::named_temporary_file f(test::file_in<char>(s.dir));
        f.write("data");
        boost::system::error_code ec;
        f.persist(other / "doc", ec);
        if (ec != boost::system::errc::cross_device_link)
            return 1;
        return test::exists(f.name()) && !test::exists((other / "doc").string()) ? 0 : 2;
    });
    BOOST_TEST(r == 0);
#endif
}

// A publish that fails leaves the file as it was: under its temporary name, still 0600 (the
// published mode is set before the rename or link, and put back when that fails). Each
// publishing call, each way it fails: the target exists (persist_noclobber, link), another
// file system (EXDEV), the temporary name leads to another file (the identity check).
#if BOOST_TEMPFILE_TEST_POSIX
namespace {
enum class publish_call { persist, persist_noclobber, link };
enum class publish_failure { exists, cross_device, identity };

// 0 if the publish failed as expected and left the mode 0600; 1 if it did not fail with the
// expected error; 2 if the file's mode changed.
template <class CharT>
int failed_publish_mode(publish_call call, publish_failure kind, const fs::path& dir, const fs::path& target_dir)
{
    const fs::path target = target_dir / "published";
    if (kind == publish_failure::exists && !test::put_file(target.string(), "theirs", 0644))
        return 3;
    const tf::publish_mode mode(0644);
    boost::system::error_code ec;
    int fd = -1;
    std::unique_ptr<tf::basic_temp_file<CharT>> named;
    std::unique_ptr<tf::basic_temp_file<CharT, tf::anonymous_file<>>> anonymous;
    if (call == publish_call::link) {
        anonymous.reset(new tf::basic_temp_file<CharT, tf::anonymous_file<>>(test::anonymous_in<CharT>(dir)));
        fd = anonymous->native_handle();
        anonymous->link(target, mode, ec);
    } else {
        named.reset(new tf::basic_temp_file<CharT>(test::file_in<CharT>(dir)));
        fd = named->native_handle();
        if (kind == publish_failure::identity) { // ours moved away, another file under its name
            const std::string temp = narrow(named->name());
            if (::rename(temp.c_str(), (dir / "moved").c_str()) != 0 || !test::put_file(temp, "theirs"))
                return 3;
        }
        if (call == publish_call::persist)
            named->persist(target, mode, ec);
        else
            named->persist_noclobber(target, mode, ec);
    }
    const boost::system::errc::errc_t expected = kind == publish_failure::exists
                                                     ? boost::system::errc::file_exists
                                                 : kind == publish_failure::cross_device
                                                     ? boost::system::errc::cross_device_link
                                                     : boost::system::errc::no_such_file_or_directory;
    if (ec != (call == publish_call::link ? test::link_error(expected) : expected))
        return 1;
    struct stat st;
    return ::fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0600 ? 0 : 2;
}

const publish_call all_calls[] = {publish_call::persist, publish_call::persist_noclobber, publish_call::link};
} // namespace
#endif

BOOST_TEST_DECORATOR(*test::posix_only("permission bits (publish_mode)"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_failed_publish_keeps_the_private_mode, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    for (publish_call call : all_calls) {
        for (publish_failure kind : {publish_failure::exists, publish_failure::identity}) {
            if ((call == publish_call::persist && kind == publish_failure::exists) || // replaces
                (call == publish_call::link && kind == publish_failure::identity))    // no name to check
                continue;
            test::scratch s;
            BOOST_TEST(failed_publish_mode<CharT>(call, kind, s.dir, s.dir) == 0,
                       "call " << int(call) << ", failure " << int(kind));
        }
    }
#endif
}

BOOST_TEST_DECORATOR(*test::needs_small_fs("a second file system: a tmpfs in a private mount namespace"))
BOOST_AUTO_TEST_CASE_TEMPLATE(a_failed_publish_across_file_systems_keeps_the_private_mode, CharT, test::char_types)
{
#if BOOST_TEMPFILE_TEST_POSIX
    for (publish_call call : all_calls) {
        test::scratch s;
        const fs::path other = s.dir / "other";
        BOOST_TEST_REQUIRE(fs::create_directory(other));
        int r = test::on_small_fs(other, 65536, [&] {
            return failed_publish_mode<CharT>(call, publish_failure::cross_device, s.dir, other);
        });
        BOOST_TEST(r == 0, "call " << int(call));
    }
#endif
}
