"""The Jinja side of the report: a sandboxed environment, its filters, and clear errors.

Templates are found first in the user's ``--template-dir`` and then in the
shipped ``templates/`` folder, so a folder that overrides one section keeps
every other section. The shipped templates are also reachable as
``shipped/NAME``, so a user template can extend or include the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from mlops_maturity.errors import TemplateError
from mlops_maturity.files.questionnaire.shipped import templates_dir
from mlops_maturity.render import headline, verdicts
from mlops_maturity.render.markdown import markdown_text
from mlops_maturity.render.report.sandbox import MAX_TEXT_CHARS, LimitExceeded, ReportSandbox
from mlops_maturity.render.report.template_files import TemplateFolderLoader
from mlops_maturity.render.wording import number, percent, plural

REPORT_TEMPLATE = "report.md.j2"
CHART_TEMPLATE = "chart.svg.j2"


def _markdown_finalize(value: Any) -> Any:
    """Every ``{{ ... }}`` in a Markdown template is literal text unless a filter said otherwise."""
    if value is None or isinstance(value, Markup):
        return value
    return markdown_text(str(value))


def _md(value: Any) -> Markup:
    return Markup(markdown_text(str(value)))


def _raw(value: Any) -> Markup:
    """Opt out of escaping, for text the template itself builds from trusted pieces."""
    return Markup(str(value))


def environment(template_dir: Path | None, *, svg: bool = False) -> ReportSandbox:
    """One sandboxed environment per output type: Markdown escaping or XML escaping."""
    shipped = TemplateFolderLoader(templates_dir())
    user = TemplateFolderLoader(template_dir) if template_dir is not None else None
    search = [user] if user is not None else []
    loader = jinja2.ChoiceLoader([*search, shipped, jinja2.PrefixLoader({"shipped": shipped})])
    env = ReportSandbox(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=svg,
        finalize=None if svg else _markdown_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.user_templates = user
    env.filters.update(
        md=_md,
        raw=_raw,
        num=number,
        pct=percent,
        plural=plural,
        repository_headline=verdicts.headline,
        repository_said=verdicts.said,
        repository_line=verdicts.line,
        **headline.FILTERS,
    )
    env.globals["AXES"] = headline.AXES
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja's own cache of compiled templates, in its per-user temporary folder (made 0700, checked to be ours).

    Measured by ``benchmarks/report_bench.py``: a ``report`` run compiles the shipped
    templates in about 100 ms (1.55 billion instructions against 1.09 billion with the
    cache warm, where ``score`` takes 0.91 billion), so every run after the first on a
    machine is that much faster. A template's source is checked against its cached
    code; the file names carry Jinja's version and a digest of the code that rewrites
    every template for the sandbox's limits (``sandbox.py``, ``limits.py``), so code
    compiled under other rules is never run. No cache (a folder that is not safely
    ours) only costs the time.
    """
    try:
        pattern = f"__mlops_maturity_{_rules_digest()}_jinja_{jinja2.__version__}_%s.cache"
        return jinja2.FileSystemBytecodeCache(pattern=pattern)
    except (OSError, RuntimeError):
        return None


def _rules_digest() -> str:
    import hashlib

    from mlops_maturity.render.report import limits, sandbox

    digest = hashlib.sha256()
    for module in (sandbox, limits):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


def shipped_names() -> set[str]:
    """The shipped template names, as paths inside the template folder."""
    root = templates_dir()
    return {path.relative_to(root).as_posix() for path in root.rglob("*.j2")}


_BLANK_RUNS = re.compile(r"\n{3,}")


def render_template(env: ReportSandbox, name: str, context: dict[str, Any]) -> str:
    """Render one template; every failure becomes a ``TemplateError`` naming the file and line."""
    env.reset_limits()
    try:
        text = _render_bounded(env.get_template(name), context)
    except TemplateError:
        raise
    except SecurityError as exc:
        raise TemplateError(f"{_where(exc, env, name)}: blocked by the template sandbox: {exc}") from None
    except LimitExceeded as exc:
        raise TemplateError(f"{_where(exc, env, name)}: over a template limit: {exc}") from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name or name}:{exc.lineno}"
        raise TemplateError(f"{where}: template syntax error: {exc.message}") from None
    except jinja2.TemplatesNotFound as exc:
        raise TemplateError(f"{_where(exc, env, name)}: {exc.message}{_outside_hint(exc.templates)}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"{_where(exc, env, name)}: template {exc.name!r} not found in the template folder "
            f"or the shipped templates{_outside_hint([exc.name])}"
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"{_where(exc, env, name)}: {exc.message}; the template sees {', '.join(sorted(context))}, "
            "and `result` has the fields of `score --format json`"
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{_where(exc, env, name)}: template error: {exc}") from None
    except (RecursionError, SyntaxError) as exc:
        # Python's own limits on nesting, met while compiling the template or calling a macro; their
        # wording differs between Python versions and under a tracer, so it is not repeated here.
        raise TemplateError(f"{_where(exc, env, name)}: the template nests blocks or calls macros too deeply") from None
    except Exception as exc:  # whatever a template triggers is the template's failure, not a crash
        raise TemplateError(f"{_where(exc, env, name)}: the template failed: {type(exc).__name__}: {exc}") from None
    if not text.strip():
        raise TemplateError(
            f"{_path_of(env, name)}: the template rendered nothing; "
            "delete it to use the shipped one, or give it some text"
        )
    return _BLANK_RUNS.sub("\n\n", text).rstrip("\n") + "\n"


def _render_bounded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render piece by piece, so a runaway template stops at the size limit instead of filling memory."""
    parts: list[str] = []
    size = 0
    for part in template.generate(context):
        size += len(part)
        if size > MAX_TEXT_CHARS:
            raise LimitExceeded(f"the rendered text passed {MAX_TEXT_CHARS:,} characters")
        parts.append(part)
    return "".join(parts)


def _outside_hint(names: Iterable[object]) -> str:
    if any(str(n).startswith("/") or ".." in str(n).split("/") for n in names):
        return "; template names are paths inside the template folder, so '/' and '..' cannot leave it"
    return ""


def _path_of(env: ReportSandbox, name: str) -> str:
    """The file a template name stands for, or the name when there is none."""
    try:
        return env.loader.get_source(env, name)[1] or name if env.loader is not None else name
    except Exception:  # only ever called while reporting another failure; that one is the message
        return name


def _where(exc: BaseException, env: ReportSandbox, name: str) -> str:
    """The innermost template file and line in the traceback Jinja rewrote for us."""
    found: str | None = None
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found or _path_of(env, name)
