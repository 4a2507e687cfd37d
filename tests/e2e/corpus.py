#!/usr/bin/env python3
"""Run opsready over every public runbook collection in ../shared/corpus/runbooks.

Each collection is scanned as it is (a plain folder), with a fixed --now and
every report format; the run must end with exit 0 or 1 (a verdict), never 2,
3 or a crash, and every JSON report must match the schema. A summary line per
collection is printed so that a person can read what opsready says.

The corpus lives beside the checkout (../shared), not in it: without it the
test is skipped (exit 77, ctest's SKIP_RETURN_CODE), or fails when
OPSREADY_REQUIRE_CORPUS is set (.ci/run sets it when ../shared is there).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import load_schema, validate  # noqa: E402


def main():
    binary, corpus = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    schema = load_schema(root)
    if not os.path.isdir(corpus):
        if os.environ.get("OPSREADY_REQUIRE_CORPUS"):
            print(f"FAIL the public corpus is missing ({corpus}) and OPSREADY_REQUIRE_CORPUS is set")
            return 1
        print(f"SKIPPED the public corpus is missing: {corpus} "
              "(clone it as ../shared beside the checkout)")
        return 77
    failed = 0
    names = sorted(os.listdir(corpus))
    with tempfile.TemporaryDirectory(prefix="opsready-corpus-") as out:
        for name in names:
            path = os.path.join(corpus, name)
            report = os.path.join(out, name + ".json")
            proc = subprocess.run([binary, "check", path, "--now", "2026-11-27", "--format", "json",
                                   "--report", f"json={report}"],
                                  capture_output=True, env=dict(os.environ, NO_COLOR="1"))
            if proc.returncode not in (0, 1):
                failed += 1
                print(f"FAIL {name}: exit {proc.returncode}\n{proc.stderr.decode(errors='replace')}")
                continue
            data = json.loads(proc.stdout)
            try:
                validate(data, schema, name)
            except AssertionError as e:
                failed += 1
                print(f"FAIL {name}: {e}")
                continue
            with open(report, encoding="utf-8") as f:
                if json.load(f) != data:
                    failed += 1
                    print(f"FAIL {name}: the --report file differs from standard output")
                    continue
            by_rule = {}
            for finding in data["findings"]:
                by_rule[finding["rule"]] = by_rule.get(finding["rule"], 0) + 1
            print(f"ok   {name}: {data['scan']['documents']} documents, score "
                  f"{data['summary']['score']}, findings {dict(sorted(by_rule.items()))}")
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
