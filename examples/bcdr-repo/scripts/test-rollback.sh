#!/usr/bin/env bash
# Roll a module back and forward again in staging.
set -euo pipefail
echo "test-rollback: $*"
