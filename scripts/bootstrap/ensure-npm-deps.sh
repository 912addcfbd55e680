#!/usr/bin/env bash
# Runs `npm ci` when node_modules does not match package-lock.json and the Node version in use.
# The stamp keeps repeated `scripts/with-node24 …` calls fast.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"
stamp_file=node_modules/.gatehouse-deps-stamp
wanted="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node -p process.version)"
if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$wanted" ]; then
  exit 0
fi
printf 'gatehouse-toolchain: npm ci (node %s)\n' "$(node -v)" >&2
# Electron's postinstall downloads a binary from outside the npm registry. We skip it here so that the
# install works on closed networks; `npm start` fetches the binary on first use where it can.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
printf '%s' "$wanted" >"$stamp_file"
