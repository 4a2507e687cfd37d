# the bundled example: its deliberate gaps, each one found (examples/README.md)
"$OPSREADY" check "$OPSREADY_SOURCE_DIR/examples/bcdr-repo" --now 2026-11-27; echo "exit $?"
