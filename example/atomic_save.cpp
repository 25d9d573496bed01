// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// Atomic "save document": write the new version into a temporary file next to the target,
// then persist() it into place. A reader sees the old document or the new one, never half of
// one; if anything fails (a full disk included: persist() then reports the write's ENOSPC,
// naming the file, and replaces nothing), the temporary is removed and the old one stays.
// The saved document keeps the old one's permissions (publish_mode::like_target()).
//
//     atomic_save                 saves a document twice in a fresh directory
//     atomic_save FILE BYTES      saves BYTES bytes as FILE, or says why it could not
#include <boost/tempfile.hpp>

#include <boost/filesystem/fstream.hpp>

#include <fstream>
#include <iostream>
#include <string>

namespace tf = boost::tempfile;
namespace fs = boost::filesystem;

void save(const fs::path& target, const std::string& text)
{
    tf::file_options o;
    o.dir = target.parent_path();          // same file system: rename is atomic
    o.prefix = "." + target.filename().string() + ".";
    tf::named_temporary_file f(o);
    f.stream() << text;                         // a write error is kept for persist()
    f.persist(target, tf::durability::durable); // fsync file, rename, fsync directory (Windows: FlushFileBuffers, MoveFileExW)
}

int main(int argc, char** argv)
{
    if (argc == 3) {
        try {
            save(argv[1], std::string(std::stoul(argv[2]), 'x'));
            std::cout << "saved " << argv[2] << " bytes\n";
            return 0;
        } catch (const fs::filesystem_error& e) {
            std::cout << e.what() << "\n";
            return 1;
        }
    }
    fs::path dir = tf::utf8_path(tf::mkdtemp());
    fs::path doc = dir / "document.txt";
    save(doc, "version 1\n");
    save(doc, "version 2\n");
    std::string line;
    std::getline(fs::ifstream(doc), line); // closed at once: Windows removes no file that is open
    int n = 0;
    for (fs::directory_iterator it(dir), end; it != end; ++it)
        ++n;
    std::cout << "saved " << doc << " twice; it holds \"" << line << "\"; entries in the directory: " << n << "\n";
    fs::remove_all(dir);
    return n == 1 && line == "version 2" ? 0 : 1;
}
