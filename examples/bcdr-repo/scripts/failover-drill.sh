#!/usr/bin/env bash
# Promote a replica (or, with --dry-run, only check that one could be promoted).
set -euo pipefail
echo "failover-drill: $*"
