#!/usr/bin/env python3
"""Grow a JSON report to 52,000 findings: 50,000 of docs.broken-reference over
5,000 files (some waived) and 2,000 of contacts.stale, to test that the HTML
report stays grouped, small and usable."""
import json
import sys

src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    report = json.load(f)
findings = []
for i in range(50000):
    path = f"runbooks/team-{i % 5000:04d}/runbook.md"
    finding = {
        "rule": "docs.broken-reference", "severity": "error", "area": "docs",
        "message": f"command runs 'scripts/step-{i}.sh', which does not exist in the repository",
        "file": path, "line": 10 + i // 5000, "column": 1, "subject": f"script:step-{i}",
        "evidence": f"./scripts/step-{i}.sh --now", "fingerprint": f"{i:016x}",
        "status": "active",
    }
    if i % 1000 == 999:
        finding["status"] = "waived"
        finding["waiver"] = {"reason": "legacy tree <retired>", "approved_by": "ops-director",
                             "expires": "2027-01-31"}
    findings.append(finding)
for i in range(2000):
    findings.append({
        "rule": "contacts.stale", "severity": "error", "area": "contacts",
        "message": f"phone +44 20 7946 {i:04d} was verified 200 days ago",
        "file": "contacts.yml", "line": i + 1, "column": 5, "subject": f"contact:{i}",
        "evidence": None, "fingerprint": f"{i + 50000:016x}", "status": "active",
    })
findings.sort(key=lambda f: (f["file"], f["line"], f["rule"]))
report["findings"] = findings
report["summary"]["findings"] = len(findings)
report["summary"]["counts"]["error"] = sum(1 for f in findings if f["status"] == "active")
report["summary"]["waived"] = sum(1 for f in findings if f["status"] == "waived")
with open(dst, "w", encoding="utf-8") as f:
    json.dump(report, f, indent=2)
print(f"big report: {len(findings)} findings")
