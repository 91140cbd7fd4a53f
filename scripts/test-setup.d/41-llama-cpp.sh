#!/usr/bin/env bash
# Installs llama.cpp for the cross-engine checking tests (Sn19.Tests/LlamaCpp): node-llama-cpp 3.21.1 and its
# prebuilt linux-x64 CPU binaries, exactly as pinned by the committed package-lock.json. The GPU variants
# (optional packages, 600 MB) are left out. Skips the install when node_modules already matches the lock.
set -euo pipefail
cd "$(dirname "$0")/../../Sn19.Tests/LlamaCpp"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "41-llama-cpp.sh: node and npm are needed for the llama.cpp checking tests" >&2
  exit 1
fi
stamp=node_modules/.sn19-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
npm ci --omit=optional --no-audit --no-fund --loglevel=error >&2
echo "$want" > "$stamp"
