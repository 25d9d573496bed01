// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The Windows implementation of the test helpers (included by test_common.hpp, which lists
// them). Written on Win32 directly, independently of the library it checks; names are UTF-8.

#ifndef BOOST_TEMPFILE_TEST_PLATFORM_WINDOWS_HPP
#define BOOST_TEMPFILE_TEST_PLATFORM_WINDOWS_HPP

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

#include <io.h>

#include <cstdlib>

namespace test {

// The directory separator in the names the library returns.
inline const std::string separator = "\\";

// UTF-16 of a UTF-8 string (the library's narrow names are UTF-8 on Windows).
inline std::wstring widen(const std::string& s)
{
    if (s.empty())
        return std::wstring();
    int n = ::MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<std::size_t>(n), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), &w[0], n);
    return w;
}

// The name in the form that lifts MAX_PATH (\\?\C:\...) when it is an absolute drive path.
inline std::wstring long_name(const std::wstring& p)
{
    if (p.size() >= 3 && p[1] == L':' && (p[2] == L'\\' || p[2] == L'/')) {
        std::wstring r = L"\\\\?\\" + p;
        for (wchar_t& c : r)
            if (c == L'/')
                c = L'\\';
        return r;
    }
    return p;
}

// Directory entries of an open temporary_file: its delete-on-close file, which no other
// handle may open.
inline constexpr std::size_t unnamed_file_entries = 1u;

// Removes a file by its UTF-8 name; true if it was there.
inline bool remove_file(const std::string& p) { return ::DeleteFileW(long_name(widen(p)).c_str()) != 0; }

// A native handle that refers to an open file / the value of a closed object's.
inline bool is_open_handle(HANDLE h) { return h != nullptr && h != INVALID_HANDLE_VALUE; }
inline bool is_no_handle(HANDLE h) { return h == INVALID_HANDLE_VALUE; }

// The size of the open file, its position, and `n` bytes read at `offset` (the position is
// put back), through a native handle.
inline long long handle_size(HANDLE h)
{
    LARGE_INTEGER s;
    return ::GetFileSizeEx(h, &s) ? static_cast<long long>(s.QuadPart) : -1;
}
inline long long handle_position(HANDLE h)
{
    LARGE_INTEGER zero{}, pos{};
    return ::SetFilePointerEx(h, zero, &pos, FILE_CURRENT) ? static_cast<long long>(pos.QuadPart) : -1;
}
inline std::string read_at(HANDLE h, std::size_t n, long long offset)
{
    long long saved = handle_position(h);
    std::string r(n, '\0');
    OVERLAPPED o{};
    o.Offset = static_cast<DWORD>(offset & 0xFFFFFFFF);
    o.OffsetHigh = static_cast<DWORD>(offset >> 32);
    DWORD got = 0;
    if (!::ReadFile(h, &r[0], static_cast<DWORD>(n), &got, &o))
        got = 0;
    r.resize(got);
    LARGE_INTEGER back;
    back.QuadPart = saved;
    ::SetFilePointerEx(h, back, nullptr, FILE_BEGIN);
    return r;
}

// What tells an open file apart from every other at the same time ("volume:index"; empty on
// error), and its number of names.
inline std::string file_identity(HANDLE h)
{
    BY_HANDLE_FILE_INFORMATION i;
    if (!::GetFileInformationByHandle(h, &i))
        return std::string();
    return std::to_string(i.dwVolumeSerialNumber) + ':' +
           std::to_string((static_cast<unsigned long long>(i.nFileIndexHigh) << 32) | i.nFileIndexLow);
}
inline long link_count(HANDLE h)
{
    BY_HANDLE_FILE_INFORMATION i;
    return ::GetFileInformationByHandle(h, &i) ? static_cast<long>(i.nNumberOfLinks) : -1;
}

// Closes a descriptor mkstemp returned (a C-runtime descriptor).
inline int close_fd(int fd) { return ::_close(fd); }

// The path of a UTF-8 name.
inline fs::path path_of(const std::string& p) { return fs::path(widen(p)); }

// Removes a tree, clearing read-only attributes, never entering a reparse point (a link is
// removed as an entry, what it points to is left alone).
inline void remove_tree(const std::wstring& p)
{
    std::wstring l = long_name(p);
    DWORD a = ::GetFileAttributesW(l.c_str());
    if (a == INVALID_FILE_ATTRIBUTES)
        return;
    if (a & FILE_ATTRIBUTE_READONLY)
        ::SetFileAttributesW(l.c_str(), a & ~static_cast<DWORD>(FILE_ATTRIBUTE_READONLY));
    if ((a & FILE_ATTRIBUTE_DIRECTORY) && !(a & FILE_ATTRIBUTE_REPARSE_POINT)) {
        WIN32_FIND_DATAW d;
        HANDLE h = ::FindFirstFileW((l + L"\\*").c_str(), &d);
        if (h != INVALID_HANDLE_VALUE) {
            do {
                std::wstring n = d.cFileName;
                if (n != L"." && n != L"..")
                    remove_tree(p + L"\\" + n);
            } while (::FindNextFileW(h, &d));
            ::FindClose(h);
        }
        ::RemoveDirectoryW(l.c_str());
    } else if (!::DeleteFileW(l.c_str())) {
        ::RemoveDirectoryW(l.c_str());
    }
}

// A fresh directory under the user's temporary directory for one test, removed (with
// everything in it) at the end.
struct scratch
{
    fs::path dir;
    scratch()
    {
        wchar_t tmp[MAX_PATH + 1];
        DWORD n = ::GetTempPathW(MAX_PATH + 1, tmp);
        if (n == 0 || n > MAX_PATH)
            std::abort();
        static unsigned counter = 0;
        for (int i = 0; i < 100; ++i) {
            unsigned long v = ::GetCurrentProcessId() * 7919ul + ::GetTickCount() + ++counter * 104729ul;
            std::wstring d = std::wstring(tmp) + L"tempfile-test-" + std::to_wstring(v);
            if (::CreateDirectoryW(d.c_str(), nullptr)) {
                dir = d;
                return;
            }
        }
        std::abort();
    }
    ~scratch() { remove_tree(dir.wstring()); }
    scratch(const scratch&) = delete;
    scratch& operator=(const scratch&) = delete;
    std::vector<std::string> entries() const
    {
        std::vector<std::string> r;
        WIN32_FIND_DATAW d;
        HANDLE h = ::FindFirstFileW((long_name(dir.wstring()) + L"\\*").c_str(), &d);
        if (h == INVALID_HANDLE_VALUE)
            return r;
        do {
            std::wstring n = d.cFileName;
            if (n != L"." && n != L"..")
                r.push_back(narrow(n));
        } while (::FindNextFileW(h, &d));
        ::FindClose(h);
        return r;
    }
};

// Number of open FILE handles of this process (files and directories: what a leak of the
// library's would be; the semaphores and events the C runtime creates once, lazily, for its
// locks are not counted). From NtQuerySystemInformation(SystemExtendedHandleInformation),
// which Wine implements too (its GetProcessHandleCount answers 0); the File object type's
// index is learned from a handle opened for the purpose.
inline int open_fds()
{
    struct entry
    {
        PVOID object;
        ULONG_PTR pid;
        ULONG_PTR handle;
        ULONG access;
        USHORT backtrace;
        USHORT type;
        ULONG attributes;
        ULONG reserved;
    };
    using query_t = LONG(WINAPI*)(ULONG, PVOID, ULONG, PULONG);
    static const query_t query = reinterpret_cast<query_t>(reinterpret_cast<void (*)()>(
        ::GetProcAddress(::GetModuleHandleW(L"ntdll.dll"), "NtQuerySystemInformation")));
    auto for_each_mine = [](auto f) {
        std::vector<unsigned char> buf(1u << 16);
        for (;;) {
            ULONG len = 0;
            LONG st = query ? query(64 /* SystemExtendedHandleInformation */, buf.data(),
                                    static_cast<ULONG>(buf.size()), &len)
                            : -1;
            if (st == 0)
                break;
            if (st != static_cast<LONG>(0xC0000004) /* STATUS_INFO_LENGTH_MISMATCH */ || buf.size() > (1u << 26))
                return false;
            buf.resize(buf.size() * 4);
        }
        ULONG_PTR n = *reinterpret_cast<const ULONG_PTR*>(buf.data());
        const entry* e = reinterpret_cast<const entry*>(buf.data() + 2 * sizeof(ULONG_PTR));
        for (ULONG_PTR i = 0; i < n; ++i)
            if (e[i].pid == ::GetCurrentProcessId())
                f(e[i]);
        return true;
    };
    static const int file_type = [&] {
        wchar_t dir[MAX_PATH + 1];
        DWORD n = ::GetTempPathW(MAX_PATH + 1, dir);
        HANDLE probe = n > 0 && n <= MAX_PATH
                           ? ::CreateFileW(dir, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr)
                           : INVALID_HANDLE_VALUE;
        int t = -1;
        for_each_mine([&](const entry& e) {
            if (reinterpret_cast<HANDLE>(e.handle) == probe)
                t = e.type;
        });
        if (probe != INVALID_HANDLE_VALUE)
            ::CloseHandle(probe);
        return t;
    }();
    if (file_type < 0)
        return -1;
    int mine = 0;
    if (!for_each_mine([&](const entry& e) { mine += e.type == file_type; }))
        return -1;
    return mine;
}

// Sets an environment variable (nullptr: unsets it), in the C runtime's tables and the
// process's environment block (_putenv_s updates both).
inline void set_env(const char* name, const char* value) { ::_putenv_s(name, value ? value : ""); }

// An entry exists at the UTF-8 name (a link counts as itself).
inline bool exists(const std::string& p)
{
    return ::GetFileAttributesW(long_name(widen(p)).c_str()) != INVALID_FILE_ATTRIBUTES;
}

// A file's whole content read by its UTF-8 name, or "<missing>" (opened with every sharing
// mode, so that a delete-on-close file can be read while it is open).
inline std::string file_contents(const std::string& p)
{
    HANDLE h = ::CreateFileW(long_name(widen(p)).c_str(), GENERIC_READ,
                             FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                             OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        return "<missing>";
    std::string r;
    char buf[256];
    DWORD n = 0;
    while (::ReadFile(h, buf, sizeof buf, &n, nullptr) && n > 0)
        r.append(buf, n);
    ::CloseHandle(h);
    return r;
}

// Creates (or truncates) a file at the UTF-8 name with `content`; false on error.
inline bool write_file(const std::string& p, const std::string& content = std::string())
{
    HANDLE h = ::CreateFileW(long_name(widen(p)).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                             FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        return false;
    DWORD n = 0;
    bool ok = ::WriteFile(h, content.data(), static_cast<DWORD>(content.size()), &n, nullptr) && n == content.size();
    return ::CloseHandle(h) && ok;
}

// As on POSIX; the mode means nothing here (the file takes its directory's ACL).
inline bool put_file(const std::string& p, const std::string& text, unsigned = 0600)
{
    return write_file(p, text);
}

// A case that needs POSIX's on_small_fs().
inline boost::unit_test::decorator::precondition needs_small_fs(const std::string& what)
{
    return posix_only(what);
}

// Whether this runs under Wine.
inline bool under_wine()
{
    return ::GetProcAddress(::GetModuleHandleW(L"ntdll.dll"), "wine_get_version") != nullptr;
}

// ---- links planted from outside: under Wine, a Linux symlink made with /bin/ln (Wine runs a
// Unix program given as Z:\...); on Windows, CreateSymbolicLinkW (developer mode or admin).

inline std::string unix_name(const std::string& windows_name)
{
    using fn = char*(__cdecl*)(const wchar_t*);
    auto f = reinterpret_cast<fn>(reinterpret_cast<void (*)()>(
        ::GetProcAddress(::GetModuleHandleW(L"kernel32.dll"), "wine_get_unix_file_name")));
    if (!f)
        return std::string();
    char* u = f(test::widen(windows_name).c_str());
    std::string r = u ? u : "";
    ::HeapFree(::GetProcessHeap(), 0, u);
    return r;
}

inline bool plant_link(const std::string& link, const std::string& target, bool directory)
{
    if (under_wine()) {
        std::wstring cmd = test::widen("/bin/ln -s \"" + unix_name(target) + "\" \"" + unix_name(link) + "\"");
        STARTUPINFOW si{};
        si.cb = sizeof si;
        PROCESS_INFORMATION pi{};
        if (!::CreateProcessW(L"Z:\\bin\\ln", &cmd[0], nullptr, nullptr, FALSE, 0, nullptr, nullptr, &si, &pi))
            return false;
        ::WaitForSingleObject(pi.hProcess, INFINITE);
        ::CloseHandle(pi.hThread);
        ::CloseHandle(pi.hProcess);
        // The handle Wine returns for a Unix program can be signalled before that program has
        // run to its end: wait (boundedly) for the link to appear.
        for (int i = 0; i < 500 && ::GetFileAttributesW(test::widen(link).c_str()) == INVALID_FILE_ATTRIBUTES; ++i)
            ::Sleep(10);
    } else {
        DWORD flags = (directory ? SYMBOLIC_LINK_FLAG_DIRECTORY : 0) | 0x2 /* ALLOW_UNPRIVILEGED_CREATE */;
        if (!::CreateSymbolicLinkW(test::widen(link).c_str(), test::widen(target).c_str(), flags))
            return false;
    }
    // Wine shows a Linux symlink to a directory as a reparse point (0x410); one to a file only
    // with its target's attributes.
    DWORD a = ::GetFileAttributesW(test::widen(link).c_str());
    return a != INVALID_FILE_ATTRIBUTES && (!directory || (a & FILE_ATTRIBUTE_REPARSE_POINT));
}

// Under Wine: removes a planted Linux symlink from the Linux side (/bin/rm).
inline void unplant_link(const std::string& link)
{
    if (!under_wine() || ::GetFileAttributesW(test::widen(link).c_str()) == INVALID_FILE_ATTRIBUTES)
        return;
    std::wstring cmd = test::widen("/bin/rm -f \"" + unix_name(link) + "\"");
    STARTUPINFOW si{};
    si.cb = sizeof si;
    PROCESS_INFORMATION pi{};
    if (!::CreateProcessW(L"Z:\\bin\\rm", &cmd[0], nullptr, nullptr, FALSE, 0, nullptr, nullptr, &si, &pi))
        return;
    ::WaitForSingleObject(pi.hProcess, INFINITE);
    ::CloseHandle(pi.hThread);
    ::CloseHandle(pi.hProcess);
    for (int i = 0; i < 500 && ::GetFileAttributesW(test::widen(link).c_str()) != INVALID_FILE_ATTRIBUTES; ++i)
        ::Sleep(10);
}

inline bool can_plant_links()
{
    test::scratch s;
    std::string target = s.dir.string() + "\\target";
    ::CreateDirectoryW(test::widen(target).c_str(), nullptr);
    bool ok = plant_link(s.dir.string() + "\\link", target, true);
    unplant_link(s.dir.string() + "\\link");
    return ok;
}

// A child process that inherits every inheritable handle of this one (Windows' nearest to
// fork: a child gets only those): this program, started suspended, so it runs nothing; killed
// with the object.
struct inheriting_child
{
    PROCESS_INFORMATION pi{};
    inheriting_child()
    {
        std::wstring exe(32768, L'\0');
        exe.resize(::GetModuleFileNameW(nullptr, &exe[0], static_cast<DWORD>(exe.size())));
        std::wstring cmd = L"\"" + exe + L"\"";
        STARTUPINFOW si{};
        si.cb = sizeof si;
        if (!::CreateProcessW(exe.c_str(), &cmd[0], nullptr, nullptr, TRUE, CREATE_SUSPENDED, nullptr, nullptr, &si,
                              &pi))
            pi.hProcess = nullptr;
    }
    inheriting_child(const inheriting_child&) = delete;
    inheriting_child& operator=(const inheriting_child&) = delete;
    bool started() const { return pi.hProcess != nullptr; }
    ~inheriting_child()
    {
        if (!pi.hProcess)
            return;
        ::TerminateProcess(pi.hProcess, 0);
        ::WaitForSingleObject(pi.hProcess, INFINITE);
        ::CloseHandle(pi.hThread);
        ::CloseHandle(pi.hProcess);
    }
};

// Runs this program again, with BOOST_TEMPFILE_TEST_ROLE=`role` in its environment (which a
// global fixture of the program reads with child_role() and plays): its exit code, or -1
// (not started, or not ended within a minute: killed).
inline int run_child(const std::string& role)
{
    std::wstring exe(32768, L'\0');
    exe.resize(::GetModuleFileNameW(nullptr, &exe[0], static_cast<DWORD>(exe.size())));
    std::wstring cmd = L"\"" + exe + L"\" --log_level=nothing --report_level=no";
    ::SetEnvironmentVariableW(L"BOOST_TEMPFILE_TEST_ROLE", widen(role).c_str());
    STARTUPINFOW si{};
    si.cb = sizeof si;
    PROCESS_INFORMATION pi{};
    BOOL ok = ::CreateProcessW(exe.c_str(), &cmd[0], nullptr, nullptr, FALSE, 0, nullptr, nullptr, &si, &pi);
    ::SetEnvironmentVariableW(L"BOOST_TEMPFILE_TEST_ROLE", nullptr);
    if (!ok)
        return -1;
    DWORD code = static_cast<DWORD>(-1);
    if (::WaitForSingleObject(pi.hProcess, 60000) != WAIT_OBJECT_0)
        ::TerminateProcess(pi.hProcess, static_cast<UINT>(-1));
    else
        ::GetExitCodeProcess(pi.hProcess, &code);
    ::CloseHandle(pi.hThread);
    ::CloseHandle(pi.hProcess);
    return static_cast<int>(code);
}

// The role run_child gave this process (empty in a process not started so); cleared, so
// that its own children do not inherit it.
inline std::string child_role()
{
    wchar_t buf[4096];
    DWORD n = ::GetEnvironmentVariableW(L"BOOST_TEMPFILE_TEST_ROLE", buf, 4096);
    if (n == 0 || n >= 4096)
        return std::string();
    ::SetEnvironmentVariableW(L"BOOST_TEMPFILE_TEST_ROLE", nullptr);
    std::string r;
    utf8(std::wstring(buf, n), r);
    return r;
}

} // namespace test

#endif
