# a config that the change adds is not the policy yet: the defaults apply
"$OPSREADY" check --now 2026-11-27 --since base; echo "exit $?"
echo "== without --since, the config applies as before"
"$OPSREADY" check --now 2026-11-27 >/dev/null; echo "exit $?"
