#!/usr/bin/env bash
# Install what opsready needs to build and test on Debian 12, if missing.
# Run as root (or with sudo). Does nothing when everything is there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev
  libxml2-dev libjansson-dev check libcsv-dev
  python3 python3-jsonschema python3-yaml libxml2-utils valgrind
  chromium nodejs
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
