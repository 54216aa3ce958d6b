"""Write every file the project generates: docs tables, help pages, the questionnaire snapshot, goldens.

The makers live in ``tests/support/generated.py``, which ``tests/content/test_generated.py`` also
uses to check that each file is current; this script is the only thing that writes them. Run it
after changing the questionnaire, a renderer or a template, then review ``git diff``.

Usage: python scripts/regenerate.py [PATH_PREFIX...]   (only the files whose path starts so)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from support.generated import artefacts  # type: ignore[import-not-found]  # tests/ is on the path now

    changed = 0
    for artefact in artefacts():
        if argv and not any(artefact.path.startswith(prefix) for prefix in argv):
            continue
        path = ROOT / artefact.path
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        fresh = artefact.expected(current)
        if fresh != current:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(fresh)
            print(f"wrote {artefact.path}")
            changed += 1
    print(f"{changed} file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
