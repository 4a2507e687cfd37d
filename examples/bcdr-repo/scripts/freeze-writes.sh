#!/usr/bin/env bash
# Put the ledger in read-only mode.
set -euo pipefail
echo "freeze-writes: $*"
