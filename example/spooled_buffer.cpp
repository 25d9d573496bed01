// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// A spooled buffer: small payloads stay in memory, a large one rolls over to an anonymous
// file (Python's SpooledTemporaryFile), with the position and the contents kept.
#include <boost/tempfile.hpp>

#include <iostream>
#include <string>

namespace tf = boost::tempfile;

int main()
{
    tf::spooled_options o;
    o.max_size = 1024; // in memory up to 1 KiB
    tf::spooled_temporary_file buf(o);

    buf.write("header\n");
    std::cout << "after 7 bytes, rolled over: " << buf.rolled_over() << "\n";

    for (int i = 0; i < 200; ++i)
        buf.stream() << "line " << i << '\n';
    buf.flush();
    std::cout << "after 200 lines (" << buf.tell() << " bytes), rolled over: " << buf.rolled_over() << "\n";
    std::cout << "descriptor: " << buf.native_handle() << "\n";

    buf.seek(0);
    std::string first;
    std::getline(buf.stream(), first);
    std::cout << "first line read back: " << first << "\n";
    return buf.rolled_over() && first == "header" ? 0 : 1;
}
