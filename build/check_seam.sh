#!/bin/sh
# The platform seam, checked: POSIX calls, headers and constants only under
# include/boost/tempfile/detail/posix/, Windows ones only under detail/windows/, and the choice
# between them (_WIN32) only in the seam's three levels: detail/platform.hpp (the vocabulary),
# detail/process.hpp (handles, random bytes, the process) and detail/system.hpp (the rest). No
# header at all includes a Windows SDK header (<windows.h>, <winternl.h>, <sddl.h>...: in either
# mode a user's TU would get its macros); what Boost.WinAPI does not declare is declared in
# detail/windows/win32.hpp, the one place with extern "C" declarations (issue 20). And the
# layering: the machinery under detail/ includes no public header but the vocabulary
# (config.hpp, native.hpp, policy.hpp): no policy family, no object, no tempfile_fwd.hpp.
# Comments and string literals are stripped first. Prints every offending line; exits 1 if
# there is one. Run by .ci/run.
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
cd "$(dirname "$0")/../include" || exit 2
strip() { sed -E 's://.*$::; s/"([^"\\]|\\.)*"/""/g' "$1"; }
posix_re='#include <(unistd|fcntl|dirent|pthread|signal|sys/[a-z]+)\.h>|(^|[^A-Za-z0-9_:>])::[a-z][a-z_0-9]*\(|\bAT_[A-Z_]+|\bO_[A-Z]+\b|\bS_I[A-Z]+|\berrno\b|\bE(EXIST|NOENT|INVAL|NOMEM|FBIG|IO|INTR|ACCES|PERM|BADF|MFILE|NFILE|NOTDIR|LOOP|ISDIR|XDEV|NOTEMPTY|NOSYS|OPNOTSUPP|ILSEQ|RANGE)\b|\bSIG(INT|TERM|HUP)\b|\bDT_[A-Z]+|\bpid_t\b|\bstruct ::stat\b'
win_re='#include <(windows|winternl|sddl|io)\.h>|boost/winapi|\bHANDLE\b|\bDWORD\b|(^|[^A-Za-z0-9_:>])::[A-Z][A-Za-z0-9]+\(|\bERROR_[A-Z_]+|\bFILE_(FLAG|ATTRIBUTE|SHARE)_[A-Z_]+|\bWINAPI\b|\b_open_osfhandle\b'
# The SDK's headers: the umbrella, its parts, and the other API headers of the SDK and of
# mingw-w64 (the C runtime's <io.h> and <fcntl.h> are not among them).
sdk_re='#include <(windows|winternl|sddl|windef|winbase|winnt|winerror|winioctl|winnls|wincon|winsvc|winsock2?|ws2tcpip|ntdef|ntstatus|ntsecapi|bcrypt|wincrypt|aclapi|accctrl|objbase|shlobj|shellapi|minwindef|minwinbase|fileapi|handleapi|processenv|processthreadsapi|securitybaseapi|stringapiset|synchapi|sysinfoapi|errhandlingapi|libloaderapi|memoryapi|ioapiset|namedpipeapi|lmcons)\.h>'
out=$(
    for f in $(find boost -name '*.hpp' ! -path '*/detail/posix/*'); do
        # the C runtime's <fcntl.h> (_O_BINARY, _O_NOINHERIT) is Windows' too
        case "$f" in */detail/windows/*) crt='^[0-9]+:#include <fcntl\.h> *$' ;; *) crt='^$' ;; esac
        strip "$f" | grep -nE "$posix_re" | grep -vE "$crt" | sed "s|^|POSIX outside detail/posix/: $f:|"
    done
    for f in $(find boost -name '*.hpp' ! -path '*/detail/windows/*'); do
        strip "$f" | grep -nE "$win_re" | sed "s|^|Windows outside detail/windows/: $f:|"
    done
    grep -rnE '^[[:space:]]*#[[:space:]]*include <boost/tempfile/[a-z_]+\.hpp>' boost/tempfile/detail |
        grep -vE '<boost/tempfile/(config|native|policy)\.hpp>' | sed 's|^|a public header included under detail/: |'
    for f in $(find boost -name '*.hpp'); do
        strip "$f" | grep -nE "$sdk_re" | sed "s|^|Windows SDK header (declare it in detail/windows/win32.hpp): $f:|"
        case "$f" in */detail/windows/win32.hpp) continue ;; esac
        grep -nE '^[[:space:]]*extern[[:space:]]+"C"' "$f" | sed "s|^|extern \"C\" outside detail/windows/win32.hpp: $f:|"
    done
    # (a whole word: win32.hpp's include guard is not the macro)
    grep -rnw '_WIN32' boost | grep -vE '^boost/tempfile/detail/(platform|process|system)\.hpp:' | sed 's|^|_WIN32 outside detail/platform.hpp, process.hpp and system.hpp: |'
)
if [ -n "$out" ]; then
    printf '%s\n' "$out"
    echo "check_seam: FAILED"
    exit 1
fi
echo "check_seam: passed (no POSIX call outside detail/posix/, no Windows call outside detail/windows/, no Windows SDK header in any header, extern \"C\" only in detail/windows/win32.hpp, _WIN32 only in detail/platform.hpp, process.hpp and system.hpp, no public header but config, native and policy under detail/)"
