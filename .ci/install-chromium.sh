#!/bin/sh
# Installs Debian's Chromium for the HTML coverage report tests (driven by playwright-core), only when it is
# missing. Nothing else downloads a browser: playwright-core never fetches one of its own.
set -eu

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "install-chromium: /usr/bin/chromium is missing and this user cannot run apt-get (run as root or install sudo)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
test -x /usr/bin/chromium
