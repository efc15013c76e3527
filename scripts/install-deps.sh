#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only if any is missing (fast when all are there).
set -euo pipefail

packages=(
  cmake ninja-build g++ clang libclang-rt-14-dev dpkg-dev file libssl-dev libsqlite3-dev
  qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libcurl4-openssl-dev
  python3-aiosmtpd qtkeychain-qt6-dev libqrencode-dev pkg-config libgoogle-perftools-dev
  libsecret-1-0 gnome-keyring dbus dbus-user-session
  xvfb xauth fonts-dejavu-core
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    sudo="sudo"
  else
    echo "These packages are missing and this user cannot install them: ${missing[*]}" >&2
    echo "Install them as root (apt-get install ${missing[*]}) and run this again." >&2
    exit 1
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
