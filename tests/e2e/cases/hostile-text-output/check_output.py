#!/usr/bin/env python3
"""Check opsready's text and Markdown output of a hostile repository.

Text: one line per finding (the JSON report's count) plus the files not read
and the summary; no control byte but the line feed; no line that opens, after
blanks, with "::" (a GitHub Actions workflow command); no bidi override.
With --color always, every ESC byte is opsready's own SGR sequence.
Markdown: no control byte, no bidi override; every finding row one line that
opens and closes with '|' and has four cells; the only heading of level 2 the first line; no
<details>, no image, no @mention; every link target free of blanks and ')'.
"""
import json
import re
import sys

BIDI = [chr(c) for c in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))]


def controls(text, allowed=("\n",)):
    return [c for c in text if (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) and c not in allowed]


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    text = open(sys.argv[2], encoding="utf-8", errors="surrogateescape").read()
    md = open(sys.argv[3], encoding="utf-8", errors="surrogateescape").read()
    color = open(sys.argv[4], encoding="utf-8", errors="surrogateescape").read()
    err = open(sys.argv[5], encoding="utf-8", errors="surrogateescape").read()
    failures = []

    lines = text.split("\n")[:-1]
    expected = len(report["findings"]) + len(report["scan"].get("skipped", [])) + 1
    print(f"text: {len(lines)} lines for {len(report['findings'])} findings, "
          f"{len(report['scan'].get('skipped', []))} not read and the summary: {len(lines) == expected}")
    if len(lines) != expected:
        failures.append("the text output has more lines than findings")
    for name, out in (("text", text), ("stderr", err)):
        bad = controls(out)
        print(f"{name}: control characters: {len(bad)}")
        if bad:
            failures.append(f"{name} holds control characters {sorted(set(map(ord, bad)))}")
    for name, out in (("text", text), ("color", color), ("stderr", err), ("markdown", md)):
        starts = [l for l in out.split("\n") if l.lstrip(" \t").startswith("::")]
        bidi = [c for c in out if c in BIDI]
        print(f"{name}: lines opening with '::': {len(starts)}; bidi controls: {len(bidi)}")
        if starts or bidi:
            failures.append(f"{name}: a workflow command or a bidi control")
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", color)
    print(f"color: ESC bytes outside SGR colours: {stripped.count(chr(27))}; "
          f"same text without colours: {stripped == text}")
    if chr(27) in stripped or stripped != text:
        failures.append("the coloured text holds escapes that are not opsready's")

    mdlines = md.split("\n")
    bad = controls(md)
    print(f"markdown: control characters: {len(bad)}")
    if bad:
        failures.append("markdown holds control characters")
    heads = [i for i, l in enumerate(mdlines) if l.startswith("## ")]
    print(f"markdown: level-2 headings at lines {heads}")
    if heads != [0]:
        failures.append("a forged heading in the Markdown summary")
    rows = [l for l in mdlines if l.startswith("| ") and ("error" in l.split("|")[1] or "warning" in l.split("|")[1])]
    active = sum(f["status"] == "active" for f in report["findings"])
    print(f"markdown: {len(rows)} finding rows for {active} active findings: {len(rows) == min(active, 20)}")
    if len(rows) != min(active, 20) or any(not r.endswith(" |") for r in rows):
        failures.append("a finding row is split or not closed")
    cells = [len(re.findall(r"(?<!\\)\|", r)) for r in rows]
    print(f"markdown: every finding row has 4 cells: {all(n == 5 for n in cells)}")
    if any(n != 5 for n in cells):
        failures.append("a finding row has more cells than four")
    lowered = md.lower()
    for what in ("<details", "![", "<img"):
        if what in lowered:
            failures.append(f"markdown holds {what}")
    mentions = re.findall(r"(?<![\w.+-])@[A-Za-z0-9]", md)
    print(f"markdown: @mentions: {len(mentions)}")
    if mentions:
        failures.append("markdown holds an @mention")
    targets = re.findall(r"\]\((https?://[^)]*)\)", md)
    print(f"markdown: {len(targets)} links, all to git.example.org and free of blanks: "
          f"{all(t.startswith('https://git.example.org/') and ' ' not in t for t in targets)}")
    if not targets or not all(t.startswith("https://git.example.org/") and " " not in t
                              and re.fullmatch(r"[!-~]+", t) for t in targets):
        failures.append("a link target is not encoded")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
