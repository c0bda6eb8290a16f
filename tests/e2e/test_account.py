"""The account page in a real browser: changing the password, errors beside their fields;
API tokens made, shown once, listed by their prefix and revoked."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from quiz.storage.tokens import SHOWN_PREFIX_LENGTH

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


PHONE = {"width": 390, "height": 844}


def register(page: Page, username: str) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("compilers are friends")
    page.get_by_label("Repeat password").fill("compilers are friends")
    page.get_by_role("button", name="Create account").click()


def create_token(page: Page, name: str, scope: str) -> str:
    page.get_by_label("Token name").fill(name)
    page.get_by_label(scope).check()
    page.get_by_role("button", name="Create token").click()
    shown = page.get_by_label("Token", exact=True)
    expect(shown).to_have_value(re.compile(r"^quiz_[A-Za-z0-9_-]{43}$"))
    return shown.input_value()


def test_api_token_shown_once_then_revoked(
    page: Page, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    register(page, "lovelace")
    page.get_by_role("link", name="Account").click()
    expect(page.locator("#tokens")).to_contain_text("You have no tokens.")
    create_token(page, "notebook", "Read only")
    secret = create_token(page, "daily bot that posts a question each morning", "Read and write")

    tokens = page.get_by_role("list", name="Your tokens")
    expect(tokens.get_by_role("listitem")).to_have_count(2)
    expect(tokens).to_contain_text(f"{secret[:SHOWN_PREFIX_LENGTH]}…")  # to tell tokens apart
    expect(tokens).not_to_contain_text(secret)
    assert_accessible(page)
    screenshot(page, "account-tokens")
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the account page is {width} px wide on a 390 px phone"
    screenshot(page, "account-tokens-phone")

    page.goto("/auth/account")  # shown once: a second look has only the prefix
    expect(page.locator("#new-token")).to_have_count(0)
    assert secret not in page.content()
    tokens.get_by_role("button", name="Revoke “notebook”").click()
    expect(tokens.get_by_role("listitem")).to_have_count(1)
    expect(tokens).not_to_contain_text("notebook")
