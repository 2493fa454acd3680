#!/usr/bin/env bash
# Make Debian's Chromium available to the browser tests (tests/registry/browser/).
#
# Idempotent: does nothing when /usr/bin/chromium exists; otherwise installs the "chromium"
# package with apt-get, as root. Playwright's own browser download is never used: the tests
# launch this executable. Exit status: 0 ready; 3 skipped (not root, no apt-get) with a
# "skipping Chromium: …" line, and the browser tests then skip with the same reason (unless
# CI=true, where they fail); anything else is a real failure.
set -euo pipefail

CHROMIUM=${QOGAM_CHROMIUM:-/usr/bin/chromium}

skip() { echo "skipping Chromium: $*" >&2; exit 3; }

if [ -x "$CHROMIUM" ]; then
    exit 0
fi
[ "$(id -u)" = 0 ] || skip "$CHROMIUM is missing and only root can install it (run scripts/browser.sh as root)"
command -v apt-get >/dev/null 2>&1 || skip "$CHROMIUM is missing and there is no apt-get"

echo "installing Chromium from Debian's packages…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[ -x "$CHROMIUM" ] || { echo "apt-get installed chromium but $CHROMIUM is not there" >&2; exit 1; }
echo "Chromium ready: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")" >&2
