// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Concurrency stress: 8 threads, then 4 forked processes, each making thousands of objects of
// every kind in ONE directory. Checks: no two objects ever held the same name at the same time
// (each name's lifetimes, stamped from one shared counter, never overlap), every object is
// present while alive and gone after, nothing is left, no descriptor leaks. Spooled files
// (anonymous once rolled over) are told apart by device and inode instead of name, and each
// carries its own data across its rollover, read back intact before it dies. Run under
// ThreadSanitizer by .ci/run (build/test.sh --sanitize=thread test_stress).
//
// Per-kind count: 5000 per thread / process (1000 under a sanitizer, under Wine and in a
// coverage build, which measures which lines run, not how often); the environment
// variable BOOST_TEMPFILE_STRESS_COUNT overrides it.

#define BOOST_TEST_MODULE stress
#include <boost/test/unit_test.hpp>

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <deque>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#if BOOST_TEMPFILE_TEST_POSIX
#include <sys/mman.h>
#endif

namespace tf = boost::tempfile;

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int default_count = 1000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int default_count = 1000;
#else
constexpr int default_count = BOOST_TEMPFILE_TEST_POSIX && !BOOST_TEMPFILE_TEST_COVERAGE_BUILD ? 5000 : 1000; // Wine: slower calls
#endif
#else
constexpr int default_count = BOOST_TEMPFILE_TEST_POSIX && !BOOST_TEMPFILE_TEST_COVERAGE_BUILD ? 5000 : 1000;
#endif

int count()
{
    const char* v = std::getenv("BOOST_TEMPFILE_STRESS_COUNT");
    int n = v ? std::atoi(v) : 0;
    return n > 0 ? n : default_count;
}

constexpr int threads = 8;
constexpr int processes = 4;
constexpr std::size_t live_per_worker = 16; // objects each worker keeps alive at once

// A name's lifetime: [born, died] on the shared clock.
struct life
{
    std::string name;
    long born, died;
};

enum kind
{
    k_mkstemp,
    k_named,
    k_anonymous,
    k_directory,
    k_spooled
};

constexpr kind all_kinds[] = {k_mkstemp, k_named, k_anonymous, k_directory, k_spooled};

// One worker: `n` objects of kind k in dir, up to live_per_worker alive at once. Appends the
// lifetimes to out; returns the number of failed checks.
int work(kind k, const std::string& dir, int n, std::atomic<long>& clock, std::vector<life>& out)
{
    int bad = 0;
    struct live_object
    {
        std::string name;
        long born;
        int fd = -1;
        std::unique_ptr<tf::named_temporary_file> named;
        std::unique_ptr<tf::temporary_file> anonymous;
        std::unique_ptr<tf::temporary_directory> directory;
        std::unique_ptr<tf::spooled_temporary_file> spooled;
        std::string data; // what the spooled file holds
    };
    std::deque<live_object> alive;
    auto retire = [&] {
        live_object& o = alive.front();
        if (o.spooled) {
            // Its own data, intact; no name anywhere (Windows: only its hidden delete-on-close
            // name); its lifetime stamped before it dies (the identity may be reused as soon as
            // it is closed).
            if (test::contents(*o.spooled) != o.data ||
                test::link_count(o.spooled->native_handle()) != static_cast<long>(test::unnamed_file_entries))
                ++bad;
            out.push_back({o.name, o.born, clock.fetch_add(1)});
            o.spooled.reset();
            alive.pop_front();
            return;
        }
        if (!o.name.empty() && !test::exists(o.name))
            ++bad; // must be present while alive
        if (k == k_mkstemp) {
            test::close_fd(o.fd);
            test::remove_file(o.name);
        }
        o.named.reset();
        o.anonymous.reset();
        o.directory.reset();
        if (!o.name.empty()) {
            if (test::exists(o.name))
                ++bad; // and gone after
            out.push_back({o.name, o.born, clock.fetch_add(1)});
        }
        alive.pop_front();
    };
    for (int i = 0; i < n; ++i) {
        live_object o;
        try {
            switch (k) {
            case k_mkstemp: {
                auto opt = test::options_in<char>(dir);
                auto r = tf::mkstemp(opt);
                o.fd = r.first;
                o.name = r.second;
                break;
            }
            case k_named: {
                auto opt = test::file_in<char>(dir);
                o.named.reset(new tf::named_temporary_file(opt));
                o.name = o.named->name();
                break;
            }
            case k_anonymous: {
                auto opt = test::anonymous_in<char>(dir);
                o.anonymous.reset(new tf::temporary_file(opt));
                if (o.anonymous->write("x", 1) != 1)
                    ++bad;
                break;
            }
            case k_directory: {
                auto opt = test::dir_in<char>(dir);
                o.directory.reset(new tf::temporary_directory(opt));
                o.name = o.directory->name();
                if (!test::write_file(o.name + "/inner"))
                    ++bad;
                break;
            }
            case k_spooled: {
                auto opt = test::spooled_in<char>(dir, 64);
                o.spooled.reset(new tf::spooled_temporary_file(opt));
                const std::string tag = std::to_string(clock.fetch_add(1)) + ',';
                while (o.data.size() < 100)
                    o.data += tag; // different in every object
                o.spooled->write(o.data.substr(0, 40));
                if (o.spooled->rolled_over())
                    ++bad;
                o.spooled->write(o.data.substr(40)); // past max_size: rolls over
                if (!o.spooled->rolled_over())
                    ++bad;
                o.name = "id:" + test::file_identity(o.spooled->native_handle());
                if (o.name == "id:")
                    ++bad;
                break;
            }
            }
        } catch (...) {
            ++bad;
            continue;
        }
        o.born = clock.fetch_add(1);
        alive.push_back(std::move(o));
        if (alive.size() > live_per_worker)
            retire();
    }
    while (!alive.empty())
        retire();
    return bad;
}

// No name was held by two objects at overlapping times.
int overlaps(std::vector<life>& all)
{
    std::sort(all.begin(), all.end(), [](const life& a, const life& b) {
        return a.name < b.name || (a.name == b.name && a.born < b.born);
    });
    int n = 0;
    for (std::size_t i = 1; i < all.size(); ++i)
        if (all[i].name == all[i - 1].name && all[i].born < all[i - 1].died)
            ++n;
    return n;
}

const char* kind_name(kind k)
{
    static const char* names[] = {"mkstemp", "named_temporary_file", "temporary_file", "temporary_directory",
                                  "spooled_temporary_file"};
    return names[k];
}

} // namespace

BOOST_AUTO_TEST_CASE(threads_in_one_directory)
{
    const int n = count();
    for (kind k : all_kinds) {
        BOOST_TEST_CONTEXT(kind_name(k))
        {
            test::scratch s;
            const int fds = test::open_fds();
            std::atomic<long> clock{0};
            std::vector<std::vector<life>> lives(threads);
            std::vector<int> bad(threads, 0);
            std::vector<std::thread> ts;
            for (int t = 0; t < threads; ++t)
                ts.emplace_back([&, t] { bad[t] = work(k, s.dir.string(), n, clock, lives[t]); });
            for (auto& t : ts)
                t.join();
            std::vector<life> all;
            for (auto& l : lives)
                all.insert(all.end(), l.begin(), l.end());
            for (int t = 0; t < threads; ++t)
                BOOST_TEST(bad[t] == 0);
            if (k != k_anonymous)
                BOOST_TEST(all.size() == static_cast<std::size_t>(threads) * n);
            BOOST_TEST(overlaps(all) == 0);
            BOOST_TEST(s.entries().empty());
            BOOST_TEST(test::open_fds() == fds);
        }
    }
}

BOOST_AUTO_TEST_CASE(processes_in_one_directory, *test::posix_only("fork, and a counter shared through mmap"))
{
#if BOOST_TEMPFILE_TEST_POSIX
    const int n = count();
    test::scratch s, results;
    // The clock shared by the processes.
    void* shared =
        ::mmap(nullptr, sizeof(std::atomic<long>), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    BOOST_REQUIRE(shared != MAP_FAILED);
    std::atomic<long>* clock = new (shared) std::atomic<long>(0);
    const int fds = test::open_fds();
    std::vector<::pid_t> pids;
    for (int p = 0; p < processes; ++p) {
        ::pid_t pid = ::fork();
        BOOST_REQUIRE(pid >= 0);
        if (pid == 0) {
            int bad = 0;
            const int before = test::open_fds();
            std::ofstream os((results.dir / std::to_string(p)).string());
            for (kind k : all_kinds) {
                std::vector<life> mine;
                bad += work(k, s.dir.string(), n, *clock, mine);
                for (const life& l : mine)
                    os << l.name << ' ' << l.born << ' ' << l.died << '\n';
            }
            os.close();
            if (test::open_fds() != before)
                ++bad;
            ::_exit(bad == 0 ? 0 : 1);
        }
        pids.push_back(pid);
    }
    for (::pid_t pid : pids) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    std::vector<life> all;
    for (int p = 0; p < processes; ++p) {
        std::ifstream is((results.dir / std::to_string(p)).string());
        life l;
        while (is >> l.name >> l.born >> l.died)
            all.push_back(l);
    }
    BOOST_TEST(all.size() == static_cast<std::size_t>(processes) * n * 4); // all but temporary_file
    BOOST_TEST(overlaps(all) == 0);
    BOOST_TEST(s.entries().empty());
    BOOST_TEST(test::open_fds() == fds);
    ::munmap(shared, sizeof(std::atomic<long>));
#endif
}

BOOST_AUTO_TEST_CASE(overlap_check_detects_a_shared_name)
{
    // The check itself: two lifetimes of one name that overlap are found, disjoint ones not.
    std::vector<life> v{{"a", 0, 5}, {"a", 6, 9}, {"b", 1, 2}};
    BOOST_TEST(overlaps(v) == 0);
    v.push_back({"a", 3, 4});
    BOOST_TEST(overlaps(v) == 1);
}
