#!/usr/bin/env python3
"""Validate opsready SARIF reports against the SARIF 2.1.0 schema.

    validate_sarif.py [--schema SCHEMA] FILE...

The schema defaults to tests/data/schemas/sarif-schema-2.1.0.json (the OASIS
schema, draft-04). Beyond the schema, the promises of SPEC section 7 and of
src/render/sarif.c: every result's ruleIndex names its ruleId; levels are
error, warning or note; only waived, suppressed and baseline results carry
suppressions, all "accepted"; results outside the change are notes; every
result has its opsready fingerprint. Prints one summary line per file and
exits 1 at the first file that breaks a promise.
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "data", "schemas", "sarif-schema-2.1.0.json")
SUPPRESSION_KIND = {"waived": "external", "baseline": "external", "suppressed": "inSource"}


def check(sarif, validator):
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path)
        return [f"not valid SARIF 2.1.0 at /{where}: {e.message}"]
    problems = []
    if sarif.get("version") != "2.1.0" or len(sarif.get("runs", [])) != 1:
        problems.append("not one run of SARIF 2.1.0")
        return problems
    run = sarif["runs"][0]
    rules = run["tool"]["driver"].get("rules", [])
    ids = [r["id"] for r in rules]
    if len(set(ids)) != len(ids):
        problems.append("a rule is listed twice")
    for i, result in enumerate(run.get("results", [])):
        where = f"results[{i}] ({result.get('ruleId')})"
        index = result.get("ruleIndex")
        if index is None or index >= len(rules) or rules[index]["id"] != result["ruleId"]:
            problems.append(f"{where}: ruleIndex does not name its rule")
        status = result.get("properties", {}).get("status")
        level = result.get("level")
        if level not in ("error", "warning", "note"):
            problems.append(f"{where}: level {level!r}")
        if status == "outside-change" and level != "note":
            problems.append(f"{where}: outside the change but level {level}")
        kinds = [s.get("kind") for s in result.get("suppressions", [])]
        want = [SUPPRESSION_KIND[status]] if status in SUPPRESSION_KIND else []
        if kinds != want:
            problems.append(f"{where}: status {status} with suppressions {kinds}")
        if any(s.get("status") != "accepted" or not s.get("justification")
               for s in result.get("suppressions", [])):
            problems.append(f"{where}: a suppression without acceptance or justification")
        if "opsready/v1" not in result.get("partialFingerprints", {}):
            problems.append(f"{where}: no opsready/v1 fingerprint")
    return problems


def summary(sarif):
    run = sarif["runs"][0]
    results = run.get("results", [])
    levels = collections.Counter(r["level"] for r in results)
    statuses = collections.Counter(r.get("properties", {}).get("status") for r in results)
    return (f"{len(run['tool']['driver'].get('rules', []))} rules, {len(results)} results; "
            + ", ".join(f"{k} {levels[k]}" for k in ("error", "warning", "note"))
            + "; " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    try:
        import jsonschema
    except ImportError:
        raise SystemExit("python3-jsonschema is required to validate SARIF")
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            sarif = json.load(f)
        problems = check(sarif, validator)
        name = os.path.basename(path)
        if problems:
            print(f"{name}: " + "\n  ".join(problems))
            return 1
        print(f"{name}: valid SARIF 2.1.0; {summary(sarif)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
