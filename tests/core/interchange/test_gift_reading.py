"""Moodle GIFT read question by question: every type, weights, feedback, escapes, errors."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.core.interchange.gift_reading import NO_BACK, read_gift
from quiz.core.interchange.records import MAX_TEXT_BYTES, InterchangeError


def one(gift: str) -> tuple[dict[str, Any], list[str]]:
    imported = read_gift(gift.encode(), "T")
    assert not imported.errors, [e.message for e in imported.errors]
    assert len(imported.drafts) == 1
    return imported.drafts[0].fields, imported.drafts[0].notes


@pytest.mark.parametrize(
    ("gift", "expected"),
    [
        (
            "Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}",
            {"type": "choice", "prompt": "Who's buried in Grant's tomb?",
             "choices": ["Grant", "Jefferson", "no one"], "answer": "no one"},
        ),
        (
            "Grant is {~buried =entombed ~living} in Grant's tomb.",
            {"type": "choice", "prompt": "Grant is _____ in Grant's tomb.",
             "choices": ["buried", "entombed", "living"], "answer": "entombed"},
        ),
        (
            "Two people? {~%-100%No one ~%50%Grant ~%50%Grant's wife ~%-100%Grant's father}",
            {"type": "choice", "prompt": "Two people?",
             "choices": ["No one", "Grant", "Grant's wife", "Grant's father"],
             "answer": ["Grant", "Grant's wife"]},
        ),
        (
            "Who's buried in Grant's tomb?{=no one =nobody}",
            {"type": "text", "prompt": "Who's buried in Grant's tomb?", "answer": "no one",
             "accept": ["nobody"]},
        ),
        (
            "The capital of France is {=Paris =paris}, on the Seine.",
            {"type": "cloze", "text": "The capital of France is [[Paris|paris]], on the Seine."},
        ),
        ("Grant is buried in Grant's tomb.{F}", {"type": "truefalse", "prompt":
            "Grant is buried in Grant's tomb.", "answer": False}),
        ("The sun rises in the east.{T}", {"type": "truefalse", "prompt":
            "The sun rises in the east.", "answer": True}),
        ("Sky is blue.{TRUE}", {"type": "truefalse", "prompt": "Sky is blue.", "answer": True}),
        ("Sky is green.{FALSE}", {"type": "truefalse", "prompt": "Sky is green.", "answer": False}),
        (
            "When was Grant born?{#1822:5}",
            {"type": "number", "prompt": "When was Grant born?", "answer": "1822",
             "tolerance": "5"},
        ),
        (
            "Pi to 3 places?{#3.141..3.142}",
            {"type": "number", "prompt": "Pi to 3 places?", "answer": "3.1415",
             "tolerance": "0.0005"},
        ),
        ("How many?{#-40}", {"type": "number", "prompt": "How many?", "answer": "-40"}),
        (
            "Match the capitals.{=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo}",
            {"type": "match", "prompt": "Match the capitals.",
             "pairs": [["Canada", "Ottawa"], ["Italy", "Rome"], ["Japan", "Tokyo"]]},
        ),
        (
            "Write about Dag Hammarskjöld.{####A Swedish diplomat.}",
            {"type": "card", "front": "Write about Dag Hammarskjöld.",
             "back": "A Swedish diplomat."},
        ),
        (
            "Write about Dag Hammarskjöld.{}",
            {"type": "card", "front": "Write about Dag Hammarskjöld.", "back": NO_BACK},
        ),
        (
            "::Part two::Questions about planets follow.",
            {"type": "card", "front": "Part two", "back": "Questions about planets follow."},
        ),
        (
            "How many legs?{=eight####Spiders are arachnids.}",
            {"type": "text", "prompt": "How many legs?", "answer": "eight",
             "explanation": "Spiders are arachnids."},
        ),
        (
            "Pick one.{=right#Very good! ~wrong}",
            {"type": "choice", "prompt": "Pick one.", "choices": ["right", "wrong"],
             "answer": "right", "explanation": "Very good!"},
        ),
        (
            "Is the moon cheese?{FALSE#No: rock.#Right: rock.}",
            {"type": "truefalse", "prompt": "Is the moon cheese?", "answer": False,
             "explanation": "Right: rock."},
        ),
    ],
)  # fmt: skip
def test_every_gift_type_reads_as_ours(gift: str, expected: dict[str, Any]) -> None:
    fields, _ = one(gift)
    assert fields == expected


@pytest.mark.parametrize(
    ("gift", "prompt", "answers"),
    [
        (r"C\: is \= or \=\= equality?{=\=\= ~\=}", "C: is = or == equality?", ["==", "="]),
        (r"Write \{ and \}\: braces?{=yes \# really ~no \~ never}", "Write { and }: braces?",
         ["yes # really", "no ~ never"]),
        (r"A back\\slash?{=yes ~no}", "A back\\slash?", ["yes", "no"]),
        (r"Line one\nline two?{=a ~b}", "Line one\nline two?", ["a", "b"]),
    ],
)  # fmt: skip
def test_escaped_characters_are_plain_text(gift: str, prompt: str, answers: list[str]) -> None:
    fields, _ = one(gift)
    assert fields["prompt"] == prompt
    assert fields["choices"] == answers


@pytest.mark.parametrize(
    ("gift", "prompt"),
    [
        ("[html]Which <b>planet</b> is <i>largest</i>?{=Jupiter ~Mars}",
         "Which planet is largest?"),
        ("[html]<p>Which planet&nbsp;is &amp; largest?</p>{=Jupiter ~Mars}",
         "Which planet is & largest?"),
        ("Which <b>planet</b>?{=Jupiter ~Mars}", "Which planet?"),
        ("[markdown]Which **planet**?{=Jupiter ~Mars}", "Which **planet**?"),
        ("[plain]Is 2 <b> 3?{=Jupiter ~Mars}", "Is 2 <b> 3?"),
        ("[moodle]Which planet?{=Jupiter ~Mars}", "Which planet?"),
    ],
)  # fmt: skip
def test_format_markers_are_stripped_and_html_made_text(gift: str, prompt: str) -> None:
    fields, _ = one(gift)
    assert fields["prompt"] == prompt


def test_categories_become_tags_and_comments_stay_with_their_question() -> None:
    gift = (
        "$CATEGORY: $course$/top/History/Grant\n\n"
        "// about the tomb\n::Tomb::Who is buried in Grant's tomb?{=Grant ~no one}\n\n"
        "$CATEGORY: Science\n\nHow many planets?{#8}\n"
    )
    first, second = read_gift(gift.encode(), "T").drafts
    assert first.fields["tags"] == ["History", "Grant"] and first.comments == ["about the tomb"]
    assert first.name == "Tomb" and first.where == "4"
    assert second.fields["tags"] == ["Science"] and second.where == "8"


def test_moodle_reads_tags_and_ids_from_comments_and_the_last_general_feedback() -> None:
    gift = "// [id:tomb-1] [tag:history] [tag:grant]\nWho?{=Grant ~no one####a####b}\n"
    (draft,) = read_gift(gift.encode(), "T").drafts
    assert draft.name == "tomb-1" and draft.fields["tags"] == ["history", "grant"]
    assert draft.fields["choices"] == ["Grant", "no one"]  # "####a" is its #feedback
    assert draft.fields["explanation"] == "b"


def test_a_tilde_makes_multiple_choice_even_with_arrows() -> None:
    fields, _ = one("Which arrow?{=a -> b ~c -> d}")
    assert fields["type"] == "choice" and fields["choices"] == ["a -> b", "c -> d"]


def test_what_cannot_be_carried_is_noted() -> None:
    _, notes = one("Primes?{~%50%2 ~%25%3 ~%25%5 ~%0%9}")
    assert any("50%, 25%, 25%" in note for note in notes)
    assert any("wrong picks weighed 0%" in note for note in notes)
    _, notes = one("Born?{#=1822:0 =%50%1822:2#close}")
    assert any("1822:2, 50%" in note for note in notes)
    _, notes = one("Sum?{=four =%50%4}")
    assert notes == ["partly right answer '4' (50%)"]
    _, notes = one("Match.{=a -> 1 =b -> 2 = -> 3}")
    assert notes == ["an extra right-hand option with no pair: '3'"]
    _, notes = one("One.{=a ~%50%b ~%-50%c}")
    assert "'b' was worth 50%; here it counts as wrong" in notes
    assert any("negative weights" in note for note in notes)


def test_equal_weights_need_no_note() -> None:
    fields, notes = one("Which?{~%50%a ~%50%b ~%-50%c ~%-50%d}")
    assert fields["answer"] == ["a", "b"] and notes == []


@pytest.mark.parametrize(
    ("gift", "line", "message"),
    [
        ("\n\nWho?{=a ~b", "3", "'{' is never closed"),
        ("Who?\n{=a} and {=b}", "2", "stray '{'"),
        ("::Title without end\nWho?{=a}", "1", "title's '::' is never closed"),
        ("Who?\n{~a ~b}", "2", "no choice is right"),
        ("When?{#soon}", "1", "'soon' is not a number"),
        ("When?{#~1822}", "1", "no numerical answer is worth 100%"),
        ("Which?{~%abc%a =b}", "1", "the weight '%abc%'"),
        ("Which?{=a ~}", "1", "a choice is empty"),
        ("Match.{=a -> 1 =b}", "1", "pairs only"),
        ("Who?{=}", "1", "an answer is empty"),
        ("A } stray\n", "1", "stray '}'"),
        ("When?{#}", "1", "a numerical answer block {#...} gives no number"),
        ("Match.{=a -> 1 =b -> }", "1", "the pair 'b ->' has nothing after '->'"),
        ("{T}", "1", "the question has no text before its answers"),
    ],
)
def test_malformed_questions_report_their_line(gift: str, line: str, message: str) -> None:
    imported = read_gift(gift.encode(), "T")
    assert [(e.where, message in e.message) for e in imported.errors] == [(line, True)]


def test_a_bad_question_does_not_hide_the_others() -> None:
    imported = read_gift(b"Q1?{=a ~b}\n\nQ2?{=a\n\nQ3?{T}\n", "T")
    assert [d.where for d in imported.drafts] == ["1", "5"]
    assert [e.where for e in imported.errors] == ["3"]


def test_input_limits() -> None:
    with pytest.raises(InterchangeError, match="not UTF-8") as caught:
        read_gift(b"Q?{=a}\n\n\xff{=b}", "T")
    assert caught.value.where == "3"
    with pytest.raises(InterchangeError, match="MB"):
        read_gift(b"x" * (MAX_TEXT_BYTES + 1), "T")


def test_a_large_file_parses_in_linear_time() -> None:
    import time

    question = "::T::Q \\{x\\}?{=a#f ~%50%b ~c}\n\n"
    small, large = (question * n for n in (2_000, 20_000))
    started = time.perf_counter()
    read_gift(small.encode(), "T")
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    assert len(read_gift(large.encode(), "T").drafts) == 20_000
    assert time.perf_counter() - started < small_time * 30  # 10x the input, not 100x the time


@pytest.mark.parametrize(
    ("gift", "fields", "notes"),
    [
        (
            "Capital?{=%50%Paris}",
            {"type": "text", "prompt": "Capital?", "answer": "Paris"},
            ["the best answer's 50% weight: here it is fully right"],
        ),
        (
            "::Just a title::{T}",
            {"type": "truefalse", "prompt": "Just a title", "answer": True},
            [],
        ),
        (
            "Capital?{=Paris#Right! ~Rome####It is Paris.}",
            {
                "type": "choice",
                "prompt": "Capital?",
                "choices": ["Paris", "Rome"],
                "answer": "Paris",
                "explanation": "It is Paris.",
            },
            ["feedback on the right answer: 'Right!'"],  # the general feedback explains
        ),
    ],
    ids=["best-weight-under-100", "title-as-prompt", "two-feedbacks"],
)
def test_what_gift_says_another_way_is_read_and_noted(
    gift: str, fields: dict[str, Any], notes: list[str]
) -> None:
    assert one(gift) == (fields, notes)
