# colour only when asked or on a terminal, never with NO_COLOR
"$OPSREADY" check --now 2026-11-27 --color always | od -c | head -3
echo "---"
"$OPSREADY" check --now 2026-11-27 --color auto
echo "---"
"$OPSREADY" check --now 2026-11-27 --color sometimes; echo "exit $?"
"$OPSREADY" check --now 2026-11-27 --fail-on warning --quiet; echo "exit $?"
"$OPSREADY" check --now 2026-11-27 --min-score 90; echo "exit $?"
"$OPSREADY" check --now 2026-11-27 --rule docs.placeholder=off; echo "exit $?"
