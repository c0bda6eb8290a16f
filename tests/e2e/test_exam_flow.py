"""A learner sits the sample exam in a real browser: answers recorded, the key at the end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]


def record(page: Page) -> None:
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator(".verdict-badge").first).to_have_text("Answer recorded")
    expect(page.get_by_text("Expected", exact=True)).to_have_count(0)


def next_question(page: Page) -> None:
    page.get_by_role("link", name="Next question").click()


def test_sit_the_exam(page: Page, screenshot: Screenshot, assert_accessible: Accessible) -> None:
    page.goto("/quiz/exam")
    expect(page.get_by_role("heading", name="This is an exam")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "exam-start")
    page.get_by_role("button", name="Start the exam").click()

    page.get_by_label("Russia").check()  # wrong, and the page must not say so
    record(page)
    assert_accessible(page)
    screenshot(page, "exam-answer-recorded")
    next_question(page)

    page.get_by_role("radio", name="False", exact=True).check()
    record(page)
    page.goto(page.url.rsplit("/", 1)[0] + "/done")
    expect(page.get_by_role("heading", name="6 questions left")).to_be_visible()
    expect(page.locator(".score-big")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "exam-unfinished")
    page.get_by_role("link", name="Go on with question 3").click()

    for answer in ("Kharb-Maidon", "201", "18 April", "Shoigu"):
        page.get_by_label("Your answer").fill(answer)
        record(page)
        next_question(page)
    page.get_by_label("Blank 1 of 1").fill("Tajik Taliban")
    record(page)
    next_question(page)
    page.get_by_label("TASS").select_option("Russia")
    page.get_by_label("Khovar").select_option("Tajikistan")
    record(page)
    page.get_by_role("link", name="See your score").click()

    expect(page.get_by_role("heading", name="Exam complete")).to_be_visible()
    expect(page.locator(".score-big")).to_have_text("88%")  # 7 of 8
    expect(page.locator(".verdict-wrong")).to_have_count(1)
    page.locator(".result-wrong summary").click()  # the end-of-run list opens one at a time
    expect(page.get_by_text("It lies close to the Afghan border.")).to_be_visible()
    expect(page.get_by_role("button", name="Retry the ones I missed")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "exam-done")


def test_phone_width(page: Page, screenshot: Screenshot) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/quiz/exam")
    screenshot(page, "exam-start-phone")
    page.get_by_role("button", name="Start the exam").click()
    page.get_by_label("Tajikistan").check()
    record(page)
    screenshot(page, "exam-answer-recorded-phone")
