#!/usr/bin/env bash
# Boost.TempFile: what including the library costs a user's translation unit (issue 20 item 5;
# doc/performance.adoc#compile-cost). Compiles small TUs, each creating one temporary object
# through <boost/tempfile.hpp> (named_temporary_file, temporary_file, spooled_temporary_file,
# temporary_directory, mkstemp), and two baselines creating a temporary file without the
# library (<boost/filesystem.hpp>: unique_path + ofstream + remove; <filesystem>:
# temp_directory_path + ofstream + remove), and prints one table: CPU time (user + sys of the
# compiler and everything it starts) and peak RSS with g++ -O0, g++ -O2 and clang++ -O0
# (-std=c++17 -c), median of --runs; preprocessed lines (g++ -E | wc -l); the macros the TU
# adds to an empty TU's that start neither with BOOST_ nor with _; the OS and Boost headers it
# reads. Ratios are to the <boost/filesystem.hpp> TU.
#
# usage: build/compile_cost.sh [--runs=N] [--quick] [--headers] [--format=md|adoc]
#
# --runs=N     compiles of each TU per compiler setting (default 5; the median is printed);
#              the TUs are compiled in turn, run after run, so that load hits them alike
# --quick      --runs=1, for trying the script out
# --headers    also one table for <boost/tempfile.hpp> and each public header *.hpp alone in a
#              TU (g++ -O0): what it costs and which OS headers the library includes directly
# --format=    md (default: Markdown) or adoc (AsciiDoc table rows, for doc/performance.adoc)
#
# If the headers know BOOST_TEMPFILE_SEPARATE_COMPILATION, each library TU is measured a
# second time with it defined (the "separate" rows).
# Compilers: g++ and clang++ on PATH, or $GXX and $CLANGXX. The headers are this checkout's
# include/, Boost is the system's (Debian's Boost 1.81, installed by build/deps.sh when
# missing). Not a test: nothing compares a time against a limit and CI does not run it.
# Everything it writes is in a mktemp -d directory removed on exit.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
inc="$root/include"

runs=5
headers=0
format=md
for a in "$@"; do
    case "$a" in
        --runs=*) runs=${a#--runs=} ;;
        --quick) runs=1 ;;
        --headers) headers=1 ;;
        --format=md|--format=adoc) format=${a#--format=} ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "compile_cost.sh: unknown argument $a (see --help)" >&2; exit 2 ;;
    esac
done
[ "$runs" -ge 1 ] 2>/dev/null || { echo "compile_cost.sh: --runs needs a number >= 1" >&2; exit 2; }
[ -f "$inc/boost/tempfile.hpp" ] || { echo "compile_cost.sh: error: no $inc/boost/tempfile.hpp" >&2; exit 1; }

# shellcheck source=build/deps.sh
source "$root/build/deps.sh"
set -euo pipefail
tempfile_deps_install time || exit 1

gxx=${GXX:-g++}
clangxx=${CLANGXX:-clang++}
for c in "$gxx" "$clangxx"; do
    command -v "$c" >/dev/null 2>&1 || {
        echo "compile_cost.sh: error: compiler '$c' not found (install it, or set GXX / CLANGXX)" >&2
        exit 1
    }
done
[ -x /usr/bin/time ] || { echo "compile_cost.sh: error: /usr/bin/time missing (Debian package time)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/compile_cost.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---- the TUs ---------------------------------------------------------------------------------
# name|file: each does one real thing with its object so that the templates are instantiated.
tus=()
tu() { # tu NAME LABEL -- source on stdin
    cat >"$tmp/$1.cpp"
    tus+=("$1")
    printf '%s\n' "$2" >"$tmp/$1.label"
}
tu named 'named_temporary_file' <<'EOF'
#include <boost/tempfile.hpp>
int main() {
    boost::tempfile::named_temporary_file f;
    f.write("hello\n");
    return f.path().empty();
}
EOF
tu anon 'temporary_file' <<'EOF'
#include <boost/tempfile.hpp>
int main() {
    boost::tempfile::temporary_file f;
    return f.write("hello\n") != 6;
}
EOF
tu spooled 'spooled_temporary_file' <<'EOF'
#include <boost/tempfile.hpp>
int main() {
    boost::tempfile::spooled_temporary_file f;
    return f.write("hello\n") != 6;
}
EOF
tu dir 'temporary_directory' <<'EOF'
#include <boost/tempfile.hpp>
int main() {
    boost::tempfile::temporary_directory d;
    return d.path().empty();
}
EOF
tu mkstemp 'mkstemp' <<'EOF'
#include <boost/tempfile.hpp>
#include <unistd.h>
int main() {
    auto [fd, name] = boost::tempfile::mkstemp();
    ::close(fd);
    return ::unlink(name.c_str());
}
EOF
lib_tus=("${tus[@]}")
tu bfs '<boost/filesystem.hpp>' <<'EOF'
#include <boost/filesystem.hpp>
#include <boost/filesystem/fstream.hpp>
int main() {
    namespace fs = boost::filesystem;
    fs::path p = fs::temp_directory_path() / fs::unique_path("tmp%%%%-%%%%-%%%%");
    { fs::ofstream out(p); out << "hello\n"; }
    return !fs::remove(p);
}
EOF
tu stdfs '<filesystem>' <<'EOF'
#include <filesystem>
#include <fstream>
int main() {
    namespace fs = std::filesystem;
    fs::path p = fs::temp_directory_path() / "compile_cost.tmp";
    { std::ofstream out(p); out << "hello\n"; }
    return !fs::remove(p);
}
EOF
: >"$tmp/empty.cpp"
base=bfs

# The same library TUs in separate-compilation mode, once the headers have it.
if grep -rqs BOOST_TEMPFILE_SEPARATE_COMPILATION "$inc/boost/tempfile" "$inc/boost/tempfile.hpp"; then
    for t in "${lib_tus[@]}"; do
        { echo '#define BOOST_TEMPFILE_SEPARATE_COMPILATION'; cat "$tmp/$t.cpp"; } >"$tmp/$t-sep.cpp"
        printf '%s (separate)\n' "$(cat "$tmp/$t.label")" >"$tmp/$t-sep.label"
        tus+=("$t-sep")
    done
fi

# ---- measuring -------------------------------------------------------------------------------
std=(-std=c++17 -I"$inc")
configs=(gcc-O0 gcc-O2 clang-O0)
cmd_for() { # cmd_for CONFIG -> the compiler and flags in $cmd
    case "$1" in
        gcc-O0) cmd=("$gxx" "${std[@]}" -O0) ;;
        gcc-O2) cmd=("$gxx" "${std[@]}" -O2) ;;
        clang-O0) cmd=("$clangxx" "${std[@]}" -O0) ;;
    esac
}

# Every TU must compile before anything is timed: a failure shows the compiler's message.
for t in "${tus[@]}"; do
    for c in "${configs[@]}"; do
        cmd_for "$c"
        if ! "${cmd[@]}" -c "$tmp/$t.cpp" -o "$tmp/out.o" 2>"$tmp/err.txt"; then
            echo "compile_cost.sh: error: $t.cpp does not compile with ${cmd[*]}:" >&2
            sed 's/^/    /' "$tmp/$t.cpp" >&2
            head -n 30 "$tmp/err.txt" >&2
            exit 1
        fi
    done
done

measure() { # measure SOURCE CONFIG RESULTFILE: one compile, appends "cpu_seconds peak_kib"
    cmd_for "$2"
    /usr/bin/time -f '%U %S %M' -o "$tmp/time.txt" "${cmd[@]}" -c "$1" -o "$tmp/out.o"
    awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$tmp/time.txt" >>"$3"
}

# Median of column $2 of file $1 (the mean of the middle two for an even count).
median() {
    awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Macro names a TU defines beyond the empty TU's, neither BOOST_* nor _*.
"$gxx" "${std[@]}" -dM -E "$tmp/empty.cpp" | awk '{ print $2 }' | sed 's/(.*//' | sort -u >"$tmp/empty.macros"
macros_added() {
    "$gxx" "${std[@]}" -dM -E "$1" | awk '{ print $2 }' | sed 's/(.*//' | sort -u |
        comm -23 - "$tmp/empty.macros" | grep -Ecv '^(BOOST_|_)' || true
}
# The headers a TU reads (g++ -H): prints "os boost", the numbers of OS headers (/usr/include but
# not libstdc++ or Boost) and of Boost headers read; writes into $2 the OS headers that a file of
# this checkout's include/ read by the TU names in an #include (whoever read them first), and into
# $2.boost the Boost headers read per library (boost/<library>/...), as "count library" lines.
headers_read() {
    "$gxx" "${std[@]}" -E -H "$1" 2>&1 >/dev/null | sed -n 's/^\.\{1,\} //p' | sort -u >"$tmp/read.txt"
    grep -E '^/usr/include/' "$tmp/read.txt" |
        grep -Ev '^/usr/include/(c\+\+|[a-z0-9_]+-linux-gnu/c\+\+|boost)/' >"$tmp/read_os.txt" || true
    grep -E '^/usr/include/boost/' "$tmp/read.txt" >"$tmp/read_boost.txt" || true
    grep -F "$inc/" "$tmp/read.txt" | xargs -r sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' |
        grep -v '^boost/' | sort -u | while read -r h; do
            grep -qE "^/usr/include/([a-z0-9_]+-linux-gnu/)?$h\$" "$tmp/read_os.txt" && echo "$h"
        done >"$2" || true
    sed 's|^/usr/include/boost/||; s|^\([^/]*\)/.*|\1|; s|\.hpp$| (top level)|' "$tmp/read_boost.txt" |
        sed 's|^[^ ]* (top level)$|top-level headers|' | sort | uniq -c | sort -k1,1rn -k2 >"$2.boost"
    echo "$(wc -l <"$tmp/read_os.txt") $(wc -l <"$tmp/read_boost.txt")"
}

echo "compile_cost.sh: $runs run(s) of ${#tus[@]} TUs x ${#configs[@]} compiler settings ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
started=$SECONDS
for ((r = 1; r <= runs; r++)); do
    for c in "${configs[@]}"; do
        for t in "${tus[@]}"; do measure "$tmp/$t.cpp" "$c" "$tmp/$t.$c"; done
    done
    echo "compile_cost.sh: run $r of $runs done ($((SECONDS - started)) s)" >&2
done

for t in "${tus[@]}"; do
    "$gxx" "${std[@]}" -E "$tmp/$t.cpp" | wc -l >"$tmp/$t.lines"
    macros_added "$tmp/$t.cpp" >"$tmp/$t.macros"
    headers_read "$tmp/$t.cpp" "$tmp/$t.direct" >"$tmp/$t.headers"
done

# ---- the table ---------------------------------------------------------------------------------
row() { # row CELL... in the chosen format
    if [ "$format" = md ]; then
        local out='|' c; for c in "$@"; do out+=" $c |"; done; echo "$out"
    else
        local c; for c in "$@"; do printf '|%s ' "$c"; done; printf '\n'
    fi
}
table_start() { # table_start NCOLS HEADER...
    local n=$1; shift
    if [ "$format" = md ]; then
        row "$@"; local s='|'; for ((i = 0; i < n; i++)); do s+='---|'; done; echo "$s"
    else
        local cols=","; for ((i = 1; i < n; i++)); do cols+=",>"; done
        echo "[cols=\"${cols#,}\",options=\"header\"]"; echo '|==='; row "$@"
    fi
}
table_end() { [ "$format" = md ] || echo '|==='; }
times_sign='×'; [ "$format" = adoc ] && times_sign='&#215;'
code() { if [ "$format" = md ]; then printf '`%s`' "$1"; else printf '`+%s+`' "$1"; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }

table_start 8 'TU (one object, or a file by hand)' 'g++ -O0' 'g++ -O2' 'clang++ -O0' \
    'peak RSS, g++ -O0' 'preprocessed lines' 'macros added' 'OS / Boost headers read'
declare -A med_cpu
for t in "${tus[@]}"; do
    for c in "${configs[@]}"; do
        med_cpu[$t.$c]=$(median "$tmp/$t.$c" 1)
    done
    med_cpu[$t.rss]=$(median "$tmp/$t.gcc-O0" 2)
done
for t in "${tus[@]}"; do
    label=$(cat "$tmp/$t.label")
    cells=("$(code "${label% (separate)}")${label#"${label% (separate)}"}")
    for c in "${configs[@]}"; do
        cells+=("$(printf '%.2f s %s%s' "${med_cpu[$t.$c]}" "$(ratio "${med_cpu[$t.$c]}" "${med_cpu[$base.$c]}")" "$times_sign")")
    done
    rss=${med_cpu[$t.rss]}
    cells+=("$(awk -v k="$rss" 'BEGIN { printf "%.0f MiB", k / 1024 }') $(ratio "$rss" "${med_cpu[$base.rss]}")$times_sign")
    lines=$(cat "$tmp/$t.lines")
    cells+=("$lines $(ratio "$lines" "$(cat "$tmp/$base.lines")")$times_sign")
    cells+=("$(cat "$tmp/$t.macros")")
    read -r os bh <"$tmp/$t.headers"
    cells+=("$os / $bh")
    row "${cells[@]}"
done
table_end

# The OS headers the library's own files include (the others come through libstdc++ or Boost).
direct=$(cat "$tmp"/{named,anon,spooled,dir,mkstemp}.direct 2>/dev/null | sort -u | tr '\n' ' ' | sed 's/ $//')
echo
echo "OS headers that include/boost/tempfile names itself: ${direct:-none}"
for t in named "$base"; do
    echo "Boost headers read by the $(cat "$tmp/$t.label") TU, per library: $(awk '{ c = $1; sub(/^ *[0-9]+ /, ""); printf "%s%s %s", (NR > 1 ? ", " : ""), $0, c }' "$tmp/$t.direct.boost")"
done

# ---- each public header alone ----------------------------------------------------------------
if [ "$headers" = 1 ]; then
    echo "#include <string>" >"$tmp/h_string.cpp"
    echo "#include <boost/tempfile.hpp>" >"$tmp/h_umbrella.cpp"
    hs=(umbrella)
    for h in "$inc"/boost/tempfile/*.hpp; do
        n=$(basename "$h" .hpp)
        echo "#include <boost/tempfile/$n.hpp>" >"$tmp/h_$n.cpp"
        hs+=("$n")
    done
    echo "compile_cost.sh: each header alone, $runs run(s) of ${#hs[@]} TUs, g++ -O0" >&2
    for ((r = 1; r <= runs; r++)); do
        for n in empty string "${hs[@]}"; do
            f="$tmp/h_$n.cpp"; [ "$n" = empty ] && f="$tmp/empty.cpp"
            measure "$f" gcc-O0 "$tmp/h_$n.gcc-O0"
        done
    done
    echo
    table_start 6 'header alone (g++ -O0)' 'CPU time' 'preprocessed lines' 'macros added' \
        'OS / Boost headers read' 'OS headers it (or a library header under it) includes'
    for n in empty string "${hs[@]}"; do
        f="$tmp/h_$n.cpp"; label=$(code "<boost/tempfile/$n.hpp>")
        [ "$n" = empty ] && { f="$tmp/empty.cpp"; label='(empty TU)'; }
        [ "$n" = string ] && label=$(code '<string>')
        [ "$n" = umbrella ] && label=$(code '<boost/tempfile.hpp>')
        : >"$tmp/h_$n.direct"
        read -r os bh < <(headers_read "$f" "$tmp/h_$n.direct")
        row "$label" "$(printf '%.2f s' "$(median "$tmp/h_$n.gcc-O0" 1)")" \
            "$("$gxx" "${std[@]}" -E "$f" | wc -l)" "$(macros_added "$f")" "$os / $bh" \
            "$(sort "$tmp/h_$n.direct" | tr '\n' ' ' | sed 's/ $//')"
    done
    table_end
fi

boost_version=$(awk '/define BOOST_LIB_VERSION/ { gsub(/"/, "", $3); print $3 }' /usr/include/boost/version.hpp)
echo
echo "Median of $runs; CPU = user + sys of the compiler and what it starts (/usr/bin/time); ratios to the <boost/filesystem.hpp> TU."
echo "$(nproc) cores, $("$gxx" --version | head -n 1), $("$clangxx" --version | head -n 1), Boost ${boost_version//_/.}; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $((SECONDS - started)) s."
