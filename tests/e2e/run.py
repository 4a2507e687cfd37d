#!/usr/bin/env python3
"""Golden end-to-end cases for opsready.

A case is a folder:

  repo/            the fixture repository's files (committed once, at a fixed date)
  setup.sh         optional: run with bash inside the fixture after that commit,
                   to add history, modes, untracked files (helpers below)
  git              optional: contains "no" for a plain folder without git
  args             the command line after `opsready`, shell-quoted, one line;
                   {out} is a scratch folder for reports
  cmd.sh           instead of args: a bash script run in the fixture, for cases
                   of several steps; $OPSREADY is the binary, $OUT the scratch
                   folder; its stdout, stderr and exit code are compared
  expected.exit    the exit code
  expected.stdout  optional: standard output, exactly
  expected.stderr  optional: standard error, exactly
  expected.json    optional: the JSON report on standard output (or in
                   {out}/report.json when that file exists), compared as JSON
  expected.files   optional: one path per line that must exist in {out}; a line
                   "!name" must not exist (no half-written reports)

OPSREADY_WRAPPER, when set, is a command put before every run of opsready
(tests/e2e/valgrind_cases.sh sets it to run valgrind); cmd.sh cases then get
a wrapper script as $OPSREADY. A cmd.sh that limits opsready's time
(`timeout`) multiplies its limit by OPSREADY_TIMEOUT_SCALE (1 when unset;
valgrind_cases.sh sets it for valgrind's pace).

Every JSON report is validated against include/opsready/report.schema.json.
OPSREADY_UPDATE_GOLDEN=1 rewrites the expected files from what the run gave.
"""
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

FIXED_DATE = "2026-01-15T12:00:00+00:00"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Fixture Author",
    "GIT_AUTHOR_EMAIL": "author@fixture.invalid",
    "GIT_COMMITTER_NAME": "Fixture Author",
    "GIT_COMMITTER_EMAIL": "author@fixture.invalid",
    "GIT_AUTHOR_DATE": FIXED_DATE,
    "GIT_COMMITTER_DATE": FIXED_DATE,
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "TZ": "UTC",
}

SETUP_HELPERS = r'''
set -euo pipefail
# commit_at DATE MESSAGE [TRAILERS...]: commit everything at DATE (ISO 8601)
commit_at() {
  local date="$1" message="$2"; shift 2
  git add -A
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" git commit -q --allow-empty -m "$message" "$@"
}
'''


def load_schema(root):
    path = os.path.join(root, "include", "opsready", "report.schema.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validate(report, schema, where):
    try:
        import jsonschema
    except ImportError:  # the CI installs python3-jsonschema; say so loudly here
        raise SystemExit("python3-jsonschema is required to validate reports")
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        raise AssertionError(f"{where}: report does not match the schema at "
                             f"{'/'.join(str(p) for p in e.path)}: {e.message}")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def build_fixture(case, work):
    repo = os.path.join(work, "repo")
    src = os.path.join(case, "repo")
    if os.path.isdir(src):
        shutil.copytree(src, repo, symlinks=True)
    else:
        os.makedirs(repo)
    env = dict(os.environ, **GIT_ENV)
    use_git = not (os.path.exists(os.path.join(case, "git"))
                   and read(os.path.join(case, "git")).strip() == "no")
    if use_git:
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, env=env, check=True)
        subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
        subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", "fixture"],
                       cwd=repo, env=env, check=True)
    setup = os.path.join(case, "setup.sh")
    if os.path.exists(setup):
        script = SETUP_HELPERS + read(setup)
        subprocess.run(["bash", "-c", script], cwd=repo, env=env, check=True)
    return repo, env


def compare_text(name, expected_path, actual, update, failures):
    if update:
        with open(expected_path, "w", encoding="utf-8") as f:
            f.write(actual)
        return
    if not os.path.exists(expected_path):
        return
    expected = read(expected_path)
    if expected != actual:
        import difflib
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "expected", "actual"))
        failures.append(f"{name} differs:\n{diff}")


def run_case(binary, root, case, schema, update):
    failures = []
    with tempfile.TemporaryDirectory(prefix="opsready-e2e-") as work:
        repo, env = build_fixture(case, work)
        out = os.path.join(work, "out")
        os.makedirs(out)
        wrapper = shlex.split(os.environ.get("OPSREADY_WRAPPER", ""))
        program = binary
        if wrapper:
            program = os.path.join(work, "opsready-wrapped")
            with open(program, "w") as f:
                f.write("#!/bin/sh\nexec " + shlex.join(wrapper + [binary]) + ' "$@"\n')
            os.chmod(program, 0o755)
        env = dict(env, NO_COLOR="1", OPSREADY=program, OUT=out, OPSREADY_SOURCE_DIR=root)
        env.pop("SOURCE_DATE_EPOCH", None)
        script = os.path.join(case, "cmd.sh")
        if os.path.exists(script):
            command = ["bash", "-c", "set -uo pipefail\n" + read(script)]
        else:
            args = shlex.split(read(os.path.join(case, "args")).strip().replace("{out}", out))
            command = [program] + args
        proc = subprocess.run(command, cwd=repo, env=env, capture_output=True)
        stdout = proc.stdout.decode("utf-8", "replace").replace(out, "{out}")
        stderr = proc.stderr.decode("utf-8", "replace").replace(out, "{out}")

        exit_path = os.path.join(case, "expected.exit")
        if update:
            with open(exit_path, "w") as f:
                f.write(f"{proc.returncode}\n")
        elif int(read(exit_path).strip()) != proc.returncode:
            failures.append(f"exit code {proc.returncode}, expected {read(exit_path).strip()}\n"
                            f"stderr: {stderr}")

        report = None
        report_file = os.path.join(out, "report.json")
        if os.path.exists(report_file):
            report = json.loads(read(report_file))
        elif stdout.lstrip().startswith("{"):
            report = json.loads(stdout)
        if not stdout.lstrip().startswith("{"):
            compare_text("stdout", os.path.join(case, "expected.stdout"), stdout, update and
                         os.path.exists(os.path.join(case, "expected.stdout")), failures)
        compare_text("stderr", os.path.join(case, "expected.stderr"), stderr, update and
                     os.path.exists(os.path.join(case, "expected.stderr")), failures)
        for name in os.listdir(out):
            if name.endswith(".json") and name != "report.json":
                validate(json.loads(read(os.path.join(out, name))), schema, name)
        if report is not None:
            validate(report, schema, os.path.basename(case))
            expected_json = os.path.join(case, "expected.json")
            if update:
                with open(expected_json, "w", encoding="utf-8") as f:
                    json.dump(report, f, indent=2, ensure_ascii=False)
                    f.write("\n")
            elif os.path.exists(expected_json):
                expected = json.loads(read(expected_json))
                if expected != report:
                    compare_text("JSON report", expected_json,
                                 json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                                 False, failures)
        files = os.path.join(case, "expected.files")
        if os.path.exists(files):
            for line in read(files).split("\n"):
                line = line.strip()
                if not line:
                    continue
                absent = line.startswith("!")
                path = os.path.join(out, line.lstrip("!"))
                matches = [n for n in os.listdir(out)] if absent else []
                if absent and (os.path.exists(path) or any(
                        n.startswith(os.path.basename(path) + ".tmp") for n in matches)):
                    failures.append(f"{line[1:]} should not exist in the output folder")
                if not absent and not os.path.exists(path):
                    failures.append(f"{line} was not written")
    return failures


def main():
    if len(sys.argv) < 3:
        print("usage: run.py OPSREADY_BINARY CASE_DIR...", file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    schema = load_schema(root)
    update = os.environ.get("OPSREADY_UPDATE_GOLDEN") == "1"
    failed = 0
    for case in sys.argv[2:]:
        name = os.path.basename(os.path.normpath(case))
        try:
            failures = run_case(binary, root, case, schema, update)
        except AssertionError as e:
            failures = [str(e)]
        if failures:
            failed += 1
            print(f"FAIL {name}")
            for f in failures:
                print("  " + f.replace("\n", "\n  "))
        else:
            print(f"ok   {name}")
    print(f"{len(sys.argv) - 2 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
