# the bundled example, as a repository with its own history: its deliberate
# gaps, each one found (examples/README.md)
bash "$OPSREADY_SOURCE_DIR/examples/build-example-repo.sh" "$OUT/example"
"$OPSREADY" check "$OUT/example" --now 2026-11-27; echo "exit $?"
