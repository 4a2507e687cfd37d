"$OPSREADY" init --dry-run; echo "exit $?"
if [ -e .opsready.yml ]; then echo "dry run wrote .opsready.yml"; else echo "dry run wrote nothing"; fi
"$OPSREADY" init --help | grep -- --dry-run
"$OPSREADY" init; echo "exit $?"
cp .opsready.yml "$OUT/first.yml"
"$OPSREADY" init; echo "exit $?"
cmp -s .opsready.yml "$OUT/first.yml" && echo "the existing config is unchanged"
"$OPSREADY" check --config .opsready.yml --now 2026-11-27 --format json >"$OUT/findings.json"; echo "check with the written config: exit $?"
python3 -c 'import json,sys,collections; d=json.load(open(sys.argv[1])); c=collections.Counter(f["rule"] for f in d["findings"]); [print(k, v) for k, v in sorted(c.items())]' "$OUT/findings.json"
