#!/usr/bin/env bash
# Makes sure the Debian packages the project needs are present: a compiler toolchain and libsecret
# headers (keytar builds from source here), gnome-keyring and D-Bus (the real keychain in tests), and
# Chromium (the end-to-end tests). It installs only what is missing, and only on Debian-like Linux.
set -euo pipefail
say() { printf 'gatehouse-toolchain: %s\n' "$*" >&2; }

[ "$(uname -s)" = Linux ] || exit 0
command -v apt-get >/dev/null 2>&1 || exit 0

missing=()
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists libsecret-1 2>/dev/null || missing+=(libsecret-1-dev)
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus-x11)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  say "missing system packages: ${missing[*]}"
  say "install them once with: sudo apt-get install -y ${missing[*]}"
  exit 1
fi
say "installing system packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
