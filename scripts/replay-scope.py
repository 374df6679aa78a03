#!/usr/bin/env python3
"""Replays a repository's history through the pull-request gate, for docs/performance.md.

    scripts/replay-scope.py REPOSITORY COMMITS [RIVETER] [-- SCAN ARGS...]

REPOSITORY is a git repository (a clone or a bare mirror); it is cloned into a temporary
folder, never changed. For each of the last COMMITS first-parent commits, the commit is scanned
with `--changed-since PARENT --json`, which holds every result of the tree marked `in_scope`,
and compared with the scan of its parent:

- changed: results new at the commit, or whose status or assertions' values differ;
- missed: changed results out of scope (the gate must never miss one);
- in front of the author: failing or unknown results in scope, which the gate shows;
- spill: results in front of the author that the commit did not change.

SCAN ARGS default to `-p aws-security -p soc2-security`. RIVETER defaults to
target/release/riveter. With RIVETER_OLD=path, that binary's in-scope findings (it may not mark
results: its `--format json` standard output is then read) are counted too, for comparison.
"""

import json
import os
import subprocess
import sys
import tempfile


def run(args, cwd, check=True):
    return subprocess.run(args, cwd=cwd, check=check, capture_output=True, text=True)


def key(result):
    resource = result.get("resource") or {}
    # One module's instances have the same address under each root module that calls it.
    calls = (resource.get("module_instance") or {}).get("calls") or [{}]
    return (result["rule_id"], resource.get("address"), resource.get("file"),
            calls[0].get("file"))


def state(result):
    actuals = [a.get("actual") for a in result.get("assertions", [])]
    return (result["status"], json.dumps(actuals, sort_keys=True))


def scan(riveter, tree, scan_args, parent=None):
    with tempfile.TemporaryDirectory() as out:
        path = os.path.join(out, "report.json")
        args = [riveter, "scan", *scan_args, "--json", path, "--format", "json", "-o",
                os.path.join(out, "shown.json")]
        if parent:
            args += ["--changed-since", parent]
        done = run(args, tree, check=False)
        if done.returncode not in (0, 1):
            raise SystemExit(f"riveter failed at {parent}: {done.stderr[-2000:]}")
        with open(path) as f:
            full = json.load(f)["results"]
        with open(os.path.join(out, "shown.json")) as f:
            shown = json.load(f)["results"]
        return full, shown


def main():
    argv = sys.argv[1:]
    scan_args = ["-p", "aws-security", "-p", "soc2-security"]
    if "--" in argv:
        at = argv.index("--")
        argv, scan_args = argv[:at], argv[at + 1:]
    repository, count = argv[0], int(argv[1])
    riveter = os.path.abspath(argv[2] if len(argv) > 2 else "target/release/riveter")
    old = os.environ.get("RIVETER_OLD")
    with tempfile.TemporaryDirectory() as work:
        tree = os.path.join(work, "tree")
        run(["git", "clone", "-q", repository, tree], work)
        commits = run(["git", "rev-list", "--first-parent", f"-{count + 1}", "HEAD"],
                      tree).stdout.split()[::-1]
        totals = dict(commits=0, changed=0, missed=0, in_front=0, spill=0, old_in_front=0,
                      old_spill=0)
        run(["git", "checkout", "-q", commits[0]], tree)
        base, _ = scan(riveter, tree, scan_args)
        for parent, commit in zip(commits, commits[1:]):
            run(["git", "checkout", "-q", commit], tree)
            full, _ = scan(riveter, tree, scan_args, parent)
            before = {key(r): state(r) for r in base}
            changed = {key(r) for r in full if before.get(key(r)) != state(r)}
            missed = [r for r in full if key(r) in changed and not r.get("in_scope")]
            in_front = [r for r in full if r.get("in_scope") and r["resource"]
                        and r["status"] in ("fail", "unknown")]
            spill = [r for r in in_front if key(r) not in changed]
            totals["commits"] += 1
            totals["changed"] += len(changed)
            totals["missed"] += len(missed)
            totals["in_front"] += len(in_front)
            totals["spill"] += len(spill)
            line = (f"{commit[:10]}: {len(changed)} changed, {len(missed)} missed, "
                    f"{len(in_front)} in front of the author, {len(spill)} of them unchanged")
            if old:
                _, shown = scan(old, tree, scan_args, parent)
                old_front = [r for r in shown if r["resource"]
                             and r["status"] in ("fail", "unknown")]
                old_spill = [r for r in old_front if key(r) not in changed]
                totals["old_in_front"] += len(old_front)
                totals["old_spill"] += len(old_spill)
                line += f"; before: {len(old_front)} in front, {len(old_spill)} unchanged"
            for r in missed:
                line += f"\n  MISSED {key(r)} {state(r)}"
            print(line, flush=True)
            base = full
        print(json.dumps(totals))
        if totals["missed"]:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
