// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_CREATION_HPP
#define BOOST_TEMPFILE_CREATION_HPP

// Creation policies: what one attempt creates.
//
// A type C is a creation policy if is_creation_policy<C> holds and it declares
//   static constexpr unsigned max_attempts;        // names tried before errc::file_exists
//   static constexpr bool makes_directory;         // true: for basic_temp_dir, else basic_temp_file
//   static constexpr bool named;                   // the object keeps a name (name(), path())
//   template <class CharT> using options_type = ...; // the options its objects take
//   static int try_create(native_dir_type dir, const native_char* name,
//                         native_handle_type& h) noexcept;
//       // one attempt: name relative to the held directory dir, or an absolute name with
//       // dir == no_native_dir. >= 0 on success (h: the open file; a directory needs none),
//       // -native_error_exists to try the next name, any other negated error to fail at once
// and optionally
//   static int open_unnamed(native_dir_type dir, const native_char* path,
//                           native_handle_type& h) noexcept;
//       // an anonymous file in the directory path, or a negated error (then the fallback)
//   static int try_create_delete_on_close(native_dir_type dir, const native_char* name,
//                                         native_handle_type& h) noexcept;
//       // as try_create, the system removing the file when its last handle closes; used where
//       // the system can (Windows) for a file the object would remove at close anyway
//   static constexpr bool spooled = true;              // in memory until rollover

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/system.hpp>
#include <boost/tempfile/native.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/options.hpp>
#include <boost/tempfile/policy.hpp>

#include <type_traits>

namespace boost {
namespace tempfile {

// A named file, created exclusively: POSIX O_RDWR|O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC, mode
// 0600; Windows CREATE_NEW, not inheritable, other handles may open it. The default for
// basic_temp_file; what mkstemp uses.
template <unsigned MaxAttempts = detail::default_max_attempts>
struct exclusive_file : creation_policy
{
    static_assert(MaxAttempts >= 1, "boost::tempfile: exclusive_file<MaxAttempts> needs MaxAttempts >= 1");
    static constexpr unsigned max_attempts = MaxAttempts;
    static constexpr bool makes_directory = false;
    static constexpr bool named = true;
    template <class CharT>
    using options_type = basic_file_options<CharT>;

    static int try_create(native_dir_type dir, const native_char* name, native_handle_type& h) noexcept
    {
        return detail::sys::create_file(dir, name, h, detail::sys::file_shared);
    }
    static int try_create_delete_on_close(native_dir_type dir, const native_char* name,
                                          native_handle_type& h) noexcept
    {
        return detail::sys::create_file(dir, name, h, detail::sys::file_delete_on_close);
    }
};

namespace detail {
template <class C, class = void> struct is_name_only : std::false_type {};
template <class C> struct is_name_only<C, std::void_t<decltype(C::name_only_)>> : std::bool_constant<C::name_only_> {};
} // namespace detail

// A file with no name. POSIX: O_TMPFILE|O_RDWR|O_CLOEXEC, mode 0600, without O_EXCL so that
// link() can still name it; where the kernel or the file system lacks O_TMPFILE, an exclusive
// named file (prefix, suffix) that is unlinked at once. Windows: a delete-on-close file that
// no other handle may open. What temporary_file uses.
template <unsigned MaxAttempts = detail::default_max_attempts>
struct anonymous_file : creation_policy
{
    static_assert(MaxAttempts >= 1, "boost::tempfile: anonymous_file<MaxAttempts> needs MaxAttempts >= 1");
    static constexpr unsigned max_attempts = MaxAttempts;
    static constexpr bool makes_directory = false;
    static constexpr bool named = false;
    template <class CharT>
    using options_type = basic_anonymous_options<CharT>;

    static int open_unnamed(native_dir_type dir, const native_char* path, native_handle_type& h) noexcept
    {
        return detail::sys::open_unnamed(dir, path, h);
    }

    // The fallback: a named file as exclusive_file makes it (then unlinked at once)...
    static int try_create(native_dir_type dir, const native_char* name, native_handle_type& h) noexcept
    {
        return exclusive_file<MaxAttempts>::try_create(dir, name, h);
    }
    // ... or, where the system deletes files itself, one that it deletes and nobody else opens.
    static int try_create_delete_on_close(native_dir_type dir, const native_char* name,
                                          native_handle_type& h) noexcept
    {
        return detail::sys::create_file(dir, name, h, detail::sys::file_delete_on_close | detail::sys::file_private);
    }
};

// In memory until Python's rollover rules move the data to an anonymous_file.
// What spooled_temporary_file uses.
template <unsigned MaxAttempts = detail::default_max_attempts>
struct spooled_file : anonymous_file<MaxAttempts>
{
    static constexpr bool spooled = true;
    template <class CharT>
    using options_type = basic_spooled_options<CharT>;
};

// A directory private to the user (POSIX mode 0700; Windows an owner-only protected DACL), as
// mkdtemp. The default for basic_temp_dir.
template <unsigned MaxAttempts = detail::default_max_attempts>
struct exclusive_dir : creation_policy
{
    static_assert(MaxAttempts >= 1, "boost::tempfile: exclusive_dir<MaxAttempts> needs MaxAttempts >= 1");
    static constexpr unsigned max_attempts = MaxAttempts;
    static constexpr bool makes_directory = true;
    static constexpr bool named = true;
    template <class CharT>
    using options_type = basic_dir_options<CharT>;

    static int try_create(native_dir_type dir, const native_char* name, native_handle_type&) noexcept
    {
        return detail::sys::create_dir(dir, name);
    }
};

// Nothing is created: the first name that does not exist now (lstat, symlinks included). Racy by nature; what
// the deprecated mktemp uses. Not for the objects (there is nothing for them to own).
template <unsigned MaxAttempts = detail::default_max_attempts>
struct name_only : creation_policy
{
    static_assert(MaxAttempts >= 1, "boost::tempfile: name_only<MaxAttempts> needs MaxAttempts >= 1");
    static constexpr unsigned max_attempts = MaxAttempts;
    static constexpr bool name_only_ = true;
    static constexpr bool makes_directory = false;
    static constexpr bool named = true;
    template <class CharT>
    using options_type = basic_options<CharT>;

    static int try_create(native_dir_type dir, const native_char* name, native_handle_type&) noexcept
    {
        return detail::sys::probe_name(dir, name);
    }
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_CREATION_HPP
