"""The typer-free path of ``score`` and ``report``: built from the declarations the typer commands use, same results."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.choices import ReportFormat, ScoreFormat
from mlops_maturity.cli import fast_path
from mlops_maturity.cli.options.flags import QUESTIONNAIRE_ENV, Flag
from mlops_maturity.cli.options.report import REPORT_FLAGS, ReportOptions, report_options
from mlops_maturity.cli.options.score import SCORE_FLAGS, ScoreOptions, field_names, score_options

from support import EXAMPLES, TINY, Run, run_process

Cli = Callable[..., Run]

STAGE1 = EXAMPLES / "stage1-pilot.yaml"
STAGE5 = EXAMPLES / "stage5-full-automation.yaml"


def score_call(args: list[str]) -> tuple[Path, ScoreOptions] | None:
    call = fast_path.plain_call(args)
    if call is None or call.command != "score":
        return None
    return call.file, score_options(call.values)


def _typer_params(name: str) -> dict[str, bool]:
    """Every spelling of every option of a typer command -> whether it is a flag."""
    import typer.main

    from mlops_maturity.cli.app import build_app

    app = build_app()

    group = typer.main.get_command(app)
    command = group.commands[name]  # type: ignore[attr-defined]
    spellings: dict[str, bool] = {}
    for param in command.params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        for name in (*param.opts, *param.secondary_opts):
            spellings[name] = bool(param.is_flag)
    return spellings


@pytest.mark.parametrize(("name", "flags"), [("score", SCORE_FLAGS), ("report", REPORT_FLAGS)])
def test_the_declaration_matches_the_typer_command(name: str, flags: tuple[Flag, ...]) -> None:
    declared = {spelling: flag.kind == "switch" for flag in flags for spelling in flag.names}
    assert declared == _typer_params(name)


def test_every_option_field_is_declared_once() -> None:
    declared = [flag.field for flag in SCORE_FLAGS]
    assert sorted(declared) == sorted(field_names())


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["score", "a.yaml"], (Path("a.yaml"), ScoreOptions())),
        (
            ["score", "-f", "json", "a.yaml", "--min-stage=3", "--require-complete"],
            (Path("a.yaml"), ScoreOptions(fmt=ScoreFormat.json, min_stage=3, require_complete=True)),
        ),
        (
            ["score", "a.yaml", "--min-dimension", "deploy=50", "--min-dimension=data=20", "--min-level", "low"],
            (Path("a.yaml"), ScoreOptions(min_level="low", min_dimension=("deploy=50", "data=20"))),
        ),
        (
            ["score", "a.yaml", "--baseline", "old.yaml", "--questionnaire", "q"],
            (Path("a.yaml"), ScoreOptions(baseline=Path("old.yaml"), questionnaire=Path("q"))),
        ),
    ],
)
def test_plain_calls_are_parsed(
    args: list[str], expected: tuple[Path, ScoreOptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(QUESTIONNAIRE_ENV, raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert score_call(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["score"],
        ["score", "a.yaml", "b.yaml"],
        ["score", "--help"],
        ["score", "-h", "a.yaml"],
        ["score", "a.yaml", "--format", "xml"],
        ["score", "a.yaml", "--format"],
        ["score", "a.yaml", "--min-stage", "-1"],
        ["score", "a.yaml", "--min-stage", "three"],
        ["score", "a.yaml", "--min-stage", "007"],
        ["score", "a.yaml", "--formats", "json"],
        ["score", "a.yaml", "-fjson"],
        ["score", "a.yaml", "-f=json"],
        ["score", "a.yaml", "--require-complete=yes"],
        ["score", "--", "a.yaml"],
        ["score", "a.yaml", "--baseline", "--format"],
        ["--version", "score", "a.yaml"],
        ["report", "a.yaml", "-o", "-"],
        ["survey"],
        [],
    ],
)
def test_anything_unusual_goes_to_typer(args: list[str]) -> None:
    assert fast_path.plain_call(args) is None


def test_plain_report_calls_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(QUESTIONNAIRE_ENV, raising=False)
    call = fast_path.plain_call(["report", "a.yaml", "-o", "r.html", "--target-stage", "4", "-f", "html"])
    assert call is not None and call.command == "report"
    assert report_options(call.values) == ReportOptions(out=Path("r.html"), target_stage=4, fmt=ReportFormat.html)


def test_the_questionnaire_variable_is_read_unless_the_option_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv(QUESTIONNAIRE_ENV, "/org/q")
    assert score_call(["score", "a.yaml"]) == (
        Path("a.yaml"),
        ScoreOptions(questionnaire=Path("/org/q")),
    )
    assert score_call(["score", "a.yaml", "--questionnaire", "mine"]) == (
        Path("a.yaml"),
        ScoreOptions(questionnaire=Path("mine")),
    )
    monkeypatch.setenv(QUESTIONNAIRE_ENV, "")  # click ignores an empty variable; so do we
    assert score_call(["score", "a.yaml"]) == (Path("a.yaml"), ScoreOptions())


SAME_EITHER_WAY: list[tuple[list[str | Path], int]] = [
    (["score", STAGE5, "--format", "json"], 0),
    (["score", STAGE1], 0),
    (["score", STAGE1, "--min-stage", "3", "-f", "json"], 1),
    (["score", STAGE1, "--min-level=high", "--format=github"], 1),
    (["score", STAGE1, "--min-level", "medium"], 2),
    (["score", STAGE5, "--min-dimension", "monitoring=101", "--format", "junit"], 2),
    (["score", STAGE5, "--min-dimension", "monitoring=100", "--format", "junit"], 0),
    (["score", STAGE5, "--baseline", STAGE1, "--format", "markdown"], 0),
    (["score", STAGE1, "--baseline", STAGE5, "--format", "json"], 1),
    (["score", STAGE1, "--questionnaire", TINY], 2),
    (["score", EXAMPLES / "missing.yaml"], 2),
    (["score", EXAMPLES], 2),
    (["score", STAGE1, "--scan", EXAMPLES, "--format", "json"], 0),
    (["report", STAGE5], 0),
    (["report", STAGE1, "--target-stage", "5", "-f", "html"], 0),
    (["report", STAGE1, "--target-stage", "9"], 2),
    (["report", STAGE1, "--template-dir", EXAMPLES / "missing"], 2),
    (["report", STAGE1, "--questionnaire", TINY], 2),
    (["report", STAGE1, "--scan", EXAMPLES / "missing"], 2),
]


@pytest.mark.parametrize(
    ("args", "code"),
    SAME_EITHER_WAY,
    ids=lambda a: " ".join(str(x).split("/")[-1] for x in a[1:]) if isinstance(a, list) else str(a),
)
def test_both_paths_give_the_same_result(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, args: list[str | Path], code: int
) -> None:
    assert fast_path.plain_call([str(a) for a in args]) is not None
    fast = cli(*args)
    monkeypatch.setattr(fast_path, "plain_call", lambda _args: None)
    slow = cli(*args)
    assert fast == slow
    assert fast.code == code, fast.err


def test_require_complete_is_the_same_either_way(cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    partial = tmp_path / "partial.yaml"
    partial.write_text("answers:\n  deploy.prod: one\n", encoding="utf-8")
    args = ("score", partial, "--questionnaire", TINY, "--require-complete")
    fast = cli(*args)
    monkeypatch.setattr(fast_path, "plain_call", lambda _args: None)
    assert fast == cli(*args)
    assert fast.code == 2 and "--require-complete was given" in fast.err


def test_the_job_summary_is_written_on_the_fast_path(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run_process("score", STAGE1, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.code == 0
    assert summary.read_text(encoding="utf-8").startswith("## ")


def _without_typer(*args: str) -> tuple[str, str]:
    """Run ``main(args)`` in a fresh process: its stdout, and "CODE TYPER_LOADED"."""
    probe = (
        "import sys\n"
        "from mlops_maturity.cli import main\n"
        f"code = main({list(args)!r})\n"
        "print(code, 'typer' in sys.modules, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    return proc.stdout, proc.stderr.splitlines()[-1]


def test_a_plain_score_never_imports_typer_and_help_still_works() -> None:
    out, status = _without_typer("score", str(STAGE5), "--format", "json")
    assert status == "0 False"
    assert '"stage"' in out
    helped = run_process("score", STAGE5, "--help")
    assert helped.code == 0 and "--min-stage" in helped.out


def test_a_plain_report_never_imports_typer(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert _without_typer("report", str(STAGE5), "-o", str(out))[1] == "0 False"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _spelled(flag: Flag, value: str | None, inline: bool) -> list[str]:
    name = flag.names[0] if inline or len(flag.names) == 1 else flag.names[-1]
    if value is None:
        return [name]
    return [f"{name}={value}"] if inline and name.startswith("--") else [name, value]


_VALUES: dict[str, st.SearchStrategy[str]] = {
    "natural": st.integers(0, 12).map(str),
    "number": st.integers(0, 12).map(str),
    "text": st.sampled_from(["no", "low", "high"]),
    "path": st.sampled_from(["old.yaml", "dir/q", "a b.yaml"]),
    "repeat": st.sampled_from(["monitoring=50", "deploy=12.5", "data=0"]),
}


@st.composite
def score_lines(draw: st.DrawFn) -> list[str]:
    """A plain ``score`` call: some of its declared options, in any order and spelling, around one file."""
    tokens: list[list[str]] = []
    for flag in SCORE_FLAGS:
        if not draw(st.booleans()):
            continue
        times = draw(st.integers(1, 2)) if flag.kind == "repeat" else 1
        for _ in range(times):
            if flag.kind == "switch":
                value = None
            elif flag.kind == "format":
                value = draw(st.sampled_from([m.value for m in ScoreFormat]))
            else:
                value = draw(_VALUES[flag.kind])
            tokens.append(_spelled(flag, value, draw(st.booleans())))
    tokens.insert(draw(st.integers(0, len(tokens))), ["answers.yaml"])
    return ["score", *(t for group in draw(st.permutations(tokens)) for t in group)]


@settings(max_examples=150, deadline=None)
@given(score_lines())
def test_a_generated_plain_call_means_the_same_to_both_parsers(args: list[str]) -> None:
    """The property that keeps the second parser: whatever it accepts, typer reads the same options from."""
    from mlops_maturity.cli import main
    from mlops_maturity.cli.commands import score as score_command
    from mlops_maturity.cli.output import Output

    seen: list[tuple[Path, ScoreOptions]] = []

    def record(file: Path, options: ScoreOptions) -> Output:
        seen.append((file, options))
        return Output()

    quiet = {QUESTIONNAIRE_ENV: "", "GITHUB_STEP_SUMMARY": ""}
    with patch.dict("os.environ", quiet), patch.object(score_command, "run", record):
        assert fast_path.plain_call(args) is not None, args
        assert main(args) == 0
        with patch.object(fast_path, "plain_call", lambda _args: None):
            assert main(args) == 0
    assert len(seen) == 2 and seen[0] == seen[1], args
