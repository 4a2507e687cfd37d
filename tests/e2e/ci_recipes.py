#!/usr/bin/env python3
"""Exercise the CI recipes in examples/ci and .pre-commit-hooks.yaml.

Every shell step of the recipes that runs opsready is executed as the CI
would run it, in fixture repositories built here (a bare "origin" and a
clone on a feature branch), with the CI's variables set. Install steps and
`uses:` actions are not run. A step must end with exit 0 or 1 (1 is a
verdict of the gate); what it promises to write must exist and be valid.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import GIT_ENV, load_schema, validate  # noqa: E402

RUNBOOK = """# Payments Runbook

**Last Updated:** 2026-11-20
**Next Review:** 2027-02-20
**Owner:** Payments SRE
**Version:** 1.0
**Document Status:** Approved

## Overview

Keeps payments up.
"""


def git(cwd, *args, env):
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def make_repos(work, env):
    """origin (bare) with main; a clone on a feature branch with one change."""
    seed = os.path.join(work, "seed")
    os.makedirs(os.path.join(seed, "runbooks"))
    with open(os.path.join(seed, "runbooks", "payments-runbook.md"), "w") as f:
        f.write(RUNBOOK)
    git(seed, "init", "-q", "-b", "main", env=env)
    git(seed, "add", "-A", env=env)
    git(seed, "commit", "-q", "-m", "runbooks", env=env)
    origin = os.path.join(work, "origin.git")
    git(work, "clone", "-q", "--bare", seed, origin, env=env)
    clone = os.path.join(work, "clone")
    git(work, "clone", "-q", origin, clone, env=env)
    git(clone, "checkout", "-q", "-b", "feature", env=env)
    with open(os.path.join(clone, "runbooks", "payments-runbook.md"), "a") as f:
        f.write("\n## Emergency Procedures\n\nTBD\n")
    git(clone, "commit", "-q", "-am", "emergency procedures", env=env)
    return clone


def shell_steps(recipe):
    """(name, script) of every step that runs opsready, GitHub or GitLab."""
    steps = []
    for name, job in (recipe.get("jobs") or {}).items():
        for step in job.get("steps", []):
            script = step.get("run")
            if script and ("opsready " in script or "STEP_SUMMARY" in script) \
                    and "apt-get" not in script:
                steps.append((f"{name}: {step.get('name', '')}", script, step.get("env", {})))
    for name, job in recipe.items():
        if isinstance(job, dict) and "script" in job:
            steps.append((name, "\n".join(job["script"]), {}))
    return steps


def run(script, cwd, env, label, failures):
    proc = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True)
    if proc.returncode not in (0, 1):
        failures.append(f"{label}: exit {proc.returncode}\n{proc.stderr.decode(errors='replace')}")
    return proc.returncode


def expect(path, failures, schema=None, label=""):
    if not os.path.exists(path):
        failures.append(f"{label}: {os.path.basename(path)} was not written")
        return
    if schema is not None:
        with open(path, encoding="utf-8") as f:
            validate(json.load(f), schema, os.path.basename(path))


def main():
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    schema = load_schema(root)
    failures = []
    with tempfile.TemporaryDirectory(prefix="opsready-ci-") as work:
        bindir = os.path.join(work, "bin")
        os.makedirs(bindir)
        os.symlink(binary, os.path.join(bindir, "opsready"))
        env = dict(os.environ, **GIT_ENV)
        env["PATH"] = bindir + os.pathsep + env["PATH"]
        env["HOME"] = work  # git config --global writes here
        env.pop("GIT_CONFIG_GLOBAL", None)
        clone = make_repos(work, env)

        # GitHub pre-merge
        with open(os.path.join(root, "examples/ci/github/opsready-premerge.yml")) as f:
            recipe = yaml.safe_load(f)
        summary = os.path.join(work, "step-summary.md")
        ci = dict(env, GITHUB_BASE_REF="main", GITHUB_STEP_SUMMARY=summary)
        for label, script, _ in shell_steps(recipe):
            run(script, clone, ci, label, failures)
        for name in ("opsready.sarif", "opsready-junit.xml", "opsready.md"):
            expect(os.path.join(clone, name), failures, label="github pre-merge")
        expect(summary, failures, label="github pre-merge summary")

        # GitHub nightly: two repositories, then the merge
        with open(os.path.join(root, "examples/ci/github/opsready-nightly.yml")) as f:
            recipe = yaml.safe_load(f)
        nightly = os.path.join(work, "nightly")
        os.makedirs(nightly)
        for repo in ("payments-runbooks", "platform-runbooks"):
            shutil.copytree(clone, os.path.join(nightly, repo), symlinks=True)
        steps = shell_steps(recipe)
        for repo in ("payments-runbooks", "platform-runbooks"):
            for label, script, _ in steps:
                if label.startswith("scan"):
                    run(script, nightly, dict(ci, REPOSITORY=repo), label, failures)
            expect(os.path.join(nightly, "reports", repo + ".json"), failures, schema, "nightly scan")
        for label, script, _ in steps:
            if label.startswith("merge"):
                run(script, nightly, ci, label, failures)
        expect(os.path.join(nightly, "org.json"), failures, schema, "nightly merge")
        expect(os.path.join(nightly, "org.html"), failures, label="nightly merge")

        # GitLab
        with open(os.path.join(root, "examples/ci/gitlab/.gitlab-ci.yml")) as f:
            recipe = yaml.safe_load(f)
        gl = dict(env, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
        for label, script, _ in shell_steps(recipe):
            run(script, clone, gl, label, failures)
        expect(os.path.join(clone, "public", "opsready.html"), failures, label="gitlab nightly")
        expect(os.path.join(clone, "opsready.json"), failures, schema, "gitlab nightly")

        # pre-commit: a staged change
        with open(os.path.join(root, ".pre-commit-hooks.yaml")) as f:
            hooks = yaml.safe_load(f)
        with open(os.path.join(clone, "runbooks", "payments-runbook.md"), "a") as f:
            f.write("\nFIXME\n")
        git(clone, "add", "-A", env=env)
        for hook in hooks:
            code = run(hook["entry"], clone, env, "pre-commit " + hook["id"], failures)
            if code != 1:
                failures.append(f"pre-commit {hook['id']}: the staged FIXME should fail the hook")
    for f in failures:
        print("FAIL " + f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
