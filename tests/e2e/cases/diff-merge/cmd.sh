opts="--now 2026-11-27 --rule docs.required-section=off --rule contacts.missing-role=off"
"$OPSREADY" check $opts --report json="$OUT/last-night.json" >/dev/null
# tonight: the placeholder is fixed (and a line moved), a new TODO appears
sed -i 's/^Owner of the pager: TBD$/\nOwner of the pager: Dana Whitfield\n\nNext: TODO/' runbooks/payments-runbook.md
"$OPSREADY" check $opts --report json="$OUT/tonight.json" >/dev/null
echo "== diff, text"
"$OPSREADY" diff "$OUT/last-night.json" "$OUT/tonight.json"; echo "exit $?"
echo "== diff, markdown, failing on warnings"
"$OPSREADY" diff "$OUT/last-night.json" "$OUT/tonight.json" --format markdown --fail-on warning; echo "exit $?"
echo "== diff, json"
"$OPSREADY" diff "$OUT/last-night.json" "$OUT/tonight.json" --format json | grep -A3 '"counts"'
echo "== merge"
cp "$OUT/last-night.json" "$OUT/payments.json"
cp "$OUT/tonight.json" "$OUT/platform.json"
"$OPSREADY" merge "$OUT/payments.json" "$OUT/platform.json" --report json="$OUT/org.json" --format markdown; echo "exit $?"
python3 - "$OUT/org.json" <<'PY'
import json, sys
org = json.load(open(sys.argv[1]))
print([(r["name"], r["verdict"], r["score"]) for r in org["repositories"]])
print(sorted({f["file"] for f in org["findings"] if f["file"]}))
print(len({f["fingerprint"] for f in org["findings"]}) == len(org["findings"]))
for c in org["scan"]["rule_changes"]:
    print("rule change:", c["rule"], c["change"], "|", c["source"])
PY
echo "== merge of nothing, of a broken file"
"$OPSREADY" merge; echo "exit $?"
echo '{"schema_version": 1' > "$OUT/broken.part"
"$OPSREADY" merge "$OUT/broken.part"; echo "exit $?"
