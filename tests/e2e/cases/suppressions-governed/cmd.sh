# Inline suppressions governed by the config's `suppressions:`. Each run
# writes the repository's config anew; findings a suppression may not
# silence stay active, and the comment itself is reported (waiver.unused or
# waiver.missing-reason).
base='version: 1
rules:
  docs.required-section: off
  docs.required-metadata: off
  review.missing-date: off
  contacts.missing-role: off
'
run() {
  printf '%s%s\n' "$base" "$1" > .opsready.yml
  "$OPSREADY" check --now 2026-11-27 --fail-on notice 2>&1; echo "exit $?"
}
echo "== default: a blanket disable does not take effect"
run ''
echo "== allow: blanket"
run 'suppressions: { allow: blanket }'
echo "== require_reason: a suppression without a reason does not take effect"
run 'suppressions: { allow: blanket, require_reason: true }'
echo "== allow: false (an audit): none takes effect"
run 'suppressions: { allow: false }'
echo "== allowed_rules: only docs.broken-reference may be suppressed"
run 'suppressions: { allow: blanket, allowed_rules: [docs.broken-reference] }'
echo "== an unknown allow value"
run 'suppressions: { allow: always }'
echo "== an unknown rule in allowed_rules"
run 'suppressions: { allowed_rules: [docs.placeholders] }'
echo "== allowed_rules not a list"
run 'suppressions: { allowed_rules: docs.placeholder }'
