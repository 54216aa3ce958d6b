"""What a PDF printed by Chromium says about its layout: page sizes, and on which page each heading starts.

Chromium writes the page's headings as the PDF's outline (``--generate-pdf-document-outline``), each with
the page and the height it starts at. That is what the product controls when it prints (a section per page,
A4), unlike the number of pages, which follows the browser's version and the fonts installed. Skia writes
each object as plain text (only content streams are compressed), so a few regular expressions read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

A4_WIDTH = 595.28  # points


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for the page's <h1>, 2 for an <h2>, ...
    title: str
    page: int  # 1-based
    top: float  # how far below the top of its page it starts, in points


@dataclass(frozen=True)
class Printed:
    pages: list[tuple[float, float]]  # width and height of each page, in points
    headings: list[Heading]  # in the order of the document


def read(path: Path) -> Printed:
    data = path.read_bytes()
    objects = {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)}
    catalog = next(body for body in objects.values() if re.search(rb"/Type\s*/Catalog", body))
    pages = list(_pages(objects, _ref(catalog, b"Pages")))
    order = {number: i for i, number in enumerate(pages)}
    sizes = [_size(objects[n]) for n in pages]
    headings: list[Heading] = []
    outline = _ref(catalog, b"Outlines", required=False)
    if outline is not None:
        _outline(objects, _ref(objects[outline], b"First", required=False), 1, order, sizes, headings)
    return Printed(sizes, headings)


def _ref(body: bytes, key: bytes, *, required: bool = True) -> int:
    found = re.search(rb"/" + key + rb"\s+(\d+) 0 R", body)
    if found is None:
        if required:
            raise ValueError(f"no /{key.decode()} in {body[:80]!r}")
        return None  # type: ignore[return-value]
    return int(found[1])


def _pages(objects: dict[int, bytes], node: int) -> list[int]:
    body = objects[node]
    if re.search(rb"/Type\s*/Pages", body):
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
        assert kids is not None
        return [page for kid in re.findall(rb"(\d+) 0 R", kids[1]) for page in _pages(objects, int(kid))]
    return [node]


def _size(body: bytes) -> tuple[float, float]:
    box = re.search(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", body)
    assert box is not None
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    return x1 - x0, y1 - y0


def _outline(
    objects: dict[int, bytes],
    item: int | None,
    level: int,
    order: dict[int, int],
    sizes: list[tuple[float, float]],
    out: list[Heading],
) -> None:
    while item is not None:
        body = objects[item]
        dest = re.search(rb"/Dest\s*\[\s*(\d+) 0 R\s*/XYZ\s+([-\d.]+)\s+([-\d.]+)", body)
        assert dest is not None, body[:200]
        page = order[int(dest[1])]
        out.append(Heading(level, _title(body), page + 1, sizes[page][1] - float(dest[3])))
        _outline(objects, _ref(body, b"First", required=False), level + 1, order, sizes, out)
        item = _ref(body, b"Next", required=False)


def _title(body: bytes) -> str:
    hexed = re.search(rb"/Title\s*<([0-9A-Fa-f\s]*)>", body)
    if hexed is not None:
        raw = bytes.fromhex(hexed[1].decode())
        return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")
    literal = re.search(rb"/Title\s*\(((?:\\.|[^\\)])*)\)", body, re.S)
    assert literal is not None, body[:200]
    return re.sub(rb"\\(.)", rb"\1", literal[1]).decode("latin-1")
