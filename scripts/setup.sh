#!/usr/bin/env bash
# Installs what the build and the tests need on Debian 12, only when it is
# missing: apt packages (as root, or through sudo) and the npm packages of
# package-lock.json. Safe to run again; it does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ make python3
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
  emscripten                      # em++ 3.1.6 for the wasm engine
  chromium                        # draws the built first view; drives the browser tests
  fonts-noto-cjk                  # Chinese glyphs, so that Chromium draws and measures Chinese as readers see it
  clang-14 libclang-rt-14-dev     # libFuzzer and sanitizers
  llvm-14                         # llvm-profdata-14 and llvm-cov-14: the coverage stage
  clang-format clang-tidy
  mkdocs                          # builds the docs site the embedding tests run in
)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
