#!/usr/bin/env python3
"""Generate a large, deterministic git repository of runbooks for benchmarks.

    scripts/gen-corpus.py OUT_DIR [--files 10000] [--commits 50000] [--seed 1]
                          [--profile conforming|stress] [--no-checkout]

OUT_DIR must not exist or be empty. The repository is written in one pass
through `git fast-import` (no work-tree round trips), so 10,000 files and
50,000 commits take well under a minute. The same arguments always give the
same repository, commit ids included: every choice comes from one seeded
PRNG and every date is fixed.

Both profiles have the same shape:

- Files (about 88% of --files are runbooks):
    runbooks/<team>/<area>/<service>-runbook.md   (front-matter-free Markdown
        with **Owner:**, **Last Updated:**, **Next Review:**, **Version:**
        lines, a contacts list, a pre-flight task list with ✅ markers, a
        numbered procedure with commands in a fenced block, verification)
    docs/<area>/<topic>.md                         policies, BCP and DR plans
    scripts/<name>.sh                              a few scripts
    README.md, contacts.yml, training/records.yml, drills/log.yml
- History: --commits commits in all, from 2019-01-01 (UTC seconds
  increasing with every commit; each author keeps one UTC offset). A third
  of the files arrive in the first commit, the rest are added along the way
  (all of them by 90% of the history). Every other commit touches 1-5 files
  with a small realistic edit: set the Last Updated line, tick a checkbox (or
  add one), add a procedure step, change an on-call phone number, bump the
  version, append a training record or a drill, make a script executable.
  Edits favour a "hot" tenth of the files (60% of the edits), so some files
  change all the time and many rarely.
- Seven authors; about a quarter of the commits carry one or two
  `Reviewed-by:` trailers and a tenth an `Approved-by:` trailer.
- About every 25th commit starts a side branch of 1-3 commits that main then
  merges with a merge commit (like `git merge --no-ff`), after 0-2 commits
  of its own on other files. Side-branch and merge commits count towards
  --commits, so the first-parent line is a little shorter than --commits.

--profile stress is a stress test of the findings path: every
document breaks about 11 rules of the bundled pack. Its sections are
Contacts, Pre-flight checklist, Procedure and Verification instead of the
required ones, it has no Document Status, its phone numbers have seven
digits (+1-555-1234) and no verified date, its command runs
./scripts/failover-0.sh (which does not exist), and its history ends on
2026-01-01, so that with --now 2026-11-27 every review is stale and overdue:
about 110,000 findings on 10,000 files. It must stay byte for byte as it is
(same arguments, same commit ids): benchmark results are compared across
versions.

--profile conforming (the default) is the same corpus written the way a team
that uses opsready keeps its documents — runbooks with the structure the
pack asks for and defects at realistic rates — so that most documents pass:

- Every runbook and document has the pack's sections (Overview, Emergency,
  Rollback and Disaster Recovery Procedures, Support Team Readiness with a
  "Mandatory Training (100% Completion Required)" list, Validation and
  Testing, Contact Information), the five metadata lines including
  **Document Status:**, and commands that run scripts the corpus has, all of
  them executable (100755) from the start (the "make executable" edit
  becomes a usage note).
- Contacts: each owner has rota numbers, distinct for every owner and role,
  like +1 415 2xx xxxx (never 555) or +44 20 3xxx xxxx. Runbooks list the
  Primary and Secondary On-Call, plans under docs/ the Operations Lead as
  well; every contact line ends in "(verified YYYY-MM-DD)". The on-call
  edit is a rota hand-over: a new person on the team's number, verified
  that day.
- History runs to 2026-11-20, and documents are reviewed: every 85 days
  each owner (the team of runbooks/<team>/, the area of docs/<area>/) makes
  a review sweep, one commit that sets Last Updated to that day, moves Next
  Review 90 days ahead and re-verifies every contact of all its documents.
  Each owner's last sweep is 3-60 days before 2026-11-20. Sweeps count
  towards --commits (30 owners, about 1,000 sweeps over the whole history;
  at most a quarter of --commits, the latest ones). The edits in between are
  the stress profile's, on this layout; 3% of them forget to refresh Last
  Updated.
- Defects, drawn for each document when it is written and kept from then
  on: 3% miss a section, 2% carry a placeholder (TBD, FIXME), 3% a broken
  reference (a retired script, or a mistyped anchor), 2% an unticked
  mandatory-training item, 0.5% a mistyped or 555-01xx phone number, 0.5% an
  item marked "⚠️ In Progress", 0.5% an empty section. One team in 20 (at
  least one) skipped its last sweep, so its documents are stale and overdue
  and their contacts unverified.

  With --now 2026-11-27 that is about 0.25 findings per document, over a
  dozen rules: about 500 on --files 2000 --commits 10000 and 2,400 on
  10,000 files and 50,000 commits, a little over half of them (review.stale,
  review.overdue, contacts.stale) from the team that skipped its sweep.

Nothing is ever deleted, so `git log -1 --first-parent -- PATH` is the last
change of PATH (scripts/bench-history.sh checks opsready's answers with it).
"""

import argparse
import os
import random
import subprocess
import sys

START = 1546300800  # 2019-01-01T00:00:00Z
END = 1767225600    # 2026-01-01T00:00:00Z (the stress profile)
END_CONFORMING = 1795132800  # 2026-11-20T00:00:00Z
DAY = 86400

# The conforming profile: review cadence and defect rates (per document, drawn
# once when the document is written; the edits and sweeps leave them alone).
SWEEP_DAYS = 85          # each owner reviews all its documents every 85 days
NEXT_REVIEW_DAYS = 90    # ... and moves Next Review this far ahead
SKIP_ONE_IN = 20         # one team in 20 (at least one) skipped its last sweep
FORGET_DATE = 0.03       # edits that do not refresh **Last Updated:**
DEFECT_RATES = [
    ("missing-section", 0.03),     # a required section left out
    ("placeholder", 0.02),         # TBD / FIXME left in a procedure
    ("broken-reference", 0.03),    # a script that is not there, or a bad anchor
    ("unticked-mandatory", 0.02),  # an open item under "100% Completion Required"
    ("invalid-phone", 0.005),      # a mistyped or fictional phone number
    ("in-progress", 0.005),        # a readiness item marked "⚠️ In Progress"
    ("empty-section", 0.005),      # a heading with nothing under it
]

AUTHORS = [
    ("Alice Moreau", "alice.moreau@example.org", "+0100"),
    ("Bilal Haddad", "bilal.haddad@example.org", "+0000"),
    ("Chen Wei", "chen.wei@example.org", "+0800"),
    ("Dana Okafor", "dana.okafor@example.org", "-0500"),
    ("Emil Nowak", "emil.nowak@example.org", "+0200"),
    ("Farah Iqbal", "farah.iqbal@example.org", "+0530"),
    ("Gus Lindqvist", "gus.lindqvist@example.org", "-0800"),
]
REVIEWERS = [
    "Hana Sato <hana.sato@example.org>",
    "Ivan Petrov <ivan.petrov@example.org>",
    "Jo Mensah <jo.mensah@example.org>",
    "Kai Berg <kai.berg@example.org>",
]
APPROVERS = [
    "Lena Fischer (CISO) <lena.fischer@example.org>",
    "Marco Rossi (Head of SRE) <marco.rossi@example.org>",
]
TEAMS = [
    "platform", "payments", "identity", "data", "network", "storage", "search",
    "messaging", "billing", "mobile", "web", "security", "observability",
    "ml", "support", "finance-it", "hr-it", "warehouse", "logistics", "edge",
    "compute", "databases", "streaming", "integrations",
]
AREAS = ["core", "api", "batch", "infra", "frontend", "backend", "ops", "shared"]
SERVICE_A = [
    "auth", "billing", "ledger", "checkout", "catalog", "inventory", "session",
    "profile", "notify", "report", "export", "import", "gateway", "cache",
    "queue", "index", "feature", "pricing", "tax", "refund", "ingest",
    "archive", "audit", "backup", "dns", "cdn", "vault", "kafka", "postgres",
    "redis", "elastic", "scheduler", "mailer", "sms", "geo", "media",
]
SERVICE_B = [
    "api", "worker", "service", "db", "cluster", "proxy", "pipeline", "store",
    "sync", "engine", "router", "controller", "daemon", "replica", "broker",
]
DOC_AREAS = ["bcp", "dr", "policies", "incident-response", "vendors", "compliance"]
DOC_TOPICS = [
    "business-continuity-plan", "disaster-recovery-plan", "escalation-matrix",
    "crisis-communications", "vendor-contacts", "backup-policy",
    "access-review", "tabletop-exercise", "risk-register", "bia-summary",
    "data-retention", "change-freeze", "major-incident", "site-failover",
]
VERBS = [
    "Verify", "Drain", "Promote", "Restart", "Snapshot", "Fail over",
    "Re-point", "Scale", "Rotate", "Restore", "Notify", "Freeze",
]
OBJECTS = [
    "the primary database", "the read replicas", "the load balancer pool",
    "DNS to the standby region", "the message queue consumers",
    "the object storage bucket", "the on-call channel", "the status page",
    "the TLS certificates", "the feature flags", "the batch schedulers",
]
CHECKS = [
    "Confirm the incident channel is open", "Backups verified in the last 24 hours",
    "Standby region capacity checked", "Stakeholders notified",
    "Change freeze announced", "Runbook owner reachable",
    "Monitoring dashboards open", "Access to the vault confirmed",
]
COURSES = ["dr-basics", "incident-commander", "tabletop-2024", "bcp-awareness",
           "on-call-101", "failover-drill"]
PEOPLE = ["alice", "bilal", "chen", "dana", "emil", "farah", "gus", "hana",
          "ivan", "jo", "kai", "lena", "marco"]


def iso(ts):
    """UTC date of a timestamp, YYYY-MM-DD (no time module: deterministic)."""
    days = ts // 86400
    # civil_from_days (Howard Hinnant), valid for the whole range used here
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return "%04d-%02d-%02d" % (y + (m <= 2), m, d)


def add_script_step(lines, path):
    """One more echo line at the end of a script; the oldest goes past 30 lines."""
    lines.insert(len(lines), "echo 'step %d'" % (len(lines) - 2))
    if len(lines) > 30:
        del lines[3]
    return "add a step to %s" % path.rsplit("/", 1)[-1], None


def bump_version(lines, name):
    """The minor version of the **Version:** line, one up."""
    for k, line in enumerate(lines[:8]):
        if line.startswith("**Version:**"):
            major, minor = line[13:].split(".")
            lines[k] = "**Version:** %s.%d" % (major, int(minor) + 1)
            break
    return "bump the version of %s" % name, None


class Corpus:
    def __init__(self, rng, nfiles):
        self.rng = rng
        self.paths = self.plan_paths(nfiles)
        self.content = {}     # path -> list of lines (main branch)
        self.mode = {}        # path -> "100644" / "100755"

    def plan_paths(self, nfiles):
        rng = self.rng
        fixed = ["README.md", "contacts.yml", "training/records.yml", "drills/log.yml"]
        nscripts = max(1, nfiles // 100)
        ndocs = max(1, nfiles // 10)
        nrunbooks = max(1, nfiles - len(fixed) - nscripts - ndocs)
        seen = set()
        runbooks = []
        i = 0
        while len(runbooks) < nrunbooks:
            team = rng.choice(TEAMS)
            area = rng.choice(AREAS)
            svc = "%s-%s" % (rng.choice(SERVICE_A), rng.choice(SERVICE_B))
            if i >= len(SERVICE_A) * len(SERVICE_B):
                svc += "-%d" % rng.randrange(1000)
            p = "runbooks/%s/%s/%s-runbook.md" % (team, area, svc)
            i += 1
            if p not in seen:
                seen.add(p)
                runbooks.append(p)
        docs = []
        while len(docs) < ndocs:
            p = "docs/%s/%s-%d.md" % (rng.choice(DOC_AREAS), rng.choice(DOC_TOPICS),
                                       rng.randrange(10 * ndocs + 10))
            if p not in seen:
                seen.add(p)
                docs.append(p)
        scripts = ["scripts/%s-%d.sh" % (rng.choice(["failover", "restore", "drain",
                                                      "rotate", "verify"]), k)
                   for k in range(nscripts)]
        paths = fixed + runbooks + docs + scripts
        rng.shuffle(paths)
        return paths

    # --- initial contents -------------------------------------------------

    def new_file(self, path, ts):
        rng = self.rng
        today = iso(ts)
        if path.endswith(".sh"):
            lines = ["#!/bin/sh", "# %s" % path, "set -eu"]
            lines += ["echo 'step %d'" % k for k in range(1, rng.randint(3, 8))]
            return lines, "100644"
        if path == "contacts.yml":
            lines = ["contacts:"]
            for person in PEOPLE:
                lines += ["  - name: %s" % person, "    phone: +1-555-%04d" % rng.randrange(10000),
                          "    role: on-call"]
            return lines, "100644"
        if path == "training/records.yml":
            return ["records:"] + self.training_entry(ts), "100644"
        if path == "drills/log.yml":
            return ["drills:"] + self.drill_entry(ts), "100644"
        if path == "README.md":
            return ["# Operational readiness", "", "Runbooks, plans and records.",
                    "", "**Last Updated:** %s" % today], "100644"
        name = path.rsplit("/", 1)[-1][:-3].replace("-", " ").title()
        owner = path.split("/")[1]
        lines = [
            "# %s" % name, "",
            "**Owner:** %s team" % owner,
            "**Last Updated:** %s" % today,
            "**Next Review:** %s" % iso(ts + 180 * 86400),
            "**Version:** 1.0", "",
            "## Overview", "",
            "%s. RTO: %d hours. RPO: %d minutes." % (name, rng.choice([1, 2, 4, 8, 24]),
                                                     rng.choice([5, 15, 30, 60])),
            "",
            "## Contacts", "",
            "- Primary on-call: %s (+1-555-%04d)" % (rng.choice(PEOPLE), rng.randrange(10000)),
            "- Escalation: %s" % rng.choice(PEOPLE), "",
            "## Pre-flight checklist", "",
        ]
        lines += self.checklist()
        lines += ["", "## Procedure", ""]
        lines += self.steps()
        lines += ["", "```sh", "./scripts/failover-0.sh --region standby", "```", "",
                  "## Verification", "", "- Error rate back under 1%", "- Dashboards green", ""]
        return lines, "100644"

    def checklist(self):
        """3-6 pre-flight items, 40% of them ticked with a ✅."""
        rng = self.rng
        return ["- [x] %s ✅" % check if rng.random() < 0.4 else "- [ ] %s" % check
                for check in rng.sample(CHECKS, rng.randint(3, 6))]

    def steps(self):
        """3-8 numbered procedure steps."""
        rng = self.rng
        return ["%d. %s %s" % (k, rng.choice(VERBS), rng.choice(OBJECTS))
                for k in range(1, rng.randint(4, 9))]

    def add_step(self, lines, start, end, name):
        """A numbered step before line `end`; the oldest goes past 15."""
        rng = self.rng
        steps = end - start
        lines.insert(end, "%d. %s %s" % (steps + 1, rng.choice(VERBS), rng.choice(OBJECTS)))
        if steps >= 14:
            del lines[start]
        return "add a step to %s" % name, None

    def training_entry(self, ts):
        rng = self.rng
        return ["  - person: %s" % rng.choice(PEOPLE), "    course: %s" % rng.choice(COURSES),
                "    completed: %s" % iso(ts)]

    def drill_entry(self, ts):
        rng = self.rng
        return ["  - date: %s" % iso(ts), "    scenario: %s" % rng.choice(DOC_TOPICS),
                "    result: %s" % rng.choice(["pass", "pass", "pass", "partial", "fail"])]

    # --- edits --------------------------------------------------------------

    def edit(self, lines, path, ts):
        """Apply one small edit in place; return (description, new mode or None)."""
        rng = self.rng
        if path.endswith(".sh"):
            if rng.random() < 0.05:
                return "make %s executable" % path.rsplit("/", 1)[-1], "100755"
            return add_script_step(lines, path)
        if path == "contacts.yml":
            k = 1 + 3 * rng.randrange(len(PEOPLE)) + 1
            lines[k] = "    phone: +1-555-%04d" % rng.randrange(10000)
            return "update an on-call number", None
        if path == "training/records.yml":
            lines.extend(self.training_entry(ts))
            if len(lines) > 601:
                del lines[1:4]
            return "record training", None
        if path == "drills/log.yml":
            lines.extend(self.drill_entry(ts))
            if len(lines) > 301:
                del lines[1:4]
            return "log a drill", None
        name = path.rsplit("/", 1)[-1][:-3]
        if "## Procedure" not in lines:
            lines[-1] = "**Last Updated:** %s" % iso(ts)
            return "update the date of %s" % name, None
        for k, line in enumerate(lines[:8]):
            if line.startswith("**Last Updated:**"):
                lines[k] = "**Last Updated:** %s" % iso(ts)
                break
        r = rng.random()
        if r < 0.3:
            return "update the date of %s" % name, None
        if r < 0.55:
            for k, line in enumerate(lines):
                if line.startswith("- [ ] "):
                    lines[k] = "- [x] %s ✅" % line[6:]
                    return "tick a checklist item in %s" % name, None
            k = lines.index("## Procedure") - 1
            lines.insert(k, "- [ ] %s" % rng.choice(CHECKS))
            return "add a checklist item to %s" % name, None
        if r < 0.8:
            return self.add_step(lines, lines.index("## Procedure") + 2,
                                 lines.index("```sh") - 1, name)
        if r < 0.9:
            for k, line in enumerate(lines):
                if line.startswith("- Primary on-call:"):
                    lines[k] = "- Primary on-call: %s (+1-555-%04d)" % (
                        rng.choice(PEOPLE), rng.randrange(10000))
                    break
            return "change the on-call of %s" % name, None
        return bump_version(lines, name)


# --- the conforming profile ---------------------------------------------------

NAMES = [
    "Alice Moreau", "Bilal Haddad", "Chen Wei", "Dana Okafor", "Emil Nowak",
    "Farah Iqbal", "Gus Lindqvist", "Hana Sato", "Ivan Petrov", "Jo Mensah",
    "Kai Berg", "Lena Fischer", "Marco Rossi", "Nadia Rahman", "Oscar Lund",
]
AREA_CODES = [206, 212, 303, 312, 415, 512, 617, 646, 720, 917]
MANDATORY = [
    "System Architecture Overview", "Incident Response Procedures", "Rollback Procedures",
    "Disaster Recovery Drills", "Monitoring and Alerting", "Documentation Standards",
]
SCRIPT_NOTES = ["run from the repository root", "idempotent", "safe to re-run",
                "needs the ops role", "dry run with DRY_RUN=1"]
# sections a document may lack (missing-section): never Overview, Emergency or
# Rollback Procedures or Contact Information, which the edits work in
OPTIONAL_SECTIONS = ["Disaster Recovery Procedures", "Support Team Readiness",
                     "Validation and Testing"]
PRIMARY = "- **Primary On-Call:** "


def owner_of(path):
    """The team (runbooks/<team>/...) or area (docs/<area>/...) owning a document."""
    if path.endswith(".md") and path.startswith(("runbooks/", "docs/")):
        return path.split("/")[1]
    return None


class ConformingCorpus(Corpus):
    """The same paths and edits, written the way a team that uses opsready
    keeps its documents: the pack's sections and metadata, real and verified
    contacts, executable scripts, and a few defects at DEFECT_RATES."""

    def __init__(self, rng, nfiles):
        Corpus.__init__(self, rng, nfiles)
        self.scripts = [p for p in self.paths if p.endswith(".sh")]
        self.present_scripts = []   # scripts written so far (on main)
        self.rotas = {}             # owner -> (primary, secondary, lead) numbers
        self.used_numbers = set()

    # --- phone numbers ----------------------------------------------------

    def nanp(self):
        """+1 NPA NXX XXXX: a real-looking North American number (never 555)."""
        rng = self.rng
        exchange = rng.randint(200, 998)
        if exchange == 555:
            exchange = 556
        return "+1 %d %03d %04d" % (rng.choice(AREA_CODES), exchange, rng.randrange(10000))

    def london(self):
        return "+44 20 3%03d %04d" % (self.rng.randrange(1000), self.rng.randrange(10000))

    def unique(self, make):
        while True:
            number = make()
            if number not in self.used_numbers:
                self.used_numbers.add(number)
                return number

    def rota(self, owner):
        """The team's on-call rota numbers: distinct for every team and role."""
        if owner not in self.rotas:
            lead = self.london if self.rng.random() < 0.3 else self.nanp
            self.rotas[owner] = (self.unique(self.nanp), self.unique(self.nanp),
                                 self.unique(lead))
        return self.rotas[owner]

    def mistype(self, number):
        """A defective copy of a +1 number: a dropped digit, an exchange
        starting with 1, or the 555-01xx fiction range left from a template."""
        rng = self.rng
        kind = rng.randrange(3)
        if kind == 0:
            return number[:-1]
        parts = number.split(" ")
        if kind == 1:
            parts[2] = "1" + parts[2][1:]
        else:
            parts[2], parts[3] = "555", "01%02d" % rng.randrange(100)
        return " ".join(parts)

    def script(self, kinds):
        """A script the corpus has, of one of `kinds` when there is one
        (preferring the ones already written)."""
        for pool in (self.present_scripts, self.scripts):
            fit = [p for p in pool if p[8:].split("-", 1)[0] in kinds]
            if fit:
                return fit[self.rng.randrange(len(fit))]
        pool = self.present_scripts or self.scripts
        return pool[self.rng.randrange(len(pool))]

    def missing_script(self):
        """A script name that no file has: a retired or renamed script."""
        return "scripts/%s-%d.sh" % (self.rng.choice(["failover", "restore", "drain"]),
                                     len(self.scripts) + self.rng.randrange(50))

    # --- initial contents -------------------------------------------------

    def new_file(self, path, ts):
        rng = self.rng
        if path.endswith(".sh"):
            lines = ["#!/bin/sh", "# %s" % path, "set -eu"]
            lines += ["echo 'step %d'" % k for k in range(1, rng.randint(3, 8))]
            self.present_scripts.append(path)
            return lines, "100755"
        if path == "contacts.yml":
            lines = ["contacts:"]
            for person in PEOPLE:
                lines += ["  - name: %s" % person, "    phone: %s" % self.nanp(),
                          "    role: on-call"]
            return lines, "100644"
        if owner_of(path) is None:
            return Corpus.new_file(self, path, ts)
        return self.document(path, ts), "100644"

    def document(self, path, ts):
        rng = self.rng
        today = iso(ts)
        owner = owner_of(path)
        name = path.rsplit("/", 1)[-1][:-3].replace("-", " ").title()
        up = "../" * path.count("/")
        defects = set(d for d, rate in DEFECT_RATES if rng.random() < rate)
        primary, secondary, lead = self.rota(owner)
        people = rng.sample(NAMES, 3)
        if "invalid-phone" in defects:
            if rng.random() < 0.5:
                primary = self.mistype(primary)
            else:
                secondary = self.mistype(secondary)
        dropped = rng.choice(OPTIONAL_SECTIONS) if "missing-section" in defects else None
        placeholder = rng.randrange(2) if "placeholder" in defects else None
        broken = rng.randrange(3) if "broken-reference" in defects else None
        failover = self.script(("failover",))
        rollback = self.missing_script() if broken == 0 else self.script(("drain", "rotate"))
        restore = self.missing_script() if broken == 1 else self.script(("restore",))
        verify = self.script(("verify",))

        lines = [
            "# %s" % name, "",
            "**Owner:** %s team" % owner,
            "**Last Updated:** %s" % today,
            "**Next Review:** %s" % iso(ts + NEXT_REVIEW_DAYS * DAY),
            "**Version:** 1.0",
            "**Document Status:** Approved", "",
            "## Overview", "",
            "%s, run by the %s team. RTO: %d hours. RPO: %d minutes." % (
                name, owner, rng.choice([1, 2, 4, 8, 24]), rng.choice([5, 15, 30, 60])),
            "",
            "## Emergency Procedures", "",
            "Use this procedure when the service is down or degraded in the primary region.",
            "",
            "### Pre-flight checklist", "",
        ]
        lines += self.checklist()
        lines += ["", "### Procedure", ""]
        lines += self.steps()
        lines += ["", "```sh", "./%s --region standby" % failover, "```", "",
                  "If the failover does not recover the service, follow the "
                  "[rollback procedures](#%s)." % (
                      "rollback-procedure" if broken == 2 else "rollback-procedures"),
                  ""]
        lines += ["## Rollback Procedures", "",
                  "1. Freeze the feature flags",
                  "2. Roll back the last deployment",
                  "3. Verify the error rate is back to normal", "",
                  "```sh"]
        if placeholder == 1:
            lines.append("# FIXME: pass the release id explicitly")
        lines += ["./%s --to previous" % rollback, "```", ""]
        if "empty-section" in defects:
            lines += ["### Known Issues", ""]
        if dropped != "Disaster Recovery Procedures":
            lines += ["## Disaster Recovery Procedures", "",
                      "1. Declare the disaster in the incident channel",
                      "2. Restore the latest snapshot in the standby region",
                      "3. Re-point DNS to the standby region"]
            if placeholder == 0:
                lines.append("4. TBD: confirm the standby capacity with the vendor")
            lines += ["", "```sh", "./%s --from-snapshot latest" % restore, "```", ""]
        if dropped != "Support Team Readiness":
            open_item = rng.randrange(len(MANDATORY)) if "unticked-mandatory" in defects else -1
            lines += ["## Support Team Readiness", "",
                      "The %s team keeps two trained responders on every rota." % owner, "",
                      "### Mandatory Training (100% Completion Required)", ""]
            for k, course in enumerate(MANDATORY):
                lines.append("- [%s] %s" % (" " if k == open_item else "x", course))
            lines += ["", "### Escalation", "",
                      "- Level 1 (0-15 minutes): the primary on-call",
                      "- Level 2 (15-60 minutes): the secondary on-call",
                      "- Level 3 (60+ minutes): the operations lead", ""]
        if dropped != "Validation and Testing":
            lines += ["## Validation and Testing", "",
                      "Failover is rehearsed every quarter and recorded in the "
                      "[drill log](%sdrills/log.yml). After a failover:" % up, "",
                      "```sh", "./%s --all" % verify, "```", "",
                      "- [x] Error rate back under 1% ✅",
                      "- [x] Dashboards green ✅"]
            if "in-progress" in defects:
                lines.append("- [ ] Quarterly restore test ⚠️ In Progress")
            lines.append("")
        lines += ["## Contact Information", "",
                  "%s%s, %s (verified %s)" % (PRIMARY, people[0], primary, today),
                  "- **Secondary On-Call:** %s, %s (verified %s)" % (people[1], secondary, today),
                  ]
        if path.startswith("docs/"):
            # plans carry the whole escalation chain; runbooks point to it
            lines.append("- **Operations Lead:** %s, %s (verified %s)" % (people[2], lead, today))
        else:
            lines += ["", "Beyond the on-call, escalate to the operations lead named in the "
                      "business-continuity plan."]
        lines.append("")
        return lines

    # --- edits --------------------------------------------------------------

    def edit(self, lines, path, ts):
        """The edits of the stress profile, on the conforming layout."""
        rng = self.rng
        if path.endswith(".sh"):
            if rng.random() < 0.05:  # scripts are executable from the start
                lines[1] = "# %s: %s" % (path, rng.choice(SCRIPT_NOTES))
                return "document %s" % path.rsplit("/", 1)[-1], None
            return add_script_step(lines, path)
        if path == "contacts.yml":
            k = 1 + 3 * rng.randrange(len(PEOPLE)) + 1
            lines[k] = "    phone: %s" % self.nanp()
            return "update an on-call number", None
        if owner_of(path) is None:
            return Corpus.edit(self, lines, path, ts)
        name = path.rsplit("/", 1)[-1][:-3]
        r = rng.random()
        if r < 0.3 or rng.random() >= FORGET_DATE:
            for k, line in enumerate(lines[:8]):
                if line.startswith("**Last Updated:**"):
                    lines[k] = "**Last Updated:** %s" % iso(ts)
                    break
        if r < 0.3:
            return "update the date of %s" % name, None
        if r < 0.55:
            start = lines.index("### Pre-flight checklist") + 2
            end = lines.index("### Procedure") - 1
            for k in range(start, end):
                if lines[k].startswith("- [ ] "):
                    lines[k] = "- [x] %s ✅" % lines[k][6:]
                    return "tick a checklist item in %s" % name, None
            lines.insert(end, "- [ ] %s" % rng.choice(CHECKS))
            return "add a checklist item to %s" % name, None
        if r < 0.8:
            start = lines.index("### Procedure") + 2
            return self.add_step(lines, start, lines.index("```sh", start) - 1, name)
        if r < 0.9:
            # a rota hand-over: a new person on the team's number, verified today
            for k, line in enumerate(lines):
                if line.startswith(PRIMARY):
                    number = line[len(PRIMARY):].split(", ", 1)[1].rsplit(" (verified ", 1)[0]
                    secondary = lines[k + 1].split(":** ", 1)[-1].split(", ", 1)[0]
                    person = rng.choice([n for n in NAMES if n != secondary])
                    lines[k] = "%s%s, %s (verified %s)" % (PRIMARY, person, number, iso(ts))
                    break
            return "change the on-call of %s" % name, None
        return bump_version(lines, name)

    def review(self, lines, ts):
        """A review sweep: Last Updated today, Next Review in 90 days, every
        contact re-verified today."""
        today = iso(ts)
        for k, line in enumerate(lines[:8]):
            if line.startswith("**Last Updated:**"):
                lines[k] = "**Last Updated:** %s" % today
            elif line.startswith("**Next Review:**"):
                lines[k] = "**Next Review:** %s" % iso(ts + NEXT_REVIEW_DAYS * DAY)
        k = len(lines) - 1
        while k > 8 and lines[k] != "## Contact Information":  # the last section
            if "(verified " in lines[k]:
                i = lines[k].rindex("(verified ")
                lines[k] = "%s(verified %s)%s" % (lines[k][:i], today, lines[k][i + 21:])
            k -= 1


def sweep_plan(rng, owned, paths, ninitial, end, budget):
    """(time, owner) of every review sweep, in time order: each owner every
    SWEEP_DAYS from a week after its first document arrives, the last one 3-60
    days before `end`; one team in SKIP_ONE_IN (at least one) skipped its last
    sweep. At most `budget` sweeps, the latest ones: with few commits the
    teams started their sweeps later."""
    skipped = set(rng.sample(TEAMS, max(1, len(TEAMS) // SKIP_ONE_IN)))
    index = {path: i for i, path in enumerate(paths)}
    plan = []
    for owner in sorted(owned):
        # documents arrive evenly until 90% of the history (see edit_commit)
        i = index[owned[owner][0]]
        first = START
        if i >= ninitial:
            first += (end - START) * 9 * (i - ninitial + 1) // (10 * (len(paths) - ninitial))
            first += 7 * DAY
        t = end - rng.randint(3, 60) * DAY + rng.randrange(8 * 3600, 18 * 3600)
        if owner in skipped:
            t -= SWEEP_DAYS * DAY
        while t > first:
            plan.append((t, owner))
            t -= SWEEP_DAYS * DAY
    plan.sort()
    return plan[max(0, len(plan) - budget):]


def sweep_message(rng, owner, nfiles):
    lines = ["Quarterly review of the %s documents" % owner, "",
             "Reviewed %d document%s: last-updated and next-review dates set, every "
             "contact re-verified." % (nfiles, "" if nfiles == 1 else "s"), ""]
    for reviewer in rng.sample(REVIEWERS, rng.randint(1, 2)):
        lines.append("Reviewed-by: %s" % reviewer)
    if rng.random() < 0.3:
        lines.append("Approved-by: %s" % rng.choice(APPROVERS))
    return "\n".join(lines) + "\n"


class Writer:
    """The fast-import stream."""

    def __init__(self, stream):
        self.stream = stream
        self.chunks = []
        self.size = 0
        self.mark = 0
        self.last_ts = 0

    def put(self, data):
        self.chunks.append(data)
        self.size += len(data)
        if self.size > 1 << 20:
            self.flush()

    def flush(self):
        self.stream.write(b"".join(self.chunks))
        self.chunks = []
        self.size = 0

    def blob(self, lines):
        self.mark += 1
        data = ("\n".join(lines) + "\n").encode()
        self.put(b"blob\nmark :%d\ndata %d\n%s\n" % (self.mark, len(data), data))
        return self.mark

    def commit(self, ref, author, ts, message, parent, merge, changes):
        self.mark += 1
        self.last_ts = ts
        name, email, tz = author
        msg = message.encode()
        head = "commit %s\nmark :%d\nauthor %s <%s> %d %s\ncommitter %s <%s> %d %s\n" % (
            ref, self.mark, name, email, ts, tz, name, email, ts, tz)
        parts = [head.encode(), b"data %d\n%s\n" % (len(msg), msg)]
        if parent:
            parts.append(b"from :%d\n" % parent)
        if merge:
            parts.append(b"merge :%d\n" % merge)
        for path, mode, mark in changes:
            parts.append(b"M %s :%d %s\n" % (mode.encode(), mark, path.encode()))
        parts.append(b"\n")
        self.put(b"".join(parts))
        return self.mark


def message(rng, summary):
    lines = [summary[0].upper() + summary[1:]]
    trailers = []
    if rng.random() < 0.25:
        for reviewer in rng.sample(REVIEWERS, rng.randint(1, 2)):
            trailers.append("Reviewed-by: %s" % reviewer)
    if rng.random() < 0.10:
        trailers.append("Approved-by: %s" % rng.choice(APPROVERS))
    if rng.random() < 0.3:
        lines += ["", "Routine maintenance of the readiness documents."]
    if trailers:
        lines += [""] + trailers
    return "\n".join(lines) + "\n"


def generate(out, nfiles, ncommits, seed, profile="conforming"):
    rng = random.Random(seed)
    conforming = profile == "conforming"
    corpus = ConformingCorpus(rng, nfiles) if conforming else Corpus(rng, nfiles)
    end = END_CONFORMING if conforming else END
    paths = corpus.paths
    ninitial = max(1, len(paths) // 3)
    added = ninitial
    hot = max(1, len(paths) // 10)

    # The conforming profile's review sweeps, (time, owner) in time order.
    # They have no time slot of their own: the other commits share the slots.
    sweeps = []
    owned = {}      # owner -> its documents, in path order
    if conforming:
        for path in paths:
            if owner_of(path):
                owned.setdefault(owner_of(path), []).append(path)
        sweeps = sweep_plan(rng, owned, paths, ninitial, end, ncommits // 4)
    nslots = max(ncommits - len(sweeps), 1)
    step = (end - START) // nslots

    proc = subprocess.Popen(["git", "-C", out, "fast-import", "--quiet", "--done"],
                            stdin=subprocess.PIPE)
    w = Writer(proc.stdin)
    commit_no = 0
    slot = 0

    def when():
        return START + slot * step + rng.randrange(max(1, step // 2))

    # the first commit
    ts = when()
    changes = []
    for path in paths[:ninitial]:
        lines, mode = corpus.new_file(path, ts)
        corpus.content[path] = lines
        corpus.mode[path] = mode
        changes.append((path, mode, w.blob(lines)))
    tip = w.commit("refs/heads/main", AUTHORS[0], ts, "Import the readiness documents\n",
                   None, None, changes)
    commit_no = slot = 1

    def pick(avoid):
        for _ in range(20):
            if rng.random() < 0.6:
                path = paths[rng.randrange(min(hot, added))]
            else:
                path = paths[rng.randrange(added)]
            if path not in avoid:
                return path
        return None

    def edit_commit(ref, parent, state, avoid):
        """One ordinary commit on `ref`; edits go to `state` (path -> lines)."""
        nonlocal added, commit_no, slot
        ts = when()
        author = AUTHORS[rng.randrange(len(AUTHORS))]
        changes = []
        summaries = []
        # files still to add: all of them by 90% of the history
        if ref == "refs/heads/main":
            due = ninitial + (len(paths) - ninitial) * slot * 10 // (9 * nslots)
            due = min(due, len(paths))
            while added < due:
                path = paths[added]
                lines, mode = corpus.new_file(path, ts)
                corpus.content[path] = lines
                corpus.mode[path] = mode
                changes.append((path, mode, w.blob(lines)))
                summaries.append("add %s" % path.rsplit("/", 1)[-1])
                added += 1
        touched = set(c[0] for c in changes)
        for _ in range(rng.randint(1, 5) - min(len(changes), 4)):
            path = pick(avoid | touched)
            if path is None:
                continue
            touched.add(path)
            if path not in state:
                state[path] = list(corpus.content[path])
            desc, mode = corpus.edit(state[path], path, ts)
            if mode:
                corpus.mode[path] = mode
            changes.append((path, corpus.mode[path], w.blob(state[path])))
            summaries.append(desc)
        if not changes:
            path = paths[0]
            changes.append((path, corpus.mode[path], w.blob(corpus.content[path])))
            summaries.append("touch %s" % path)
        summary = summaries[0] if len(summaries) == 1 else "%s (+%d more)" % (
            summaries[0], len(summaries) - 1)
        mark = w.commit(ref, author, ts, message(rng, summary), parent, None, changes)
        commit_no += 1
        slot += 1
        return mark, [c[0] for c in changes]

    next_sweep = 0
    while commit_no < ncommits:
        if next_sweep < len(sweeps) and sweeps[next_sweep][0] < START + slot * step:
            # a review sweep: one commit for all the documents of one owner, at
            # its planned time (or just after the commit before it)
            due, owner = sweeps[next_sweep]
            next_sweep += 1
            files = [path for path in owned[owner] if path in corpus.content]
            if not files:
                continue
            ts = max(due, w.last_ts + 1)
            changes = []
            for path in files:
                corpus.review(corpus.content[path], ts)
                changes.append((path, corpus.mode[path], w.blob(corpus.content[path])))
            tip = w.commit("refs/heads/main", AUTHORS[rng.randrange(len(AUTHORS))], ts,
                           sweep_message(rng, owner, len(files)), tip, None, changes)
            commit_no += 1
        elif ncommits - commit_no >= 8 and rng.random() < 0.04:
            # a side branch, merged into main after main moved on
            side_state = {}
            side_tip = tip
            side_paths = set()
            for _ in range(rng.randint(1, 3)):
                side_tip, touched = edit_commit("refs/heads/side", side_tip, side_state, set())
                side_paths.update(touched)
            for _ in range(rng.randint(0, 2)):
                tip, _touched = edit_commit("refs/heads/main", tip, corpus.content, side_paths)
            ts = when()
            changes = []
            for path in sorted(side_paths):
                corpus.content[path] = side_state[path]
                changes.append((path, corpus.mode[path], w.blob(side_state[path])))
            tip = w.commit("refs/heads/main", AUTHORS[rng.randrange(len(AUTHORS))], ts,
                           message(rng, "merge branch 'side'"), tip, side_tip, changes)
            commit_no += 1
            slot += 1
        else:
            tip, _touched = edit_commit("refs/heads/main", tip, corpus.content, set())

    w.put(b"done\n")
    w.flush()
    proc.stdin.close()
    if proc.wait() != 0:
        sys.exit("gen-corpus: git fast-import failed")
    return commit_no


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--commits", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", choices=["conforming", "stress"], default="conforming",
                        help="conforming (the default): documents kept to the pack, "
                        "defects at realistic rates; stress: every document breaks ~11 rules")
    parser.add_argument("--no-checkout", action="store_true",
                        help="leave the work tree empty (the history is all a benchmark needs)")
    args = parser.parse_args()
    if args.files < 8 or args.commits < 1:
        parser.error("--files must be at least 8 and --commits at least 1")
    if os.path.exists(args.out_dir) and os.listdir(args.out_dir):
        parser.error("%s exists and is not empty" % args.out_dir)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
    os.environ.update(env)
    subprocess.run(["git", "init", "-q", "-b", "main", args.out_dir], check=True)
    ncommits = generate(args.out_dir, args.files, args.commits, args.seed, args.profile)
    subprocess.run(["git", "-C", args.out_dir, "update-ref", "-d", "refs/heads/side"],
                   check=False, stderr=subprocess.DEVNULL)
    if not args.no_checkout:
        subprocess.run(["git", "-C", args.out_dir, "reset", "-q", "--hard"], check=True)
    print("gen-corpus: %s: %d files, %d commits (seed %d%s)" % (
        args.out_dir, args.files, ncommits, args.seed,
        ", profile %s" % args.profile))


if __name__ == "__main__":
    main()
