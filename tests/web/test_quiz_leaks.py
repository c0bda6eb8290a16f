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

from quiz.core.bank import Question
from quiz.core.banks.loading import load_banks
from quiz.core.parsing.text import normalize

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
