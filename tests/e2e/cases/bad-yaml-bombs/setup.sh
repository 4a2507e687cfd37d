# The same bomb in the config, the training records, the drill log and the
# contacts registry (each refused with exit 2 and its position), and 100,000
# nested flow sequences in a runbook's front matter (a finding, in time).
bomb() {
  printf 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
  for l in b c d e f g h i; do
    p=$(printf '%s' abcdefgh | sed "s/$l.*//" | tail -c 1)
    printf '%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' $l $l $p $p $p $p $p $p $p $p $p
  done
}
mkdir -p records runbooks
{ printf 'courses:\n  - { id: drill, title: Drill, hours: 1 }\n'; bomb; } > records/training.yml
{ printf 'drills: []\n'; bomb; } > records/drills.yml
{ printf 'contacts: []\n'; bomb; } > records/contacts.yml
{ printf 'version: 1\n'; bomb; } > bomb-config.yml
{ printf -- '---\ntype: runbook\nx: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'
  printf '\n---\n\n# Deep runbook\n\nText.\n'; } > runbooks/deep-runbook.md
commit_at 2026-01-15T12:00:00Z "bombs"
