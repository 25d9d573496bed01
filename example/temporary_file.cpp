// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Python's TemporaryFile: a file with no name at all (O_TMPFILE). Nothing is left behind even
// if the process crashes; when the content is complete, link() can publish it under a name.

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
              << " (the file has no name)\n";
    t.link(out_dir / "result.bin", tf::durability::durable);
    std::cout << "after link: " << (out_dir / "result.bin") << ", "
              << boost::filesystem::file_size(out_dir / "result.bin") << " bytes\n";

    // link() never replaces: a second link to the same name is refused.
    boost::system::error_code ec;
    t.link(out_dir / "result.bin", ec);
    std::cout << "linking again: " << ec.message() << "\n";
    return ec == boost::system::errc::file_exists ? 0 : 1;
}
