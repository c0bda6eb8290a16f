"""Paging and ETags on the API's lists: `limit`, `cursor` and `next`, and 304 on a match."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from quiz.web.api.paging import MAX_LIMIT, encode_cursor

MAX_PAGES = 50  # more than the most pages any test here asks for


def collect(client: FlaskClient, url: str, key: str, max_pages: int = MAX_PAGES) -> list[object]:
    """The `key` items of every page from `url` on: a paging bug whose `next` links never end
    fails here after `max_pages` pages instead of hanging the run."""
    items: list[object] = []
    for _ in range(max_pages):
        body = client.get(url).get_json()
        items += body[key]
        url = body["next"]
        if url is None:
            return items
    pytest.fail(f"{max_pages} pages and still a next link ({url}): paging never ends")


def test_banks_page_by_limit_and_cursor(client: FlaskClient) -> None:
    everything = client.get("/api/banks").get_json()
    assert everything["next"] is None and len(everything["banks"]) == 2
    first = client.get("/api/banks?limit=1")
    assert len(first.get_json()["banks"]) == 1
    assert first.headers["Link"] == f'<{first.get_json()["next"]}>; rel="next"'
    assert collect(client, "/api/banks?limit=1", "banks") == everything["banks"]


def test_the_due_queue_pages_keep_their_query(client: FlaskClient) -> None:
    whole = client.get("/api/flashcards/due?bank=sample").get_json()["cards"]
    first = client.get("/api/flashcards/due?bank=sample&limit=5").get_json()
    assert "bank=sample" in first["next"] and "limit=5" in first["next"]
    assert collect(client, "/api/flashcards/due?bank=sample&limit=5", "cards") == whole
    assert len(whole) == 12


@pytest.mark.parametrize(
    "query",
    ["limit=0", f"limit={MAX_LIMIT + 1}", "limit=ten", "limit=-1", "limit=²", "limit=0050"],
)
def test_a_bad_limit_is_a_clear_400(client: FlaskClient, query: str) -> None:
    for url in ("/api/banks", "/api/flashcards/due"):
        refused = client.get(f"{url}?{query}")
        assert refused.status_code == 400 and "limit must be a whole number" in refused.text


@pytest.mark.parametrize("cursor", ["zz", "x" * 41, "bm90LWEtY3Vyc29y", "cDE6LTE="])
def test_a_cursor_we_did_not_give_out_is_a_clear_400(client: FlaskClient, cursor: str) -> None:
    refused = client.get(f"/api/banks?cursor={cursor}")
    assert refused.status_code == 400 and "cursor is not one this API gave out" in refused.text


def test_a_cursor_past_the_end_is_an_empty_last_page(client: FlaskClient) -> None:
    body = client.get(f"/api/banks?cursor={encode_cursor(99)}").get_json()
    assert body == {"banks": [], "next": None}


@pytest.mark.parametrize("url", ["/api/banks", "/api/flashcards/due"])
def test_an_unchanged_list_answers_304(client: FlaskClient, url: str) -> None:
    first = client.get(url)
    etag = first.headers["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_the_due_queue_etag_changes_when_a_card_is_rated(client: FlaskClient) -> None:
    etag = client.get("/api/flashcards/due").headers["ETag"]
    back = client.get("/api/flashcards/cards/sample/drills-country/back").get_json()
    client.post(back["rate_url"], json={"rating": 3, "preview_at": back["preview_at"]})
    changed = client.get("/api/flashcards/due", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_personal_lists_are_private_and_revalidated(client: FlaskClient) -> None:
    due = client.get("/api/flashcards/due")
    assert due.headers["Cache-Control"] == "private, no-cache"
    assert "Cookie" in due.headers["Vary"]
