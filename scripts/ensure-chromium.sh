#!/usr/bin/env bash
# Run before `npm test`: the browser tests drive a real Chromium. Uses
# CHROMIUM_PATH or Debian's /usr/bin/chromium; on a fresh Debian machine run
# as root, installs Debian's package; anywhere else, says how.
set -euo pipefail
browser=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$browser" ] && exit 0
if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's Chromium for the browser tests (apt-get install chromium)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $browser: install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable." >&2
exit 1
