// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_WINDOWS_WIN32_HPP
#define BOOST_TEMPFILE_DETAIL_WINDOWS_WIN32_HPP

// Every Win32 and NT name the Windows layer uses, in one place, without <windows.h> (issue 20):
// no header of the library includes <windows.h>, <winternl.h> or <sddl.h>, so a user's TU
// gets none of their macros (min, max, ERROR, DELETE, CreateFile...). Namespace win32 holds
//   * what Boost.WinAPI declares (types, functions and constants, re-exported by name);
//   * functions it lacks, declared below as it declares its own: extern "C", the SDK's exact
//     signature, calling convention (WINAPI: __stdcall on 32-bit x86) and dllimport, so that a
//     TU that includes <windows.h> too, before or after, declares the same function twice;
//   * functions whose signature names a type that cannot be declared without the SDK (an
//     enumeration: FILE_INFO_BY_HANDLE_CLASS, TOKEN_INFORMATION_CLASS; a union by value:
//     SetFilePointerEx's LARGE_INTEGER) or that a system may lack (GetTempPath2W, the NT
//     calls): resolved once by GetProcAddress, through pointer types of the library's own;
//   * the structures those take, as the library's own types with the SDK's layout (a pointer
//     to them is what the call receives), and the constants, as constexpr values (names end
//     in '_', as Boost.WinAPI's: no macro of the SDK can meet them).
// Only the folder detail/windows/ includes this header (build/check_seam.sh).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/winapi/access_rights.hpp>
#include <boost/winapi/basic_types.hpp>
#include <boost/winapi/directory_management.hpp>
#include <boost/winapi/dll.hpp>
#include <boost/winapi/environment.hpp>
#include <boost/winapi/error_codes.hpp>
#include <boost/winapi/file_management.hpp>
#include <boost/winapi/get_current_process.hpp>
#include <boost/winapi/get_last_error.hpp>
#include <boost/winapi/get_proc_address.hpp>
#include <boost/winapi/handles.hpp>
#include <boost/winapi/limits.hpp>
#include <boost/winapi/local_memory.hpp>
#include <boost/winapi/overlapped.hpp>

// What Boost.WinAPI 1.81 does not declare: kernel32 (fileapi.h, processenv.h, winbase.h,
// stringapiset.h, wincon.h, errhandlingapi.h) and advapi32 (processthreadsapi.h, sddl.h).
// (GCC: a second declaration of the same function is no news to a user's -Wredundant-decls.)
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wredundant-decls"
#endif
// clang-format off
extern "C" {
BOOST_WINAPI_IMPORT boost::winapi::BOOL_ BOOST_WINAPI_WINAPI_CC
FlushFileBuffers(boost::winapi::HANDLE_ hFile);

BOOST_WINAPI_IMPORT boost::winapi::DWORD_ BOOST_WINAPI_WINAPI_CC
GetFileType(boost::winapi::HANDLE_ hFile);

BOOST_WINAPI_IMPORT boost::winapi::DWORD_ BOOST_WINAPI_WINAPI_CC
GetFullPathNameW(boost::winapi::LPCWSTR_ lpFileName, boost::winapi::DWORD_ nBufferLength,
                 boost::winapi::LPWSTR_ lpBuffer, boost::winapi::LPWSTR_* lpFilePart);

BOOST_WINAPI_IMPORT boost::winapi::DWORD_ BOOST_WINAPI_WINAPI_CC
GetCurrentDirectoryW(boost::winapi::DWORD_ nBufferLength, boost::winapi::LPWSTR_ lpBuffer);

BOOST_WINAPI_IMPORT boost::winapi::BOOL_ BOOST_WINAPI_WINAPI_CC
CreateHardLinkW(boost::winapi::LPCWSTR_ lpFileName, boost::winapi::LPCWSTR_ lpExistingFileName,
                ::_SECURITY_ATTRIBUTES* lpSecurityAttributes);

BOOST_WINAPI_IMPORT int BOOST_WINAPI_WINAPI_CC
CompareStringOrdinal(const boost::winapi::WCHAR_* lpString1, int cchCount1, const boost::winapi::WCHAR_* lpString2,
                     int cchCount2, boost::winapi::BOOL_ bIgnoreCase);

BOOST_WINAPI_IMPORT boost::winapi::BOOL_ BOOST_WINAPI_WINAPI_CC
SetConsoleCtrlHandler(boost::winapi::BOOL_(BOOST_WINAPI_WINAPI_CC* HandlerRoutine)(boost::winapi::DWORD_),
                      boost::winapi::BOOL_ Add);

BOOST_WINAPI_IMPORT void BOOST_WINAPI_WINAPI_CC
SetLastError(boost::winapi::DWORD_ dwErrCode);

BOOST_WINAPI_IMPORT boost::winapi::BOOL_ BOOST_WINAPI_WINAPI_CC
OpenProcessToken(boost::winapi::HANDLE_ ProcessHandle, boost::winapi::DWORD_ DesiredAccess,
                 boost::winapi::HANDLE_* TokenHandle);

BOOST_WINAPI_IMPORT boost::winapi::BOOL_ BOOST_WINAPI_WINAPI_CC
ConvertSidToStringSidW(boost::winapi::PVOID_ Sid, boost::winapi::LPWSTR_* StringSid);

BOOST_WINAPI_IMPORT boost::winapi::BOOL_ BOOST_WINAPI_WINAPI_CC
ConvertStringSecurityDescriptorToSecurityDescriptorW(boost::winapi::LPCWSTR_ StringSecurityDescriptor,
                                                     boost::winapi::DWORD_ StringSDRevision,
                                                     boost::winapi::PVOID_* SecurityDescriptor,
                                                     boost::winapi::ULONG_* SecurityDescriptorSize);
} // extern "C"
// clang-format on
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace boost {
namespace tempfile {
namespace detail {
namespace win32 {

// ---- Types (Boost.WinAPI's).
using boost::winapi::BOOL_;
using boost::winapi::BOOLEAN_;
using boost::winapi::BY_HANDLE_FILE_INFORMATION_;
using boost::winapi::DWORD_;
using boost::winapi::HANDLE_;
using boost::winapi::HMODULE_;
using boost::winapi::LARGE_INTEGER_;
using boost::winapi::LONG_;
using boost::winapi::LONGLONG_;
using boost::winapi::OVERLAPPED_;
using boost::winapi::SECURITY_ATTRIBUTES_;
using boost::winapi::ULONG_;
using boost::winapi::ULONG_PTR_;
using boost::winapi::USHORT_;
using boost::winapi::WCHAR_;

// ---- Functions: Boost.WinAPI's (BCryptGenRandom and GetCurrentProcessId are process.hpp's),
// then those declared above.
using boost::winapi::CloseHandle;
using boost::winapi::CreateDirectoryW;
using boost::winapi::CreateFileW;
using boost::winapi::DeleteFileW;
using boost::winapi::GetCurrentProcess;
using boost::winapi::GetEnvironmentVariableW;
using boost::winapi::GetFileAttributesW;
using boost::winapi::GetFileInformationByHandle;
using boost::winapi::GetLastError;
using boost::winapi::GetModuleHandleW;
using boost::winapi::LocalFree;
using boost::winapi::MoveFileExW;
using boost::winapi::ReadFile;
using boost::winapi::RemoveDirectoryW;
using boost::winapi::WriteFile;

using ::CompareStringOrdinal;
using ::ConvertSidToStringSidW;
using ::ConvertStringSecurityDescriptorToSecurityDescriptorW;
using ::CreateHardLinkW;
using ::FlushFileBuffers;
using ::GetCurrentDirectoryW;
using ::GetFileType;
using ::GetFullPathNameW;
using ::OpenProcessToken;
using ::SetConsoleCtrlHandler;
using ::SetLastError;

// ---- Constants: Boost.WinAPI's, then the library's own (the SDK's values).
using boost::winapi::CREATE_NEW_;
using boost::winapi::DELETE_;
using boost::winapi::ERROR_ACCESS_DENIED_;
using boost::winapi::ERROR_ALREADY_EXISTS_;
using boost::winapi::ERROR_BROKEN_PIPE_;
using boost::winapi::ERROR_CANT_RESOLVE_FILENAME_;
using boost::winapi::ERROR_DIR_NOT_EMPTY_;
using boost::winapi::ERROR_HANDLE_EOF_;
using boost::winapi::ERROR_MORE_DATA_;
using boost::winapi::ERROR_NO_MORE_FILES_;
using boost::winapi::ERROR_PATH_NOT_FOUND_;
using boost::winapi::ERROR_PROC_NOT_FOUND_;
using boost::winapi::ERROR_SHARING_VIOLATION_;
using boost::winapi::ERROR_TOO_MANY_OPEN_FILES_;
using boost::winapi::FILE_ATTRIBUTE_DIRECTORY_;
using boost::winapi::FILE_ATTRIBUTE_HIDDEN_;
using boost::winapi::FILE_ATTRIBUTE_NORMAL_;
using boost::winapi::FILE_ATTRIBUTE_READONLY_;
using boost::winapi::FILE_ATTRIBUTE_REPARSE_POINT_;
using boost::winapi::FILE_ATTRIBUTE_TEMPORARY_;
using boost::winapi::FILE_BEGIN_;
using boost::winapi::FILE_CURRENT_;
using boost::winapi::FILE_FLAG_BACKUP_SEMANTICS_;
using boost::winapi::FILE_FLAG_DELETE_ON_CLOSE_;
using boost::winapi::FILE_FLAG_OPEN_REPARSE_POINT_;
using boost::winapi::FILE_SHARE_DELETE_;
using boost::winapi::FILE_SHARE_READ_;
using boost::winapi::FILE_SHARE_WRITE_;
using boost::winapi::GENERIC_READ_;
using boost::winapi::GENERIC_WRITE_;
using boost::winapi::INVALID_FILE_ATTRIBUTES_;
using boost::winapi::INVALID_HANDLE_VALUE_;
using boost::winapi::MAX_PATH_;
using boost::winapi::OPEN_EXISTING_;
using boost::winapi::SYNCHRONIZE_;

inline constexpr DWORD_ FILE_LIST_DIRECTORY_ = 0x0001;    // winnt.h
inline constexpr DWORD_ FILE_READ_ATTRIBUTES_ = 0x0080;   // winnt.h
inline constexpr DWORD_ FILE_WRITE_ATTRIBUTES_ = 0x0100;  // winnt.h
inline constexpr DWORD_ TOKEN_QUERY_ = 0x0008;            // winnt.h
inline constexpr DWORD_ SECURITY_MAX_SID_SIZE_ = 68;      // winnt.h
inline constexpr DWORD_ FILE_TYPE_DISK_ = 0x0001;         // winbase.h
inline constexpr DWORD_ MOVEFILE_REPLACE_EXISTING_ = 0x1; // winbase.h
inline constexpr int CSTR_EQUAL_ = 2;                     // stringapiset.h
inline constexpr DWORD_ SDDL_REVISION_1_ = 1;             // sddl.h
inline constexpr int TokenUser_ = 1;                      // TOKEN_INFORMATION_CLASS

// FILE_INFO_BY_HANDLE_CLASS (minwinbase.h; FileDispositionInfoEx is hidden by mingw-w64's
// headers behind a version test) and FILE_DISPOSITION_INFO_EX's flags.
inline constexpr int FileBasicInfo_ = 0;
inline constexpr int FileNameInfo_ = 2;
inline constexpr int FileDispositionInfo_ = 4;
inline constexpr int FileEndOfFileInfo_ = 6;
inline constexpr int FileIdBothDirectoryInfo_ = 10;
inline constexpr int FileIdBothDirectoryRestartInfo_ = 11;
inline constexpr int FileDispositionInfoEx_ = 21;
inline constexpr ULONG_ FILE_DISPOSITION_FLAG_DELETE_ = 0x1;
inline constexpr ULONG_ FILE_DISPOSITION_FLAG_ON_CLOSE_ = 0x8;

// NtCreateFile's (winternl.h, wdm.h).
inline constexpr ULONG_ FILE_OPEN_ = 1;
inline constexpr ULONG_ FILE_DIRECTORY_FILE_ = 0x1;
inline constexpr ULONG_ FILE_SYNCHRONOUS_IO_NONALERT_ = 0x20;
inline constexpr ULONG_ FILE_NON_DIRECTORY_FILE_ = 0x40;
inline constexpr ULONG_ FILE_OPEN_FOR_BACKUP_INTENT_ = 0x4000;
inline constexpr ULONG_ FILE_OPEN_REPARSE_POINT_ = 0x200000;
inline constexpr ULONG_ OBJ_CASE_INSENSITIVE_ = 0x40;

// ---- Structures, with the SDK's layout (members as the SDK names them; DeleteFile, a macro of
// <windows.h>, gets a '_').
struct FILE_BASIC_INFO_
{
    LARGE_INTEGER_ CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
    DWORD_ FileAttributes;
};
struct FILE_DISPOSITION_INFO_
{
    BOOLEAN_ DeleteFile_;
};
struct FILE_DISPOSITION_INFO_EX_
{
    ULONG_ Flags;
};
struct FILE_END_OF_FILE_INFO_
{
    LARGE_INTEGER_ EndOfFile;
};
struct FILE_NAME_INFO_
{
    DWORD_ FileNameLength;
    WCHAR_ FileName[1];
};
struct FILE_ID_BOTH_DIR_INFO_
{
    DWORD_ NextEntryOffset;
    DWORD_ FileIndex;
    LARGE_INTEGER_ CreationTime, LastAccessTime, LastWriteTime, ChangeTime, EndOfFile, AllocationSize;
    DWORD_ FileAttributes;
    DWORD_ FileNameLength;
    DWORD_ EaSize;
    char ShortNameLength;
    WCHAR_ ShortName[12];
    LARGE_INTEGER_ FileId;
    WCHAR_ FileName[1];
};
struct SID_AND_ATTRIBUTES_
{
    void* Sid;
    DWORD_ Attributes;
};
struct TOKEN_USER_
{
    SID_AND_ATTRIBUTES_ User;
};
struct UNICODE_STRING_
{
    USHORT_ Length;
    USHORT_ MaximumLength;
    WCHAR_* Buffer;
};
struct OBJECT_ATTRIBUTES_
{
    ULONG_ Length;
    HANDLE_ RootDirectory;
    UNICODE_STRING_* ObjectName;
    ULONG_ Attributes;
    void* SecurityDescriptor;
    void* SecurityQualityOfService;
};
struct IO_STATUS_BLOCK_
{
    union
    {
        LONG_ Status;
        void* Pointer;
    };
    ULONG_PTR_ Information;
};

// ---- Functions resolved at run time (see the top), once per process. A function a system
// lacks fails with ERROR_PROC_NOT_FOUND (the NT ones: a null pointer, checked by the caller).
struct resolved_api
{
    using set_file_information_by_handle_fn = BOOL_(BOOST_WINAPI_WINAPI_CC*)(HANDLE_, int, void*, DWORD_);
    using get_file_information_by_handle_ex_fn = BOOL_(BOOST_WINAPI_WINAPI_CC*)(HANDLE_, int, void*, DWORD_);
    using set_file_pointer_ex_fn = BOOL_(BOOST_WINAPI_WINAPI_CC*)(HANDLE_, LARGE_INTEGER_, LARGE_INTEGER_*,
                                                                  DWORD_);
    using get_temp_path2_fn = DWORD_(BOOST_WINAPI_WINAPI_CC*)(DWORD_, WCHAR_*);
    using get_token_information_fn = BOOL_(BOOST_WINAPI_WINAPI_CC*)(HANDLE_, int, void*, DWORD_, DWORD_*);
    using nt_create_file_fn = LONG_(BOOST_WINAPI_NTAPI_CC*)(HANDLE_*, DWORD_, OBJECT_ATTRIBUTES_*,
                                                            IO_STATUS_BLOCK_*, LARGE_INTEGER_*, ULONG_,
                                                            ULONG_, ULONG_, ULONG_, void*, ULONG_);
    using rtl_nt_status_to_dos_error_fn = ULONG_(BOOST_WINAPI_NTAPI_CC*)(LONG_);

    set_file_information_by_handle_fn set_file_information_by_handle = nullptr; // kernel32
    get_file_information_by_handle_ex_fn get_file_information_by_handle_ex = nullptr;
    set_file_pointer_ex_fn set_file_pointer_ex = nullptr;
    get_temp_path2_fn get_temp_path2 = nullptr;               // absent in Wine 8
    get_token_information_fn get_token_information = nullptr; // advapi32 (or kernelbase)
    nt_create_file_fn nt_create_file = nullptr;               // ntdll
    rtl_nt_status_to_dos_error_fn rtl_nt_status_to_dos_error = nullptr;
    bool wine = false; // ntdll's wine_get_version
};

template <class Fn>
inline Fn resolve(HMODULE_ m, const char* name) noexcept
{
    return m ? reinterpret_cast<Fn>(reinterpret_cast<void*>(boost::winapi::get_proc_address(m, name)))
             : nullptr;
}

inline const resolved_api& resolved() noexcept
{
    static const resolved_api api = [] {
        using r = resolved_api;
        r a;
        const HMODULE_ k = GetModuleHandleW(L"kernel32.dll");
        a.set_file_information_by_handle =
            resolve<r::set_file_information_by_handle_fn>(k, "SetFileInformationByHandle");
        a.get_file_information_by_handle_ex =
            resolve<r::get_file_information_by_handle_ex_fn>(k, "GetFileInformationByHandleEx");
        a.set_file_pointer_ex = resolve<r::set_file_pointer_ex_fn>(k, "SetFilePointerEx");
        a.get_temp_path2 = resolve<r::get_temp_path2_fn>(k, "GetTempPath2W");
        // advapi32 is loaded when OpenProcessToken (declared above) is imported from it; a
        // program linked against the API sets (onecore.lib) imports it from elsewhere, and
        // kernelbase (Windows 8 and later) has GetTokenInformation too.
        a.get_token_information =
            resolve<r::get_token_information_fn>(GetModuleHandleW(L"advapi32.dll"), "GetTokenInformation");
        if (!a.get_token_information)
            a.get_token_information = resolve<r::get_token_information_fn>(
                GetModuleHandleW(L"kernelbase.dll"), "GetTokenInformation");
        const HMODULE_ nt = GetModuleHandleW(L"ntdll.dll");
        a.nt_create_file = resolve<r::nt_create_file_fn>(nt, "NtCreateFile");
        a.rtl_nt_status_to_dos_error = resolve<r::rtl_nt_status_to_dos_error_fn>(nt, "RtlNtStatusToDosError");
        a.wine = nt && boost::winapi::get_proc_address(nt, "wine_get_version") != nullptr;
        return a;
    }();
    return api;
}

inline BOOL_ not_found() noexcept
{
    SetLastError(ERROR_PROC_NOT_FOUND_);
    return 0;
}

// `info_class`: a FILE_INFO_BY_HANDLE_CLASS value above.
inline BOOL_ SetFileInformationByHandle(HANDLE_ h, int info_class, void* info, DWORD_ size) noexcept
{
    const auto f = resolved().set_file_information_by_handle;
    return f ? f(h, info_class, info, size) : not_found();
}

inline BOOL_ GetFileInformationByHandleEx(HANDLE_ h, int info_class, void* info, DWORD_ size) noexcept
{
    const auto f = resolved().get_file_information_by_handle_ex;
    return f ? f(h, info_class, info, size) : not_found();
}

inline BOOL_ SetFilePointerEx(HANDLE_ h, LARGE_INTEGER_ distance, LARGE_INTEGER_* new_pointer,
                              DWORD_ method) noexcept
{
    const auto f = resolved().set_file_pointer_ex;
    return f ? f(h, distance, new_pointer, method) : not_found();
}

// `info_class`: TokenUser_.
inline BOOL_ GetTokenInformation(HANDLE_ token, int info_class, void* info, DWORD_ size, DWORD_* got) noexcept
{
    const auto f = resolved().get_token_information;
    return f ? f(token, info_class, info, size, got) : not_found();
}

} // namespace win32
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_WINDOWS_WIN32_HPP
