# history missing: --no-history, a shallow clone, an empty repository, a plain folder
opts="--now 2026-02-01 --rule docs.required-section=off --rule docs.required-metadata=off --rule review.overdue=off --quiet --fail-on notice"
echo "== --no-history"; "$OPSREADY" check $opts --no-history; echo "exit $?"
git clone -q --depth 1 "file://$PWD" "$OUT/shallow"
echo "== shallow clone"; "$OPSREADY" check "$OUT/shallow" $opts; echo "exit $?"
echo "== --since on a shallow clone"; "$OPSREADY" check "$OUT/shallow" $opts --since HEAD~3; echo "exit $?"
mkdir "$OUT/empty" && cp -r runbooks "$OUT/empty/" && git -C "$OUT/empty" init -q -b main && git -C "$OUT/empty" add -A
echo "== empty repository"; "$OPSREADY" check "$OUT/empty" $opts; echo "exit $?"
mkdir "$OUT/plain" && cp -r runbooks "$OUT/plain/"
echo "== plain folder"; "$OPSREADY" check "$OUT/plain" $opts; echo "exit $?"
echo "== detached HEAD"; git checkout -q --detach; "$OPSREADY" check $opts; echo "exit $?"
