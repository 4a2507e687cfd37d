#!/usr/bin/env python3
"""Check HTML reports of a hostile repository against a clean report.

  check_page.py CLEAN.html NAME=PAGE.html...

Each page is parsed with html.parser: no attribute named on* (an event
handler) and no autofocus, no more <script> elements than the clean report
(the report's own), no more raw "&{" or "<!--" in the page than the clean
report has (libxml2 writes both verbatim in attribute values), and the page stays under 1 MiB (forged markers once made it grow with
every copy of a table spliced in). Prints one line a page."""
import html.parser
import os
import sys

LIMIT = 1 << 20


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts = 0
        self.bad = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        for name, _ in attrs:
            if name.startswith("on") or name == "autofocus":
                self.bad.append(f"<{tag} {name}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    page = Page()
    page.feed(source)
    page.close()
    return source, page


def main():
    clean_source, clean = parse(sys.argv[1])
    failed = False
    for arg in sys.argv[2:]:
        name, path = arg.split("=", 1)
        source, page = parse(path)
        size = os.path.getsize(path)
        text = "".join(page.text)
        problems = []
        if page.bad:
            problems.append("handlers " + " ".join(sorted(set(page.bad))))
        if page.scripts != clean.scripts:
            problems.append(f"{page.scripts} <script> elements, the clean report has {clean.scripts}")
        if source.count("&{") != clean_source.count("&{"):
            problems.append(f"raw '&{{' {source.count('&{')} times")
        if source.count("<!--") != clean_source.count("<!--"):
            problems.append(f"raw '<!--' {source.count('<!--')} times")
        if size >= LIMIT:
            problems.append(f"{size} bytes")
        if "<script>alert(1)</script>" not in text or 'q"&{<!--or-rows:0-->}' not in text:
            problems.append("the hostile values are not shown as text")
        if problems:
            failed = True
            print(f"{name}: " + "; ".join(problems))
        else:
            print(f"{name}: ok ({page.scripts} script, under 1 MiB, hostile values shown as text)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
