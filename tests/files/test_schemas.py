"""JSON Schemas: valid draft 2020-12, and the answers schema knows the real ids."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlops_maturity.choices import SchemaKind
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import AnswersError
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.schemas import DRAFT, answers_schema, model_schema
from mlops_maturity.files.yaml_reader import load_file, parse

from support import DATA, EXAMPLES, TINY, Run

Cli = Callable[..., Run]
Validator = jsonschema.Draft202012Validator


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    return sorted(e.message for e in Validator(schema, format_checker=Validator.FORMAT_CHECKER).iter_errors(data))


@pytest.mark.parametrize("kind", list(SchemaKind))
def test_every_schema_is_valid_draft_2020_12(cli: Cli, kind: SchemaKind) -> None:
    run = cli("schema", kind.value, "--questionnaire", TINY)
    assert run.code == 0
    schema = json.loads(run.out)
    assert schema["$schema"] == DRAFT
    Validator.check_schema(schema)


def test_answers_schema_accepts_valid_files(tiny: Questionnaire) -> None:
    schema = answers_schema(tiny)
    for path in sorted((DATA / "answers").glob("tiny-*.yaml")):
        assert errors(schema, load_file(path).data) == [], path


def test_answers_schema_rejects_an_unknown_question_id(tiny: Questionnaire) -> None:
    data = parse("answers:\n  deploy.prd: one\n", "a.yaml").data
    assert errors(answers_schema(tiny), data) == ["Additional properties are not allowed ('deploy.prd' was unexpected)"]


def test_answers_schema_rejects_an_unknown_option_id(tiny: Questionnaire) -> None:
    schema = answers_schema(tiny)
    for text in ("answers:\n  deploy.prod: several\n", "answers:\n  deploy.prod:\n    answer: several\n"):
        assert errors(schema, parse(text, "a.yaml").data) != [], text


def test_answers_schema_allows_not_applicable_only_where_the_question_does(tiny: Questionnaire) -> None:
    schema = answers_schema(tiny)
    ok = "answers:\n  deploy.auto:\n    answer: not_applicable\n    reason: batch only\n"
    bad = "answers:\n  deploy.prod: not_applicable\n"
    assert errors(schema, parse(ok, "a.yaml").data) == []
    assert errors(schema, parse(bad, "a.yaml").data) != []


def test_answers_schema_rejects_unknown_keys_and_wrong_questionnaire(tiny: Questionnaire) -> None:
    schema = answers_schema(tiny)
    assert errors(schema, {"answers": {"deploy.prod": "one"}, "teem": "x"}) == [
        "Additional properties are not allowed ('teem' was unexpected)"
    ]
    assert errors(schema, {"questionnaire": "other", "answers": {"deploy.prod": "one"}}) == [
        "'other' is not one of ['tiny', None]"
    ]


def test_answers_schema_enumerates_ids_for_completion(tiny: Questionnaire) -> None:
    answers = answers_schema(tiny)["properties"]["answers"]["properties"]
    assert list(answers) == ["deploy.prod", "deploy.who", "deploy.auto"]
    assert answers["deploy.prod"]["anyOf"][1] == {"enum": ["none", "one", "many", "unknown"]}


def test_the_init_template_is_valid_against_its_schema(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    assert cli("init", "-o", out, "--questionnaire", TINY).code == 0
    schema = json.loads((tmp_path / "mlops-answers.schema.json").read_text(encoding="utf-8"))
    assert errors(schema, load_file(out).data) == []


def test_result_schema_describes_real_results(cli: Cli) -> None:
    run = cli("score", DATA / "answers" / "tiny-partial.yaml", "-f", "json", "--questionnaire", TINY)
    assert errors(model_schema("result"), json.loads(run.out)) == []


def _example_answers() -> list[tuple[Path, Path | None]]:
    """Every answers file under examples/, with the questionnaire folder it belongs to (None: the shipped one)."""
    found: list[tuple[Path, Path | None]] = [(p, None) for p in sorted(EXAMPLES.glob("*.yaml"))]
    for folder in sorted(p.parent.parent for p in EXAMPLES.glob("*/questionnaire/questionnaire.yaml")):
        found += [(p, folder / "questionnaire") for p in sorted(folder.glob("*.yaml"))]
    return found


@pytest.mark.parametrize(("path", "questionnaire"), _example_answers(), ids=lambda v: getattr(v, "name", None))
def test_answers_schema_accepts_every_example(path: Path, questionnaire: Path | None) -> None:
    schema = answers_schema(load_questionnaire(questionnaire))
    assert errors(schema, load_file(path).data) == []


def test_shipped_answers_schema_rejects_unknown_ids(shipped: Questionnaire) -> None:
    schema = answers_schema(shipped)
    question = shipped.questions[0]
    good = {"answers": {question.id: question.options[-1].id}}
    assert errors(schema, good) == []
    assert errors(schema, {"answers": {question.id + "x": question.options[-1].id}}) != []
    assert errors(schema, {"answers": {question.id: "weekly"}}) != []
    assert errors(schema, {"answers": {question.id: {"answer": "weekly"}}}) != []


# --- the schema accepts exactly what `validate` accepts -------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from(" \t\n\u3000"), max_size=8
)
_LONG = st.builds(lambda c, n: c * n, st.sampled_from("ab "), st.sampled_from([1, 199, 200, 201, 1999, 2000, 2001]))
_DATES = st.sampled_from(
    ["2026-09-30", "2024-02-29", "2025-02-29", "30/09/2026", "2026-9-30", "2026-09-30T00:00:00", ""]
)


def _values(q: Questionnaire) -> st.SearchStrategy[Any]:
    answers = [a for x in q.questions for a in x.valid_answers()] + ["bogus", "not_applicable"]
    return st.one_of(st.none(), st.sampled_from(answers), _TEXT)


def _entries(q: Questionnaire) -> st.SearchStrategy[Any]:
    value = _values(q)
    text = st.one_of(st.none(), _TEXT, _LONG, st.just(["a list"]))
    long_form = st.fixed_dictionaries(
        {}, optional={"answer": value | st.just(3), "evidence": text, "reason": text, "notes": text}
    )
    return st.one_of(value, long_form, st.just(["a", "list"]))


def _consensus(q: Questionnaire) -> st.SearchStrategy[Any]:
    """The ``consensus:`` block of a team file: mostly plausible, and wrong in every way the two checks cover."""
    ids = st.sampled_from([x.id for x in q.questions] + ["no.such_question"])
    pairs = [(x.id, a) for x in q.questions for a in x.valid_answers()]
    pairs += [("no.such_question", q.questions[0].option_ids[0]), (q.questions[0].id, "bogus")]
    plausible = st.fixed_dictionaries(
        {},
        optional={
            "role": st.one_of(st.none(), st.just("ML engineer"), _TEXT, _LONG),
            "answers": st.lists(st.sampled_from(pairs), max_size=3).map(dict),
        },
    )
    wild = st.fixed_dictionaries(
        {},
        optional={
            "role": st.just(["a list"]),
            "answers": st.one_of(st.none(), st.dictionaries(ids, _values(q), max_size=3), st.just("x")),
            "extra": st.just("x"),
        },
    )
    names = st.one_of(st.sampled_from(["Ana", "Ben Okafor", "Chloé", " ", ""]), _TEXT, _LONG)
    entries = st.dictionaries(names, st.one_of(st.none(), plausible, plausible, wild), max_size=3)
    block = st.one_of(
        st.fixed_dictionaries({"respondents": entries}),
        st.fixed_dictionaries({}, optional={"respondents": st.one_of(entries, st.just("x")), "extra": st.just("x")}),
    )
    return st.one_of(st.none(), block, st.just("not a mapping"))


def _documents(q: Questionnaire) -> st.SearchStrategy[dict[str, Any]]:
    ids = st.sampled_from([x.id for x in q.questions] + ["no.such_question"])
    answers = st.one_of(st.dictionaries(ids, _entries(q), max_size=4), st.just("not a mapping"))
    return st.fixed_dictionaries(
        {},
        optional={
            "questionnaire": st.one_of(st.none(), st.just(q.id), st.just("another")),
            "team": st.one_of(st.none(), _TEXT, _LONG),
            "respondent": st.one_of(st.none(), _TEXT, _LONG),
            "role": st.one_of(st.none(), _TEXT, _LONG),
            "assessed_on": st.one_of(st.none(), _DATES),
            "answers": answers,
            "consensus": _consensus(q),
            "extra": st.just("x"),
        },
    )


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _validate_accepts(q: Questionnaire, document: dict[str, Any]) -> bool:
    text = yaml.dump(document, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    try:
        check_answers(parse(text, "a.yaml"), q)
    except AnswersError:
        return False
    return True


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_answers_schema_accepts_exactly_what_validate_accepts(tiny: Questionnaire, data: st.DataObject) -> None:
    document = data.draw(_documents(tiny))
    assert (errors(answers_schema(tiny), document) == []) == _validate_accepts(tiny, document), document


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_shipped_answers_schema_accepts_exactly_what_validate_accepts(
    shipped: Questionnaire, data: st.DataObject
) -> None:
    document = data.draw(_documents(shipped))
    assert (errors(answers_schema(shipped), document) == []) == _validate_accepts(shipped, document), document


def test_an_entry_with_only_evidence_is_valid_both_ways(tiny: Questionnaire) -> None:
    document = {"answers": {"deploy.prod": {"evidence": "see the runbook"}}}
    assert errors(answers_schema(tiny), document) == []
    assert _validate_accepts(tiny, document)


def test_a_bare_not_applicable_is_refused_both_ways(tiny: Questionnaire) -> None:
    document = {"answers": {"deploy.auto": "not_applicable"}}
    assert errors(answers_schema(tiny), document) != []
    assert not _validate_accepts(tiny, document)


def _team_documents(q: Questionnaire) -> st.SearchStrategy[dict[str, Any]]:
    """Documents valid but for the keys a respondent's or a team file adds, so those decide."""
    question = q.questions[0]
    base = {"questionnaire": q.id, "team": "Fraud", "answers": {question.id: question.option_ids[0]}}
    return st.fixed_dictionaries(
        {key: st.just(value) for key, value in base.items()},
        optional={
            "respondent": st.one_of(st.none(), _TEXT, _LONG),
            "role": st.one_of(st.none(), _TEXT, _LONG),
            "consensus": _consensus(q),
        },
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_schema_and_validate_agree_on_respondents_and_team_files(tiny: Questionnaire, data: st.DataObject) -> None:
    document = data.draw(_team_documents(tiny))
    assert (errors(answers_schema(tiny), document) == []) == _validate_accepts(tiny, document), document


def test_a_team_file_is_valid_both_ways_and_a_respondent_beside_it_is_not(tiny: Questionnaire) -> None:
    team = {
        "team": "Fraud",
        "answers": {"deploy.prod": "one"},
        "consensus": {"respondents": {"Ana": {"role": "ML engineer", "answers": {"deploy.prod": "many"}}, "Ben": None}},
    }
    assert errors(answers_schema(tiny), team) == [] and _validate_accepts(tiny, team)
    both = {**team, "respondent": "Ana"}
    assert errors(answers_schema(tiny), both) != [] and not _validate_accepts(tiny, both)
    wrong = {**team, "consensus": {"respondents": {"Ana": {"answers": {"deploy.prod": "several"}}}}}
    assert errors(answers_schema(tiny), wrong) != [] and not _validate_accepts(tiny, wrong)
