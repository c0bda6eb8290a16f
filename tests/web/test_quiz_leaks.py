"""No answer and no quote reaches the browser before answering: pages and API, every question."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from leaks import answers_of

from quiz.core.bank import Bank, Question
from quiz.core.banks.loading import load_banks
from quiz.core.parsing.text import normalize
from quiz.core.presentation import present
from quiz.storage import attempts_for_run
from quiz.web.database import get_session
from quiz.web.quiz.responses import input_kind, options

ROOT = Path(__file__).parents[2]
FOLDERS = {"shipped": ROOT / "questions", "test": ROOT / "tests" / "data" / "banks"}
# Tokens are random: one could, by chance, read like a number answer.
TOKENS = re.compile(r'name="(?:csrf_token|shown)" type="hidden" value="[^"]*"')


def secrets_of(question: Question) -> list[str]:
    quote = [question.quote] if question.quote and question.type != "who" else []
    return answers_of(question) + quote


def assert_no_leak(question: Question, shown: str) -> None:
    text = f" {normalize(html.unescape(TOKENS.sub('', shown)))} "
    for secret in secrets_of(question):
        assert f" {normalize(secret)} " not in text, (question.id, secret)


@pytest.mark.parametrize("folder", FOLDERS, ids=str)
def test_question_pages_and_api_hide_answers(make_app: Any, folder: str) -> None:
    app: Flask = make_app(QUESTIONS_DIR=str(FOLDERS[folder]))
    client = app.test_client()
    banks = [lb.bank for lb in load_banks(FOLDERS[folder]) if lb.bank is not None]
    assert banks
    for bank in banks:
        questions = bank.quiz_questions
        one = client.post(f"/quiz/{bank.id}", data={"layout": "one", "shuffle_choices": "y"})
        run_id = one.location.split("/")[3]
        for position, question in enumerate(questions, 1):
            assert_no_leak(
                question, client.get(f"/quiz/run/{run_id}/{position}").get_data(as_text=True)
            )
            api = client.get(f"/api/banks/{bank.id}/questions/{question.id}").get_json()
            assert_no_leak(question, json.dumps(api, ensure_ascii=False))
        whole = client.get(f"/api/banks/{bank.id}").get_json()
        everything = client.post(f"/quiz/{bank.id}", data={"layout": "all"})
        page = client.get(everything.location).get_data(as_text=True)
        # Bank titles are left out: they are public on the home page (and a title naming an
        # answer is the author's to fix). Each item of the one-page form is checked on its
        # own: another question's prompt may name it.
        items = page.split('id="item-')[1:]
        for question, shown, item in zip(questions, whole["questions"], items, strict=True):
            assert_no_leak(question, json.dumps(shown, ensure_ascii=False))
            assert_no_leak(question, item)


# What the learner typed is theirs to see; it is stripped before looking for the key.
# The learner's own answer, in the verdict card and in the end page's one-line summary.
OWN_ANSWER = re.compile(
    r'<div class="answer-yours">.*?</div>|<span class="result-answer">.*?</strong></span>',
    re.DOTALL,
)
OUTCOMES = (
    "verdict-right", "verdict-wrong", "verdict-partly", ">Right<", ">Wrong<", "Expected",
    "result-right", "result-wrong", "result-partly",
)  # fmt: skip
EXAM_BANKS = [
    (folder, lb.bank)
    for folder, path in FOLDERS.items()
    for lb in load_banks(path)
    if lb.bank is not None and lb.bank.exam
]


def any_answer(question: Question, run_id: int, position: int) -> dict[str, object]:
    """A well-formed answer chosen without knowing the key: first options, made-up text."""
    shown, prefix = present(question, seed=run_id), f"q{position}-"
    kind = input_kind(shown)
    if kind in ("radio", "checkboxes"):
        return {f"{prefix}answer": options(shown)[0][0]}
    if kind == "cloze":
        return {f"{prefix}blank-{i}": "zzz" for i in range(1, len(shown.segments))}
    if kind == "order":
        return {f"{prefix}rank-{i}": i for i in range(1, len(shown.choices) + 1)}
    if kind == "match":
        return {f"{prefix}match-{i}": shown.choices[0] for i in range(1, len(shown.lefts) + 1)}
    return {f"{prefix}answer": "zzz"}


def exam_secrets(question: Question, verdict: dict[str, object] | None) -> list[str]:
    """The key and everything shown with it: answers, quote, explanation, sentence, verdict."""
    source = question.source_sentence
    return [
        *secrets_of(question),
        *([question.explanation] if question.explanation else []),
        *([source.sentence] if source else []),
        *([str(verdict["expected"]), str(verdict["feedback"])] if verdict else []),
    ]


def assert_sealed(question: Question, verdict: dict[str, object] | None, shown: str) -> None:
    kept = OWN_ANSWER.sub("", TOKENS.sub("", shown))
    text = f" {normalize(html.unescape(kept))} "
    for secret in exam_secrets(question, verdict):
        assert f" {normalize(secret)} " not in text, (question.id, secret)
    for outcome in OUTCOMES:
        assert outcome not in kept, (question.id, outcome)


def verdicts_of(app: Flask, run_id: int) -> dict[int, dict[str, object]]:
    with app.app_context():
        return {a.position or 0: a.verdict for a in attempts_for_run(get_session(), run_id)}


@pytest.mark.parametrize(("folder", "bank"), EXAM_BANKS, ids=lambda v: getattr(v, "id", v))
def test_an_exam_reveals_no_key_before_its_run_ends(make_app: Any, folder: str, bank: Bank) -> None:
    app: Flask = make_app(QUESTIONS_DIR=str(FOLDERS[folder]))
    client = app.test_client()
    questions = bank.quiz_questions
    refused = client.post(
        f"/api/banks/{bank.id}/questions/{questions[0].id}/answer", json={"response": "x"}
    )
    assert refused.status_code == 403
    run_id = int(client.post(f"/quiz/{bank.id}", data={"layout": "one"}).location.split("/")[3])
    watched = ("/", "/progress", "/api/progress")
    before = [TOKENS.sub("", client.get(url).get_data(as_text=True)) for url in watched]
    for position, question in enumerate(questions, 1):
        client.post(f"/quiz/run/{run_id}/{position}", data=any_answer(question, run_id, position))
        verdict = verdicts_of(app, run_id)[position]
        page = client.get(f"/quiz/run/{run_id}/{position}").get_data(as_text=True)
        assert_sealed(question, verdict, page)
        if position == len(questions):
            break  # the last answer ends the run once the end page is seen
        done = client.get(f"/quiz/run/{run_id}/done").get_data(as_text=True)
        items = done.split('<li class="result-row')[1:]
        verdicts = verdicts_of(app, run_id)
        for index, (earlier, item) in enumerate(zip(questions, items, strict=True), 1):
            assert_sealed(earlier, verdicts.get(index), item)
        now = [TOKENS.sub("", client.get(url).get_data(as_text=True)) for url in watched]
        assert now == before, "progress changed before the exam's run ended"
    client.get(f"/quiz/run/{run_id}/done")
    after = client.get(f"/quiz/run/{run_id}/1").get_data(as_text=True)
    assert "Expected" in after  # the key, once the run is over


@pytest.mark.parametrize(("folder", "bank"), EXAM_BANKS, ids=lambda v: getattr(v, "id", v))
def test_an_exam_on_one_page_reveals_no_key_before_its_run_ends(
    make_app: Any, folder: str, bank: Bank
) -> None:
    app: Flask = make_app(QUESTIONS_DIR=str(FOLDERS[folder]))
    client = app.test_client()
    questions = bank.quiz_questions
    run_id = int(client.post(f"/quiz/{bank.id}", data={"layout": "all"}).location.split("/")[3])
    # Half the questions answered (one by one: the one-page form answers all or none).
    for position, question in enumerate(questions[: len(questions) // 2], 1):
        client.post(f"/quiz/run/{run_id}/{position}", data=any_answer(question, run_id, position))
    page = client.get(f"/quiz/run/{run_id}/all").get_data(as_text=True)
    verdicts = verdicts_of(app, run_id)
    items = page.split('id="item-')[1:]
    for position, (question, item) in enumerate(zip(questions, items, strict=True), 1):
        assert_sealed(question, verdicts.get(position), item)
