"""The authors' workspace in Chromium: an author made with the CLI reads the item analysis of
answers from several learners, sees the flags and the common wrong answer, previews and tries
a question; learners and visitors get 404 on every authors' URL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect
from sample_bank import sample_bank_text
from werkzeug.serving import make_server

from quiz import create_app
from quiz.core.banks.loading import load_bank
from quiz.core.grading import grade
from quiz.storage import create_learner, make_engine, make_sessionmaker, record_attempt

Screenshot = Callable[[Page, str], Path]
Accessible = Callable[[Page], None]
ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
QUESTION = "/authors/banks/sample/questions/training-ground"
START = datetime(2026, 3, 2, 9, tzinfo=UTC)
ADDED = [  # the only lines the accept button may add to the file
    "    accept: [Karb Madn]",
    '      right: ["Kharb-Maidon", "kharb maidon", "Kharb Maydon", "the Kharb-Maidon", '
    '"Karb Madn"]',
]
COMMENT = "  # The author's note: Kharb-Maidon is spelt many ways."

# Six learners, three questions each, as (training-ground, drills-country, base-number):
# training-ground: one right, "Dushanbe" from three (the common wrong answer), "Karb Madn"
# from two (one edit past the typos the grader forgives: a close miss) → 1 of 6 right, too
# hard and often close; drills-country: all right → too easy.
ANSWERS = [
    ("Kharb-Maidon", "Tajikistan", "201"),
    ("Dushanbe", "Tajikistan", "201"),
    ("dushanbe", "Tajikistan", "210"),
    ("Dushanbe!", "Tajikistan", "201"),
    ("Karb Madn", "Tajikistan", "210"),
    ("karb madn", "Tajikistan", "20"),
]
ASKED = ("training-ground", "drills-country", "base-number")


@dataclass(frozen=True)
class Site:
    url: str
    database: str
    banks: Path
    urls: tuple[tuple[str, str], ...]  # (method, path) of every authors' route
    second_url: str  # another server process on the same database and folder


def write_banks(folder: Path) -> None:
    folder.mkdir()
    text = sample_bank_text().replace(
        "  - id: training-ground\n", f"{COMMENT}\n  - id: training-ground\n"
    )
    (folder / "sample.yaml").write_text(text)
    (folder / "broken.yaml").write_text(
        "title: Broken on purpose\nquestions:\n  - id: x\n    type: txt\n"
        "    prompt: Which?\n    answer: This\n"
    )


def seed(database: str, banks: Path) -> None:
    """Every answer graded by the real grader, as the quiz would have recorded it."""
    bank = load_bank(banks / "sample.yaml").bank
    assert bank is not None
    engine = make_engine(database)
    with make_sessionmaker(engine)() as session:
        for n, responses in enumerate(ANSWERS):
            learner = create_learner(session)
            for k, (question_id, response) in enumerate(zip(ASKED, responses, strict=True)):
                question = bank.question(question_id)
                assert question is not None
                record_attempt(
                    session, learner_id=learner.id, bank_id="sample", question_id=question_id,
                    response=response, verdict=grade(question, response),
                    time_taken_ms=4000 + 1000 * n + 500 * k,
                    answered_at=START + timedelta(minutes=10 * n + k),
                )  # fmt: skip
        session.commit()
    engine.dispose()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Its own app (CSRF on) on its own banks folder, one of them broken, and its own database."""
    folder = tmp_path_factory.mktemp("authors")
    banks = folder / "banks"
    write_banks(banks)
    database = f"sqlite:///{folder / 'quiz.sqlite3'}"
    app = create_app(
        {
            "SECRET_KEY": "e2e",
            "DATABASE_URL": database,
            "QUESTIONS_DIR": str(banks),
            "WTF_CSRF_ENABLED": True,
        },
        instance_path=str(folder / "instance"),
    )
    seed(database, banks)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    second, second_url = second_server(database, banks)
    try:
        yield Site(
            f"http://127.0.0.1:{server.server_port}", database, banks, author_urls(app), second_url
        )
    finally:
        second.terminate()
        second.wait(timeout=10)
        server.shutdown()
        thread.join(timeout=5)


def author_urls(app: Flask) -> tuple[tuple[str, str], ...]:
    """Every route of the authors' blueprint, by method, with real ids filled in."""
    values = {"bank_id": "sample", "question_id": "training-ground"}
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("authors."):
            built = rule.build(values, append_unknown=False)
            assert built is not None
            found += [(m, built[1]) for m in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})]
    return tuple(found)


def second_server(database: str, banks: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`quiz serve` in a process of its own, on the same database and questions folder."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        "QUIZ_DATABASE_URL": database,
        "QUIZ_SECRET_KEY": "e2e",
        "QUIZ_QUESTIONS_DIR": str(banks),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "quiz.cli", "serve", "--port", str(port)],
        cwd=banks.parent, env={**os.environ, **env},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):  # it migrates and loads the banks first: wait for it to listen
        try:
            urllib.request.urlopen(url + "/help", timeout=1).close()
            return process, url
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise AssertionError("the second server did not start")


def quiz_cli(site: Site, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"QUIZ_DATABASE_URL": site.database, "QUIZ_SECRET_KEY": "e2e"}
    return subprocess.run(
        [sys.executable, "-m", "quiz.cli", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env, "QUIZ_QUESTIONS_DIR": str(site.banks)},
    )


def assert_all_404(page: Page, site: Site) -> None:
    assert ("POST", f"{QUESTION}/accept") in site.urls and len(site.urls) >= 7
    for method, url in [*site.urls, ("GET", "/authors/banks/sample?mode=all&sort=facility")]:
        if method == "GET":
            response = page.goto(site.url + url)
            assert response is not None and response.status == 404, url
            expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
        else:
            form = {"q1-answer": "x", "response": "Karb Madn", "file_hash": "0" * 64}
            status = page.request.post(site.url + url, form=form).status
            assert status == 404, url


def sign_in(page: Page, site: Site, username: str) -> None:
    page.goto(site.url + "/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {username}")).to_be_visible()


def both_sizes(page: Page, name: str, screenshot: Screenshot, accessible: Accessible) -> None:
    """Check and photograph the page at desktop and phone width."""
    for size, suffix in ((DESKTOP, ""), (PHONE, "-phone")):
        page.set_viewport_size(size)
        accessible(page)
        screenshot(page, name + suffix)
    page.set_viewport_size(DESKTOP)


def test_visitors_and_learners_get_404_everywhere(page: Page, site: Site) -> None:
    assert_all_404(page, site)
    page.goto(site.url + "/")
    expect(page.get_by_role("link", name="Authors")).to_have_count(0)
    expect(page.get_by_text("failed to load")).to_have_count(0)
    added = quiz_cli(site, "user", "add", "lena", "--password-stdin", stdin="correct horse\n")
    assert added.returncode == 0, added.stderr
    sign_in(page, site, "lena")
    assert_all_404(page, site)
    expect(page.get_by_role("link", name="Authors")).to_have_count(0)


def test_an_author_reads_the_item_analysis_tries_and_accepts_an_answer(
    page: Page, browser: Browser, site: Site, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    added = quiz_cli(site, "user", "add", "ada", "--password-stdin", stdin="correct horse\n")
    assert added.returncode == 0, added.stderr
    granted = quiz_cli(site, "user", "grant", "ada", "author")
    assert granted.returncode == 0 and granted.stdout == "ada is now an author\n"
    page.set_viewport_size(DESKTOP)
    sign_in(page, site, "ada")

    expect(page.get_by_text("1 bank file failed to load")).to_be_visible()
    page.get_by_role("link", name="See the problems on the Banks page").click()
    expect(page.get_by_role("heading", name="Banks", exact=True)).to_be_visible()
    broken = page.locator(".au-file", has_text="broken.yaml")
    expect(broken.get_by_text("line 4, column 5")).to_be_visible()
    expect(broken.locator(".au-line-marked")).to_have_text("   4     type: txt")
    expect(page.get_by_text(str(site.banks))).to_have_count(0)
    both_sizes(page, "authors-banks", screenshot, assert_accessible)
    page.set_viewport_size(PHONE)  # a problem's place never wraps mid-number on a phone
    place = broken.locator(".au-place").first
    line_height = place.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert place.evaluate("e => e.getClientRects().length") == 1
    assert (place.bounding_box() or {"height": 99.0})["height"] < 1.5 * line_height
    page.set_viewport_size(DESKTOP)

    page.get_by_role("link", name="Sample bank").click()
    row = page.locator("tbody tr", has_text="training-ground")
    expect(row.locator('[data-label="% right"]')).to_have_text("17 %")
    expect(row.locator('[data-label="Learners"]')).to_have_text("6")
    expect(row.get_by_text("Too hard")).to_be_visible()
    expect(row.get_by_text("Often close")).to_be_visible()
    easy = page.locator("tbody tr", has_text="drills-country")
    expect(easy.get_by_text("Too easy")).to_be_visible()
    expect(page.locator("svg.chart-scatter circle")).not_to_have_count(0)
    both_sizes(page, "authors-item-analysis", screenshot, assert_accessible)

    page.get_by_role("link", name="% right").click()  # sort, no script needed
    expect(page).to_have_url(f"{site.url}/authors/banks/sample?mode=first&sort=facility&order=desc")
    expect(page.locator("tbody tr").first).to_contain_text("drills-country")
    page.get_by_role("link", name="All attempts").click()
    expect(page.get_by_role("link", name="All attempts")).to_have_attribute("aria-current", "true")

    page.locator("tbody tr", has_text="training-ground").get_by_role("link").first.click()
    wrong = page.locator(".au-wrong-item").first
    expect(wrong.locator(".au-wrong-text")).to_have_text("Dushanbe")
    expect(wrong.locator(".au-count")).to_have_text("3×")
    expect(wrong.get_by_text("Not quite: the answer is Kharb-Maidon.")).to_be_visible()
    second = page.locator(".au-wrong-item").nth(1)
    expect(second.locator(".au-wrong-text")).to_have_text("Karb Madn")
    expect(second.get_by_text("close", exact=True)).to_be_visible()
    expect(page.locator(".source mark")).to_have_text(
        "at the Kharb-Maidon training ground in Tajikistan"
    )
    both_sizes(page, "authors-question", screenshot, assert_accessible)

    page.get_by_label("Your answer").fill("kharb maydn")
    page.get_by_role("button", name="Try this answer").click()
    verdict = page.locator(".au-trial")
    expect(verdict.get_by_text("Close: check the spelling — Kharb-Maidon.")).to_be_visible()
    expect(verdict.get_by_text("Let pass: a typo.")).to_be_visible()
    both_sizes(page, "authors-try", screenshot, assert_accessible)

    # the trial recorded nothing: the question still has its six learners' answers only
    page.goto(site.url + "/authors/banks/sample")
    row = page.locator("tbody tr", has_text="training-ground")
    expect(row.locator('[data-label="Attempts"]')).to_have_text("6")

    accept_and_regrade(page, site, screenshot, assert_accessible)
    assert learner_answer(browser, site.url, "karb madn")  # graded right: the key changed
    assert learner_answer(browser, site.second_url, "Karb Madn")  # in the other process too
    # first attempts: 1 right, 2 regraded, and the two new learners': 5 of 8
    page.goto(site.url + "/authors/banks/sample")
    expect(row.locator('[data-label="% right"]')).to_have_text("62 %")


def accept_and_regrade(
    page: Page, site: Site, screenshot: Screenshot, assert_accessible: Accessible
) -> None:
    """Accept the close miss as an alias, see the diff, regrade the two past answers."""
    before = (site.banks / "sample.yaml").read_text()
    page.goto(site.url + QUESTION)
    page.get_by_role("button", name="Accept “Karb Madn” as an alias").click()
    expect(page.get_by_role("heading", name="Accepted “Karb Madn”")).to_be_visible()
    expect(page.locator(".au-diff-add")).to_have_text([f"+{line}" for line in ADDED])
    both_sizes(page, "authors-accepted", screenshot, assert_accessible)
    after = (site.banks / "sample.yaml").read_text()
    assert COMMENT in after  # the author's comment and everything else stay as they were
    assert [line for line in after.splitlines() if line not in before.splitlines()] == ADDED
    page.get_by_role("button", name="Regrade 2 answers").click()
    expect(page.get_by_text("2 past answers from 2 learners now count as right")).to_be_visible()
    screenshot(page, "authors-regraded")


def learner_answer(browser: Browser, url: str, response: str) -> bool:
    """A learner, in a browser of their own, answers the question through the JSON API."""
    context = browser.new_context()
    try:
        token = context.request.get(url + "/api/csrf-token").json()["csrf_token"]
        answered = context.request.post(
            url + "/api/banks/sample/questions/training-ground/answer",
            data={"response": response},
            headers={"X-CSRFToken": token},
        )
        assert answered.status == 200, answered.text()
        return bool(answered.json()["correct"])
    finally:
        context.close()
