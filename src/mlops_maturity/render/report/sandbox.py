"""The sandbox report templates run in: Jinja's, plus the limits of ``limits.py`` on steps, size and time.

Jinja's sandbox keeps a template away from Python internals and caps ``range`` at
100,000 items, but nested loops, ``10 ** (10 ** 10)``, ``'x'.center(10 ** 9)``,
``'{:>900000000}'.format(x)`` or a text doubled in a ``namespace`` forty times would
still run for hours or fill memory, and Jinja folds constant arithmetic while it
compiles, before any limit could apply. Here every loop step and every call is counted,
every way of building text (``~``, ``+``, ``*``, ``%``, formatting, methods, filters,
output) is checked against the size limits before or as it happens, and the clock is
read as it goes, so such templates fail within seconds, naming the line, while a real
report uses a small part of each budget.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from jinja2 import nodes, pass_context, pass_eval_context
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, markup_join, str_join
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter, safe_range
from jinja2.utils import generate_lorem_ipsum
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from mlops_maturity.render.report.filter_limits import FILTER_CHECKS, TEXT_FILTERS, check_lipsum
from mlops_maturity.render.report.limits import (
    MAX_TEXT_CHARS,
    Budget,
    LimitExceeded,
    check_method,
    check_power,
    check_printf,
    check_product,
    check_size,
    check_weight,
    format_field_cost,
    weight,
)

if TYPE_CHECKING:
    from mlops_maturity.render.report.template_files import TemplateFolderLoader

__all__ = ["MAX_TEXT_CHARS", "LimitExceeded", "ReportSandbox"]

# Filter names with a space: templates cannot call them, only the rewritten template does.
_COUNTED = "counted loop"
_CONCAT = "bounded concat"
_SLICED = "counted slice"
_OWN = frozenset((_COUNTED, _CONCAT, _SLICED))


class ReportSandbox(SandboxedEnvironment):
    """A sandboxed environment that counts steps, output and time, and bounds every value a template builds."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.finalize = _counting(self, self.finalize)  # every {{ value }} printed is counted
        self.budget = Budget()
        self.user_templates: TemplateFolderLoader | None = None  # the user's folder, searched first
        self.filters = _Filters(self, self.filters)  # filters added later (the report's own) are bounded too
        self.tests = {name: self._timed(test) for name, test in self.tests.items()}
        self.filters[_COUNTED] = _counted
        self.filters.update({_CONCAT: _bounded_concat, _SLICED: _counted_slice})
        self.globals["range"] = _range
        self.globals["lipsum"] = _lipsum

    def reset_limits(self) -> None:
        """Give the next render its full budget of steps, characters and time."""
        self.budget = Budget()

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _COUNTED, [], [], None, None, lineno=loop.lineno)
        rewritten = _Bounded().visit(tree)
        assert isinstance(rewritten, nodes.Template)
        return rewritten

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            check_power(left, right)
        elif operator == "*":
            check_product(left, right)
        elif operator == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                check_weight(len(left) + len(right), "joining these")
        elif isinstance(left, (str, bytes)):  # %: printf-style formatting
            check_printf(left, right)
        return self._built(super().call_binop(context, operator, left, right))

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.budget.step()
        args = check_method(obj, args, kwargs)
        result = super().call(context, obj, *args, **kwargs)
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, (list, dict)):
            check_size(owner, "this list")
        return self._built(result)

    def getitem(self, obj: Any, argument: Any) -> Any:
        result = super().getitem(obj, argument)
        return self._built(result) if isinstance(argument, slice) else result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` or ``format_map`` called from a template, bounded like every other text it builds
        (Jinja wraps the method when a template looks it up)."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)):
            return None
        owner = getattr(value, "__self__", None)
        if value.__name__ not in ("format", "format_map") or not isinstance(owner, str):
            return None
        is_map = value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            return self._format(owner, args, kwargs, is_map)

        return functools.update_wrapper(bounded, value)

    def _format(self, text: str, args: tuple[Any, ...], kwargs: Any, is_map: bool) -> str:
        if is_map:
            if kwargs or len(args) != 1:
                raise TypeError("format_map() takes exactly one argument")
            mapping: Any = args[0]
            args, kwargs = (), mapping
        formatter: SandboxedFormatter = (
            _BoundedEscapeFormatter(self, escape=text.escape) if isinstance(text, Markup) else _BoundedFormatter(self)
        )
        formatted: str = type(text)(formatter.vformat(text, args, kwargs))
        return formatted

    def _built(self, value: Any) -> Any:
        """Count a new value's size against the characters a render may build."""
        if isinstance(value, (str, bytes, bytearray, list, tuple, dict)):
            check_size(value, "the result")
            self.budget.built(len(value))
        return value

    def concat(self, parts: Iterable[str]) -> str:
        """Join the text of a macro, a ``{% set %}`` block or a filter block, checking its size first.

        A literal that a loop repeats is only a reference until this join, so this is where it is counted.
        """
        pieces = list(parts)
        check_weight(sum(map(len, pieces)), "the text of this macro or block")
        joined = "".join(pieces)
        self.budget.built(len(joined))
        return joined

    def _bounded_filter(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        """``func`` with its arguments checked first (when it can multiply them) and its result checked after."""
        skip = 1 if hasattr(func, "jinja_pass_arg") else 0  # the context Jinja passes first
        check = FILTER_CHECKS.get(name)
        prints = name in TEXT_FILTERS

        @functools.wraps(func)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.budget.tick()
            if name in ("join", "sum") and len(args) > skip and not isinstance(args[skip], (list, tuple, str)):
                args = (*args[:skip], list(args[skip]), *args[skip + 1 :])  # weighed, then read again
            if prints and len(args) > skip:
                check_weight(weight(args[skip]), f"the {name} filter")
            if check is not None:
                check(*args[skip:], **kwargs)
            return self._built(func(*args, **kwargs))

        return bounded

    def _timed(self, func: Any) -> Callable[..., Any]:
        @functools.wraps(func)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.budget.tick()
            return func(*args, **kwargs)

        return timed


class _Filters(dict[str, Callable[..., Any]]):
    """The environment's filters: each one bounded as it is added, except the sandbox's own."""

    def __init__(self, env: ReportSandbox, filters: dict[str, Callable[..., Any]]) -> None:
        super().__init__()
        self._env = env
        self.update(filters)

    def __setitem__(self, name: str, func: Callable[..., Any]) -> None:
        super().__setitem__(name, func if name in _OWN else self._env._bounded_filter(name, func))

    def update(self, *args: Any, **kwargs: Any) -> None:
        for name, func in dict(*args, **kwargs).items():
            self[name] = func


class _Bounded(NodeTransformer):
    """Every ``~`` and every slice goes through a size check."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        parts = [self.visit(n) for n in node.nodes]
        return nodes.Filter(nodes.List(parts), _CONCAT, [], [], None, None, lineno=node.lineno)

    def visit_Getitem(self, node: nodes.Getitem) -> nodes.Node:
        # Jinja slices with plain Python, not through the environment: the copy is counted here instead.
        visited = self.generic_visit(node)
        assert isinstance(visited, nodes.Getitem)
        if not isinstance(visited.arg, nodes.Slice):
            return visited
        return nodes.Filter(visited, _SLICED, [], [], None, None, lineno=node.lineno)


def _budget(context: Context | EvalContext) -> Budget:
    env = context.environment
    assert isinstance(env, ReportSandbox)
    return env.budget


@pass_context  # a context filter is never run at compile time, so every loop is counted
def _counted(context: Context, iterable: Iterable[Any]) -> Iterator[Any]:
    budget = _budget(context)
    for item in iterable:
        budget.step()
        yield item


def _counting(env: ReportSandbox, finalize: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """``finalize`` (or none) that first counts what it is given against the characters a render may build."""

    def counted(value: Any) -> Any:
        env.budget.built(weight(value))
        return value if finalize is None else finalize(value)

    return counted


@pass_context
def _counted_slice(context: Context, value: Any) -> Any:
    env = context.environment
    assert isinstance(env, ReportSandbox)
    return env._built(value)


@pass_eval_context
def _bounded_concat(eval_ctx: EvalContext, parts: list[Any]) -> str:
    check_weight(sum(weight(p) for p in parts), "joining these with ~")
    joined = markup_join(parts) if eval_ctx.autoescape else str_join(parts)
    _budget(eval_ctx).built(len(joined))
    return joined


class _BoundedFormatter(SandboxedFormatter):
    """``str.format`` whose fields together may not make more than the size limit, checked field by field."""

    def __init__(self, env: ReportSandbox, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self._left = MAX_TEXT_CHARS

    def vformat(self, format_string: str, args: Any, kwargs: Any) -> str:
        self._left = MAX_TEXT_CHARS - len(format_string)
        return super().vformat(format_string, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> Any:
        self._left -= format_field_cost(value, format_spec)
        check_weight(MAX_TEXT_CHARS - self._left, "this format string")
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(_BoundedFormatter, SandboxedEscapeFormatter):
    pass


def _range(*args: int) -> range:
    try:
        return safe_range(*args)
    except OverflowError:
        raise LimitExceeded(f"range() gives at most {MAX_RANGE:,} numbers") from None


def _lipsum(*args: Any, **kwargs: Any) -> str:
    check_lipsum(*args, **kwargs)
    return str(generate_lorem_ipsum(*args, **kwargs))
