// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_WINDOWS_EXIT_CLEANUP_HPP
#define BOOST_TEMPFILE_DETAIL_WINDOWS_EXIT_CLEANUP_HPP

// remove_at_exit's Windows part: the removal of one registered name (by handle, the identity
// checked), and the console control handler (Ctrl-C, Ctrl-Break, close, logoff, shutdown) plus
// the atexit function that run the sweep. A console handler runs on a thread of its own, not
// in a signal context: the removal may allocate. exit_cleanup.hpp has the registry.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/windows/remove_tree.hpp>
#include <boost/tempfile/detail/windows/sys.hpp>

#include <cstdlib>
#include <mutex>
#include <string>

namespace boost {
namespace tempfile {
namespace detail {
namespace exit_cleanup {

struct platform_state
{
    void (*sweep)() noexcept;
};

inline platform_state& platform() noexcept
{
    static platform_state s{};
    return s;
}

// The identity of what `path` names now (not following a reparse point); false if it cannot
// be had.
BOOST_TEMPFILE_DETAIL_DECL bool identify(const sys::native_char* path, sys::file_id& id) noexcept
{
    sys::handle_type h = sys::invalid_handle;
    if (sys::open_entry(path, 0, h) < 0)
        return false;
    win32::DWORD_ attributes = 0;
    bool ok = sys::identify(h, id, attributes) == 0;
    sys::close(h);
    return ok;
}

// Removes `path` (a file, or a directory tree) if it is still `id`.
BOOST_TEMPFILE_DETAIL_DECL void remove_entry(const sys::native_char* path, bool directory, const sys::file_id& id) noexcept
{
    if (directory) {
        sys::handle_type h = sys::invalid_handle;
        std::wstring where;
        try {
            remove_tree(h, id, path, true, where);
        } catch (...) {
        }
        if (h != sys::invalid_handle)
            sys::close(h);
        return;
    }
    sys::handle_type h = sys::invalid_handle;
    if (sys::open_entry(path, win32::DELETE_ | win32::FILE_WRITE_ATTRIBUTES_, h) < 0)
        return;
    sys::file_id now;
    win32::DWORD_ attributes = 0;
    if (sys::identify(h, now, attributes) == 0 && sys::same_file(now, id) &&
        !(attributes & win32::FILE_ATTRIBUTE_DIRECTORY_))
        sys::delete_open(h, attributes); // gone when the last handle (the object's own) closes
    sys::close(h);
}

inline win32::BOOL_ BOOST_WINAPI_WINAPI_CC on_console_event(win32::DWORD_) noexcept
{
    if (platform().sweep)
        platform().sweep();
    return 0; // FALSE: the next handler (by default: the process ends)
}

// Installs the console handler and `at_exit` (which calls sweep), once per process.
BOOST_TEMPFILE_DETAIL_STATE void install(void (*sweep)() noexcept, void (*at_exit)()) noexcept
{
    static std::once_flag once;
    try {
        std::call_once(once, [sweep, at_exit] {
            platform().sweep = sweep;
            win32::SetConsoleCtrlHandler(&on_console_event, 1);
            std::atexit(at_exit);
        });
    } catch (...) {
        // call_once failed to run: nothing installed, the objects still clean up normally
    }
}

// Nothing to block while an object is created until it is registered (remove_at_exit's
// creation_block): a console event runs on a thread of its own and finds the registration or
// not; the object removes what it made either way.
BOOST_TEMPFILE_DETAIL_DECL bool block_creation_signals(sys::signal_mask&) noexcept
{
    return false;
}

BOOST_TEMPFILE_DETAIL_DECL void restore_signal_mask(const sys::signal_mask&) noexcept {}

} // namespace exit_cleanup
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_WINDOWS_EXIT_CLEANUP_HPP
