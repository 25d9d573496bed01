// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Policy composition: any order and subset give one canonical type; defaults; the facades are
// instantiations; traits for types that cannot derive from a marker; user policies work.

#define BOOST_TEST_MODULE policy
#include <boost/test/unit_test.hpp>
#include <boost/test/results_collector.hpp> // keep_if_test_failed (doc/recipes.adoc)

#include <boost/tempfile.hpp>

#include "common/options_common.hpp"
#include "common/test_common.hpp"

#include <type_traits>

namespace tf = boost::tempfile;

namespace {

struct fixed_names : tf::naming_policy
{
    template <class CharT>
    std::basic_string<CharT> next_name()
    {
        static int n = 0;
        return std::basic_string<CharT>(1, static_cast<CharT>('a' + n++ % 26));
    }
};

// A third-party type that cannot derive from a marker; its directory is the test's scratch.
struct their_location
{
    static boost::filesystem::path& where()
    {
        static boost::filesystem::path p;
        return p;
    }
    static boost::filesystem::path directory(boost::system::error_code& ec)
    {
        ec.clear();
        return where();
    }
};

// A location policy that cannot say where: its directory() reports an error (a service that
// is down, a directory it could not make) and names the directory it meant.
struct failing_location : boost::tempfile::location_policy
{
    static boost::filesystem::path& where()
    {
        static boost::filesystem::path p;
        return p;
    }
    static boost::filesystem::path directory(boost::system::error_code& ec)
    {
        ec = boost::system::errc::make_error_code(boost::system::errc::permission_denied);
        return where();
    }
};

} // namespace

template <>
struct boost::tempfile::is_location_policy<their_location> : std::true_type
{
};

using namespace tf;

// Order does not matter.
static_assert(std::is_same_v<basic_temp_file<char, keep, fixed_names>, basic_temp_file<char, fixed_names, keep>>);
static_assert(std::is_same_v<basic_temp_file<wchar_t, current_dir, keep, random_name<12>, exclusive_file<5>>,
                             basic_temp_file<wchar_t, exclusive_file<5>, random_name<12>, keep, current_dir>>);
static_assert(std::is_same_v<basic_temp_dir<char, keep, runtime_dir>, basic_temp_dir<char, runtime_dir, keep>>);
// Defaults fill what is missing; stating a default changes nothing.
static_assert(std::is_same_v<basic_temp_file<char>,
                             basic_temp_file_impl<char, random_name<8>, system_temp_dir, exclusive_file<20>, by_options>>);
static_assert(std::is_same_v<basic_temp_file<char, random_name<>, by_options>, basic_temp_file<char>>);
static_assert(std::is_same_v<basic_temp_dir<char>,
                             basic_temp_dir_impl<char, random_name<8>, system_temp_dir, exclusive_dir<20>, by_options>>);
static_assert(std::is_same_v<basic_temp_file<char, keep>,
                             basic_temp_file_impl<char, random_name<8>, system_temp_dir, exclusive_file<20>, keep>>);
// The facades are instantiations.
static_assert(std::is_same_v<named_temporary_file, basic_temp_file<char>>);
static_assert(std::is_same_v<wnamed_temporary_file, basic_temp_file<wchar_t>>);
static_assert(std::is_same_v<temporary_file, basic_temp_file<char, anonymous_file<>>>);
static_assert(std::is_same_v<temporary_directory, basic_temp_dir<char>>);
static_assert(std::is_same_v<wtemporary_directory, basic_temp_dir<wchar_t>>);
// Traits.
static_assert(is_naming_policy<fixed_names>::value && !is_cleanup_policy<fixed_names>::value);
static_assert(is_location_policy<their_location>::value);
static_assert(is_policy<keep>::value && !is_policy<int>::value);
static_assert(std::is_same_v<basic_temp_file<char, their_location>::location_type, their_location>);
// Options come from the creation policy.
static_assert(std::is_same_v<named_temporary_file::options_type, file_options>);
static_assert(std::is_same_v<temporary_file::options_type, anonymous_options>);
static_assert(std::is_same_v<temporary_directory::options_type, dir_options>);
// Objects are move-only.
static_assert(!std::is_copy_constructible_v<named_temporary_file> && std::is_nothrow_move_constructible_v<named_temporary_file>);
static_assert(!std::is_copy_assignable_v<temporary_directory> && std::is_nothrow_move_assignable_v<temporary_directory>);

BOOST_AUTO_TEST_CASE_TEMPLATE(user_naming_and_third_party_location_work, CharT, test::char_types)
{
    test::scratch s;
    auto o = test::file_in<CharT>(s.dir);
    basic_temp_file<CharT, keep, fixed_names> a(o);
    std::string leaf = a.path().filename().string();
    BOOST_TEST(leaf.size() == 4u);
    BOOST_TEST(leaf.compare(0, 3, "tmp") == 0);
    their_location::where() = s.dir / "theirs";
    boost::filesystem::create_directory(their_location::where());
    basic_temp_file<CharT, their_location> b;
    BOOST_TEST(b.path().parent_path() == their_location::where());
}

// A location policy's error is the creation's: reported as the policy gave it, naming the
// directory the policy returned, nothing created there, the object empty; options.dir, when
// given, is used without asking the policy.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_location_policys_error_is_reported, CharT, test::char_types)
{
    test::scratch s;
    failing_location::where() = s.dir / "denied";
    boost::filesystem::create_directory(failing_location::where());
    const int fds = test::open_fds();
    boost::system::error_code ec;
    basic_temp_file<CharT, failing_location> f(typename basic_temp_file<CharT, failing_location>::options_type(), ec);
    BOOST_TEST(ec == boost::system::errc::permission_denied);
    BOOST_TEST(!f.is_open());
    basic_temp_dir<CharT, failing_location> d(typename basic_temp_dir<CharT, failing_location>::options_type(), ec);
    BOOST_TEST(ec == boost::system::errc::permission_denied);
    try {
        basic_temp_file<CharT, failing_location> g;
        BOOST_ERROR("no exception");
    } catch (const boost::filesystem::filesystem_error& e) {
        BOOST_TEST(e.code() == boost::system::errc::permission_denied);
        BOOST_TEST(e.path1() == failing_location::where());
    }
    try {
        basic_temp_dir<CharT, failing_location> g;
        BOOST_ERROR("no exception");
    } catch (const boost::filesystem::filesystem_error& e) {
        BOOST_TEST(e.code() == boost::system::errc::permission_denied);
        BOOST_TEST(e.path1() == failing_location::where());
    }
    BOOST_TEST(boost::filesystem::is_empty(failing_location::where()));
    BOOST_TEST(test::open_fds() == fds);
    basic_temp_file<CharT, failing_location> h(test::file_in<CharT>(s.dir)); // dir given: the policy is not asked
    BOOST_TEST(h.is_open());
    BOOST_TEST(h.path().parent_path() == s.dir);
}

BOOST_AUTO_TEST_CASE(moved_from_object_owns_nothing)
{
    test::scratch s;
    auto o = test::file_in<char>(s.dir);
    named_temporary_file a(o);
    boost::filesystem::path p = a.path();
    named_temporary_file b(std::move(a));
    BOOST_TEST(!a.is_open());
    BOOST_TEST(b.is_open());
    BOOST_TEST(test::exists(p.string()));
    named_temporary_file c(o);
    boost::filesystem::path q = c.path();
    c = std::move(b); // c's own file is released and removed
    BOOST_TEST(!test::exists(q.string()));
    BOOST_TEST(test::exists(p.string()));
    { named_temporary_file d(std::move(c)); }
    BOOST_TEST(!test::exists(p.string()));
}

// doc/recipes.adoc, "A test's scratch directory, kept when the test failed": the directory stays
// after any failed check of the test case, a non-fatal BOOST_TEST included (keep_on_exception
// alone sees only BOOST_TEST_REQUIRE's exception).
// Keeps what it made when the current test case has a failed check (or is left by an exception).
struct keep_if_test_failed : tf::keep_on_exception
{
    bool remove_at_destroy() const noexcept
    {
        using namespace boost::unit_test;
        return keep_on_exception::remove_at_destroy() &&
               results_collector.results(framework::current_test_case().p_id).p_assertions_failed == 0;
    }
};

// The failed BOOST_TEST below is the one expected failure; a directory not kept adds another.
BOOST_AUTO_TEST_CASE(scratch_kept_after_a_failed_non_fatal_check, *boost::unit_test::expected_failures(1))
{
    test::scratch s;
    tf::dir_options o;
    o.dir = s.dir;
    boost::filesystem::path passed, failed;
    {
        tf::basic_temp_dir<char, keep_if_test_failed> scratch(o); // no check failed: removed
        passed = scratch.path();
    }
    BOOST_TEST(!boost::filesystem::exists(passed));
    {
        tf::basic_temp_dir<char, keep_if_test_failed> scratch(o);
        failed = scratch.path();
        BOOST_TEST(false, "the deliberate failure of a non-fatal check");
    }
    BOOST_TEST(boost::filesystem::exists(failed)); // kept for a look
}
