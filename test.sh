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

# The engine's kernels pick their instruction set at run time; on an AVX-512 machine the narrower paths
# would go untested, so the inference tests run again with sets turned off: AVX-VNNI (the 512-bit
# sign-select kernels), AVX-512 (the 256-bit AVX-VNNI ones), then both (plain AVX2). The total below
# counts every run.
if [ "$#" -eq 0 ] && grep -q avx512bw /proc/cpuinfo 2>/dev/null; then
  isas=("DOTNET_EnableAVX512=0" "DOTNET_EnableAVX512=0 DOTNET_EnableAVXVNNI=0")
  grep -q avx_vnni /proc/cpuinfo && isas=("DOTNET_EnableAVXVNNI=0" "${isas[@]}")
  for isa in "${isas[@]}"; do
    name=$(tr -c 'A-Za-z0-9' '-' <<<"$isa")
    echo "test.sh: inference tests again with $isa"
    env $isa dotnet test Sn19.Tests/Sn19.Tests.csproj -c Release --no-build \
      --filter "FullyQualifiedName~Sn19.Tests.Inference" \
      --logger "trx;LogFileName=isa-$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results" || status=$?
  done
fi

shopt -s nullglob
trx_files=("$results"/*.trx)
if [ "${#trx_files[@]}" -eq 0 ]; then
  echo "0 passed, 1 failed"
  exit 1
fi

count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
passed=0
failed=0
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(count passed); f=$(count failed); e=$(count error); t=$(count timeout); a=$(count aborted)
  passed=$(( passed + ${p:-0} ))
  failed=$(( failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} ))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
