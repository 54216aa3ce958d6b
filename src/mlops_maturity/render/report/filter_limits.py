"""The checks of the template filters that can multiply their input, run on their arguments before they run.

Each check takes the filter's arguments as a template passes them (the value first, without the
context Jinja passes some filters) and raises ``LimitExceeded`` when the result could pass the
size limit of ``limits.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mlops_maturity.render.report.limits import (
    check_count,
    check_int,
    check_printf,
    check_weight,
    replaced_size,
    weight,
)

# Filters that print their value (Jinja's, and the report's own md and raw): it must not weigh more than the limit.
TEXT_FILTERS = frozenset(
    [
        "capitalize",
        "center",
        "e",
        "escape",
        "forceescape",
        "format",
        "indent",
        "lower",
        "pprint",
        "replace",
        "safe",
        "string",
        "striptags",
        "title",
        "tojson",
        "trim",
        "truncate",
        "upper",
        "urlencode",
        "urlize",
        "wordcount",
        "wordwrap",
        "xmlattr",
        "md",
        "raw",
    ]
)


def _center(value: Any, width: Any = 80, *_: Any, **kw: Any) -> None:
    check_int(kw.get("width", width), "center() width")


def _indent(value: Any, width: Any = 4, *_: Any, **kw: Any) -> None:
    width = kw.get("width", width)
    each = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    lines = str(value).count("\n") + 1
    check_weight(weight(value) + lines * each, "indent()")


def _replace(value: Any, old: Any = "", new: Any = "", count: Any = None, **kw: Any) -> None:
    text = str(value)
    check_weight(replaced_size(text, str(old), str(new), -1 if count is None else count), "replace()")


def _join(value: Any, d: Any = "", attribute: Any = None, **kw: Any) -> None:
    items = value if isinstance(value, (list, tuple)) else None
    if items is not None:
        check_weight(weight(items) + len(str(kw.get("d", d))) * len(items), "join()")


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    check_printf(value, kwargs or args)


def _batch(value: Any, linecount: Any = 0, fill_with: Any = None, **kw: Any) -> None:
    if kw.get("fill_with", fill_with) is not None:
        check_count(kw.get("linecount", linecount), "batch() size with fill_with")


def _slice(value: Any, slices: Any = 0, *_: Any, **kw: Any) -> None:
    check_count(kw.get("slices", slices), "slice() count")


def _sum(iterable: Any, attribute: Any = None, start: Any = 0, **kw: Any) -> None:
    start = kw.get("start", start)
    if isinstance(start, (str, list, tuple)) and isinstance(iterable, (list, tuple)):
        check_count(len(iterable), "sum() of lists")
        check_weight(weight(iterable) + weight(start), "sum() of lists")


def _wordwrap(s: Any, width: Any = 79, _long: Any = True, wrapstring: Any = None, *_: Any, **kw: Any) -> None:
    width, wrapstring = kw.get("width", width), kw.get("wrapstring", wrapstring)
    lines = len(str(s)) // max(1, width if isinstance(width, int) else 1) + 1
    check_weight(weight(s) + lines * len(str(wrapstring or "\n")), "wordwrap()")


def _urlize(value: Any, *args: Any, **kw: Any) -> None:
    extra = sum(len(str(kw.get(k) or "")) for k in ("target", "rel")) + 64
    check_weight(weight(value) + len(str(value).split()) * extra, "urlize()")


def _pprint(value: Any, *_: Any, **kw: Any) -> None:
    check_weight(4 * weight(value), "pprint()")


# filter name -> check of its arguments (the value first, without a context Jinja passes)
FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": _center,
    "indent": _indent,
    "replace": _replace,
    "join": _join,
    "format": _format,
    "batch": _batch,
    "slice": _slice,
    "sum": _sum,
    "wordwrap": _wordwrap,
    "urlize": _urlize,
    "pprint": _pprint,
}


def check_lipsum(n: Any = 5, html: Any = True, min: Any = 20, max: Any = 100) -> None:
    if all(isinstance(v, int) for v in (n, max)):
        check_weight(n * max * 12, "lipsum()")
