// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_WINDOWS_OPS_HPP
#define BOOST_TEMPFILE_DETAIL_WINDOWS_OPS_HPP

// The seam's operations on Windows: what the portable layers ask of the system
// (detail/platform.hpp lists them), each made of the wrappers in sys.hpp. Results are >= 0 or
// the Win32 error negated. DESIGN.md section 5 says what each one does differently from POSIX.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/platform.hpp> // adopt_refusal
#include <boost/tempfile/detail/windows/sys.hpp>
#include <boost/tempfile/detail/test_hooks.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <fcntl.h> // the C runtime's (_O_BINARY, _O_NOINHERIT), as <io.h>: no Win32 there
#include <io.h>

namespace boost {
namespace tempfile {
namespace detail {
namespace sys {

// ---- Names and directories.

BOOST_TEMPFILE_DETAIL_DECL native_string current_dir()
{
    std::wstring buf(win32::MAX_PATH_, L'\0');
    for (;;) {
        win32::DWORD_ n = win32::GetCurrentDirectoryW(static_cast<win32::DWORD_>(buf.size()), &buf[0]);
        if (n == 0)
            return L".";
        if (n < buf.size()) {
            buf.resize(n);
            return buf;
        }
        buf.resize(n);
    }
}

// `p` made absolute (GetFullPathNameW: against the current directory and drive, separators
// made '\', "." and ".." resolved), without trailing separators except for a root.
BOOST_TEMPFILE_DETAIL_DECL native_string absolute(native_string p)
{
    if (p.empty())
        p = L".";
    std::wstring full(p.size() + win32::MAX_PATH_, L'\0');
    for (;;) {
        win32::DWORD_ n =
            win32::GetFullPathNameW(p.c_str(), static_cast<win32::DWORD_>(full.size()), &full[0], nullptr);
        if (n == 0) {
            full = p; // not a name Windows can parse: used as it is, and the creation reports it
            break;
        }
        if (n < full.size()) {
            full.resize(n);
            break;
        }
        full.resize(n);
    }
    // A root keeps its separator: "C:\", "\\server\share\", "\\?\C:\", "\".
    while (full.size() > 1 && is_separator(full.back())) {
        std::size_t n = full.size();
        if ((n == 3 && full[1] == L':') || (n == 7 && full.compare(0, 4, L"\\\\?\\") == 0 && full[5] == L':'))
            break;
        full.pop_back();
    }
    return full;
}

// Python's _candidate_tempdir_list() on Windows: TMPDIR, TEMP, TMP (unset or empty skipped),
// GetTempPath2W's answer where the system has it (Windows 11; for a SYSTEM process its private
// SystemTemp), %USERPROFILE%\AppData\Local\Temp, %SYSTEMROOT%\Temp, C:\TEMP, C:\TMP, \TEMP,
// \TMP, then the current directory.
BOOST_TEMPFILE_DETAIL_DECL std::vector<native_string> candidate_tempdirs()
{
    std::vector<native_string> r;
    for (const wchar_t* var : {L"TMPDIR", L"TEMP", L"TMP"}) {
        std::wstring v = getenv_w(var);
        if (!v.empty())
            r.push_back(std::move(v));
    }
    if (const auto get_temp_path2 = win32::resolved().get_temp_path2) { // absent in Wine 8
        wchar_t buf[win32::MAX_PATH_ + 1];
        win32::DWORD_ n = get_temp_path2(win32::MAX_PATH_ + 1, buf);
        if (n > 0 && n <= win32::MAX_PATH_)
            r.emplace_back(buf, n);
    }
    std::wstring profile = getenv_w(L"USERPROFILE");
    if (!profile.empty())
        r.push_back(profile + L"\\AppData\\Local\\Temp");
    std::wstring root = getenv_w(L"SYSTEMROOT");
    if (!root.empty())
        r.push_back(root + L"\\Temp");
    for (const wchar_t* d : {L"C:\\TEMP", L"C:\\TMP", L"\\TEMP", L"\\TMP"})
        r.emplace_back(d);
    r.push_back(current_dir());
    return r;
}

// No per-user runtime directory on Windows: runtime_dir is system_temp_dir.
BOOST_TEMPFILE_DETAIL_DECL const native_char* runtime_dir() noexcept
{
    return nullptr;
}

// pinned_temp_dir holds no directory on Windows (creation goes by name): always "cannot".
BOOST_TEMPFILE_DETAIL_DECL int open_dir_pin(const native_char*, dir_type&) noexcept
{
    return -err::not_supported;
}

// ---- Creation. Windows never holds a directory (open_dir_pin fails), so `dir` is no_dir and
// `name` absolute; a held directory given by a user policy is refused.

// What a failed exclusive creation means: an existing name (a file, or a directory: Python
// retries its PermissionError) is err::exists.
inline int creation_error(const native_char* name, int r) noexcept
{
    if (r == -static_cast<int>(win32::ERROR_ALREADY_EXISTS_))
        return -err::exists;
    if (r == -static_cast<int>(win32::ERROR_ACCESS_DENIED_)) {
        win32_name n(name);
        win32::DWORD_ a = win32::GetFileAttributesW(n.c_str());
        if (a != win32::INVALID_FILE_ATTRIBUTES_ && (a & win32::FILE_ATTRIBUTE_DIRECTORY_))
            return -err::exists;
    }
    return normalise_missing(r); // a file on the directory's path too: Windows says "not found"

}

// CREATE_NEW, read + write access (and delete access for a delete-on-close file, which needs
// it; an ordinary one is renamed and removed by name, and without DELETE access held, other
// programs' opens that do not share deletion, std::fstream's among them, succeed), not
// inheritable. 0 with h set, or the error.
BOOST_TEMPFILE_DETAIL_DECL int create_file(dir_type dir, const native_char* name, handle_type& h, unsigned flags) noexcept
{
    if (dir != no_dir)
        return -err::not_supported;
    win32::DWORD_ share = (flags & file_private) ? 0 : share_all;
    win32::DWORD_ attributes = (flags & file_delete_on_close)
                                   ? win32::FILE_ATTRIBUTE_TEMPORARY_ | win32::FILE_FLAG_DELETE_ON_CLOSE_ |
                                         ((flags & file_private) ? win32::FILE_ATTRIBUTE_HIDDEN_ : 0)
                                   : win32::FILE_ATTRIBUTE_NORMAL_;
    const win32::DWORD_ access =
        win32::GENERIC_READ_ | win32::GENERIC_WRITE_ | ((flags & file_delete_on_close) ? win32::DELETE_ : 0);
    if (int i = injected(call::create_file); i < 0)
        return i;
    int r = create_file_w(name, access, share, win32::CREATE_NEW_, attributes, h);
    if (r < 0) {
        if (int i = injected(call::create_refused); i < 0)
            r = i;
        return creation_error(name, r);
    }
    if (win32::GetFileType(h) != win32::FILE_TYPE_DISK_) { // a device (a reserved name the check missed)
        close(h);
        h = invalid_handle;
        return -err::invalid;
    }
    return 0;
}

// No file without a name on Windows: anonymous_file falls back to a private delete-on-close file.
BOOST_TEMPFILE_DETAIL_DECL int open_unnamed(dir_type, const native_char*, handle_type&) noexcept
{
    return -err::not_supported;
}

// The security descriptor of every directory the library makes: a protected DACL granting
// full control to the process's user and nobody else, D:P(A;OICI;FA;;;<user SID>) (no OWNER
// RIGHTS entry, no Administrators: an elevated process does not lock its user out). Built
// once; nullptr (with the error) if the token cannot be read.
struct private_descriptor
{
    void* sd = nullptr;
    int error = 0;
};

inline const private_descriptor& private_dir_descriptor() noexcept
{
    static const private_descriptor d = [] {
        private_descriptor r;
        win32::HANDLE_ token = nullptr;
        if (!win32::OpenProcessToken(win32::GetCurrentProcess(), win32::TOKEN_QUERY_, &token)) {
            r.error = last_error();
            return r;
        }
        union
        {
            win32::TOKEN_USER_ user;
            unsigned char bytes[sizeof(win32::TOKEN_USER_) + win32::SECURITY_MAX_SID_SIZE_];
        } buf;
        win32::DWORD_ len = 0;
        win32::BOOL_ ok = win32::GetTokenInformation(token, win32::TokenUser_, &buf, sizeof buf, &len);
        if (!ok)
            r.error = last_error();
        win32::CloseHandle(token);
        wchar_t* sid = nullptr;
        if (ok && !win32::ConvertSidToStringSidW(buf.user.User.Sid, &sid)) {
            r.error = last_error();
            ok = 0;
        }
        if (!ok)
            return r;
        wchar_t sddl[256] = L"D:P(A;OICI;FA;;;";
        std::size_t at = std::char_traits<wchar_t>::length(sddl);
        for (const wchar_t* c = sid; *c && at < 250; ++c)
            sddl[at++] = *c;
        sddl[at++] = L')';
        sddl[at] = L'\0';
        win32::LocalFree(sid);
        void* sd = nullptr;
        if (win32::ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, win32::SDDL_REVISION_1_, &sd,
                                                                        nullptr))
            r.sd = sd; // kept for the life of the process
        else
            r.error = last_error();
        return r;
    }();
    return d;
}

// A directory private to the user (the owner-only DACL above). 0 or the error.
BOOST_TEMPFILE_DETAIL_DECL int create_dir(dir_type dir, const native_char* name) noexcept
{
    if (dir != no_dir)
        return -err::not_supported;
    const private_descriptor& d = private_dir_descriptor();
    if (!d.sd)
        return d.error ? d.error : -err::not_supported;
    win32_name n(name);
    win32::SECURITY_ATTRIBUTES_ sa;
    if (win32::CreateDirectoryW(n.c_str(), no_inherit(sa, d.sd)))
        return 0;
    return creation_error(name, last_error());
}

// 0 if nothing has the name, -err::exists if something has, or another error.
BOOST_TEMPFILE_DETAIL_DECL int probe_name(dir_type dir, const native_char* name) noexcept
{
    if (dir != no_dir)
        return -err::not_supported;
    win32_name n(name);
    if (win32::GetFileAttributesW(n.c_str()) != win32::INVALID_FILE_ATTRIBUTES_)
        return -err::exists;
    int r = normalise_missing(last_error());
    return r == -err::no_entry ? 0 : r;
}

// Removes the file (or the empty directory) `name`. 0 or the error.
BOOST_TEMPFILE_DETAIL_DECL int remove_at(dir_type dir, const native_char* name, bool directory) noexcept
{
    if (dir != no_dir)
        return -err::not_supported;
    win32_name n(name);
    if (directory ? win32::RemoveDirectoryW(n.c_str()) : win32::DeleteFileW(n.c_str()))
        return 0;
    int r = normalise_missing(last_error());
    if (r != -static_cast<int>(win32::ERROR_ACCESS_DENIED_) || directory)
        return r;
    // A read-only file (made so by the program): its attribute cleared through a handle, as
    // the tree removal does. Anything else refused stays refused.
    handle_type h = invalid_handle;
    if (open_entry(name, win32::DELETE_ | win32::FILE_WRITE_ATTRIBUTES_, h) < 0)
        return r;
    file_id id;
    win32::DWORD_ attributes = 0;
    if (identify(h, id, attributes) == 0 && (attributes & win32::FILE_ATTRIBUTE_READONLY_) &&
        !(attributes & win32::FILE_ATTRIBUTE_DIRECTORY_))
        r = delete_open(h, attributes);
    close(h);
    return r;
}

// Access a held directory has: to list it and to repair its attributes, and no DELETE access,
// which would make every open that does not share deletion fail with a sharing violation:
// FindFirstFileW (a listing, `dir`), SetCurrentDirectoryW, a child process started in it.
// Removal opens it again with dir_remove_access.
inline constexpr win32::DWORD_ dir_access =
    win32::FILE_LIST_DIRECTORY_ | win32::FILE_READ_ATTRIBUTES_ | win32::FILE_WRITE_ATTRIBUTES_;
inline constexpr win32::DWORD_ dir_remove_access = dir_access | win32::DELETE_;

// Opens the directory `name` itself (a reparse point is not followed) and checks that it is a
// directory and not a reparse point, and (when `expected` is given) that it is that one.
// 0 with h and id set, or the error (-err::exists: something else has the name).
inline int open_dir_checked(const native_char* name, handle_type& h, file_id& id, const file_id* expected,
                            win32::DWORD_ access = dir_access) noexcept
{
    handle_type d = invalid_handle;
    int r = access == dir_remove_access ? (std::min)(injected(call::open_for_delete), 0) : 0;
    if (r == 0)
        r = open_entry(name, access, d);
    if (r < 0)
        return normalise_missing(r);
    win32::DWORD_ attributes = 0;
    file_id got;
    r = identify(d, got, attributes);
    if (r == 0 &&
        (!(attributes & win32::FILE_ATTRIBUTE_DIRECTORY_) ||
         (attributes & win32::FILE_ATTRIBUTE_REPARSE_POINT_) || (expected && !same_file(got, *expected))))
        r = -err::exists;
    if (r < 0) {
        close(d);
        return r;
    }
    h = d;
    id = got;
    return 0;
}

// Opens the directory create_dir just made: the handle and its identity, or the error
// (-err::exists: the name was taken over, and what has it now is not ours to remove).
BOOST_TEMPFILE_DETAIL_DECL int open_created_dir(dir_type dir, const native_char* name, handle_type& h, file_id& id) noexcept
{
    if (dir != no_dir)
        return -err::not_supported;
    if (int i = injected(call::created_dir); i < 0) // (a test may take the name over here)
        return i;
    return open_dir_checked(name, h, id, nullptr);
}

// Whether `path` names the file `id` now (opened without following a reparse point).
BOOST_TEMPFILE_DETAIL_DECL bool name_leads_to(const native_char* path, const file_id& id) noexcept
{
    handle_type h = invalid_handle;
    if (open_entry(path, 0, h) < 0)
        return false;
    file_id got;
    win32::DWORD_ attributes = 0;
    bool same = identify(h, got, attributes) == 0 && same_file(got, id);
    close(h);
    return same;
}

// POSIX takes a shared flock for systemd-tmpfiles; nothing to tell on Windows.
BOOST_TEMPFILE_DETAIL_DECL void mark_in_use(handle_type) noexcept {}

// Opens the file `path` names (closed by the object, still named), not through a reparse
// point, to flush it. 0 with h set, or the error.
BOOST_TEMPFILE_DETAIL_DECL int open_existing(const native_char* path, handle_type& h) noexcept
{
    int r = create_file_w(path, win32::GENERIC_WRITE_, share_all, win32::OPEN_EXISTING_,
                          win32::FILE_FLAG_OPEN_REPARSE_POINT_, h);
    return r < 0 ? normalise_missing(r) : 0;
}

// publish_mode's POSIX permission bits mean nothing here (a file takes its directory's
// inherited ACL): no mode is found at a target, the umask default asks for nothing, and an
// explicit mode changes nothing (a read-only attribute would even keep a delete-on-close
// file's temporary name from being removed).
BOOST_TEMPFILE_DETAIL_DECL int permissions_of(const native_char*, unsigned*) noexcept
{
    return -err::no_entry;
}
BOOST_TEMPFILE_DETAIL_DECL int new_file_mode(unsigned*) noexcept
{
    return 0; // keep the file as it is
}
BOOST_TEMPFILE_DETAIL_DECL int set_mode(handle_type, unsigned) noexcept
{
    return 0;
}
BOOST_TEMPFILE_DETAIL_DECL int mode_of(handle_type, unsigned* mode) noexcept
{
    *mode = 0; // set_mode changes nothing: nothing to put back
    return 0;
}

// Opens `path` again for reading and writing (others may open, rename and delete it, as the
// library's own handles allow) and checks that it is the open file `h` (volume serial and file
// index): 0 with `out` set; 1 if the name leads to another file now (nothing is left open);
// or the error.
BOOST_TEMPFILE_DETAIL_DECL int reopen_same(handle_type h, const native_char* path, handle_type& out) noexcept
{
    file_id mine, there;
    win32::DWORD_ attributes = 0;
    if (int r = identify(h, mine, attributes); r < 0)
        return r;
    handle_type n = invalid_handle;
    if (int r = create_file_w(path, win32::GENERIC_READ_ | win32::GENERIC_WRITE_, share_all,
                              win32::OPEN_EXISTING_, win32::FILE_ATTRIBUTE_NORMAL_, n);
        r < 0)
        return normalise_missing(r);
    int r = identify(n, there, attributes);
    if (r < 0 || !same_file(mine, there)) {
        close(n);
        return r < 0 ? r : 1;
    }
    out = n;
    return 0;
}

// Windows has no call that makes a directory entry durable on its own; the rename or link
// is journaled by NTFS. Nothing to do.
BOOST_TEMPFILE_DETAIL_DECL int sync_dir(const native_char*) noexcept
{
    return 0;
}

// Errors of a publishing call: an existing target is err::exists.
inline int publish_error(int r) noexcept
{
    return r == -static_cast<int>(win32::ERROR_ALREADY_EXISTS_) ? -err::exists : normalise_missing(r);
}

// What identifies an open file and its position, taken before its handle is closed so that
// it can be opened again by another name and checked (reopen_checked).
struct closed_file
{
    file_id id;
    std::int64_t pos = 0;
    bool known = false;
};

inline closed_file close_keeping_identity(handle_type& h) noexcept
{
    closed_file c;
    win32::DWORD_ attributes = 0;
    c.pos = seek(h, 0, win32::FILE_CURRENT_);
    c.known = identify(h, c.id, attributes) == 0;
    close(h);
    h = invalid_handle;
    return c;
}

// Opens `to`, checks that it is the file `c` was, and moves to its position: `h` is the new
// handle, or invalid_handle if that could not be had (or `to` leads to another file now).
inline void reopen_checked(const closed_file& c, handle_type& h, const native_char* to) noexcept
{
    file_id after;
    win32::DWORD_ attributes = 0;
    handle_type n = invalid_handle;
    if (create_file_w(to, win32::GENERIC_READ_ | win32::GENERIC_WRITE_, share_all, win32::OPEN_EXISTING_,
                      win32::FILE_ATTRIBUTE_NORMAL_, n) < 0)
        return;
    if (!c.known || identify(n, after, attributes) < 0 || !same_file(c.id, after)) {
        close(n); // replaced between the link and the open: not ours
        return;
    }
    if (c.pos > 0)
        seek(n, c.pos, win32::FILE_BEGIN_);
    h = n;
}

// A delete-on-close file open as `h` has a second name now: closes `h` (the system removes the
// name it was opened by) and opens the file again by `to`, at the same position, checking it
// is the same file. `h` is the new handle, or invalid_handle if that could not be had (the file
// is published all the same).
inline void reopen_published(handle_type& h, const native_char* to) noexcept
{
    const closed_file c = close_keeping_identity(h);
    reopen_checked(c, h, to);
}

// "~tf" + 12 random hex digits + ".tmp" in the directory of `base`: a name next to `base`, for
// a moment, short whatever the length of base's last component. 0 or the error.
inline int staged_name(const native_char* base, std::wstring& out) noexcept
{
    try {
        out = base;
        std::size_t i = out.size();
        while (i > 0 && !is_separator(out[i - 1]))
            --i;
        out.resize(i);
        out += L"~tf";
        unsigned char rnd[6];
        if (random_bytes(rnd, sizeof rnd) < 0)
            return -err::not_supported;
        for (unsigned char b : rnd) {
            out += L"0123456789abcdef"[b >> 4];
            out += L"0123456789abcdef"[b & 15];
        }
        out += L".tmp";
    } catch (...) {
        return -err::no_memory;
    }
    return 0;
}

// keep() of a file made with FILE_FLAG_DELETE_ON_CLOSE, open as `h` under `path`: takes the
// deletion back. Windows 10 1809 and later clear the flag on the handle (FileDispositionInfoEx
// with FILE_DISPOSITION_FLAG_ON_CLOSE and not FILE_DISPOSITION_FLAG_DELETE). Where that class
// is refused (older systems, Wine, some file systems and SMB servers: the plain disposition
// cannot undo the flag), the file gets a hard link under a staged name in its directory
// (checked to be this file), the handle is closed (the system removes the original name), the
// staged name is renamed back, never replacing, and the file opened again by its name (same
// position, same file checked): the file always has a name. Another handle open on the file
// (a reopen(), another program) holds the original name until it closes, when the system
// removes it: the file is then kept under the staged name. Returns 0 (kept under `path`; `h`
// may be a new handle, or invalid_handle if none could be had), 1 (kept under `moved`: another
// file took `path` in the moment it was free, or another handle held it), or the error
// (nothing changed: the file still goes when closed).
BOOST_TEMPFILE_DETAIL_DECL int keep_delete_on_close(handle_type& h, const native_char* path, native_string& moved) noexcept
{
    // FILE_DISPOSITION_FLAG_DO_NOT_DELETE (0) | FILE_DISPOSITION_FLAG_ON_CLOSE
    win32::FILE_DISPOSITION_INFO_EX_ ex{win32::FILE_DISPOSITION_FLAG_ON_CLOSE_};
    int i = injected(call::disposition_ex);
    if (i > 0 ||
        (i == 0 && win32::SetFileInformationByHandle(h, win32::FileDispositionInfoEx_, &ex, sizeof ex)))
        return 0;
    file_id mine;
    win32::DWORD_ attributes = 0;
    if (int r = identify(h, mine, attributes); r < 0)
        return r;
    std::wstring staged;
    if (int r = staged_name(path, staged); r < 0)
        return r;
    win32_name f(path), s(staged.c_str());
    if (int r = injected(call::hard_link); r < 0)
        return r;
    if (!win32::CreateHardLinkW(s.c_str(), f.c_str(), nullptr))
        return publish_error(last_error());
    if (!name_leads_to(staged.c_str(), mine)) { // `path` led to another file: not ours to keep
        win32::DeleteFileW(s.c_str());
        return -err::no_entry;
    }
    const closed_file c = close_keeping_identity(h); // the original name goes
    const bool held = name_leads_to(path, mine);      // ... unless another handle holds it
    const bool back =
        !held && injected(call::move_file) == 0 && win32::MoveFileExW(s.c_str(), f.c_str(), 0) != 0;
    reopen_checked(c, h, back ? path : staged.c_str()); // by its final name (Wine: a handle keeps
                                                        // the name it was opened by)
    if (back)
        return 0;
    moved.swap(staged);
    return 1;
}

// ---- Adopting what exists (adopt()): reopen()'s identity rules (volume serial and file
// index). 0 on success, a positive adopt_refusal, or the error. Windows has no owner check.

// What an entry to adopt is, from its own handle (a reparse point is opened, not followed).
inline int adopt_refused(handle_type h, bool directory, file_id& id) noexcept
{
    using r = adopt_refusal;
    win32::DWORD_ attributes = 0;
    if (int e = identify(h, id, attributes); e < 0)
        return e;
    if (attributes & win32::FILE_ATTRIBUTE_REPARSE_POINT_)
        return static_cast<int>(r::symlink);
    if (win32::GetFileType(h) != win32::FILE_TYPE_DISK_)
        return static_cast<int>(r::special);
    if (((attributes & win32::FILE_ATTRIBUTE_DIRECTORY_) != 0) != directory)
        return static_cast<int>(directory ? r::not_a_dir : r::not_a_file);
    return 0;
}

// Wine only: whether `h`, opened by the absolute name `path`, is the entry of that name and not
// what a Unix symlink there leads to: Wine opens the target, and the handle does not show
// FILE_ATTRIBUTE_REPARSE_POINT (the tree removal checks the same, opened_itself). Its final
// name must be its parent's and then its own last component. Elsewhere always true.
inline bool opened_as_named(handle_type h, const native_char* path) noexcept
{
    if (!under_wine())
        return true;
    try {
        const native_string_view p(path);
        const std::size_t leaf = p.find_last_of(L"\\/");
        if (leaf == native_string_view::npos || leaf + 1 == p.size())
            return false;
        const native_string parent(p.substr(0, leaf == 2 && p[1] == L':' ? 3 : leaf)); // "C:\" keeps its separator
        handle_type d = invalid_handle;
        if (open_entry(parent.c_str(), 0, d) < 0)
            return false;
        std::wstring here, got;
        const bool named = final_name(d, here) && final_name(h, got);
        close(d);
        if (!named)
            return false;
        if (here.empty() || !is_separator(here.back()))
            here += L'\\';
        here.append(p.substr(leaf + 1));
        return win32::CompareStringOrdinal(here.c_str(), static_cast<int>(here.size()), got.c_str(),
                                           static_cast<int>(got.size()), 1) == win32::CSTR_EQUAL_;
    } catch (...) { // no memory: not known to be the entry
        return false;
    }
}

// Opens the existing file `path` for reading and writing as the library's own files (no
// reparse point followed), after classifying the entry, and checks it is the same file. 0 with
// `h` set.
BOOST_TEMPFILE_DETAIL_DECL int adopt_file(const native_char* path, handle_type& h) noexcept
{
    handle_type e = invalid_handle;
    if (int r = open_entry(path, 0, e); r < 0)
        return normalise_missing(r);
    file_id id;
    int r = opened_as_named(e, path) ? adopt_refused(e, false, id) : static_cast<int>(adopt_refusal::symlink);
    close(e);
    if (r != 0)
        return r;
    handle_type n = invalid_handle;
    if (int o = create_file_w(path, win32::GENERIC_READ_ | win32::GENERIC_WRITE_, share_all,
                              win32::OPEN_EXISTING_,
                              win32::FILE_ATTRIBUTE_NORMAL_ | win32::FILE_FLAG_OPEN_REPARSE_POINT_, n);
        o < 0)
        return normalise_missing(o);
    file_id got;
    win32::DWORD_ attributes = 0;
    if (int i = identify(n, got, attributes); i < 0 || !same_file(got, id)) {
        close(n);
        return i < 0 ? i : static_cast<int>(adopt_refusal::not_same_file);
    }
    h = n;
    return 0;
}

// Whether the open file `h` may be adopted under `path`, which must lead to it. Nothing is
// opened for the caller, nothing closed.
BOOST_TEMPFILE_DETAIL_DECL int adopt_handle(handle_type h, const native_char* path) noexcept
{
    file_id mine, there;
    win32::DWORD_ attributes = 0;
    if (h == invalid_handle || h == win32::INVALID_HANDLE_VALUE_)
        return static_cast<int>(adopt_refusal::bad_handle);
    if (int c = adopt_refused(h, false, mine); c != 0)
        return c < 0 ? static_cast<int>(adopt_refusal::bad_handle) : c;
    handle_type e = invalid_handle;
    if (int r = open_entry(path, 0, e); r < 0)
        return normalise_missing(r);
    int r = identify(e, there, attributes);
    const bool itself = r == 0 && opened_as_named(e, path);
    close(e);
    if (r < 0)
        return r;
    if ((attributes & win32::FILE_ATTRIBUTE_REPARSE_POINT_) || !itself)
        return static_cast<int>(adopt_refusal::symlink);
    return same_file(mine, there) ? 0 : static_cast<int>(adopt_refusal::not_same_file);
}

// Opens the existing directory `path` as the library holds its own (open_dir_checked), checked
// to be the directory classified first.
BOOST_TEMPFILE_DETAIL_DECL int adopt_dir(const native_char* path, handle_type& h, file_id& id) noexcept
{
    handle_type e = invalid_handle;
    if (int r = open_entry(path, 0, e); r < 0)
        return normalise_missing(r);
    file_id seen;
    int r = opened_as_named(e, path) ? adopt_refused(e, true, seen) : static_cast<int>(adopt_refusal::symlink);
    close(e);
    if (r != 0)
        return r;
    r = open_dir_checked(path, h, id, &seen);
    return r == -err::exists ? static_cast<int>(adopt_refusal::not_same_file) : r;
}

// Puts the open file `h`, named `from`, at `to`: replacing what is there, or never
// (-err::exists, both files intact). Files are compared, not names: `from` must lead to `h`
// before (else 2: nothing published), and `to` after (else 1: the target names another file;
// `h` stays the object's). A target that is this file already (its own name, spelled
// differently or not) is err::exists for noclobber, and for a delete-on-close file a keep().
// A delete-on-close file cannot be renamed out of its fate (the flag stays with the open
// handle), so it gets a hard link under a staged name (checked to be this file) that is then
// renamed to `to`, and reopen_published closes the handle (the temporary name goes) and opens
// `to`: `h` changes. 0, 1, 2 or the error.
BOOST_TEMPFILE_DETAIL_DECL int publish(handle_type& h, const native_char* from, const native_char* to, bool noclobber,
                   bool delete_on_close) noexcept
{
    // A target Win32 would not create as spelled: a device (NUL, COM1...), or a trailing dot or
    // space, which MoveFileExW strips (publishing "x." as "x"): refused, nothing changed.
    const native_string_view target(to);
    const std::size_t leaf = target.find_last_of(L"\\/") + 1;
    if (leaf == target.size() || forbidden_at_end(target.back()) || reserved_name(target.substr(leaf)))
        return -err::invalid;
    win32_name f(from), t(to);
    if (noclobber && win32::CompareStringOrdinal(f.c_str(), -1, t.c_str(), -1, 1) == win32::CSTR_EQUAL_)
        return -err::exists; // onto its own name, spelled the same
    if (h == invalid_handle) // closed (the name kept): nothing to compare with, renamed by name
        return win32::MoveFileExW(f.c_str(), t.c_str(), noclobber ? 0 : win32::MOVEFILE_REPLACE_EXISTING_)
                   ? 0
                   : publish_error(last_error());
    file_id mine;
    win32::DWORD_ attributes = 0;
    if (int r = identify(h, mine, attributes); r < 0)
        return r;
    if (!name_leads_to(from, mine)) // also an ordinary file: opened with FILE_SHARE_DELETE
        return 2;
    if (name_leads_to(to, mine)) { // onto itself
        if (noclobber)
            return -err::exists;
        if (delete_on_close) {
            native_string moved; // kept elsewhere (1): reported as "the target names another file"
            return keep_delete_on_close(h, from, moved);
        }
    }
    BOOST_TEMPFILE_DETAIL_HOOK(::boost::tempfile::detail::publish_hook, from, to);
    if (!delete_on_close) {
        if (int r = injected(call::move_file); r < 0)
            return r;
        if (!win32::MoveFileExW(f.c_str(), t.c_str(), noclobber ? 0 : win32::MOVEFILE_REPLACE_EXISTING_))
            return publish_error(last_error());
        return name_leads_to(to, mine) ? 0 : 1;
    }
    std::wstring staged;
    if (int r = staged_name(to, staged); r < 0)
        return r;
    win32_name s(staged.c_str());
    if (int r = injected(call::hard_link); r < 0)
        return r;
    if (!win32::CreateHardLinkW(s.c_str(), f.c_str(), nullptr))
        return publish_error(last_error());
    if (!name_leads_to(staged.c_str(), mine)) { // `from` was swapped after the check
        win32::DeleteFileW(s.c_str());
        return 2;
    }
    int r = injected(call::move_file);
    if (r == 0 &&
        !win32::MoveFileExW(s.c_str(), t.c_str(), noclobber ? 0 : win32::MOVEFILE_REPLACE_EXISTING_))
        r = publish_error(last_error());
    if (r < 0) {
        win32::DeleteFileW(s.c_str());
        return r;
    }
    if (!name_leads_to(to, mine))
        return 1; // taken over after the rename: `h` (still delete-on-close) stays the object's
    reopen_published(h, to);
    return 0;
}

// link_unnamed: not here (a delete-on-close file cannot be given a name that outlives it:
// names_unnamed_files is false, and no caller is compiled; detail/system.hpp).

// mkstemp's descriptor: a C-runtime descriptor owning the handle (as Python's os.open gives),
// not inherited by spawned children, binary unless `text`. The descriptor, or the error.
BOOST_TEMPFILE_DETAIL_DECL int to_crt_descriptor(handle_type h, bool text) noexcept
{
    int fd = ::_open_osfhandle(reinterpret_cast<std::intptr_t>(h), _O_NOINHERIT | (text ? _O_TEXT : _O_BINARY));
    return fd >= 0 ? fd : -static_cast<int>(win32::ERROR_TOO_MANY_OPEN_FILES_);
}

} // namespace sys
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_WINDOWS_OPS_HPP
