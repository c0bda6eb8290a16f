"""The flashcard pages through the client: deck picker, flip and typed review, undo, exports."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from quiz.storage import make_engine, make_sessionmaker
from quiz.storage.models import CardState, FlashcardSettings, ReviewLog

PREVIEW_AT = r'name="preview_at" type="hidden" value="([^"]+)"'


def text(response: TestResponse) -> str:
    return response.get_data(as_text=True)


def counts(page: str) -> tuple[int, int, int]:
    """New, learning and due, as the review header shows them."""
    block = page[page.index('class="fc-counts"') :]
    new, learning, due = (int(n) for n in re.findall(r"<dd>(\d+)</dd>", block)[:3])
    return new, learning, due


def link(page: str, pattern: str) -> str:
    found = re.search(pattern, page)
    assert found, pattern
    return found.group(1).replace("&amp;", "&")


def saved(app: Flask, model: type) -> list:
    engine = make_engine(app.config["DATABASE_URL"])
    with make_sessionmaker(engine)() as session:
        rows = list(session.scalars(select(model)))
    engine.dispose()
    return rows


def flip_and_rate(client: FlaskClient, rating: str, query: str = "") -> tuple[str, TestResponse]:
    front = text(client.get(f"/flashcards/review{query}"))
    back = text(client.get(link(front, r'href="(/flashcards/card/[^"]+)" data-shortcut="space"')))
    action = link(back, r'action="(/flashcards/card/[^"]+/rate[^"]*)"')
    preview_at = link(back, PREVIEW_AT)
    return back, client.post(action, data={"rating": rating, "preview_at": preview_at})


def test_deck_picker_lists_every_bank_with_exports(client: FlaskClient) -> None:
    page = text(client.get("/flashcards/"))
    assert "Sample bank" in page and "12 cards" in page
    assert counts(page) == (12, 0, 0)
    assert "/flashcards/sample/export.apkg" in page and "/flashcards/sample/export.csv" in page
    assert 'href="/flashcards/"' in text(client.get("/"))  # the nav link appears


def test_the_front_shows_the_prompt_and_no_answer(client: FlaskClient) -> None:
    page = text(client.get("/flashcards/review"))
    assert "In which country is the Kharb-Maidon training ground?" in page
    assert "Show answer" in page and "fc-answer-text" not in page


def test_flip_shows_four_intervals_and_rating_schedules_the_card(
    app: Flask, client: FlaskClient
) -> None:
    back, response = flip_and_rate(client, "3")
    intervals = re.findall(r'class="fc-interval">([^<]+)<', back)
    assert intervals[:3] == ["1m", "6m", "10m"] and intervals[3] in {
        f"{n}d" for n in range(6, 12)
    }  # 8d, fuzzed
    assert "Tajikistan" in back and "<mark>" in back
    assert response.status_code == 302
    assert response.location.endswith("/flashcards/review?mode=flip")
    assert counts(text(client.get("/flashcards/review"))) == (11, 0, 0)
    [state] = saved(app, CardState)
    last_review = datetime.fromisoformat(state.card["last_review"])
    assert state.due - last_review == timedelta(minutes=10)  # exactly Good's "10m"
    [log] = saved(app, ReviewLog)
    assert (log.question_id, log.rating, log.source) == ("drills-country", 3, "review")


def test_easy_schedules_exactly_its_fuzzed_button(app: Flask, client: FlaskClient) -> None:
    back, _ = flip_and_rate(client, "4")
    shown = re.findall(r'class="fc-interval">([^<]+)<', back)[3]
    [state] = saved(app, CardState)
    last_review = datetime.fromisoformat(state.card["last_review"])
    assert f"{(state.due - last_review).days}d" == shown


def test_a_double_submitted_rating_counts_once(app: Flask, client: FlaskClient) -> None:
    front = text(client.get("/flashcards/review"))
    back = text(client.get(link(front, r'href="(/flashcards/card/[^"]+)" data-shortcut="space"')))
    action = link(back, r'action="(/flashcards/card/[^"]+/rate[^"]*)"')
    data = {"rating": "4", "preview_at": link(back, PREVIEW_AT)}
    client.post(action, data=data)
    again = client.post(action, data=data, follow_redirects=True)
    assert "already rated" in text(again)
    assert len(saved(app, ReviewLog)) == 1


def test_undo_takes_the_rating_back(app: Flask, client: FlaskClient) -> None:
    flip_and_rate(client, "4")
    page = text(client.post("/flashcards/undo", follow_redirects=True))
    assert "Undone: your “Easy” rating" in page
    assert counts(page) == (12, 0, 0)
    assert [log.undone for log in saved(app, ReviewLog)] == [True]
    nothing = text(client.post("/flashcards/undo", follow_redirects=True))
    assert "Nothing to undo" in nothing


def test_typed_answer_proposes_a_rating(app: Flask, client: FlaskClient) -> None:
    front = text(client.get("/flashcards/review?mode=type"))
    action = link(front, r'action="(/flashcards/card/[^"]+/answer[^"]*)"')
    response = client.post(action, data={"answer": "Russia"})
    back = text(client.get(response.location))
    assert "<strong>Wrong</strong> — you answered" in back and "fc-wrong" in back
    assert "Proposed rating: <strong>Again</strong>" in back
    assert re.search(r'value="1" class="[^"]*fc-suggested', back)
    rate_action = link(back, r'action="(/flashcards/card/[^"]+/rate[^"]*)"')
    preview_at = link(back, PREVIEW_AT)
    client.post(rate_action, data={"rating": "2", "preview_at": preview_at})  # overridden
    [log] = saved(app, ReviewLog)
    assert (log.rating, log.source) == (2, "typed")
    assert log.duration_ms is not None


def test_picked_banks_and_unknown_banks(client: FlaskClient) -> None:
    assert client.get("/flashcards/review?bank=sample").status_code == 200
    missing = client.get("/flashcards/review?bank=nope")
    assert missing.status_code == 404 and "There is no bank called “nope”" in text(missing)
    assert client.get("/flashcards/card/sample/nope").status_code == 404


def test_exports(client: FlaskClient) -> None:
    rows = list(csv.DictReader(io.StringIO(text(client.get("/flashcards/sample/export.csv")))))
    assert len(rows) == 12
    apkg = client.get("/flashcards/sample/export.apkg")
    assert apkg.headers["Content-Disposition"] == "attachment; filename=sample.apkg"
    assert "collection.anki2" in zipfile.ZipFile(io.BytesIO(apkg.data)).namelist()
    assert client.get("/flashcards/nope/export.csv").status_code == 404


def test_desired_retention_is_a_per_learner_setting(app: Flask, client: FlaskClient) -> None:
    bad = client.post("/flashcards/settings", data={"retention": "50"})
    assert bad.status_code == 400 and "between 70 and 99" in text(bad)
    client.post("/flashcards/settings", data={"retention": "80"})
    [settings] = saved(app, FlashcardSettings)
    assert settings.desired_retention == 0.8
    assert 'value="80"' in text(client.get("/flashcards/"))


def test_config_sets_the_daily_new_card_cap(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(NEW_CARDS_PER_DAY=3).test_client()
    assert counts(text(client.get("/flashcards/review"))) == (3, 0, 0)


def test_rating_without_a_csrf_token_is_refused(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    response = client.post("/flashcards/card/sample/drills-country/rate", data={"rating": "3"})
    assert response.status_code == 400


def test_a_typed_answer_with_some_credit_reads_partly_right(client: FlaskClient) -> None:
    client.get("/flashcards/review?mode=type")  # a learner and a deck in the session
    url = "/flashcards/card/sample/drills-specialists"
    client.post(f"{url}/answer?mode=type", data={"answer": ["UAV operators"]})
    back = text(client.get(f"{url}?mode=type"))
    assert "<strong>Partly right 50%</strong> — you answered" in back and "fc-partly" in back
