// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_ADOPT_HPP
#define BOOST_TEMPFILE_DETAIL_ADOPT_HPP

// adopt(): what the file and directory objects share when they take over an entry that
// exists (Rust's TempPath::from_path, NamedTempFile::from_parts): the name made absolute and
// checked, and the refusals of sys::adopt_file / adopt_handle / adopt_dir (the identity rules
// of reopen(): no symlink, the right type, no FIFO or device, our own file, the handle's file
// under the name) turned into errors that name the path.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/encoding.hpp>
#include <boost/tempfile/detail/error.hpp>
#include <boost/tempfile/detail/system.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <string>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {

// Selects the constructor that creates nothing (adopt() fills the object in).
struct adopt_tag
{
};

// `p` made absolute for the object's name(); false with the error reported (an empty name, a
// root, a name CharT cannot hold).
template <class CharT>
inline bool adopt_name(const filesystem::path& p, filesystem::path& out, system::error_code* ec, const char* what)
{
    if (p.empty()) {
        report(ec, system::errc::no_such_file_or_directory, what, p);
        return false;
    }
    filesystem::path abs(sys::absolute(p.native()));
    if (abs == abs.root_path()) { // never the removal of a whole volume
        report(ec, system::errc::invalid_argument, what, p);
        return false;
    }
    if (!representable<CharT>(abs.native())) {
        report(ec, system::errc::illegal_byte_sequence, what, p);
        return false;
    }
    out = std::move(abs);
    return true;
}

// Reports what sys::adopt_* returned (an error, or a positive adopt_refusal) about `p`.
inline void report_adopt(system::error_code* ec, int r, const char* what, const filesystem::path& p)
{
    if (r < 0) {
        report(ec, r, what, p);
        return;
    }
    system::errc::errc_t e = system::errc::invalid_argument;
    const char* why = "";
    switch (static_cast<adopt_refusal>(r)) {
    case adopt_refusal::symlink:
        e = system::errc::too_many_symbolic_link_levels;
        why = ": the name is a symbolic link (never followed)";
        break;
    case adopt_refusal::not_a_file:
        e = system::errc::is_a_directory;
        why = ": the name is a directory, not a file";
        break;
    case adopt_refusal::not_a_dir:
        e = system::errc::not_a_directory;
        why = ": the name is not a directory";
        break;
    case adopt_refusal::special:
        why = ": not a regular file or directory (a FIFO, socket or device)";
        break;
    case adopt_refusal::other_owner:
        e = system::errc::operation_not_permitted;
        why = ": owned by another user";
        break;
    case adopt_refusal::not_same_file:
        e = system::errc::no_such_file_or_directory;
        why = ": the name leads to another file than the one given (or changed meanwhile)";
        break;
    case adopt_refusal::bad_handle:
        e = system::errc::bad_file_descriptor;
        why = ": not an open file handle";
        break;
    case adopt_refusal::none: // not a refusal: the callers pass only r != 0
        break;
    }
    report(ec, e, (std::string(what) + why).c_str(), p);
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_ADOPT_HPP
