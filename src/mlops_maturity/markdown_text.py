"""Put user text (team names, evidence, file names) into Markdown without it turning into markup."""

from __future__ import annotations

import re

from mlops_maturity.report.escape import markdown_text

# One escaper for every Markdown output: the report's, which also defuses autolinks and bidi tricks.
escape = markdown_text


def code(text: str) -> str:
    """Inline code for identifiers (question ids, file names); backticks inside widen the fence."""
    text = " ".join(text.split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
