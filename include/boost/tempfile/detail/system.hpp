// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_SYSTEM_HPP
#define BOOST_TEMPFILE_DETAIL_SYSTEM_HPP

// The whole platform seam (detail/platform.hpp): the lighter levels (detail/platform.hpp,
// detail/process.hpp), and the system layer -- file and directory calls, tree removal, the
// exit handlers -- declared here in the vocabulary's types: every call the portable layers
// make of the system, once for both platforms. Each platform's folder defines them, with the
// system headers it needs (<windows.h>, <fcntl.h>, <sys/stat.h>, <signal.h>, <dirent.h>...):
// included here header-only; compiled separately (config.hpp), in src.hpp's TU only. Only the
// headers that make system calls include it: the objects, the functions, the creation and
// location policies.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/process.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

// Results are >= 0 or the error negated, unless said otherwise. `dir` is a held directory and
// `name` relative to it, or no_dir and `name` absolute (as openat).

// ---- Names and directories.
// The current directory ("." if it cannot be had); `p` made absolute against it, without
// trailing separators but the root's.
BOOST_TEMPFILE_DETAIL_DECL native_string current_dir();
BOOST_TEMPFILE_DETAIL_DECL native_string absolute(native_string p);
// Python's _candidate_tempdir_list(), in its order.
BOOST_TEMPFILE_DETAIL_DECL std::vector<native_string> candidate_tempdirs();
// The per-user runtime directory ($XDG_RUNTIME_DIR), or nullptr.
BOOST_TEMPFILE_DETAIL_DECL const native_char* runtime_dir() noexcept;
// A held directory for pinned_temp_dir: 0 with `out` set (Windows: never).
BOOST_TEMPFILE_DETAIL_DECL int open_dir_pin(const native_char* path, dir_type& out) noexcept;

// ---- Creation: exclusive (an existing entry of any kind, symlinks included, is err::exists),
// mode 0600 / 0700 (POSIX), never inherited.
BOOST_TEMPFILE_DETAIL_DECL int create_file(dir_type dir, const native_char* name, handle_type& h,
                                    unsigned flags = file_shared) noexcept;
// A file with no name in the directory `path` (O_TMPFILE): err::not_supported where none.
BOOST_TEMPFILE_DETAIL_DECL int open_unnamed(dir_type dir, const native_char* path, handle_type& h) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int create_dir(dir_type dir, const native_char* name) noexcept;
// 0 if nothing is named `name` (mktemp), err::exists if something is.
BOOST_TEMPFILE_DETAIL_DECL int probe_name(dir_type dir, const native_char* name) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int remove_at(dir_type dir, const native_char* name, bool directory) noexcept;
// The directory just created, opened (not followed) with its identity.
BOOST_TEMPFILE_DETAIL_DECL int open_created_dir(dir_type dir, const native_char* name, handle_type& h, file_id& id) noexcept;
// Whether `path` leads to the file `id` (not following a last symlink).
BOOST_TEMPFILE_DETAIL_DECL bool name_leads_to(const native_char* path, const file_id& id) noexcept;
// Tells cleaners (systemd-tmpfiles) that the directory is in use.
BOOST_TEMPFILE_DETAIL_DECL void mark_in_use(handle_type h) noexcept;

// ---- Files.
BOOST_TEMPFILE_DETAIL_DECL std::ptrdiff_t read(handle_type h, void* buf, std::size_t n) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int write_all(handle_type h, const void* buf, std::size_t n) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int write_all_at(handle_type h, const void* buf, std::size_t n, std::int64_t off) noexcept;
BOOST_TEMPFILE_DETAIL_DECL std::int64_t seek(handle_type h, std::int64_t off, int whence) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int truncate(handle_type h, std::uint64_t size) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int sync(handle_type h) noexcept;
// Opens an existing file for reading and writing (NamedTemporaryFile's reopen).
BOOST_TEMPFILE_DETAIL_DECL int open_existing(const native_char* path, handle_type& h) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int sync_dir(const native_char* path) noexcept;
// The permission bits of `path`; those a new file gets under the umask (POSIX).
BOOST_TEMPFILE_DETAIL_DECL int permissions_of(const native_char* path, unsigned* mode) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int new_file_mode(unsigned* mode) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int set_mode(handle_type h, unsigned mode) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int mode_of(handle_type h, unsigned* mode) noexcept;
// `path` opened again as the file `h` is: 1 if the name leads to another file now.
BOOST_TEMPFILE_DETAIL_DECL int reopen_same(handle_type h, const native_char* path, handle_type& out) noexcept;
// The file renamed (or linked, noclobber) from `from` to `to`: 2 if `from` does not lead to
// it (nothing renamed), 1 if `to` leads elsewhere after the rename.
BOOST_TEMPFILE_DETAIL_DECL int publish(handle_type& h, const native_char* from, const native_char* to, bool noclobber,
                                bool delete_on_close) noexcept;
// An unnamed file given the name `to`. Defined only where sys::names_unnamed_files (Linux): its
// one caller is compiled there only.
BOOST_TEMPFILE_DETAIL_DECL int link_unnamed(handle_type h, const native_char* to) noexcept;
// A C runtime descriptor of its own for `h` (Windows: _open_osfhandle of a duplicate).
BOOST_TEMPFILE_DETAIL_DECL int to_crt_descriptor(handle_type h, bool text) noexcept;
// Windows' delete-on-close kept or cleared (a file that must outlive its handle). Defined only
// where sys::has_delete_on_close (Windows): their callers are compiled there only.
BOOST_TEMPFILE_DETAIL_DECL int keep_delete_on_close(handle_type& h, const native_char* path, native_string& moved) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int set_delete_on_close(handle_type h, bool on) noexcept;

// ---- Adopting an existing entry: a refusal is a positive adopt_refusal.
BOOST_TEMPFILE_DETAIL_DECL int adopt_file(const native_char* path, handle_type& h) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int adopt_handle(handle_type h, const native_char* path) noexcept;
BOOST_TEMPFILE_DETAIL_DECL int adopt_dir(const native_char* path, handle_type& h, file_id& id) noexcept;

} // namespace sys

// POSIX: cleared for the rest of the process when the kernel turns out to lack O_TMPFILE.
BOOST_TEMPFILE_DETAIL_STATE std::atomic<bool>& tmpfile_supported() noexcept;

// ---- Tree removal. Removes the directory held as `dir`, created with identity `id` under the
// absolute name `path`, and everything in it, touching nothing unless `path` still leads to
// it; `parent`: the held directory it was made in, or no_dir. 0 or the first error, with
// `where` the entry concerned relative to `path`.
BOOST_TEMPFILE_DETAIL_DECL int remove_tree(sys::handle_type& dir, const sys::file_id& id, const sys::native_string& path,
                                    bool keep_going, sys::native_string& where,
                                    sys::dir_type parent = sys::no_dir) noexcept;
// `path` opened again as the directory `id`: 0 with `h` set, err::exists if it leads elsewhere.
// Defined only where remove_tree may let go of the directory (sys::removal_lets_go: POSIX): its
// one caller is compiled there only.
BOOST_TEMPFILE_DETAIL_DECL int reopen_dir(const sys::native_char* path, const sys::file_id& id, sys::handle_type& h) noexcept;

// ---- remove_at_exit's platform part.
namespace exit_cleanup {
// The identity of what `path` names now (not followed); false if it cannot be had.
BOOST_TEMPFILE_DETAIL_DECL bool identify(const sys::native_char* path, sys::file_id& id) noexcept;
// Removes `path` (a file, or a directory tree) if it still is `id`.
BOOST_TEMPFILE_DETAIL_DECL void remove_entry(const sys::native_char* path, bool directory, const sys::file_id& id) noexcept;
// Installs the signal (console) handlers and `at_exit`, which call `sweep`; once per process.
BOOST_TEMPFILE_DETAIL_STATE void install(void (*sweep)() noexcept, void (*at_exit)()) noexcept;
// Blocks the signals the handlers catch in this thread: true with `old` to restore.
BOOST_TEMPFILE_DETAIL_DECL bool block_creation_signals(sys::signal_mask& old) noexcept;
BOOST_TEMPFILE_DETAIL_DECL void restore_signal_mask(const sys::signal_mask& old) noexcept;
} // namespace exit_cleanup

} // namespace detail
} // namespace tempfile
} // namespace boost

#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
#if defined(_WIN32)
#include <boost/tempfile/detail/windows/exit_cleanup.hpp>
#include <boost/tempfile/detail/windows/ops.hpp>
#include <boost/tempfile/detail/windows/remove_tree.hpp>
#else
#include <boost/tempfile/detail/posix/exit_cleanup.hpp>
#include <boost/tempfile/detail/posix/ops.hpp>
#include <boost/tempfile/detail/posix/remove_tree.hpp>
#endif
#endif

#endif // BOOST_TEMPFILE_DETAIL_SYSTEM_HPP
