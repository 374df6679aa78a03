"""Differential test of riveter against the Python riveter, run by scripts/check-python-riveter.

For every rule pack that ships inside the Python riveter, both tools scan the pack's fixture
folder with the same pack file, and their verdicts are compared per (rule id, resource
type.name). A pair that a tool did not evaluate (wrong type, filters not matched, rule skipped)
has the verdict `skipped`, so a rule that one tool applies and the other does not shows up as a
disagreement instead of disappearing.

The fixtures must also exercise every rule both ways under the Python riveter: a rule that only
ever passes (or only fails) would let a difference in the failing (passing) branch go unseen.

docs/compatibility.md lists the disagreements that are known and explained, and the rules that
the Python riveter can never pass, fail or apply; anything else fails the run, and so does a
listed entry that no longer happens.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

# riveter names the rule it could not load as `FILE:LINE: rule "ID": reason`.
LOAD_ERROR = re.compile(r':\d+: rule "(?P<id>[^"]+)": (?P<reason>.*)$')


class Failure(Exception):
    """A tool crashed or said something this script cannot read: the run cannot be trusted."""


def run(cmd, cwd):
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        raise Failure(f"{' '.join(cmd)} did not finish in 300 s") from None


def record(verdicts, key, verdict, tool):
    # One verdict per rule and address: a second one means two resources share an address (which
    # Terraform rejects) or a tool reported a pair twice; either way the comparison is unsound.
    if key in verdicts:
        raise Failure(f"{tool} reported {key[0]} on {key[1]} twice")
    verdicts[key] = verdict


def python_verdicts(python_riveter, pack, fixtures, cwd):
    """Verdicts of the Python riveter: {(rule, resource): pass|fail}."""
    proc = run([python_riveter, "scan", "-r", str(pack), "-t", str(fixtures), "-f", "json"], cwd)
    # It exits 1 both for failed rules and for errors; only a JSON report tells them apart.
    if proc.returncode not in (0, 1):
        raise Failure(f"Python riveter exited with {proc.returncode}: {proc.stderr.strip()}")
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise Failure(
            f"Python riveter wrote no JSON report ({exc}), exit code {proc.returncode}: "
            f"{proc.stderr.strip()[-2000:]}"
        ) from None
    # Grouped by file when the results name files, else flat.
    results = [r for g in doc["files"] for r in g["results"]] if "files" in doc else doc["results"]
    if not results:
        raise Failure("Python riveter reported no result at all")
    verdicts = {}
    for r in results:
        # A rule that applies to nothing is one result with this message and no resource.
        if r["message"].startswith("SKIPPED:"):
            continue
        key = (r["rule_id"], f'{r["resource_type"]}.{r["resource_id"]}')
        record(verdicts, key, "pass" if r["passed"] else "fail", "Python riveter")
    return verdicts


def riveter_scan(riveter, pack, fixtures, cwd):
    proc = run([riveter, "scan", "-r", str(pack), "-t", str(fixtures), "--format", "json",
                "--root", str(fixtures)], cwd)
    return proc


def riveter_verdicts(riveter, pack, fixtures, cwd):
    """Verdicts of riveter, and {rule id: reason} for the rules it could not load.

    When the pack does not load, the rules that did not load are left out of a copy of the pack
    and the rest is scanned, so one bad rule does not hide what the others would do.
    """
    proc = riveter_scan(riveter, pack, fixtures, cwd)
    unloadable = {}
    if proc.returncode == 2 and "could not be loaded" in proc.stderr:
        for line in proc.stderr.splitlines():
            m = LOAD_ERROR.search(line)
            if m:
                unloadable.setdefault(m["id"], m["reason"])
        if not unloadable:
            raise Failure(f"riveter could not load the pack and named no rule: {proc.stderr.strip()}")
        doc = yaml.safe_load(pack.read_text(encoding="utf-8"))
        doc["rules"] = [r for r in doc["rules"] if r.get("id") not in unloadable]
        trimmed = Path(cwd) / pack.name
        trimmed.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
        proc = riveter_scan(riveter, trimmed, fixtures, cwd)
    if proc.returncode not in (0, 1):
        raise Failure(f"riveter exited with {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise Failure(f"riveter wrote no JSON report ({exc}): {proc.stderr.strip()[-2000:]}") from None
    if doc.get("errors"):
        raise Failure(f"riveter could not read the fixtures: {doc['errors']}")
    verdicts = {}
    for r in doc["results"]:
        if r["status"] == "skipped":
            continue
        res = r["resource"]
        record(verdicts, (r["rule_id"], f'{res["type"]}.{res["name"]}'), r["status"], "riveter")
    return verdicts, unloadable, doc["summary"]["resources"]


def markdown_tables(path):
    """Rows of the Markdown tables in `path`, keyed by the table's header cells."""
    tables, header = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip().strip("`").strip() for c in line.strip("|").split("|")]
        if header is None:
            header = tuple(c.lower() for c in cells)
            tables.setdefault(header, [])
        elif not all(re.fullmatch(r":?-+:?", c) for c in cells):
            if len(cells) != len(header):
                raise Failure(f"{path}: a row of the table {header} has {len(cells)} cells: {line}")
            tables[header].append(cells)
    return tables


VERB = {"pass": "passes", "fail": "fails"}
KNOWN_HEADER = ("pack", "rule", "resource", "python riveter", "riveter", "why")
NEVER_HEADER = ("pack", "rule", "python riveter never", "why")


def compare_pack(args, pack):
    name = pack.stem
    fixtures = args.fixtures / name
    if not fixtures.is_dir() or not list(fixtures.glob("*.tf")):
        raise Failure(f"no fixtures in {fixtures}")
    rules = [r["id"] for r in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]]
    with tempfile.TemporaryDirectory() as cwd:
        try:
            py = python_verdicts(args.python_riveter, pack, fixtures, cwd)
            ours, unloadable, resources = riveter_verdicts(args.riveter, pack, fixtures, cwd)
        except (KeyError, TypeError) as exc:
            raise Failure(f"{name}: a report is not laid out as expected ({exc!r})") from None
    pairs = {}
    for key in set(py) | set(ours):
        rule = key[0]
        theirs = py.get(key, "skipped")
        mine = "load-error" if rule in unloadable else ours.get(key, "skipped")
        pairs[key] = (theirs, mine)
    # A rule that neither tool applied to anything is one pair, so that it is counted, and a
    # rule that did not load is never left out.
    for rule in rules:
        if not any(k[0] == rule for k in pairs):
            mine = "load-error" if rule in unloadable else "skipped"
            pairs[(rule, "-")] = ("skipped", mine)
    coverage = {rule: set() for rule in rules}
    for (rule, _), verdict in py.items():
        coverage[rule].add(verdict)
    return name, len(rules), resources, pairs, unloadable, coverage


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--riveter", required=True)
    ap.add_argument("--python-riveter", required=True)
    ap.add_argument("--packs", required=True, type=Path)
    ap.add_argument("--fixtures", required=True, type=Path)
    ap.add_argument("--known", required=True, type=Path)
    args = ap.parse_args()

    packs = sorted(args.packs.glob("*.yml"))
    if not packs:
        raise Failure(f"no rule packs in {args.packs}")
    tables = markdown_tables(args.known)
    for header in (KNOWN_HEADER, NEVER_HEADER):
        if header not in tables:
            raise Failure(f"{args.known} has no table with the header {' | '.join(header)}")
    known = {tuple(row[:5]): row[5] for row in tables[KNOWN_HEADER]}
    never = {(row[0], row[1], row[2]): row[3] for row in tables[NEVER_HEADER]}
    for pack, rule, verdict in never:
        if verdict not in VERB:
            raise Failure(f"{args.known}: {pack} {rule}: 'never' must be pass or fail, not {verdict!r}")

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outcomes = list(pool.map(lambda p: compare_pack(args, p), packs))

    # Agreeing pairs pass; every problem counts as a failure (an unlisted disagreement, a rule the
    # fixtures do not exercise both ways, a stale entry), so a failing run never reads "0 failed".
    passed = failed = 0
    seen_known = set()
    for name, nrules, resources, pairs, unloadable, coverage in outcomes:
        agree = sum(1 for a, b in pairs.values() if a == b)
        print(f"{name}: {nrules} rules, {resources} resources, {agree} agreements, "
              f"{len(pairs) - agree} disagreements")
        passed += agree
        for rule, reason in sorted(unloadable.items()):
            print(f"{name} {rule}: riveter could not load it: {reason}")
        for (rule, resource), (theirs, mine) in sorted(pairs.items()):
            if theirs == mine:
                continue
            entry = (name, rule, resource, theirs, mine)
            if entry in known:
                seen_known.add(entry)
                print(f"{name} {rule} {resource} python={theirs} riveter={mine} (known)")
            else:
                failed += 1
                print(f"{name} {rule} {resource} python={theirs} riveter={mine}")
        for rule, verdicts in sorted(coverage.items()):
            for verdict in ("pass", "fail"):
                if verdict in verdicts:
                    if (name, rule, verdict) in never:
                        failed += 1
                        print(f"{name} {rule}: docs/compatibility.md says the Python riveter never "
                              f"gives {verdict}, but a fixture got it (stale entry)")
                    continue
                if (name, rule, verdict) in never:
                    continue
                failed += 1
                print(f"{name} {rule}: no fixture {VERB[verdict]} it under the Python riveter")
    for entry in sorted(set(known) - seen_known):
        failed += 1
        print("stale entry in docs/compatibility.md, this disagreement no longer happens: "
              + " ".join(entry))
    never_rules = {(p, r) for (p, r, _) in never}
    all_rules = {(o[0], r) for o in outcomes for r in o[5]}
    for entry in sorted(never_rules - all_rules):
        failed += 1
        print("stale entry in docs/compatibility.md, no such rule: " + " ".join(entry))
    print(f"check-python-riveter: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as exc:
        print(f"check-python-riveter: error: {exc}", file=sys.stderr)
        sys.exit(2)
