// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_PLATFORM_HPP
#define BOOST_TEMPFILE_DETAIL_PLATFORM_HPP

// The platform seam: the one place that chooses the system layer. Everything above it is
// portable and speaks only to the names below; detail/posix/ and detail/windows/ each
// implement all of them (and nothing else is shared between the two folders).
//
// In namespace detail::sys:
//   vocabulary  handle_type, invalid_handle, dir_type, no_dir, native_char, native_string,
//               native_string_view, pid_type, separator, is_separator, name_max,
//               forbidden_in_name, forbidden_at_end, reserved_name, err::{exists, no_entry, invalid,
//               no_memory, too_big, io, not_supported}, has_delete_on_close, file_id
//   names       current_dir, absolute, candidate_tempdirs, runtime_dir, open_dir_pin
//   creation    file_flags, create_file, open_unnamed, create_dir, probe_name, remove_at,
//               open_created_dir, name_leads_to, mark_in_use
//   files       read, write_all, write_all_at, seek, truncate, sync, close, open_existing,
//               sync_dir, permissions_of, new_file_mode, set_mode, mode_of, publish, link_unnamed,
//               to_crt_descriptor, reopen_same, keep_delete_on_close, set_delete_on_close
//   adopting    adopt_file, adopt_handle, adopt_dir (detail/adopt.hpp: a refusal is a
//               positive adopt_refusal)
//   process     random_bytes, current_pid, fork_generation
// In namespace detail: remove_tree, reopen_dir (tree removal); in detail::exit_cleanup the
// platform part of remove_at_exit: identify, remove_entry, install.
// Results are >= 0 on success or the platform's error code negated (errno, GetLastError()),
// which detail::make_error turns into an error_code of system_category(). Two report a check
// that failed as a positive result: reopen_same (1: the name leads to another file now) and
// publish (2: the old name does not lead to the file, nothing renamed; 1: the target leads to
// another file after the rename, the old name was swapped during it).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

namespace boost {
namespace tempfile {
namespace detail {
// Why adopt() refuses an existing entry: the positive results of sys::adopt_file, adopt_handle
// and adopt_dir (detail/adopt.hpp turns them into errors).
enum class adopt_refusal : int
{
    none = 0,
    symlink,       // the name is a symlink (Windows: a reparse point)
    not_a_file,    // a directory where a file was asked for
    not_a_dir,     // a file where a directory was asked for
    special,       // a FIFO, a socket, a device
    other_owner,   // owned by another user (POSIX)
    not_same_file, // the name leads to another file than the handle (or changed meanwhile)
    bad_handle     // not an open file
};
} // namespace detail
} // namespace tempfile
} // namespace boost

#if defined(_WIN32)
#include <boost/tempfile/detail/windows/exit_cleanup.hpp>
#include <boost/tempfile/detail/windows/ops.hpp>
#include <boost/tempfile/detail/windows/remove_tree.hpp>
#else
#include <boost/tempfile/detail/posix/exit_cleanup.hpp>
#include <boost/tempfile/detail/posix/ops.hpp>
#include <boost/tempfile/detail/posix/remove_tree.hpp>
#endif

#endif // BOOST_TEMPFILE_DETAIL_PLATFORM_HPP
