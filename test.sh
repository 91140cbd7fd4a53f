#!/usr/bin/env bash
# The test command: builds the solution, prepares what the tests talk to (PostgreSQL on loopback,
# node packages for interop checks), runs every test and ends with one line `N passed, N failed`.
# Usage: ./test.sh [extra `dotnet test` arguments, e.g. --filter FullyQualifiedName~Hocon]
set -uo pipefail
cd "$(dirname "$0")"
results=TestResults
rm -rf "$results"

if [ -z "${SN19_TEST_POSTGRES:-}" ]; then
  if SN19_TEST_POSTGRES=$(bash scripts/ensure-postgres.sh); then
    export SN19_TEST_POSTGRES
  else
    echo "test.sh: PostgreSQL could not be started; the PostgreSQL tests will fail and say why." >&2
  fi
fi

for setup in scripts/test-setup.d/*.sh; do
  [ -e "$setup" ] || continue
  bash "$setup" || { echo "test.sh: $setup failed" >&2; exit 1; }
done

dotnet build Sn19.sln -c Release -warnaserror 2>&1 | tail -n 3
dotnet test Sn19.Tests/Sn19.Tests.csproj -c Release --no-build \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@"
status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
timeouts=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
aborted=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(( ${failed:-0} + ${errors:-0} + ${timeouts:-0} + ${aborted:-0} ))
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "${passed:-0} passed, ${failed} failed"
[ "$failed" -eq 0 ]
