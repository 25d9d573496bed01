// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_ENCODING_HPP
#define BOOST_TEMPFILE_DETAIL_ENCODING_HPP

// Between the strings a user gives and gets (CharT) and the names on disk (native_char):
// POSIX names are bytes, narrow strings taken as they are, wide strings UTF-8 on disk whatever
// the locale; Windows names are UTF-16, narrow strings UTF-8. wchar_t is UTF-32 on POSIX,
// UTF-16 (surrogate pairs) where it is 16 bits. Conversions fail, rather than guess, on
// invalid input. Pure computation: no system call.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <string>
#include <string_view>
#include <type_traits>

namespace boost {
namespace tempfile {
namespace detail {

template <class CharT>
inline constexpr bool is_char_type_v = std::is_same_v<CharT, char> || std::is_same_v<CharT, wchar_t>;

// Appends the UTF-8 form of `s` to `out`; false (out unspecified) on an invalid code point.
inline bool append_native(std::string& out, std::string_view s)
{
    out.append(s.data(), s.size());
    return true;
}

inline bool append_native(std::string& out, std::wstring_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        char32_t c = static_cast<char32_t>(s[i]);
        if constexpr (sizeof(wchar_t) == 2) {
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size()) {
                char32_t lo = static_cast<char32_t>(s[i + 1]);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                    ++i;
                }
            }
        }
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            if (c >= 0xD800 && c <= 0xDFFF)
                return false; // lone surrogate
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x110000) {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            return false;
        }
    }
    return true;
}

// Appends the wide form of UTF-8 `s` to `out`; false (out unspecified) on invalid UTF-8.
inline bool append_native(std::wstring& out, std::string_view s)
{
    out.reserve(out.size() + s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        char32_t c;
        std::size_t n;
        if (b < 0x80) {
            c = b;
            n = 1;
        } else if ((b & 0xE0) == 0xC0) {
            c = b & 0x1F;
            n = 2;
        } else if ((b & 0xF0) == 0xE0) {
            c = b & 0x0F;
            n = 3;
        } else if ((b & 0xF8) == 0xF0) {
            c = b & 0x07;
            n = 4;
        } else {
            return false;
        }
        if (i + n > s.size())
            return false;
        for (std::size_t k = 1; k < n; ++k) {
            unsigned char cb = static_cast<unsigned char>(s[i + k]);
            if ((cb & 0xC0) != 0x80)
                return false;
            c = (c << 6) | (cb & 0x3F);
        }
        static constexpr char32_t min_for_length[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (c < min_for_length[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return false; // overlong, out of range or surrogate
        if constexpr (sizeof(wchar_t) == 2) {
            if (c >= 0x10000) {
                c -= 0x10000;
                out += static_cast<wchar_t>(0xD800 + (c >> 10));
                out += static_cast<wchar_t>(0xDC00 + (c & 0x3FF));
                i += n;
                continue;
            }
        }
        out += static_cast<wchar_t>(c);
        i += n;
    }
    return true;
}

// Wide to wide (Windows' native form): copied, after checking that a 16-bit wchar_t holds
// well-formed UTF-16 (no lone surrogate: it could not be given back as UTF-8).
inline bool append_native(std::wstring& out, std::wstring_view s)
{
    if constexpr (sizeof(wchar_t) == 2) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const wchar_t c = s[i];
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                ++i;
            else if (c >= 0xD800 && c <= 0xDFFF)
                return false;
        }
    }
    out.append(s.data(), s.size());
    return true;
}

// Decodes a native name into CharT; false on invalid input (out unspecified).
inline bool from_native(std::string_view s, std::string& out)
{
    out.assign(s.data(), s.size());
    return true;
}

inline bool from_native(std::string_view s, std::wstring& out)
{
    out.clear();
    return append_native(out, s);
}

inline bool from_native(std::wstring_view s, std::string& out)
{
    out.clear();
    return append_native(out, s);
}

inline bool from_native(std::wstring_view s, std::wstring& out)
{
    out.assign(s.data(), s.size());
    return true;
}

// Whether a native name can be given back as CharT (always when CharT is the native
// character), without allocating then.
template <class CharT, class NativeChar>
inline bool representable(std::basic_string_view<NativeChar> s)
{
    if constexpr (std::is_same_v<CharT, NativeChar>) {
        (void)s;
        return true;
    } else {
        std::basic_string<CharT> tmp;
        return from_native(s, tmp);
    }
}

template <class CharT, class NativeChar>
inline bool representable(const std::basic_string<NativeChar>& s)
{
    return representable<CharT>(std::basic_string_view<NativeChar>(s));
}

// ASCII literal widened to CharT ("tmp" -> L"tmp").
template <class CharT>
inline std::basic_string<CharT> widen_ascii(std::string_view s)
{
    return std::basic_string<CharT>(s.begin(), s.end());
}

} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_ENCODING_HPP
