#!/usr/bin/env bash
# Installs what building mechkg needs on a fresh Debian machine: Oxigraph compiles RocksDB from C++
# and generates its bindings with libclang (Debian's libclang-dev). Idempotent and quiet when done.
set -euo pipefail
if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo is missing; install a Rust toolchain (rustup) first" >&2
  exit 2
fi
# libclang itself (libclang.so, libclang-14.so.1...), not libclang-cpp, which some images carry alone
# and which bindgen cannot load.
# One existing match is enough (`ls` over the four patterns fails when any one matches nothing).
have_libclang=0
for f in /usr/lib/llvm-*/lib/libclang.so* /usr/lib/llvm-*/lib/libclang-[0-9]*.so* \
    /usr/lib/x86_64-linux-gnu/libclang.so* /usr/lib/x86_64-linux-gnu/libclang-[0-9]*.so*; do
  [ -e "$f" ] && { have_libclang=1; break; }
done
if [ "$have_libclang" -eq 0 ]; then
  echo "setup: installing libclang-dev and a C++ compiler (needed to build RocksDB)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libclang-dev clang g++ >/dev/null
fi
