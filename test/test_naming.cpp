// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Naming policies: random_name's alphabet, length, per-thread engines and fork re-seeding;
// pattern_name's shape.

#define BOOST_TEST_MODULE naming
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/test_common.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <thread>

namespace tf = boost::tempfile;

namespace {
template <class CharT>
bool all_in(const std::basic_string<CharT>& s, const char* alphabet)
{
    for (CharT c : s)
        if (c == 0 || c > 127 || !std::strchr(alphabet, static_cast<char>(c)))
            return false;
    return true;
}
} // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(random_name_is_8_symbols_of_pythons_alphabet, CharT, test::char_types)
{
    tf::random_name<> n;
    std::set<std::basic_string<CharT>> seen;
    std::set<CharT> symbols;
    for (int i = 0; i < 2000; ++i) {
        auto s = n.template next_name<CharT>();
        BOOST_TEST(s.size() == 8u);
        BOOST_TEST(all_in(s, "abcdefghijklmnopqrstuvwxyz0123456789_"));
        seen.insert(s);
        symbols.insert(s.begin(), s.end());
    }
    BOOST_TEST(seen.size() == 2000u);
    BOOST_TEST(symbols.size() == 37u); // every symbol appears in 16000 draws
}

BOOST_AUTO_TEST_CASE(random_name_length_parameter)
{
    BOOST_TEST(tf::random_name<1>().next_name<char>().size() == 1u);
    BOOST_TEST(tf::random_name<20>().next_name<wchar_t>().size() == 20u);
    std::string s = tf::random_name<64>().next_name<char>();
    BOOST_TEST(s.size() == 64u);
    BOOST_TEST(all_in(s, "abcdefghijklmnopqrstuvwxyz0123456789_"));
}

BOOST_AUTO_TEST_CASE(threads_draw_different_names)
{
    std::vector<std::string> a, b;
    auto draw = [](std::vector<std::string>& out) {
        tf::random_name<> n;
        for (int i = 0; i < 500; ++i)
            out.push_back(n.next_name<char>());
    };
    std::thread t1(draw, std::ref(a)), t2(draw, std::ref(b));
    t1.join();
    t2.join();
    std::set<std::string> all(a.begin(), a.end());
    all.insert(b.begin(), b.end());
    BOOST_TEST(all.size() == 1000u);
}

BOOST_AUTO_TEST_CASE(forked_child_draws_names_the_parent_does_not, *test::posix_only("fork"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    tf::random_name<> n;
    (void)n.next_name<char>(); // the parent's engine is seeded before the fork
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    int r = test::in_child([&] { // 50 names of 8 bytes: well inside the pipe's buffer
        for (int i = 0; i < 50; ++i) {
            std::string s = n.next_name<char>();
            if (::write(fds[1], s.data(), 8) != 8)
                return 1;
        }
        return 0;
    });
    BOOST_TEST(r == 0);
    ::close(fds[1]);
    std::set<std::string> child;
    char buf[8];
    while (::read(fds[0], buf, 8) == 8)
        child.insert(std::string(buf, 8));
    ::close(fds[0]);
    BOOST_TEST(child.size() == 50u);
    std::size_t common = 0;
    for (int i = 0; i < 50; ++i)
        common += child.count(n.next_name<char>());
    BOOST_TEST(common == 0u);
#endif
}

struct build_model
{
    static constexpr const char* value = "build-%%%%-XXXX";
};

BOOST_AUTO_TEST_CASE_TEMPLATE(pattern_name_keeps_the_shape, CharT, test::char_types)
{
    tf::pattern_name<build_model> p;
    std::set<std::basic_string<CharT>> seen;
    for (int i = 0; i < 200; ++i) {
        auto s = p.template next_name<CharT>();
        BOOST_REQUIRE(s.size() == 15u);
        BOOST_TEST((s.substr(0, 6) == test::lit<CharT>("build-")));
        BOOST_TEST(all_in(s.substr(6, 4), "0123456789abcdef"));
        BOOST_TEST(s[10] == CharT('-'));
        BOOST_TEST(all_in(s.substr(11), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        seen.insert(s);
    }
    BOOST_TEST(seen.size() == 200u);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(pattern_name_in_a_file_object, CharT, test::char_types)
{
    test::scratch s;
    tf::basic_file_options<CharT> o;
    o.dir = s.dir;
    o.prefix = test::lit<CharT>("");
    tf::basic_temp_file<CharT, tf::pattern_name<build_model>> f(o);
    std::string leaf = f.path().filename().string();
    BOOST_TEST(leaf.size() == 15u);
    BOOST_TEST(leaf.compare(0, 6, "build-") == 0);
}

// thread_random: the calling thread's engine, seeded from the kernel: two threads, and a
// forked child and its parent, draw different numbers.
BOOST_AUTO_TEST_CASE(thread_random_is_per_thread_and_fork_aware, *test::posix_only("fork (and a pipe to the child)"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    std::uint64_t here[4], there[4];
    for (auto& v : here)
        v = tf::thread_random();
    std::thread t([&] {
        for (auto& v : there)
            v = tf::thread_random();
    });
    t.join();
    BOOST_TEST(!std::equal(std::begin(here), std::end(here), std::begin(there)));
    BOOST_TEST(std::set<std::uint64_t>(std::begin(here), std::end(here)).size() == 4u);
    int fds[2];
    BOOST_TEST_REQUIRE(::pipe(fds) == 0);
    const int r = test::in_child([&] {
        std::uint64_t v = tf::thread_random();
        return ::write(fds[1], &v, sizeof v) == static_cast<ssize_t>(sizeof v) ? 0 : 1;
    });
    std::uint64_t child = 0;
    BOOST_TEST(::read(fds[0], &child, sizeof child) == static_cast<ssize_t>(sizeof child));
    ::close(fds[0]);
    ::close(fds[1]);
    BOOST_TEST(r == 0);
    BOOST_TEST(child != tf::thread_random()); // the parent's next draw, which the child would repeat
#endif
}
