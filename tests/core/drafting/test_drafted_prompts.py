"""What a drafted question shows an author: its prompt's verb, its choices and its timeline,
on short articles written for each rule."""

from __future__ import annotations

from typing import Any

import yaml

from quiz.core.drafting.drafting import draft_bank
from quiz.core.drafting.examples import who_examples
from quiz.core.drafting.findings import QuoteFinding, Span
from quiz.core.source import Article


def drafted(text: str) -> list[dict[str, Any]]:
    questions = yaml.safe_load(draft_bank(Article.from_text("x", text), "D", "x.txt").yaml)
    return list(questions["questions"])


def test_a_who_prompt_asks_who_said_it_not_who_told_it() -> None:
    text = '"We were the better team for most of the game," Arne Slot told reporters.'
    [who] = [q for q in drafted(text) if q["type"] == "who"]
    assert who["prompt"] == "Who said this?"


def test_choices_are_values_the_prompt_does_not_show() -> None:
    text = (
        "The average adult ate 9.4 grams of salt a day. The limit is 5 grams. "
        "A loaf contained 1.1 grams of salt per 100 grams of bread, down from 1.5 grams. "
        "A roll has 0.8 grams of salt. A bun has 0.6 grams of salt."
    )
    for question in drafted(text):
        if question["type"] == "choice":
            shown = question["prompt"].replace(" grams", " g")
            others = [c for c in question["choices"] if c != question["answer"]]
            assert not [c for c in others if c in shown], question


def test_an_age_is_offered_only_ages_as_choices() -> None:
    text = (
        "Derek Hollis, 52, admitted 14 counts of fraud. His wife, 49, knew nothing. "
        "His brother, 55, said nothing. He used 37 accounts and 11 banks in 2 cities."
    )
    ages = {"49", "52", "55"}
    questions = drafted(text)
    assert ages <= {str(q["answer"]) for q in questions}
    for question in questions:
        if question["type"] == "choice":
            in_ages = {choice in ages for choice in question["choices"]}
            assert in_ages == {question["answer"] in ages}, question


def test_a_date_without_a_year_before_the_latest_stated_date_is_not_put_in_order() -> None:
    text = (
        "He began stealing in March 2014. The fraud came to light in October 2023. "
        "A hearing is set for 9 September. The council was founded in June 1990."
    )
    [order] = [q for q in drafted(text) if q["type"] == "order"]
    assert not any("hearing" in item.lower() for item in order["items"])


def test_an_order_item_keeps_no_space_where_its_date_was() -> None:
    text = (
        "The company was founded in 1998 by two engineers. Haas left in 2009; Ortiz stayed. "
        "Ms Raman took over in 2021."
    )
    [order] = [q for q in drafted(text) if q["type"] == "order"]
    assert "Haas left; Ortiz stayed" in order["items"]


def test_a_who_distractor_never_shares_the_answers_family_name() -> None:
    said = QuoteFinding(Span(0, 9), "the words", "Guillermo de Anda", False, "said", True, "")
    _, wrong = who_examples(said, ["De Anda", "Guillermo de Anda", "Robert Schmittner"])
    assert "De Anda" not in wrong and "Robert Schmittner" in wrong


def test_a_dateline_with_its_agency_is_left_out_of_the_quote() -> None:
    text = "WASHINGTON (AP) — The Senate voted on Tuesday to pass a $1.2 trillion spending bill."
    [count] = [q for q in drafted(text) if q["type"] == "number"]
    assert count["quote"].startswith("The Senate voted")
