# A pull request commits symbolic links to folders outside the checkout on
# the way to where the pre-merge recipe writes its reports. Those reports are
# refused (exit 3) before anything is written; a link inside the checkout
# that stays inside it, and a link outside the checkout (the runner's own),
# are followed.
umask 022
outside=$(mktemp -d)
mkdir -p reports-in "$outside/runner"
ln -s "$outside" reports
ln -s ../.. runbooks/up
ln -s reports-in reports-ok
ln -s "$outside/runner" ../runner-reports
git add reports runbooks/up reports-ok
git commit -q -m "links on the way to the reports"
try() {
  "$OPSREADY" check --now 2026-01-20 --quiet --report "json=$1" > /dev/null
  echo "$1: exit $?"
}
try reports/opsready.json
try reports/./sub/../opsready.json
try runbooks/up/opsready.json
try reports-ok/../reports/opsready.json
try reports-ok/opsready.json
try ../runner-reports/opsready.json
echo "== outside the checkout: $(cd "$outside" && find . -type f | sort | tr '\n' ' ')"
echo "== inside: $(ls reports-in)"
rm -rf "$outside" ../runner-reports
