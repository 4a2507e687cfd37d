#!/usr/bin/env python3
"""The layering test: the folders of src/ are the stages of the pipeline,

    util -> input -> rules -> model -> checks -> gate -> report -> render

and a file may include only headers of its own stage or of the stages before
it (src/scan.c and src/library.c, on top, may include any; the CLI only the public headers of
include/opsready/). Also: every .c file of src/ is in its folder's
CMakeLists.txt, every check family defined in checks/ is in checks/registry.c,
and every reporter defined in render/ is in render/registry.c.

    check_layout.py SOURCE_DIR
    check_layout.py --self-test     plants one violation of each kind and
                                     fails unless each is caught

Exit 0 when the layout holds; else 1, with one line per violation.
"""
import os
import re
import sys

STAGES = ["util", "input", "rules", "model", "checks", "gate", "report", "render"]

# Includes that run against the flow on purpose, each with its reason.
# (file, included header): why
EXCEPTIONS = {
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def stage_of(rel):
    """The stage index of a file or header path relative to src/, or None."""
    top = rel.split("/", 1)[0]
    if top in STAGES:
        return STAGES.index(top)
    if "/" not in rel:  # scan.c and library.c: on top of every stage
        return len(STAGES)
    return None


def check_includes(src, problems):
    for folder, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, src)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            here = stage_of(rel)
            for match in INCLUDE.finditer(text):
                header = match.group(1)
                line = text.count("\n", 0, match.start()) + 1
                if header.startswith("opsready/"):
                    continue  # the public contract: anyone may include it
                if (rel, header) in EXCEPTIONS:
                    continue
                if rel.startswith("cli/"):
                    if "/" in header and not header.startswith("cli/"):
                        problems.append(f"src/{rel}:{line}: the CLI includes the private "
                                        f"header {header}; it may use include/opsready/ only")
                    continue
                there = stage_of(header)
                if here is None or there is None:
                    problems.append(f"src/{rel}:{line}: {header}: not in a stage folder "
                                    f"({', '.join(STAGES)})")
                elif there > here:
                    problems.append(f"src/{rel}:{line}: {STAGES[here]} includes {header}, "
                                    f"a later stage ({STAGES[there]}): against the flow")


def check_sources_listed(src, problems):
    for stage in STAGES + ["cli"]:
        folder = os.path.join(src, stage)
        cmake = os.path.join(folder, "CMakeLists.txt")
        listed = ""
        if os.path.exists(cmake):
            with open(cmake, encoding="utf-8") as f:
                listed = f.read()
        else:
            with open(os.path.join(src, "CMakeLists.txt"), encoding="utf-8") as f:
                listed = f.read()
        names = set(re.findall(r"[\w/.-]+\.c\b", listed))
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".c"):
                continue
            if name not in names and f"{stage}/{name}" not in names:
                problems.append(f"src/{stage}/{name}: not in any source list of "
                                f"{os.path.relpath(cmake, os.path.dirname(src))}: it is never built")


def check_top_listed(src, problems):
    """The files at the top of src/ are in src/CMakeLists.txt."""
    with open(os.path.join(src, "CMakeLists.txt"), encoding="utf-8") as f:
        names = set(re.findall(r"[\w/.-]+\.c\b", f.read()))
    for name in sorted(os.listdir(src)):
        if name.endswith(".c") and name not in names:
            problems.append(f"src/{name}: not in any source list of src/CMakeLists.txt: "
                            f"it is never built")


def check_registry(src, folder, definition, problems):
    """Every `const TYPE NAME = {` defined in folder is named in its registry.c."""
    with open(os.path.join(src, folder, "registry.c"), encoding="utf-8") as f:
        registry = f.read()
    pattern = re.compile(r"^const\s+" + definition + r"\s+(\w+)\s*=", re.M)
    for name in sorted(os.listdir(os.path.join(src, folder))):
        if not name.endswith(".c") or name == "registry.c":
            continue
        with open(os.path.join(src, folder, name), encoding="utf-8") as f:
            for symbol in pattern.findall(f.read()):
                if not re.search(r"&" + symbol + r"\b", registry):
                    problems.append(f"src/{folder}/{name}: {symbol} is defined but not "
                                    f"listed in src/{folder}/registry.c: it never runs")


def self_test():
    """The test can fail: a tree with one violation of each kind is caught."""
    import tempfile
    with tempfile.TemporaryDirectory() as root:
        def write(rel, text):
            path = os.path.join(root, "src", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        for stage in STAGES + ["cli"]:
            write(f"{stage}/CMakeLists.txt",
                  "target_sources(opsready PRIVATE\n  ok.c\n  registry.c)\n")
            write(f"{stage}/ok.c", "#include \"opsready/common.h\"\n")
        write("CMakeLists.txt", "")
        write("checks/registry.c", "static const void *f[] = { &or_listed_family };\n")
        write("render/registry.c", "static const void *r[] = { &or_reporter_listed };\n")
        write("input/ok.c", "#include \"util/buf.h\"\n#include \"model/model.h\"\n")
        write("cli/ok.c", "#include \"cli.h\"\n#include \"report/value.h\"\n")
        write("util/stray.c", "")
        write("orphan.c", "")
        write("checks/ok.c", "const or_check_family or_listed_family = { 0 };\n"
                             "const or_check_family or_forgotten_family = { 0 };\n")
        write("render/ok.c", "const or_reporter or_reporter_forgotten = { 0 };\n")
        problems = []
        src = os.path.join(root, "src")
        check_includes(src, problems)
        check_sources_listed(src, problems)
        check_top_listed(src, problems)
        check_registry(src, "checks", "or_check_family", problems)
        check_registry(src, "render", "or_reporter", problems)
        expected = ["src/input/ok.c:2: input includes model/model.h",
                    "src/cli/ok.c:2: the CLI includes the private header report/value.h",
                    "src/util/stray.c: not in any source list",
                    "src/orphan.c: not in any source list",
                    "or_forgotten_family is defined but not listed",
                    "or_reporter_forgotten is defined but not listed"]
        missed = [e for e in expected if not any(e in p for p in problems)]
        if missed or len(problems) != len(expected):
            print("layout self-test failed; expected:", *expected, "got:", *problems, sep="\n  ")
            return 1
    print(f"layout self-test: all {len(expected)} planted violations caught")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    src = os.path.join(sys.argv[1], "src")
    problems = []
    check_includes(src, problems)
    check_sources_listed(src, problems)
    check_top_listed(src, problems)
    check_registry(src, "checks", "or_check_family", problems)
    check_registry(src, "render", "or_reporter", problems)
    for p in problems:
        print(p)
    if problems:
        print(f"layout: {len(problems)} problem(s)")
        return 1
    print("layout: every include follows the flow; every source is built and registered")
    return 0


if __name__ == "__main__":
    sys.exit(main())
