"""The progress page's charts keep time to scale: real days, real weeks, gaps left blank."""

from __future__ import annotations

import re
from datetime import date

from flask.testing import FlaskClient

from quiz.storage.stats import DayTally
from quiz.web.progress.page import calendar_days


def test_calendar_days_fill_the_gaps_up_to_the_last_answer() -> None:
    days = [
        DayTally(attempts=3, correct=2, day=date(2025, 4, 10)),
        DayTally(attempts=1, correct=1, day=date(2025, 4, 13)),
    ]
    calendar = calendar_days(days, count=5)
    assert [d.day.day for d in calendar] == [9, 10, 11, 12, 13]
    assert [d.attempts for d in calendar] == [0, 3, 0, 0, 1]
    assert calendar[0].accuracy is None
    assert calendar_days([]) == []


def answer(client: FlaskClient, question_id: str, response: str) -> None:
    url = f"/api/banks/sample/questions/{question_id}/answer"
    assert client.post(url, json={"response": response}).status_code == 200


def chart(page: str, chart_id: str) -> str:
    found = re.search(rf'<svg[^>]*aria-labelledby="{chart_id}-title[^>]*>.*?</svg>', page, re.S)
    assert found, f"no {chart_id} on the page"
    return found.group(0)


def test_reviews_per_day_and_retention_per_week(client: FlaskClient) -> None:
    before = client.get("/progress").get_data(as_text=True)
    assert "retention-chart" not in before
    answer(client, "drills-country", "Tajikistan")  # a new card: not a memory test
    answer(client, "drills-country", "Tajikistan")  # a seen card, remembered
    answer(client, "tajik-ties", "false")
    answer(client, "tajik-ties", "true")  # a seen card, forgotten (Again)
    page = client.get("/progress").get_data(as_text=True)
    reviews = chart(page, "reviews-chart")
    bars = re.findall(r'<rect class="chart-bar"[^>]*data-value="(\d+)"', reviews)
    assert len(bars) == 30 and bars[-1] == "4" and set(bars[:-1]) == {"0"}
    assert "4 ratings in 30 days" in page
    retention = chart(page, "retention-chart")
    dots = re.findall(r"<title>(Week of [^<]+)</title>", retention)
    assert len(dots) == 1 and dots[0].endswith(": 50% remembered")  # 1 of 2 seen reviews
    assert 'class="chart-target"' in retention and "desired 90%" in retention


def test_accuracy_axis_is_in_real_days(client: FlaskClient) -> None:
    answer(client, "drills-country", "Tajikistan")
    page = client.get("/progress").get_data(as_text=True)
    accuracy = chart(page, "accuracy-chart")
    assert len(re.findall(r"<circle", accuracy)) == 1  # one day with answers of 30 on the axis
    assert "days without answers left blank" in accuracy
    assert "The 30 days up to your last answer" in page
