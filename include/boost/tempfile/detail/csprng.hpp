// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_CSPRNG_HPP
#define BOOST_TEMPFILE_DETAIL_CSPRNG_HPP

// The per-thread generator behind the default names (doc/security.md#names): a ChaCha20
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

#include <boost/tempfile/detail/platform.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

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

#define BOOST_TEMPFILE_DETAIL_QR(a, b, c, d)                                                                           \
    a += b;                                                                                                            \
    d = rotl(d ^ a, 16);                                                                                               \
    c += d;                                                                                                            \
    b = rotl(b ^ c, 12);                                                                                               \
    a += b;                                                                                                            \
    d = rotl(d ^ a, 8);                                                                                                \
    c += d;                                                                                                            \
    b = rotl(b ^ c, 7)

// One ChaCha20 block (RFC 8439 §2.3): 16 words of keystream for key, block counter and nonce.
inline void block(const std::uint32_t key[8], std::uint32_t counter, const std::uint32_t nonce[3],
                  std::uint32_t out[16]) noexcept
{
    const std::uint32_t in[16] = {0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u, key[0], key[1],
                                  key[2],      key[3],      key[4],      key[5],      key[6], key[7],
                                  counter,     nonce[0],    nonce[1],    nonce[2]};
    std::uint32_t x[16];
    std::memcpy(x, in, sizeof x);
    for (int i = 0; i < 10; ++i) {
        BOOST_TEMPFILE_DETAIL_QR(x[0], x[4], x[8], x[12]);
        BOOST_TEMPFILE_DETAIL_QR(x[1], x[5], x[9], x[13]);
        BOOST_TEMPFILE_DETAIL_QR(x[2], x[6], x[10], x[14]);
        BOOST_TEMPFILE_DETAIL_QR(x[3], x[7], x[11], x[15]);
        BOOST_TEMPFILE_DETAIL_QR(x[0], x[5], x[10], x[15]);
        BOOST_TEMPFILE_DETAIL_QR(x[1], x[6], x[11], x[12]);
        BOOST_TEMPFILE_DETAIL_QR(x[2], x[7], x[8], x[13]);
        BOOST_TEMPFILE_DETAIL_QR(x[3], x[4], x[9], x[14]);
    }
    for (int i = 0; i < 16; ++i)
        out[i] = x[i] + in[i];
}

#undef BOOST_TEMPFILE_DETAIL_QR

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

inline state& thread_state() noexcept
{
    static thread_local state s; // zero-initialised
    return s;
}

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
    for (unsigned b = 0; b < refill_blocks; ++b)
        block(s.key, b, nonce, ks + 16 * b);
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
} // namespace detail
} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_CSPRNG_HPP
