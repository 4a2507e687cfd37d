# Commits that git stores but libgit2 cannot parse, written raw: an author
# without an e-mail, then a 20-digit timestamp; branch no-email ends at the
# first, far-future at the second, on-top has a sound commit above them.
base=$(git rev-parse HEAD)
raw_commit() { # TREE PARENT AUTHOR-LINE MESSAGE
  printf 'tree %s\nparent %s\nauthor %s\ncommitter %s\n\n%s\n' "$1" "$2" "$3" "$3" "$4" |
    git hash-object -t commit -w --literally --stdin
}
printf '\nA note added by a commit without an e-mail.\n' >> runbooks/payments-continuity.md
git add -A
c1=$(raw_commit "$(git write-tree)" "$base" "Nobody 1768478400 +0000" "no e-mail")
printf '\nA note added by a commit from the far future.\n' >> runbooks/payments-continuity.md
git add -A
c2=$(raw_commit "$(git write-tree)" "$c1" "Far Future <far@fixture.invalid> 99999999999999999999 +0000" "far future")
printf '\nA note added by a sound commit.\n' >> runbooks/payments-continuity.md
git add -A
c3=$(raw_commit "$(git write-tree)" "$c2" "Fixture Author <author@fixture.invalid> 1768564800 +0000" "sound")
git update-ref refs/heads/no-email "$c1"
git update-ref refs/heads/far-future "$c2"
git update-ref refs/heads/on-top "$c3"
git symbolic-ref HEAD refs/heads/no-email
git reset -q --hard
