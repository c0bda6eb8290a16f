"""A learner takes the sample quiz in a real browser, through every kind of input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ordering import arrow_up, put_in_order
from playwright.sync_api import Page, expect

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]


def check(page: Page, verdict: str) -> None:
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator(".verdict-badge").first).to_have_text(verdict)


def next_question(page: Page) -> None:
    page.get_by_role("link", name="Next question").click()


def test_whole_quiz(page: Page, screenshot: Screenshot, assert_accessible: Accessible) -> None:
    page.goto("/quiz/sample")
    expect(page.get_by_role("heading", name="Sample bank")).to_be_visible()
    screenshot(page, "quiz-start")
    page.get_by_role("button", name="Start the quiz").click()

    expect(page.locator(".progress-text strong")).to_have_text("Question 1 of 11")
    assert_accessible(page)
    screenshot(page, "quiz-question-choice")
    page.get_by_label("Tajikistan").check()
    check(page, "Right")
    expect(page.locator("mark")).to_have_text("at the Kharb-Maidon training ground in Tajikistan")
    assert_accessible(page)
    screenshot(page, "quiz-verdict-right")
    next_question(page)

    page.get_by_label("UAV operators").check()
    page.get_by_label("mobile electronic warfare groups").check()
    screenshot(page, "quiz-question-select-all")
    check(page, "Right")
    next_question(page)

    page.get_by_role("radio", name="True", exact=True).check()
    check(page, "Wrong")
    assert_accessible(page)
    screenshot(page, "quiz-verdict-wrong")
    next_question(page)

    for answer in ("Kharb Maidon", "201", "20 km", "18 April", "Shoigu"):
        if answer == "20 km":
            screenshot(page, "quiz-question-text")
        page.get_by_label("Your answer").fill(answer)
        check(page, "Right")
        next_question(page)

    page.get_by_label("Blank 1 of 1").fill("Tajik Taliban")
    screenshot(page, "quiz-question-cloze")
    check(page, "Right")
    next_question(page)

    put_in_order(page)
    screenshot(page, "quiz-question-order")
    check(page, "Right")
    next_question(page)

    page.get_by_label("TASS").select_option("Russia")
    page.get_by_label("Khovar").select_option("Tajikistan")
    screenshot(page, "quiz-question-match")
    check(page, "Right")
    page.get_by_role("link", name="See your score").click()

    expect(page.get_by_role("heading", name="Quiz complete")).to_be_visible()
    expect(page.locator(".score-big")).to_have_text("91%")
    assert_accessible(page)
    screenshot(page, "quiz-done")
    page.get_by_role("button", name="Retry the ones I missed (1)").click()
    expect(page.locator(".progress-text strong")).to_have_text("Question 1 of 1")


def test_keyboard_only(page: Page) -> None:
    page.goto("/quiz/sample")
    page.get_by_label("Number of questions").fill("2")
    page.get_by_label("Number of questions").press("Enter")
    expect(page.locator(".progress-text strong")).to_have_text("Question 1 of 2")
    page.wait_for_load_state()  # the shortcuts come with the page's deferred script
    page.keyboard.press("2")  # Tajikistan
    expect(page.get_by_label("Tajikistan")).to_be_checked()
    page.keyboard.press("Enter")
    expect(page.locator(".verdict-badge")).to_have_text("Right")
    page.wait_for_load_state()
    page.keyboard.press("n")
    expect(page.locator(".progress-text strong")).to_have_text("Question 2 of 2")
    page.wait_for_load_state()
    page.keyboard.press("1")
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    expect(page.locator(".verdict-badge")).to_have_text("Right")


def test_order_with_arrow_keys(page: Page) -> None:
    page.goto("/quiz/sample")
    page.get_by_label("Shuffle the questions").uncheck()
    page.get_by_role("button", name="Start the quiz").click()
    page.goto(page.url.rsplit("/", 1)[0] + "/10")
    put_in_order(page, arrow_up)
    check(page, "Right")


def test_phone_width(page: Page, screenshot: Screenshot) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/quiz/sample")
    page.get_by_role("button", name="Start the quiz").click()
    page.goto(page.url.rsplit("/", 1)[0] + "/11")
    screenshot(page, "quiz-question-phone")
    page.get_by_label("TASS").select_option("Tajikistan")
    page.get_by_label("Khovar").select_option("Russia")
    check(page, "Wrong")
    screenshot(page, "quiz-verdict-phone")


def test_anonymous_quiz_then_register_sign_in_again_and_see_progress(page: Page) -> None:
    # Answer two questions without an account...
    page.goto("/quiz/sample")
    page.get_by_label("Number of questions").fill("2")
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("Tajikistan").check()
    check(page, "Right")
    next_question(page)
    page.get_by_label("UAV operators").check()
    check(page, "Partly right")
    page.get_by_role("link", name="See your score").click()
    expect(page.locator(".score-big")).to_have_text("75%")

    # ...then register: the answers come along to the new account.
    page.get_by_role("link", name="Register").click()
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password", exact=True).fill("analytical engine")
    page.get_by_label("Repeat password").fill("analytical engine")
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("button", name="Sign out").click()

    # A later visit: sign in and find the progress waiting.
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("analytical engine")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", name="Your progress")).to_be_visible()
    answers = page.locator(".pg-stat", has_text="Answers").locator("dd").first
    expect(answers).to_have_text("2")
    expect(page.get_by_role("row", name="Sample bank")).to_contain_text("75%")
