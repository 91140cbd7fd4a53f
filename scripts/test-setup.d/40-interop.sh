#!/usr/bin/env bash
# Installs the node packages the sr25519 interoperability tests run (Sn19.Tests/Interop), exactly as
# pinned by the committed package-lock.json. Skips the install when node_modules already matches it.
set -euo pipefail
cd "$(dirname "$0")/../../Sn19.Tests/Interop"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "40-interop.sh: node and npm are needed for the sr25519 interop tests" >&2
  exit 1
fi
stamp=node_modules/.sn19-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error >&2
echo "$want" > "$stamp"
