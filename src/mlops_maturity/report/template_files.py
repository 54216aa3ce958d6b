"""Template files read as strictly as answers files: UTF-8 text, inside their folder.

Jinja's own file loader decodes with a plain ``open``, so a Latin-1 template
fails with a bare ``UnicodeDecodeError``, a binary file renders as garbage, a
BOM reaches the report, a folder named ``report.md.j2`` is silently skipped,
and a link can pull any readable file (a CI secret, say) into a report that is
then published. This loader refuses each of those with a message naming the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from mlops_maturity.errors import InputFileError, TemplateError
from mlops_maturity.yamlio import read_text

MAX_TEMPLATE_BYTES = 1024 * 1024


class TemplateFolderLoader(jinja2.BaseLoader):
    """The templates of one folder, by names relative to it (``sections/roadmap.md.j2``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._root = folder.resolve()

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))  # refuses '..'
        if path.is_dir():
            raise TemplateError(f"{path}: is a directory, expected a template file")
        if not path.is_file():
            raise jinja2.TemplateNotFound(template)
        target = path.resolve()
        if not target.is_relative_to(self._root):
            raise TemplateError(
                f"{path}: links to {target}, outside the template folder {self.folder}; copy the template in instead"
            )
        try:
            text = read_text(path, max_bytes=MAX_TEMPLATE_BYTES, kind="template")
        except InputFileError as exc:
            raise TemplateError(str(exc)) from None
        return text, str(path), _always_current


def _always_current() -> bool:
    # One process renders one report, so a template never needs reloading.
    return True
