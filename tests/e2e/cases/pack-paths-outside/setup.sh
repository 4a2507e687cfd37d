# Files outside the repository, each with a first key that must never show
# in opsready's output; a committed pack and a committed config that are
# symbolic links to them.
printf 'outside-pack-secret-key: 1\n' > ../outside.yml
printf 'outside-config-secret-key: 1\n' > ../outside-config.yml
mkdir -p ../outside-dir
printf 'outside-folder-secret-key: 1\n' > ../outside-dir/opsready.yml
ln -s ../../outside.yml packs/linked.yml
ln -s ../outside-dir linked-ci
ln -s ../outside-config.yml .opsready.yml
mkdir -p ci
commit_at 2026-01-16T12:00:00+00:00 "packs and links"
