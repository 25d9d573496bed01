// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Writing a naming policy: names that carry a date and a counter, with a bounded number of
// attempts; and the library's pattern_name for a fixed shape.

#include <boost/tempfile.hpp>

#include <atomic>
#include <ctime>
#include <iostream>
#include <string>

namespace tf = boost::tempfile;

// A naming policy derives from tf::naming_policy and gives the part between prefix and
// suffix, once per attempt. It may bound the attempts.
struct dated_names : tf::naming_policy
{
    static constexpr unsigned max_attempts = 5;

    template <class CharT>
    std::basic_string<CharT> next_name()
    {
        static std::atomic<unsigned> counter{0};
        std::string n = today() + "-" + std::to_string(counter++) + "-" +
                        std::to_string(tf::thread_random() % 1000); // unpredictable, per thread
        return std::basic_string<CharT>(n.begin(), n.end());
    }

    // Today's date, YYYY-MM-DD (local time).
    static std::string today()
    {
        std::time_t t = std::time(nullptr);
        std::tm tm{};
#if defined(_WIN32)
        localtime_s(&tm, &t);
#else
        localtime_r(&t, &tm);
#endif
        char d[16];
        std::strftime(d, sizeof d, "%Y-%m-%d", &tm);
        return d;
    }
};

// pattern_name: '%' is a hex digit, 'X' a letter or digit; the rest is kept.
struct job_model
{
    static constexpr const char* value = "job-%%%%%%%%";
};

int main()
{
    tf::temporary_directory work({.prefix = "naming-example-"});

    tf::file_options o;
    o.dir = work.path();
    o.suffix = ".log";
    tf::basic_temp_file<char, dated_names> a(o);
    tf::basic_temp_file<char, dated_names> b(o);
    std::cout << "dated_names: " << a.path().filename() << ", " << b.path().filename() << "\n";
    if (a.path().filename().string().rfind(tf::gettempprefix() + dated_names::today() + "-", 0) != 0)
        return 1; // the names carry today's date

    // Policies go in any order; the same set names the same type.
    tf::basic_temp_file<char, tf::keep, tf::pattern_name<job_model>> c(o);
    static_assert(std::is_same_v<decltype(c), tf::basic_temp_file<char, tf::pattern_name<job_model>, tf::keep>>);
    std::cout << "pattern_name: " << c.path().filename() << "\n"; // tmpjob-%%%%%%%%.log: the prefix stays
    if (c.path().filename().string().rfind("tmpjob-", 0) != 0)
        return 1;

    // A longer random part: random_name<16>.
    tf::basic_temp_file<wchar_t, tf::random_name<16>> w(tf::wfile_options{L".bin", L"", work.path()});
    std::cout << "random_name<16>: " << w.path().filename() << "\n";
    return 0;
}
