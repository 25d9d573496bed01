// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Writing a cleanup policy: keep the temporary file when its scope is left by an exception,
// so that the evidence of a failure stays for diagnosis. (The library ships the same idea as
// tf::keep_on_exception; this is how you would write it, or a variant of it, yourself.)

#include <boost/tempfile.hpp>

#include <boost/filesystem/operations.hpp>

#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>

namespace tf = boost::tempfile;

// A cleanup policy derives from tf::cleanup_policy. The object holds one instance and calls
// its hooks at the moments they are named for.
struct keep_on_failure : tf::cleanup_policy
{
    static constexpr bool for_files = true;
    static constexpr bool for_directories = true;

    template <class Options>
    void on_create(const Options&) noexcept
    {
        exceptions_ = std::uncaught_exceptions(); // how many were in flight at creation
    }
    static constexpr bool remove_at_close() noexcept { return false; }
    bool remove_at_destroy() const noexcept { return std::uncaught_exceptions() <= exceptions_; }

private:
    int exceptions_ = 0;
};

using scratch_file = tf::basic_temp_file<char, keep_on_failure>;

std::string convert(const std::string& input, const boost::filesystem::path& dir, std::string& kept)
{
    tf::file_options o;
    o.dir = dir;
    o.prefix = "convert-";
    scratch_file work(o);
    kept = work.name();
    work.write(input);
    if (input.find("bad") != std::string::npos)
        throw std::runtime_error("cannot convert: " + input);
    return "converted " + std::to_string(input.size()) + " bytes";
}

int main()
{
    tf::temporary_directory dir({.prefix = "cleanup-example-"});
    std::string kept;

    std::cout << convert("good input", dir.path(), kept) << "\n";
    std::cout << "after success, " << kept << (boost::filesystem::exists(tf::utf8_path(kept)) ? " still exists\n" : " is gone\n");

    try {
        convert("bad input", dir.path(), kept);
    } catch (const std::exception& e) {
        std::cout << "failed: " << e.what() << "\n";
        std::cout << "after failure, " << kept
                  << (boost::filesystem::exists(tf::utf8_path(kept)) ? " was kept for diagnosis\n" : " is gone\n");
    }
    return boost::filesystem::exists(tf::utf8_path(kept)) ? 0 : 1; // the directory removes it at the end
}
