#!/usr/bin/env bash
# Installs the node packages the tests run, each folder exactly as pinned by its committed package-lock.json:
#   Sn19.Tests/Interop   the sr25519 interoperability tests (@polkadot/util-crypto, @scure/sr25519)
#   Sn19.Tests/LlamaCpp  llama.cpp for the cross-engine checking tests (node-llama-cpp 3.21.1 and its prebuilt
#                        linux-x64 CPU binaries; the optional GPU variants, 600 MB, are left out)
#   Sn19.Tests/Subtensor polkadot-js (@polkadot/types 16.5.6), the oracle of the Subtensor client's tests
#   Sn19.Tests/Chopsticks chopsticks 1.5.1, a real Subtensor runtime run offline for the Subtensor client's tests
# A folder whose node_modules already matches its lock is skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "40-node-packages.sh: node and npm are needed for the interop and llama.cpp tests" >&2
  exit 1
fi

install() {
  local folder=$1
  shift
  local stamp="$folder/node_modules/.sn19-lock.sha256"
  local want
  want=$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  (cd "$folder" && npm ci "$@" --no-audit --no-fund --loglevel=error >&2)
  echo "$want" > "$stamp"
}

install Sn19.Tests/Interop
install Sn19.Tests/LlamaCpp --omit=optional
install Sn19.Tests/Subtensor
install Sn19.Tests/Chopsticks
