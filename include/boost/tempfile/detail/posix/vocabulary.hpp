// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_POSIX_VOCABULARY_HPP
#define BOOST_TEMPFILE_DETAIL_POSIX_VOCABULARY_HPP

// The POSIX half of the seam's vocabulary (detail/platform.hpp): the types and constants the
// portable layers and the light public headers (options.hpp, native.hpp, naming.hpp) name.
// No system header: a user's TU that includes only those sees none (issue 20).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/posix/os.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

using handle_type = int;                         // an open file or directory: a descriptor
inline constexpr handle_type invalid_handle = -1;
inline constexpr handle_type public_invalid_handle = -1; // what a user sees for "none"
inline constexpr handle_type public_handle(handle_type h) noexcept { return h; }
using dir_type = int;                            // a directory names are relative to
// none: the name is absolute. AT_FDCWD, written out here so that this header needs no system
// header; detail/posix/sys.hpp checks the value against <fcntl.h>'s.
#if defined(__APPLE__)
inline constexpr dir_type no_dir = -2;
#elif defined(__DragonFly__)
inline constexpr dir_type no_dir = static_cast<int>(0xFFFAFDCDu);
#elif defined(__sun)
inline constexpr dir_type no_dir = static_cast<int>(0xffd19553u);
#else
inline constexpr dir_type no_dir = -100; // Linux, FreeBSD, NetBSD, OpenBSD
#endif
// A held directory as a non-negative integer (for an atomic slot), and back.
inline constexpr std::intptr_t dir_bits(dir_type d) noexcept { return d; }
inline constexpr dir_type dir_from_bits(std::intptr_t b) noexcept { return static_cast<dir_type>(b); }
using pid_type = int; // pid_t (checked in detail/posix/process.hpp)
// The identity of a file: st_dev and st_ino when it was created or opened (wide enough for
// every system's dev_t and ino_t: checked in detail/posix/sys.hpp).
struct file_id
{
    std::uint64_t dev = 0;
    std::uint64_t ino = 0;
};
// Room for a sigset_t (glibc's and musl's are 128 bytes; macOS's 4, the BSDs' 16): what
// remove_at_exit's creation guard keeps of the signal mask it restores (checked in
// detail/posix/exit_cleanup.hpp).
struct signal_mask
{
    alignas(8) unsigned char bytes[128];
};
using native_char = char;                        // names on disk are bytes
using native_string = std::string;
using native_string_view = std::string_view;
inline constexpr native_char separator = '/';
// The longest name a directory entry may have (NAME_MAX where defined: checked in
// detail/posix/sys.hpp).
#if defined(__NetBSD__)
inline constexpr std::size_t name_max = 511;
#else
inline constexpr std::size_t name_max = 255;
#endif
inline constexpr bool is_separator(native_char c) noexcept { return c == '/'; }

// A character a prefix, suffix or generated part may not hold; a character a name may not end with.
inline constexpr bool forbidden_in_name(native_char c) noexcept { return c == '/' || c == '\0'; }
inline constexpr bool forbidden_at_end(native_char) noexcept { return false; }
// No name is a device by itself on POSIX (Windows: NUL, CON, COM1...).
inline constexpr bool reserved_name(native_string_view) noexcept { return false; }

// The errors the portable layers tell apart, as the wrappers return them (negated).
namespace err {
inline constexpr int exists = EEXIST;
inline constexpr int no_entry = ENOENT;
inline constexpr int invalid = EINVAL;
inline constexpr int no_memory = ENOMEM;
inline constexpr int too_big = EFBIG;
inline constexpr int io = EIO;
inline constexpr int not_supported = EOPNOTSUPP;
inline constexpr int illegal_sequence = EILSEQ;
} // namespace err

// Whether the system can delete a file when its last handle closes (Windows): never here.
inline constexpr bool has_delete_on_close = false;
// Whether a directory can be held open for creating in it (openat): pinned_temp_dir.
inline constexpr bool holds_directories = true;
// Whether a file made without a name can be given one later (Linux: O_TMPFILE, then linkat);
// elsewhere link() of an anonymous file is refused before any system call.
inline constexpr bool names_unnamed_files = BOOST_TEMPFILE_DETAIL_LINUX_EXTENSIONS != 0;
// Whether write_all_at leaves the file position alone (pwrite does).
inline constexpr bool write_at_keeps_position = true;
// Whether remove_tree may close the directory it was given (at the descriptor limit, to open
// the parent), leaving the caller to take it back with reopen_dir after an error.
inline constexpr bool removal_lets_go = true;

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_POSIX_VOCABULARY_HPP
