"""``scan --format json``: the scan result, plus the verdicts when an answers file was given. Deterministic."""

from __future__ import annotations

import json
from typing import Any

from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.scan import ScanReport


def as_data(report: ScanReport) -> dict[str, Any]:
    data = report.scan.model_dump(mode="json")
    if report.verdicts is not None:
        data["answers"] = report.answers_file
        data["verdicts"] = [v.model_dump(mode="json") for v in report.verdicts]
    return data


def render(report: ScanReport, options: RenderOptions) -> str:
    return json.dumps(as_data(report), indent=2, ensure_ascii=False) + "\n"
