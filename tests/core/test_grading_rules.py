"""One named test per grading rule that a one-line change could break unnoticed."""

from __future__ import annotations

import pytest
from graded import graded

from quiz.core.grading.choice import ChoiceKey
from quiz.core.grading.choice import grade as grade_choice
from quiz.core.parsing.dates import PartialDate, parse_partial_date


@pytest.mark.parametrize(
    ("response", "right"), [("1004", True), ("996", True), ("1006", False), ("1040", False)]
)
def test_number_tolerance_without_a_percent_sign_is_absolute(response: str, right: bool) -> None:
    assert graded("number", {"answer": "1000", "tolerance": "5"}, response).correct is right


@pytest.mark.parametrize(
    ("response", "right"), [("1040", True), ("951", True), ("1051", False), ("949", False)]
)
def test_number_tolerance_with_a_percent_sign_is_relative(response: str, right: bool) -> None:
    assert graded("number", {"answer": "1000", "tolerance": "5%"}, response).correct is right


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 2023 AD", PartialDate(2023, 4, None)),  # no day: dateparser's own is dropped
        ("April AD", PartialDate(None, 4, None)),  # no year: RELATIVE_BASE's is dropped
        ("18 April 2023 AD", PartialDate(2023, 4, 18)),
    ],
)
def test_the_dateparser_fallback_never_fills_a_part(text: str, expected: PartialDate) -> None:
    assert parse_partial_date(text) == expected


def test_a_date_read_by_the_fallback_is_graded_on_the_parts_given() -> None:
    assert graded("date", {"answer": "April 2023"}, "April 2023 AD").correct
    missing = graded("date", {"answer": "18 April 2023"}, "April 2023 AD")
    assert not missing.correct and "Give the day too" in missing.feedback


def test_select_all_score_never_goes_below_zero() -> None:
    key = ChoiceKey(("a", "b", "c", "d"), frozenset({"a", "b"}), select_all=True)
    verdict = grade_choice(key, ["a", "c", "d"])  # 1 right, 2 wrong: (1 - 2) / 2 < 0
    assert verdict.score == 0.0 and not verdict.correct
    assert grade_choice(key, ["a", "c"]).score == 0.0
    assert grade_choice(key, ["a"]).score == 0.5


@pytest.mark.parametrize(
    ("answer", "response"),
    [("6", "six point zero two"), ("6", "six point two"), ("2", "two point five"),
     ("40", "minus forty"), ("201", "two hundred and one point five")],
)  # fmt: skip
def test_a_number_read_in_part_is_never_right(answer: str, response: str) -> None:
    assert not graded("number", {"answer": answer}, response).correct


def test_count_suffixes_are_for_counts_never_metres() -> None:
    assert graded("number", {"answer": "3500000"}, "3.5m").correct
    assert graded("quantity", {"answer": "3.5 m"}, "3.5m").correct
    assert not graded("quantity", {"answer": "3500000 m"}, "3.5m").correct


@pytest.mark.parametrize("response", ["100 C", "100 c", "100 °C", "100 deg C", "100 degrees"])
def test_c_in_a_temperature_question_is_celsius_never_coulomb(response: str) -> None:
    assert graded("quantity", {"answer": "100 °C"}, response).correct


def test_wrong_dimension_feedback_names_the_learners_dimension() -> None:
    verdict = graded("quantity", {"answer": "5 days"}, "5 kilos")
    assert "That is a mass" in verdict.feedback and "a duration" in verdict.feedback


@pytest.mark.parametrize(
    ("question_type", "answer"),
    [("number", "3.14159"), ("number", "12.99"), ("number", "0.00000003"),
     ("quantity", "12.99 kg"), ("quantity", "3.14159 m")],
)  # fmt: skip
def test_feedback_never_rounds_the_reference(question_type: str, answer: str) -> None:
    verdict = graded(question_type, {"answer": answer}, "1 mile" if "m" in answer else "1")
    assert verdict.expected == answer and answer in verdict.feedback


def test_the_learners_number_is_shown_unrounded() -> None:
    assert "Not 3.1416:" in graded("number", {"answer": "3.14159"}, "3.1416").feedback


@pytest.mark.parametrize(("answer", "response"), [("Malmø", "Malmo"), ("Straße", "strasse")])
def test_folding_alone_is_not_a_typo(answer: str, response: str) -> None:
    verdict = graded("text", {"answer": answer}, response)
    assert verdict.correct and not verdict.forgiven and "spelling" not in verdict.feedback


def test_a_contradicting_weekday_is_flagged_not_failed() -> None:
    verdict = graded("date", {"answer": "12 March 1987"}, "Monday, 12 March 1987")
    assert verdict.correct and "was a Thursday, not a Monday" in verdict.feedback


def test_a_two_digit_year_never_turns_a_wrong_decade_right() -> None:
    assert graded("date", {"answer": "12 March 1987"}, "12-Mar-87").correct
    assert not graded("date", {"answer": "12 March 1987"}, "12-Mar-97").correct
    # The window follows the reference: '87 is 1887 in a question about 1887.
    assert graded("date", {"answer": "12 March 1887"}, "12-Mar-87").correct


@pytest.mark.parametrize("fragment", ["Ortega y Gasset", "Gasset"])
def test_the_whole_family_name_is_right_whenever_a_fragment_is(fragment: str) -> None:
    assert graded("who", {"answer": "José Ortega y Gasset"}, fragment).correct


@pytest.mark.parametrize("response", ["three tenths", "two thirds", "a third", "one quarter"])
def test_a_fraction_in_words_is_never_graded_as_its_whole_number(response: str) -> None:
    # "three tenths" once read as 3 (the fraction word was dropped): a false right.
    assert not graded("number", {"answer": "3"}, response).correct
    assert not graded("number", {"answer": "2"}, response).correct


@pytest.mark.parametrize(
    ("response", "answer"),
    [("eight and a half", "8.5"), ("one and a half million", "1500000"), ("2 and a half", "2.5")],
)
def test_and_a_half_is_read(response: str, answer: str) -> None:
    assert graded("number", {"answer": answer}, response).correct


@pytest.mark.parametrize(("response", "right"), [("3,5", True), ("3,500", True), ("3.500", False)])
def test_a_decimal_comma_question_reads_every_comma_as_the_decimal_mark(
    response: str, right: bool
) -> None:
    assert graded("number", {"answer": "3,5", "decimal_comma": True}, response).correct is right


def test_without_decimal_comma_a_comma_before_three_digits_groups_thousands() -> None:
    assert graded("number", {"answer": "3500"}, "3,500").correct
    assert not graded("number", {"answer": "3.5"}, "3,500").correct


@pytest.mark.parametrize("response", ["20 sq km", "20 sqkm", "20 km²"])
def test_square_kilometres_are_understood_however_written(response: str) -> None:
    assert graded("quantity", {"answer": "20 square kilometres"}, response).correct


def test_feet_written_with_a_mark_are_feet() -> None:
    assert graded("quantity", {"answer": "30 feet"}, "30'").correct


def test_a_two_digit_year_after_a_month_is_that_century() -> None:
    assert graded("date", {"answer": "March 1987"}, "Mar 87").correct


@pytest.mark.parametrize("response", ["Lavrov S.", "Lavrov, Sergei", "lavrov"])
def test_family_name_first_forms_are_accepted(response: str) -> None:
    assert graded("who", {"answer": "Sergei Lavrov"}, response).correct


def test_a_family_name_written_with_a_space_inside_is_the_same_name() -> None:
    assert graded("who", {"answer": "Ramsay MacDonald"}, "Mac Donald").correct
    assert not graded("who", {"answer": "Ramsay MacDonald"}, "Ramsay").correct


@pytest.mark.parametrize(
    ("response", "right"),
    [("12½", True), ("12 ½", True), ("12 1/2", True), ("25/2", True), ("12", False)],
)
def test_a_typed_fraction_is_read_whole_never_as_its_digits(response: str, right: bool) -> None:
    # "12½" was once read as 12: right for a question whose answer is 12.
    assert graded("number", {"answer": "12.5"}, response).correct is right
    assert graded("number", {"answer": "12"}, response).correct is (response == "12")


def test_a_fraction_before_a_unit_is_read_whole() -> None:
    assert graded("quantity", {"answer": "20.5 km"}, "20 1/2 km").correct
    assert not graded("quantity", {"answer": "20 km"}, "20½ km").correct


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("Collective Security Treaty Organization", "Collective Security Treaty Organisation"),
        ("colour", "color"),
        ("the city centre", "city center"),
        ("Ministry of Defence", "Ministry of Defense"),
        ("analyze", "analyse"),
        ("catalog", "catalogue"),
        ("20 kilometres", "20 kilometers"),
    ],
)
def test_british_and_american_spellings_are_one_answer_not_a_typo(
    answer: str, response: str
) -> None:
    verdict = graded("text", {"answer": answer}, response)
    assert verdict.correct and not verdict.forgiven, verdict.feedback
    reverse = graded("text", {"answer": response}, answer)
    assert reverse.correct and not reverse.forgiven, reverse.feedback


@pytest.mark.parametrize(("answer", "response"), [("four", "for"), ("hour", "hor")])
def test_spelling_families_do_not_join_other_words(answer: str, response: str) -> None:
    assert not graded("text", {"answer": answer}, response).correct
