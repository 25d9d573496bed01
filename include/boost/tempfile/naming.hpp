// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_NAMING_HPP
#define BOOST_TEMPFILE_NAMING_HPP

// Naming policies: what stands between the prefix and the suffix of a name.
//
// A type N is a naming policy if is_naming_policy<N> holds and, for an object n of type N,
// `n.template next_name<CharT>()` returns a std::basic_string<CharT> (called once per attempt).
// N may declare `static constexpr unsigned max_attempts`, which then bounds the attempts.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/csprng.hpp>
#include <boost/tempfile/detail/process.hpp>
#include <boost/tempfile/policy.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>

namespace boost {
namespace tempfile {

// Python's alphabet: 37 symbols, lower-case ASCII letters, digits and underscore.
inline constexpr std::string_view name_alphabet = detail::python_alphabet;

// The default engine of the naming policies: 64 bits at a time from the calling thread's
// ChaCha20 keystream, keyed from the system's CSPRNG (32 bytes per thread, again in a forked
// child), with fast key erasure: names nobody can predict from the names seen before
// (doc/security.adoc#names). Stateless: every object draws from its thread's generator. It
// meets the Engine requirements of random_name and pattern_name (and of Boost.Random's
// distributions: a UniformRandomBitGenerator).
struct secure_random
{
    using result_type = std::uint64_t;
    static constexpr result_type(min)() noexcept { return 0; }
    static constexpr result_type(max)() noexcept { return ~std::uint64_t(0); }
    result_type operator()() const noexcept { return detail::csprng::next(); }
};

namespace detail {

// A seed sequence that fills an engine's whole state from the kernel's CSPRNG.
struct entropy_seed_seq
{
    using result_type = std::uint32_t;
    template <class It>
    void generate(It first, It last)
    {
        std::uint32_t buf[128];
        while (first != last) {
            std::size_t n = 0;
            for (It it = first; it != last && n < 128; ++it)
                ++n;
            if (sys::random_bytes(buf, n * sizeof buf[0]) != 0)
                std::abort(); // no entropy at all: refuse to make guessable names
            for (std::size_t i = 0; i < n; ++i, ++first)
                *first = buf[i];
        }
    }
};

template <class Engine>
struct thread_engine_state
{
    // Eight symbols are taken from each draw: every draw must be 64 uniform bits.
    static_assert((Engine::min)() == 0 && (Engine::max)() == ~std::uint64_t(0),
                  "boost::tempfile: the Engine must give uniform 64-bit values (min() 0, max() 2^64-1), "
                  "as boost::random::mt19937_64");
    Engine engine;
    unsigned generation = 0;
    bool seeded = false;
};

// The calling thread's engine: seeded from OS entropy on first use, re-seeded in a forked
// child (the fork generation changes), never shared between threads (no lock).
template <class Engine>
inline Engine& thread_engine()
{
    static thread_local thread_engine_state<Engine> s;
    unsigned g = sys::fork_generation();
    if (BOOST_UNLIKELY(!s.seeded || s.generation != g)) {
        entropy_seed_seq seq;
        s.engine.seed(seq);
        s.generation = g;
        s.seeded = true;
    }
    return s.engine;
}

// Appends `count` symbols of `alphabet` to `out`, from the calling thread's Engine.
template <class Engine, class CharT>
inline void append_random(std::basic_string<CharT>& out, std::size_t count, std::string_view alphabet)
{
    if constexpr (std::is_same_v<Engine, secure_random>)
        append_symbols(out, count, alphabet, secure_random()); // its state is the thread's (csprng.hpp)
    else
        append_symbols(out, count, alphabet, thread_engine<Engine>());
}

} // namespace detail

// A 64-bit number from the calling thread's fork-aware engine, for user naming policies: by
// default secure_random; another Engine is kept per thread, seeded over its whole state from
// the system and again in a forked child.
template <class Engine = secure_random>
inline std::uint64_t thread_random()
{
    if constexpr (std::is_same_v<Engine, secure_random>)
        return detail::csprng::next();
    else
        return static_cast<std::uint64_t>(detail::thread_engine<Engine>()());
}

// The default: Length symbols from name_alphabet (Python: 8), from secure_random (a per-thread
// ChaCha20 keystream keyed from the system, re-keyed in a forked child). A Boost.Random engine
// may be given instead (random::mt19937_64: the names of releases before 1.1; the caller
// includes its header); it is kept per thread and seeded over its whole state from the system.
template <unsigned Length = 8, class Engine = secure_random>
struct random_name : naming_policy
{
    static_assert(Length >= 1 && Length <= 255, "boost::tempfile: random_name<Length> needs 1 <= Length <= 255");
    static constexpr unsigned length = Length;

    template <class CharT>
    std::basic_string<CharT> next_name() const
    {
        std::basic_string<CharT> s;
        detail::append_random<Engine>(s, Length, name_alphabet);
        return s;
    }
};

// A fixed shape: Model is a type with `static constexpr const char* value`, a pattern in
// which every '%' becomes a lower-case hex digit (as Boost.Filesystem's unique_path and LLVM)
// and every 'X' a letter or digit [A-Za-z0-9] (as mkstemp); other characters are kept.
//
//     struct build_model { static constexpr const char* value = "build-%%%%-%%%%"; };
//     tf::basic_temp_file<char, tf::pattern_name<build_model>> f;
template <class Model, class Engine = secure_random>
struct pattern_name : naming_policy
{
    template <class CharT>
    std::basic_string<CharT> next_name() const
    {
        static constexpr std::string_view hex = "0123456789abcdef";
        static constexpr std::string_view alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        std::string_view model = Model::value;
        std::basic_string<CharT> s;
        s.reserve(model.size());
        for (char c : model) {
            if (c == '%')
                detail::append_random<Engine>(s, 1, hex);
            else if (c == 'X')
                detail::append_random<Engine>(s, 1, alnum);
            else
                s += static_cast<CharT>(static_cast<unsigned char>(c));
        }
        return s;
    }
};

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_NAMING_HPP
