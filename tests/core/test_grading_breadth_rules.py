"""Named tests for the rules added for responses learners type that the corpus first missed:
ranges, hedges, compound and bracketed quantities, number words in text, patronymics,
abbreviated offices and typed choices."""

from __future__ import annotations

import pytest
from graded import graded

from quiz.core.parsing.numbers import parse_number


@pytest.mark.parametrize(
    "response", ["April 18-19", "April 18–19", "18-19 April", "18th-19th April", "April 18 - 19th"]
)
def test_a_range_of_days_is_never_a_day_and_a_two_digit_year(response: str) -> None:
    # "April 18-19" was read as 18 April 2019, right for "April 18".
    assert not graded("date", {"answer": "April 18"}, response).correct


@pytest.mark.parametrize("response", ["Thursday 2024-04-18", "18-04-24 Thu", "12-Mar-87"])
def test_numeric_dates_with_dashes_are_no_range(response: str) -> None:
    answer = "12 March 1987" if "Mar" in response else "2024-04-18"
    assert graded("date", {"answer": answer}, response).correct


@pytest.mark.parametrize(
    "response",
    ["nearly 20 km", "almost 20 km", "by about 20 km", "≈20 km", "20-ish km", "20ish km"],
)
def test_hedges_around_a_quantity_are_let_go(response: str) -> None:
    assert graded("quantity", {"answer": "20 km"}, response).correct


@pytest.mark.parametrize(
    "response", ["up to 20 km", "more than 20 km", "at least 20 km", "under 20 km", "19-21 km"]
)
def test_bounds_and_ranges_are_not_hedges(response: str) -> None:
    assert not graded("quantity", {"answer": "20 km"}, response).correct


@pytest.mark.parametrize(
    ("response", "right"), [("100 ℃", True), ("212 ℉", True), ("100 ℉", False)]
)
def test_one_character_temperature_signs_are_read(response: str, right: bool) -> None:
    assert graded("quantity", {"answer": "100 °C"}, response).correct is right


@pytest.mark.parametrize(
    ("answer", "response"),
    [("20 km", "20 k.m."), ("20 km", "20 k.m"), ("60 mph", "60 m.p.h."), ("20 km", "20 km's")],
)
def test_dotted_and_apostrophe_units_are_read(answer: str, response: str) -> None:
    assert graded("quantity", {"answer": answer}, response).correct


@pytest.mark.parametrize(
    ("answer", "response", "right"),
    [("1.5 m", "1.5 M", True), ("5 mg", "5 MG", True), ("5 mg", "5 Mg", False)],
)
def test_a_units_case_yields_only_to_the_questions_kind(
    answer: str, response: str, right: bool
) -> None:
    # "M" is no length, so it is metres here; "Mg" (megagrams) is a mass, so it stays.
    assert graded("quantity", {"answer": answer}, response).correct is right


@pytest.mark.parametrize(
    ("answer", "response"),
    [("90 minutes", "1 hour 30 minutes"), ("90 minutes", "1 h 30 min"), ("90 minutes", "1h30"),
     ("60 hours", "2 days and 12 hours"), ("1.8 m", "5'11\""), ("1.8 m", "5 ft 11 in"),
     ("1.8 m", "1 m 80 cm")],
)  # fmt: skip
def test_a_sum_of_shrinking_units_is_read_whole(answer: str, response: str) -> None:
    assert graded("quantity", {"answer": answer}, response).correct


@pytest.mark.parametrize(
    ("answer", "response"),
    [("50 km", "20 km 30 km"), ("60 hours", "2 days 12 km"), ("90 minutes", "30 min 1 h"),
     ("90 minutes", "1 hour 20 minutes")],
)  # fmt: skip
def test_a_sum_never_joins_two_answers_or_two_kinds(answer: str, response: str) -> None:
    assert not graded("quantity", {"answer": answer}, response).correct


@pytest.mark.parametrize(
    ("response", "right"),
    [("20 km (about 12 miles)", True), ("20 km (12.4 mi)", True), ("20 km (I think)", True),
     ("20 km (30 km)", False), ("20 km (or 30 km)", False), ("20 km (20 kg)", False),
     ("30 km (20 km)", False), ("20 km (21 km)", False)],
)  # fmt: skip
def test_a_bracketed_restatement_must_agree_with_the_answer(response: str, right: bool) -> None:
    verdict = graded("quantity", {"answer": "20 km"}, response)
    assert verdict.correct is right, verdict.feedback


@pytest.mark.parametrize(
    ("text", "value"),
    [("12 hundred", 1200.0), ("3 hundred", 300.0), ("twelve hundred", 1200.0),
     ("3 hundred and one", None), ("12 hundred thousand", None)],
)  # fmt: skip
def test_hundred_after_figures_scales_them_and_never_joins_two_numbers(
    text: str, value: float | None
) -> None:
    # Before: "3 hundred" was 3100 ("3 100", read as a thousands space).
    assert parse_number(text, counts=True) == value


@pytest.mark.parametrize(
    ("answer", "response", "right"),
    [("201st military base", "two hundred and first military base", True),
     ("201st military base", "two hundred and tenth military base", False),
     ("Group of Seven", "Group of 7", True), ("Group of Seven", "Group of 8", False),
     ("3 brigades", "three brigades", True), ("3 brigades", "thirty brigades", False)],
)  # fmt: skip
def test_numbers_in_words_inside_text_are_read_as_exact_digits(
    answer: str, response: str, right: bool
) -> None:
    assert graded("text", {"answer": answer}, response).correct is right


def test_numbers_in_an_answer_stay_as_the_author_wrote_them() -> None:
    verdict = graded("text", {"answer": "Group of Seven"}, "group of 7")
    assert verdict.correct and verdict.expected == "Group of Seven"


@pytest.mark.parametrize(
    ("response", "right"),
    [("Collective Security Treaty Organisation (CSTO)", True),
     ("Collective Security Treaty Organization (C.S.T.O.)", True),
     ("Collective Security Treaty Organisation (NATO)", False),
     ("Collective Security Treaty Organisation (or NATO)", False)],
)  # fmt: skip
def test_an_answers_own_initials_in_brackets_are_let_go(response: str, right: bool) -> None:
    answer = "Collective Security Treaty Organisation"
    assert graded("text", {"answer": answer}, response).correct is right


@pytest.mark.parametrize(
    ("answer", "response", "right"),
    [("Vladimir Putin", "Vladimir Vladimirovich Putin", True),
     ("Anna Berg", "Anna Petrovna Berg", True),
     ("Vladimir Putin", "Vladimirovich Putin", False),  # no given name fitted first
     ("John Adams", "John Quincy Adams", False)],  # a middle name: another person
)  # fmt: skip
def test_a_patronymic_the_answer_leaves_out_is_let_go_a_middle_name_is_not(
    answer: str, response: str, right: bool
) -> None:
    assert graded("who", {"answer": answer}, response).correct is right


@pytest.mark.parametrize(
    "response", ["Pres. Putin", "H.E. Vladimir Putin", "Marshal Putin", "Hon. Vladimir Putin"]
)
def test_abbreviated_offices_and_honorifics_are_titles(response: str) -> None:
    assert graded("who", {"answer": "Vladimir Putin"}, response).correct


def test_a_rank_word_at_the_end_of_a_name_is_the_name() -> None:
    assert graded("who", {"answer": "John Major"}, "Major").correct


_COUNTRIES = {"choices": ["Austria", "Australia", "Tajikistan", "Mi-24"], "answer": "Austria"}


@pytest.mark.parametrize(
    ("response", "right"),
    [("Austra", True), ("austria", True), ("Austrai", False), ("Australa", False)],
)
def test_a_typed_choice_names_the_one_choice_it_is_nearest(response: str, right: bool) -> None:
    # "Austrai" is as near Australia as Austria: it names neither.
    assert graded("choice", _COUNTRIES, response).correct is right


def test_a_choice_typo_is_forgiven_and_said_so() -> None:
    verdict = graded("choice", {**_COUNTRIES, "answer": "Tajikistan"}, "Tajikstan")
    assert verdict.correct and verdict.forgiven == ("a typo",)


@pytest.mark.parametrize("response", ["Mi-42", "Mi-2", "a", "A)", "option 1", "1"])
def test_a_choice_is_never_named_by_a_digit_typo_or_a_position(response: str) -> None:
    # Choices may be shown shuffled, so a letter or a position names nothing the grader knows.
    verdict = graded("choice", {**_COUNTRIES, "answer": "Mi-24"}, response)
    assert not verdict.correct
    assert "not one of the choices" in verdict.feedback


@pytest.mark.parametrize("response", ["after April 18", "before April 18", "since April 18"])
def test_a_bound_is_never_the_date(response: str) -> None:
    # The fallback reader read "after April 18" as April 18.
    assert not graded("date", {"answer": "April 18"}, response).correct


@pytest.mark.parametrize("response", ["until April 18", "by April 18", "approx. April 18"])
def test_until_by_and_hedges_before_a_date_are_read_past(response: str) -> None:
    assert graded("date", {"answer": "April 18"}, response).correct


@pytest.mark.parametrize(
    ("answer", "response", "right"),
    [("12", "12 thousands", False), ("12000", "12 thousands", True), ("1200", "12 hundreds", True)],
)
def test_a_plural_scale_word_scales_the_number(answer: str, response: str, right: bool) -> None:
    # "12 thousands" was graded as 12, right for 12.
    assert graded("number", {"answer": answer}, response).correct is right


@pytest.mark.parametrize("response", ["20 km 1", "20 km 5", "20 km, 30"])
def test_a_number_after_the_unit_is_never_a_factor(response: str) -> None:
    # pint reads "km 1" as km × 1, so "20 km 1" was right.
    assert not graded("quantity", {"answer": "20 km"}, response).correct


@pytest.mark.parametrize(("answer", "response"), [("TASS", "T.A.S.S."), ("UN", "U.N.")])
def test_an_organisations_initials_may_be_written_with_periods(answer: str, response: str) -> None:
    assert graded("who", {"answer": answer, "surname": False}, response).correct


@pytest.mark.parametrize("response", ["18 / 04 / 2024", "18 /04/ 2024", "2024 - 04 - 18"])
def test_spaces_around_the_marks_of_a_numeric_date_are_let_go(response: str) -> None:
    assert graded("date", {"answer": "2024-04-18"}, response).correct
