"""Template files read as strictly as answers files: UTF-8 text, inside their folder.

Jinja's own file loader decodes with a plain ``open``, so a Latin-1 template
fails with a bare ``UnicodeDecodeError``, a binary file renders as garbage, a
BOM reaches the report, a folder named ``report.md.j2`` is silently skipped,
and a link can pull any readable file (a CI secret, say) into a report that is
then published. This loader refuses each of those with a message naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from mlops_maturity.errors import InputFileError, TemplateError
from mlops_maturity.files.yaml_reader import Within, read_text

MAX_TEMPLATE_BYTES = 1024 * 1024


class TemplateFolderLoader(jinja2.BaseLoader):
    """The templates of one folder, by names relative to it (``sections/roadmap.md.j2``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._within = Within(folder, "template folder")
        self.loaded: set[str] = set()  # names read so far, as paths inside the folder

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))  # refuses '..'
        if not path.exists():  # a named pipe or a device exists too, and is refused below rather than passed over
            raise jinja2.TemplateNotFound(template)
        try:
            text = read_text(path, max_bytes=MAX_TEMPLATE_BYTES, kind="template", inside=self._within)
        except InputFileError as exc:
            raise TemplateError(str(exc)) from None
        self.loaded.add("/".join(split_template_path(template)))
        return text, str(path), _always_current


MAX_LISTED_FILES = 2000  # a folder given by mistake (a repository root) is not walked to its end


def unused_templates(folder: Path, used: set[str], known: set[str]) -> list[tuple[Path, list[str]]]:
    """Template files in ``folder`` that the render never read and that override nothing.

    Such a file is almost always in the wrong place (``roadmap.md.j2`` beside
    ``report.md.j2`` instead of in ``sections/``), and Jinja would pass over it
    silently. Each comes with the shipped names it may have been meant as.
    """
    import difflib

    found: list[str] = []
    for seen, (directory, name) in enumerate(_files(folder)):
        if seen >= MAX_LISTED_FILES:
            break
        relative = (Path(directory) / name).relative_to(folder).as_posix()
        if name.endswith(".j2") and relative not in used and relative not in known:
            found.append(relative)
    names = sorted(known)
    by_base: dict[str, str] = {}
    for name in names:
        by_base.setdefault(name.rsplit("/", 1)[-1], name)
    hints = []
    for name in found:
        base = name.rsplit("/", 1)[-1]
        meant = [by_base[base]] if base in by_base else difflib.get_close_matches(name, names, n=2)
        hints.append((folder / name, meant))
    return hints


def _files(folder: Path) -> Iterator[tuple[str, str]]:
    for directory, subdirectories, files in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            yield directory, name


def _always_current() -> bool:
    # One process renders one report, so a template never needs reloading.
    return True
