"""What one template render may cost, and the checks that hold it to that, before the work is done.

Three budgets bound a render (``Budget``): steps (loop iterations and calls, macros included),
characters produced (everything a template outputs, counting text built up inside macros,
``{% set %}`` blocks and filter blocks), and time. A fourth limit bounds each value: no text or
list a template builds may pass ``MAX_TEXT_CHARS``. Operations that can multiply their input
(``*``, ``%``, ``center(n)``, ``'{:>n}'.format``, ``join``, ``replace``, ``indent``...) are
checked from their arguments before they run, so a template never gets to allocate the memory
it asks for; the others are checked on their result.

The size of a value is its ``weight``: the characters it turns into when printed, counting
repeated references as many times as they repeat (a list of the same long text a thousand
times weighs a thousand texts), without ever building that text.
"""

from __future__ import annotations

import re
import time
from typing import Any

from jinja2.exceptions import TemplateRuntimeError

MAX_STEPS = 100_000
MAX_TEXT_CHARS = 5_000_000
MAX_BUILT_CHARS = 20_000_000
MAX_INT_BITS = 10_000
MAX_RENDER_SECONDS = 10
MAX_ITEMS = 100_000  # batches, slices and fills of a list; the same bound Jinja puts on range()


_clock = time.monotonic  # read through this name, so a test can make time pass faster


class LimitExceeded(TemplateRuntimeError):
    """A template went past one of the limits above."""


class Budget:
    """The steps, characters and time one render has left."""

    def __init__(self) -> None:
        self.steps_left = MAX_STEPS
        self.built_left = MAX_BUILT_CHARS
        self.deadline = _clock() + MAX_RENDER_SECONDS

    def step(self) -> None:
        self.steps_left -= 1
        if self.steps_left < 0:
            raise LimitExceeded(
                f"the loops and calls ran more than {MAX_STEPS:,} steps in all; "
                "a report needs far fewer, so a loop is probably nested in another by mistake"
            )
        self.tick()

    def tick(self) -> None:
        if _clock() > self.deadline:
            raise LimitExceeded(
                f"the template ran for more than {MAX_RENDER_SECONDS} seconds; a report renders in a fraction of one"
            )

    def built(self, chars: int) -> None:
        self.built_left -= chars
        if self.built_left < 0:
            raise LimitExceeded(
                f"the template produced more than {MAX_BUILT_CHARS:,} characters in all "
                "(counting text built inside macros, blocks and filters)"
            )
        self.tick()


def weight(value: Any) -> int:
    """How many characters ``value`` becomes when printed, without printing it (at least 1)."""
    if isinstance(value, str):  # by far the most common: every {{ text }} of a report
        return len(value) or 1
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() // 3 + 2
    return _weight(value)


def _weight(value: Any) -> int:
    seen: dict[int, int] = {}

    def of(item: Any, depth: int) -> int:
        if isinstance(item, (str, bytes, bytearray)):
            return len(item)
        if item is None or isinstance(item, (bool, float)):
            return 8
        if isinstance(item, int):
            return item.bit_length() // 3 + 2
        key = id(item)
        if key in seen:
            return seen[key]
        if depth > 64:
            total = MAX_TEXT_CHARS + 1  # printing something nested this deep is never a report
        elif isinstance(item, (list, tuple, set, frozenset)):
            total = sum(of(x, depth + 1) + 2 for x in item) + 2
        elif isinstance(item, dict):
            total = sum(of(k, depth + 1) + of(v, depth + 1) + 4 for k, v in item.items()) + 2
        else:
            total = len(str(item))  # an object of the result: its own text, which it bounds
        seen[key] = total
        return total

    return max(1, of(value, 0))


def check_size(value: Any, what: str = "a value") -> Any:
    """``value`` itself, once it is known to be within ``MAX_TEXT_CHARS`` characters or items."""
    if isinstance(value, (str, bytes, bytearray, list, tuple, dict, set, frozenset)) and len(value) > MAX_TEXT_CHARS:
        raise _too_large(what)
    return value


def check_weight(total: int, what: str) -> None:
    if total > MAX_TEXT_CHARS:
        raise _too_large(what)


def _too_large(what: str) -> LimitExceeded:
    return LimitExceeded(f"{what} would make more than {MAX_TEXT_CHARS:,} characters or items, the limit for one value")


def check_int(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_TEXT_CHARS:
        raise LimitExceeded(f"{what} of {value:,} is over the limit of {MAX_TEXT_CHARS:,}")


# --- printf (%) and str.format ------------------------------------------------------------------------------

_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_SPEC = re.compile(r"^(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?[a-zA-Z%]?$", re.DOTALL)


def check_printf(template: Any, args: Any) -> None:
    """``template % args`` (and the ``format`` filter): widths and precisions, plus what is printed, bounded."""
    if not isinstance(template, (str, bytes)):
        return
    text = template if isinstance(template, str) else template.decode("latin-1")
    values = args if isinstance(args, tuple) else (args,)
    total = len(text) + weight(values)
    starred = False
    for match in _PRINTF.finditer(text):
        for part in match.groups():
            if part == "*":
                starred = True
            elif part:
                total += int(part) if len(part) < 10 else MAX_TEXT_CHARS + 1
    if starred:  # a width taken from the arguments: count every whole number among them as one
        total += sum(abs(v) for v in values if isinstance(v, int) and not isinstance(v, bool))
    check_weight(total, "this % formatting")


def format_field_cost(value: Any, spec: str) -> int:
    """The most characters ``format(value, spec)`` can make."""
    match = _SPEC.match(spec)
    if match is None:
        return weight(value) + len(spec)  # Python will refuse the spec itself
    width, precision = (int(g) if g and len(g) < 10 else (MAX_TEXT_CHARS + 1 if g else 0) for g in match.groups())
    return max(width, weight(value) + precision + 32)


# --- calls of methods that multiply their input ---------------------------------------------------------------


def check_method(func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a call of a text or list method that would pass the size limit; the arguments to call it with.

    ``join`` reads its argument once to weigh it, so it gets back a list it can read again.
    """
    owner = getattr(func, "__self__", None)
    name = getattr(func, "__name__", "")
    if isinstance(owner, (str, bytes, bytearray)):
        args = _check_text_method(owner, name, args, kwargs)
    elif isinstance(owner, list) and name in ("extend", "append", "insert"):
        added = len(args[-1]) if name == "extend" and args and hasattr(args[-1], "__len__") else 1
        if len(owner) + added > MAX_TEXT_CHARS:
            raise _too_large(f"{name}()")
    elif isinstance(owner, int) and name == "to_bytes":
        check_int(args[0] if args else kwargs.get("length", 1), "to_bytes() length")
    return args


def _check_text_method(owner: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    if name in ("center", "ljust", "rjust", "zfill"):
        check_int(args[0] if args else kwargs.get("width", 0), f"{name}() width")
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            check_weight(len(owner) + owner.count("\t" if isinstance(owner, str) else b"\t") * size, "expandtabs()")
    elif name == "replace" and len(args) >= 2:
        check_weight(replaced_size(owner, args[0], args[1], args[2] if len(args) > 2 else -1), "replace()")
    elif name == "join" and args:
        items = list(args[0])
        check_weight(sum(weight(i) for i in items) + len(owner) * len(items), "join()")
        return (items, *args[1:])
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((weight(v) for v in args[0].values()), default=1)
        check_weight(len(owner) * max(1, longest), "translate()")
    return args


def replaced_size(text: Any, old: Any, new: Any, count: Any) -> int:
    if not isinstance(old, type(text)) or not isinstance(new, type(text)):
        return len(text)
    times = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * max(0, len(new) - len(old))


def check_count(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value > MAX_ITEMS:
        raise LimitExceeded(f"{what} of {value:,} is over the limit of {MAX_ITEMS:,}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_power(base: Any, exponent: Any) -> None:
    if not (_is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1):
        return
    if exponent > MAX_INT_BITS or base.bit_length() * exponent > MAX_INT_BITS:
        raise LimitExceeded(f"the power is too large: over the limit of {MAX_INT_BITS:,} bits for a number")


def check_product(left: Any, right: Any) -> None:
    if _is_int(left) and _is_int(right):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise LimitExceeded(f"the product is too large: over the limit of {MAX_INT_BITS:,} bits for a number")
        return
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and _is_int(count) and count > 0:
            size = len(seq) * count if isinstance(seq, str) else max(len(seq), weight(seq)) * count
            if size > MAX_TEXT_CHARS:
                raise LimitExceeded(
                    f"repeating a text or list that many times makes more than {MAX_TEXT_CHARS:,} items, "
                    "the limit for rendered text"
                )
