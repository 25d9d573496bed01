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
//   static int try_create(int dirfd, const char* name) noexcept;
//       // one attempt, as openat(2): name relative to the directory dirfd, or an absolute
//       // name with dirfd == AT_FDCWD. A descriptor (or 0) on success, -EEXIST to try the next
//       // name, any other -errno to fail at once
// and optionally
//   static int open_unnamed(int dirfd, const char* dir) noexcept;
//       // an anonymous file in dir (as openat), or -errno (then try_create + unlink is used)
//   static constexpr bool spooled = true;              // in memory until rollover

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/posix.hpp>
#include <boost/tempfile/location.hpp>
#include <boost/tempfile/options.hpp>
#include <boost/tempfile/policy.hpp>

#include <atomic>
#include <type_traits>

namespace boost {
namespace tempfile {

// A named file, created exclusively: O_RDWR|O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC, mode 0600.
// The default for basic_temp_file; what mkstemp uses.
template <unsigned MaxAttempts = detail::default_max_attempts>
struct exclusive_file : creation_policy
{
    static_assert(MaxAttempts >= 1, "boost::tempfile: exclusive_file<MaxAttempts> needs MaxAttempts >= 1");
    static constexpr unsigned max_attempts = MaxAttempts;
    static constexpr bool makes_directory = false;
    static constexpr bool named = true;
    template <class CharT>
    using options_type = basic_file_options<CharT>;

    static int try_create(int dirfd, const char* name) noexcept
    {
        return detail::sys::openat(dirfd, name, detail::sys::exclusive_flags, 0600);
    }
};

namespace detail {
template <class C, class = void> struct is_name_only : std::false_type {};
template <class C> struct is_name_only<C, std::void_t<decltype(C::name_only_)>> : std::bool_constant<C::name_only_> {};

// Cleared for the rest of the process when the kernel turns out to lack O_TMPFILE (EISDIR:
// kernels before 3.11 read the flag as O_DIRECTORY).
inline std::atomic<bool>& tmpfile_supported() noexcept
{
    static std::atomic<bool> v{sys::o_tmpfile != 0};
    return v;
}
} // namespace detail

// A file with no name: O_TMPFILE|O_RDWR|O_CLOEXEC, mode 0600, without O_EXCL so that
// link() can still name it; where the kernel or the file system lacks O_TMPFILE, an exclusive
// named file (prefix, suffix) that is unlinked at once. What temporary_file uses.
template <unsigned MaxAttempts = detail::default_max_attempts>
struct anonymous_file : creation_policy
{
    static_assert(MaxAttempts >= 1, "boost::tempfile: anonymous_file<MaxAttempts> needs MaxAttempts >= 1");
    static constexpr unsigned max_attempts = MaxAttempts;
    static constexpr bool makes_directory = false;
    static constexpr bool named = false;
    template <class CharT>
    using options_type = basic_anonymous_options<CharT>;

    static int open_unnamed(int dirfd, const char* dir) noexcept
    {
        if (!detail::tmpfile_supported().load(std::memory_order_relaxed))
            return -EOPNOTSUPP;
        int fd = detail::sys::openat(dirfd, dir, detail::sys::o_tmpfile | O_RDWR | O_CLOEXEC, 0600);
        if (fd == -EISDIR)
            detail::tmpfile_supported().store(false, std::memory_order_relaxed);
        return fd;
    }

    // The fallback: a named file as exclusive_file makes it (then unlinked at once).
    static int try_create(int dirfd, const char* name) noexcept
    {
        return exclusive_file<MaxAttempts>::try_create(dirfd, name);
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

// A directory, mode 0700, as mkdtemp. The default for basic_temp_dir.
template <unsigned MaxAttempts = detail::default_max_attempts>
struct exclusive_dir : creation_policy
{
    static_assert(MaxAttempts >= 1, "boost::tempfile: exclusive_dir<MaxAttempts> needs MaxAttempts >= 1");
    static constexpr unsigned max_attempts = MaxAttempts;
    static constexpr bool makes_directory = true;
    static constexpr bool named = true;
    template <class CharT>
    using options_type = basic_dir_options<CharT>;

    static int try_create(int dirfd, const char* name) noexcept
    {
        return detail::sys::mkdirat(dirfd, name, 0700);
    }
};

// Nothing is created: the first name that does not exist now (lstat). Racy by nature; what
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

    static int try_create(int dirfd, const char* name) noexcept
    {
        struct ::stat st;
        int r = detail::sys::fstatat(dirfd, name, st, AT_SYMLINK_NOFOLLOW);
        return r == 0 ? -EEXIST : (r == -ENOENT ? 0 : r);
    }
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_CREATION_HPP
