#!/usr/bin/env python3
"""Check an opsready HTML report with the standard library only.

  check_html.py example|hostile|big REPORT.html

Every report: it parses as HTML with every element closed in order, one
<html>, <head>, <body>; nothing loads by itself (no src, no <link>, no
<iframe>/<img>/<object>/<embed>); the only script is the report's own; no
on* handler attributes; links are fragments or http(s). Then what the kind of
report must show. Prints what it found, for the golden output."""
import html.parser
import re
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.counts = {}
        self.doctype = None
        self.scripts = 0
        self.loads = []
        self.handlers = []
        self.hrefs = []
        self.elements = []  # (tag, attrs, text parts)
        self.open = []      # indices into elements still open

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag == "script":
            self.scripts += 1
            if "src" in a:
                self.loads.append(("script", a["src"]))
        if "src" in a or tag in ("link", "iframe", "img", "object", "embed", "svg"):
            self.loads.append((tag, a.get("src") or a.get("href")))
        for name in a:
            if name.startswith("on"):
                self.handlers.append((tag, name))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        self.elements.append((tag, a, []))
        if tag not in VOID:
            self.stack.append(tag)
            self.open.append(len(self.elements) - 1)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()
        self.open.pop()

    def handle_data(self, data):
        for i in self.open:
            self.elements[i][2].append(data)


def text_of(element):
    return " ".join("".join(element[2]).split())


def with_class(page, tag, cls):
    return [e for e in page.elements if e[0] == tag and cls in e[1].get("class", "").split()]


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    page = Page()
    page.feed(source)
    page.close()
    failures = []
    if page.doctype is None or page.doctype.lower() != "doctype html":
        failures.append(f"doctype {page.doctype!r}")
    if page.errors or page.stack:
        failures.append(f"not well nested: {page.errors[:3]} open at end: {page.stack}")
    for tag in ("html", "head", "body", "title", "style"):
        if page.counts.get(tag) != 1:
            failures.append(f"{page.counts.get(tag, 0)} <{tag}> elements")
    if page.loads:
        failures.append(f"elements that load: {page.loads[:5]}")
    if page.scripts != 1:
        failures.append(f"{page.scripts} scripts")
    if page.handlers:
        failures.append(f"event handler attributes: {page.handlers[:5]}")
    bad = [h for h in page.hrefs if not re.match(r"^(#|https?://)", h)]
    if bad:
        failures.append(f"links that are not http(s) or fragments: {bad[:5]}")
    print(f"{kind}: parses as HTML, nothing loads, one script")

    verdict = [text_of(e) for e in with_class(page, "div", "verdict")]
    print(f"{kind}: verdict {verdict}")
    rows = with_class(page, "tr", "finding")
    text = " ".join(" ".join(e[2]) for e in page.elements if e[0] == "body")

    if kind == "example":
        cells = [text_of(e) for e in with_class(page, "td", "cell")]
        states = {}
        for c in cells:
            states[c.split()[0]] = states.get(c.split()[0], 0) + 1
        print(f"{kind}: training matrix: {len(cells)} cells {sorted(states.items())}")
        expired = [c for c in cells if c.startswith("expired ")]
        print(f"{kind}: an expired cell: {expired[:1]}")
        if not expired or not any(re.match(r"^done \d{4}-\d\d-\d\d$", c) for c in cells):
            failures.append("no 'expired DATE' or 'done DATE' training-matrix cell")
        contacts = [e for e in page.elements if e[1].get("id") == "or-contacts"]
        shown = "+44 20 7946 0020" in text_of(contacts[0])
        print(f"{kind}: contact +44 20 7946 0020 shown: {shown}")
        if not shown or verdict != ["FAIL"]:
            failures.append("the contact or the verdict is missing")
        print(f"{kind}: {len(rows)} finding rows; {len(page.hrefs)} links, "
              f"{sum(h.startswith('https://git.example.org/') for h in page.hrefs)} to the repository")
    elif kind == "hostile":
        for needle in ("## <script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                       "Policy </title><script>alert(8)</script>", "2 & <3>",
                       "<script>alert(10)</script> accepted", '"><img src=q onerror=alert(11)>'):
            print(f"{kind}: shown as text: {needle!r}: {needle in text}")
            if needle not in text:
                failures.append(f"{needle!r} is not in the page's text")
        print(f"{kind}: repository links: {sum(h.startswith('http') for h in page.hrefs)} "
              "(repo_url is javascript:, never linked)")
    elif kind == "big":
        size = len(source.encode("utf-8"))
        more = [text_of(e) for e in with_class(page, "p", "more")]
        notes = [text_of(e) for e in with_class(page, "p", "note") if "more files" in text_of(e)]
        per_file = [e for e in page.elements if e[0] == "table" and "per-file" in e[1].get("class", "")]
        print(f"{kind}: {len(rows)} finding rows listed, under 2 MB: {size < 2_000_000}")
        for m in more:
            print(f"{kind}: {m[:60]}")
        print(f"{kind}: {len(per_file)} per-file tables; {notes}")
        if size >= 2_000_000:
            failures.append(f"{size} bytes")
    for f in failures:
        print(f"FAIL: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
