"""How well ``scan`` finds practices in real repositories: precision and recall per practice, against labels.

Two corpora of public ML repositories, each practice labelled ``present``, ``partial`` or ``absent``
by a person who read the files before any scanner ran on them:

* ``../shared/scan-corpus/`` beside the checkout (``--shared``): eight repositories, 21 practices;
  the probes were developed on them, so they count as development data;
* ``benchmarks/scan-corpus/`` (``--own``), trees in ``repos/`` (not committed; see its README), 29
  practices (the 21, then eight of LLM-based systems), labels in parts: ``labels/dev/`` (the probes
  may be tuned on them), ``labels/holdout/`` to ``labels/holdout4/`` (four
  held-out sets: each was measured once at the end of a round of tuning and then seen, so they are
  "seen", no longer unseen; ``measured/`` keeps what each fresh measurement printed) and, when it
  is there, ``labels/holdout5/`` (kept back: "fresh", measured once at the end of the round that
  did not see it).

It is measurement data, not part of the project, and nothing in it is run.

A practice counts as detected in a repository when a finding that is not dismissed reports it (the
probe's ``practice`` in ``probes.yaml``) with strong strength; ``--weak`` counts weak ones too.
Per practice, the numbers are printed for the whole corpus, the development part, the seen held-out
parts and the fresh one (a part with no repositories is not shown), in two views: ``present`` (a
``partial`` label is left out: a detection there is neither right nor wrong) and ``present+partial``
(``partial`` counts as a positive), with micro totals for the classical practices, the LLM ones and
all. A practice no probe reports is "not probed". ``--details`` lists every miss and false alarm of
the development and seen parts; the fresh part shows numbers only, unless ``--fresh-details``;
``--no-fresh`` leaves it out altogether (read neither its labels nor its trees while tuning).

Then every "contradicted" and "unverified" verdict on the corpus (the fresh part only with
``--fresh-details``), with file and line, for a person to check: answers are made from the labels
(``benchmarks/scan_corpus_verdicts.py`` says how).

Usage: python benchmarks/scan_corpus.py [--shared DIR] [--own DIR] [--weak] [--details] [--no-fresh | --fresh-details]
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
SEEN = ("dev", "holdout", "holdout2", "holdout3", "holdout4")  # tuned on, or measured once and seen since
FRESH = "holdout5"  # kept back: no tuning reads its labels, trees or details
ALL_PARTS = ("whole", *SEEN, FRESH)
LLM_PRACTICES = frozenset(
    {
        "prompt_versioning",
        "llm_evaluation",
        "llm_evaluation_in_ci",
        "llm_tracing",
        "llm_guardrails",
        "model_version_pinning",
        "retrieval_index_pipeline",
        "llm_cost_monitoring",
    }
)
TARGET_PRECISION, TARGET_RECALL, TARGET_POSITIVES = 0.9, 0.8, 3  # issue 21's bar, per practice


@dataclass(frozen=True)
class Repo:
    id: str
    part: str  # "dev" or "holdout" to "holdout4" (seen), or "holdout5" (fresh)
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


def repositories(shared: Path, own: Path, fresh: bool) -> Iterator[Repo]:
    """The labelled repositories of both corpora: development ones first, then the seen held-out, the fresh last."""
    for label in sorted((shared / "labels").glob("*.yaml")):
        yield _repo(label, "dev", shared / "repos")
    for part in (*SEEN, FRESH) if fresh else SEEN:
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
    parser.add_argument("--own", type=Path, default=OWN, help="this project's corpus (labels/dev, holdout, ...)")
    parser.add_argument("--weak", action="store_true", help="count weak findings as detections too")
    parser.add_argument("--details", action="store_true", help="list every miss and false alarm (dev and seen parts)")
    fresh = parser.add_mutually_exclusive_group()
    fresh.add_argument("--no-fresh", action="store_true", help=f"leave the fresh part ({FRESH}) out, while tuning")
    fresh.add_argument("--fresh-details", action="store_true", help="details and verdicts of the fresh part too")
    args = parser.parse_args()
    missing = [str(d) for d in (args.shared / "labels", args.own / "labels") if not d.is_dir()]
    if missing:
        print(f"no corpus at {', '.join(missing)}; pass --shared DIR / --own DIR", file=sys.stderr)
        return 2
    repos = list(repositories(args.shared, args.own, not args.no_fresh))
    absent_trees = [r.id for r in repos if not r.tree.is_dir()]
    if absent_trees:
        print(f"trees missing (see benchmarks/scan-corpus/README.md): {', '.join(absent_trees)}", file=sys.stderr)
        return 2
    q = load_questionnaire()
    probes = load_probes(None, q)
    probed = {p.practice for p in probes.probes if p.practice}
    parts = tuple(p for p in ALL_PARTS if p == "whole" or any(r.part == p for r in repos))
    views: dict[str, dict[str, dict[str, Tally]]] = {
        view: {part: defaultdict(Tally) for part in parts} for view in ("present", "present+partial")
    }
    order: list[str] = []
    verdict_lines: list[str] = []
    elapsed = 0.0
    shown = {*SEEN, FRESH} if args.fresh_details else set(SEEN)
    for repo in repos:
        order += [key for key in repo.labels if key not in order]
        start = time.perf_counter()
        scan = scan_folder(repo.tree, probes, None, shown=repo.id)
        elapsed += time.perf_counter() - start
        found = detected(scan, args.weak)
        for practice, label in repo.labels.items():
            if practice in probed:
                _count(views, repo, practice, str(label["status"]), found.get(practice, []))
        if repo.part in shown:
            verdict_lines += label_verdicts(q, repo.id, repo.labels, scan, set(found))
    counted = "strong and weak findings" if args.weak else "strong findings"
    sizes = {part: sum(r.part == part for r in repos) for part in ALL_PARTS[1:]}
    seen = " + ".join(str(sizes[part]) for part in SEEN[1:])
    print(
        f"scan corpus: {len(repos)} repositories ({sizes['dev']} development, {seen} held out and seen, "
        f"{sizes[FRESH]} held out and fresh), {counted}, scanned in {elapsed:.2f} s"
    )
    for view, tallies in views.items():
        _table(view, tallies, order, probed)
        if view == "present":
            _targets(tallies, order, probed)
        if args.details or args.fresh_details:
            for part in [p for p in parts if p in shown]:
                _details(part, tallies[part], order)
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


def _row(name: str, tallies: dict[str, Tally]) -> str:
    cells = "".join(f"  {fmt(t.precision()):>12} {fmt(t.recall()):>6} {t.tp + t.fn:3}" for t in tallies.values())
    w = tallies["whole"]
    return f"{name:34}{cells}   {w.tp:8} {w.fp:3} {w.fn:3} {w.tn:3}"


def _table(view: str, parts: dict[str, dict[str, Tally]], order: list[str], probed: set[str]) -> None:
    head = "".join(f"  {part + ' prec':>12} {'recall':>6} {'pos':>3}" for part in parts)
    print(f"\n{view:34}{head}   whole: tp  fp  fn  tn")
    totals = {kind: {part: Tally() for part in parts} for kind in ("classical", "LLM", "all")}
    for practice in order:
        if practice not in probed:
            print(f"{practice:34}  not probed")
            continue
        for part in parts:
            kind = "LLM" if practice in LLM_PRACTICES else "classical"
            totals[kind][part].add(parts[part][practice])
            totals["all"][part].add(parts[part][practice])
        print(_row(practice, {part: parts[part][practice] for part in parts}))
    for kind, tallies in totals.items():
        print(_row(f"{kind} probed practices (micro)", tallies))


def _targets(parts: dict[str, dict[str, Tally]], order: list[str], probed: set[str]) -> None:
    """Which practices reach issue 21's bar per part, where a part has enough positives to say."""
    print(
        f"\nPractices at precision >= {TARGET_PRECISION} and recall >= {TARGET_RECALL}, "
        f"of those with >= {TARGET_POSITIVES} present labels:"
    )
    for part in parts:
        judged = [p for p in order if p in probed and parts[part][p].tp + parts[part][p].fn >= TARGET_POSITIVES]
        met = [p for p in judged if _meets(parts[part][p])]
        missed = ", ".join(p for p in judged if p not in met) or "none"
        print(f"  {part:9} {len(met)} of {len(judged)}; below: {missed}")


def _meets(t: Tally) -> bool:
    precision, recall = t.precision(), t.recall()
    return (precision is None or precision >= TARGET_PRECISION) and recall is not None and recall >= TARGET_RECALL


def _details(part: str, tallies: dict[str, Tally], order: list[str]) -> None:
    for practice in order:
        for line in tallies[practice].false_alarms:
            print(f"  {part:9} false alarm  {line}")
        for line in tallies[practice].misses:
            print(f"  {part:9} miss         {line}")


if __name__ == "__main__":
    sys.exit(main())
