// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_WINDOWS_REMOVE_TREE_HPP
#define BOOST_TEMPFILE_DETAIL_WINDOWS_REMOVE_TREE_HPP

// The removal of a temporary directory and everything in it, relative to handles only (the
// Windows counterpart of detail/posix/remove_tree.hpp): each directory is listed through its
// own handle (GetFileInformationByHandleEx, FileIdBothDirectoryInfo), each entry opened
// relative to that handle (NtCreateFile with RootDirectory, FILE_OPEN_REPARSE_POINT) and
// deleted through its own handle (FileDispositionInfo). What an entry is comes from the
// listing: a reparse point (symlink, junction, mount point) is deleted itself and never
// entered, whatever opening it reaches (Wine opens the target of a Unix symlink even with
// FILE_OPEN_REPARSE_POINT); a read-only entry loses the attribute and is deleted.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/windows/ops.hpp>
#include <boost/tempfile/detail/windows/sys.hpp>
#include <boost/tempfile/detail/test_hooks.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>


namespace boost {
namespace tempfile {
namespace detail {

using sys::file_id;

// Levels the walk enters; a deeper tree fails with ERROR_CANT_RESOLVE_FILENAME.
inline constexpr unsigned tree_max_depth = 512;

class win_tree_walk
{
public:
    explicit win_tree_walk(bool keep_going) noexcept : keep_going_(keep_going), check_names_(sys::under_wine()) {}

    // Removes everything below the directory open as `dir` (which stays). 0 or the first error.
    int run(sys::handle_type dir, std::wstring& where)
    {
        buf_.resize(8192); // 64 KiB, 8-byte aligned
        rel_.clear();
        clear_below(dir, 0);
        where = std::move(where_);
        return first_;
    }

private:
    struct item
    {
        std::wstring name;
        win32::DWORD_ attributes;
    };

    bool fail(int err, const std::wstring& name)
    {
        if (first_ == 0) {
            first_ = err;
            where_ = rel_;
            if (!where_.empty())
                where_ += L'\\';
            where_ += name;
        }
        return keep_going_;
    }

    // The entries of `dir`, from the start.
    int list(sys::handle_type dir, std::vector<item>& out)
    {
        out.clear();
        int cls = win32::FileIdBothDirectoryRestartInfo_;
        char* const base = reinterpret_cast<char*>(buf_.data());
        const win32::DWORD_ size = static_cast<win32::DWORD_>(buf_.size() * sizeof(std::uint64_t));
        for (;;) {
            if (!win32::GetFileInformationByHandleEx(dir, cls, base, size)) {
                win32::DWORD_ e = win32::GetLastError();
                return e == win32::ERROR_NO_MORE_FILES_ ? 0 : -static_cast<int>(e);
            }
            cls = win32::FileIdBothDirectoryInfo_;
            for (std::size_t off = 0;;) {
                const auto* d = reinterpret_cast<const win32::FILE_ID_BOTH_DIR_INFO_*>(base + off);
                std::size_t len = d->FileNameLength / sizeof(wchar_t);
                const wchar_t* n = d->FileName;
                if (!(len == 1 && n[0] == L'.') && !(len == 2 && n[0] == L'.' && n[1] == L'.'))
                    out.push_back(item{std::wstring(n, len), d->FileAttributes});
                if (d->NextEntryOffset == 0)
                    break;
                off += d->NextEntryOffset;
            }
        }
    }

    void clear_below(sys::handle_type dir, unsigned depth)
    {
        std::wstring here; // Wine: the directory's resolved name, that every entry's must extend
        std::vector<item> items;
        for (unsigned pass = 0; pass < 3; ++pass) {
            int r = list(dir, items);
            if (r < 0) {
                fail(r, std::wstring());
                return;
            }
            if (items.empty())
                return;
            if (check_names_ && here.empty() && !sys::final_name(dir, here)) { // (not for an empty one)
                fail(sys::last_error(), std::wstring());
                return;
            }
            for (const item& it : items) {
                if (first_ != 0 && !keep_going_)
                    return;
                remove_entry(dir, here, it, depth);
            }
            if (first_ != 0)
                return; // what failed stays; listing again would only find it again
        }
    }

    // Wine only: whether the entry `name` of the directory resolved as `here` opened as
    // itself, not as what a Unix symlink leads to.
    static bool opened_itself(sys::handle_type h, const std::wstring& here, const std::wstring& name)
    {
        std::wstring got;
        return sys::final_name(h, got) && got.size() == here.size() + 1 + name.size() &&
               win32::CompareStringOrdinal(got.c_str(), static_cast<int>(here.size()), here.c_str(),
                                           static_cast<int>(here.size()), 1) == win32::CSTR_EQUAL_ &&
               sys::is_separator(got[here.size()]) &&
               win32::CompareStringOrdinal(got.c_str() + here.size() + 1, static_cast<int>(name.size()),
                                           name.c_str(), static_cast<int>(name.size()),
                                           1) == win32::CSTR_EQUAL_;
    }

    void remove_entry(sys::handle_type dir, const std::wstring& here, const item& it, unsigned depth)
    {
        const bool reparse = (it.attributes & win32::FILE_ATTRIBUTE_REPARSE_POINT_) != 0;
        const bool directory = (it.attributes & win32::FILE_ATTRIBUTE_DIRECTORY_) != 0 && !reparse;
        sys::handle_type h = sys::invalid_handle;
        const win32::DWORD_ access =
            win32::DELETE_ | win32::FILE_WRITE_ATTRIBUTES_ | (directory ? win32::FILE_LIST_DIRECTORY_ : 0);
        const win32::ULONG_ options =
            directory ? win32::FILE_DIRECTORY_FILE_ : (reparse ? 0 : win32::FILE_NON_DIRECTORY_FILE_);
        if (directory)
            BOOST_TEMPFILE_DETAIL_TREE_HOOK(descend, dir, it.name.c_str());
        int r = sys::open_relative(dir, it.name.c_str(), it.name.size(), access, options, h);
        if (r == -sys::err::no_entry || r == -static_cast<int>(win32::ERROR_PATH_NOT_FOUND_))
            return; // gone meanwhile
        if (r < 0) {
            fail(r, it.name);
            return;
        }
        if (check_names_ && !opened_itself(h, here, it.name)) {
            sys::close(h); // a Unix symlink under Wine: deleting through h would delete its target
            fail(-sys::err::not_supported, it.name);
            return;
        }
        if (directory) {
            // What was opened must still be a plain directory (not swapped for a link since the
            // listing): else it is only deleted, never entered.
            file_id id;
            win32::DWORD_ now = 0;
            r = sys::identify(h, id, now);
            if (r == 0 && (now & win32::FILE_ATTRIBUTE_DIRECTORY_) &&
                !(now & win32::FILE_ATTRIBUTE_REPARSE_POINT_)) {
                if (depth + 1 >= tree_max_depth) {
                    sys::close(h);
                    fail(-static_cast<int>(win32::ERROR_CANT_RESOLVE_FILENAME_), it.name);
                    return;
                }
                const std::size_t mark = rel_.size();
                if (!rel_.empty())
                    rel_ += L'\\';
                rel_ += it.name;
                int before = first_;
                clear_below(h, depth + 1);
                rel_.resize(mark);
                if (first_ != before) {
                    sys::close(h);
                    return; // something below stays, so does the directory
                }
            } else if (r < 0) {
                sys::close(h);
                fail(r, it.name);
                return;
            }
        }
        r = sys::delete_open(h, it.attributes);
        int c = sys::close(h); // the entry goes now (unless another handle holds it open)
        if (r < 0)
            fail(r, it.name);
        else if (c < 0)
            fail(c, it.name);
        else if (reparse && still_there(dir, it.name))
            fail(-sys::err::not_supported, it.name); // Wine: a Unix symlink to a directory cannot be deleted
    }

    // Whether a link just deleted can still be opened: Wine deletes what the handle reached
    // through its Unix name, which for a symlink to a directory fails silently (rmdir of a
    // symlink). Only for reparse points (one more open each).
    static bool still_there(sys::handle_type dir, const std::wstring& name) noexcept
    {
        sys::handle_type h = sys::invalid_handle;
        if (sys::open_relative(dir, name.c_str(), name.size(), 0, 0, h) < 0)
            return false;
        sys::close(h);
        return true;
    }

    std::vector<std::uint64_t> buf_;
    std::wstring rel_;   // the directory being cleared, relative to the root
    std::wstring where_; // where the first error happened
    bool keep_going_;
    bool check_names_; // under Wine: see opened_itself
    int first_ = 0;
};

// Removes the directory open as `dir`, created with identity `id` under the absolute name
// `path`, and everything in it. Touches nothing unless `path` still names that directory
// (checked before the walk and again just before the top is deleted); a name that is gone
// counts as removed; a name that leads to something else gives -err::exists. With
// `keep_going` it removes all it can. 0 or the first error, with `where` the path of the
// entry concerned relative to `path` (empty for the directory itself). On success `dir` is
// closed and set to invalid_handle; on error it stays open. `parent` is unused (Windows
// holds no parent).
// Removes the tree `path` if its name still leads to the directory `id` (opened, not followed,
// and compared): opened again with DELETE access (the held handle `dir` has none, so that the
// directory can be listed and be a current directory while it lives), emptied, marked for
// deletion; `dir` is closed on success. A process whose current directory it is (or a listing
// that does not share deletion) makes that open fail with a sharing violation: the contents
// are removed all the same, and the empty directory stays, reported as
// ERROR_SHARING_VIOLATION (removed by a later cleanup, or left behind).
BOOST_TEMPFILE_DETAIL_DECL int remove_tree(sys::handle_type& dir, const file_id& id, const sys::native_string& path,
                                    bool keep_going, sys::native_string& where, sys::dir_type) noexcept
{
    where.clear();
    try {
        for (unsigned pass = 0;; ++pass) {
            sys::handle_type top = sys::invalid_handle;
            file_id got;
            int r = sys::open_dir_checked(path.c_str(), top, got, &id, sys::dir_remove_access);
            const bool busy = r == -static_cast<int>(win32::ERROR_SHARING_VIOLATION_);
            if (busy)
                r = sys::open_dir_checked(path.c_str(), top, got, &id);
            if (r < 0)
                return r == -sys::err::no_entry ? 0 : r;
            win_tree_walk w(keep_going);
            r = w.run(top, where);
            if (r == 0 && busy)
                r = -static_cast<int>(win32::ERROR_SHARING_VIOLATION_);
            if (r == 0) {
                BOOST_TEMPFILE_DETAIL_TREE_HOOK(remove_top, top, path.c_str());
                r = (std::min)(sys::injected(sys::call::delete_top), 0);
                if (r == 0)
                    r = sys::set_delete(top, true);
            }
            if (r == -static_cast<int>(win32::ERROR_ACCESS_DENIED_)) { // a read-only directory?
                win32::DWORD_ attributes = 0;
                if (sys::identify(top, got, attributes) == 0)
                    r = sys::delete_open(top, attributes);
            }
            if (r == -static_cast<int>(win32::ERROR_DIR_NOT_EMPTY_) && pass < 2) {
                sys::close(top);
                continue; // entries appeared after the walk: walk again
            }
            if (r < 0) {
                sys::close(top);
                return r;
            }
            if (dir != sys::invalid_handle)
                sys::close(dir);
            dir = sys::invalid_handle;
            return sys::close(top); // the directory goes with its last handle
        }
    } catch (...) { // memory for names ran out
        return -sys::err::no_memory;
    }
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_WINDOWS_REMOVE_TREE_HPP
