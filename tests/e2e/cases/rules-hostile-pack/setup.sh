# A pack committed in the repository names a rule with escape sequences, a
# line break and workflow commands in its title, description and references.
# YAML double quotes carry the control characters; git holds them as bytes.
mkdir -p packs
cat > packs/team.yml <<'YAML'
pack: team
title: "Team pack"
rules:
  - id: docs.placeholder
    check: placeholders
    severity: warning
    title: "::error file=x::All checks OK\e]0;owned\a"
    description: "First line\n::warning::forged\e[2J"
    remediation: "\u202eyenom dnes"
    references: ["\e[31mred", "::add-mask::secret"]
    params: {}
YAML
printf 'version: 1\nextends: [business-continuity, packs/team.yml]\n' > .opsready.yml
commit_at 2026-01-16T12:00:00+00:00 "team pack"
