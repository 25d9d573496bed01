// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_PLATFORM_HPP
#define BOOST_TEMPFILE_DETAIL_PLATFORM_HPP

// The platform seam: the one place that chooses the system layer (with its two upper levels,
// detail/process.hpp and detail/system.hpp). Everything above it is portable and speaks only
// to the names below; detail/posix/ and detail/windows/ each implement all of them (and
// nothing else is shared between the two folders), but for the calls that only a platform
// with the feature makes (detail/system.hpp says which).
//
// In namespace detail::sys, by level:
//   vocabulary  handle_type, invalid_handle, dir_type, no_dir, dir_bits, native_char,
//   (here)      native_string, native_string_view, separator, name_max, is_separator,
//               forbidden_in_name, forbidden_at_end, reserved_name, pid_type, file_id,
//               signal_mask, file_flags, err::{exists, no_entry, invalid, no_memory, too_big,
//               io, not_supported, illegal_sequence}, has_delete_on_close,
//               holds_directories, names_unnamed_files, write_at_keeps_position,
//               removal_lets_go: types and
//               constants, no system header
//   process     close, random_bytes, current_pid, getpid_uncached, fork_generation: declared
//               in detail/process.hpp
//   system      the names, creation, file, adopting calls, tree removal (detail::remove_tree,
//               reopen_dir) and remove_at_exit's platform part (detail::exit_cleanup::
//               identify, remove_entry, install, block_creation_signals,
//               restore_signal_mask): declared in detail/system.hpp
// Each call is declared once, for both platforms, in the vocabulary's types
// (BOOST_TEMPFILE_DETAIL_DECL: inline header-only, compiled once with
// BOOST_TEMPFILE_SEPARATE_COMPILATION), and defined by the platform's folder.
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

namespace sys {
// How sys::create_file makes a file: the flags matter only where the system deletes files
// itself (Windows).
enum file_flags : unsigned
{
    file_shared = 0,          // other handles may open the name (FILE_SHARE_READ | WRITE | DELETE)
    file_delete_on_close = 1, // FILE_FLAG_DELETE_ON_CLOSE: the system removes it, even if the process dies
    file_private = 2          // share mode 0: no other handle may open it
};
} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

// Three levels, each chosen here and in the two headers named below, nowhere else. This
// header gives the vocabulary only: no system header at all (options.hpp, policy.hpp,
// encoding.hpp... include it). detail/process.hpp adds close, last_error and the process calls
// (random_bytes, current_pid, fork_generation) with the few system headers they need
// (native.hpp, naming.hpp); detail/system.hpp adds the rest of the system layer.
#if defined(_WIN32)
#include <boost/tempfile/detail/windows/vocabulary.hpp>
#else
#include <boost/tempfile/detail/posix/vocabulary.hpp>
#endif

#endif // BOOST_TEMPFILE_DETAIL_PLATFORM_HPP
