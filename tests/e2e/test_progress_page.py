"""The progress and help pages in Chromium: with a month of answers, empty, on a phone."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy.orm import Session

from quiz.core.verdict import Verdict
from quiz.storage import (
    find_learner_by_username,
    finish_run,
    record_attempt,
    start_run,
)
from quiz.storage.cards import review_from_quiz

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]
PHONE = {"width": 390, "height": 844}
QUESTIONS = [
    "drills-country",
    "drills-specialists",
    "tajik-ties",
    "training-ground",
    "base-number",
    "border-distance",
    "drills-end",
    "csto-goal-quote",
    "ansarullah-cloze",
    "timeline",
    "agencies",
]


def register(page: Page, username: str) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("correct horse")
    page.get_by_label("Repeat password").fill("correct horse")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text(f"Signed in as {username}")).to_be_visible()


def seed_month(session: Session, learner_id: int, today: datetime) -> None:
    """A learner getting better over 3 weeks: a run most days, a gap, a streak up to today."""
    pick = random.Random(7)
    skipped = {3, 4, 9, 15}  # days off, counted back from today
    for back in range(21, -1, -1):
        if back in skipped:
            continue
        day = today - timedelta(days=back, hours=2)
        skill = 0.45 + 0.5 * (21 - back) / 21
        asked = pick.sample(QUESTIONS, pick.randint(5, len(QUESTIONS)))
        run = start_run(session, learner_id, "sample", asked)
        for position, question in enumerate(asked, 1):
            right = pick.random() < (skill * 0.6 if question == "timeline" else skill)
            verdict = Verdict(correct=right, score=float(right), expected="x", feedback="")
            record_attempt(
                session, learner_id=learner_id, bank_id="sample", question_id=question,
                response="x", verdict=verdict, run_id=run.id, position=position,
                answered_at=day + timedelta(minutes=position),
            )  # fmt: skip
            # As the quiz pages do: each answer is also a review of the question's card.
            review_from_quiz(
                session, learner_id, "sample", question, verdict, None,
                day + timedelta(minutes=position),
            )  # fmt: skip
        finish_run(session, run, now=day + timedelta(minutes=30))
    wrong = Verdict(correct=False, score=0.0, expected="x", feedback="")
    record_attempt(
        session, learner_id=learner_id, bank_id="sample", question_id="old-drills-date",
        response="x", verdict=wrong, answered_at=today - timedelta(days=20),
    )  # fmt: skip
    session.commit()


def test_progress_with_a_month_of_answers(
    page: Page, live_db: Session, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    register(page, "progress-pat")
    learner = find_learner_by_username(live_db, "progress-pat")
    assert learner is not None
    seed_month(live_db, learner.id, datetime.now(UTC))

    page.goto("/progress")
    expect(page).to_have_title("Progress · Quiz")
    expect(page.get_by_role("heading", name="Your progress")).to_be_visible()
    expect(page.get_by_role("img", name="Accuracy per day")).to_be_visible()
    expect(page.get_by_role("img", name="Answers per day")).to_be_visible()
    expect(page.get_by_role("img", name="Cards due per day")).to_be_visible()
    expect(page.locator(".pg-stat-streak dd").first).to_have_text("3 days")
    expect(page.get_by_role("row", name=re.compile("Sample bank"))).to_be_visible()
    expect(page.get_by_text("no longer asked")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "progress")

    page.get_by_text("Show the numbers").first.click()
    expect(page.get_by_role("table", name="Accuracy per day (UTC)")).to_be_visible()
    assert_accessible(page)

    page.set_viewport_size(PHONE)
    page.goto("/progress")
    assert_accessible(page)
    screenshot(page, "progress-phone")

    page.get_by_role("link", name="streak", exact=True).click()
    expect(page).to_have_url(re.compile(r"/help#streak$"))
    expect(page.locator("#streak")).to_be_in_viewport()


def test_progress_empty_state(
    page: Page, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto("/progress")
    expect(page.get_by_role("heading", name="Your progress starts with one answer")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "progress-empty")
    page.get_by_role("link", name="Choose a quiz").click()
    expect(page).to_have_title("Quizzes · Quiz")


@pytest.mark.parametrize(("size", "name"), [(None, "help"), (PHONE, "help-phone")])
def test_help_page(
    page: Page,
    screenshot: Screenshot,
    assert_accessible: Accessible,
    size: dict[str, int] | None,
    name: str,
) -> None:
    if size:
        page.set_viewport_size(size)
    page.goto("/help")
    expect(page).to_have_title("Help · Quiz")
    expect(page.get_by_role("navigation", name="On this page")).to_be_visible()
    assert_accessible(page)
    screenshot(page, name)
    page.get_by_role("navigation", name="On this page").get_by_role(
        "link", name="Slow answers"
    ).click()
    expect(page.locator("#slow")).to_be_in_viewport()
