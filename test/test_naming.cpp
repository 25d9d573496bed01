// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Naming policies: random_name's alphabet, length, per-thread engines and fork re-seeding;
// pattern_name's shape.

#define BOOST_TEST_MODULE naming
#define BOOST_TEMPFILE_TEST_HOOKS // detail::csprng::seeds()
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <boost/random/mersenne_twister.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <thread>
#include <vector>

#if BOOST_TEMPFILE_TEST_POSIX
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

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

// ---- The default generator (detail/csprng.hpp): ChaCha20 keyed from the system.

namespace {
namespace csprng = boost::tempfile::detail::csprng;
// Block k of `csprng::blocks` from the counter given, as RFC 8439 prints a keystream (bytes, hex).
std::string keystream_hex(const std::uint32_t key[8], std::uint32_t counter, const std::uint32_t nonce[3], unsigned k)
{
    std::uint32_t out[csprng::refill_blocks * 16];
    csprng::blocks(key, counter, nonce, out);
    std::string s;
    char b[3];
    for (unsigned i = 0; i < 16; ++i)
        for (unsigned byte = 0; byte < 4; ++byte) {
            std::snprintf(b, sizeof b, "%02x", unsigned(out[16 * k + i] >> (8 * byte)) & 0xffu);
            s += b;
        }
    return s;
}
} // namespace

BOOST_AUTO_TEST_CASE(chacha20_blocks_match_rfc_8439)
{
    // section 2.3.2: key 00 01 .. 1f, block count 1, nonce 00 00 00 09 00 00 00 4a 00 00 00 00.
    std::uint32_t key[8];
    for (std::uint32_t i = 0; i < 8; ++i)
        key[i] = (4 * i) | ((4 * i + 1) << 8) | ((4 * i + 2) << 16) | ((4 * i + 3) << 24);
    const std::uint32_t nonce[3] = {0x09000000u, 0x4a000000u, 0};
    std::uint32_t out[csprng::refill_blocks * 16];
    csprng::blocks(key, 1, nonce, out);
    const std::uint32_t expected[16] = {0xe4e7f110u, 0x15593bd1u, 0x1fdd0f50u, 0xc47120a3u, 0xc7f4d1c7u, 0x0368c033u,
                                        0x9aaa2204u, 0x4e6cd4c3u, 0x466482d2u, 0x09aa9f07u, 0x05d7c214u, 0xa2028bd9u,
                                        0xd19c12b5u, 0xb94e16deu, 0xe883d0cbu, 0x4e3c50a2u};
    for (int i = 0; i < 16; ++i)
        BOOST_TEST(out[i] == expected[i]);

    // section A.1 test vectors #1 and #2: the all-zero key and nonce, block counters 0 and 1 (the
    // first two blocks of one call).
    const std::uint32_t zero[8] = {};
    BOOST_TEST(keystream_hex(zero, 0, zero, 0) ==
               "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
               "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586");
    BOOST_TEST(keystream_hex(zero, 0, zero, 1) ==
               "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
               "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f");

    // Every block of a call is the block of its own counter (across the 32-bit wrap, too).
    for (std::uint32_t counter : {0u, 1u, 0xfffffffcu})
        for (unsigned k = 1; k < csprng::refill_blocks; ++k)
            BOOST_TEST(keystream_hex(key, counter, nonce, k) == keystream_hex(key, counter + k, nonce, 0));
}

namespace {
// n values of the calling thread's generator, and how many keys this thread drew from the system.
std::vector<std::uint64_t> draw_values(std::size_t n, unsigned& seeds)
{
    std::vector<std::uint64_t> v;
    for (std::size_t i = 0; i < n; ++i)
        v.push_back(tf::thread_random());
    seeds = boost::tempfile::detail::csprng::seeds();
    return v;
}
constexpr std::size_t values = 3 * boost::tempfile::detail::csprng::words + 7; // several refills
} // namespace

BOOST_AUTO_TEST_CASE(two_threads_and_a_forked_child_never_share_a_buffer)
{
    // Every buffer is drawn from a key of its own: the main thread, two threads, and (POSIX) a
    // forked child that inherits the main thread's buffer and key half used, all draw several
    // buffers, and no 64-bit value comes twice. Each thread drew one 32-byte key from the
    // system, however many buffers it used; the child one more than its parent.
    std::vector<std::uint64_t> all;
    unsigned main_seeds = 0, seeds_a = 0, seeds_b = 0;
    auto mine = draw_values(values, main_seeds);
    all.insert(all.end(), mine.begin(), mine.end());
    std::vector<std::uint64_t> a, b;
    std::thread ta([&] { a = draw_values(values, seeds_a); });
    std::thread tb([&] { b = draw_values(values, seeds_b); });
    ta.join();
    tb.join();
    all.insert(all.end(), a.begin(), a.end());
    all.insert(all.end(), b.begin(), b.end());
    BOOST_TEST(main_seeds == 1u);
    BOOST_TEST(seeds_a == 1u);
    BOOST_TEST(seeds_b == 1u);
#if BOOST_TEMPFILE_TEST_POSIX
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    std::vector<std::uint64_t> child(values + 1);
    int r = test::in_child([&] { // about 1.5 KB: well inside the pipe's buffer
        unsigned seeds = 0;
        std::vector<std::uint64_t> v = draw_values(values, seeds);
        v.push_back(seeds);
        const std::size_t bytes = v.size() * sizeof v[0];
        return ::write(fds[1], v.data(), bytes) == static_cast<::ssize_t>(bytes) ? 0 : 1;
    });
    ::close(fds[1]);
    const std::size_t bytes = child.size() * sizeof child[0];
    BOOST_TEST(::read(fds[0], child.data(), bytes) == static_cast<::ssize_t>(bytes));
    ::close(fds[0]);
    BOOST_TEST(r == 0);
    BOOST_TEST(child.back() == 2u); // the main thread's key, then its own
    child.pop_back();
    all.insert(all.end(), child.begin(), child.end());
    auto after = draw_values(values, main_seeds); // the parent goes on with its own buffer
    all.insert(all.end(), after.begin(), after.end());
    BOOST_TEST(main_seeds == 1u);
#endif
    std::set<std::uint64_t> distinct(all.begin(), all.end());
    BOOST_TEST(distinct.size() == all.size());
}

BOOST_AUTO_TEST_CASE(a_users_engine_keeps_working)
{
    // random_name's Engine parameter: a Boost.Random engine, kept per thread and seeded from
    // the system; thread_random<Engine> draws from the same one.
    using mt = boost::random::mt19937_64;
    tf::random_name<10, mt> n;
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        std::string s = n.next_name<char>();
        BOOST_TEST(s.size() == 10u);
        BOOST_TEST(all_in(s, "abcdefghijklmnopqrstuvwxyz0123456789_"));
        seen.insert(s);
    }
    BOOST_TEST(seen.size() == 100u);
    BOOST_TEST(tf::thread_random<mt>() != tf::thread_random<mt>());
    static_assert(std::is_same_v<tf::random_name<>, tf::random_name<8, tf::secure_random>>);
    tf::secure_random e; // a UniformRandomBitGenerator
    BOOST_TEST(e() != e());
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
    auto o = test::file_in<CharT>(s.dir);
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

// A child made without the atfork handlers (a raw clone system call; glibc's _Fork is the
// same) is noticed through the MADV_WIPEONFORK page (Linux >= 4.14): its names are not its
// parent's next ones, and it does not remove its parent's objects (their owner is the parent,
// whose id the child no longer takes for its own).
BOOST_TEST_DECORATOR(*test::linux_only("a raw clone() child, noticed through MADV_WIPEONFORK; elsewhere only pthread_atfork (doc/security.adoc#fork-guard)"))
BOOST_AUTO_TEST_CASE(a_raw_clone_child_draws_other_names_and_removes_nothing_of_its_parent)
{
#if BOOST_TEMPFILE_TEST_LINUX_EXTENSIONS
    test::scratch s;
    tf::named_temporary_file f(test::file_in<char>(s.dir));
    tf::basic_temp_file<char, tf::remove_at_exit<>> g(test::file_in<char>(s.dir));
    const std::string fn = f.path().string(), gn = g.path().string();
    (void)tf::thread_random(); // the thread's key and buffer exist before the clone
    constexpr int n = 8;
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    const long pid = ::syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        std::uint64_t v[n];
        for (auto& x : v)
            x = tf::thread_random();
        const bool sent = ::write(fds[1], v, sizeof v) == static_cast<::ssize_t>(sizeof v);
        f.close();             // the parent's object: not removed by a child
        std::exit(sent ? 0 : 1); // nor by the exit-time sweep
    }
    ::close(fds[1]);
    std::uint64_t child[n] = {};
    BOOST_TEST(::read(fds[0], child, sizeof child) == static_cast<::ssize_t>(sizeof child));
    ::close(fds[0]);
    int status = 0;
    BOOST_TEST(::waitpid(static_cast<::pid_t>(pid), &status, 0) == pid);
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    std::vector<std::uint64_t> mine;
    for (int i = 0; i < n; ++i)
        mine.push_back(tf::thread_random());
    int same = 0;
    for (std::uint64_t c : child)
        for (std::uint64_t m : mine)
            same += c == m;
    BOOST_TEST(same == 0, same << " values of the child's were its parent's next ones");
    BOOST_TEST(test::exists(fn));
    BOOST_TEST(test::exists(gn));
#endif
}
