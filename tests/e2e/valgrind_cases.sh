#!/usr/bin/env bash
# The bad-input golden cases (tests/e2e/cases/bad-*) again, or the hostile
# ones listed in tests/e2e/hostile-cases (--hostile), with every run of
# opsready under valgrind: no invalid access, no definite or indirect leak.
#   tests/e2e/valgrind_cases.sh VALGRIND OPSREADY_BINARY [--hostile | CASE_DIR...]
# Fails when valgrind reports an error (its exit code 99, listed with the
# command line) or when a case's output differs from its golden files.
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 VALGRIND OPSREADY_BINARY [CASE_DIR...]" >&2
  exit 2
fi
valgrind=$1 binary=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
  set -- "$here"/cases/bad-*
elif [ "$1" = --hostile ]; then
  # one case name a line; '#' starts a comment
  mapfile -t names < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$here/hostile-cases")
  set -- "${names[@]/#/$here/cases/}"
fi
# cases that time opsready (`timeout` in cmd.sh) allow for valgrind's pace
export OPSREADY_TIMEOUT_SCALE=${OPSREADY_TIMEOUT_SCALE:-30}

work=$(mktemp -d "${TMPDIR:-/tmp}/opsready-valgrind-XXXXXX")
chmod 755 "$work" # the unreadable case runs opsready without root's DAC capabilities
trap 'rm -rf "$work"' EXIT
failures="$work/valgrind-failures"
: > "$failures"
chmod 666 "$failures"
cat > "$work/valgrind-wrapper" <<WRAPPER
#!/bin/sh
"$valgrind" --quiet --error-exitcode=99 --leak-check=full \\
  --errors-for-leak-kinds=definite,indirect "\$@"
rc=\$?
[ \$rc -eq 99 ] && echo "valgrind: errors in: \$*" >> "$failures"
exit \$rc
WRAPPER
chmod 755 "$work/valgrind-wrapper"

OPSREADY_WRAPPER="$work/valgrind-wrapper" python3 "$here/run.py" "$binary" "$@"
golden=$?
if [ -s "$failures" ]; then
  cat "$failures"
  echo "valgrind reported errors in $(wc -l < "$failures") run(s)"
  exit 1
fi
exit $golden
