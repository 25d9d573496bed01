// Copyright 2026 The Boost.TempFile authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

#ifndef BOOST_TEMPFILE_DETAIL_CONCEPTS_HPP
#define BOOST_TEMPFILE_DETAIL_CONCEPTS_HPP

// The requirements of doc/policies.adoc, one row of its tables per check: each policy the
// object is made of is checked when basic_temp_file / basic_temp_dir is instantiated
// (detail/select.hpp), with a static_assert whose message starts "boost::tempfile:" and names
// the family and the member. Every check goes through a detection trait, so that a missing or
// ill-formed member gives its own message rather than an error deep inside the object.
// Optional members are checked only when declared (found by name: &P::member).
// Under C++20 the same requirements are also concepts (boost::tempfile::naming_policy_for & co.).

#include <boost/tempfile/config.hpp>

#if defined(BOOST_HAS_PRAGMA_ONCE)
#pragma once
#endif

#include <boost/tempfile/native.hpp>
#include <boost/tempfile/policy.hpp>

#include <boost/filesystem/path.hpp>
#include <boost/system/error_code.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace boost {
namespace tempfile {
namespace detail {
namespace req {

// `P::m` is a constant expression of type T (a static constexpr data member).
template <class T, class V> using is_const_of = std::is_same<std::remove_cv_t<V>, T>;

#define BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(name, T)                                                    \
    template <class P, class = void> struct has_##name : std::false_type {};                            \
    template <class P> struct has_##name<P, std::void_t<decltype(&P::name)>> : std::true_type {};      \
    template <class P, class = void> struct good_##name : std::false_type {};                           \
    template <class P>                                                                                   \
    struct good_##name<P, std::void_t<std::integral_constant<T, (P::name)>>>                             \
        : is_const_of<T, decltype(P::name)> {};

BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(max_attempts, unsigned)
BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(makes_directory, bool)
BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(named, bool)
BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(spooled, bool)
BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(for_files, bool)
BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(for_directories, bool)
BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(owner_only, bool)
BOOST_TEMPFILE_DETAIL_REQ_CONSTANT(lock_directory, bool)
#undef BOOST_TEMPFILE_DETAIL_REQ_CONSTANT

// A member function (or static one) found by name; the call is checked apart.
#define BOOST_TEMPFILE_DETAIL_REQ_NAMED(name)                                                          \
    template <class P, class = void> struct declares_##name : std::false_type {};                       \
    template <class P> struct declares_##name<P, std::void_t<decltype(&P::name)>> : std::true_type {};

BOOST_TEMPFILE_DETAIL_REQ_NAMED(open_unnamed)
BOOST_TEMPFILE_DETAIL_REQ_NAMED(try_create_delete_on_close)
BOOST_TEMPFILE_DETAIL_REQ_NAMED(on_name)
BOOST_TEMPFILE_DETAIL_REQ_NAMED(on_release)
#undef BOOST_TEMPFILE_DETAIL_REQ_NAMED

// ---- naming: n.template next_name<CharT>()
template <class N, class CharT, class = void> struct next_name_call { static constexpr bool valid = false; using type = void; };
template <class N, class CharT>
struct next_name_call<N, CharT, std::void_t<decltype(std::declval<N&>().template next_name<CharT>())>>
{
    static constexpr bool valid = true;
    using type = decltype(std::declval<N&>().template next_name<CharT>());
};

// ---- location: L::directory(ec)
template <class L, class = void> struct directory_call { static constexpr bool valid = false; using type = void; };
template <class L>
struct directory_call<L, std::void_t<decltype(L::directory(std::declval<system::error_code&>()))>>
{
    static constexpr bool valid = true;
    using type = decltype(L::directory(std::declval<system::error_code&>()));
};

// ---- creation: C::f(dir, name, h), f one of try_create, open_unnamed, try_create_delete_on_close
#define BOOST_TEMPFILE_DETAIL_REQ_CREATE_CALL(name)                                                      \
    template <class C, class = void> struct name##_call                                                 \
    {                                                                                                    \
        static constexpr bool valid = false, is_noexcept = false;                                        \
        using type = void;                                                                               \
    };                                                                                                   \
    template <class C>                                                                                   \
    struct name##_call<C, std::void_t<decltype(C::name(std::declval<native_dir_type>(),                 \
                                                       std::declval<const native_char*>(),               \
                                                       std::declval<native_handle_type&>()))>>           \
    {                                                                                                    \
        static constexpr bool valid = true;                                                              \
        static constexpr bool is_noexcept = noexcept(C::name(                                            \
            std::declval<native_dir_type>(), std::declval<const native_char*>(), std::declval<native_handle_type&>())); \
        using type = decltype(C::name(std::declval<native_dir_type>(), std::declval<const native_char*>(), \
                                      std::declval<native_handle_type&>()));                             \
    };

BOOST_TEMPFILE_DETAIL_REQ_CREATE_CALL(try_create)
BOOST_TEMPFILE_DETAIL_REQ_CREATE_CALL(open_unnamed)
BOOST_TEMPFILE_DETAIL_REQ_CREATE_CALL(try_create_delete_on_close)
#undef BOOST_TEMPFILE_DETAIL_REQ_CREATE_CALL

template <class C, class CharT, class = void> struct options_of { static constexpr bool valid = false; using type = void; };
template <class C, class CharT>
struct options_of<C, CharT, std::void_t<typename C::template options_type<CharT>>>
{
    static constexpr bool valid = true;
    using type = typename C::template options_type<CharT>;
};
template <class O, bool = std::is_class<O>::value> struct is_aggregate_options : std::false_type {};
template <class O> struct is_aggregate_options<O, true> : std::is_aggregate<O> {};

// ---- cleanup: d.on_create(o), d.remove_at_close(), d.remove_at_destroy(), the optional hooks
#define BOOST_TEMPFILE_DETAIL_REQ_HOOK_CALL(name, args)                                                   \
    template <class D, class O, class = void> struct name##_call                                        \
    {                                                                                                    \
        static constexpr bool valid = false, is_noexcept = false;                                        \
        using type = void;                                                                               \
    };                                                                                                   \
    template <class D, class O>                                                                          \
    struct name##_call<D, O, std::void_t<decltype(std::declval<D&>().name args)>>               \
    {                                                                                                    \
        static constexpr bool valid = true;                                                              \
        static constexpr bool is_noexcept = noexcept(std::declval<D&>().name args);              \
        using type = decltype(std::declval<D&>().name args);                                     \
    };

BOOST_TEMPFILE_DETAIL_REQ_HOOK_CALL(on_create, (std::declval<const O&>()))
BOOST_TEMPFILE_DETAIL_REQ_HOOK_CALL(remove_at_close, ())
BOOST_TEMPFILE_DETAIL_REQ_HOOK_CALL(remove_at_destroy, ())
BOOST_TEMPFILE_DETAIL_REQ_HOOK_CALL(on_name, (std::declval<const filesystem::path&>(), true))
BOOST_TEMPFILE_DETAIL_REQ_HOOK_CALL(on_release, ())
#undef BOOST_TEMPFILE_DETAIL_REQ_HOOK_CALL

template <class D, class = void> struct guard_ok : std::true_type {};
template <class D>
struct guard_ok<D, std::void_t<typename D::creation_guard>>
    : std::is_default_constructible<typename D::creation_guard> {};

} // namespace req

// One trait per family: `value` is true when every row holds; instantiating `check` gives
// one static_assert per row that does not.
template <class N, class CharT>
struct naming_requirements
{
    using call = req::next_name_call<N, CharT>;
    static constexpr bool next_name_ok = call::valid;
    static constexpr bool next_name_type_ok = !call::valid || std::is_same<typename call::type, std::basic_string<CharT>>::value;
    static constexpr bool max_attempts_ok = !req::has_max_attempts<N>::value || req::good_max_attempts<N>::value;
    static constexpr bool value = next_name_ok && next_name_type_ok && max_attempts_ok;
    struct check
    {
        static_assert(next_name_ok, "boost::tempfile: naming policy N: n.template next_name<CharT>() must be callable "
                                    "(a member template of N, callable on a non-const N)");
        static_assert(next_name_type_ok, "boost::tempfile: naming policy N: next_name<CharT>() must return std::basic_string<CharT>");
        static_assert(max_attempts_ok, "boost::tempfile: naming policy N: N::max_attempts, when declared, must be a static constexpr unsigned");
    };
};

template <class L>
struct location_requirements
{
    using call = req::directory_call<L>;
    static constexpr bool directory_ok = call::valid;
    static constexpr bool directory_type_ok = !call::valid || std::is_same<typename call::type, filesystem::path>::value;
    static constexpr bool value = directory_ok && directory_type_ok;
    struct check
    {
        static_assert(directory_ok, "boost::tempfile: location policy L: L::directory(ec) must be a static member function "
                                    "taking a boost::system::error_code&");
        static_assert(directory_type_ok, "boost::tempfile: location policy L: L::directory(ec) must return boost::filesystem::path");
    };
};

template <class C, class CharT>
struct creation_requirements
{
    static constexpr bool max_attempts_ok = req::good_max_attempts<C>::value;
    static constexpr bool makes_directory_ok = req::good_makes_directory<C>::value;
    static constexpr bool named_ok = req::good_named<C>::value;
    static constexpr bool options_ok = req::options_of<C, CharT>::valid;
    static constexpr bool options_aggregate_ok =
        !options_ok || req::is_aggregate_options<typename req::options_of<C, CharT>::type>::value;
    using tc = req::try_create_call<C>;
    static constexpr bool try_create_ok = tc::valid;
    static constexpr bool try_create_type_ok = !tc::valid || std::is_same<typename tc::type, int>::value;
    static constexpr bool try_create_noexcept_ok = !tc::valid || tc::is_noexcept;
    using ou = req::open_unnamed_call<C>;
    static constexpr bool ou_declared = req::declares_open_unnamed<C>::value;
    static constexpr bool open_unnamed_ok = !ou_declared || ou::valid;
    static constexpr bool open_unnamed_type_ok = !ou::valid || std::is_same<typename ou::type, int>::value;
    static constexpr bool open_unnamed_noexcept_ok = !ou::valid || ou::is_noexcept;
    using dc = req::try_create_delete_on_close_call<C>;
    static constexpr bool dc_declared = req::declares_try_create_delete_on_close<C>::value;
    static constexpr bool doc_ok = !dc_declared || dc::valid;
    static constexpr bool doc_type_ok = !dc::valid || std::is_same<typename dc::type, int>::value;
    static constexpr bool doc_noexcept_ok = !dc::valid || dc::is_noexcept;
    static constexpr bool spooled_ok = !req::has_spooled<C>::value || req::good_spooled<C>::value;
    static constexpr bool value = max_attempts_ok && makes_directory_ok && named_ok && options_ok && options_aggregate_ok &&
                                  try_create_ok && try_create_type_ok && try_create_noexcept_ok && open_unnamed_ok &&
                                  open_unnamed_type_ok && open_unnamed_noexcept_ok && doc_ok && doc_type_ok &&
                                  doc_noexcept_ok && spooled_ok;
    struct check
    {
        static_assert(max_attempts_ok, "boost::tempfile: creation policy C: C::max_attempts must be a static constexpr unsigned");
        static_assert(makes_directory_ok, "boost::tempfile: creation policy C: C::makes_directory must be a static constexpr bool");
        static_assert(named_ok, "boost::tempfile: creation policy C: C::named must be a static constexpr bool");
        static_assert(options_ok, "boost::tempfile: creation policy C: C::template options_type<CharT> must name the options type");
        static_assert(options_aggregate_ok, "boost::tempfile: creation policy C: C::options_type<CharT> must be an aggregate");
        static_assert(try_create_ok, "boost::tempfile: creation policy C: C::try_create(native_dir_type, const native_char*, "
                                     "native_handle_type&) must be a static member function");
        static_assert(try_create_type_ok, "boost::tempfile: creation policy C: C::try_create must return int "
                                          "(>= 0, or a negated system error)");
        static_assert(try_create_noexcept_ok, "boost::tempfile: creation policy C: C::try_create must be noexcept");
        static_assert(open_unnamed_ok, "boost::tempfile: creation policy C: C::open_unnamed, when declared, must be callable as "
                                       "open_unnamed(native_dir_type, const native_char*, native_handle_type&)");
        static_assert(open_unnamed_type_ok, "boost::tempfile: creation policy C: C::open_unnamed must return int");
        static_assert(open_unnamed_noexcept_ok, "boost::tempfile: creation policy C: C::open_unnamed must be noexcept");
        static_assert(doc_ok, "boost::tempfile: creation policy C: C::try_create_delete_on_close, when declared, must be callable "
                              "as try_create_delete_on_close(native_dir_type, const native_char*, native_handle_type&)");
        static_assert(doc_type_ok, "boost::tempfile: creation policy C: C::try_create_delete_on_close must return int");
        static_assert(doc_noexcept_ok, "boost::tempfile: creation policy C: C::try_create_delete_on_close must be noexcept");
        static_assert(spooled_ok, "boost::tempfile: creation policy C: C::spooled, when declared, must be a static constexpr bool");
    };
};

template <class D, class Options>
struct cleanup_requirements
{
    static constexpr bool for_files_ok = req::good_for_files<D>::value;
    static constexpr bool for_directories_ok = req::good_for_directories<D>::value;
    using oc = req::on_create_call<D, Options>;
    static constexpr bool on_create_ok = oc::valid;
    static constexpr bool on_create_type_ok = !oc::valid || std::is_void<typename oc::type>::value;
    static constexpr bool on_create_noexcept_ok = !oc::valid || oc::is_noexcept;
    using rc = req::remove_at_close_call<D, Options>;
    static constexpr bool remove_at_close_ok = rc::valid;
    static constexpr bool remove_at_close_type_ok = !rc::valid || std::is_same<typename rc::type, bool>::value;
    using rd = req::remove_at_destroy_call<D, Options>;
    static constexpr bool remove_at_destroy_ok = rd::valid;
    static constexpr bool remove_at_destroy_type_ok = !rd::valid || std::is_same<typename rd::type, bool>::value;
    static constexpr bool owner_only_ok = !req::has_owner_only<D>::value || req::good_owner_only<D>::value;
    static constexpr bool lock_directory_ok = !req::has_lock_directory<D>::value || req::good_lock_directory<D>::value;
    using on = req::on_name_call<D, Options>;
    static constexpr bool on_name_ok = !req::declares_on_name<D>::value || on::valid;
    static constexpr bool on_name_type_ok = !on::valid || std::is_void<typename on::type>::value;
    static constexpr bool on_name_noexcept_ok = !on::valid || on::is_noexcept;
    using orl = req::on_release_call<D, Options>;
    static constexpr bool on_release_ok = !req::declares_on_release<D>::value || orl::valid;
    static constexpr bool on_release_type_ok = !orl::valid || std::is_void<typename orl::type>::value;
    static constexpr bool on_release_noexcept_ok = !orl::valid || orl::is_noexcept;
    static constexpr bool guard_ok = req::guard_ok<D>::value;
    static constexpr bool value = for_files_ok && for_directories_ok && on_create_ok && on_create_type_ok &&
                                  on_create_noexcept_ok && remove_at_close_ok && remove_at_close_type_ok &&
                                  remove_at_destroy_ok && remove_at_destroy_type_ok && owner_only_ok && lock_directory_ok &&
                                  on_name_ok && on_name_type_ok && on_name_noexcept_ok && on_release_ok &&
                                  on_release_type_ok && on_release_noexcept_ok && guard_ok;
    struct check
    {
        static_assert(for_files_ok, "boost::tempfile: cleanup policy D: D::for_files must be a static constexpr bool");
        static_assert(for_directories_ok, "boost::tempfile: cleanup policy D: D::for_directories must be a static constexpr bool");
        static_assert(on_create_ok, "boost::tempfile: cleanup policy D: d.on_create(o) must be callable with the object's options");
        static_assert(on_create_type_ok, "boost::tempfile: cleanup policy D: d.on_create(o) must return void");
        static_assert(on_create_noexcept_ok, "boost::tempfile: cleanup policy D: d.on_create(o) must be noexcept");
        static_assert(remove_at_close_ok, "boost::tempfile: cleanup policy D: d.remove_at_close() must be declared");
        static_assert(remove_at_close_type_ok, "boost::tempfile: cleanup policy D: d.remove_at_close() must return bool");
        static_assert(remove_at_destroy_ok, "boost::tempfile: cleanup policy D: d.remove_at_destroy() must be declared");
        static_assert(remove_at_destroy_type_ok, "boost::tempfile: cleanup policy D: d.remove_at_destroy() must return bool");
        static_assert(owner_only_ok, "boost::tempfile: cleanup policy D: D::owner_only, when declared, must be a static constexpr bool");
        static_assert(lock_directory_ok, "boost::tempfile: cleanup policy D: D::lock_directory, when declared, must be a static constexpr bool");
        static_assert(on_name_ok, "boost::tempfile: cleanup policy D: d.on_name, when declared, must be callable as "
                                  "on_name(const boost::filesystem::path&, bool)");
        static_assert(on_name_type_ok, "boost::tempfile: cleanup policy D: d.on_name(p, is_directory) must return void");
        static_assert(on_name_noexcept_ok, "boost::tempfile: cleanup policy D: d.on_name(p, is_directory) must be noexcept");
        static_assert(on_release_ok, "boost::tempfile: cleanup policy D: d.on_release, when declared, must take no argument");
        static_assert(on_release_type_ok, "boost::tempfile: cleanup policy D: d.on_release() must return void");
        static_assert(on_release_noexcept_ok, "boost::tempfile: cleanup policy D: d.on_release() must be noexcept");
        static_assert(guard_ok, "boost::tempfile: cleanup policy D: D::creation_guard, when declared, must be default-constructible");
    };
};

// All four, for the object's CharT; the creation policy's options are what on_create receives.
// Instantiated by detail/select.hpp: the bases are the checks.
struct no_check
{
};
template <class CharT, class N, class L, class C, class D>
struct check_policies : naming_requirements<N, CharT>::check,
                        location_requirements<L>::check,
                        creation_requirements<C, CharT>::check,
                        std::conditional_t<creation_requirements<C, CharT>::options_ok,
                                           typename cleanup_requirements<D, typename req::options_of<C, CharT>::type>::check,
                                           no_check>
{
};

} // namespace detail

#if defined(__cpp_concepts) && __cpp_concepts >= 201907L
// The requirements of doc/policies.adoc as concepts (C++20): a policy that models its family's
// concept passes every check above.
template <class N, class CharT>
concept naming_policy_for = is_naming_policy<N>::value && detail::naming_requirements<N, CharT>::value;
template <class L>
concept location_policy_for = is_location_policy<L>::value && detail::location_requirements<L>::value;
template <class C, class CharT>
concept creation_policy_for = is_creation_policy<C>::value && detail::creation_requirements<C, CharT>::value;
template <class D, class Options>
concept cleanup_policy_for = is_cleanup_policy<D>::value && detail::cleanup_requirements<D, Options>::value;
#endif

} // namespace tempfile
} // namespace boost

#endif // BOOST_TEMPFILE_DETAIL_CONCEPTS_HPP
