# Configs that are not configs: exit 2 with the file (and line and column
# when there is one), never a crash and never the defaults in silence.
run() { "$OPSREADY" check --now 2026-01-20 --quiet "$@"; echo "exit $?"; }
echo "== a directory as --config"
mkdir -p "$OUT/conf.d"; run --config "$OUT/conf.d"
echo "== a directory where .opsready.yml is looked for"
mkdir .opsready.yml; run; rmdir .opsready.yml
echo "== a missing config"
run --config "$OUT/nowhere.yml"
echo "== an empty config"
: > "$OUT/empty.yml"; run --config "$OUT/empty.yml"
echo "== a NUL byte"
printf 'version: 1\nnow: 2026-01-20\0\n' > "$OUT/nul.yml"; run --config "$OUT/nul.yml"
echo "== Latin-1 text"
printf 'version: 1\nrepo_url: https://example.org/r\xe9sum\xe9\n' > "$OUT/latin1.yml"; run --config "$OUT/latin1.yml"
echo "== not a mapping"
printf -- '- version\n- 1\n' > "$OUT/list.yml"; run --config "$OUT/list.yml"
echo "== two documents"
printf 'version: 1\n---\nversion: 1\n' > "$OUT/two.yml"; run --config "$OUT/two.yml"
echo "== larger than 1 MiB"
{ echo "version: 1"; head -c 1100000 /dev/zero | tr '\0' '#'; echo; } > "$OUT/big.yml"; run --config "$OUT/big.yml"
echo "== 100,000 nested flow sequences (quadratic in libyaml: refused at 64)"
{ printf 'version: 1\nx: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } > "$OUT/deep.yml"
start=$(date +%s); timeout 60 "$OPSREADY" check --now 2026-01-20 --config "$OUT/deep.yml"; echo "exit $?"
[ $(( $(date +%s) - start )) -lt 30 ] && echo "refused in time"
echo "== a symbolic link loop as --config"
ln -s loop.yml "$OUT/loop.yml"; run --config "$OUT/loop.yml"
echo "== a drill log entry dated after today (records, not a document: exit 2)"
printf 'drills:\n  - { type: rollback, date: 2026-01-05, outcome: pass }\n  - { type: disaster-recovery, date: 2026-03-01, outcome: fail }\n' > drill-log.yml
printf 'version: 1\ninputs:\n  drills: drill-log.yml\n' > "$OUT/drills.yml"; run --config "$OUT/drills.yml"
rm -f drill-log.yml
echo "== records outside the repository"
printf 'version: 1\ninputs:\n  training: ../training.yml\n' > "$OUT/outside.yml"; run --config "$OUT/outside.yml"
echo "== records reached through a symbolic link to a folder outside the repository"
mkdir -p "$OUT/outside" && printf 'contacts:\n  - { role: Secret, phone: "+44 20 7946 0999" }\n' > "$OUT/outside/contacts.yml"
ln -s "$OUT/outside" ext
printf 'version: 1\ninputs:\n  contacts: ext/contacts.yml\n' > "$OUT/ext.yml"; run --config "$OUT/ext.yml"
rm ext
echo "== an empty input path"
printf 'version: 1\ninputs:\n  contacts: ""\n' > "$OUT/empty-input.yml"; run --config "$OUT/empty-input.yml"
