"""Too many failed sign-ins in a real browser: the 429 page says what happened and what to do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]


def test_the_sixth_wrong_password_for_an_account_is_turned_away(
    page: Page, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto("/auth/login")
    for attempt in range(6):
        page.get_by_label("Username").fill("turing")
        page.get_by_label("Password").fill(f"guess number {attempt}")
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Too many attempts")).to_be_visible()
    expect(page.get_by_text("Too many sign-in attempts for this account")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "sign-in-throttled")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "sign-in-throttled-phone")
