"$OPSREADY" rules --config .opsready.yml
"$OPSREADY" check --format text; echo "exit $?"
"$OPSREADY" explain docs.incident-phase | sed -n 1,6p
