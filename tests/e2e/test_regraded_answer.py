"""A learner's wrong answer, accepted by the author and regraded, as the learner then sees it;
and a bank an edit broke, as its author sees it while learners keep its last good version."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from quiz import create_app
from quiz.core.banks.editing import accept_answer, file_hash
from quiz.storage import create_learner
from quiz.storage.accounts import set_author
from quiz.storage.regrading import regrade_answers
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]
SEED = Path(__file__).parents[2] / "seeds" / "000_42a00ded27f26e66.txt"
BANK = f"""title: The drills
source: {SEED}
questions:
  - id: ground
    type: text
    prompt: At which training ground was the exercise held?
    answer: Kharb-Maidon
    quote: at the Kharb-Maidon training ground in Tajikistan
    explanation: Kharb-Maidon is in Tajikistan, close to the Afghan border.
"""


@pytest.fixture
def served(
    tmp_path: Path, app_settings: Callable[..., dict[str, object]]
) -> Iterator[tuple[Flask, str]]:
    questions = tmp_path / "questions"
    questions.mkdir()
    (questions / "drills.yaml").write_text(BANK, encoding="utf-8")
    settings = app_settings(tmp_path, QUESTIONS_DIR=str(questions), WTF_CSRF_ENABLED=True,
                            TESTING=False)  # fmt: skip
    app = create_app(settings, instance_path=str(tmp_path / "instance"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def regrade(app: Flask, bank: Path) -> None:
    """What the author's Accept-and-regrade does, through the same core and storage calls."""
    accept_answer(bank, "ground", "Kharb camp", expected_hash=file_hash(bank))
    with app.app_context():
        registry = get_registry()
        registry.refresh(force=True)
        question = registry.banks["drills"].questions[0]
        regrade_answers(get_session(), "drills", question, "Kharb camp", author="ed",
                        now=datetime.now(UTC))  # fmt: skip
        get_session().commit()


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]
)
def test_a_regraded_answer_reads_right_with_a_note(
    page: Page,
    served: tuple[Flask, str],
    tmp_path: Path,
    screenshot: Screenshot,
    assert_accessible: Accessible,
    viewport: dict[str, int],
) -> None:
    app, base = served
    page.set_viewport_size(viewport)
    page.goto(f"{base}/quiz/drills")
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("Your answer").fill("Kharb camp")
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator(".verdict-badge").first).to_have_text("Wrong")

    regrade(app, tmp_path / "questions" / "drills.yaml")
    page.reload()
    expect(page.locator(".verdict-badge").first).to_have_text("Right")
    expect(page.locator(".regraded")).to_have_text(
        "Regraded: marked wrong at the time, this answer has since been accepted by the "
        "question's author."
    )
    assert_accessible(page)
    phone = viewport["width"] < 500
    screenshot(page, "quiz-verdict-regraded" + ("-phone" if phone else ""))


def test_the_banks_page_when_an_edit_broke_a_served_bank(
    page: Page, served: tuple[Flask, str], tmp_path: Path, screenshot: Screenshot,
    assert_accessible: Accessible,
) -> None:  # fmt: skip
    app, base = served
    with app.app_context():
        set_author(get_session(), create_learner(get_session(), "ada", "correct horse"), True)
        get_session().commit()
    page.goto(f"{base}/auth/login")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("correct horse")
    page.get_by_role("button", name="Sign in").click()
    bank = tmp_path / "questions" / "drills.yaml"
    bank.write_text(BANK.replace("    answer: Kharb-Maidon\n", "     answer: Kharb-Maidon\n"))
    with app.app_context():
        get_registry().refresh(force=True)

    page.goto(f"{base}/authors/")
    expect(page.locator(".au-older")).to_contain_text("Learners still get this bank")
    expect(page.get_by_text("learners get its last good version until it is fixed")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "authors-banks-older-version")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "authors-banks-older-version-phone")
