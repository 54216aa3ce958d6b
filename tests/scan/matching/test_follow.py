"""Following commands: from a CI line to the definition it runs, two hops at most, inside the repository."""

from __future__ import annotations

import re
from typing import Any

from mlops_maturity.scan.matching.follow import MAX_HOPS, Follower, Text
from mlops_maturity.scan.probes.model import Runner

RUNNERS = [
    Runner(
        id="make", calls=r"\bmake\s+(?P<target>[\w.-]+)", files=("Makefile",), defines=r"^{target}\s*:", body="indented"
    ),
    Runner(
        id="mise",
        calls=r"\bmise\s+run\s+(?P<target>[\w.-]+)",
        files=("mise.toml",),
        defines=r"^\[tasks\.{target}\]",
        body="section",
    ),
    Runner(
        id="npm",
        calls=r"\bnpm\s+run\s+(?P<target>[\w.-]+)",
        files=("package.json",),
        defines=r'^\s*"{target}"\s*:',
        body="line",
    ),
    Runner(id="sh", calls=r"\bbash\s+(?P<target>[\w./-]+\.sh)"),
    Runner(id="module", calls=r"\bpython\s+-m\s+(?P<target>[\w.]+)", module=True),
]
PYTEST = re.compile(r"\bpytest\b")


def _follower(files: dict[str, str]) -> tuple[Follower, list[str]]:
    reads: list[str] = []

    def read(path: str) -> Text | None:
        reads.append(path)
        return _text(path, files[path]) if path in files else None

    return Follower(RUNNERS, sorted(files), read), reads


def _text(path: str, content: str) -> Text:
    lines = content.split("\n")
    return Text(path, lambda i: "" if lines[i].lstrip().startswith("#") else lines[i], len(lines))


def _find(files: dict[str, str], origin: str = "ci.yml") -> Any:
    follower, _ = _follower(files)
    return follower.find(_text(origin, files[origin]), lambda code: bool(PYTEST.search(code)))


def test_a_make_target_leads_to_its_recipe() -> None:
    files = {
        "ci.yml": "steps:\n  - run: make lint\n  - run: make test\n",
        "Makefile": "lint:\n\truff .\n\ntest:\n\tpytest -q\n",
    }
    led = _find(files)
    assert (led.index, led.via, led.text) == (2, ("Makefile:5",), "\tpytest -q")


def test_a_mise_task_is_its_section_and_a_package_script_its_line() -> None:
    mise = '[tasks.check]\nrun = "ruff"\n\n[tasks.test]\nrun = "uv run pytest"\n'
    assert _find({"ci.yml": "run: mise run test\n", "mise.toml": mise}).via == ("mise.toml:5",)
    assert _find({"ci.yml": "run: mise run check\n", "mise.toml": mise}) is None  # the next section is not its body
    package = '{\n  "scripts": {\n    "lint": "eslint",\n    "test": "pytest tests"\n  }\n}\n'
    assert _find({"ci.yml": "run: npm run test\n", "package.json": package}).via == ("package.json:4",)


def test_two_hops_and_no_more() -> None:
    files = {
        "ci.yml": "run: make ci\n",
        "Makefile": "ci:\n\tbash scripts/ci.sh\n",
        "scripts/ci.sh": "set -e\npython -m tools.run_tests\n",
        "tools/run_tests.py": "import subprocess\nsubprocess.run(['pytest'])\n",
    }
    assert MAX_HOPS == 2
    assert _find(files) is None  # pytest is three hops away
    files["scripts/ci.sh"] = "set -e\npytest -q\n"
    assert _find(files).via == ("Makefile:2", "scripts/ci.sh:2")


def test_a_commented_call_or_a_path_outside_the_repository_is_not_followed() -> None:
    files = {
        "ci.yml": "# run: make test\nrun: bash ../outside.sh\nrun: bash /etc/x.sh\n",
        "Makefile": "test:\n\tpytest\n",
    }
    follower, reads = _follower(files)
    assert follower.find(_text("ci.yml", files["ci.yml"]), lambda code: "pytest" in code) is None
    assert reads == []  # nothing outside the listing is even asked for


def test_a_python_module_is_a_path() -> None:
    files = {
        "ci.yml": "run: python -m ml_service.run_tests --x\n",
        "ml_service/run_tests.py": "import pytest\npytest.main()\n",
    }
    assert _find(files).via == ("ml_service/run_tests.py:1",)


def test_a_script_run_from_another_folder_is_found_by_the_end_of_its_path_when_only_one_file_ends_so() -> None:
    files = {
        "ci.yml": "steps:\n  - working-directory: ./src/api\n    run: python -m evaluate\n",
        "src/api/evaluate.py": "import pytest\n",
    }
    assert _find(files).via == ("src/api/evaluate.py:1",)
    files["tools/evaluate.py"] = "print(1)\n"  # two files end so: neither is guessed
    assert _find(files) is None


def test_only_calls_into_the_repository_count_against_the_bound() -> None:
    stdlib = "".join(f"python -m module{i}\n" for i in range(20))  # none of them is a file of the repository
    files = {"ci.yml": stdlib + "python -m tests.run\n", "tests/run.py": "pytest.main()\n"}
    assert _find(files).via == ("tests/run.py:1",)
