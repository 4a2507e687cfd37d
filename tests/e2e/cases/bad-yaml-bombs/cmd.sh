opts="--now 2026-01-20 --rule docs.required-section=off --rule contacts.missing-role=off"
echo "== the runbooks: the bomb's aliases are ignored (owner read, maintainer not), the deep one is a finding"
start=$(date +%s)
timeout 60 "$OPSREADY" check $opts --report json="$OUT/bombs.json"; echo "exit $?"
[ $(( $(date +%s) - start )) -lt 30 ] && echo "finished in time"
python3 -c 'import json, sys
for d in json.load(open(sys.argv[1]))["documents"]:
    print(d["path"], d["type"], d["owner"], d["last_updated"])' "$OUT/bombs.json"
echo "== the config"
"$OPSREADY" check $opts --config bomb-config.yml; echo "exit $?"
for input in training drills contacts; do
  echo "== $input"
  printf 'version: 1\ninputs:\n  %s: records/%s.yml\n' $input $input > "$OUT/$input.yml"
  "$OPSREADY" check $opts --config "$OUT/$input.yml"; echo "exit $?"
done
