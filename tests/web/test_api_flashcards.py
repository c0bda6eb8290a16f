"""The flashcard API through the client: the due queue and its cap, front, back, rating with
the pages' very intervals, undo, idempotent retries, exams left out, and one learner's cards."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quiz.storage.models import CardState, ReviewLog
from quiz.web.api.routes import openapi_spec
from quiz.web.database import get_session

if TYPE_CHECKING:
    from conftest import AuthActions

AppMaker = Callable[..., Flask]
CARD = "/api/flashcards/cards/sample/drills-country"


def assert_matches(body: Any, schema_name: str) -> None:
    schema = {**openapi_spec(), "$ref": f"#/components/schemas/{schema_name}"}
    jsonschema.Draft202012Validator(schema).validate(body)


def error_text(body: dict[str, Any]) -> str:
    """The message of an API error, in today's {"error"} or problem details' "detail"."""
    return str(body.get("detail") or body.get("error"))


def states(app: Flask) -> list[CardState]:
    with app.app_context():
        return list(get_session().scalars(select(CardState)))


def logs(app: Flask) -> list[ReviewLog]:
    with app.app_context():
        return list(get_session().scalars(select(ReviewLog).order_by(ReviewLog.id)))


def page_counts(client: FlaskClient) -> tuple[int, int, int]:
    """New, learning and due as the review page's header shows them."""
    page = client.get("/flashcards/review").text
    block = page[page.index('class="fc-counts"') :]
    new, learning, due = (int(n) for n in re.findall(r"<dd>(\d+)</dd>", block)[:3])
    return new, learning, due


def rate(
    client: FlaskClient, url: str, rating: object, key: str | None = None, **body: object
) -> Any:
    back = client.get(f"{url}/back").get_json()
    payload = {"rating": rating, "preview_at": back["preview_at"], **body}
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(back["rate_url"], json=payload, headers=headers)


def test_the_due_queue_respects_the_new_card_cap_like_the_pages(make_app: AppMaker) -> None:
    client = make_app(NEW_CARDS_PER_DAY=3).test_client()
    due = client.get("/api/flashcards/due").get_json()
    assert_matches(due, "DueCards")
    assert due["counts"] == {"new": 3, "learning": 0, "review": 0} and due["new_per_day"] == 3
    assert [c["question_id"] for c in due["cards"]] == [
        "drills-country", "drills-specialists", "tajik-ties",
    ]  # fmt: skip
    assert rate(client, CARD, "good").status_code == 200
    after = client.get("/api/flashcards/due").get_json()
    # One new card was introduced today: two more new ones, and Good's 10-minute step is not
    # due yet, exactly as the review page counts them.
    assert after["counts"] == {"new": 2, "learning": 0, "review": 0}
    assert page_counts(client) == (2, 0, 0)


def test_front_and_back_show_what_the_pages_show(client: FlaskClient) -> None:
    front = client.get(CARD)
    assert front.status_code == 200
    assert_matches(front.get_json(), "CardFront")
    assert front.get_json()["front"] == "In which country is the Kharb-Maidon training ground?"
    assert "Tajikistan" in front.get_json()["options"]
    assert "answer" not in front.get_json() and "quote" not in front.get_json()
    back = client.get(f"{CARD}/back").get_json()
    assert_matches(back, "CardBack")
    assert back["answer"] == "Tajikistan"
    assert back["quote"] == "at the Kharb-Maidon training ground in Tajikistan"
    assert back["source_sentence"]["quoted"] == back["quote"]
    assert [b["label"] for b in back["buttons"]] == ["Again", "Hard", "Good", "Easy"]
    assert [b["interval"] for b in back["buttons"]][:3] == ["1m", "6m", "10m"]


def test_a_card_only_question_has_a_front_and_back(client: FlaskClient) -> None:
    back = client.get("/api/flashcards/cards/sample/csto-card/back").get_json()
    assert_matches(back, "CardBack")
    assert back["type"] == "card" and back["answer"]


def test_rating_applies_exactly_the_interval_the_page_button_shows(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    auth.register()  # a learner whose shown outcomes are saved, for the page to reuse
    back = client.get(f"{CARD}/back").get_json()
    page = client.get("/flashcards/card/sample/drills-country").text
    page_intervals = re.findall(r'class="fc-interval">([^<]+)<', page)
    assert [b["interval"] for b in back["buttons"]] == page_intervals  # Easy's fuzz included
    rated = client.post(back["rate_url"], json={"rating": 4, "preview_at": back["preview_at"]})
    assert rated.status_code == 200
    body = rated.get_json()
    assert_matches(body, "CardRated")
    easy = back["buttons"][3]
    assert (body["label"], body["interval"]) == ("Easy", easy["interval"])
    assert body["next_card"]["question_id"] == "drills-specialists"
    [state] = states(app)
    interval = state.due - datetime.fromisoformat(state.card["last_review"])
    assert interval == timedelta(seconds=easy["interval_seconds"])
    assert [(log.rating, log.source) for log in logs(app)] == [(4, "review")]


@pytest.mark.parametrize("rating", [3, "good", "Good", "GOOD"])
def test_a_rating_by_number_or_label(client: FlaskClient, rating: object) -> None:
    assert rate(client, CARD, rating).get_json()["label"] == "Good"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"rating": 5, "preview_at": "x"}, "rating must be 1–4"),
        ({"rating": True, "preview_at": "x"}, "rating must be 1–4"),
        ({"rating": "great", "preview_at": "x"}, "rating must be 1–4"),
        ({"rating": 3}, "Send the back's preview_at"),
        ({"rating": 3, "preview_at": "x" * 65}, "Send the back's preview_at"),
        ([3], "Send a JSON object"),
    ],
)
def test_a_bad_rating_is_a_clear_400(
    app: Flask, client: FlaskClient, body: object, message: str
) -> None:
    refused = client.post(f"{CARD}/rate", json=body)
    assert refused.status_code == 400
    assert message in error_text(refused.get_json())
    assert logs(app) == []


def test_a_second_rating_of_one_shown_back_is_409(app: Flask, client: FlaskClient) -> None:
    back = client.get(f"{CARD}/back").get_json()
    body = {"rating": 3, "preview_at": back["preview_at"]}
    assert client.post(back["rate_url"], json=body).status_code == 200
    again = client.post(back["rate_url"], json=body)
    assert again.status_code == 409 and "already rated" in error_text(again.get_json())
    assert len(logs(app)) == 1


def test_undo_restores_the_card(app: Flask, client: FlaskClient) -> None:
    before = client.get("/api/flashcards/due").get_json()
    rate(client, CARD, "easy")
    undone = client.post("/api/flashcards/undo")
    assert undone.status_code == 200
    assert_matches(undone.get_json(), "RatingUndone")
    assert undone.get_json()["undone"]["label"] == "Easy"
    assert client.get("/api/flashcards/due").get_json() == before
    [state] = states(app)
    assert state.card["last_review"] is None and [log.undone for log in logs(app)] == [True]
    nothing = client.post("/api/flashcards/undo").get_json()
    assert nothing["undone"] is None and "Nothing to undo" in nothing["message"]


def test_undo_before_any_learner_exists(client: FlaskClient) -> None:
    assert client.post("/api/flashcards/undo").get_json()["undone"] is None


def test_a_retried_rating_with_its_key_rates_once(app: Flask, client: FlaskClient) -> None:
    back = client.get(f"{CARD}/back").get_json()
    body = {"rating": 2, "preview_at": back["preview_at"]}
    headers = {"Idempotency-Key": "rate-1"}
    first = client.post(back["rate_url"], json=body, headers=headers)
    retry = client.post(back["rate_url"], json=body, headers=headers)
    assert first.status_code == retry.status_code == 200
    assert retry.get_json() == first.get_json()
    assert len(logs(app)) == 1
    other = client.post(back["rate_url"], json={**body, "rating": 3}, headers=headers)
    assert other.status_code == 409 and "already used" in error_text(other.get_json())
    assert len(logs(app)) == 1


def test_a_retried_undo_with_its_key_undoes_once(app: Flask, client: FlaskClient) -> None:
    rate(client, CARD, "good")
    rate(client, "/api/flashcards/cards/sample/tajik-ties", "good")
    first = client.post("/api/flashcards/undo", headers={"Idempotency-Key": "undo-1"})
    retry = client.post("/api/flashcards/undo", headers={"Idempotency-Key": "undo-1"})
    assert retry.get_json() == first.get_json()
    assert first.get_json()["undone"]["question_id"] == "tajik-ties"
    assert [log.undone for log in logs(app)] == [False, True]


def test_exam_cards_are_not_in_the_api(client: FlaskClient) -> None:
    due = client.get("/api/flashcards/due?limit=200").get_json()
    assert due["cards"] and {c["bank_id"] for c in due["cards"]} == {"sample"}
    exam_card = "/api/flashcards/cards/exam/exam-country"
    for response in (
        client.get(exam_card),
        client.get(f"{exam_card}/back"),
        client.post(f"{exam_card}/rate", json={"rating": 3, "preview_at": "x"}),
        client.get("/api/flashcards/due?bank=exam"),
    ):
        assert response.status_code == 404
        assert response.is_json and "no bank called “exam”" in error_text(response.get_json())


def test_an_unknown_card_is_404(client: FlaskClient) -> None:
    assert client.get("/api/flashcards/cards/sample/nope").status_code == 404
    assert client.get("/api/flashcards/cards/nope/drills-country/back").status_code == 404


def test_each_learner_has_their_own_cards(app: Flask, client: FlaskClient) -> None:
    """Cards are named by bank and question, each learner's own: there is no way to name
    another learner's card state, so another learner sees, rates and undoes only theirs."""
    rate(client, CARD, "easy")
    [mine] = states(app)
    other = app.test_client()
    assert other.get(CARD).get_json()["stage"] == "new"
    assert other.get("/api/flashcards/due").get_json()["counts"]["new"] == 12
    assert other.post("/api/flashcards/undo").get_json()["undone"] is None
    assert rate(other, CARD, "again").status_code == 200
    by_learner = {state.learner_id: state for state in states(app)}
    assert len(by_learner) == 2 and by_learner[mine.learner_id].card == mine.card
    assert client.get(CARD).get_json()["stage"] == "young"


def test_rating_needs_the_csrf_token(make_app: AppMaker) -> None:
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    back = client.get(f"{CARD}/back").get_json()
    body = {"rating": 3, "preview_at": back["preview_at"]}
    refused = client.post(back["rate_url"], json=body)
    assert refused.status_code == 400 and refused.is_json
    token = client.get("/api/csrf-token").get_json()["csrf_token"]
    rated = client.post(back["rate_url"], json=body, headers={"X-CSRFToken": token})
    assert rated.status_code == 200


def test_an_unknown_bank_in_the_rating_scope_rates_nothing(app: Flask, client: FlaskClient) -> None:
    back = client.get(f"{CARD}/back").get_json()
    body = {"rating": 3, "preview_at": back["preview_at"]}
    assert client.post(f"{back['rate_url']}?bank=nope", json=body).status_code == 404
    assert logs(app) == []
    rated = client.post(f"{back['rate_url']}?bank=sample", json=body).get_json()
    assert rated["next_card"]["bank_id"] == "sample"
