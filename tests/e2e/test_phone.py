"""A 390 × 844 phone is a first-class screen: every page fits, every control is big enough.

Each page is visited as someone signed out, as an anonymous learner with a history, as a
registered one and as an author; it fails when the page is wider than the viewport, when a part
scrolls sideways, or when a control is smaller than 44 × 44 CSS px (WCAG 2.5.5, target size).
The rule, exactly:

- controls are the visible `a`, `button`, `input` (not hidden), `select` and `summary` elements;
- a checkbox or radio button is measured together with its label (tapping either toggles it),
  and an input or select with `hidden` or the visually-hidden clip is not a target;
- the "inline" exception of 2.5.5: a link laid out inline inside running text (its block has
  other words than the link's own) is exempt, as the size of the text sets its size.

Every page also passes the same axe check as the other browser tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy.orm import Session

from quiz.storage import find_learner_by_username
from quiz.storage.accounts import set_author

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MIN = 44

# Returns [description, width, height] for each control under the minimum.
SMALL_CONTROLS = """
(min) => {
  const isVisible = (el) => {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") return false;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) return false;  // visually hidden (clip)
    if (box.bottom < 0 || box.right < 0) return false;    // off-screen (the skip link)
    for (let up = el.parentElement; up; up = up.parentElement) {  // inside a clipped box
      const outer = up.getBoundingClientRect();
      if ((outer.width <= 1 || outer.height <= 1) && getComputedStyle(up).overflow === "hidden") {
        return false;
      }
    }
    return !el.closest("[hidden]");
  };
  const blockOf = (el) => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
    return node;
  };
  const inRunningText = (el) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    const block = blockOf(el);
    const own = el.textContent.replace(/\\s+/g, " ").trim();
    const all = block ? block.textContent.replace(/\\s+/g, " ").trim() : own;
    return all.length > own.length + 2;
  };
  const targetBox = (el) => {
    let box = el.getBoundingClientRect();
    if (el.tagName === "INPUT" && ["checkbox", "radio"].includes(el.type)) {
      for (const label of el.labels || []) {
        const other = label.getBoundingClientRect();
        const left = Math.min(box.left, other.left), top = Math.min(box.top, other.top);
        const right = Math.max(box.right, other.right), bottom = Math.max(box.bottom, other.bottom);
        box = { width: right - left, height: bottom - top };
      }
    }
    return box;
  };
  const name = (el) => {
    const text = (el.getAttribute("aria-label") || el.textContent || el.name || el.id || "")
      .replace(/\\s+/g, " ").trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.type ? "[" + el.type + "]" : ""} “${text}”`;
  };
  const small = [];
  for (const el of document.querySelectorAll("a[href], button, input, select, summary")) {
    if (el.type === "hidden" || !isVisible(el) || inRunningText(el)) continue;
    const box = targetBox(el);
    if (box.width < min - 0.5 || box.height < min - 0.5) {
      small.push([name(el), Math.round(box.width), Math.round(box.height)]);
    }
  }
  return small;
}
"""

# A part that scrolls sideways hides columns or links with no hint (the deck table did).
SIDEWAYS_SCROLLERS = """
() => Array.from(document.querySelectorAll("body *"))
  .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
  .filter((el) => el.scrollWidth > el.clientWidth + 1)
  .map((el) => `${el.tagName}.${el.className}: ${el.scrollWidth} in ${el.clientWidth}`)
"""


def on_phone(page: Page) -> bool:
    return page.viewport_size == PHONE


def check_phone_page(page: Page, name: str, screenshot: Screenshot, accessible: Accessible) -> None:
    """On the phone: the size checks, axe, a screenshot; on the desktop: axe, a screenshot."""
    page.wait_for_load_state()  # the stylesheets, before anything is measured
    if not on_phone(page):
        accessible(page)
        screenshot(page, f"desktop-{name}")
        return
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: the page is {width} px wide on a 390 px phone"
    sideways = page.evaluate(SIDEWAYS_SCROLLERS)
    assert not sideways, f"{name}: parts that scroll sideways on a phone: {sideways}"
    nav = page.get_by_role("navigation", name="Main").get_by_role("link")
    for index in range(nav.count()):
        box = nav.nth(index).bounding_box()
        assert box and box["x"] + box["width"] <= PHONE["width"], f"{name}: a nav link is cut off"
    small = page.evaluate(SMALL_CONTROLS, MIN)
    assert not small, f"{name}: controls under {MIN}×{MIN} px: {small}"
    accessible(page)
    screenshot(page, f"phone-{name}")


@pytest.fixture(params=["phone", "desktop"])
def phone(
    request: pytest.FixtureRequest, browser: Browser, base_url: str
) -> Iterator[BrowserContext]:
    """A touch phone at 390 × 844, and (for the screenshots of every page) a desktop."""
    if request.param == "phone":
        context = browser.new_context(viewport=PHONE, base_url=base_url, has_touch=True)
    else:
        context = browser.new_context(viewport=DESKTOP, base_url=base_url)
    yield context
    context.close()


SIGNED_OUT = {
    "home": "/",
    "start": "/quiz/sample",
    "flashcards": "/flashcards/",
    "progress-empty": "/progress",
    "help": "/help",
    "login": "/auth/login",
    "register": "/auth/register",
    "not-found": "/quiz/nope",
}


def test_signed_out_pages(
    phone: BrowserContext, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page = phone.new_page()
    for name, url in SIGNED_OUT.items():
        page.goto(url)
        check_phone_page(page, name, screenshot, assert_accessible)


def assert_in_reach(page: Page, name: str, selector: str) -> None:
    """The page's primary action is on screen as the page opens: no scrolling to find it."""
    if not on_phone(page):
        return
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{name}: no {selector}"
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (
        f"{name}: {selector} is at {box['y']:.0f}–{box['y'] + box['height']:.0f} px, "
        f"below the {PHONE['height']} px screen"
    )


def assert_no_keyboard_hints(page: Page, name: str) -> None:
    if not on_phone(page):
        return
    hints = page.locator(".keys-hint, .fc-keys, kbd, .choice-key")
    for index in range(hints.count()):
        assert not hints.nth(index).is_visible(), f"{name}: a keyboard hint on a touch screen"


def answer_a_short_quiz(page: Page, screenshot: Screenshot, accessible: Accessible) -> None:
    page.goto("/quiz/sample")
    page.get_by_label("Number of questions").fill("3")
    page.get_by_role("button", name="Start the quiz").click()
    check_phone_page(page, "question-choice", screenshot, accessible)
    assert_in_reach(page, "question", "button:has-text('Check my answer')")
    assert_no_keyboard_hints(page, "question")
    page.get_by_label("Tajikistan").check()
    page.get_by_role("button", name="Check my answer").click()
    check_phone_page(page, "verdict", screenshot, accessible)
    assert_in_reach(page, "verdict", "a:has-text('Next question')")
    assert_no_keyboard_hints(page, "verdict")
    page.get_by_role("link", name="Next question").click()
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check_phone_page(page, "question-error", screenshot, accessible)
    page.get_by_label("UAV operators").check()
    page.get_by_role("button", name="Check my answer").click()
    page.get_by_role("link", name="Next question").click()
    page.get_by_role("radio", name="True", exact=True).check()
    page.get_by_role("button", name="Check my answer").click()
    page.get_by_role("link", name="See your score").click()
    check_phone_page(page, "done", screenshot, accessible)
    page.locator(".result-summary").first.click()
    check_phone_page(page, "done-open", screenshot, accessible)


def visit_with_history(
    page: Page, who: str, screenshot: Screenshot, accessible: Accessible
) -> None:
    for name, url in (("home", "/"), ("progress", "/progress"), ("flashcards", "/flashcards/")):
        page.goto(url)
        check_phone_page(page, f"{who}-{name}", screenshot, accessible)
    page.goto("/flashcards/review")
    check_phone_page(page, f"{who}-card-front", screenshot, accessible)
    assert_in_reach(page, "card front", "a:has-text('Show answer')")
    page.get_by_role("link", name="Show answer").click()
    check_phone_page(page, f"{who}-card-back", screenshot, accessible)
    assert_in_reach(page, "card back", ".fc-rate-good")
    assert_no_keyboard_hints(page, "card back")
    page.goto("/flashcards/review?mode=type")
    check_phone_page(page, f"{who}-card-typed", screenshot, accessible)


def test_anonymous_learner_with_history(
    phone: BrowserContext, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page = phone.new_page()
    answer_a_short_quiz(page, screenshot, assert_accessible)
    visit_with_history(page, "anonymous", screenshot, assert_accessible)


def test_all_on_one_page_and_match_order(
    phone: BrowserContext, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page = phone.new_page()
    page.goto("/quiz/sample")
    page.get_by_label("All on one page").check()
    page.get_by_role("button", name="Start the quiz").click()
    check_phone_page(page, "all", screenshot, assert_accessible)
    assert_in_reach(page, "all on one page", "button:has-text('Check all my answers')")
    page.get_by_role("button", name="Check all my answers").click()
    check_phone_page(page, "all-errors", screenshot, assert_accessible)


def test_registered_learner_then_author(
    phone: BrowserContext, live_db: Session, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    page = phone.new_page()
    page.goto("/auth/register")
    name = f"phoebe{page.viewport_size['width'] if page.viewport_size else ''}"  # one per run
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password", exact=True).fill("correct horse")
    page.get_by_label("Repeat password").fill("correct horse")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text(f"Signed in as {name}")).to_be_visible()
    answer_a_short_quiz(page, screenshot, assert_accessible)
    visit_with_history(page, "registered", screenshot, assert_accessible)
    make_author(live_db, name)
    for label, url in AUTHOR_PAGES.items():
        page.goto(url)
        check_phone_page(page, f"author-{label}", screenshot, assert_accessible)


AUTHOR_PAGES = {
    "banks": "/authors/",
    "bank": "/authors/banks/sample",
    "question": "/authors/banks/sample/questions/training-ground",
}


def make_author(db: Session, username: str) -> None:
    learner = find_learner_by_username(db, username)
    assert learner is not None
    set_author(db, learner, True)
    db.commit()
