# 100,000 blocks opened for one rule list, then 100,000 enables of another
# (5.9 MB): each enable used to walk back through every open block.
python3 -c 'import sys; sys.stdout.write("<!-- opsready-disable a.b -->\n" * 100000 + "<!-- opsready-enable c.d -->\n" * 100000)' > runbooks/many.md
commit_at 2026-01-15T12:00:00Z "many suppressions"
