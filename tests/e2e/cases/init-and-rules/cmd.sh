"$OPSREADY" init; echo "exit $?"
"$OPSREADY" init; echo "exit $?"
"$OPSREADY" rules --config .opsready.yml | head -3
"$OPSREADY" check --now 2026-11-27 >/dev/null; echo "check with the starter config: exit $?"
"$OPSREADY" explain docs.status-conflict | head -3
