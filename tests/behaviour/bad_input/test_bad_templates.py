"""The bad-template corpus: every broken or hostile report template gets one clear error, fast.

Each case in tests/data/bad/templates/ is a ``--template-dir`` folder (one is a file, to stand
for a folder that is not one). The report is written with ``-o`` so the chart template runs too
and a failure can be checked to write nothing. Valid oddities (BOM, CRLF, an empty section)
must render, and render the right text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from support import DATA, Run, run_process

Cli = Callable[..., Run]
CASES = DATA / "bad" / "templates"
REPORT_Q = DATA / "questionnaires" / "report"
FRAUD = DATA / "report" / "fraud.yaml"

_SEES = (
    "; the template sees chart_file, result, steps, target_requested, and `result` has the fields of "
    "`score --format json`"
)
_OUTSIDE = "; template names are paths inside the template folder, so '/' and '..' cannot leave it"
_SANDBOX = "blocked by the template sandbox: access to attribute"
_LIMIT = "over a template limit: "
_STEPS = (
    "the loops and calls ran more than 100,000 steps in all; "
    "a report needs far fewer, so a loop is probably nested in another by mistake"
)
_ONE_VALUE = " would make more than 5,000,000 characters or items, the limit for one value"
_PRODUCED = (
    "the template produced more than 20,000,000 characters in all "
    "(counting text built inside macros, blocks and filters)"
)
_CENTER = "center() width of 1,000,000,000 is over the limit of 5,000,000"

# case -> (file the message names, relative to the case folder; its line or None; the rest of the message)
ERRORS: dict[str, tuple[str, int | None, str]] = {
    "syntax-unclosed-block": (
        "report.md.j2",
        4,
        "template syntax error: Unexpected end of template. Jinja was looking for the following tags: "
        "'endfor' or 'else'. The innermost block that needs to be closed is 'for'.",
    ),
    "syntax-unknown-tag": ("report.md.j2", 3, "template syntax error: Encountered unknown tag 'frobnicate'."),
    "syntax-unclosed-comment": ("report.md.j2", 2, "template syntax error: Missing end of comment tag"),
    "syntax-error-in-section": (
        "sections/roadmap.md.j2",
        3,
        "template syntax error: unexpected 'end of statement block'",
    ),
    "undefined-variable": ("report.md.j2", 3, "'score' is undefined" + _SEES),
    "undefined-attribute": (
        "report.md.j2",
        4,
        "'mlops_maturity.engine.model.placement.StagePlacement object' has no attribute 'nmuber'" + _SEES,
    ),
    "chart-error": (
        "chart.svg.j2",
        2,
        "'mlops_maturity.render.report.chart.Chart object' has no attribute 'barz'; the template sees chart, result, "
        "and `result` has the fields of `score --format json`",
    ),
    "sandbox-str-mro": ("report.md.j2", 2, f"{_SANDBOX} '__class__' of 'str' object is unsafe."),
    "sandbox-cycler-globals": ("report.md.j2", 1, f"{_SANDBOX} '__init__' of 'type' object is unsafe."),
    "sandbox-lipsum-globals": ("report.md.j2", 3, f"{_SANDBOX} '__globals__' of 'function' object is unsafe."),
    "sandbox-template-reference": (
        "report.md.j2",
        2,
        f"{_SANDBOX} '_TemplateReference__context' of 'TemplateReference' object is unsafe.",
    ),
    # str.format looks attributes up through the sandbox too; the blocked '__class__' becomes a value
    # that refuses every use, so the chain stops at the next step.
    "sandbox-format-string": ("report.md.j2", 2, f"{_SANDBOX} '__init__' of 'StrictUndefined' object is unsafe."),
    "sandbox-import-os": (
        "report.md.j2",
        1,
        "template 'os' not found in the template folder or the shipped templates",
    ),
    "include-absolute-path": (
        "report.md.j2",
        3,
        "template '/etc/passwd' not found in the template folder or the shipped templates" + _OUTSIDE,
    ),
    "include-parent-path": (
        "report.md.j2",
        2,
        "template '../../../../../etc/passwd' not found in the template folder or the shipped templates" + _OUTSIDE,
    ),
    "include-missing": (
        "report.md.j2",
        3,
        "template 'sections/summray.md.j2' not found in the template folder or the shipped templates",
    ),
    "huge-range": ("report.md.j2", 2, _LIMIT + "range() gives at most 100,000 numbers"),
    "nested-loops": ("report.md.j2", 4, _LIMIT + _STEPS),
    "huge-power": ("report.md.j2", 2, _LIMIT + "the power is too large: over the limit of 10,000 bits for a number"),
    "huge-repeat": (
        "report.md.j2",
        3,
        _LIMIT + "repeating a text or list that many times makes more than 5,000,000 items, "
        "the limit for rendered text",
    ),
    "huge-output": ("report.md.j2", None, _LIMIT + "the rendered text passed 5,000,000 characters"),
    # issue 22, item 10: each way round the limits it found, and the ways beside them
    "namespace-doubling": ("report.md.j2", 5, _LIMIT + "joining these with ~" + _ONE_VALUE),
    "namespace-doubling-plus": ("report.md.j2", 5, _LIMIT + "joining these" + _ONE_VALUE),
    "block-doubling": ("report.md.j2", 5, _LIMIT + _PRODUCED),
    "macro-doubling": ("report.md.j2", 3, _LIMIT + "joining these with ~" + _ONE_VALUE),
    "macro-fork-bomb": ("report.md.j2", 3, _LIMIT + _STEPS),
    "huge-center": ("report.md.j2", 3, _LIMIT + _CENTER),
    "huge-center-filter": ("report.md.j2", 3, _LIMIT + _CENTER),
    "huge-printf-filter": ("report.md.j2", 3, _LIMIT + "this % formatting" + _ONE_VALUE),
    "huge-printf-operator": ("report.md.j2", 3, _LIMIT + "this % formatting" + _ONE_VALUE),
    "huge-format-method": ("report.md.j2", 3, _LIMIT + "this format string" + _ONE_VALUE),
    "huge-format-nested-width": ("report.md.j2", 3, _LIMIT + "this format string" + _ONE_VALUE),
    "huge-join-of-references": ("report.md.j2", 6, _LIMIT + "join()" + _ONE_VALUE),
    "huge-list-printed": ("report.md.j2", 6, _LIMIT + _PRODUCED),
    "huge-indent": ("report.md.j2", 3, _LIMIT + "indent()" + _ONE_VALUE),
    "huge-replace": ("report.md.j2", 3, _LIMIT + "replace()" + _ONE_VALUE),
    "long-loop-printing": ("report.md.j2", 4, _LIMIT + _STEPS),
    "slices-kept": ("report.md.j2", 5, _LIMIT + _PRODUCED),
    "macro-loop-output": ("report.md.j2", 3, _LIMIT + _PRODUCED),
    "list-doubling": ("report.md.j2", 4, _LIMIT + "extend()" + _ONE_VALUE),
    "macro-recursion": (
        "report.md.j2",
        1,
        "the template nests blocks or calls macros too deeply",
    ),
    "nested-too-deep": (
        "report.md.j2",
        None,
        "the template nests blocks or calls macros too deeply",
    ),
    "division-by-zero": (
        "report.md.j2",
        3,
        "the template failed: ZeroDivisionError: integer division or modulo by zero",
    ),
    "non-utf8": ("report.md.j2", None, "not UTF-8 text (byte 0xc9 at offset 2); save it as UTF-8"),
    "binary": ("report.md.j2", None, "looks binary (contains NUL bytes), expected template text"),
    "utf16": ("report.md.j2", None, "looks binary (contains NUL bytes), expected template text"),
    "directory-as-file": ("report.md.j2", None, "is a directory, expected a template file"),
    "empty-report": (
        "report.md.j2",
        None,
        "the template rendered nothing; delete it to use the shipped one, or give it some text",
    ),
    "only-comments": (
        "report.md.j2",
        None,
        "the template rendered nothing; delete it to use the shipped one, or give it some text",
    ),
}

# A flag error, not a template error: the CLI names the flag.
NOT_A_FOLDER = "not-a-folder.md.j2"

# case -> the exact report (for a whole-report template) or text it must hold (for a section override)
VALID: dict[str, str] = {
    "ok-bom": "# Fraud detection\n\nStage 2: First deployment\n",
    "ok-crlf": "# Fraud detection\n\nDeployed.\nStage 2.\n",
    "ok-escapes-user-text": "# Fraud detection <b>\\*bold\\* \\[x\\]\\(javascript:y\\)</b>\n",
}
SHIPPED_WITH_CHANGES = {"ok-empty-section", "ok-unrelated-files"}


def test_the_corpus_is_complete() -> None:
    on_disk = {p.name for p in CASES.iterdir()}
    assert on_disk == set(ERRORS) | set(VALID) | SHIPPED_WITH_CHANGES | {NOT_A_FOLDER}
    assert len(on_disk) >= 12


def _report(cli: Cli, case: str, out: Path) -> Run:
    return cli("report", FRAUD, "--questionnaire", REPORT_Q, "--template-dir", CASES / case, "-o", out)


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_bad_template(cli: Cli, tmp_path: Path, case: str) -> None:
    file, line, message = ERRORS[case]
    where = f"{CASES / case / file}:{line}" if line is not None else f"{CASES / case / file}"
    out = tmp_path / "out" / "report.md"
    started = time.perf_counter()
    run = _report(cli, case, out)
    elapsed = time.perf_counter() - started
    assert (run.code, run.out) == (2, ""), run
    assert run.err == f"error: {where}: {message}\n"
    assert not out.parent.exists()
    assert elapsed < 10, f"{case} took {elapsed:.1f}s to fail"


def test_a_template_that_runs_too_long_stops_at_the_time_limit(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Work no count sees (searching a long text at every step) is stopped by the clock; here the clock is fast."""
    from mlops_maturity.render.report import limits

    ticks = iter(range(0, 10**9, 1))  # one second passes at every reading
    monkeypatch.setattr(limits, "_clock", lambda: float(next(ticks)))
    folder = tmp_path / "slow"
    folder.mkdir()
    (folder / "report.md.j2").write_text(
        "# Report\n{% set big = 'x' * 4000 %}\n{% for i in range(50) %}{% if 'y' in big %}{% endif %}{% endfor %}\n"
    )
    run = cli("report", FRAUD, "--questionnaire", REPORT_Q, "--template-dir", folder)
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"error: {folder / 'report.md.j2'}:3: over a template limit: "
        "the template ran for more than 10 seconds; a report renders in a fraction of one\n"
    )


def test_a_file_given_as_the_template_folder(cli: Cli, tmp_path: Path) -> None:
    run = _report(cli, NOT_A_FOLDER, tmp_path / "report.md")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"error: --template-dir {CASES / NOT_A_FOLDER}: not a directory; give a folder that holds report.md.j2\n"
    )


@pytest.mark.parametrize("case", sorted(VALID))
def test_valid_oddities_render(cli: Cli, tmp_path: Path, case: str) -> None:
    out = tmp_path / "report.md"
    run = _report(cli, case, out)
    assert run.code == 0, run.err
    assert out.read_bytes() == VALID[case].encode("utf-8")


def test_an_empty_section_drops_that_section(cli: Cli, tmp_path: Path) -> None:
    run = _report(cli, "ok-empty-section", tmp_path / "report.md")
    assert run.code == 0, run.err
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    shipped = cli("report", FRAUD, "--questionnaire", REPORT_Q, "-o", tmp_path / "shipped.md")
    assert shipped.code == 0
    full = (tmp_path / "shipped.md").read_text(encoding="utf-8").replace("shipped.svg", "report.svg")
    assert "## Appendix: every answer" in full
    assert text == full.split("## Appendix: every answer")[0].rstrip("\n") + "\n"


def test_files_the_report_does_not_use_change_nothing(cli: Cli, tmp_path: Path) -> None:
    assert _report(cli, "ok-unrelated-files", tmp_path / "a" / "report.md").code == 0
    assert cli("report", FRAUD, "--questionnaire", REPORT_Q, "-o", tmp_path / "b" / "report.md").code == 0
    assert (tmp_path / "a" / "report.md").read_bytes() == (tmp_path / "b" / "report.md").read_bytes()


def test_a_link_out_of_the_template_folder_is_refused(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("token=hunter2\n", encoding="utf-8")
    folder = tmp_path / "templates"
    (folder / "sections").mkdir(parents=True)
    try:
        (folder / "sections" / "roadmap.md.j2").symlink_to(secret)
    except OSError:
        pytest.skip("this file system cannot make symbolic links")
    run = cli("report", FRAUD, "--questionnaire", REPORT_Q, "--template-dir", folder)
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"error: {folder / 'sections' / 'roadmap.md.j2'}: links to {secret.resolve()}, outside the template "
        f"folder {folder}; copy the file in instead\n"
    )


def test_a_link_inside_the_template_folder_is_followed(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "sections").mkdir(parents=True)
    (folder / "plan.md.j2").write_text("## Our plan\n", encoding="utf-8")
    try:
        (folder / "sections" / "roadmap.md.j2").symlink_to(folder / "plan.md.j2")
    except OSError:
        pytest.skip("this file system cannot make symbolic links")
    run = cli("report", FRAUD, "--questionnaire", REPORT_Q, "--template-dir", folder)
    assert run.code == 0, run.err
    assert "\n## Our plan\n" in run.out


@pytest.mark.parametrize("case", ["nested-loops", "sandbox-cycler-globals", "non-utf8", "directory-as-file"])
def test_bad_templates_in_a_real_process(tmp_path: Path, case: str) -> None:
    file, line, message = ERRORS[case]
    where = f"{CASES / case / file}:{line}" if line is not None else f"{CASES / case / file}"
    run = run_process("report", FRAUD, "--questionnaire", REPORT_Q, "--template-dir", CASES / case)
    assert (run.code, run.out, run.err) == (2, "", f"error: {where}: {message}\n")


def test_a_bom_template_in_a_real_process() -> None:
    run = run_process("report", FRAUD, "--questionnaire", REPORT_Q, "--template-dir", CASES / "ok-bom")
    assert (run.code, run.out, run.err) == (0, VALID["ok-bom"], "")
