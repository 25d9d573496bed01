// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_WINDOWS_VOCABULARY_HPP
#define BOOST_TEMPFILE_DETAIL_WINDOWS_VOCABULARY_HPP

// The Windows half of the seam's vocabulary (detail/platform.hpp): the types and constants the
// portable layers and the light public headers (options.hpp, native.hpp, naming.hpp) name.
// No system header, no <windows.h> (issue 20).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

using handle_type = void*;                             // HANDLE
inline constexpr handle_type invalid_handle = nullptr; // the library's "none" (a constant)
// What a user sees for "none": INVALID_HANDLE_VALUE, as CreateFileW's failure and Asio's
// closed handles (not a constant expression, hence the separate internal sentinel).
inline const handle_type public_invalid_handle = reinterpret_cast<handle_type>(static_cast<std::intptr_t>(-1));
inline handle_type public_handle(handle_type h) noexcept
{
    return h ? h : public_invalid_handle;
}
using dir_type = void*;                               // a directory names are relative to
inline constexpr dir_type no_dir = nullptr;           // none: the name is absolute
// A held directory as an integer (for an atomic slot), and back.
inline std::intptr_t dir_bits(dir_type d) noexcept { return reinterpret_cast<std::intptr_t>(d); }
inline dir_type dir_from_bits(std::intptr_t b) noexcept { return reinterpret_cast<dir_type>(b); }
using pid_type = unsigned long;                       // DWORD
// The identity of a file: its volume and file index (GetFileInformationByHandle).
struct file_id
{
    unsigned long volume = 0;
    std::uint64_t index = 0;
};
// Nothing to keep: remove_at_exit's creation guard blocks no signal on Windows.
struct signal_mask
{
};
using native_char = wchar_t;                          // names on disk are UTF-16
using native_string = std::wstring;
using native_string_view = std::wstring_view;
inline constexpr native_char separator = L'\\';
inline constexpr std::size_t name_max = 255; // UTF-16 code units per component
inline constexpr bool is_separator(native_char c) noexcept { return c == L'\\' || c == L'/'; }

// Characters names may not hold (Win32 naming rules), and may not end with.
inline constexpr bool forbidden_in_name(native_char c) noexcept
{
    return c < 32 || c == L'\\' || c == L'/' || c == L':' || c == L'<' || c == L'>' || c == L'"' || c == L'|' ||
           c == L'?' || c == L'*';
}
inline constexpr bool forbidden_at_end(native_char c) noexcept { return c == L'.' || c == L' '; }

// Whether the last component `name` is a DOS device name that Win32 resolves to a device
// whatever its directory: CON, PRN, AUX, NUL, COM0-9, LPT0-9 (also with the superscript digits
// 1-3), CONIN$, CONOUT$, in any case, with any extension (what follows the first '.'), and with
// trailing spaces before it ("NUL .txt").
inline bool reserved_name(native_string_view name) noexcept
{
    std::size_t n = name.find_first_of(L".:");
    if (n == native_string_view::npos)
        n = name.size();
    while (n > 0 && name[n - 1] == L' ')
        --n;
    auto up = [&](std::size_t i) -> wchar_t {
        return name[i] >= L'a' && name[i] <= L'z' ? static_cast<wchar_t>(name[i] - 32) : name[i];
    };
    auto is = [&](const wchar_t* w) {
        std::size_t i = 0;
        for (; w[i]; ++i)
            if (i >= n || up(i) != w[i])
                return false;
        return i == n;
    };
    if (is(L"CON") || is(L"PRN") || is(L"AUX") || is(L"NUL") || is(L"CONIN$") || is(L"CONOUT$"))
        return true;
    if (n == 4) {
        const bool com = up(0) == L'C' && up(1) == L'O' && up(2) == L'M';
        const bool lpt = up(0) == L'L' && up(1) == L'P' && up(2) == L'T';
        const wchar_t d = name[3];
        return (com || lpt) && ((d >= L'0' && d <= L'9') || d == 0xB9 || d == 0xB2 || d == 0xB3);
    }
    return false;
}

// The errors the portable layers tell apart, as the wrappers return them (negated).
namespace err {
inline constexpr int exists = 80;            // ERROR_FILE_EXISTS
inline constexpr int no_entry = 2;           // ERROR_FILE_NOT_FOUND
inline constexpr int invalid = 87;           // ERROR_INVALID_PARAMETER
inline constexpr int no_memory = 8;          // ERROR_NOT_ENOUGH_MEMORY
inline constexpr int too_big = 223;          // ERROR_FILE_TOO_LARGE
inline constexpr int io = 1117;              // ERROR_IO_DEVICE
inline constexpr int not_supported = 50;     // ERROR_NOT_SUPPORTED
inline constexpr int illegal_sequence = 1113; // ERROR_NO_UNICODE_TRANSLATION
} // namespace err

// The system deletes a file opened with FILE_FLAG_DELETE_ON_CLOSE when its last handle closes.
inline constexpr bool has_delete_on_close = true;
// No directory is held open to create in (open_dir_pin fails): names are absolute.
inline constexpr bool holds_directories = false;
// A file made without a name (delete-on-close) is never given one.
inline constexpr bool names_unnamed_files = false;
// WriteFile at an offset moves the file pointer of a synchronous handle.
inline constexpr bool write_at_keeps_position = false;
// remove_tree keeps the directory's handle open until the directory is gone (no reopen_dir).
inline constexpr bool removal_lets_go = false;

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_WINDOWS_VOCABULARY_HPP
