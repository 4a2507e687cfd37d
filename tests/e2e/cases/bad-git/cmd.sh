# Repositories that are odd or broken. Odd ones are scanned (history says
# why it is missing); broken ones are exit 3 with git's reason, never a scan
# that silently pretends the folder is not a repository.
run() { echo "== $1"; "$OPSREADY" check "$OUT/$1" --now 2026-01-20 --quiet --fail-on notice; echo "exit $?"; }
copy() { mkdir -p "$OUT/$1" && cp -r docs "$OUT/$1/"; }
clone() { git clone -q "file://$PWD" "$OUT/$1"; }

copy no-commits && git -C "$OUT/no-commits" init -q -b main && git -C "$OUT/no-commits" add -A
run no-commits
clone detached && git -C "$OUT/detached" checkout -q --detach
run detached
git clone -q --bare "file://$PWD" "$OUT/bare.git"
run bare.git
clone head-garbage && printf 'garbage, not a ref\n' > "$OUT/head-garbage/.git/HEAD"
run head-garbage
copy empty-dot-git && : > "$OUT/empty-dot-git/.git"
run empty-dot-git
copy gitdir-nowhere && printf 'gitdir: /nonexistent/opsready-repo.git\n' > "$OUT/gitdir-nowhere/.git"
run gitdir-nowhere
clone no-objects && rm -rf "$OUT/no-objects/.git/objects/pack" "$OUT/no-objects/.git/objects/"??
run no-objects
clone index-garbage && printf 'garbage\n' > "$OUT/index-garbage/.git/index"
run index-garbage
