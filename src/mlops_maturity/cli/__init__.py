"""Entry point: ``main(argv) -> int``, the one place errors become exit codes.

Nothing heavy is imported here: ``--version`` answers without loading typer,
a plain ``score`` or ``report`` call (see ``fast_path.py``) runs without it too, and
everything else loads the typer app from ``cli/app.py`` on demand.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from mlops_maturity import __version__

if TYPE_CHECKING:
    from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors never escape as tracebacks."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # the one call that must not pay for typer
        print(version_text())
        return 0
    from mlops_maturity.cli.fast_path import plain_call
    from mlops_maturity.errors import MaturityError

    try:
        plain = plain_call(args)
        if plain is not None:  # CI's calls: skip typer's parser, which costs more than the scoring
            return _run_plain(plain.command, plain.file, plain.values)
        return _typer_app(args)
    except MaturityError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:
        return _usage_or_bug(exc)


def version_text() -> str:
    """The tool's version, and the shipped questionnaire's: output headers name the questionnaire they used
    (``mlops-maturity 2.0.0``), which is not the tool's version."""
    from mlops_maturity.files.questionnaire.shipped import shipped_id_and_version

    try:
        qid, qversion = shipped_id_and_version()
    except (OSError, UnicodeDecodeError):
        return f"mlops-maturity {__version__}\nquestionnaire: the shipped one is missing from this installation"
    return (
        f"mlops-maturity {__version__}\n"
        f"questionnaire {qid} {qversion} (shipped; every output names the questionnaire and version it used)"
    )


def _run_plain(command: str, file: Path, values: dict[str, object]) -> int:
    if command == "score":
        from mlops_maturity.cli.commands.score import run as run_score
        from mlops_maturity.cli.options.score import score_options

        return run_score(file, score_options(values)).write()
    from mlops_maturity.cli.commands.report import run as run_report
    from mlops_maturity.cli.options.report import report_options

    return run_report(file, report_options(values)).write()


def _typer_app(args: list[str]) -> int:
    import typer

    from mlops_maturity.cli.app import build_app

    app = build_app()
    try:
        result = app(args=args, prog_name="mlops-maturity", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("\naborted", file=sys.stderr)
        return 130
    return result if isinstance(result, int) else 0


def _usage_or_bug(exc: Exception) -> int:
    show = getattr(exc, "show", None)
    if callable(show) and hasattr(exc, "exit_code"):  # click's usage errors, vendored or not
        show()
        return 2
    if os.environ.get("MLOPS_MATURITY_DEBUG"):
        raise exc
    from mlops_maturity.inert import inert

    print(
        f"internal error: {type(exc).__name__}: {inert(str(exc))}\n"
        "This is a bug in mlops-maturity. Run again with MLOPS_MATURITY_DEBUG=1 for a traceback and report it.",
        file=sys.stderr,
    )
    return 3


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at devnull so a closed pipe stays quiet.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
