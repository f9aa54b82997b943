#!/usr/bin/env bash
# Builds the benchmark (Release) and runs its quick mode. Fails when a figure is missing or an analyzer threw;
# never on a time or a ratio (CI asserts that the benchmark ran and produced every figure).
# Usage: tests/TokenPolicy.Benchmarks/run-quick.sh [JSON_OUT]   (default: artifacts/benchmark-quick.json)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/artifacts/benchmark-quick.json}"
dotnet build "$root/tests/TokenPolicy.Benchmarks/TokenPolicy.Benchmarks.csproj" -c Release --nologo -v quiet
rc=0
dotnet "$root/tests/TokenPolicy.Benchmarks/bin/Release/net10.0/TokenPolicy.Benchmarks.dll" --quick --json "$out" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "benchmark: quick run failed (exit $rc: 3 = a figure is missing, 4 = an analyzer threw)" >&2
  exit "$rc"
fi
if ! grep -q '"missing": \[\]' "$out"; then
  echo "benchmark: $out does not list every figure" >&2
  exit 1
fi
echo "benchmark: quick run produced every figure ($out)"
