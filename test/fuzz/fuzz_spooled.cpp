// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// libFuzzer target: a spooled_temporary_file driven by a random sequence of write, read, seek,
// tell, truncate, rollover and native_handle, checked after every step against a plain
// in-memory model (a byte string and a position), across the rollover. Written against the
// documented API (DESIGN.md section 3); build/fuzz.sh skips it, saying so, until
// spooled_temporary_file exists.
//
// Input layout: [max_size (1 byte, x 16; 0 = never on write)] then operations, each one byte of
// opcode followed by its arguments (see step()).
//
//   build/fuzz.sh --time=600 fuzz_spooled

#include <boost/tempfile.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ios>
#include <string>
#include <vector>

#include <unistd.h>

namespace tf = boost::tempfile;

#define FUZZ_CHECK(c)                                                                                        \
    do {                                                                                                     \
        if (!(c)) {                                                                                          \
            std::fprintf(stderr, "fuzz_spooled: check failed: %s (line %d)\n", #c, __LINE__);                \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

namespace {

struct model
{
    std::string data;
    std::uint64_t pos = 0;
    bool rolled = false;
};

struct reader
{
    const std::uint8_t* p;
    std::size_t n;
    unsigned byte() { return n ? (--n, *p++) : 0u; }
    unsigned u16() { return byte() | (byte() << 8); }
};

const std::string& scratch()
{
    static const std::string s = [] {
        const char* base = std::getenv("BOOST_TEMPFILE_FUZZ_DIR");
        std::string t = std::string(base && *base ? base : "/tmp") + "/tempfile-fuzz-XXXXXX";
        FUZZ_CHECK(::mkdtemp(&t[0]) != nullptr);
        std::atexit([] { ::rmdir(scratch().c_str()); });
        return t;
    }();
    return s;
}

// The whole content read back through the object, the position restored.
std::string contents(tf::spooled_temporary_file& f)
{
    std::int64_t here = f.tell();
    f.seek(0);
    std::string r;
    char buf[4096];
    for (std::size_t n; (n = f.read(buf, sizeof buf)) > 0;)
        r.append(buf, n);
    f.seek(here);
    return r;
}

void step(tf::spooled_temporary_file& f, model& m, std::size_t max_size, reader& in)
{
    switch (in.byte() % 7) {
    case 0: { // write: length, fill byte
        std::size_t len = in.u16() % 3000;
        std::string s(len, static_cast<char>(in.byte()));
        FUZZ_CHECK(f.write(s.data(), s.size()) == len);
        if (len > 0) { // an empty write makes no hole
            if (m.pos > m.data.size())
                m.data.resize(m.pos, '\0');
            m.data.replace(m.pos, std::min<std::size_t>(len, m.data.size() - m.pos), s);
        }
        m.pos += len;
        if (max_size && m.pos > max_size)
            m.rolled = true;
        break;
    }
    case 1: { // read
        std::size_t len = in.u16() % 5000;
        std::vector<char> buf(len + 1);
        std::size_t got = f.read(buf.data(), len);
        std::size_t expect = m.pos >= m.data.size() ? 0 : std::min<std::size_t>(len, m.data.size() - m.pos);
        FUZZ_CHECK(got == expect);
        FUZZ_CHECK(std::memcmp(buf.data(), m.data.data() + (expect ? m.pos : 0), got) == 0);
        m.pos += got;
        break;
    }
    case 2: { // seek: way, offset (never to a negative position)
        unsigned way = in.byte() % 3;
        std::int64_t off = static_cast<std::int16_t>(in.u16());
        std::int64_t base = way == 0   ? 0
                            : way == 1 ? static_cast<std::int64_t>(m.pos)
                                       : static_cast<std::int64_t>(m.data.size());
        if (base + off < 0)
            off = -base;
        std::int64_t r = f.seek(off, way == 0   ? std::ios_base::beg
                                     : way == 1 ? std::ios_base::cur
                                                : std::ios_base::end);
        m.pos = static_cast<std::uint64_t>(base + off);
        FUZZ_CHECK(r == static_cast<std::int64_t>(m.pos));
        break;
    }
    case 3: { // truncate (the position does not move)
        std::size_t size = in.u16() % 6000;
        f.truncate(size);
        m.data.resize(size, '\0');
        if (size > max_size) // Python: truncate(n > max_size) rolls over, even with max_size 0
            m.rolled = true;
        break;
    }
    case 4:
        f.rollover();
        m.rolled = true;
        break;
    case 5:
        FUZZ_CHECK(f.native_handle() >= 0);
        m.rolled = true;
        break;
    default:
        FUZZ_CHECK(f.tell() == static_cast<std::int64_t>(m.pos));
        break;
    }
    FUZZ_CHECK(f.tell() == static_cast<std::int64_t>(m.pos));
    FUZZ_CHECK(f.rolled_over() == m.rolled);
    FUZZ_CHECK(contents(f) == m.data);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    reader in{data, size};
    const std::size_t max_size = in.byte() * 16u;
    tf::spooled_options o;
    o.max_size = max_size;
    o.dir = scratch();
    {
        tf::spooled_temporary_file f(o);
        model m;
        for (int steps = 0; in.n > 0 && steps < 200; ++steps)
            step(f, m, max_size, in);
    }
    // Anonymous once rolled over: nothing is ever left in the directory.
    FUZZ_CHECK(::rmdir(scratch().c_str()) == 0 && ::mkdir(scratch().c_str(), 0700) == 0);
    return 0;
}
