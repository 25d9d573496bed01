// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_CSPRNG_HPP
#define BOOST_TEMPFILE_DETAIL_CSPRNG_HPP

// The per-thread generator behind the default names (doc/security.adoc#names): a ChaCha20
// keystream keyed with 32 bytes of the system's CSPRNG (sys::random_bytes: getrandom,
// arc4random_buf, BCryptGenRandom), with fast key erasure (D. J. Bernstein, "Fast-key-erasure
// random-number generators", 2017): each refill computes `refill_blocks` blocks under the
// current key, the first 32 bytes become the next key (the old one is overwritten) and the
// rest is handed out, 8 bytes per draw. A thread costs 32 bytes of OS entropy once; a forked
// child sees a new fork generation and draws a new key from the system before its first
// value, so it never repeats its parent's buffer. Nothing is shared between threads: no lock.

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/detail/process.hpp>

#include <boost/config.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace boost {
namespace tempfile {
namespace detail {
namespace csprng {

inline constexpr unsigned refill_blocks = 8;                        // 512 bytes per refill
inline constexpr unsigned words = refill_blocks * 8 - 4;           // 64-bit values handed out per refill

inline constexpr std::uint32_t rotl(std::uint32_t x, int n) noexcept
{
    return (x << n) | (x >> (32 - n));
}

// One ChaCha20 quarter round (RFC 8439 section 2.1) on `refill_blocks` blocks at once: each row holds
// one word of every block, so the loops run across blocks and compilers vectorise them (SSE2 on
// any x86-64, NEON on AArch64) with no intrinsics.
inline void quarter_round(std::uint32_t* BOOST_RESTRICT a, std::uint32_t* BOOST_RESTRICT b,
                          std::uint32_t* BOOST_RESTRICT c, std::uint32_t* BOOST_RESTRICT d) noexcept
{
    for (unsigned l = 0; l < refill_blocks; ++l) {
        a[l] += b[l];
        d[l] = rotl(d[l] ^ a[l], 16);
        c[l] += d[l];
        b[l] = rotl(b[l] ^ c[l], 12);
        a[l] += b[l];
        d[l] = rotl(d[l] ^ a[l], 8);
        c[l] += d[l];
        b[l] = rotl(b[l] ^ c[l], 7);
    }
}

// `refill_blocks` consecutive ChaCha20 blocks (RFC 8439 section 2.3) for key and nonce, block counters
// counter, counter + 1, ...: out[16 * k + i] is word i of block counter + k.
inline void blocks(const std::uint32_t key[8], std::uint32_t counter, const std::uint32_t nonce[3],
                   std::uint32_t out[refill_blocks * 16]) noexcept
{
    const std::uint32_t in[16] = {0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u, key[0], key[1],
                                  key[2],      key[3],      key[4],      key[5],      key[6], key[7],
                                  counter,     nonce[0],    nonce[1],    nonce[2]};
    std::uint32_t x[16][refill_blocks], start[refill_blocks];
    for (unsigned w = 0; w < 16; ++w)
        for (unsigned l = 0; l < refill_blocks; ++l)
            x[w][l] = in[w];
    for (unsigned l = 0; l < refill_blocks; ++l)
        x[12][l] = start[l] = counter + l;
    for (int i = 0; i < 10; ++i) { // 20 rounds: a column round and a diagonal round
        quarter_round(x[0], x[4], x[8], x[12]);
        quarter_round(x[1], x[5], x[9], x[13]);
        quarter_round(x[2], x[6], x[10], x[14]);
        quarter_round(x[3], x[7], x[11], x[15]);
        quarter_round(x[0], x[5], x[10], x[15]);
        quarter_round(x[1], x[6], x[11], x[12]);
        quarter_round(x[2], x[7], x[8], x[13]);
        quarter_round(x[3], x[4], x[9], x[14]);
    }
    for (unsigned l = 0; l < refill_blocks; ++l)
        for (unsigned w = 0; w < 16; ++w)
            out[16 * l + w] = x[w][l] + (w == 12 ? start[l] : in[w]);
}

// A thread's generator. Trivial (zero-initialised thread_local storage, no constructor or
// destructor to register): `left` == 0 asks for a refill, `seeded` for a key.
struct state
{
    std::uint32_t key[8];
    std::uint64_t out[words];
    unsigned left;       // values of `out` not handed out yet (taken from the end)
    unsigned generation; // the fork generation the key was drawn in
    bool seeded;
};

BOOST_TEMPFILE_DETAIL_STATE state& thread_state() noexcept;
#if BOOST_TEMPFILE_DETAIL_DEFINITIONS
BOOST_TEMPFILE_DETAIL_STATE state& thread_state() noexcept
{
    static thread_local state s; // zero-initialised
    return s;
}
#endif

// How many times this thread drew a key from the system (tests: BOOST_TEMPFILE_TEST_HOOKS).
inline unsigned& seeds() noexcept
{
    static thread_local unsigned n = 0;
    return n;
}

// Draws a new key from the system (a new thread, or a forked child), or aborts: without
// entropy there is nothing to make unguessable names from.
inline void seed(state& s, unsigned generation) noexcept
{
    if (sys::random_bytes(s.key, sizeof s.key) != 0)
        std::abort();
    s.generation = generation;
    s.seeded = true;
#if defined(BOOST_TEMPFILE_TEST_HOOKS)
    ++seeds();
#endif
}

// Computes the next buffer and key; returns one value of it.
BOOST_NOINLINE inline std::uint64_t refill(state& s, unsigned generation) noexcept
{
    if (!s.seeded || s.generation != generation)
        seed(s, generation);
    static constexpr std::uint32_t nonce[3] = {0, 0, 0}; // every key is used for one refill only
    std::uint32_t ks[refill_blocks * 16];
    blocks(s.key, 0, nonce, ks);
    std::memcpy(s.key, ks, sizeof s.key); // fast key erasure: the old key is gone
    for (unsigned i = 0; i < words; ++i)
        s.out[i] = static_cast<std::uint64_t>(ks[8 + 2 * i]) | (static_cast<std::uint64_t>(ks[9 + 2 * i]) << 32);
    s.left = words - 1;
    const std::uint64_t v = s.out[words - 1];
    s.out[words - 1] = 0;
    return v;
}

// The next 64 uniform bits of the calling thread's generator.
inline std::uint64_t next() noexcept
{
    state& s = thread_state();
    const unsigned g = sys::fork_generation();
    if (BOOST_LIKELY(s.left != 0 && s.generation == g)) {
        const std::uint64_t v = s.out[--s.left];
        s.out[s.left] = 0; // handed out: not kept in memory
        return v;
    }
    return refill(s, g);
}

} // namespace csprng

// Python's alphabet of name symbols (naming.hpp's name_alphabet).
inline constexpr std::string_view python_alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";

// Appends `count` symbols of `alphabet` to `out`, drawing one 64-bit number from `draw` per 8
// symbols (37^8 < 2^42, so the modulo bias is below 2^-22 per symbol).
template <class CharT, class Draw>
inline void append_symbols(std::basic_string<CharT>& out, std::size_t count, std::string_view alphabet, Draw&& draw)
{
    const std::uint64_t n = alphabet.size();
    const std::size_t at = out.size();
    out.resize(at + count); // one growth, then filled in place (no per-symbol append)
    CharT* p = &out[at];
    while (count > 0) {
        std::uint64_t x = static_cast<std::uint64_t>(draw());
        std::size_t k = count < 8 ? count : 8;
        for (std::size_t i = 0; i < k; ++i) {
            *p++ = static_cast<CharT>(alphabet[to<std::size_t>(x % n)]);
            x /= n;
        }
        count -= k;
    }
}
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_CSPRNG_HPP
