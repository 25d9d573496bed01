// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_REMOVE_TREE_HPP
#define BOOST_TEMPFILE_DETAIL_REMOVE_TREE_HPP

// Removal of a directory's contents relative to descriptors only: openat(O_NOFOLLOW |
// O_DIRECTORY) + fdopendir + unlinkat; a symlink is removed, never followed.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/posix.hpp>

#include <cstring>

namespace boost {
namespace tempfile {
namespace detail {

// Removes everything below the directory open as `dirfd` (which stays open). Returns 0, or
// the first error (-errno); with `keep_going` it removes all it can before returning.
inline int remove_contents(int dirfd, bool keep_going) noexcept
{
    int fd = sys::openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fd;
    DIR* d = ::fdopendir(fd);
    if (!d) {
        int e = -errno;
        sys::close(fd);
        return e;
    }
    int first = 0;
    while (struct dirent* e = ::readdir(d)) {
        const char* n = e->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
            continue;
        int r = 0;
        if (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN) {
            int sub = sys::openat(dirfd, n, O_RDONLY | O_DIRECTORY | sys::o_nofollow | O_CLOEXEC);
            if (sub >= 0) {
                r = remove_contents(sub, keep_going);
                sys::close(sub);
                if (r == 0 || keep_going) {
                    int u = sys::unlinkat(dirfd, n, AT_REMOVEDIR);
                    if (r == 0)
                        r = u;
                }
            } else if (sub == -ENOTDIR || sub == -ELOOP) {
                r = sys::unlinkat(dirfd, n, 0); // not a directory (or a symlink): unlink it
            } else {
                r = sub;
            }
        } else {
            r = sys::unlinkat(dirfd, n, 0);
        }
        if (r == -ENOENT)
            r = 0;
        if (r < 0 && first == 0)
            first = r;
        if (r < 0 && !keep_going)
            break;
    }
    ::rewinddir(d);
    ::closedir(d);
    return first;
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_REMOVE_TREE_HPP
