"""Read a scanned repository's ``.mlops-maturity.yaml``: its annotations, each located, every problem reported."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pydantic import ValidationError

from mlops_maturity.errors import InputFileError
from mlops_maturity.files.located_errors import pydantic_problems
from mlops_maturity.files.yaml_reader import load_file
from mlops_maturity.scan.verdicts.annotations import ANNOTATIONS_FILE, Annotations, AnnotationsFile


def read_annotations(root: Path) -> Annotations | None:
    """The annotations at the top of ``root``, or None when it has none; a link there is not followed."""
    path = root / ANNOTATIONS_FILE
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{path}: not a regular file (a link or a folder); annotations must be a plain file")
    doc = load_file(path)
    if not isinstance(doc.data, dict):
        problem = doc.problem((), "expected a mapping with the key annotations")
        raise InputFileError(str(problem), (problem,))
    try:
        parsed = AnnotationsFile.model_validate(doc.data)
    except ValidationError as exc:
        problems = pydantic_problems(doc, exc, AnnotationsFile)
        raise InputFileError(str(problems[0]), problems) from None
    lines = tuple(doc.line_of(("annotations", i)) or 1 for i in range(len(parsed.annotations)))
    return Annotations(file=ANNOTATIONS_FILE, items=parsed.annotations, lines=lines)
