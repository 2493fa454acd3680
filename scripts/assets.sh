#!/usr/bin/env bash
# Install the web app's browser libraries from npm and copy them into the package's static files.
#
# Today one library: Cytoscape.js, which draws the network view (assets/package.json pins it,
# assets/package-lock.json fixes its checksum). `npm ci` installs it into assets/node_modules;
# its minified build is copied to src/qogam/registry/web/static/qogam/vendor/, which git ignores:
# no third-party code is committed. Idempotent: nothing is done when the copy is there and
# newer than the lock file. Exit status: 0 ready; 3 skipped (no npm, or npm could not reach its
# registry) with a "skipping …" line — the network view then shows its lists only, and the
# browser test of the drawing skips (unless CI=true, where it fails); anything else is a failure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ASSETS="$ROOT/assets"
VENDOR="$ROOT/src/qogam/registry/web/static/qogam/vendor"
TARGET="$VENDOR/cytoscape.min.js"

skip() { echo "skipping the network drawing library: $*" >&2; exit 3; }

if [ -f "$TARGET" ] && [ "$TARGET" -nt "$ASSETS/package-lock.json" ]; then
    exit 0
fi
command -v npm >/dev/null 2>&1 || skip "npm is not installed (apt-get install npm)"
(cd "$ASSETS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || skip "npm ci failed in $ASSETS"
mkdir -p "$VENDOR"
cp "$ASSETS/node_modules/cytoscape/dist/cytoscape.min.js" "$TARGET.partial"
mv "$TARGET.partial" "$TARGET"
echo "Cytoscape.js $(node -p "require('$ASSETS/node_modules/cytoscape/package.json').version" 2>/dev/null || echo '') ready in $VENDOR" >&2
