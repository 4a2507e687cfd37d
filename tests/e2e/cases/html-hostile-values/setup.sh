# Hostile file names (git holds them, but they are made here to be sure of
# the bytes), a training file whose course ids carry 300 forged markers, and
# a commit by an author with a hostile name.
bad='q"&{<!--or-rows:0-->}'
printf '# %s\n\n**Owner:** Ops\n' "$bad" > "runbooks/$bad.md"
printf "# file\n\n**Owner:** Ops\n" > "runbooks/x' autofocus onfocus=alert(1) x=.md"
printf '# file\n\n**Owner:** Ops\n' > "runbooks/<svg onload=alert(1)>.md"
forged=$(for i in $(seq 300); do printf '&{<!--or-rows:0-->}'; done)
mkdir -p training
cat > training/records.yml <<YAML
courses:
  - { id: 'q"&{<!--or-rows:1-->}', title: "x' autofocus onfocus=alert(1) x=", mandatory: true, valid_for_days: 365 }
  - { id: "x' autofocus onfocus=alert(1) x=", title: '<script>alert(1)</script>', mandatory: true, valid_for_days: 365 }
  - { id: 'forged$forged', title: 'q"&{<!--or-rows:1-->}', mandatory: true, valid_for_days: 365 }
people:
  - { id: 'q"&{<!--or-rows:0-->}', name: "x' autofocus onfocus=alert(1) x=", team: '<script>alert(1)</script>' }
  - { id: mallory, name: 'q"&{<!--or-rows:1-->}', team: "x' autofocus onfocus=alert(1) x=" }
completions:
  - { person: 'q"&{<!--or-rows:0-->}', course: 'q"&{<!--or-rows:1-->}', date: 2026-03-02 }
  - { person: mallory, course: "x' autofocus onfocus=alert(1) x=", date: 2026-03-02 }
  - { person: mallory, course: 'forged$forged', date: 2026-03-02 }
YAML
GIT_AUTHOR_NAME="x' autofocus onfocus=alert(1) x= q\"&{<!--or-rows:0-->}" commit_at 2026-11-20T10:00:00Z "<script>alert(1)</script>"
