"""The account page in a real browser: changing the password, errors beside their fields."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]


def test_change_password_on_the_account_page(
    page: Page, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill("hopper")
    page.get_by_label("Password", exact=True).fill("compilers are friends")
    page.get_by_label("Repeat password").fill("compilers are friends")
    page.get_by_role("button", name="Create account").click()

    page.get_by_role("link", name="Account").click()
    page.get_by_label("Current password").fill("compilers are friends")
    page.get_by_label("New password", exact=True).fill("password1")
    page.get_by_label("Repeat new password").fill("password1")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator("#password-errors")).to_contain_text("among the most common")

    page.get_by_label("Current password").fill("not my password")
    page.get_by_label("New password", exact=True).fill("nanoseconds of wire")
    page.get_by_label("Repeat new password").fill("nanoseconds of wire")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator("#current-errors")).to_have_text("That is not your current password.")
    assert_accessible(page)
    screenshot(page, "account-errors")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "account-errors-phone")

    page.get_by_label("Current password").fill("compilers are friends")
    page.get_by_label("New password", exact=True).fill("nanoseconds of wire")
    page.get_by_label("Repeat new password").fill("nanoseconds of wire")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password is changed.")).to_be_visible()
    expect(page.locator(".signed-in")).to_have_text("Signed in as hopper")
