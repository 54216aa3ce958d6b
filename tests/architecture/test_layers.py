"""The layers as a test: every import of the package, at the top of a module or inside a function, points down.

From the top: ``cli`` → ``survey`` → ``render`` → ``scan.io`` → the scan's pure steps (``verdicts`` →
``matching`` → ``probes``) → ``files`` → ``engine`` (``assess`` → ``organisation`` → ``respondents`` →
``scoring`` → ``model``) → the base modules (``errors``, ``inert``, ``cut``, ``choices``). A module may import its
own package and anything below it. The pure core (the engine and the scan's pure steps) imports nothing
that reads or writes files or the terminal. Module-level imports also form no circle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "mlops_maturity"

# Highest first; a module belongs to the longest prefix that names it.
LAYERS: tuple[str, ...] = (
    "mlops_maturity.__main__",
    "mlops_maturity.cli",
    "mlops_maturity.survey",
    "mlops_maturity.render",
    "mlops_maturity.scan.io",
    "mlops_maturity.scan.verdicts",
    "mlops_maturity.scan.matching",
    "mlops_maturity.scan.probes",
    "mlops_maturity.files",
    "mlops_maturity.engine.assess",
    "mlops_maturity.engine.organisation",
    "mlops_maturity.engine.respondents",
    "mlops_maturity.engine.scoring",
    "mlops_maturity.engine.model",
    "mlops_maturity.errors",
    "mlops_maturity.inert",
    "mlops_maturity.cut",
    "mlops_maturity.choices",
)
BASE = ("mlops_maturity.errors", "mlops_maturity.inert", "mlops_maturity.cut", "mlops_maturity.choices")
PURE = (
    "mlops_maturity.engine",
    "mlops_maturity.scan.verdicts",
    "mlops_maturity.scan.matching",
    "mlops_maturity.scan.probes",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer(name: str) -> int | None:
    """The index of the module's layer in ``LAYERS`` (the package root and packages' faces have none)."""
    found = [(len(prefix), i) for i, prefix in enumerate(LAYERS) if within(name, prefix)]
    return max(found)[1] if found else None


def imports(path: Path, *, top_only: bool = False) -> Iterator[tuple[int, str]]:
    """``(line, module)`` for each import of the package; with ``top_only``, only those run at import time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mlops_maturity"):
            for alias in node.names:  # ``from mlops_maturity.render import verdicts`` imports a module
                full = f"{node.module}.{alias.name}"
                yield node.lineno, full if full in modules() else node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("mlops_maturity"):
                    yield node.lineno, alias.name


def wrong_way() -> list[str]:
    out = []
    for name, path in modules().items():
        own = layer(name)
        pure = any(within(name, p) for p in PURE)
        for line, target in imports(path):
            theirs = layer(target)
            if own is None or theirs is None:
                continue
            if theirs < own:
                out.append(f"{name}:{line} imports {target}, a layer above it")
            elif pure and not any(within(target, p) for p in (*PURE, *BASE)):
                out.append(f"{name}:{line} is pure but imports {target}")
    return out


def test_every_import_points_down() -> None:
    assert wrong_way() == []


def test_every_module_has_a_layer() -> None:
    faces = {"mlops_maturity", "mlops_maturity.scan", "mlops_maturity.engine"}
    assert [name for name in modules() if layer(name) is None and name not in faces] == []


def test_no_module_level_import_circle() -> None:
    graph = {name: {t for _, t in imports(path, top_only=True) if t in modules()} for name, path in modules().items()}
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph[node]):
            if seen.get(nxt) == 1:
                pytest.fail("import circle: " + " -> ".join([*path[path.index(nxt) :], nxt]))
            if nxt not in seen:
                visit(nxt, [*path, nxt])
        seen[node] = 2

    for start in sorted(graph):
        if start not in seen:
            visit(start, [start])


def test_the_check_sees_a_wrong_way_import(tmp_path: Path) -> None:
    """The rule itself: an engine module importing the CLI is reported."""
    assert layer("mlops_maturity.engine.scoring.gates") is not None
    assert layer("mlops_maturity.cli.app") is not None
    assert layer("mlops_maturity.cli.app") < layer("mlops_maturity.engine.scoring.gates")  # type: ignore[operator]
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from mlops_maturity.cli.app import build_app\n")
    assert list(imports(bad)) == [(2, "mlops_maturity.cli.app")]
