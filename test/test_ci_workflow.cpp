// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// .github/workflows/ci.yml cannot run here (it is for a hosted CI: macOS, Windows with MSVC
// and mingw-w64): this checks that it is valid YAML and has the jobs doc/hardening.adoc lists,
// with PyYAML (build/deps.sh installs python3-yaml), through test/ci/check_workflow.py. A
// damaged copy must be refused, so that the check is known to look.

#define BOOST_TEST_MODULE ci_workflow
#include <boost/test/unit_test.hpp>

#include "common/doc_common.hpp"
#include "common/test_common.hpp"

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace fs = boost::filesystem;

namespace {

#if BOOST_TEMPFILE_TEST_POSIX
// Runs the checker on `yml`: its exit status (-1 if it could not be run) and what it printed.
int check(const fs::path& yml, std::string& out)
{
    fs::path script = test::source_root() / "test" / "ci" / "check_workflow.py";
    std::string cmd = "python3 '" + script.string() + "' '" + yml.string() + "' 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p)
        return -1;
    char buf[512];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p))
        out.append(buf, n);
    int st = ::pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void write(const fs::path& p, const std::string& text)
{
    std::ofstream(p.string(), std::ios::binary) << text;
}
#endif

fs::path workflow()
{
    return test::source_root() / ".github" / "workflows" / "ci.yml";
}

// Boost's release archives drop dotfiles, and libs/tempfile in a Boost tree made from one
// (build/boost_tree.sh) has no .github: nothing to check there.
boost::unit_test::decorator::precondition needs_workflow()
{
    return test::skip_unless(std::function<bool()>([] { return fs::exists(workflow()); }),
                             "no .github/workflows/ci.yml (a release archive drops dotfiles)");
}

} // namespace

BOOST_AUTO_TEST_CASE(workflow_is_valid_yaml_with_the_expected_jobs,
                     *test::posix_only("runs python3 (PyYAML) on the build machine") * needs_workflow())
{
#if BOOST_TEMPFILE_TEST_POSIX
    std::string out;
    int r = check(workflow(), out);
    BOOST_TEST_MESSAGE(out);
    BOOST_TEST(r == 0, out);
#endif
}

BOOST_AUTO_TEST_CASE(a_damaged_workflow_is_refused,
                     *test::posix_only("runs python3 (PyYAML) on the build machine") * needs_workflow())
{
#if BOOST_TEMPFILE_TEST_POSIX
    test::scratch s;
    const std::string good = test::read_file(workflow());
    BOOST_REQUIRE(good.find("\n  macos:\n") != std::string::npos);
    std::string out;

    // Not YAML: a tab-indented key, and an unclosed flow sequence.
    std::string bad = good;
    bad.replace(bad.find("\n  macos:\n"), 10, "\n\tmacos:\n");
    write(s.dir / "tab.yml", bad);
    BOOST_TEST(check(s.dir / "tab.yml", out) == 1, out);
    BOOST_TEST(out.find("not valid YAML") != std::string::npos, out);

    out.clear();
    write(s.dir / "flow.yml", good + "\nbroken: [a, b\n");
    BOOST_TEST(check(s.dir / "flow.yml", out) == 1, out);
    BOOST_TEST(out.find("not valid YAML") != std::string::npos, out);

    // Valid YAML without the macOS job.
    out.clear();
    bad = good;
    bad.replace(bad.find("\n  macos:\n"), 10, "\n  macos_renamed:\n");
    write(s.dir / "nojob.yml", bad);
    BOOST_TEST(check(s.dir / "nojob.yml", out) == 1, out);
    BOOST_TEST(out.find("job 'macos' is missing") != std::string::npos, out);
#endif
}
