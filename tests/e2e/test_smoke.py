"""The first walk through a real browser: home, register, sign out, sign in, accessibility."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]


def test_home_page(page: Page, screenshot: Screenshot, assert_accessible: Accessible) -> None:
    page.goto("/")
    expect(page).to_have_title("Quizzes · Quiz")
    expect(page.get_by_role("heading", name="Sample bank")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "home")


def test_register_sign_out_and_sign_in(
    page: Page, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page.goto("/auth/register")
    assert_accessible(page)
    screenshot(page, "register")
    page.get_by_label("Username").fill("grace")
    page.get_by_label("Password", exact=True).fill("correct horse")
    page.get_by_label("Repeat password").fill("correct horse")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Signed in as grace")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()

    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill("grace")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Wrong username or password.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "login-error")
    page.get_by_label("Password").fill("correct horse")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as grace")).to_be_visible()
    screenshot(page, "home-signed-in")


def test_register_errors_show_next_to_fields(page: Page, screenshot: Screenshot) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill("x")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Repeat password").fill("other")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_label("Username")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#confirm-errors")).to_have_text("The passwords differ.")
    screenshot(page, "register-errors")


def test_phone_layout(page: Page, screenshot: Screenshot, assert_accessible: Accessible) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "home-phone")
