"""The sandbox report templates run in: Jinja's, plus limits on loops, arithmetic and output.

Jinja's sandbox keeps a template away from Python internals and caps ``range`` at
100,000 items, but two nested loops, ``10 ** (10 ** 10)`` or ``'x' * 10 ** 10`` would
still run for hours or fill memory, and Jinja folds constant arithmetic while it
compiles, before any limit could apply. The limits below make such templates fail
within a second, naming the line, while a real report uses a small part of each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from jinja2 import nodes, pass_context
from jinja2.exceptions import TemplateRuntimeError
from jinja2.runtime import Context
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment, safe_range

if TYPE_CHECKING:
    from mlops_maturity.render.report.template_files import TemplateFolderLoader

MAX_LOOP_STEPS = 1_000_000
MAX_TEXT_CHARS = 5_000_000
MAX_INT_BITS = 10_000

# A filter name with a space: templates cannot call it, only the rewritten loops do.
_COUNTED = "counted loop"


class LimitExceeded(TemplateRuntimeError):
    """A template went past one of the limits above."""


class ReportSandbox(SandboxedEnvironment):
    """A sandboxed environment that counts loop steps and bounds ``*`` and ``**``."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters[_COUNTED] = _counted
        self.globals["range"] = _range
        self.steps_left = MAX_LOOP_STEPS
        self.user_templates: TemplateFolderLoader | None = None  # the user's folder, searched first

    def reset_limits(self) -> None:
        """Give the next render its full budget of loop steps."""
        self.steps_left = MAX_LOOP_STEPS

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _COUNTED, [], [], None, None, lineno=loop.lineno)
        return tree

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            _check_power(left, right)
        else:
            _check_product(left, right)
        return super().call_binop(context, operator, left, right)


@pass_context  # a context filter is never run at compile time, so every loop is counted
def _counted(context: Context, iterable: Iterable[Any]) -> Iterator[Any]:
    env = context.environment
    assert isinstance(env, ReportSandbox)
    for item in iterable:
        env.steps_left -= 1
        if env.steps_left < 0:
            raise LimitExceeded(
                f"the loops ran more than {MAX_LOOP_STEPS:,} steps in all; "
                "a report needs far fewer, so a loop is probably nested in another by mistake"
            )
        yield item


def _range(*args: int) -> range:
    try:
        return safe_range(*args)
    except OverflowError:
        raise LimitExceeded(f"range() gives at most {MAX_RANGE:,} numbers") from None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_power(base: Any, exponent: Any) -> None:
    if not (_is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1):
        return
    if exponent > MAX_INT_BITS or base.bit_length() * exponent > MAX_INT_BITS:
        raise LimitExceeded(f"the power is too large: over the limit of {MAX_INT_BITS:,} bits for a number")


def _check_product(left: Any, right: Any) -> None:
    if _is_int(left) and _is_int(right):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise LimitExceeded(f"the product is too large: over the limit of {MAX_INT_BITS:,} bits for a number")
        return
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and _is_int(count) and len(seq) * count > MAX_TEXT_CHARS:
            raise LimitExceeded(
                f"repeating a text or list that many times makes more than {MAX_TEXT_CHARS:,} items, "
                "the limit for rendered text"
            )
