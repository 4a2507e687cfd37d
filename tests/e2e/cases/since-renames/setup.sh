chmod +x scripts/*.sh
commit_at 2026-01-15T12:00:00Z "Scripts are executable"
git checkout -q -b feature
