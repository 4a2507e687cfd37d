# 2,000 people x 2,000 courses: the matrix holds the cells that are recorded
# or required, not 4,000,000. Under `ulimit -v 600000` (600 MB of address
# space) main ran out of memory here (1.6 GB at 1,000 x 1,000); the fixed
# build needs about 70 MB. The limit is left off under a sanitizer or a
# wrapper, which reserve address space of their own.
# The issue's shape: 2,000 people and 2,000 courses declared in a records
# file of about 190 KB, few completions (scripts/gen-records.py, seed 1).
python3 "$OPSREADY_SOURCE_DIR/scripts/gen-records.py" training/records.yml --people 2000 --courses 2000 --seed 1
limit=600000
# (ldd's output is read whole: `grep -q` would end the pipe early, and
# pipefail would then call a sanitizer build plain)
libs=$(ldd "$OPSREADY" 2>/dev/null || true)
if [ -n "${OPSREADY_WRAPPER:-}" ] || [ -n "${ASAN_OPTIONS:-}${TSAN_OPTIONS:-}" ] ||
   grep -q -e libasan -e libtsan <<< "$libs"; then
  limit=unlimited
fi
( ulimit -v "$limit"
  "$OPSREADY" check . --now 2026-11-27 --no-progress --quiet \
    --report json="$OUT/r.json" --report junit="$OUT/r.xml" --report html="$OUT/r.html" >"$OUT/text" 2>&1 )
echo "check exit $?"
python3 - "$OUT" <<'PY'
import collections, json, sys, xml.dom.minidom
out = sys.argv[1]
t = json.load(open(out + "/r.json"))["training"]
print("people", len(t["people"]), "courses", len(t["courses"]), "matrix cells", len(t["matrix"]))
print("cells by status", sorted(collections.Counter(c["status"] for c in t["matrix"]).items()))
print("summary", t["summary"])
xml.dom.minidom.parse(out + "/r.xml")
print("junit parses")
page = open(out + "/r.html", encoding="utf-8").read()
print("html: matrix drawn as a list:", "too many cells to draw" in page)
print("html size under 5 MB:", len(page) < 5_000_000)
text = open(out + "/text").read().splitlines()
print("text:", text[-1])
PY
# Every course mandatory for everyone: 4,000,000 required cells, each an
# evaluation and a missing one a finding. Refused (exit 2) at once, naming
# the records, instead of gigabytes of findings (main took minutes and GBs).
python3 "$OPSREADY_SOURCE_DIR/scripts/gen-records.py" training/records.yml --people 2000 --courses 2000 --mandatory all --seed 1
( ulimit -v "$limit"
  timeout $((20 * ${OPSREADY_TIMEOUT_SCALE:-1})) "$OPSREADY" check . --now 2026-11-27 --no-progress --quiet --format json >/dev/null )
echo "all mandatory: exit $?"
