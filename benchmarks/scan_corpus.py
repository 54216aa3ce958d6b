"""How well ``scan`` finds practices in real repositories: precision and recall per practice, against labels.

The corpus (``../shared/scan-corpus/`` beside the repository, or ``--corpus``)
holds public ML repositories and, for each, a person's labels: every practice
``present``, ``partial`` or ``absent``. It is measurement data, not part of
the project, and nothing in it is run.

A practice counts as detected in a repository when a finding that is not
dismissed reports it (the probe's ``practice`` in ``probes.yaml``) with strong
strength; ``--weak`` counts weak findings too. Two views are printed:

* present: a ``present`` label is a positive, ``absent`` a negative, and
  ``partial`` is left out (a detection there is neither right nor wrong);
* present+partial: ``partial`` counts as a positive too.

``--contradictions`` also prints, for each repository, the answers its
findings would contradict if a team answered every question with its lowest
option, so that a person can check each one.

Usage: python benchmarks/scan_corpus.py [--corpus DIR] [--weak] [--details] [--contradictions]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.scan.io.probes_file import load_probes
from mlops_maturity.scan.io.run import scan_folder
from mlops_maturity.scan.verdicts.findings import Finding, ScanResult
from mlops_maturity.scan.verdicts.verdicts import verdicts

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "scan-corpus"


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
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--weak", action="store_true", help="count weak findings as detections too")
    parser.add_argument("--details", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--contradictions", action="store_true", help="print what would be contradicted")
    args = parser.parse_args()
    labels_dir = args.corpus / "labels"
    if not labels_dir.is_dir():
        print(f"no corpus at {args.corpus} (expected labels/ and repos/); pass --corpus DIR", file=sys.stderr)
        return 2
    q = load_questionnaire()
    probes = load_probes(None, q)
    views: dict[str, dict[str, Tally]] = {"present": defaultdict(Tally), "present+partial": defaultdict(Tally)}
    order: list[str] = []
    elapsed = 0.0
    for label_file in sorted(labels_dir.glob("*.yaml")):
        repo = label_file.stem
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))["practices"]
        order = order or list(labels)
        start = time.perf_counter()
        scan = scan_folder(args.corpus / "repos" / repo, probes, None, shown=repo)
        elapsed += time.perf_counter() - start
        found = detected(scan, args.weak)
        for practice, label in labels.items():
            status = label["status"]
            hit = practice in found
            where = f"{repo}: {practice} ({status})"
            if hit:
                where += " at " + ", ".join(f"{f.where} [{f.probe}]" for f in found[practice][:3])
            for view, positive in (("present", status == "present"), ("present+partial", status != "absent")):
                if view == "present" and status == "partial":
                    continue
                tally = views[view][practice]
                if hit and positive:
                    tally.tp += 1
                elif hit:
                    tally.fp += 1
                    tally.false_alarms.append(where)
                elif positive:
                    tally.fn += 1
                    tally.misses.append(where)
                else:
                    tally.tn += 1
        if args.contradictions:
            _contradictions(repo, scan)
    counted = "strong and weak findings" if args.weak else "strong findings"
    print(f"scan corpus: {len(list(labels_dir.glob('*.yaml')))} repositories, {counted}, scanned in {elapsed:.2f} s")
    for view, tallies in views.items():
        print(f"\n{view:32} {'prec':>5} {'recall':>6}   tp  fp  fn  tn")
        total = Tally()
        for practice in order:
            t = tallies[practice]
            total.tp, total.fp, total.fn, total.tn = total.tp + t.tp, total.fp + t.fp, total.fn + t.fn, total.tn + t.tn
            print(f"{practice:32} {fmt(t.precision())} {fmt(t.recall())}  {t.tp:3} {t.fp:3} {t.fn:3} {t.tn:3}")
        print(
            f"{'all practices (micro)':32} {fmt(total.precision())} {fmt(total.recall())}  "
            f"{total.tp:3} {total.fp:3} {total.fn:3} {total.tn:3}"
        )
        if args.details:
            for practice in order:
                for line in tallies[practice].false_alarms:
                    print(f"  false alarm  {line}")
                for line in tallies[practice].misses:
                    print(f"  miss         {line}")
    return 0


def _contradictions(repo: str, scan: ScanResult) -> None:
    """What the findings refute in a team's answers that claim the least on every question."""
    q = load_questionnaire()
    lowest = {question.id: Answer(answer=question.option_ids[0]) for question in q.questions}
    answers = Answers(file="lowest.yaml", questionnaire=q.id, team=repo, assessed_on=None, given=lowest)
    for verdict in verdicts(q, answers, scan):
        if verdict.status == "contradicted":
            lines = "; ".join(f"{f.where}: {f.text}" for f in verdict.findings[:2])
            print(f"contradicted  {repo}  {verdict.question}={verdict.answer}  <- {lines}")


if __name__ == "__main__":
    sys.exit(main())
