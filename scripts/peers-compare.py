"""Differential check of riveter against checkov and trivy, run by scripts/check-peers.

The three tools scan the built-in packs' fixtures (rule-packs/tests/), riveter with every
built-in pack, given by its file. Every failure a peer reports is keyed by the block it is on (file and the line
where the block starts, which the script finds itself from the Terraform text) and, for a block
of a called module, by the module instance (`module.logs[0]`); the instances of one block made by
its own `count` or `for_each` are one resource, as riveter judges them.

A peer's failure (scanner, id, resource) is
- matched when riveter fails the same resource with a check whose `peers:` (in the catalog,
  rule-packs/checks/*.yml) lists that id for that scanner;
- documented when the id is listed, with the reason, in rule-packs/peers/not-checked.yml. A reason
  "riveter checks it as ID" (not followed by "on ...", which names another resource) is a claim
  this script verifies: riveter must fail the same resource with that check;
- unexplained otherwise, which fails the run.

Also reported, without failing: a riveter check listing a peer id that fails a resource the peer
does not fail (a wrong alias, or a difference to look at), entries of the list that no longer
apply, and blocks a peer reads that riveter does not judge.
"""

import argparse
import concurrent.futures
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

SCANNERS = ("checkov", "trivy")
CENSUS = "check-peers-census"
TIMEOUT = 900


class Failure(Exception):
    """A tool crashed or said something this script cannot read: the run cannot be trusted."""


def run(cmd, cwd):
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise Failure(f"{' '.join(map(str, cmd))} did not finish in {TIMEOUT} s") from None
    except OSError as exc:
        raise Failure(f"{cmd[0]} could not be started: {exc}") from None


def json_output(proc, tool):
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise Failure(f"{tool} wrote no JSON report ({exc}), exit code {proc.returncode}: "
                      f"{proc.stderr.strip()[-2000:]}") from None


def bare_trivy_id(peer_id):
    """Older trivy releases printed `AVD-AWS-0107` for what 0.76 prints `AWS-0107`."""
    return peer_id[4:] if peer_id.startswith("AVD-") else peer_id


# --- Where a block is -----------------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    file: str
    start: int
    end: int
    kind: str
    labels: tuple

    @property
    def address(self):
        """The block's address within its module, as riveter writes it."""
        if self.kind == "resource" and len(self.labels) == 2:
            return f"{self.labels[0]}.{self.labels[1]}"
        if self.kind in ("data", "module", "provider"):
            return ".".join((self.kind,) + self.labels)
        return " ".join((self.kind,) + tuple(f'"{label}"' for label in self.labels))

    @property
    def census_type(self):
        """What a rule's resource_type names to select this block (docs/rules.md)."""
        if self.kind == "resource":
            return "*"
        if self.kind == "data" and self.labels:
            return f"data.{self.labels[0]}"
        if self.kind == "module":
            return "module"
        if self.kind == "provider" and self.labels:
            return f"provider.{self.labels[0]}"
        return None


BLOCK_START = re.compile(r'^([A-Za-z_][\w-]*)((?:\s+"[^"]*")*)\s*\{')
HEREDOC = re.compile(r'<<-?\s*"?([A-Za-z_]\w*)"?\s*$')


def top_level_blocks(path, name):
    """The top-level blocks of a Terraform file, from its text. The fixtures are written in
    `terraform fmt`'s layout: a block starts at the left margin and ends at the first `}` there;
    heredocs and /* */ comments are skipped, since a `}` inside them ends nothing."""
    blocks = []
    current = None
    heredoc = None
    comment = False
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
            continue
        if comment:
            comment = "*/" not in line
            continue
        if current is None:
            m = BLOCK_START.match(line)
            if m:
                labels = tuple(re.findall(r'"([^"]*)"', m.group(2)))
                current = (number, m.group(1), labels)
                # A block on one line: `data "x" "y" {}`.
                if line.count("{") == line.count("}"):
                    blocks.append(Block(name, number, number, current[1], current[2]))
                    current = None
            elif line.lstrip().startswith("/*") and "*/" not in line:
                comment = True
            continue
        m = HEREDOC.search(line)
        if m:
            heredoc = m.group(1)
        elif line.startswith("}"):
            blocks.append(Block(name, current[0], number, current[1], current[2]))
            current = None
        elif line.lstrip().startswith("/*") and "*/" not in line:
            comment = True
    if current is not None:
        raise Failure(f"{name}:{current[0]}: the block that starts here has no `}}` at the left "
                      "margin; write the fixture in `terraform fmt`'s layout")
    return blocks


class Blocks:
    """Every top-level block of the fixtures' Terraform files, by file (relative to the root)."""

    def __init__(self, root, fixtures):
        self.by_file = {}
        for path in sorted(fixtures.rglob("*")):
            if path.is_file() and path.suffix == ".tf":
                name = path.relative_to(root).as_posix()
                self.by_file[name] = top_level_blocks(path, name)

    def all(self):
        return [b for blocks in self.by_file.values() for b in blocks]

    def require(self, file, tool, what):
        if file not in self.by_file:
            raise Failure(f"{tool} reports {what} in {file}, which is not a Terraform file of the "
                          "fixtures this script can read (only .tf files are)")

    def containing(self, file, line, tool, what):
        self.require(file, tool, what)
        for block in self.by_file[file]:
            if block.start <= line <= block.end:
                return block
        raise Failure(f"{tool} reports {what} at {file}:{line}, which is in no top-level block")

    def named(self, file, address):
        for block in self.by_file.get(file, []):
            if block.address == address:
                return block
        return None


def strip_index(address):
    """`aws_s3_bucket.this["raw"]` -> `aws_s3_bucket.this`: a block's own count or for_each."""
    return re.sub(r'\[[^\]]*\]$', "", address)


MODULE_PREFIX = re.compile(r'^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*)')


# --- What each tool reports -----------------------------------------------------------------

@dataclass
class PeerReport:
    version: str
    failed: dict   # (id, key) -> the check's name
    passed: set    # (id, key), when the scanner reports passes per resource (checkov)
    blocks: dict   # key -> Block, every resource the scanner reported on
    unlocated: dict  # id -> (name, where): failures the scanner tied to no resource


def checkov_report(checkov, fixtures, root, blocks):
    # --quiet would leave out the passes, which tell a wrong alias from a check that does not
    # apply; --skip-download keeps it from asking Prisma Cloud for anything.
    proc = run([checkov, "-d", str(fixtures), "--framework", "terraform", "-o", "json",
                "--skip-download"], root)
    if proc.returncode not in (0, 1):
        raise Failure(f"checkov exited with {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    doc = json_output(proc, "checkov")
    # One report per framework that found something: a list when there are several, and a bare
    # summary when there was nothing to scan.
    if isinstance(doc, list):
        doc = next((d for d in doc if d.get("check_type") == "terraform"), None)
        if doc is None:
            raise Failure("checkov wrote no report for the terraform framework")
    if "results" not in doc:
        raise Failure(f"checkov found nothing to scan in {fixtures}: {doc}")
    results = doc["results"]
    if results.get("parsing_errors"):
        raise Failure(f"checkov could not parse: {results['parsing_errors']}")
    report = PeerReport(doc["summary"]["checkov_version"], {}, set(), {}, {})
    for outcome in ("failed_checks", "passed_checks"):
        for check in results.get(outcome, []):
            file = Path(check["file_abs_path"]).resolve().relative_to(root).as_posix()
            line = check["file_line_range"][0]
            address = check["resource"]
            what = f"{check['check_id']} on {address}"
            block = blocks.containing(file, line, "checkov", what)
            instance = MODULE_PREFIX.match(address).group(1).rstrip(".")
            own = strip_index(address[len(instance) + 1 if instance else 0:])
            if block.start != line or (block.kind in ("resource", "data")
                                       and own not in (block.address, block.address[5:])):
                raise Failure(f"checkov places {what} at {file}:{line}, where the block is "
                              f"{block.address} at line {block.start}")
            key = (file, block.start, instance)
            report.blocks[key] = block
            if outcome == "failed_checks":
                report.failed[(check["check_id"], key)] = check["check_name"]
            else:
                report.passed.add((check["check_id"], key))
    return report


def trivy_report(trivy, cache, fixtures, root, blocks):
    # --skip-check-update: the checks built into the binary, no download of the checks bundle;
    # --skip-version-check and --disable-telemetry: no other request. Its cache stays in the
    # tool cache, never in the user's home.
    proc = run([trivy, "config", "--quiet", "--skip-check-update", "--skip-version-check",
                "--disable-telemetry", "--cache-dir", str(cache), "--misconfig-scanners",
                "terraform", "-f", "json", str(fixtures)], root)
    if proc.returncode != 0:
        raise Failure(f"trivy exited with {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    doc = json_output(proc, "trivy")
    report = PeerReport(doc.get("Trivy", {}).get("Version", "?"), {}, set(), {}, {})
    base = fixtures.relative_to(root)
    for result in doc.get("Results") or []:
        for misconf in result.get("Misconfigurations") or []:
            if misconf["Status"] != "FAIL":
                continue
            peer_id, cause = misconf["ID"], misconf["CauseMetadata"]
            resource = cause.get("Resource")
            what = f"{peer_id} on {resource}"
            if not resource:
                # A finding about the configuration as a whole (a VM that no network interface
                # refers to), with no resource or file to put it on.
                where = (base / result["Target"]).as_posix()
                report.unlocated[peer_id] = (misconf["Title"], where)
                continue
            file = (base / result["Target"]).as_posix()
            if resource.startswith("module."):
                # A block of a called module: trivy names the outermost call, and lists the calls
                # from the innermost out in Occurrences.
                calls = [o["Resource"] for o in cause.get("Occurrences") or []
                         if o.get("Resource", "").startswith("module.")]
                instance = ".".join(reversed(calls)) if calls else resource
                block = blocks.containing(file, cause["StartLine"], "trivy", what)
            else:
                instance = ""
                own = strip_index(resource)
                blocks.require(file, "trivy", what)
                block = blocks.named(file, own) or blocks.named(file, f"data.{own}")
                if block is None:
                    raise Failure(f"trivy reports {what} in {file}, which has no such block")
                if not block.start <= cause["StartLine"] <= block.end:
                    raise Failure(f"trivy reports {what} at {file}:{cause['StartLine']}, outside "
                                  f"that block (lines {block.start}-{block.end})")
            key = (file, block.start, instance)
            report.blocks[key] = block
            report.failed[(bare_trivy_id(peer_id), key)] = misconf["Title"]
    return report


@dataclass
class RiveterReport:
    failed: dict   # key -> {rule id}
    unknown: dict  # key -> {rule id}
    judged: set    # every key riveter judged


def riveter_report(riveter, packs, fixtures, root, blocks, tmp):
    # A rule that every block the fixtures hold satisfies (no block sets this attribute) lists
    # every resource riveter judges, including those no pack's check applies to.
    types = sorted({b.census_type for b in blocks.all() if b.census_type})
    census = Path(tmp) / "census.yml"
    census.write_text(yaml.safe_dump({"rules": [{
        "id": CENSUS, "name": "Every block riveter judges", "resource_type": types,
        "assertions": [{"key": "check_peers_census_unset_attribute", "operator": "not_exists"}],
    }]}), encoding="utf-8")
    cmd = [riveter, "scan", "-r", str(census), "-t", str(fixtures), "--root", str(root),
           "--format", "json"]
    for pack in packs:
        cmd += ["-p", pack]
    proc = run(cmd, root)
    if proc.returncode not in (0, 1):
        raise Failure(f"riveter exited with {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    doc = json_output(proc, "riveter")
    if doc.get("errors"):
        raise Failure(f"riveter could not read the fixtures: {doc['errors']}")
    report = RiveterReport(defaultdict(set), defaultdict(set), set())
    for result in doc["results"]:
        res = result["resource"]
        if res is None:
            continue
        instance = (res.get("module_instance") or {}).get("address", "")
        block = blocks.containing(res["file"], res["line"], "riveter", res["address"])
        if block.start != res["line"]:
            raise Failure(f"riveter places {res['address']} at {res['file']}:{res['line']}, "
                          f"inside {block.address}, which starts at line {block.start}")
        key = (res["file"], res["line"], instance)
        report.judged.add(key)
        status = result["status"]
        if status == "suppressed":
            status = result["suppression"]["original_status"]
        if result["rule_id"] == CENSUS:
            continue
        if status == "fail":
            report.failed[key].add(result["rule_id"])
        elif status == "unknown":
            report.unknown[key].add(result["rule_id"])
    return report


# --- What the project says ------------------------------------------------------------------

def catalog_peers(checks_dir):
    """{check id: {scanner: {peer id}}} from every catalog file, whoever added it."""
    peers = {}
    files = sorted(checks_dir.glob("*.yml")) + sorted(checks_dir.glob("*.yaml"))
    if not files:
        raise Failure(f"no catalog files in {checks_dir}")
    for path in files:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in doc.get("rules") or []:
            if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
                raise Failure(f"{path}: a check without an id: {rule!r:.200}")
            listed = rule.get("peers") or {}
            if not isinstance(listed, dict):
                raise Failure(f"{path}: {rule['id']}: `peers` is not a map of scanner to ids")
            peers[rule["id"]] = {}
            for scanner, ids in listed.items():
                ids = [ids] if isinstance(ids, str) else ids or []
                peers[rule["id"]][scanner] = {
                    bare_trivy_id(str(i)) if scanner == "trivy" else str(i) for i in ids}
    return peers


# A reason that starts "riveter checks it as ID[, ID | or ID | and ID...]" claims those checks
# fail the resource the peer flags, unless " on ..." follows (another resource). Anywhere else in
# a reason, "riveter checks ... as ID..." only has to name checks that exist.
CHECK_ID = r"[a-z0-9]+(?:-[a-z0-9]+)+"
CHECK_IDS = rf"({CHECK_ID}(?:(?:, | or | and ){CHECK_ID})*)"
CHECKED_AS = re.compile(rf"^riveter checks it as {CHECK_IDS}(.*)$")
NAMES_CHECKS = re.compile(rf"riveter checks [^;:.]*?\bas {CHECK_IDS}")


@dataclass(frozen=True)
class Reason:
    text: str
    # The checks a reason "riveter checks it as ID" names, and whether it says they are on the
    # same resource: then this script verifies, for every failure the reason is to explain, that
    # riveter fails that resource with one of them (or cannot decide it before plan).
    checks: tuple = ()
    same_resource: bool = False


def documented(path, catalog):
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(doc) - set(SCANNERS)
    if unknown:
        raise Failure(f"{path}: unknown scanners {sorted(unknown)} "
                      f"(expected {', '.join(SCANNERS)})")
    reasons = {}
    for scanner in SCANNERS:
        reasons[scanner] = {}
        for ids, text in (doc.get(scanner) or {}).items():
            if not isinstance(text, str) or not text.strip() or "\n" in text.strip():
                raise Failure(f"{path}: {scanner}: {ids}: the reason must be one line of text")
            named = [c for m in NAMES_CHECKS.finditer(text)
                     for c in re.split(r", | or | and ", m.group(1))]
            missing = [c for c in named if c not in catalog]
            if missing:
                raise Failure(f"{path}: {scanner}: {ids}: no catalog check {missing}")
            reason = Reason(text)
            m = CHECKED_AS.match(text)
            if m:
                checks = tuple(re.split(r", | or | and ", m.group(1)))
                reason = Reason(text, checks, not m.group(2).startswith(" on "))
            for peer_id in re.split(r"[,\s]+", str(ids).strip(", ")):
                if scanner == "trivy":
                    peer_id = bare_trivy_id(peer_id)
                if peer_id in reasons[scanner]:
                    raise Failure(f"{path}: {scanner}: {peer_id} is listed twice")
                reasons[scanner][peer_id] = reason
    return reasons


# --- The comparison -------------------------------------------------------------------------

def display(key, block):
    file, line, instance = key
    return f"{file}:{line} {instance + '.' if instance else ''}{block.address}"


def explain(peer_id, key, ours, listed_by, reasons):
    """How riveter answers one failure of a peer: (outcome, why), the outcome being matched,
    documented or unexplained."""
    failing = ours.failed.get(key, set())
    if failing & listed_by[peer_id]:
        return "matched", "riveter fails it with " + ", ".join(sorted(failing & listed_by[peer_id]))
    reason = reasons.get(peer_id)
    deciding = failing | ours.unknown.get(key, set())
    if reason is not None and (not reason.same_resource or deciding & set(reason.checks)):
        return "documented", reason.text
    if reason is not None:
        return "unexplained", (f"documented as checked by {' or '.join(reason.checks)}, "
                               "which does not fail it")
    if key not in ours.judged:
        return "unexplained", "riveter does not judge this block"
    if failing:
        return "unexplained", "riveter fails it with " + ", ".join(sorted(failing))
    if ours.unknown.get(key):
        return "unexplained", "riveter cannot decide " + ", ".join(sorted(ours.unknown[key]))
    return "unexplained", ""


def compare(scanner, report, ours, blocks, peers, reasons, verbose):
    """Prints the scanner's summary and findings; returns the number of unexplained failures."""
    listed_by = defaultdict(set)  # peer id -> the checks that list it
    for check, by_scanner in peers.items():
        for peer_id in by_scanner.get(scanner, ()):
            listed_by[peer_id].add(check)
    # (outcome, peer id, where and what, why) for every failure, the unlocated ones included.
    outcomes = []
    for (peer_id, key), name in sorted(report.failed.items()):
        outcome, why = explain(peer_id, key, ours, listed_by, reasons)
        where = display(key, report.blocks[key])
        outcomes.append((outcome, peer_id, f"{where} {peer_id} ({name})", why))
    for peer_id, (name, where) in sorted(report.unlocated.items()):
        outcome = "documented" if peer_id in reasons else "unexplained"
        why = reasons[peer_id].text if peer_id in reasons else ""
        outcomes.append((outcome, peer_id, f"{where} (no resource named) {peer_id} ({name})", why))

    count = defaultdict(int)
    by_id = defaultdict(set)  # peer id -> its outcomes
    for outcome, peer_id, _, _ in outcomes:
        count[outcome] += 1
        by_id[peer_id].add(outcome)
    compared = len(ours.judged | set(report.blocks))
    print(f"{scanner} {report.version}: {compared} resources compared, {len(outcomes)} failures: "
          f"{count['matched']} matched, {count['documented']} documented, "
          f"{count['unexplained']} unexplained")
    for outcome, _, line, why in outcomes:
        if outcome == "unexplained" or verbose:
            print(f"  {outcome}: {line}" + (f"  [{why}]" if why else ""))

    # Reported, not failed: what may be wrong on riveter's side or in the list.
    for key, checks in sorted(ours.failed.items()):
        for check in sorted(checks):
            for peer_id in sorted(peers.get(check, {}).get(scanner, ())):
                if (peer_id, key) in report.failed:
                    continue
                verdict = ("passes it" if (peer_id, key) in report.passed
                           else "does not report it" if scanner == "checkov"
                           else "does not fail it")
                block = (report.blocks.get(key)
                         or blocks.containing(key[0], key[1], "riveter", check))
                print(f"  note: {display(key, block)}: riveter's {check} fails it and lists "
                      f"{peer_id}; {scanner} {verdict}")
    # An entry that explains nothing any more: the checks' peers match every failure it was
    # written for, or the peer no longer flags anything with that id.
    for peer_id in sorted(reasons):
        if not by_id[peer_id]:
            print(f"  note: {peer_id} is documented, but {scanner} flags nothing with it on the "
                  "fixtures")
        elif by_id[peer_id] == {"matched"}:
            print(f"  note: {peer_id} is documented, but riveter's checks match every failure "
                  f"{scanner} reports with it: the entry can go")
    for key in sorted(k for k in report.blocks if k not in ours.judged):
        print(f"  note: {display(key, report.blocks[key])}: {scanner} reads it, riveter does not "
              "judge it")
    return count["unexplained"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--riveter", required=True)
    ap.add_argument("--checkov", required=True)
    ap.add_argument("--trivy", required=True)
    ap.add_argument("--trivy-cache", required=True, type=Path)
    ap.add_argument("--root", required=True, type=Path, help="what report paths are relative to")
    ap.add_argument("--fixtures", required=True, type=Path)
    ap.add_argument("--packs", required=True, type=Path, help="the folder of the built-in packs")
    ap.add_argument("--checks", required=True, type=Path, help="the catalog's folder")
    ap.add_argument("--documented", required=True, type=Path)
    ap.add_argument("--verbose", action="store_true",
                    help="print every failure, matched and documented ones too, and why")
    args = ap.parse_args()
    root = args.root.resolve()
    fixtures = args.fixtures.resolve()

    # Every built-in pack, given by its file: riveter then reads the catalog of this checkout
    # from rule-packs/checks/, the one whose `peers:` this script reads, whichever binary runs.
    packs = [str(path.resolve()) for path in sorted(args.packs.glob("*.yml"))]
    if not packs:
        raise Failure(f"no rule packs in {args.packs}")
    peers = catalog_peers(args.checks)
    reasons = documented(args.documented, peers)
    blocks = Blocks(root, fixtures)

    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        jobs = {
            "riveter": pool.submit(riveter_report, args.riveter, packs, fixtures, root, blocks,
                                   tmp),
            "checkov": pool.submit(checkov_report, args.checkov, fixtures, root, blocks),
            "trivy": pool.submit(trivy_report, args.trivy, args.trivy_cache, fixtures, root,
                                 blocks),
        }
        try:
            reports = {name: job.result() for name, job in jobs.items()}
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise Failure(f"a report is not laid out as expected ({exc!r})") from None

    ours = reports["riveter"]
    print(f"riveter: {len(ours.judged)} resources judged with {len(packs)} packs in "
          f"{len(blocks.by_file)} files")
    unexplained = 0
    for scanner in SCANNERS:
        unexplained += compare(scanner, reports[scanner], ours, blocks, peers, reasons[scanner],
                               args.verbose)
    print(f"check-peers: {unexplained} unexplained; documented differences: {args.documented}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as exc:
        print(f"check-peers: error: {exc}", file=sys.stderr)
        sys.exit(2)
