"""Nothing typed is lost: a refused page comes back with every answer in place, JS or not."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ordering import ORDER, put_in_order
from playwright.sync_api import Browser, BrowserContext, Page, expect

Screenshot = Callable[[Page, str], Path]


def start(page: Page, layout: str = "One question per page") -> str:
    """Start an unshuffled run of the sample bank; the run's base URL (…/quiz/run/<id>)."""
    page.goto("/quiz/sample")
    page.get_by_label(layout).check()
    page.get_by_role("button", name="Start the quiz").click()
    return page.url.rsplit("/", 1)[0]


def test_all_on_one_page_keeps_every_answer(page: Page, screenshot: Screenshot) -> None:
    start(page, "All on one page")
    page.locator("input[name='q1-answer'][value='Tajikistan']").check()
    page.locator("input[name='q2-answer'][value='UAV operators']").check()
    page.locator("input[name='q2-answer'][value='mobile electronic warfare groups']").check()
    page.locator("input[name='q3-answer'][value='false']").check()
    # q4 left empty: the one error.
    for position, text in ((5, "201"), (6, "20 km"), (7, "18 April"), (8, "Shoigu")):
        page.locator(f"#q{position}-answer").fill(text)
    page.locator("#q9-blank-1").fill("Tajik Taliban")
    put_in_order(page)
    page.locator("#q11-match-1").select_option("Russia")
    page.locator("#q11-match-2").select_option("Tajikistan")
    page.get_by_role("button", name="Check all my answers").click()

    expect(page.get_by_text("1 answer still needs your attention")).to_be_visible()
    expect(page.locator("#q4-error")).to_contain_text("Type an answer")
    expect(page.locator("input[name='q1-answer'][value='Tajikistan']")).to_be_checked()
    expect(page.locator("input[name='q2-answer'][value='UAV operators']")).to_be_checked()
    expect(page.locator("input[name='q2-answer'][value='naval divers']")).not_to_be_checked()
    expect(page.locator("input[name='q3-answer'][value='false']")).to_be_checked()
    for position, text in ((5, "201"), (6, "20 km"), (7, "18 April"), (8, "Shoigu")):
        expect(page.locator(f"#q{position}-answer")).to_have_value(text)
    expect(page.locator("#q9-blank-1")).to_have_value("Tajik Taliban")
    expect(page.locator("[data-order-item] .order-text")).to_have_text(ORDER)
    expect(page.locator("#q11-match-1")).to_have_value("Russia")
    expect(page.locator("#q11-match-2")).to_have_value("Tajikistan")
    screenshot(page, "quiz-all-error")

    page.locator("#q4-answer").fill("Kharb Maidon")
    page.get_by_role("button", name="Check all my answers").click()
    expect(page.locator(".score-big")).to_have_text("100%")


@pytest.fixture
def no_js(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    yield context
    context.close()


def test_without_javascript_order_places_start_at_their_own_position(
    no_js: BrowserContext,
) -> None:
    page = no_js.new_page()
    run = start(page)
    page.goto(f"{run}/10")
    ranks = page.locator("select[data-order-rank]")
    expect(ranks).to_have_count(3)
    assert [ranks.nth(i).input_value() for i in range(3)] == ["1", "2", "3"]
    page.get_by_role("button", name="Check my answer").click()  # as shown: a valid answer
    expect(page.locator(".verdict-badge")).to_be_visible()
    expect(page.locator(".field-errors")).to_have_count(0)


def test_without_javascript_a_refused_answer_keeps_its_picks(no_js: BrowserContext) -> None:
    page = no_js.new_page()
    run = start(page)
    page.goto(f"{run}/10")
    ranks = page.locator("select[data-order-rank]")
    for index, place in enumerate(("2", "2", "1")):
        ranks.nth(index).select_option(place)
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_role("alert")).to_contain_text("different place")
    assert [ranks.nth(i).input_value() for i in range(3)] == ["2", "2", "1"]

    page.goto(f"{run}/11")
    page.locator("#q11-match-1").select_option("Russia")
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose a match")
    expect(page.locator("#q11-match-1")).to_have_value("Russia")

    page.goto(f"{run}/9")
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_role("alert")).to_contain_text("Fill in every blank")
