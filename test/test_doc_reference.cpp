// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

// The reference is complete: every public name declared by include/boost/tempfile/*.hpp
// (namespace boost::tempfile, not detail) appears in the reference page of its header; every
// Python name and parameter has a row in the migration table; every page is reachable from
// doc/index.adoc, every xref: leads to a page and an anchor of it, and every local link leads
// to a file.
//
// The headers are read with a small declaration scanner (comments, literals and preprocessor
// lines removed; namespaces, classes, access sections, function bodies and initializers
// followed by brace and parenthesis matching). It finds classes, structs, enumerations and
// their enumerators, alias templates and type aliases, functions, variables, public members of
// public classes, and the BOOST_TEMPFILE_* macros that a header #defines (include guards
// aside). A new public name without documentation fails this test, naming it.

#define BOOST_TEST_MODULE doc_reference
#include <boost/test/unit_test.hpp>

#include <boost/filesystem/directory.hpp>
#include <boost/filesystem/operations.hpp>
#include <boost/filesystem/path.hpp>

#include "common/doc_common.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = boost::filesystem;

namespace {

using test::read_file;
using test::source_root;

bool ident_char(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// ---- The scanner.

// Source text without comments and literals, and the preprocessor lines apart.
struct cleaned
{
    std::string code;
    std::vector<std::string> directives;
};

cleaned clean(const std::string& s)
{
    cleaned r;
    bool line_start = true;
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
            while (i < s.size() && s[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            std::size_t e = s.find("*/", i + 2);
            i = e == std::string::npos ? s.size() : e + 2;
            r.code += ' ';
        } else if (c == '"' || (c == '\'' && !(i > 0 && ident_char(s[i - 1])))) {
            for (++i; i < s.size() && s[i] != c; ++i)
                if (s[i] == '\\')
                    ++i;
            ++i;
            r.code += " 0 "; // a literal: one harmless token
            line_start = false;
        } else if (c == '#' && line_start) {
            std::string d;
            while (i < s.size() && s[i] != '\n') {
                if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '\n')
                    i += 2;
                else if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '/')
                    while (i < s.size() && s[i] != '\n')
                        ++i;
                else
                    d += s[i++];
            }
            r.directives.push_back(d);
        } else {
            if (c == '\n')
                line_start = true;
            else if (!std::isspace(static_cast<unsigned char>(c)))
                line_start = false;
            r.code += c;
            ++i;
        }
    }
    return r;
}

std::vector<std::string> tokenize(const std::string& s)
{
    std::vector<std::string> t;
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (ident_char(c)) {
            std::size_t b = i;
            while (i < s.size() && ident_char(s[i]))
                ++i;
            t.push_back(s.substr(b, i - b));
        } else if (c == ':' && i + 1 < s.size() && s[i + 1] == ':') {
            t.push_back("::");
            i += 2;
        } else {
            t.push_back(std::string(1, c));
            ++i;
        }
    }
    return t;
}

bool is_identifier(const std::string& s)
{
    static const std::set<std::string> keywords = {
        "alignas", "const", "constexpr", "decltype", "delete", "default", "for", "if", "inline",
        "noexcept", "operator", "return", "sizeof", "static", "static_assert", "switch", "while", "0"};
    return !s.empty() && (std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_') && !keywords.count(s);
}

// Public declarations of one header: "name" at namespace scope, "class::member" for members.
class scanner
{
public:
    explicit scanner(std::vector<std::string> tokens) : t_(std::move(tokens)) {}
    // A part header (see parts below): the public members of `classes`, declared in
    // namespace detail, are recorded as members of `owner`.
    scanner(std::vector<std::string> tokens, std::string owner, std::set<std::string> classes)
        : t_(std::move(tokens)), owner_(std::move(owner)), part_classes_(std::move(classes))
    {
    }

    // The part classes seen (a part header must still declare them).
    const std::set<std::string>& parts_seen() const { return parts_seen_; }

    std::set<std::string> run()
    {
        namespace_scope();
        return names_;
    }

private:
    std::vector<std::string> t_;
    std::size_t i_ = 0;
    std::vector<std::string> ns_;
    std::set<std::string> names_;
    std::string owner_;
    std::set<std::string> part_classes_;
    std::set<std::string> parts_seen_;

    bool in_detail() const
    {
        return ns_.size() == 3 && ns_[0] == "boost" && ns_[1] == "tempfile" && ns_[2] == "detail";
    }

    bool at(const char* s) const { return i_ < t_.size() && t_[i_] == s; }
    bool public_namespace() const { return ns_.size() == 2 && ns_[0] == "boost" && ns_[1] == "tempfile"; }

    // t_[i_] opens a group: skip to after its matching close.
    void skip_group()
    {
        const std::string open = t_[i_];
        const std::string close = open == "(" ? ")" : open == "[" ? "]" : open == "{" ? "}" : ">";
        int depth = 0;
        for (; i_ < t_.size(); ++i_) {
            if (t_[i_] == open)
                ++depth;
            else if (t_[i_] == close && --depth == 0) {
                ++i_;
                return;
            } else if (open == "<" && t_[i_] == "(") {
                skip_group(); // parentheses inside a template header may hold '>'
                --i_;
            }
        }
    }

    void skip_to_semicolon()
    {
        while (i_ < t_.size() && !at(";")) {
            if (at("(") || at("[") || at("{"))
                skip_group();
            else
                ++i_;
        }
        ++i_;
    }

    void add(const std::string& cls, const std::string& name)
    {
        names_.insert(cls.empty() ? name : cls + "::" + name);
    }

    void namespace_scope()
    {
        while (i_ < t_.size() && !at("}")) {
            if (at(";")) {
                ++i_;
            } else if (at("namespace")) {
                ++i_;
                std::vector<std::string> path;
                while (i_ < t_.size() && !at("{") && !at(";") && !at("=")) {
                    if (t_[i_] != "::")
                        path.push_back(t_[i_]);
                    ++i_;
                }
                if (!at("{")) { // a namespace alias
                    skip_to_semicolon();
                    continue;
                }
                bool hidden = path.empty() || std::find(path.begin(), path.end(), "detail") != path.end();
                if (hidden && !(owner_.size() && public_namespace() && path == std::vector<std::string>{"detail"})) {
                    skip_group();
                    continue;
                }
                ++i_;
                ns_.insert(ns_.end(), path.begin(), path.end());
                namespace_scope();
                ns_.resize(ns_.size() - path.size());
                ++i_; // the closing brace
            } else if (in_detail()) {
                part_declaration();
            } else {
                declaration(public_namespace(), "");
            }
        }
    }

    // In a part header's namespace detail: a part class's public members are the owner's;
    // nothing else there is public.
    void part_declaration()
    {
        std::size_t start = i_;
        while (at("template")) {
            ++i_;
            if (at("<"))
                skip_group();
        }
        if ((at("struct") || at("class")) && i_ + 1 < t_.size() && part_classes_.count(t_[i_ + 1])) {
            bool is_struct = at("struct");
            parts_seen_.insert(t_[i_ + 1]);
            i_ += 2;
            while (i_ < t_.size() && !at("{") && !at(";"))
                ++i_;
            if (at("{")) {
                ++i_;
                class_scope(true, owner_, is_struct);
                skip_to_semicolon();
                return;
            }
        }
        i_ = start;
        declaration(false, "");
    }

    void class_scope(bool record, const std::string& cls, bool public_default)
    {
        bool is_public = public_default;
        while (i_ < t_.size() && !at("}")) {
            if ((at("public") || at("private") || at("protected")) && i_ + 1 < t_.size() && t_[i_ + 1] == ":") {
                is_public = at("public");
                i_ += 2;
            } else if (at(";")) {
                ++i_;
            } else {
                declaration(record && is_public, cls);
            }
        }
        ++i_; // the closing brace
    }

    static std::string member_of(const std::string& cls, const std::string& name)
    {
        return cls.empty() ? name : cls + "::" + name;
    }

    void declaration(bool record, const std::string& cls)
    {
        const std::string own = cls.substr(cls.rfind("::") == std::string::npos ? 0 : cls.rfind("::") + 2);
        for (;;) { // template headers and attributes
            if (at("template")) {
                ++i_;
                if (at("<"))
                    skip_group();
            } else if (at("[") && i_ + 1 < t_.size() && t_[i_ + 1] == "[") {
                skip_group();
            } else {
                break;
            }
        }
        if (at("friend") || at("static_assert")) {
            skip_to_semicolon();
            return;
        }
        if (at("using")) {
            ++i_;
            if (!at("namespace") && i_ + 1 < t_.size() && t_[i_ + 1] == "=" && record)
                add(cls, t_[i_]);
            skip_to_semicolon();
            return;
        }
        if ((at("struct") || at("class") || at("union")) && i_ + 1 < t_.size() && is_identifier(t_[i_ + 1])) {
            bool is_struct = !at("class");
            ++i_;
            std::string name = t_[i_++];
            while (i_ < t_.size() && !at("{") && !at(";")) {
                if (at("("))
                    skip_group();
                else
                    ++i_;
            }
            if (record)
                add(cls, name);
            if (at("{")) {
                ++i_;
                class_scope(record, member_of(cls, name), is_struct);
                skip_to_semicolon();
            } else {
                ++i_;
            }
            return;
        }
        if (at("enum")) {
            ++i_;
            if (at("class") || at("struct"))
                ++i_;
            std::string name = t_[i_];
            if (record)
                add(cls, name);
            while (i_ < t_.size() && !at("{") && !at(";"))
                ++i_;
            if (at("{")) {
                ++i_;
                bool expect = true;
                while (i_ < t_.size() && !at("}")) {
                    if (at(","))
                        expect = true;
                    else if (expect && is_identifier(t_[i_])) {
                        if (record)
                            add(cls, t_[i_]);
                        expect = false;
                    }
                    if (at("(") || at("{"))
                        skip_group();
                    else
                        ++i_;
                }
            }
            skip_to_semicolon();
            return;
        }

        // A function, a variable or a data member.
        std::size_t paren = 0, eq = 0, last_ident = 0;
        bool have_paren = false, have_eq = false, have_ident = false;
        auto name_before = [&](std::size_t pos) -> std::string {
            if (pos == 0 || !is_identifier(t_[pos - 1]))
                return std::string();
            if (pos >= 2 && (t_[pos - 2] == "~" || t_[pos - 2] == "operator"))
                return std::string();
            return t_[pos - 1];
        };
        auto finish = [&] {
            std::string name;
            if (have_paren && (!have_eq || paren < eq))
                name = name_before(paren);
            else if (have_eq)
                name = name_before(eq);
            else if (have_ident)
                name = t_[last_ident];
            if (record && !name.empty() && name != own && is_identifier(name))
                add(cls, name);
        };
        while (i_ < t_.size()) {
            if (at(";")) {
                ++i_;
                finish();
                return;
            }
            if (at("}")) { // end of the enclosing scope: a declaration without ';'
                finish();
                return;
            }
            if (at("(")) {
                if (!have_paren && !have_eq) {
                    have_paren = true;
                    paren = i_;
                }
                skip_group();
                continue;
            }
            if (at("[")) {
                skip_group();
                continue;
            }
            if (at("operator")) { // operator=, operator(), ...: the symbol is no initializer
                ++i_;
                if (at("(") || at("["))
                    skip_group();
                else
                    while (i_ < t_.size() && !at("("))
                        ++i_;
                continue;
            }
            if (at("=")) {
                if (!have_eq && !have_paren) {
                    have_eq = true;
                    eq = i_;
                }
                ++i_;
                continue;
            }
            if (at(":") && have_paren && !have_eq) { // a constructor's member initializers
                ++i_;
                for (;;) {
                    while (i_ < t_.size() && !at("(") && !at("{"))
                        ++i_; // the member's name
                    if (i_ >= t_.size())
                        break;
                    skip_group(); // its initializer, (...) or {...}
                    if (!at(","))
                        break; // at the body
                    ++i_;
                }
                continue;
            }
            if (at("{")) {
                bool body = have_paren && (!have_eq || paren < eq);
                if (!have_paren && !have_eq && i_ > 0 && is_identifier(t_[i_ - 1])) {
                    have_ident = true;
                    last_ident = i_ - 1;
                }
                skip_group();
                if (body) {
                    finish();
                    return;
                }
                continue;
            }
            if (is_identifier(t_[i_]) && !have_paren && !have_eq) {
                have_ident = true;
                last_ident = i_;
            }
            ++i_;
        }
        finish();
    }
};

bool contains_include(const std::vector<std::string>& directives, const std::string& header)
{
    for (const std::string& d : directives)
        if (d.find("include") != std::string::npos && d.find("<" + header + ">") != std::string::npos)
            return true;
    return false;
}

struct header_names
{
    std::set<std::string> names;  // declarations ("class::member" for members)
    std::set<std::string> macros; // BOOST_TEMPFILE_* #defined, include guard and DETAIL_ aside
};

// The objects built of parts: a detail header whose part classes' public members are the
// object's, and whose public-namespace declarations (durability, publish_mode) are its header's.
// doc/reference documents them on the object's page.
struct part_header
{
    const char* header; // the public header, under include/boost/tempfile/
    const char* part;   // the detail header
    const char* owner;  // the object the members belong to
    std::set<std::string> classes;
};
const std::vector<part_header>& parts()
{
    static const std::vector<part_header> r = {
        {"basic_temp_file.hpp", "detail/file_naming.hpp", "basic_temp_file_impl", {"file_naming", "unnamed"}},
        {"basic_temp_file.hpp", "detail/file_publishing.hpp", "basic_temp_file_impl",
         {"publishing", "persisting", "linking", "not_published"}},
        {"basic_temp_file.hpp", "detail/file_spooling.hpp", "basic_temp_file_impl", {"spooling", "not_spooled"}}};
    return r;
}

header_names scan_header(const fs::path& p)
{
    cleaned c = clean(read_file(p));
    header_names r;
    r.names = scanner(tokenize(c.code)).run();
    for (const part_header& ph : parts()) {
        if (p.filename() != ph.header)
            continue;
        fs::path part = p.parent_path() / ph.part;
        BOOST_TEST(contains_include(c.directives, std::string("boost/tempfile/") + ph.part),
                   p.filename().string() << " no longer includes its part " << ph.part);
        scanner s(tokenize(clean(read_file(part)).code), ph.owner, ph.classes);
        std::set<std::string> names = s.run();
        BOOST_TEST((s.parts_seen() == ph.classes), ph.part << ": not every part class was found");
        r.names.insert(names.begin(), names.end());
    }
    for (const std::string& d : c.directives) {
        std::vector<std::string> t = tokenize(d);
        if (t.size() >= 3 && t[0] == "#" && t[1] == "define" && t[2].rfind("BOOST_TEMPFILE_", 0) == 0) {
            const std::string& m = t[2];
            if ((m.size() < 4 || m.compare(m.size() - 4, 4, "_HPP") != 0) && m.rfind("BOOST_TEMPFILE_DETAIL_", 0) != 0)
                r.macros.insert(m); // (BOOST_TEMPFILE_DETAIL_*: the library's own, not public)
        }
    }
    return r;
}

// `word` occurs in `text` with no identifier character on either side.
bool contains_word(const std::string& text, const std::string& word)
{
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        bool left = at == 0 || !ident_char(text[at - 1]);
        bool right = at + word.size() >= text.size() || !ident_char(text[at + word.size()]);
        if (left && right)
            return true;
    }
    return false;
}

struct page
{
    fs::path file;
    std::string text;
};

std::vector<page> reference_pages(const fs::path& root)
{
    std::vector<page> r;
    for (fs::directory_iterator it(root / "doc" / "reference"), end; it != end; ++it)
        if (it->path().extension() == ".adoc")
            r.push_back({it->path(), read_file(it->path())});
    std::sort(r.begin(), r.end(), [](const page& a, const page& b) { return a.file < b.file; });
    return r;
}

// The pages that document `header` ("boost/tempfile/naming.hpp"): those with a line starting
// with "Header" that names it as <...>.
std::vector<const page*> pages_of(const std::vector<page>& pages, const std::string& header)
{
    std::vector<const page*> r;
    const std::string quoted = "<" + header + ">";
    for (const page& p : pages) {
        std::istringstream in(p.text);
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("Header", 0) == 0 && line.find(quoted) != std::string::npos) {
                r.push_back(&p);
                break;
            }
    }
    return r;
}

std::vector<fs::path> public_headers(const fs::path& root)
{
    std::vector<fs::path> r;
    for (fs::directory_iterator it(root / "include" / "boost" / "tempfile"), end; it != end; ++it)
        if (it->path().extension() == ".hpp")
            r.push_back(it->path());
    std::sort(r.begin(), r.end());
    return r;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_scanner_finds_declarations)
{
    const std::string src = R"(
#ifndef BOOST_TEMPFILE_X_HPP
#define BOOST_TEMPFILE_X_HPP
#define BOOST_TEMPFILE_KNOB(x) x
namespace boost { namespace tempfile {
namespace detail { struct hidden {}; inline int helper() { return 0; } }
// struct in_a_comment {};
inline constexpr const char* text = "struct in_a_string {};";
template <class T, std::enable_if_t<(sizeof(T) > 1), int> = 0> struct shown : base<T> {
    using value_type = T;
    shown() : x_(1), y_{2} {}
    explicit shown(int) {}
    ~shown() {}
    shown& operator=(const shown&) = delete;
    shown& operator=(shown&&) noexcept { return *this; }
    bool operator()(int) const { return true; }
    static constexpr bool flag = true;
    std::basic_string<char> member{};
    template <class U> [[nodiscard]] int call(U u = {}) const noexcept { if (u) { return 1; } return 0; }
private:
    int x_, y_;
    void secret();
};
class closed { int hidden_member; public: void open_member(); };
enum class colour { red, green = 2, blue };
template <class C> using alias = shown<C>;
[[deprecated("old")]] inline int old_function(int a = {}) { return a; }
template <class C> class forward_declared;
} }
namespace other { struct not_ours {}; }
#endif
)";
    cleaned c = clean(src);
    std::set<std::string> n = scanner(tokenize(c.code)).run();
    std::set<std::string> expected = {"text", "shown", "shown::value_type", "shown::flag", "shown::member",
                                      "shown::call", "closed", "closed::open_member", "colour", "red", "green",
                                      "blue", "alias", "old_function", "forward_declared"};
    BOOST_TEST(n == expected, "found:" << [&] {
        std::string s;
        for (const std::string& x : n)
            s += " " + x;
        return s;
    }());
    std::vector<std::string> macros;
    for (const std::string& d : c.directives) {
        std::vector<std::string> t = tokenize(d);
        if (t.size() >= 3 && t[1] == "define")
            macros.push_back(t[2]);
    }
    BOOST_TEST(macros.size() == 2u);
    BOOST_TEST(contains_word("a `random_name<8>` b", "random_name"));
    BOOST_TEST(!contains_word("BOOST_TEMPFILE_VERSION_STRING", "BOOST_TEMPFILE_VERSION"));
}

BOOST_AUTO_TEST_CASE(every_public_name_is_in_the_reference)
{
    fs::path root = source_root();
    BOOST_REQUIRE_MESSAGE(!root.empty(), "repository root not found");
    std::vector<page> pages = reference_pages(root);
    BOOST_REQUIRE(!pages.empty());

    std::size_t checked = 0;
    std::vector<fs::path> headers = public_headers(root);
    BOOST_TEST(headers.size() >= 13u);
    for (const fs::path& h : headers) {
        const std::string header = "boost/tempfile/" + h.filename().string();
        std::vector<const page*> doc = pages_of(pages, header);
        BOOST_TEST(!doc.empty(), header << ": no page of doc/reference/ starts a line with \"Header\" naming <"
                                        << header << ">");
        if (doc.empty())
            continue;
        header_names found = scan_header(h);
        std::set<std::string> all = found.names;
        all.insert(found.macros.begin(), found.macros.end());
        BOOST_TEST_MESSAGE(header << ":" << [&] {
            std::string s;
            for (const std::string& x : all)
                s += " " + x;
            return s;
        }());
        for (const std::string& qualified : all) {
            // A member is looked for by its own name, on the page of its header.
            std::string word = qualified.substr(qualified.rfind("::") == std::string::npos ? 0 : qualified.rfind("::") + 2);
            bool documented = std::any_of(doc.begin(), doc.end(), [&](const page* p) { return contains_word(p->text, word); });
            BOOST_TEST(documented, header << ": public name `" << qualified << "` is not in "
                                          << doc.front()->file.filename().string());
            ++checked;
        }
    }
    BOOST_TEST(pages_of(pages, "boost/tempfile.hpp").size() >= 1u, "no reference page for <boost/tempfile.hpp>");
    // The scanner must keep finding what is there (guards against it silently finding nothing).
    BOOST_TEST(checked > 150u, checked << " names checked");
}

BOOST_AUTO_TEST_CASE(the_scanner_sees_the_public_headers)
{
    fs::path root = source_root();
    BOOST_REQUIRE(!root.empty());
    fs::path inc = root / "include" / "boost" / "tempfile";
    header_names file = scan_header(inc / "basic_temp_file.hpp");
    for (const char* n : {"basic_temp_file", "basic_temp_file_impl", "durability", "none", "durable",
                          "named_temporary_file", "wspooled_temporary_file", "basic_temp_file_impl::write",
                          "basic_temp_file_impl::persist_noclobber", "basic_temp_file_impl::native_handle_type"})
        BOOST_TEST(file.names.count(n) == 1u, "basic_temp_file.hpp: " << n << " not found");
    for (const char* n : {"basic_temp_file_impl::rollover", "basic_temp_file_impl::link", "basic_temp_file_impl::keep",
                          "basic_temp_file_impl::adopt", "publish_mode", "publish_mode::like_target"})
        BOOST_TEST(file.names.count(n) == 1u, "basic_temp_file.hpp's parts: " << n << " not found");
    for (const char* n : {"basic_temp_file_impl::spooled", "basic_temp_file_impl::fd_", "basic_temp_file_impl::create",
                          "basic_temp_file_impl::do_persist", "basic_temp_file_impl::spool_",
                          "basic_temp_file_impl::mem", "spool_state", "basic_temp_file_impl::path_",
                          "basic_temp_file_impl::prepare_publish", "mode_to_publish", "file_naming"})
        BOOST_TEST(file.names.count(n) == 0u, "basic_temp_file.hpp: private " << n << " found");
    header_names loc = scan_header(inc / "location.hpp");
    for (const char* n : {"gettempprefix", "gettempdir", "set_tempdir", "reset_tempdir", "system_temp_dir",
                          "system_temp_dir::directory", "runtime_dir"})
        BOOST_TEST(loc.names.count(n) == 1u, "location.hpp: " << n << " not found");
    for (const char* n : {"tempdir_cache", "candidate_tempdirs", "default_max_attempts"})
        BOOST_TEST(loc.names.count(n) == 0u, "location.hpp: detail name " << n << " found");
    header_names cfg = scan_header(inc / "config.hpp");
    BOOST_TEST(cfg.macros == (std::set<std::string>{"BOOST_TEMPFILE_ASSERT", "BOOST_TEMPFILE_THROW"}));
    header_names fns = scan_header(inc / "functions.hpp");
    BOOST_TEST(fns.names == (std::set<std::string>{"mkdtemp", "mkstemp", "mktemp"}));
}

// Every name and parameter of Python's tempfile has a row of doc/migration.adoc: a table row
// (a line starting with '|' between the |=== lines) whose first cell holds the name in code
// (`+name...+`, `name...` or ``pass:[name...]``: the name, then no identifier character),
// with a second cell that is not empty.
BOOST_AUTO_TEST_CASE(the_migration_table_covers_python)
{
    fs::path root = source_root();
    BOOST_REQUIRE(!root.empty());
    std::string text = read_file(root / "doc" / "migration.adoc");
    std::vector<std::pair<std::string, std::string>> rows; // first cell, second cell
    std::istringstream in(text);
    std::string line;
    bool table = false;
    while (std::getline(in, line)) {
        if (line.rfind("|===", 0) == 0) {
            table = !table;
            continue;
        }
        if (!table || line.rfind("|", 0) != 0)
            continue;
        // Cells split on '|' (an escaped \| stays in its cell).
        std::vector<std::string> cells;
        std::string cell;
        for (std::size_t k = 1; k <= line.size(); ++k) {
            if (k == line.size() || (line[k] == '|' && line[k - 1] != '\\')) {
                cells.push_back(cell);
                cell.clear();
            } else {
                cell += line[k];
            }
        }
        if (cells.size() >= 2)
            rows.emplace_back(cells[0], cells[1]);
    }
    BOOST_REQUIRE(!rows.empty());

    const char* python[] = {"mkstemp",       "mkdtemp",     "mktemp",         "TemporaryFile",
                            "NamedTemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory", "gettempdir",
                            "gettempdirb",   "gettempprefix", "gettempprefixb", "tempdir",
                            "template",      "TMP_MAX",     "mode",           "buffering",
                            "encoding",      "newline",     "errors",         "delete",
                            "delete_on_close", "max_size",  "ignore_cleanup_errors"};
    for (const char* name : python) {
        const std::string n = name;
        bool found = false;
        for (const auto& [first, second] : rows) {
            for (const std::string& code : {"`+" + n, "`" + n, "pass:[" + n}) {
                for (std::size_t at = first.find(code); at != std::string::npos; at = first.find(code, at + 1)) {
                    std::size_t end = at + code.size();
                    if ((end >= first.size() || !ident_char(first[end])) &&
                        second.find_first_not_of(" \t") != std::string::npos)
                        found = true;
                }
            }
        }
        BOOST_TEST(found, "doc/migration.adoc: no row for Python's `" << n << "`");
    }
}

// Every page of doc/ can be reached from doc/index.adoc through xref: links, every xref: leads
// to a page that exists and to an anchor ([[id]] or [#id]) of it, and every other local link (README.md's
// Markdown links; link: targets of a page, relative to its HTML page under doc/html/) leads to
// a file that exists.
BOOST_AUTO_TEST_CASE(every_page_is_reachable_and_every_link_resolves)
{
    fs::path root = source_root();
    BOOST_REQUIRE(!root.empty());
    std::vector<fs::path> docs;
    for (fs::recursive_directory_iterator it(root / "doc"), end; it != end; ++it)
        if (it->path().extension() == ".adoc")
            docs.push_back(it->path().lexically_normal());
    std::sort(docs.begin(), docs.end());
    BOOST_REQUIRE(docs.size() > 20u);
    auto anchors_of = [](const std::string& text) { // [[id]] anywhere, [#id] alone on a line
        std::set<std::string> ids;
        for (std::size_t at = text.find("[["); at != std::string::npos; at = text.find("[[", at + 2)) {
            std::size_t end = text.find("]]", at);
            if (end != std::string::npos)
                ids.insert(text.substr(at + 2, end - at - 2));
        }
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);)
            if (line.size() > 3 && line.rfind("[#", 0) == 0 && line.back() == ']')
                ids.insert(line.substr(2, line.size() - 3));
        return ids;
    };
    auto is_external = [](const std::string& t) {
        return t.find("://") != std::string::npos || t.rfind("mailto:", 0) == 0;
    };

    // README.md stays Markdown.
    const std::string readme = read_file(root / "README.md");
    for (std::size_t at = readme.find("]("); at != std::string::npos; at = readme.find("](", at + 2)) {
        std::size_t end = readme.find(')', at + 2);
        if (end == std::string::npos)
            break;
        std::string target = readme.substr(at + 2, end - at - 2);
        if (is_external(target))
            continue;
        target = target.substr(0, target.find('#'));
        if (!target.empty())
            BOOST_TEST(fs::exists(root / target), "README.md: broken link (" << target << ")");
    }

    std::map<fs::path, std::set<fs::path>> links; // page -> the pages it links to
    for (const fs::path& d : docs) {
        const std::string text = read_file(d);
        const std::string name = fs::relative(d, root).string();
        for (const std::string macro : {"xref:", "link:"}) {
            for (std::size_t at = text.find(macro); at != std::string::npos; at = text.find(macro, at + 1)) {
                if (at > 0 && ident_char(text[at - 1]))
                    continue;
                std::size_t end = text.find('[', at);
                if (end == std::string::npos)
                    break;
                std::string target = text.substr(at + macro.size(), end - at - macro.size());
                if (target.rfind("++", 0) == 0 && target.size() >= 4) // link:++target++[...]
                    target = target.substr(2, target.size() - 4);
                if (is_external(target) || target.find_first_of(" \n") != std::string::npos)
                    continue;
                const std::string file = target.substr(0, target.find('#'));
                const std::string anchor = target.find('#') == std::string::npos ? "" : target.substr(target.find('#') + 1);
                if (macro == std::string("xref:")) {
                    fs::path p = file.empty() || file.find(".adoc") == std::string::npos
                                     ? d : (d.parent_path() / file).lexically_normal();
                    const std::string id = file.find(".adoc") == std::string::npos ? target : anchor;
                    BOOST_TEST(fs::exists(p), name << ": xref to a page that does not exist (" << target << ")");
                    if (!fs::exists(p))
                        continue;
                    links[d].insert(p);
                    if (!id.empty())
                        BOOST_TEST(anchors_of(read_file(p)).count(id) == 1u,
                                   name << ": xref to an anchor that " << p.filename().string() << " has not (" << target << ")");
                } else if (!file.empty()) {
                    const fs::path html = root / "doc" / "html" / fs::relative(d.parent_path(), root / "doc");
                    BOOST_TEST(fs::exists((html / file).lexically_normal()),
                               name << ": broken link (" << target << ", from doc/html/)");
                }
            }
        }
    }
    std::set<fs::path> seen = {(root / "doc" / "index.adoc").lexically_normal()};
    std::vector<fs::path> todo(seen.begin(), seen.end());
    while (!todo.empty()) {
        fs::path p = todo.back();
        todo.pop_back();
        for (const fs::path& q : links[p])
            if (seen.insert(q).second)
                todo.push_back(q);
    }
    for (const fs::path& d : docs)
        BOOST_TEST(seen.count(d) == 1u, d.string() << " is not reachable from doc/index.adoc");
}
