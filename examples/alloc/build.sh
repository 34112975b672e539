#!/bin/sh
# Builds the compiled programs of examples/alloc into build/ beside this script: Go, Java, Rust and C++.
# Python and Node.js run from their sources. The toolchains are Debian packages:
#   apt-get install golang-go default-jdk-headless rustc g++
# Then: pyrometer run --workbench examples/alloc/alloc.workbench.json   (or open it in the window)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/build"
mkdir -p "$out"

need() {
    command -v "$1" >/dev/null 2>&1 || { echo "build.sh: $1 not found (apt-get install $2)" >&2; exit 2; }
}
need go golang-go
need javac default-jdk-headless
need rustc rustc
need c++ g++

# Go's build cache goes under build/ too, so that building needs no home folder.
GOCACHE="$out/go-cache" GOPATH="$out/go-path" GO111MODULE=off go build -o "$out/alloc-go" "$here/alloc.go"
javac -d "$out" "$here/Alloc.java"
rustc -O --edition 2021 -o "$out/alloc-rs" "$here/alloc.rs"
c++ -O2 -std=c++17 -o "$out/alloc-cpp" "$here/alloc.cpp"
echo "built into $out: alloc-go, Alloc.class, alloc-rs, alloc-cpp"
