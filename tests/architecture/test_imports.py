"""Start-up is part of the design: the CLI module must not drag in heavy libraries."""

from __future__ import annotations

import subprocess
import sys

from support import TINY

HEAVY = ("pydantic", "rich", "jinja2", "yaml")


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_the_cli_stays_light() -> None:
    loaded = _loaded_after("import mlops_maturity.cli")
    assert not loaded & set(HEAVY)


def test_version_imports_nothing_heavy() -> None:
    loaded = _loaded_after("from mlops_maturity.cli import main; main(['--version'])")
    assert "typer" not in loaded
    assert not loaded & set(HEAVY)


def test_score_json_does_not_import_rich_or_jinja() -> None:
    code = (
        "import sys, pathlib, tempfile; from mlops_maturity.cli import main; "
        "p = pathlib.Path(tempfile.mkdtemp()) / 'a.yaml'; p.write_text('answers:\\n  deploy.prod: one\\n'); "
        f"main(['score', str(p), '--format', 'json', '--questionnaire', {str(TINY)!r}])"
    )
    loaded = _loaded_after(code)
    assert "jinja2" not in loaded
    assert "rich" not in loaded


def test_score_on_the_shipped_questionnaire_reads_no_yaml_folder_and_no_error_helpers() -> None:
    """The snapshot spares the folder reader and its cross-checks; a valid file spares the error locator."""
    from support import EXAMPLES

    loaded = _loaded_after(
        f"from mlops_maturity.cli import main; main(['score', {str(EXAMPLES / 'stage2-first-deployment.yaml')!r}, "
        "'--format', 'json'])"
    )
    unwanted = {
        "mlops_maturity.files.questionnaire.folder",
        "mlops_maturity.engine.model.integrity",
        "mlops_maturity.files.located_errors",
        "mlops_maturity.render.markdown",
        "difflib",
        "typer",
    }
    assert not loaded & unwanted, loaded & unwanted


def test_importing_the_markdown_escaper_costs_no_jinja() -> None:
    assert "jinja2" not in _loaded_after("import mlops_maturity.render.markdown")


def test_score_does_not_pay_for_scan() -> None:
    code = (
        "import sys, pathlib, tempfile; from mlops_maturity.cli import main; "
        "p = pathlib.Path(tempfile.mkdtemp()) / 'a.yaml'; p.write_text('answers:\\n  deploy.prod: one\\n'); "
        f"main(['score', str(p), '--format', 'text', '--questionnaire', {str(TINY)!r}])"
    )
    loaded = _loaded_after(code)
    scan_modules = {m for m in loaded if m.rsplit(".", 1)[-1] in ("repo_scan", "scan_walk", "probes", "evidence")}
    assert not scan_modules
