"""The bad-input corpus: every hostile or broken file gets one clear error (exit 2), never a traceback.

Files live in tests/data/bad/. Answers files are scored against the tiny test questionnaire;
questionnaire folders are validated. Valid oddities (BOM, CRLF, YAML 1.1 words) must score.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from support import DATA, TINY, Run

Cli = Callable[..., Run]
BAD = DATA / "bad"

# file -> (fragment of the message, line it must name or None)
ANSWERS: dict[str, tuple[str, int | None]] = {
    "syntax-unclosed-bracket.yaml": ("invalid YAML", 3),
    "syntax-bad-indent.yaml": ("invalid YAML", 3),
    "syntax-tab-indent.yaml": ("invalid YAML", 2),
    "syntax-unclosed-quote.yaml": ("invalid YAML", None),
    "empty.yaml": ("the file is empty; run `mlops-maturity init` for a template", None),
    "only-comments.yaml": ("the file is empty", None),
    "top-level-list.yaml": ("expected a mapping with the keys questionnaire, team, assessed_on, answers", 1),
    "top-level-scalar.yaml": ("expected a mapping", 1),
    "answers-is-list.yaml": ("answers: expected a mapping (key: value), got a list", 1),
    "answers-is-string.yaml": ("answers: expected a mapping (key: value), got 'deploy.prod'", 1),
    "answers-empty-mapping.yaml": ("answers: is empty; give at least one answer (key: value)", 2),
    "answers-missing.yaml": ("answers: required key is missing", None),
    "unknown-top-level-key.yaml": ("unknown key 'score'; the top-level keys are: questionnaire, team, assessed_on", 2),
    "duplicate-top-level-key.yaml": ("duplicate key 'team' (first given on line 1)", 2),
    "duplicate-answer.yaml": ("duplicate key 'deploy.prod' (first given on line 2)", 4),
    "unknown-question.yaml": ("unknown question id 'deploy.production'; did you mean deploy.prod?", 3),
    "unknown-option.yaml": ("'weekly' is not an option; choose one of: none, one, many, unknown", 2),
    "yaml11-boolean-option.yaml": ("'yes' is not an option; choose one of: none, one, many, unknown", 2),
    "number-option.yaml": ("'3' is not an option; choose one of: none, one, many, unknown", 2),
    "option-is-list.yaml": ("answers.deploy.prod", 2),
    "long-form-unknown-key.yaml": ("unknown key 'proof'; an answer's keys are: answer, evidence, reason", 4),
    "long-form-answer-is-mapping.yaml": ("answers.deploy.prod.answer: expected text, got a mapping", 3),
    "not-applicable-without-reason.yaml": ("not_applicable needs a reason", 3),
    "not-applicable-not-allowed.yaml": (
        "'deploy.prod' cannot be answered not_applicable; choose one of: none, one, many",
        2,
    ),
    "team-is-mapping.yaml": ("team: expected text, got a mapping", 1),
    "team-is-list.yaml": ("team: expected text, got a list", 1),
    "assessed-on-impossible-date.yaml": ("assessed_on:", 1),
    "assessed-on-sexagesimal.yaml": ("assessed_on:", 1),
    "other-questionnaire.yaml": ("this file answers questionnaire 'someone-else'", 1),
    "unsafe-python-tag.yaml": ("YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed", 1),
    "custom-tag.yaml": ("YAML tag '!vault' is not allowed", 1),
    "alias-bomb.yaml": ("anchors and aliases (&, *) are not supported", 1),
    "merge-key.yaml": ("keys must be plain text (no merge keys or complex keys)", 3),
    "deep-nesting.yaml": ("nested more than 32 levels deep", 3),
    "multi-document.yaml": ("a file holds one YAML document; remove the second '---'", 3),
    "evidence-too-long.yaml": ("answers.deploy.prod.evidence: String should have at most 2000 characters", 4),
    "team-too-long.yaml": ("team: String should have at most 200 characters", 1),
    "complex-key.yaml": ("keys must be plain text", 2),
    "non-utf8.yaml": ("not UTF-8 text (byte 0xc9 at offset 6); save it as UTF-8", None),
    "binary.yaml": ("looks binary (contains NUL bytes)", None),
    "utf16.yaml": ("looks binary (contains NUL bytes)", None),
}

VALID = {
    "ok-bom.yaml": "",
    "ok-crlf.yaml": "Fraud",
    "ok-yaml11-words-as-text.yaml": "on",
    "ok-numeric-team.yaml": "1e3",
    "ok-empty-answers-listed.yaml": "",
    "ok-unicode-team.yaml": "Équipe 🚀 <b>fraude</b>",
}

QUESTIONNAIRES: dict[str, list[str]] = {
    "unknown-key-in-question": ["questions/deploy.yaml:7: questions[0].hint: unknown key 'hint'; valid keys here: id,"],
    "duplicate-question-id": ["questions/deploy.yaml:11: questions[1].id: duplicate question id 'deploy.prod'"],
    "criterion-unknown-option": [
        "stages.yaml:15: stages[2].criteria[0]: 'platform_team' is not an option of 'deploy.who'; "
        "choose one of: data_scientists, platform"
    ],
    "criterion-unknown-question": ["stages.yaml:7: stages[1].criteria[0]: unknown question 'deploy.production'"],
    "stage-without-risks": [
        "stages.yaml:10: stages[2]: stage 2 has no risks",
        "stages.yaml:10: stages[2]: stage 2 has no disciplines",
    ],
    "applies-when-cycle": [
        "applies_when of 'deploy.who' depends on itself",
        "applies_when of 'deploy.auto' depends on itself",
    ],
    "applies-when-not-monotone": [
        "questions/deploy.yaml:24: questions[2].applies_when: applies_when may use only at_least"
    ],
    "options-not-increasing": [
        "questions/deploy.yaml:25: questions[2].options: options must be listed least mature first"
    ],
    "reserved-option-id": ["option id 'unknown' is reserved for every question"],
    "version-in-arabic-digits": [
        "questionnaire.yaml:2: version: '\u0661.\u0660.\u0660' is not a version: write three whole numbers"
    ],
    "question-id-in-capitals": [
        "questions/deploy.yaml:3: questions[0].id: 'Deploy.Prod' is not a valid question id: use lower-case letters"
    ],
    "null-option-id": [
        "questions/deploy.yaml:7: questions[0].options: option id 'null' reads as an empty value in YAML"
    ],
    "syntax-error-in-stages": ["stages.yaml:8: invalid YAML"],
    "two-problems-two-files": ["rules.yaml:11: rules[1].severity: unknown key 'severity'"],
    "discipline-addresses-other-stage-risk": ["risk 'r1' is not a risk of stage 2; choose one of: r2"],
    "missing-head-file": ["questionnaire.yaml: no such file"],
    "empty-folder": ["a folder with no questionnaire.yaml", "a questionnaire folder (questionnaire.yaml, stages.yaml"],
}


def test_the_corpus_is_complete() -> None:
    on_disk = {p.name for p in (BAD / "answers").iterdir()}
    assert on_disk == set(ANSWERS) | set(VALID)
    assert {p.name for p in (BAD / "questionnaires").iterdir()} == set(QUESTIONNAIRES)
    assert len(ANSWERS) + len(VALID) + len(QUESTIONNAIRES) >= 40


def _assert_clean_error(result: Run) -> None:
    assert result.code == 2, result
    assert result.out == ""
    assert result.err.startswith("error: ")
    assert "Traceback" not in result.err


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_bad_answers_file(cli: Cli, name: str) -> None:
    fragment, line = ANSWERS[name]
    path = BAD / "answers" / name
    result = cli("score", path, "--questionnaire", TINY)
    _assert_clean_error(result)
    assert fragment in result.err
    assert str(path) in result.err
    if line is not None:
        assert f"{path}:{line}:" in result.err


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_oddities_score(cli: Cli, name: str) -> None:
    result = cli("score", BAD / "answers" / name, "--questionnaire", TINY, "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["team"] == VALID[name]


@pytest.mark.parametrize("name", sorted(QUESTIONNAIRES))
def test_bad_questionnaire_folder(cli: Cli, name: str) -> None:
    folder = BAD / "questionnaires" / name
    result = cli("validate", folder)
    assert result.code == 2
    for fragment in QUESTIONNAIRES[name]:
        assert fragment in result.err, result.err
    assert "Traceback" not in result.err
    scored = cli("score", BAD / "answers" / "ok-bom.yaml", "--questionnaire", folder)
    _assert_clean_error(scored)


def test_too_large_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("answers:\n  deploy.prod: one\n" + "# padding\n" * 120_000)
    result = cli("score", path, "--questionnaire", TINY)
    _assert_clean_error(result)
    assert "larger than the 1024 KiB limit" in result.err


def test_many_keys_are_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "wide.yaml"
    path.write_text("answers:\n" + "".join(f"  q{i}: x\n" for i in range(60_000)))
    result = cli("score", path, "--questionnaire", TINY)
    _assert_clean_error(result)


@pytest.mark.parametrize("kind", ["directory", "missing", "dangling-link"])
def test_not_a_file(cli: Cli, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "answers.yaml"
    if kind == "directory":
        path.mkdir()
    elif kind == "dangling-link":
        path.symlink_to(tmp_path / "gone.yaml")
    result = cli("score", path, "--questionnaire", TINY)
    _assert_clean_error(result)
    assert ("is a directory" if kind == "directory" else "no such file") in result.err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("answers:\n  deploy.prod: one\n")
    path.chmod(0)
    result = cli("score", path, "--questionnaire", TINY)
    _assert_clean_error(result)
    assert "cannot read" in result.err


def test_questionnaire_path_that_is_a_file(cli: Cli) -> None:
    result = cli("questions", "--questionnaire", BAD / "answers" / "ok-bom.yaml")
    _assert_clean_error(result)
    assert "not a questionnaire folder" in result.err
