"""The consensus rule (``engine/respondents/consensus.py``) and the disagreements, by example."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import MAX_TEXT_CHARS, Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.respondents.anonymous import anonymised, name_scrubber
from mlops_maturity.engine.respondents.consensus import (
    CUT,
    Voice,
    check_round,
    fit,
    merge,
    split_kinds,
    team_answer,
)
from mlops_maturity.engine.respondents.disagreement import disagreements, respondents_summary
from mlops_maturity.errors import AssessmentError

U, NA = "unknown", "not_applicable"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["many", "many", "one", "none"], "one"),  # three of four at "one" or above; two at "many"
        (["many", "many", "many", U], "many"),
        (["many", "many", U, U], U),  # half is not a majority
        (["many", "one", U], "one"),
        (["many", "none"], "none"),  # two respondents: both must reach it
        (["many"], "many"),
        ([U, U, None], U),
        ([None, None], None),  # unanswered by all stays unanswered
        ([None, None, "one"], U),  # one voice is not the team's
    ],
)
def test_the_team_answer_is_the_highest_option_a_majority_reaches(
    tiny: Questionnaire, values: list[str | None], expected: str | None
) -> None:
    assert team_answer(tiny.by_id["deploy.prod"], values) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([NA, NA, NA, "automated"], NA),
        ([NA, NA, "automated", "manual"], U),
        (["automated", "scripted", NA], "scripted"),
        ([NA, None], U),
    ],
)
def test_not_applicable_needs_a_majority_of_its_own(
    tiny: Questionnaire, values: list[str | None], expected: str
) -> None:
    assert team_answer(tiny.by_id["deploy.auto"], values) == expected


def test_leaving_out_those_who_do_not_know_would_not_be_monotone(tiny: Questionnaire) -> None:
    # The median of only the options given goes from "many" to "one" when a "don't know" becomes "none";
    # counting every respondent gives "one" both times.
    question = tiny.by_id["deploy.prod"]
    assert team_answer(question, ["one", "many", "many", U, U]) == "one"
    assert team_answer(question, ["one", "many", "many", "none", U]) == "one"


def voice(name: str, role: str | None = None, **answers: str | Answer) -> Voice:
    given = {qid.replace("_", "."): a if isinstance(a, Answer) else Answer(answer=a) for qid, a in answers.items()}
    return Voice(name=name, role=role, given=given, file=f"{name.lower()}.yaml")


def test_evidence_is_kept_attributed_and_said_once(tiny: Questionnaire) -> None:
    merged = merge(
        tiny,
        [
            voice("Ben", "ML engineer", deploy_prod=Answer(answer="one", evidence="two models on the platform")),
            voice("Ana", "data scientist", deploy_prod=Answer(answer="many", evidence="  five   models ")),
            voice("Chloé", None, deploy_prod=Answer(answer="one", evidence="two models on the platform")),
        ],
    )
    assert merged.given["deploy.prod"] == Answer(
        answer="one",
        evidence="Ana (data scientist; answered many): five models | "
        "Ben (ML engineer), Chloé: two models on the platform",
    )
    assert [v.name for v in merged.voices] == ["Ana", "Ben", "Chloé"]


def test_reasons_follow_the_team_answer(tiny: Questionnaire) -> None:
    batch = Answer(answer=NA, reason="batch only")
    team_na = merge(
        tiny, [voice("A", deploy_auto=batch), voice("B", deploy_auto=batch), voice("C", deploy_auto="manual")]
    )
    assert team_na.given["deploy.auto"] == Answer(answer=NA, evidence=None, reason="A, B: batch only")
    team_option = merge(tiny, [voice("A", deploy_auto=batch), voice("B", deploy_auto="manual")])
    assert team_option.given["deploy.auto"] == Answer(answer=U, evidence="A (answered not_applicable): batch only")


def test_long_evidence_is_cut_with_a_note() -> None:
    text = fit("x" * 5000)
    assert len(text) == MAX_TEXT_CHARS and text.endswith(CUT)
    assert fit("short") == "short"


def test_the_record_keeps_who_answered_what_where_they_disagree(tiny: Questionnaire) -> None:
    merged = merge(
        tiny,
        [
            voice("Ana", "data scientist", deploy_prod="many", deploy_who="platform"),
            voice("Ben", deploy_prod="none", deploy_who="platform"),
            voice("Dev", deploy_prod=U),
        ],
    )
    assert merged.disputed == ("deploy.prod",)
    record = merged.record.respondents
    assert list(record) == ["Ana", "Ben", "Dev"]
    assert record["Ana"] is not None and record["Ana"].role == "data scientist"
    assert {n: r.answers if r else None for n, r in record.items()} == {
        "Ana": {"deploy.prod": "many"},
        "Ben": {"deploy.prod": "none"},
        "Dev": {"deploy.prod": U},
    }


def test_what_counts_as_a_disagreement(tiny: Questionnaire) -> None:
    prod, auto = tiny.by_id["deploy.prod"], tiny.by_id["deploy.auto"]
    assert split_kinds(prod, ["one", "many"]) == ()  # one option apart
    assert split_kinds(prod, ["none", "many"]) == ("spread",)
    assert split_kinds(prod, ["none", "many", U]) == ("spread", "unknown")
    assert split_kinds(prod, [U, U, None]) == ()  # nobody knows: nothing to disagree about
    assert split_kinds(prod, ["one", None]) == ()  # no answer is not a view
    assert split_kinds(auto, ["manual", NA]) == ("not_applicable",)


def test_disagreements_are_ranked_by_what_they_move(tiny: Questionnaire) -> None:
    # deploy.prod decides the stage (0 or 1); deploy.auto only moves the score at stage 1.
    team = {"deploy.prod": Answer(answer="one"), "deploy.auto": Answer(answer="scripted")}
    voices = [
        ("Ana", {"deploy.prod": "many", "deploy.auto": "automated"}),
        ("Ben", {"deploy.prod": U, "deploy.auto": "manual"}),
    ]
    found = disagreements(tiny, team, voices)
    assert [d.question for d in found] == ["deploy.prod", "deploy.auto"]
    prod = found[0]
    assert (prod.low.stage, prod.high.stage, prod.low.level, prod.high.level) == (0, 1, "no", "high")
    assert prod.kinds == ("unknown",) and prod.spread == 0 and prod.team_label == "One"
    assert [(a.respondent, a.answer, a.label) for a in prod.answers] == [
        ("Ana", "many", "Many"),
        ("Ben", U, "don't know"),
    ]
    auto = found[1]
    assert (auto.low.stage, auto.high.stage) == (1, 1) and auto.low.overall_score < auto.high.overall_score


def answers(file: str, team: str = "Fraud", respondent: str | None = None, day: int | None = None) -> Answers:
    return Answers(
        file=file,
        questionnaire="tiny",
        team=team,
        assessed_on=dt.date(2026, 9, day) if day else None,
        given={"deploy.prod": Answer(answer="one")},
        respondent=respondent,
    )


def test_a_round_names_the_file_of_another_team(tiny: Questionnaire) -> None:
    files = [answers("a.yaml"), answers("b.yaml", team="Search"), answers("c.yaml")]
    with pytest.raises(AssessmentError) as caught:
        check_round(files)
    assert str(caught.value) == (
        "b.yaml: names 'Search', but the other files are of team 'Fraud'; consensus merges the answers of one "
        "team: leave this file out, or correct its `team:`"
    )


def test_a_round_names_a_second_file_of_one_respondent(tiny: Questionnaire) -> None:
    files = [answers("x/ana.yaml", respondent="Ana Lima"), answers("y/other.yaml", respondent=" ana  LIMA")]
    with pytest.raises(AssessmentError, match=r"^y/other.yaml: respondent ' ana  LIMA' already answered in x/ana.yaml"):
        check_round(files)
    with pytest.raises(AssessmentError, match="already answered"):  # no respondent: named by the file name
        check_round([answers("x/ana.yaml"), answers("y/ana.yaml")])


def test_a_round_takes_the_latest_date_and_says_so(tiny: Questionnaire) -> None:
    round_ = check_round([answers("b.yaml", day=30), answers("a.yaml", day=28)])
    assert round_.assessed_on == dt.date(2026, 9, 30) and [v.name for v in round_.voices] == ["a", "b"]
    assert round_.notes == (
        "the respondents answered between 2026-09-28 and 2026-09-30; the team answers are dated 2026-09-30",
    )


def test_anonymised_names_follow_neither_names_nor_files(tiny: Questionnaire) -> None:
    voices = [voice(n, "role") for n in ("Ana", "Ben", "Chloé", "Dev")]
    shown = anonymised(voices)
    assert sorted(v.name for v in shown) == [f"Respondent {i}" for i in range(1, 5)]
    assert all(v.role is None and v.file == "" for v in shown)
    assert anonymised(list(reversed(voices))) == shown


def test_anonymised_takes_the_names_out_of_evidence_and_reasons(tiny: Questionnaire) -> None:
    ana = Voice("Ana Lima", "ds", {"deploy.prod": Answer(answer="many", evidence="Dev and I ship five")})
    ben = Voice("Ben Okafor", "mle", {"deploy.prod": Answer(answer="one", evidence="two of the five Ana counts")})
    dev = Voice(
        "Dev Patel",
        "po",
        {"deploy.auto": Answer(answer="not_applicable", reason="ask ANA LIMA or ben okafor; the dev cluster")},
    )
    texts = sorted(a.evidence or a.reason or "" for v in anonymised([ana, ben, dev]) for a in v.given.values())
    assert re.fullmatch(r"Respondent \d and I ship five", texts[0])
    assert re.fullmatch(r"ask Respondent \d or Respondent \d; the dev cluster", texts[1])  # "dev" is a word here
    assert re.fullmatch(r"two of the five Respondent \d counts", texts[2])


def test_the_name_scrubber_knows_full_names_and_their_parts() -> None:
    scrub = name_scrubber({"Ana Lima": "Respondent 2", "Chloé Martin": "Respondent 1", "Ana Sousa": "Respondent 3"})
    assert scrub("Chloe  MARTIN and chloé") == "Respondent 1 and chloé"  # a part is matched as it is written
    assert scrub("Chloé's and Chloe's models") == "Respondent 1's and Respondent 1's models"
    assert scrub("Ana said; Lima said; Anastasia said") == "a respondent said; Respondent 2 said; Anastasia said"
    assert scrub("ana lima wrote to ana.lima@corp.example") == "Respondent 2 wrote to ana.lima@corp.example"


def test_a_team_file_scores_with_its_respondents(tiny: Questionnaire) -> None:
    merged = merge(
        tiny, [voice("Ana", deploy_prod="many"), voice("Ben", deploy_prod="none"), voice("Dev", deploy_prod="one")]
    )
    team = Answers(
        file="t.yaml", questionnaire="tiny", team="Fraud", assessed_on=None, given=merged.given, consensus=merged.record
    )
    summary = respondents_summary(tiny, team)
    assert summary is not None
    assert (summary.count, summary.questions_answered, summary.disagreement_index) == (3, 1, 100.0)
    assert [d.question for d in summary.disagreements] == ["deploy.prod"]
    assert assess(tiny, team).respondents == summary
    alone = Answers(file="a.yaml", questionnaire="tiny", team="Fraud", assessed_on=None, given=merged.given)
    assert assess(tiny, alone).respondents is None
