"""Drafting whole banks: they validate as is, carry their comments, and `--max` keeps the best."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from measuring import ARTICLES, labelled_articles

from quiz.core.banks.loading import load_bank
from quiz.core.drafting.drafting import draft_bank
from quiz.core.source import Article, read_article

ITEMS = labelled_articles()
# The articles with three dated events the rules can place. The court, match and health
# articles date their events by ranges ("from May 2021 to June 2023") or without a year
# after a later dated one ("set for 9 September" after "October 2023"), which no rule orders.
TIMELINES = {
    "000_42a00ded27f26e66.txt",
    "science_glacier.txt",
    "sports_final.txt",
    "energy_heldout.txt",
}


def drafted_file(tmp_path: Path, article: Article, max_questions: int = 60) -> Path:
    source = tmp_path / "article.txt"
    shutil.copy(article.name, source)
    bank = tmp_path / "draft.yaml"
    bank.write_text(draft_bank(article, "Draft", "article.txt", max_questions).yaml, "utf-8")
    return bank


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.name)
def test_a_draft_validates_as_is(tmp_path: Path, item: object) -> None:
    loaded = load_bank(drafted_file(tmp_path, item.article))  # type: ignore[attr-defined]
    assert loaded.ok, loaded.problems
    assert loaded.warnings == ()
    assert loaded.bank is not None
    types = {q.type for q in loaded.bank.questions}
    assert {"date", "quantity", "number", "who"} <= types
    if item.name in TIMELINES:  # type: ignore[attr-defined]
        assert "order" in types


def test_every_question_says_what_it_was_drawn_from(tmp_path: Path) -> None:
    text = drafted_file(tmp_path, ITEMS[0].article).read_text("utf-8")
    questions = text.count("\n  - id:")
    assert text.count("\n  # drawn from ") == questions > 10


def test_every_typed_question_has_right_and_wrong_examples() -> None:
    for item in ITEMS:
        drafted = yaml.safe_load(draft_bank(item.article, "Draft", "a.txt").yaml)
        for question in drafted["questions"]:
            if question["type"] != "order":
                assert question["check"]["right"] and question["check"]["wrong"], question


def test_who_answers_are_full_names_and_organisations_take_no_surname() -> None:
    seed = next(item for item in ITEMS if item.name.startswith("000_"))
    drafted = yaml.safe_load(draft_bank(seed.article, "Draft", "a.txt").yaml)
    who = [q for q in drafted["questions"] if q["type"] == "who"]
    answers = {q["answer"]: q.get("surname", True) for q in who}
    assert answers["Sergei Shoigu"] is True and answers["TASS"] is False
    assert "Shoigu" in next(q for q in who if q["answer"] == "Sergei Shoigu")["check"]["right"]


def test_choice_questions_draw_their_distractors_from_the_article() -> None:
    sports = next(item for item in ITEMS if item.name == "sports_final.txt")
    drafted = yaml.safe_load(draft_bank(sports.article, "Draft", "a.txt").yaml)
    choices = [q for q in drafted["questions"] if q["type"] == "choice"]
    assert choices
    for question in choices:
        assert question["answer"] in question["choices"] and len(question["choices"]) >= 3
        numbers = [c.replace(",", "").split()[0] for c in question["choices"]]
        assert all(
            number in sports.article.text.replace(",", "") or number.isdigit() for number in numbers
        )


def test_max_keeps_the_best_candidates(tmp_path: Path) -> None:
    article = next(item for item in ITEMS if item.name.startswith("000_")).article
    loaded = load_bank(drafted_file(tmp_path, article, max_questions=4))
    assert loaded.ok and loaded.bank is not None
    assert len(loaded.bank.questions) == 4
    # Quotations in quote marks rank first, then the timeline.
    assert {q.type for q in loaded.bank.questions} <= {"who", "order"}


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "Nothing happened here, and nobody said anything about it.", "ÿ" * 500],
)
def test_no_facts_no_questions(text: str) -> None:
    assert draft_bank(Article.from_text("x", text), "Draft", "x.txt").questions == 0


def test_articles_folder_is_what_the_measurements_read() -> None:
    assert sorted(p.name for p in ARTICLES.glob("*.txt")) == sorted(
        i.name for i in ITEMS if not i.name.startswith("000_")
    )


def test_a_hostile_article_still_drafts_a_valid_bank(tmp_path: Path) -> None:
    # Control characters, a line separator, values no grader reads back (1e-06 mg), an
    # impossible date, quote marks left open, a speaker with a NUL in the name.
    text = (
        'John Smith\x00 said that the rig weighs 0.000001 mg and 20 km of cable. "Open\n'
        "On February 30, 2020 and May 5 the team ran 15% faster \u2028 at 45 mph, "
        'he said. "It was a 3-1 win and a 12 in gap," Smith said. # : - [x]\n'
        "The Ministry said that 1,000,000,000 years passed between 1999 and 2000.\n"
    )
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    bank = tmp_path / "draft.yaml"
    draft = draft_bank(Article.from_text(str(source), text), "Draft", "article.txt")
    bank.write_text(draft.yaml, encoding="utf-8")
    loaded = load_bank(bank)
    assert draft.questions > 3 and loaded.ok, loaded.problems


def test_events_of_one_sentence_are_told_apart_without_their_dates() -> None:
    text = "The company was founded in 1998, went public in 2004 and was sold in 2015 for $1.2bn."
    drafted = yaml.safe_load(draft_bank(Article.from_text("x", text), "Draft", "x.txt").yaml)
    [order] = [q for q in drafted["questions"] if q["type"] == "order"]
    assert order["items"] == ["The company was founded", "Went public", "Was sold for $1.2bn"]


def test_a_measure_given_twice_is_asked_once_and_the_schema_modeline_stands_alone(
    tmp_path: Path,
) -> None:
    source = tmp_path / "article.txt"
    source.write_text(
        "The old road to Khorog is 20 km long. The new road to Khorog is also 20 km long. "
        "The lake near the town is 300 metres deep.\n",
        encoding="utf-8",
    )
    drafted = draft_bank(read_article(source), "Draft", "article.txt", schema="bank.schema.json")
    assert drafted.yaml.startswith(
        "# yaml-language-server: $schema=bank.schema.json\n\n# A draft bank: every question"
    )
    questions = yaml.safe_load(drafted.yaml)["questions"]
    assert [(q["type"], q["answer"]) for q in questions] == [
        ("quantity", "20 km"),
        ("quantity", "300 m"),
    ]
