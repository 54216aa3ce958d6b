"""The shipped templates, compiled once by the developers instead of on every ``report`` run.

Jinja parses a template and writes Python for it before the first render; for
the shipped report that is most of ``report``'s own time. ``compiled.json``
(beside the templates) holds the Python Jinja writes for each shipped template,
for the Markdown and the SVG environments, so a run only compiles that Python.
``tests/render/report/test_precompiled.py`` fails when the file is stale
(``pytest --update-goldens`` rewrites it) and holds the reports made either way
equal. The Python depends on Jinja's version: with any other version installed,
or a template edited since, the templates are compiled as they always were.
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from functools import cache
from typing import Any

import jinja2

from mlops_maturity.files.questionnaire.shipped import templates_dir
from mlops_maturity.render.report.template_files import TemplateFolderLoader

COMPILED_FILE = "compiled.json"
SVG_TEMPLATES = ("chart.svg.j2",)  # rendered by the SVG environment; every other template by the Markdown one


class PrecompiledLoader(TemplateFolderLoader):
    """The shipped template folder, serving each template from its precompiled Python when that is current."""

    def __init__(self, svg: bool) -> None:
        super().__init__(templates_dir())
        self.kind = "svg" if svg else "markdown"

    def load(
        self, environment: jinja2.Environment, name: str, globals: MutableMapping[str, Any] | None = None
    ) -> jinja2.Template:
        compiled = _compiled().get(self.kind, {}).get(name)
        if compiled is None:
            return super().load(environment, name, globals)
        source, filename, uptodate = self.get_source(environment, name)
        if compiled["digest"] != _digest(source):  # edited since it was compiled
            return super().load(environment, name, globals)
        code = compile(compiled["python"], filename, "exec")  # what Jinja's own loader does with the Python it writes
        return environment.template_class.from_code(environment, code, globals or {}, uptodate)


def compile_shipped(environments: dict[str, jinja2.Environment]) -> str:
    """``compiled.json``'s text: each shipped template's Python, by environment kind."""
    out: dict[str, Any] = {"jinja2": jinja2.__version__}
    root = templates_dir()
    names = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.j2"))
    folder = TemplateFolderLoader(root)
    for kind, env in environments.items():
        wanted = [n for n in names if (n in SVG_TEMPLATES) == (kind == "svg")]
        entries = {}
        for name in wanted:
            source = folder.get_source(env, name)[0]
            python = env.compile(source, name, raw=True)
            entries[name] = {"digest": _digest(source), "python": python}
        out[kind] = entries
    return json.dumps(out, indent=1, sort_keys=True) + "\n"


@cache
def _compiled() -> dict[str, dict[str, dict[str, str]]]:
    path = templates_dir() / COMPILED_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("jinja2") != jinja2.__version__:
        return {}
    return {kind: data[kind] for kind in ("markdown", "svg") if isinstance(data.get(kind), dict)}


def _digest(source: str) -> str:
    import hashlib

    return hashlib.sha256(source.encode("utf-8")).hexdigest()
