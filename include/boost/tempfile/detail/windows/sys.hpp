// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_WINDOWS_SYS_HPP
#define BOOST_TEMPFILE_DETAIL_WINDOWS_SYS_HPP

// The Windows system-call layer: every Win32 / NT call the library makes is wrapped here, once
// (detail/system.hpp chooses this folder or detail/posix/). Conventions: a wrapper returns its
// result (>= 0) or the Win32 error negated (-GetLastError()); nothing is left for the caller to
// read from GetLastError().
//
// <windows.h> is included here (and only in this folder): Boost.WinAPI lacks most of what the
// library needs (GetFileInformationByHandleEx, SetFileInformationByHandle, NtCreateFile,
// CreateHardLinkW, GetFullPathNameW, SetConsoleCtrlHandler, the SDDL and token calls); its
// BCryptGenRandom is used. The code is written to work whether or not the user defined
// NOMINMAX or WIN32_LEAN_AND_MEAN.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/test_hooks.hpp>
#include <boost/tempfile/detail/windows/handle.hpp>
#include <boost/tempfile/detail/windows/process.hpp>
#include <boost/tempfile/detail/windows/vocabulary.hpp>

#include <windows.h>
#include <winternl.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

// ---- The seam's vocabulary: detail/windows/vocabulary.hpp (no system header), and here what
// needs one.

inline bool same_file(const file_id& a, const file_id& b) noexcept
{
    return a.volume == b.volume && a.index == b.index;
}

// ---- Test injection: with BOOST_TEMPFILE_TEST_HOOKS, a test stores an inject_fn
// (test_hook<inject_fn>()) that is asked before each call below is made; 0: make the real call,
// a negated Win32 error: fail with it, 1: succeed without making it (as Windows 10 1809 and
// later accept FileDispositionInfoEx, which Wine refuses). Without the macro injected() is a
// constant 0 and costs nothing.
enum class call
{
    disposition_ex,  // SetFileInformationByHandle(FileDispositionInfoEx) in keep()
    hard_link,       // CreateHardLinkW in keep() and publish()
    move_file,       // MoveFileExW in keep() and publish()
    create_file,     // CreateFileW of a new file (handle exhaustion: ERROR_TOO_MANY_OPEN_FILES)
    open_for_delete, // opening a temporary_directory with DELETE access to remove it
    flush,           // FlushFileBuffers of a file (a durable publish, flush())
    created_dir,     // after CreateDirectoryW, before the new directory is opened and checked
    write            // WriteFile of a file (a full disk: ERROR_DISK_FULL; ERROR_FILE_TOO_LARGE)
};
#if defined(BOOST_TEMPFILE_TEST_HOOKS)
using inject_fn = int (*)(call) noexcept;
inline int injected(call c) noexcept
{
    inject_fn f = ::boost::tempfile::detail::test_hook<inject_fn>();
    return f ? f(c) : 0;
}
#else
inline constexpr int injected(call) noexcept
{
    return 0;
}
#endif

// Errors that say "no such name": the file, or a directory on its path.
inline int normalise_missing(int r) noexcept
{
    return r == -static_cast<int>(ERROR_PATH_NOT_FOUND) ? -err::no_entry : r;
}

// ---- Long paths. An absolute name of MAX_PATH or more goes to Win32 as \\?\C:\... (or
// \\?\UNC\server\share\...), which lifts the limit and turns off the name parsing: the name is
// first made full (GetFullPathNameW: separators and dots resolved).
class win32_name
{
public:
    explicit win32_name(const native_char* p) noexcept : p_(p)
    {
        std::size_t n = std::char_traits<wchar_t>::length(p);
        if (n < 248 || (p[0] == L'\\' && p[1] == L'\\' && (p[2] == L'?' || p[2] == L'.') && p[3] == L'\\'))
            return; // short (CreateDirectoryW's limit is MAX_PATH - 12), or already a device path
        try {
            std::wstring full(n + 16, L'\0');
            DWORD m = ::GetFullPathNameW(p, static_cast<DWORD>(full.size()), &full[0], nullptr);
            if (m >= full.size()) {
                full.resize(m + 1);
                m = ::GetFullPathNameW(p, static_cast<DWORD>(full.size()), &full[0], nullptr);
            }
            if (m == 0 || m >= full.size())
                return;
            full.resize(m);
            if (full.size() > 2 && full[0] == L'\\' && full[1] == L'\\')
                own_ = L"\\\\?\\UNC\\" + full.substr(2);
            else
                own_ = L"\\\\?\\" + full;
            p_ = own_.c_str();
        } catch (...) { // no memory: the name as it is (Win32 then reports the length)
        }
    }
    win32_name(const win32_name&) = delete;
    win32_name& operator=(const win32_name&) = delete;
    const native_char* c_str() const noexcept { return p_; }

private:
    const native_char* p_;
    std::wstring own_;
};

// ---- Handles and files.

// Security attributes of every handle the library opens: not inherited by child processes.
inline SECURITY_ATTRIBUTES* no_inherit(SECURITY_ATTRIBUTES& sa, void* descriptor = nullptr) noexcept
{
    sa.nLength = sizeof sa;
    sa.lpSecurityDescriptor = descriptor;
    sa.bInheritHandle = FALSE;
    return &sa;
}

// CreateFileW: 0 with h set, or the error.
inline int create_file_w(const native_char* name, DWORD access, DWORD share, DWORD disposition, DWORD flags,
                         handle_type& h, void* descriptor = nullptr) noexcept
{
    win32_name n(name);
    SECURITY_ATTRIBUTES sa;
    HANDLE r = ::CreateFileW(n.c_str(), access, share, no_inherit(sa, descriptor), disposition, flags, nullptr);
    if (r == INVALID_HANDLE_VALUE)
        return last_error();
    h = r;
    return 0;
}

inline constexpr DWORD share_all = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;

// Opens `name` itself (a reparse point is opened, not followed), for its attributes and identity.
inline int open_entry(const native_char* name, DWORD access, handle_type& h) noexcept
{
    return create_file_w(name, access | FILE_READ_ATTRIBUTES | SYNCHRONIZE, share_all, OPEN_EXISTING,
                         FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, h);
}

// The attributes and identity of an open file.
inline int identify(handle_type h, file_id& id, DWORD& attributes) noexcept
{
    BY_HANDLE_FILE_INFORMATION info;
    if (!::GetFileInformationByHandle(h, &info))
        return last_error();
    id.volume = info.dwVolumeSerialNumber;
    id.index = (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow;
    attributes = info.dwFileAttributes;
    return 0;
}

// One ReadFile (at most 1 GiB); 0 at end of file.
BOOST_TEMPFILE_DETAIL_DECL std::ptrdiff_t read(handle_type h, void* buf, std::size_t n) noexcept
{
    DWORD got = 0;
    DWORD want = n > (1u << 30) ? (1u << 30) : static_cast<DWORD>(n);
    if (!::ReadFile(h, buf, want, &got, nullptr)) {
        DWORD e = ::GetLastError();
        return e == ERROR_HANDLE_EOF || e == ERROR_BROKEN_PIPE ? 0 : -static_cast<std::ptrdiff_t>(e);
    }
    return static_cast<std::ptrdiff_t>(got);
}

// Writes all n bytes (at `offset` when it is not null); 0 or the error.
inline int write_all_impl(handle_type h, const void* buf, std::size_t n, const std::int64_t* offset) noexcept
{
    if (int i = injected(call::write); i < 0)
        return i;
    const char* p = static_cast<const char*>(buf);
    std::int64_t off = offset ? *offset : 0;
    while (n > 0) {
        DWORD chunk = n > (1u << 30) ? (1u << 30) : static_cast<DWORD>(n);
        DWORD done = 0;
        OVERLAPPED ov{};
        if (offset) {
            ov.Offset = static_cast<DWORD>(static_cast<std::uint64_t>(off) & 0xFFFFFFFFu);
            ov.OffsetHigh = static_cast<DWORD>(static_cast<std::uint64_t>(off) >> 32);
        }
        if (!::WriteFile(h, p, chunk, &done, offset ? &ov : nullptr))
            return last_error();
        if (done == 0)
            return -err::io;
        p += done;
        off += done;
        n -= done;
    }
    return 0;
}

BOOST_TEMPFILE_DETAIL_DECL int write_all(handle_type h, const void* buf, std::size_t n) noexcept
{
    return write_all_impl(h, buf, n, nullptr);
}

// Like write_all, at an offset; the file position afterwards is unspecified (it moves).
BOOST_TEMPFILE_DETAIL_DECL int write_all_at(handle_type h, const void* buf, std::size_t n, std::int64_t off) noexcept
{
    return write_all_impl(h, buf, n, &off);
}

// SEEK_SET / SEEK_CUR / SEEK_END are FILE_BEGIN / FILE_CURRENT / FILE_END.
BOOST_TEMPFILE_DETAIL_DECL std::int64_t seek(handle_type h, std::int64_t off, int whence) noexcept
{
    LARGE_INTEGER d, r;
    d.QuadPart = off;
    if (!::SetFilePointerEx(h, d, &r, static_cast<DWORD>(whence)))
        return last_error();
    return r.QuadPart;
}

// Sets the size; the position does not move.
BOOST_TEMPFILE_DETAIL_DECL int truncate(handle_type h, std::uint64_t size) noexcept
{
    FILE_END_OF_FILE_INFO info;
    info.EndOfFile.QuadPart = static_cast<LONGLONG>(size);
    return ::SetFileInformationByHandle(h, FileEndOfFileInfo, &info, sizeof info) ? 0 : last_error();
}

BOOST_TEMPFILE_DETAIL_DECL int sync(handle_type h) noexcept
{
    if (int i = injected(call::flush); i < 0)
        return i;
    return ::FlushFileBuffers(h) ? 0 : last_error();
}

// Marks an open file (opened with DELETE access) for deletion when its last handle closes,
// or takes that back.
inline int set_delete(handle_type h, bool del) noexcept
{
    FILE_DISPOSITION_INFO info;
    info.DeleteFile = del ? TRUE : FALSE;
    return ::SetFileInformationByHandle(h, FileDispositionInfo, &info, sizeof info) ? 0 : last_error();
}

// Sets (`on`) or clears the delete-on-close state of an open file, the one
// FILE_FLAG_DELETE_ON_CLOSE gives (the handle needs DELETE access): FileDispositionInfoEx (21,
// hidden by mingw-w64's headers) with FILE_DISPOSITION_FLAG_ON_CLOSE (0x8), and
// FILE_DISPOSITION_FLAG_DELETE (0x1) to set it. Windows 10 1809 and later; elsewhere (Wine
// too) the class is refused: 0 or the error.
BOOST_TEMPFILE_DETAIL_DECL int set_delete_on_close(handle_type h, bool on) noexcept
{
    struct
    {
        ULONG Flags;
    } ex{on ? 0x9u : 0x8u};
    return ::SetFileInformationByHandle(h, static_cast<FILE_INFO_BY_HANDLE_CLASS>(21), &ex, sizeof ex) ? 0
                                                                                                    : last_error();
}

// Clears FILE_ATTRIBUTE_READONLY of an open file (opened with FILE_WRITE_ATTRIBUTES).
inline int clear_readonly(handle_type h, DWORD attributes) noexcept
{
    FILE_BASIC_INFO info{}; // zero times: unchanged
    info.FileAttributes = (attributes & ~static_cast<DWORD>(FILE_ATTRIBUTE_READONLY));
    if (info.FileAttributes == 0)
        info.FileAttributes = FILE_ATTRIBUTE_NORMAL;
    return ::SetFileInformationByHandle(h, FileBasicInfo, &info, sizeof info) ? 0 : last_error();
}

// Marks the open entry (opened with DELETE and FILE_WRITE_ATTRIBUTES access) for deletion,
// clearing a read-only attribute first if need be (Windows refuses to delete a read-only file).
inline int delete_open(handle_type h, DWORD attributes) noexcept
{
    int r = set_delete(h, true);
    if (r == -static_cast<int>(ERROR_ACCESS_DENIED) && (attributes & FILE_ATTRIBUTE_READONLY) &&
        clear_readonly(h, attributes) == 0)
        r = set_delete(h, true);
    return r;
}

// Whether this process runs under Wine, where a Unix symlink to a file lists and opens as a plain
// file and deleting it through its handle deletes its target (Wine deletes by the resolved Unix
// name): the tree removal then checks each entry's final name (final_name) before deleting it.
inline bool under_wine() noexcept
{
    static const bool wine = [] {
        HMODULE m = ::GetModuleHandleW(L"ntdll.dll");
        return m && ::GetProcAddress(m, "wine_get_version") != nullptr;
    }();
    return wine;
}

// The name the system resolves the open file to, from its volume's root (FileNameInfo: no
// MAX_PATH limit, unlike Wine's GetFinalPathNameByHandleW); false if it cannot be had.
inline bool final_name(handle_type h, std::wstring& out)
{
    std::vector<std::uint64_t> buf(128); // FILE_NAME_INFO: a DWORD length, then the name
    for (;;) {
        const DWORD size = static_cast<DWORD>(buf.size() * sizeof(std::uint64_t));
        if (::GetFileInformationByHandleEx(h, FileNameInfo, buf.data(), size)) {
            const auto* info = reinterpret_cast<const FILE_NAME_INFO*>(buf.data());
            out.assign(info->FileName, info->FileNameLength / sizeof(wchar_t));
            return true;
        }
        const auto* info = reinterpret_cast<const FILE_NAME_INFO*>(buf.data());
        if (::GetLastError() != ERROR_MORE_DATA || info->FileNameLength + sizeof(DWORD) <= size)
            return false;
        buf.resize((info->FileNameLength + sizeof(DWORD)) / sizeof(std::uint64_t) + 2);
    }
}

// ---- NT calls, resolved once from ntdll (no import library needed): opening a name relative
// to a directory handle, as openat does.

struct nt_api
{
    using create_file_fn = LONG(NTAPI*)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, PLARGE_INTEGER,
                                         ULONG, ULONG, ULONG, ULONG, PVOID, ULONG);
    using status_to_error_fn = ULONG(NTAPI*)(LONG);
    create_file_fn create_file = nullptr;
    status_to_error_fn status_to_error = nullptr;
};

inline const nt_api& nt() noexcept
{
    static const nt_api api = [] {
        nt_api a;
        if (HMODULE m = ::GetModuleHandleW(L"ntdll.dll")) {
            a.create_file = reinterpret_cast<nt_api::create_file_fn>(
                reinterpret_cast<void*>(::GetProcAddress(m, "NtCreateFile")));
            a.status_to_error = reinterpret_cast<nt_api::status_to_error_fn>(
                reinterpret_cast<void*>(::GetProcAddress(m, "RtlNtStatusToDosError")));
        }
        return a;
    }();
    return api;
}

// NtCreateFile's options (winternl.h spells only some of them, and as macros).
inline constexpr ULONG nt_open = 1;                    // FILE_OPEN
inline constexpr ULONG nt_directory_file = 0x1;        // FILE_DIRECTORY_FILE
inline constexpr ULONG nt_synchronous_io = 0x20;       // FILE_SYNCHRONOUS_IO_NONALERT
inline constexpr ULONG nt_non_directory_file = 0x40;   // FILE_NON_DIRECTORY_FILE
inline constexpr ULONG nt_backup_intent = 0x4000;      // FILE_OPEN_FOR_BACKUP_INTENT
inline constexpr ULONG nt_open_reparse_point = 0x200000; // FILE_OPEN_REPARSE_POINT

// Opens `name` (one component) relative to the directory `dir`, never following a reparse
// point. 0 with h set, or the Win32 error negated.
inline int open_relative(dir_type dir, const native_char* name, std::size_t len, ACCESS_MASK access, ULONG options,
                         handle_type& h) noexcept
{
    const nt_api& api = nt();
    if (!api.create_file)
        return -err::not_supported;
    UNICODE_STRING us;
    us.Buffer = const_cast<PWSTR>(name);
    us.Length = static_cast<USHORT>(len * sizeof(wchar_t));
    us.MaximumLength = us.Length;
    OBJECT_ATTRIBUTES oa;
    oa.Length = sizeof oa;
    oa.RootDirectory = dir;
    oa.ObjectName = &us;
    oa.Attributes = 0x40; // OBJ_CASE_INSENSITIVE, as Win32 names are
    oa.SecurityDescriptor = nullptr;
    oa.SecurityQualityOfService = nullptr;
    IO_STATUS_BLOCK io;
    HANDLE r = nullptr;
    LONG st = api.create_file(&r, access | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &oa, &io, nullptr, 0, share_all,
                              nt_open, options | nt_synchronous_io | nt_open_reparse_point | nt_backup_intent,
                              nullptr, 0);
    if (st < 0) {
        ULONG e = api.status_to_error ? api.status_to_error(st) : ERROR_ACCESS_DENIED;
        return -static_cast<int>(e ? e : ERROR_ACCESS_DENIED);
    }
    h = r;
    return 0;
}

// An environment variable (wide, as Windows keeps them); empty if unset.
inline std::wstring getenv_w(const wchar_t* name)
{
    std::wstring v(128, L'\0');
    for (;;) {
        DWORD n = ::GetEnvironmentVariableW(name, &v[0], static_cast<DWORD>(v.size()));
        if (n == 0)
            return std::wstring();
        if (n < v.size()) {
            v.resize(n);
            return v;
        }
        v.resize(n);
    }
}

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_WINDOWS_SYS_HPP
