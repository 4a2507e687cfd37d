# main has the required documents and the scripts the runbooks run; a
# feature branch deletes two required documents and every script, and
# touches nothing else
chmod +x scripts/*.sh
commit_at 2026-01-15T12:00:00Z "Scripts are executable"
git checkout -q -b feature
git rm -q docs/on-call.md docs/escalation.md scripts/*.sh
commit_at 2026-02-01T10:00:00Z "Tidy up"
