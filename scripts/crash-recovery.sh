#!/usr/bin/env bash
# Kills the real trader with SIGKILL at random moments, over and over, against a separately started simulator, and
# audits the simulator's ledger after every cycle and at the end (see tests/Rari.IntegrationTests/Trading/
# CrashRecoverySpecs.cs): no client order id submitted twice, no resting order unknown to the trader, the trader's
# positions equal the venue's.
#
#   scripts/crash-recovery.sh [CYCLES] [SEED]      (defaults: 20 cycles, a fresh seed printed in the output)
#
# CI runs the same spec with 3 cycles.
set -euo pipefail
cd "$(dirname "$0")/.."
cycles="${1:-20}"
export RARI_CRASH_CYCLES="$cycles"
if [[ -n "${2:-}" ]]; then
  export RARI_CRASH_SEED="$2"
fi

dotnet build tests/Rari.IntegrationTests --nologo -v quiet
dotnet test tests/Rari.IntegrationTests --no-build --nologo \
  --filter "FullyQualifiedName~CrashRecoverySpecs" \
  --logger "console;verbosity=detailed" 2>&1 | grep -v -E '^\[[0-9:]{8} (INF|WRN|DBG)\]|^\[progress\]'
