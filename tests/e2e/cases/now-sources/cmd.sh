# "now" from --now, the config, SOURCE_DATE_EPOCH, in that order
SOURCE_DATE_EPOCH=1790000000 "$OPSREADY" check --format json | grep '"now"'
SOURCE_DATE_EPOCH=1790000000 "$OPSREADY" check --now 2026-11-27 --format json | grep '"now"'
printf 'version: 1\nnow: 2025-01-02\n' > .opsready.yml
SOURCE_DATE_EPOCH=1790000000 "$OPSREADY" check --format json | grep '"now"'
SOURCE_DATE_EPOCH=soon "$OPSREADY" check --rule docs.placeholder=off --now 2026-11-27 >/dev/null; echo "exit $?"
rm .opsready.yml
SOURCE_DATE_EPOCH=soon "$OPSREADY" check; echo "exit $?"
