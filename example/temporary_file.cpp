// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Python's TemporaryFile: a file with no name at all (O_TMPFILE). Nothing is left behind even
// if the process crashes; when the content is complete, link() can publish it under a name.
// On Windows the file is a hidden delete-on-close file nobody else may open, and link() reports
// operation_not_supported (publish with named_temporary_file::persist() there).

#include <boost/tempfile.hpp>

#include <boost/filesystem/operations.hpp>

#include <iostream>
#include <string>

namespace tf = boost::tempfile;

int main()
{
    tf::temporary_directory work({.prefix = "anonymous-example-"});
    boost::filesystem::path out_dir = work.path();
    std::string payload = "computed result\n";

    tf::temporary_file t({.dir = out_dir});
    t.write(payload);
    std::cout << "entries while writing: " << std::distance(boost::filesystem::directory_iterator(out_dir),
                                                             boost::filesystem::directory_iterator())
              << " (POSIX: the file has no name)\n";
    boost::system::error_code ec;
    t.link(out_dir / "result.bin", tf::durability::durable, ec);
    if (ec == boost::system::errc::operation_not_supported) { // Windows: nothing was changed
        std::cout << "link: " << ec.message() << "; the file stays anonymous and goes at close\n";
        return boost::filesystem::exists(out_dir / "result.bin") ? 1 : 0;
    }
    if (ec)
        return 1;
    std::cout << "after link: " << (out_dir / "result.bin") << ", "
              << boost::filesystem::file_size(out_dir / "result.bin") << " bytes\n";

    // link() never replaces: a second link to the same name is refused.
    t.link(out_dir / "result.bin", ec);
    std::cout << "linking again: " << ec.message() << "\n";
    return ec == boost::system::errc::file_exists ? 0 : 1;
}
