"""Flashcard review in Chromium with the keyboard only: Space flips, 3 rates Good, U undoes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]


def new_count(page: Page) -> int:
    return int(page.locator(".fc-review-head .fc-count-new dd").inner_text())


def test_deck_picker(page: Page, screenshot: Screenshot, assert_accessible: Accessible) -> None:
    page.goto("/flashcards/")
    expect(page).to_have_title("Flashcards · Quiz")
    expect(page.get_by_role("row", name=re.compile("Sample bank"))).to_be_visible()
    expect(page.get_by_role("link", name="Export Sample bank as an Anki deck")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "flashcards-decks")


def test_review_flip_rate_and_undo_with_the_keyboard(
    page: Page, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto("/flashcards/review")
    expect(page.locator("#fc-front")).to_have_text(
        "In which country is the Kharb-Maidon training ground?"
    )
    before = new_count(page)
    assert_accessible(page)
    screenshot(page, "flashcards-front")

    page.keyboard.press("Space")
    expect(page.locator("#fc-answer-text")).to_have_text("Tajikistan")
    buttons = page.locator(".fc-rate-button")
    expect(buttons).to_have_count(4)
    expect(buttons.nth(2)).to_contain_text("10m")
    expect(buttons.nth(2)).to_contain_text("Good")
    assert_accessible(page)
    screenshot(page, "flashcards-back")

    page.keyboard.press("3")
    expect(page.locator("#fc-front")).not_to_have_text(
        "In which country is the Kharb-Maidon training ground?"
    )
    assert new_count(page) == before - 1

    page.keyboard.press("u")
    expect(page.get_by_text("Undone: your “Good” rating.")).to_be_visible()
    assert new_count(page) == before
    expect(page.locator("#fc-front")).to_have_text(
        "In which country is the Kharb-Maidon training ground?"
    )


def test_typed_answer_proposes_a_rating(
    page: Page, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto("/flashcards/review?mode=type")
    expect(page.get_by_role("radio", name="Afghanistan")).to_be_focused()
    page.keyboard.press("ArrowDown")  # picks Tajikistan
    expect(page.get_by_role("radio", name="Tajikistan")).to_be_checked()
    assert_accessible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Proposed rating: Good.")).to_be_visible()
    expect(
        page.get_by_role("button", name=re.compile(r"^Good, again in .* \(proposed\)$"))
    ).to_be_focused()
    assert_accessible(page)
    screenshot(page, "flashcards-typed")
    page.keyboard.press("Enter")  # accepts the proposal
    expect(page.locator("#fc-front")).not_to_contain_text("Kharb-Maidon training ground?")
