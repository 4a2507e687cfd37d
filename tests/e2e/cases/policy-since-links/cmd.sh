# The CI recipe passes `--config ci/opsready.yml` and `--baseline
# ci/baseline.json`, both in the checkout. main also keeps an old baseline
# in archive/ that knew of a placeholder. A pull request adds that
# placeholder and replaces the folder `ci` by a symbolic link: to a folder
# of its own with a loose config, or to archive/. With --since the merge
# base's files at the paths as spelled are read: a link cannot choose
# another file.
run() { "$OPSREADY" check --now 2026-11-27 --since main --config ci/opsready.yml "$@"; echo "exit $?"; }
mkdir archive
cp ci/opsready.yml archive/opsready.yml
"$OPSREADY" check --now 2026-11-27 --config ci/opsready.yml --format json > ci/baseline.json
printf '\nTBD: the restore order.\n' >> docs/notes.md
"$OPSREADY" check --now 2026-11-27 --config ci/opsready.yml --format json > archive/baseline.json
git checkout -q docs/notes.md
git add -A && git commit -q -m "Baselines"
git checkout -q -b feature
printf '\nTBD: the restore order.\n' >> docs/notes.md
git commit -q -am "A gap"
git checkout -q -b loose
mkdir loose
printf 'version: 1\ngate:\n  fail_on: never\n' > loose/opsready.yml
git rm -q -r ci && ln -s loose ci
git add -A && git commit -q -m "Tidy the CI folder"
echo "== ci -> loose/: the merge base's ci/opsready.yml still applies"
run
git checkout -q feature
git rm -q -r ci && ln -s archive ci
git add -A && git commit -q -m "Use the archive"
echo "== ci -> archive/: the merge base's ci/baseline.json, not archive/'s"
run --baseline ci/baseline.json
