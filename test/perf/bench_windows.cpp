// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The Windows benchmark behind ./build/bench.sh --windows (doc/performance.adoc). NOT a test:
// nothing is asserted against a time. Each operation of the library is timed against the raw
// Win32 floor doing the same job by hand:
//
//   create       mkstemp + _close + DeleteFileW        CreateFileW(CREATE_NEW) + CloseHandle + DeleteFileW
//   create_obj   named_temporary_file                  the same floor
//   write4k      named_temporary_file + write 4 KiB    CreateFileW + WriteFile + CloseHandle + DeleteFileW
//   anon         temporary_file                        CreateFileW(DELETE_ON_CLOSE, no sharing) + CloseHandle
//   mkdtemp      mkdtemp + RemoveDirectoryW            CreateDirectoryW + RemoveDirectoryW
//   tempdir_obj  temporary_directory                   the same floor
//
// Then what an empty temporary_directory's checks cost, each row the mkdtemp floor plus the
// calls of one check, by hand (its ratio - 1: the check's cost in floors):
//   dir+open     + open the directory (CreateFileW, backup semantics) + CloseHandle
//   dir+open+id  + that open and GetFileInformationByHandle (the identity compared)
//   dir+list     + that open and the listing (FileIdBothDirectoryRestartInfo, then the call
//                  that says there is no more)
//   dir+dispose  deleted by handle (opened with DELETE, FileDispositionInfo) instead of by name
//   dir+all      every call the library makes for one, by hand: create; open and identify
//                (held, no DELETE); open with DELETE and identify; list; dispose; two closes
//   Wine adds FileNameInfo for a directory that is not empty (not here).
//
// usage: bench_windows <directory> [rounds]
// One process (starting a program under Wine costs more than everything measured); each round
// runs every operation n times for the floor and for the library, in alternating order; the
// table gives the ratio of the medians (library / floor) and the spread of the per-round
// ratios. Under Wine only ratios mean something: Wine's absolute times are not Windows'.

#include <boost/tempfile.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <io.h>
#include <windows.h>

namespace tf = boost::tempfile;

namespace {

std::wstring g_dir;           // the measured directory, with a trailing backslash
char g_buf4k[4096];
std::uint64_t g_state = 0x9E3779B97F4A7C15ull ^ ::GetCurrentProcessId();

// The floor's name: tmp + 8 symbols of Python's alphabet (xorshift64*).
std::wstring floor_name()
{
    static const wchar_t alphabet[] = L"abcdefghijklmnopqrstuvwxyz0123456789_";
    std::wstring n = g_dir + L"tmp";
    for (int i = 0; i < 8; ++i) {
        g_state ^= g_state >> 12;
        g_state ^= g_state << 25;
        g_state ^= g_state >> 27;
        n += alphabet[(g_state * 0x2545F4914F6CDD1Dull >> 33) % 37];
    }
    return n;
}

[[noreturn]] void die(const char* what);

HANDLE open_dir(const std::wstring& n, DWORD access)
{
    HANDLE h = ::CreateFileW(n.c_str(), access | FILE_READ_ATTRIBUTES | SYNCHRONIZE,
                             FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING,
                             FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        die("CreateFileW (a directory)");
    return h;
}

void identify(HANDLE h)
{
    BY_HANDLE_FILE_INFORMATION info;
    if (!::GetFileInformationByHandle(h, &info))
        die("GetFileInformationByHandle");
}

void list(HANDLE h)
{
    alignas(8) static char buf[65536];
    FILE_INFO_BY_HANDLE_CLASS cls = FileIdBothDirectoryRestartInfo;
    while (::GetFileInformationByHandleEx(h, cls, buf, sizeof buf))
        cls = FileIdBothDirectoryInfo;
}

void dispose(HANDLE h)
{
    FILE_DISPOSITION_INFO info{TRUE};
    if (!::SetFileInformationByHandle(h, FileDispositionInfo, &info, sizeof info))
        die("FileDispositionInfo");
}

// The mkdtemp floor plus one check's calls (see the table at the top).
void dir_calls(bool open, bool id, bool lst, bool by_handle)
{
    std::wstring n = floor_name();
    if (!::CreateDirectoryW(n.c_str(), nullptr))
        die("CreateDirectoryW");
    if (open) {
        HANDLE h = open_dir(n, FILE_LIST_DIRECTORY);
        if (id)
            identify(h);
        if (lst)
            list(h);
        ::CloseHandle(h);
    }
    if (by_handle) {
        HANDLE h = open_dir(n, DELETE);
        dispose(h);
        ::CloseHandle(h);
    } else {
        ::RemoveDirectoryW(n.c_str());
    }
}

// Every call the library makes for an empty temporary_directory, by hand.
void dir_all()
{
    std::wstring n = floor_name();
    if (!::CreateDirectoryW(n.c_str(), nullptr))
        die("CreateDirectoryW");
    HANDLE held = open_dir(n, FILE_LIST_DIRECTORY | FILE_WRITE_ATTRIBUTES);
    identify(held);
    HANDLE top = open_dir(n, FILE_LIST_DIRECTORY | FILE_WRITE_ATTRIBUTES | DELETE);
    identify(top);
    list(top);
    dispose(top);
    ::CloseHandle(held);
    ::CloseHandle(top);
}

[[noreturn]] void die(const char* what)
{
    std::fprintf(stderr, "bench_windows: %s failed (error %lu)\n", what, ::GetLastError());
    std::exit(1);
}

HANDLE floor_open(const std::wstring& n, DWORD flags, DWORD share)
{
    HANDLE h = ::CreateFileW(n.c_str(), GENERIC_READ | GENERIC_WRITE, share, nullptr, CREATE_NEW, flags, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        die("CreateFileW");
    return h;
}

struct op
{
    const char* name;
    std::function<void()> floor, lib;
};

std::vector<op> ops()
{
    static tf::woptions o;
    static tf::file_options fo;
    static tf::anonymous_options ao;
    static tf::dir_options dopt;
    o.dir = g_dir;
    fo.dir = g_dir;
    ao.dir = g_dir;
    dopt.dir = g_dir;
    auto floor_create = [] {
        std::wstring n = floor_name();
        ::CloseHandle(floor_open(n, FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE));
        ::DeleteFileW(n.c_str());
    };
    auto floor_dir = [] {
        std::wstring n = floor_name();
        if (!::CreateDirectoryW(n.c_str(), nullptr))
            die("CreateDirectoryW");
        ::RemoveDirectoryW(n.c_str());
    };
    return {
        {"create", floor_create,
         [] {
             auto r = tf::mkstemp(o);
             ::_close(r.first);
             ::DeleteFileW(r.second.c_str());
         }},
        {"create_obj", floor_create, [] { tf::named_temporary_file f(fo); }},
        {"write4k",
         [] {
             std::wstring n = floor_name();
             HANDLE h = floor_open(n, FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
             DWORD w = 0;
             if (!::WriteFile(h, g_buf4k, sizeof g_buf4k, &w, nullptr) || w != sizeof g_buf4k)
                 die("WriteFile");
             ::CloseHandle(h);
             ::DeleteFileW(n.c_str());
         },
         [] {
             tf::named_temporary_file f(fo);
             f.write(g_buf4k, sizeof g_buf4k);
             f.close();
         }},
        {"anon", [] { ::CloseHandle(floor_open(floor_name(), FILE_FLAG_DELETE_ON_CLOSE, 0)); },
         [] { tf::temporary_file f(ao); }},
        {"mkdtemp", floor_dir,
         [] {
             std::wstring d = tf::mkdtemp(o);
             ::RemoveDirectoryW(d.c_str());
         }},
        {"tempdir_obj", floor_dir, [] { tf::temporary_directory d(dopt); }},
        {"dir+open", floor_dir, [] { dir_calls(true, false, false, false); }},
        {"dir+open+id", floor_dir, [] { dir_calls(true, true, false, false); }},
        {"dir+list", floor_dir, [] { dir_calls(true, false, true, false); }},
        {"dir+dispose", floor_dir, [] { dir_calls(false, false, false, true); }},
        {"dir+all", floor_dir, [] { dir_all(); }},
    };
}

double ns_per_op(const std::function<void()>& f, int n)
{
    LARGE_INTEGER freq, t0, t1;
    ::QueryPerformanceFrequency(&freq);
    ::QueryPerformanceCounter(&t0);
    for (int i = 0; i < n; ++i)
        f();
    ::QueryPerformanceCounter(&t1);
    return double(t1.QuadPart - t0.QuadPart) * 1e9 / double(freq.QuadPart) / n;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_windows <directory> [rounds]\n");
        return 2;
    }
    int n_dir = ::MultiByteToWideChar(CP_UTF8, 0, argv[1], -1, nullptr, 0);
    g_dir.resize(static_cast<std::size_t>(n_dir));
    ::MultiByteToWideChar(CP_UTF8, 0, argv[1], -1, &g_dir[0], n_dir);
    g_dir.resize(g_dir.size() - 1);
    if (g_dir.empty() || g_dir.back() != L'\\')
        g_dir += L'\\';
    const int rounds = argc > 2 ? (std::max)(1, std::atoi(argv[2])) : 7;
    const int n = 300;

    std::vector<op> all = ops();
    std::vector<std::vector<double>> fl(all.size()), li(all.size());
    for (auto& o : all) { // warm-up: first-use costs (DLL loads, the random seed, the DACL) out
        o.floor();
        o.lib();
    }
    for (int r = 0; r < rounds; ++r)
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (r % 2) { // alternating order: neither side always runs first
                li[i].push_back(ns_per_op(all[i].lib, n));
                fl[i].push_back(ns_per_op(all[i].floor, n));
            } else {
                fl[i].push_back(ns_per_op(all[i].floor, n));
                li[i].push_back(ns_per_op(all[i].lib, n));
            }
        }

    std::printf("| operation | library / Win32 floor (median) | per-round ratios (min - max) |\n");
    std::printf("|---|---|---|\n");
    for (std::size_t i = 0; i < all.size(); ++i) {
        std::vector<double> ratios;
        for (int r = 0; r < rounds; ++r)
            ratios.push_back(li[i][r] / fl[i][r]);
        std::printf("| %s | %.2f | %.2f - %.2f |\n", all[i].name, median(li[i]) / median(fl[i]),
                    *std::min_element(ratios.begin(), ratios.end()), *std::max_element(ratios.begin(), ratios.end()));
    }
    return 0;
}
