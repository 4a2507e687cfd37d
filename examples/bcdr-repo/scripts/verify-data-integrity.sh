#!/usr/bin/env bash
# Compare ledger checksums between primary and replicas.
set -euo pipefail
echo "verify-data-integrity: $*"
