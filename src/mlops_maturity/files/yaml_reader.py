"""Safe YAML reading that keeps line numbers and refuses surprises.

Scalars come back as the text the user wrote (only a plain ``null``/``~``/empty
becomes ``None``); pydantic then converts where a number or a date is
expected. That sidesteps YAML 1.1's habit of reading ``no`` as ``False`` or
``1:30`` as 90, which would otherwise corrupt option ids and team names.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mlops_maturity.cut import EXCERPT_CHARS, clip, excerpt
from mlops_maturity.errors import InputFileError, Problem

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 50_000

try:  # the C loader is several times faster; the pure one is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """Parsed YAML data plus the line where every key and item starts."""

    file: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """Line of ``loc`` or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.file, message, self.line_of(loc), format_loc(loc))


def format_loc(loc: Loc) -> str:
    """``('answers', 'a.b', 'answer')`` -> ``answers.a.b.answer``; ints as ``[i]``; a very long key cut short."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = clip(part, EXCERPT_CHARS, unicode=False)
            out += f".{key}" if out else key
    return out


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES, kind: str = "YAML", inside: Within | None = None) -> str:
    """Read a UTF-8 text file (BOM and CRLF allowed) or raise a clear error; ``kind`` names what it should hold.

    Only a regular file is read: a named pipe, a device or a socket is refused without being
    waited on. With ``inside``, the file is one part of that folder (a questionnaire, a template
    folder) and must lie inside it once links are followed, so a link cannot pull another file
    on the machine into the tool's output.
    """
    name = str(path)
    if not path.exists():
        raise InputFileError(f"{name}: no such file")
    if path.is_dir():
        raise InputFileError(f"{name}: is a directory, expected a {kind} file")
    target = check_inside(path, inside) if inside is not None else None
    try:
        fd = os.open(path, _READ)  # non-blocking, so opening a named pipe never waits for a writer
    except OSError as exc:
        raise InputFileError(f"{name}: cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise InputFileError(f"{name}: {_not_regular(opened.st_mode)}, not a regular file; expected a {kind} file")
        if target is not None and not _same_file(opened, target):
            raise InputFileError(f"{name}: changed while it was being opened; run again")
        try:
            raw = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputFileError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise InputFileError(f"{name}: larger than the {max_bytes // 1024} KiB limit for an input file")
    if b"\0" in raw:
        raise InputFileError(f"{name}: looks binary (contains NUL bytes), expected {kind} text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{name}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None


_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def _not_regular(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


@dataclass(frozen=True)
class Within:
    """The folder a file is one part of (a questionnaire, a template folder), and what to call it."""

    folder: Path
    what: str = "folder"


def check_inside(path: Path, within: Within) -> Path:
    """The file ``path`` stands for once links are followed; refused when that is not inside the folder."""
    target = path.resolve()
    if not target.is_relative_to(within.folder.resolve()):
        raise InputFileError(
            f"{path}: links to {target}, outside the {within.what} {within.folder}; copy the file in instead"
        )
    return target


def _same_file(opened: os.stat_result, target: Path) -> bool:
    """Whether what was opened is still the file that was checked (a link swapped in between is caught)."""
    try:
        now = target.stat()
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (opened.st_dev, opened.st_ino)


def load_file(path: Path, *, inside: Within | None = None) -> Document:
    """Read and parse one YAML file; ``inside`` as for ``read_text``."""
    return parse(read_text(path, inside=inside), str(path))


def parse(text: str, file: str) -> Document:
    """Parse one YAML document into plain data with a line map."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "syntax error"
        if "another document" in what:
            what = "a file holds one YAML document; remove the second '---' and what follows it"
        raise InputFileError(f"{file}: invalid YAML", (Problem(file, f"invalid YAML: {what}", line),)) from None
    except yaml.YAMLError as exc:
        raise InputFileError(f"{file}: invalid YAML: {exc}") from None
    except RecursionError:
        raise InputFileError(f"{file}: nested too deeply (limit {MAX_DEPTH} levels)") from None
    if node is None:
        return Document(file, None)
    builder = _Builder(file)
    data = builder.build(node, (), 0)
    return Document(file, data, builder.lines)


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[Loc, int] = {}
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, loc: Loc, message: str) -> InputFileError:
        problem = Problem(self.file, message, node.start_mark.line + 1, format_loc(loc))
        return InputFileError(str(problem), (problem,))

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.fail(node, loc, f"nested more than {MAX_DEPTH} levels deep")
        if id(node) in self.seen:
            raise self.fail(node, loc, "YAML anchors and aliases (&, *) are not supported; write the value out")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise self.fail(node, loc, f"more than {MAX_NODES} values; this is not an assessment file")
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise self.fail(node, loc, f"YAML tag {excerpt(node.tag)} is not allowed")
            if node.tag == _TAG + "null" and not node.style:  # plain style: None (Python) or "" (libyaml)
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                raise self.fail(node, loc, f"YAML tag {excerpt(node.tag)} is not allowed")
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag != _TAG + "map":
                raise self.fail(node, loc, f"YAML tag {excerpt(node.tag)} is not allowed")
            return self._mapping(node, loc, depth)
        raise self.fail(node, loc, "unsupported YAML node")  # pragma: no cover

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _TAG + "merge":
                raise self.fail(key_node, loc, "keys must be plain text (no merge keys or complex keys)")
            key = key_node.value
            if key in out:
                first = self.lines.get((*loc, key))
                raise self.fail(key_node, (*loc, key), f"duplicate key {excerpt(key)} (first given on line {first})")
            self.lines[(*loc, key)] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, (*loc, key), depth + 1)
        return out


def dump(data: Any) -> str:
    """Dump plain data as block-style YAML, keys in the order given."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
