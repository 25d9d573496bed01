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
// No <windows.h>: every Win32 and NT name comes from win32.hpp (Boost.WinAPI's declarations and
// the library's own), so the code is the same whether or not the user defined NOMINMAX or
// WIN32_LEAN_AND_MEAN, or includes <windows.h> before or after the library.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/test_hooks.hpp>
#include <boost/tempfile/detail/windows/handle.hpp>
#include <boost/tempfile/detail/windows/process.hpp>
#include <boost/tempfile/detail/windows/vocabulary.hpp>
#include <boost/tempfile/detail/windows/win32.hpp>

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
// later accept FileDispositionInfoEx, which Wine refuses). Without the macro injected() returns
// 0 and costs nothing once inlined. One definition whose body the macro chooses, not two: gcovr
// (5.2) merges a function's counts from every test program by its name and stops when two
// programs put it at different lines (build/coverage.sh --config=windows).
enum class call
{
    disposition_ex,  // SetFileInformationByHandle(FileDispositionInfoEx) in keep()
    hard_link,       // CreateHardLinkW in keep() and publish()
    move_file,       // MoveFileExW in keep() and publish()
    create_file,     // CreateFileW of a new file (handle exhaustion: ERROR_TOO_MANY_OPEN_FILES)
    open_for_delete, // opening a temporary_directory with DELETE access to remove it
    flush,           // FlushFileBuffers of a file (a durable publish, flush())
    created_dir,     // after CreateDirectoryW, before the new directory is opened and checked
    write,           // WriteFile of a file (a full disk: ERROR_DISK_FULL; ERROR_FILE_TOO_LARGE)
    delete_top,      // marking an emptied temporary_directory deleted (Windows refuses a
                     // read-only one, ERROR_ACCESS_DENIED; Wine does not)
    create_refused   // the error of a failed CreateFileW(CREATE_NEW), replaced: where a
                     // directory has the name Windows answers ERROR_ACCESS_DENIED, Wine
                     // ERROR_FILE_EXISTS
};
#if defined(BOOST_TEMPFILE_TEST_HOOKS)
using inject_fn = int (*)(call) noexcept;
#endif
inline int injected(call c) noexcept
{
#if defined(BOOST_TEMPFILE_TEST_HOOKS)
    inject_fn f = ::boost::tempfile::detail::test_hook<inject_fn>();
    return f ? f(c) : 0;
#else
    (void)c;
    return 0;
#endif
}

// Errors that say "no such name": the file, or a directory on its path.
inline int normalise_missing(int r) noexcept
{
    return r == -static_cast<int>(win32::ERROR_PATH_NOT_FOUND_) ? -err::no_entry : r;
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
            win32::DWORD_ m =
                win32::GetFullPathNameW(p, static_cast<win32::DWORD_>(full.size()), &full[0], nullptr);
            if (m >= full.size()) {
                full.resize(m + 1);
                m = win32::GetFullPathNameW(p, static_cast<win32::DWORD_>(full.size()), &full[0], nullptr);
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
inline win32::SECURITY_ATTRIBUTES_* no_inherit(win32::SECURITY_ATTRIBUTES_& sa,
                                               void* descriptor = nullptr) noexcept
{
    sa.nLength = sizeof sa;
    sa.lpSecurityDescriptor = descriptor;
    sa.bInheritHandle = 0;
    return &sa;
}

// CreateFileW: 0 with h set, or the error.
inline int create_file_w(const native_char* name, win32::DWORD_ access, win32::DWORD_ share,
                         win32::DWORD_ disposition, win32::DWORD_ flags, handle_type& h,
                         void* descriptor = nullptr) noexcept
{
    win32_name n(name);
    win32::SECURITY_ATTRIBUTES_ sa;
    win32::HANDLE_ r =
        win32::CreateFileW(n.c_str(), access, share, no_inherit(sa, descriptor), disposition, flags, nullptr);
    if (r == win32::INVALID_HANDLE_VALUE_)
        return last_error();
    h = r;
    return 0;
}

inline constexpr win32::DWORD_ share_all =
    win32::FILE_SHARE_READ_ | win32::FILE_SHARE_WRITE_ | win32::FILE_SHARE_DELETE_;

// Opens `name` itself (a reparse point is opened, not followed), for its attributes and identity.
inline int open_entry(const native_char* name, win32::DWORD_ access, handle_type& h) noexcept
{
    return create_file_w(name, access | win32::FILE_READ_ATTRIBUTES_ | win32::SYNCHRONIZE_, share_all,
                         win32::OPEN_EXISTING_,
                         win32::FILE_FLAG_BACKUP_SEMANTICS_ | win32::FILE_FLAG_OPEN_REPARSE_POINT_, h);
}

// The attributes and identity of an open file.
inline int identify(handle_type h, file_id& id, win32::DWORD_& attributes) noexcept
{
    win32::BY_HANDLE_FILE_INFORMATION_ info;
    if (!win32::GetFileInformationByHandle(h, &info))
        return last_error();
    id.volume = info.dwVolumeSerialNumber;
    id.index = (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow;
    attributes = info.dwFileAttributes;
    return 0;
}

// One ReadFile (at most 1 GiB); 0 at end of file.
BOOST_TEMPFILE_DETAIL_DECL std::ptrdiff_t read(handle_type h, void* buf, std::size_t n) noexcept
{
    win32::DWORD_ got = 0;
    win32::DWORD_ want = n > (1u << 30) ? (1u << 30) : static_cast<win32::DWORD_>(n);
    if (!win32::ReadFile(h, buf, want, &got, nullptr)) {
        win32::DWORD_ e = win32::GetLastError();
        return e == win32::ERROR_HANDLE_EOF_ || e == win32::ERROR_BROKEN_PIPE_
                   ? 0
                   : -static_cast<std::ptrdiff_t>(e);
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
        win32::DWORD_ chunk = n > (1u << 30) ? (1u << 30) : static_cast<win32::DWORD_>(n);
        win32::DWORD_ done = 0;
        win32::OVERLAPPED_ ov{};
        if (offset) {
            ov.Offset = static_cast<win32::DWORD_>(static_cast<std::uint64_t>(off) & 0xFFFFFFFFu);
            ov.OffsetHigh = static_cast<win32::DWORD_>(static_cast<std::uint64_t>(off) >> 32);
        }
        if (!win32::WriteFile(h, p, chunk, &done, offset ? &ov : nullptr))
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
    win32::LARGE_INTEGER_ d, r;
    d.QuadPart = off;
    if (!win32::SetFilePointerEx(h, d, &r, static_cast<win32::DWORD_>(whence)))
        return last_error();
    return r.QuadPart;
}

// Sets the size; the position does not move.
BOOST_TEMPFILE_DETAIL_DECL int truncate(handle_type h, std::uint64_t size) noexcept
{
    win32::FILE_END_OF_FILE_INFO_ info;
    info.EndOfFile.QuadPart = static_cast<win32::LONGLONG_>(size);
    return win32::SetFileInformationByHandle(h, win32::FileEndOfFileInfo_, &info, sizeof info) ? 0
                                                                                               : last_error();
}

BOOST_TEMPFILE_DETAIL_DECL int sync(handle_type h) noexcept
{
    if (int i = injected(call::flush); i < 0)
        return i;
    return win32::FlushFileBuffers(h) ? 0 : last_error();
}

// Marks an open file (opened with DELETE access) for deletion when its last handle closes,
// or takes that back.
inline int set_delete(handle_type h, bool del) noexcept
{
    win32::FILE_DISPOSITION_INFO_ info;
    info.DeleteFile_ = del ? 1 : 0;
    return win32::SetFileInformationByHandle(h, win32::FileDispositionInfo_, &info, sizeof info)
               ? 0
               : last_error();
}

// Sets (`on`) or clears the delete-on-close state of an open file, the one
// FILE_FLAG_DELETE_ON_CLOSE gives (the handle needs DELETE access): FileDispositionInfoEx with
// FILE_DISPOSITION_FLAG_ON_CLOSE, and FILE_DISPOSITION_FLAG_DELETE to set it. Windows 10 1809
// and later; elsewhere (Wine too) the class is refused: 0 or the error.
BOOST_TEMPFILE_DETAIL_DECL int set_delete_on_close(handle_type h, bool on) noexcept
{
    win32::FILE_DISPOSITION_INFO_EX_ ex{win32::FILE_DISPOSITION_FLAG_ON_CLOSE_ |
                                        (on ? win32::FILE_DISPOSITION_FLAG_DELETE_ : 0u)};
    return win32::SetFileInformationByHandle(h, win32::FileDispositionInfoEx_, &ex, sizeof ex) ? 0
                                                                                               : last_error();
}

// Clears FILE_ATTRIBUTE_READONLY of an open file (opened with FILE_WRITE_ATTRIBUTES).
inline int clear_readonly(handle_type h, win32::DWORD_ attributes) noexcept
{
    win32::FILE_BASIC_INFO_ info{}; // zero times: unchanged
    info.FileAttributes = (attributes & ~static_cast<win32::DWORD_>(win32::FILE_ATTRIBUTE_READONLY_));
    if (info.FileAttributes == 0)
        info.FileAttributes = win32::FILE_ATTRIBUTE_NORMAL_;
    return win32::SetFileInformationByHandle(h, win32::FileBasicInfo_, &info, sizeof info) ? 0 : last_error();
}

// Marks the open entry (opened with DELETE and FILE_WRITE_ATTRIBUTES access) for deletion,
// clearing a read-only attribute first if need be (Windows refuses to delete a read-only file).
inline int delete_open(handle_type h, win32::DWORD_ attributes) noexcept
{
    int r = set_delete(h, true);
    if (r == -static_cast<int>(win32::ERROR_ACCESS_DENIED_) &&
        (attributes & win32::FILE_ATTRIBUTE_READONLY_) && clear_readonly(h, attributes) == 0)
        r = set_delete(h, true);
    return r;
}

// Whether this process runs under Wine, where a Unix symlink to a file lists and opens as a plain
// file and deleting it through its handle deletes its target (Wine deletes by the resolved Unix
// name): the tree removal then checks each entry's final name (final_name) before deleting it.
inline bool under_wine() noexcept
{
    return win32::resolved().wine;
}

// The name the system resolves the open file to, from its volume's root (FileNameInfo: no
// MAX_PATH limit, unlike Wine's GetFinalPathNameByHandleW); false if it cannot be had.
inline bool final_name(handle_type h, std::wstring& out)
{
    std::vector<std::uint64_t> buf(128); // FILE_NAME_INFO: a DWORD length, then the name
    for (;;) {
        const win32::DWORD_ size = static_cast<win32::DWORD_>(buf.size() * sizeof(std::uint64_t));
        if (win32::GetFileInformationByHandleEx(h, win32::FileNameInfo_, buf.data(), size)) {
            const auto* info = reinterpret_cast<const win32::FILE_NAME_INFO_*>(buf.data());
            out.assign(info->FileName, info->FileNameLength / sizeof(wchar_t));
            return true;
        }
        const auto* info = reinterpret_cast<const win32::FILE_NAME_INFO_*>(buf.data());
        if (win32::GetLastError() != win32::ERROR_MORE_DATA_ ||
            info->FileNameLength + sizeof(win32::DWORD_) <= size)
            return false;
        buf.resize((info->FileNameLength + sizeof(win32::DWORD_)) / sizeof(std::uint64_t) + 2);
    }
}

// ---- NT calls (resolved from ntdll: no import library needed): opening a name relative to a
// directory handle, as openat does.

// Opens `name` (one component) relative to the directory `dir`, never following a reparse
// point. 0 with h set, or the Win32 error negated.
inline int open_relative(dir_type dir, const native_char* name, std::size_t len, win32::DWORD_ access,
                         win32::ULONG_ options, handle_type& h) noexcept
{
    const win32::resolved_api& api = win32::resolved();
    if (!api.nt_create_file)
        return -err::not_supported;
    win32::UNICODE_STRING_ us;
    us.Buffer = const_cast<win32::WCHAR_*>(name);
    us.Length = static_cast<win32::USHORT_>(len * sizeof(wchar_t));
    us.MaximumLength = us.Length;
    win32::OBJECT_ATTRIBUTES_ oa;
    oa.Length = sizeof oa;
    oa.RootDirectory = dir;
    oa.ObjectName = &us;
    oa.Attributes = win32::OBJ_CASE_INSENSITIVE_; // as Win32 names are
    oa.SecurityDescriptor = nullptr;
    oa.SecurityQualityOfService = nullptr;
    win32::IO_STATUS_BLOCK_ io;
    win32::HANDLE_ r = nullptr;
    const win32::LONG_ st =
        api.nt_create_file(&r, access | win32::SYNCHRONIZE_ | win32::FILE_READ_ATTRIBUTES_, &oa, &io, nullptr,
                           0, share_all, win32::FILE_OPEN_,
                           options | win32::FILE_SYNCHRONOUS_IO_NONALERT_ | win32::FILE_OPEN_REPARSE_POINT_ |
                               win32::FILE_OPEN_FOR_BACKUP_INTENT_,
                           nullptr, 0);
    if (st < 0) {
        win32::ULONG_ e =
            api.rtl_nt_status_to_dos_error ? api.rtl_nt_status_to_dos_error(st) : win32::ERROR_ACCESS_DENIED_;
        return -static_cast<int>(e ? e : win32::ERROR_ACCESS_DENIED_);
    }
    h = r;
    return 0;
}

// An environment variable (wide, as Windows keeps them); empty if unset.
inline std::wstring getenv_w(const wchar_t* name)
{
    std::wstring v(128, L'\0');
    for (;;) {
        win32::DWORD_ n = win32::GetEnvironmentVariableW(name, &v[0], static_cast<win32::DWORD_>(v.size()));
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
