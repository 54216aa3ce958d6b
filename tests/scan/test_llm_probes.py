"""The shipped probes for LLM systems on small repositories: what each finds, at which option, and what it leaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.scan.verdicts.findings import ScanResult

from support.scan_trees import scan_tree

APP = {
    "app/prompts/answer.txt": "Answer from the sources only.\n",
    "app/rag.py": (
        "import pathlib\nfrom langfuse import observe\n\n"
        'PROMPT = (pathlib.Path(__file__).parent / "prompts/answer.txt").read_text()\n'
        "MODEL = 'gpt-4o-2024-08-06'\n\n@observe\ndef answer(q):\n    return q\n"
    ),
    "evals/run_eval.py": (
        "from deepeval import assert_test\nfrom deepeval.test_case import LLMTestCase\n\n"
        "def test_answer():\n    assert_test(LLMTestCase(input='q', actual_output='a'), [])\n"
    ),
    ".github/workflows/eval.yml": (
        "on:\n  pull_request:\njobs:\n  e:\n    steps:\n      - run: python evals/run_eval.py\n"
    ),
    "app/guard.py": (
        "from agents import input_guardrail\n\n@input_guardrail\nasync def no_injection(ctx, agent, text):\n    pass\n"
    ),
    ".github/workflows/ingest.yml": "on:\n  schedule:\n    - cron: '0 1 * * *'\njobs:\n  i:\n    steps:\n"
    "      - run: python app/ingest.py\n",
    "app/ingest.py": (
        "from qdrant_client import QdrantClient\n\nQdrantClient().upsert(collection_name='docs', points=[])\n"
    ),
    "litellm_config.yaml": "model_list: []\ngeneral_settings:\n  max_budget: 100\n",
}


def _strong(scan: ScanResult) -> dict[str, str]:
    """``{probe: supported option}`` of the strong findings."""
    return {f.probe: f.supports for f in scan.findings if f.strength == "strong"}


def test_an_llm_application_shows_each_practice_at_its_lowest_proven_option(
    tmp_path: Path, shipped: Questionnaire
) -> None:
    found = _strong(scan_tree(tmp_path, APP, shipped))
    assert found["prompt-files"] == "versioned"
    assert found["pinned-model-id"] == "pinned_some"
    assert found["langfuse-tracing"] == "traced_some"
    assert found["llm-eval-frameworks"] == "set_by_hand"
    assert found["llm-eval-in-ci"] == "ci_some"  # CI runs the script whose lines evaluate
    assert found["llm-guardrail-checks"] == "checks_some"
    assert found["index-rebuilt-by-automation"] == "pipeline_run"
    assert found["llm-budgets"] == "budgets_some"


@pytest.mark.parametrize(
    ("files", "probe"),
    [
        ({"app.py": "client.chat(model='gpt-4o')\nAPI = '2024-08-01-preview'\n"}, "pinned-model-id"),
        ({"notes/prompts.txt": "draft\n"}, "prompt-files"),  # no code loads it: weak at most
        ({".github/prompts/review.prompt.md": "Review this.\n"}, "prompt-files"),  # a coding assistant's
        ({"app.py": "class Settings:\n    deployment = 'gpt-4o'\n"}, "pinned-model-deployment"),
    ],
)
def test_floating_aliases_and_text_nobody_loads_are_not_evidence(
    tmp_path: Path, shipped: Questionnaire, files: dict[str, str], probe: str
) -> None:
    assert probe not in _strong(scan_tree(tmp_path, files, shipped))


def test_an_evaluation_librarys_own_code_is_its_product(tmp_path: Path, shipped: Questionnaire) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "ragas"\n',
        "src/ragas/integrations/tracing.py": "from langfuse import Langfuse\n\nclient = Langfuse()\n",
        "src/ragas/evaluation.py": "from ragas import evaluate\n",
    }
    scan = scan_tree(tmp_path, files, shipped)
    assert _strong(scan) == {}
    assert {f.probe for f in scan.findings} >= {"langfuse-tracing", "llm-eval-frameworks"}
