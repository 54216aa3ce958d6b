"""How well ``scan`` finds practices in real repositories: precision and recall per practice, against labels.

Two corpora of public ML repositories, each practice labelled ``present``, ``partial`` or ``absent``
by a person who read the files before any scanner ran on them:

* ``../shared/scan-corpus/`` beside the checkout (``--shared``): eight repositories, 21 practices;
  the probes were developed on them, so they count as development data;
* ``benchmarks/scan-corpus/`` (``--own``): labels in ``labels/dev/`` (the probes may be tuned on
  them) and ``labels/holdout/`` (kept back), trees in ``repos/`` (not committed; see its README),
  29 practices (the 21, then eight of LLM-based systems).

It is measurement data, not part of the project, and nothing in it is run.

A practice counts as detected in a repository when a finding that is not dismissed reports it (the
probe's ``practice`` in ``probes.yaml``) with strong strength; ``--weak`` counts weak ones too.
Per practice, the numbers are printed for the whole corpus, the development part and the held-out
part, in two views: ``present`` (a ``partial`` label is left out: a detection there is neither right
nor wrong) and ``present+partial`` (``partial`` counts as a positive). A practice no probe reports
is "not probed". The held-out part shows numbers only, unless ``--details``; ``--no-holdout`` leaves
it out altogether (read neither its labels nor its trees while tuning).

Then every "contradicted" and "unverified" verdict on the corpus, with file and line, for a person
to check: answers are made from the labels (``benchmarks/scan_corpus_verdicts.py`` says how).

Usage: python benchmarks/scan_corpus.py [--shared DIR] [--own DIR] [--weak] [--details] [--no-holdout]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from scan_corpus_verdicts import label_verdicts

from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.scan.io.probes_file import load_probes
from mlops_maturity.scan.io.run import scan_folder
from mlops_maturity.scan.verdicts.findings import Finding, ScanResult

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "scan-corpus"
OWN = ROOT / "benchmarks" / "scan-corpus"
PARTS = ("whole", "dev", "holdout")


@dataclass(frozen=True)
class Repo:
    id: str
    part: str  # "dev" or "holdout"
    tree: Path
    labels: dict[str, dict[str, object]]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn, self.tn = (
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.tn + other.tn,
        )


def repositories(shared: Path, own: Path, holdout: bool) -> Iterator[Repo]:
    """The labelled repositories of both corpora: development ones first, held-out ones last."""
    for label in sorted((shared / "labels").glob("*.yaml")):
        yield _repo(label, "dev", shared / "repos")
    for part in ("dev", "holdout") if holdout else ("dev",):
        for label in sorted((own / "labels" / part).glob("*.yaml")):
            yield _repo(label, part, own / "repos")


def _repo(label: Path, part: str, trees: Path) -> Repo:
    data = yaml.safe_load(label.read_text(encoding="utf-8"))
    return Repo(label.stem, part, trees / label.stem, data["practices"])


def detected(scan: ScanResult, weak: bool) -> dict[str, list[Finding]]:
    practice = {p.id: p.practice for p in scan.probes}
    out: dict[str, list[Finding]] = defaultdict(list)
    for finding in scan.findings:
        key = practice.get(finding.probe)
        if key and (weak or finding.strength == "strong"):
            out[key].append(finding)
    return out


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus (labels/, repos/)")
    parser.add_argument("--own", type=Path, default=OWN, help="this project's corpus (labels/dev, labels/holdout)")
    parser.add_argument("--weak", action="store_true", help="count weak findings as detections too")
    parser.add_argument("--details", action="store_true", help="list every miss and false alarm, held-out too")
    parser.add_argument("--no-holdout", action="store_true", help="leave the held-out part out (while tuning)")
    args = parser.parse_args()
    missing = [str(d) for d in (args.shared / "labels", args.own / "labels") if not d.is_dir()]
    if missing:
        print(f"no corpus at {', '.join(missing)}; pass --shared DIR / --own DIR", file=sys.stderr)
        return 2
    repos = list(repositories(args.shared, args.own, not args.no_holdout))
    absent_trees = [r.id for r in repos if not r.tree.is_dir()]
    if absent_trees:
        print(f"trees missing (see benchmarks/scan-corpus/README.md): {', '.join(absent_trees)}", file=sys.stderr)
        return 2
    q = load_questionnaire()
    probes = load_probes(None, q)
    probed = {p.practice for p in probes.probes if p.practice}
    views: dict[str, dict[str, dict[str, Tally]]] = {
        view: {part: defaultdict(Tally) for part in PARTS} for view in ("present", "present+partial")
    }
    order: list[str] = []
    verdict_lines: list[str] = []
    elapsed = 0.0
    for repo in repos:
        order += [key for key in repo.labels if key not in order]
        start = time.perf_counter()
        scan = scan_folder(repo.tree, probes, None, shown=repo.id)
        elapsed += time.perf_counter() - start
        found = detected(scan, args.weak)
        for practice, label in repo.labels.items():
            if practice in probed:
                _count(views, repo, practice, str(label["status"]), found.get(practice, []))
        if repo.part == "dev" or args.details:
            verdict_lines += label_verdicts(q, repo.id, repo.labels, scan, set(found))
    counted = "strong and weak findings" if args.weak else "strong findings"
    sizes = {part: sum(r.part == part for r in repos) for part in ("dev", "holdout")}
    print(
        f"scan corpus: {len(repos)} repositories ({sizes['dev']} development, {sizes['holdout']} held out), "
        f"{counted}, scanned in {elapsed:.2f} s"
    )
    for view, parts in views.items():
        _table(view, parts, order, probed)
        if args.details:
            _details(parts["whole"], order)
    print("\nVerdicts to check by reading the file (answers made from the labels; see scan_corpus_verdicts.py):")
    print("\n".join(verdict_lines) if verdict_lines else "  none")
    return 0


def _count(
    views: dict[str, dict[str, dict[str, Tally]]], repo: Repo, practice: str, status: str, hits: list[Finding]
) -> None:
    where = f"{repo.id}: {practice} ({status})"
    if hits:
        where += " at " + ", ".join(f"{f.where} [{f.probe}]" for f in hits[:3])
    for view, positive in (("present", status == "present"), ("present+partial", status != "absent")):
        if view == "present" and status == "partial":
            continue
        for part in ("whole", repo.part):
            tally = views[view][part][practice]
            if hits and positive:
                tally.tp += 1
            elif hits:
                tally.fp += 1
                tally.false_alarms.append(where)
            elif positive:
                tally.fn += 1
                tally.misses.append(where)
            else:
                tally.tn += 1


def _table(view: str, parts: dict[str, dict[str, Tally]], order: list[str], probed: set[str]) -> None:
    head = "".join(f"  {part + ' prec':>12} {'recall':>6} {'pos':>3}" for part in PARTS)
    print(f"\n{view:34}{head}   whole: tp  fp  fn  tn")
    totals = {part: Tally() for part in PARTS}
    for practice in order:
        if practice not in probed:
            print(f"{practice:34}  not probed")
            continue
        cells = ""
        for part in PARTS:
            t = parts[part][practice]
            totals[part].add(t)
            cells += f"  {fmt(t.precision()):>12} {fmt(t.recall()):>6} {t.tp + t.fn:3}"
        w = parts["whole"][practice]
        print(f"{practice:34}{cells}   {w.tp:8} {w.fp:3} {w.fn:3} {w.tn:3}")
    cells = "".join(f"  {fmt(t.precision()):>12} {fmt(t.recall()):>6} {t.tp + t.fn:3}" for t in totals.values())
    w = totals["whole"]
    print(f"{'all probed practices (micro)':34}{cells}   {w.tp:8} {w.fp:3} {w.fn:3} {w.tn:3}")


def _details(tallies: dict[str, Tally], order: list[str]) -> None:
    for practice in order:
        for line in tallies[practice].false_alarms:
            print(f"  false alarm  {line}")
        for line in tallies[practice].misses:
            print(f"  miss         {line}")


if __name__ == "__main__":
    sys.exit(main())
