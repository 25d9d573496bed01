// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Hostile neighbours: symlinks and files planted at the names the library will try next (a
// naming policy with a known sequence makes the next candidate predictable, as a weak random
// source would), by the same user and by another user in a world-writable sticky directory;
// and a tree swapped for a symlink while it is being removed. Nothing outside the object's
// own name or tree may ever be touched.

#define BOOST_TEST_MODULE hostile
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#if BOOST_TEMPFILE_TEST_POSIX

#include <atomic>
#include <fstream>
#include <string>
#include <thread>

namespace tf = boost::tempfile;
using test::lit;
using test::narrow;

namespace {

// Names "p0", "p1", ...: the attacker knows the next candidate.
struct predictable : tf::naming_policy
{
    static inline int next = 0;
    template <class CharT>
    std::basic_string<CharT> next_name()
    {
        return lit<CharT>(("p" + std::to_string(next++)).c_str());
    }
};


} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(symlinks_planted_at_every_early_candidate, CharT, test::char_types)
{
    test::scratch s, outside;
    const std::string victim = (outside.dir / "victim").string();
    BOOST_TEST_REQUIRE(test::put_file(victim, "precious"));
    const std::string dangling = (outside.dir / "would-be-created").string();
    const std::string victim_dir = (outside.dir / "victim-dir").string();
    ::mkdir(victim_dir.c_str(), 0755);
    // tmpp0 -> victim file, tmpp1 -> a name that does not exist, tmpp2 -> a directory.
    BOOST_REQUIRE(::symlink(victim.c_str(), (s.dir / "tmpp0").c_str()) == 0);
    BOOST_REQUIRE(::symlink(dangling.c_str(), (s.dir / "tmpp1").c_str()) == 0);
    BOOST_REQUIRE(::symlink(victim_dir.c_str(), (s.dir / "tmpp2").c_str()) == 0);
    {
        predictable::next = 0;
        auto o = test::in<typename tf::basic_temp_file<CharT, predictable>::options_type>(s.dir);
        tf::basic_temp_file<CharT, predictable> f(o);
        BOOST_TEST(narrow(f.name()) == (s.dir / "tmpp3").string());
        f.write("attack", 6);
    }
    {
        predictable::next = 0;
        auto o = test::in<typename tf::basic_temp_dir<CharT, predictable>::options_type>(s.dir);
        tf::basic_temp_dir<CharT, predictable> d(o);
        BOOST_TEST(narrow(d.name()) == (s.dir / "tmpp3").string());
    }
    BOOST_TEST(test::file_contents(victim) == "precious");
    BOOST_TEST(!test::exists(dangling));
    BOOST_TEST(test::mode_of(victim_dir) == 0755u);
    BOOST_TEST(s.entries().size() == 3u); // the three symlinks, untouched
}

BOOST_AUTO_TEST_CASE(another_user_plants_at_the_next_candidate_in_a_sticky_directory)
{
    // A world-writable sticky directory (as /tmp): the attacker (nobody) plants a symlink to a
    // root-owned file and a file of its own at root's next candidates; root's creations must
    // neither follow nor open them, and the attacker cannot remove or enter root's objects.
    test::scratch s, secret;
    ::chmod(s.dir.c_str(), 01777);
    const std::string target = (secret.dir / "shadow").string();
    BOOST_TEST_REQUIRE(test::put_file(target, "root-only"));
    ::chmod(target.c_str(), 0600);
    const std::string planted_link = (s.dir / "tmpp0").string();
    const std::string planted_file = (s.dir / "tmpp1").string();
    int r = test::in_child(
        [&] {
            if (::symlink(target.c_str(), planted_link.c_str()) != 0)
                return 1;
            int fd = ::open(planted_file.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0666);
            if (fd < 0 || ::write(fd, "bait", 4) != 4)
                return 2;
            ::fchmod(fd, 0666); // even world-writable: root must still not take it
            ::close(fd);
            return 0;
        },
        true);
    BOOST_REQUIRE(r == 0);

    predictable::next = 0;
    tf::basic_temp_file<char, predictable> f(tf::file_options{"", std::nullopt, s.dir});
    BOOST_TEST(f.name() == (s.dir / "tmpp2").string());
    f.write("root data");
    predictable::next = 0;
    tf::basic_temp_dir<char, predictable> d(tf::dir_options{"", std::nullopt, s.dir});
    BOOST_TEST(d.name() == (s.dir / "tmpp3").string()); // p2 is root's file
    BOOST_TEST_REQUIRE(test::put_file(d.name() + "/inside", "x"));

    // The attacker now tries to remove, replace or enter root's objects.
    const std::string fname = f.name(), dname = d.name();
    r = test::in_child(
        [&] {
            int bad = 0;
            if (::unlink(fname.c_str()) == 0 || errno != EPERM)
                ++bad; // sticky: not its file
            if (::rename(planted_file.c_str(), fname.c_str()) == 0)
                ++bad; // cannot replace root's file with its own
            if (::rmdir(dname.c_str()) == 0)
                ++bad;
            if (::open((dname + "/inside").c_str(), O_RDONLY) >= 0 || errno != EACCES)
                ++bad; // 0700
            if (::open((dname + "/planted").c_str(), O_CREAT | O_WRONLY, 0600) >= 0)
                ++bad;
            return bad;
        },
        true);
    BOOST_TEST(r == 0);
    BOOST_TEST(test::mode_of(fname) == 0600u);
    BOOST_TEST(test::mode_of(dname) == 0700u);
    BOOST_TEST(test::file_contents(target) == "root-only");
    BOOST_TEST(test::file_contents(planted_file) == "bait");
    d.cleanup();
    f.close();
    BOOST_TEST(!test::exists(fname));
    BOOST_TEST(!test::exists(dname));
    BOOST_TEST(test::exists(planted_link)); // the attacker's entries are not ours to remove
    BOOST_TEST(test::exists(planted_file));
}

BOOST_AUTO_TEST_CASE(symlink_inside_a_tree_is_removed_not_followed)
{
    test::scratch s, outside;
    BOOST_TEST_REQUIRE(test::put_file((outside.dir / "keep-me").string(), "k"));
    {
        tf::temporary_directory d(tf::dir_options{"", std::nullopt, s.dir});
        ::symlink(outside.dir.c_str(), (d.name() + "/to-outside-dir").c_str());
        ::symlink((outside.dir / "keep-me").c_str(), (d.name() + "/to-outside-file").c_str());
    }
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::file_contents((outside.dir / "keep-me").string()) == "k");
}

BOOST_AUTO_TEST_CASE(tree_swapped_for_a_symlink_during_cleanup)
{
    // While a tree is being removed, a neighbour keeps swapping a subdirectory for a symlink to
    // a directory full of precious files. Whatever the interleaving, removal works through
    // descriptors and never reaches the precious files.
    test::scratch s, outside;
    const std::string precious_dir = (outside.dir / "precious").string();
    ::mkdir(precious_dir.c_str(), 0755);
    for (int i = 0; i < 20; ++i)
        BOOST_TEST_REQUIRE(test::put_file(precious_dir + "/file" + std::to_string(i), "p"));
    for (int round = 0; round < 40; ++round) {
        tf::temporary_directory d(tf::dir_options{"", std::nullopt, s.dir, false, true});
        const std::string sub = d.name() + "/sub", aside = d.name() + "/aside";
        ::mkdir(sub.c_str(), 0700);
        for (int i = 0; i < 50; ++i)
            BOOST_TEST_REQUIRE(test::put_file(sub + "/f" + std::to_string(i), "x"));
        std::atomic<bool> stop{false};
        std::thread attacker([&] {
            while (!stop.load()) {
                if (::rename(sub.c_str(), aside.c_str()) == 0)
                    ::symlink(precious_dir.c_str(), sub.c_str());
                ::unlink(sub.c_str());
                ::rename(aside.c_str(), sub.c_str());
            }
        });
        boost::system::error_code ec;
        d.cleanup(ec); // best effort (ignore_cleanup_errors): the attacker may win entries
        stop = true;
        attacker.join();
    }
    for (int i = 0; i < 20; ++i)
        BOOST_TEST(test::exists(precious_dir + "/file" + std::to_string(i)));
}

namespace {
std::string link_target(const std::string& p)
{
    char buf[4096];
    ssize_t n = ::readlink(p.c_str(), buf, sizeof buf);
    return n < 0 ? std::string("<not a symlink>") : std::string(buf, static_cast<std::size_t>(n));
}
} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(persist_onto_a_planted_symlink, CharT, test::char_types)
{
    // In a world-writable sticky directory (as /tmp) user nobody plants symlinks at the names
    // root will publish its file under: one to a file of root's, one to a name that does not
    // exist. persist_noclobber (and link() of an anonymous file) must refuse with file_exists,
    // without following; persist (which replaces) must replace the symlink itself, never write
    // through it.
    test::scratch s, outside;
    ::chmod(s.dir.c_str(), 01777);
    const std::string victim = (outside.dir / "victim").string();
    BOOST_TEST_REQUIRE(test::put_file(victim, "precious"));
    const std::string dangling = (outside.dir / "would-be-created").string();
    const std::string to_victim = (s.dir / "out-victim").string();
    const std::string to_nothing = (s.dir / "out-dangling").string();
    const std::string to_victim2 = (s.dir / "out-anonymous").string();
    int r = test::in_child(
        [&] {
            return ::symlink(victim.c_str(), to_victim.c_str()) == 0 &&
                           ::symlink(dangling.c_str(), to_nothing.c_str()) == 0 &&
                           ::symlink(victim.c_str(), to_victim2.c_str()) == 0
                       ? 0
                       : 1;
        },
        true);
    BOOST_REQUIRE(r == 0);
    const int fds = test::open_fds();
    for (const std::string& target : {to_victim, to_nothing}) {
        BOOST_TEST_CONTEXT(target)
        {
            const std::string pointed = link_target(target);
            auto o = test::file_in<CharT>(s.dir);
            tf::basic_temp_file<CharT> f(o);
            f.write("ours");
            const std::string mine = narrow(f.name());
            boost::system::error_code ec;
            f.persist_noclobber(target, ec);
            BOOST_TEST(ec == boost::system::errc::file_exists);
            bool thrown = false;
            try {
                f.persist_noclobber(target);
            } catch (const boost::filesystem::filesystem_error& e) {
                thrown = e.code() == boost::system::errc::file_exists;
            }
            BOOST_TEST(thrown);
            // Nothing followed, nothing clobbered; the temporary file is intact and still ours.
            BOOST_TEST(link_target(target) == pointed);
            BOOST_TEST(test::file_contents(victim) == "precious");
            BOOST_TEST(!test::exists(dangling));
            BOOST_TEST(narrow(f.name()) == mine);
            BOOST_TEST(test::file_contents(mine) == "ours");
            BOOST_TEST(test::contents(f) == "ours");

            // persist replaces the symlink itself by our file.
            f.persist(target);
            struct ::stat st, mine_st;
            BOOST_TEST(::lstat(target.c_str(), &st) == 0);
            BOOST_TEST(S_ISREG(st.st_mode));
            BOOST_TEST(::fstat(f.native_handle(), &mine_st) == 0);
            BOOST_TEST(st.st_ino == mine_st.st_ino);
            BOOST_TEST(test::file_contents(target) == "ours");
            BOOST_TEST(!test::exists(mine));
            BOOST_TEST(test::file_contents(victim) == "precious");
            BOOST_TEST(!test::exists(dangling));
        }
        BOOST_TEST(test::file_contents(target) == "ours"); // persisted: kept after destruction
        ::unlink(target.c_str());
    }
    {
        auto o = test::anonymous_in<CharT>(s.dir);
        tf::basic_temp_file<CharT, tf::anonymous_file<>> a(o);
        a.write("anonymous");
        boost::system::error_code ec;
        a.link(to_victim2, ec);
        BOOST_TEST(ec == test::link_error(boost::system::errc::file_exists));
        BOOST_TEST(link_target(to_victim2) == victim);
        BOOST_TEST(test::file_contents(victim) == "precious");
        BOOST_TEST(test::contents(a) == "anonymous");
    }
    BOOST_TEST(s.entries() == std::vector<std::string>{"out-anonymous"}); // the neighbour's, left
    BOOST_TEST(test::open_fds() == fds);
}

#else // the whole file needs POSIX

BOOST_AUTO_TEST_CASE(posix_only_file, *test::posix_only("5 cases: POSIX symlinks, another user (setuid nobody) and sticky world-writable directories; the Windows link case is in test_windows"))
{
}

#endif
