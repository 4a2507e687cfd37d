# extends: in a repository's config never makes opsready read outside the
# repository. A committed .opsready.yml that links outside, an absolute pack
# path, "..", a committed link to a pack outside, and a --config that the CI
# recipe names inside the repository but that a pull request made lead out
# (a folder link on its way) are each exit 2, naming the path, and no output
# holds a byte of a file outside. An operator's --config outside the
# repository is trusted, and so are its packs.
secrets='outside-pack-secret-key|outside-config-secret-key|outside-folder-secret-key|root:'
run() {
  echo "== $1"; shift
  "$OPSREADY" check --now 2026-11-27 --quiet "$@" > "$OUT/log" 2>&1
  echo "exit $?"; cat "$OUT/log"
  if grep -Eq "$secrets" "$OUT/log"; then echo "LEAK: output quotes a file outside the repository"; fi
}
run "committed .opsready.yml linking outside"
rm .opsready.yml
printf 'extends: [business-continuity, /etc/passwd]\n' > .opsready.yml
run "absolute path"
printf 'extends: [business-continuity, ../outside.yml]\n' > .opsready.yml
run "dot-dot"
printf 'extends:\n  - business-continuity\n  - packs/../../outside.yml\n' > .opsready.yml
run "dot-dot inside a path"
printf 'extends: [business-continuity, packs/linked.yml]\n' > .opsready.yml
run "committed link to a pack outside"
printf 'extends: [business-continuity, packs/local.yml]\n' > .opsready.yml
run "pack inside the repository"
printf 'extends: [business-continuity, ../../outside.yml]\n' > ci/opsready.yml
run "--config inside the repository" --config ci/opsready.yml
run "--config through a committed folder link" --config linked-ci/opsready.yml
printf 'extends: [business-continuity, packs/local.yml]\n' > ci/inside.yml
rm .opsready.yml && ln -s ci/inside.yml .opsready.yml
run ".opsready.yml linking inside the repository"
rm .opsready.yml
printf 'extends: [business-continuity, repo/packs/local.yml]\n' > ../operator.yml
run "operator's --config outside the repository" --config ../operator.yml
