"$OPSREADY" rules --config .opsready.yml
"$OPSREADY" check --format text; echo "exit $?"
"$OPSREADY" explain docs.alert-section | sed -n 1,6p
"$OPSREADY" rules --config both.yml | grep -c .
"$OPSREADY" rules --config both.yml | grep -E '^docs\.(alert|required)-section'
"$OPSREADY" check --config both.yml --format text | grep -F "[docs.alert-section]"; echo "with business-continuity: exit ${PIPESTATUS[0]}"
