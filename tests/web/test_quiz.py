"""Taking a quiz through the pages: start options, every type right and wrong, double posts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quiz.core.bank import Question
from quiz.core.presentation import present
from quiz.storage import Attempt, QuizRun, attempts_for_run, get_run
from quiz.web.auth.learner import ANONYMOUS_KEY
from quiz.web.banks_registry import get_registry
from quiz.web.database import get_session

ROOT = Path(__file__).parents[2]
SAMPLE_IDS = [
    "drills-country", "drills-specialists", "tajik-ties", "training-ground", "base-number",
    "border-distance", "drills-end", "csto-goal-quote", "ansarullah-cloze", "timeline", "agencies",
]  # fmt: skip
ORDER = [
    "Khovar reports an attack from Badakhshan",
    "Shoigu speaks about Central Asia",
    "The drills end",
]
# question id → (a right response, a wrong one), shaped as the grader takes them.
ANSWERS: dict[str, tuple[Any, Any]] = {
    "drills-country": ("Tajikistan", "Russia"),
    "drills-specialists": (["UAV operators", "mobile electronic warfare groups"], ["naval divers"]),
    "tajik-ties": ("false", "true"),
    "training-ground": ("Kharb Maidon", "Dushanbe"),
    "base-number": ("two hundred and one", "210"),
    "border-distance": ("12.4 miles", "30 km"),
    "drills-end": ("18 April", "19 April"),
    "csto-goal-quote": ("Shoigu", "Khovar"),
    "ansarullah-cloze": (["Tajik Taliban"], ["Afghan Taliban"]),
    "timeline": (ORDER, ORDER[::-1]),
    "agencies": (
        {"TASS": "Russia", "Khovar": "Tajikistan"},
        {"TASS": "Tajikistan", "Khovar": "Russia"},
    ),
}  # fmt: skip


def start(client: FlaskClient, bank: str = "sample", **options: Any) -> int:
    response = client.post(f"/quiz/{bank}", data={"layout": "one", **options})
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.location.split("/")[3])


def form_fields(question: Question, run_id: int, position: int, response: Any) -> dict[str, Any]:
    """The form a browser posts for `response`, by input kind (order/match follow the shuffle)."""
    prefix, shown = f"q{position}-", present(question, seed=run_id)
    if question.type == "order":
        return {f"{prefix}rank-{i}": response.index(c) + 1 for i, c in enumerate(shown.choices, 1)}
    if question.type == "match":
        return {f"{prefix}match-{i}": response[left] for i, left in enumerate(shown.lefts, 1)}
    if question.type == "cloze":
        return {f"{prefix}blank-{i}": blank for i, blank in enumerate(response, 1)}
    return {f"{prefix}answer": response}


def sample_question(app: Flask, question_id: str) -> Question:
    with app.app_context():
        question = get_registry().get("sample").question(question_id)  # type: ignore[union-attr]
    assert question is not None
    return question


def run_attempts(app: Flask, run_id: int) -> list[Attempt]:
    with app.app_context():
        return attempts_for_run(get_session(), run_id)


def saved_run(app: Flask, run_id: int) -> QuizRun:
    with app.app_context():
        run = get_run(get_session(), run_id)
    assert run is not None
    return run


def test_start_page_shows_the_bank_and_options(client: FlaskClient) -> None:
    page = client.get("/quiz/sample").get_data(as_text=True)
    for text in ("Sample bank", "11 questions", "Shuffle the questions", "All on one page"):
        assert text in page
    assert client.get("/quiz/nope").status_code == 404


def test_a_run_asks_every_quiz_question_but_cards(app: Flask, client: FlaskClient) -> None:
    run_id = start(client)
    assert saved_run(app, run_id).question_ids == SAMPLE_IDS
    page = client.get(f"/quiz/run/{run_id}/3").get_data(as_text=True)
    assert "Question 3 of 11" in page


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"count": "3"}, SAMPLE_IDS[:3]),
        ({"shuffle_questions": "y"}, sorted(SAMPLE_IDS)),
        ({"shuffle_choices": "y", "count": "2"}, SAMPLE_IDS[:2]),
    ],
)
def test_start_options(
    app: Flask, client: FlaskClient, options: dict[str, str], expected: list[str]
) -> None:
    run = saved_run(app, start(client, **options))
    asked = sorted(run.question_ids) if "shuffle_questions" in options else run.question_ids
    assert asked == expected
    assert run.options["shuffle_choices"] is ("shuffle_choices" in options)


def test_shuffled_choices_are_stable_per_run(client: FlaskClient) -> None:
    names = ["Afghanistan", "Tajikistan", "Russia", "Uzbekistan"]

    def shown_order(run_id: int) -> tuple[str, ...]:
        page = client.get(f"/quiz/run/{run_id}/1").get_data(as_text=True)
        return tuple(sorted(names, key=page.find))

    runs = [start(client, shuffle_choices="y", count="1") for _ in range(6)]
    assert all(shown_order(run_id) == shown_order(run_id) for run_id in runs)
    assert len({shown_order(run_id) for run_id in runs}) > 1


def test_only_wrong_asks_the_last_missed(app: Flask, client: FlaskClient) -> None:
    response = client.post("/quiz/sample", data={"only_wrong": "y", "layout": "one"})
    assert response.status_code == 200
    assert "no wrong answers to revisit" in response.get_data(as_text=True)
    run_id = start(client, count="2")
    client.post(f"/quiz/run/{run_id}/1", data={"q1-answer": "Russia"})
    client.post(f"/quiz/run/{run_id}/2", data={"q2-answer": ANSWERS["drills-specialists"][0]})
    assert saved_run(app, start(client, only_wrong="y")).question_ids == ["drills-country"]


@pytest.fixture
def tagged_app(make_app: Any, tmp_path: Path) -> Flask:
    """The sample bank with tags on two questions."""
    text = (ROOT / "tests/data/banks/sample.yaml").read_text(encoding="utf-8")
    text = text.replace("../../../seeds/", f"{ROOT}/seeds/")
    for question_id, tag in (("drills-country", "places"), ("timeline", "events")):
        text = text.replace(
            f"  - id: {question_id}\n", f"  - id: {question_id}\n    tags: [{tag}]\n"
        )
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "sample.yaml").write_text(text, encoding="utf-8")
    return make_app(QUESTIONS_DIR=str(banks))


def test_only_tags(tagged_app: Flask) -> None:
    client = tagged_app.test_client()
    page = client.get("/quiz/sample").get_data(as_text=True)
    assert 'value="places"' in page and 'value="events"' in page
    run = saved_run(tagged_app, start(client, tags=["events", "places"]))
    assert run.question_ids == ["drills-country", "timeline"]
    response = client.post("/quiz/sample", data={"tags": "events", "only_wrong": "y"})
    assert "no wrong answers" in response.get_data(as_text=True)
    response = client.post("/quiz/sample", data={"tags": "unknown"})
    assert response.status_code == 200
    assert "not a valid choice" in response.get_data(as_text=True).lower()


@pytest.mark.parametrize("question_id", SAMPLE_IDS)
@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_every_type_answered_through_the_page(
    app: Flask, client: FlaskClient, question_id: str, right: bool
) -> None:
    run_id, position = start(client), SAMPLE_IDS.index(question_id) + 1
    question = sample_question(app, question_id)
    response = ANSWERS[question_id][0 if right else 1]
    url = f"/quiz/run/{run_id}/{position}"
    posted = client.post(url, data=form_fields(question, run_id, position, response))
    assert posted.status_code == 302 and posted.location == url
    page = client.get(url).get_data(as_text=True)
    # Every wrong answer here earns nothing: its badge and its sentence both say so.
    assert ("Right" if right else "Wrong") in page
    assert right or "Partly right" not in page
    assert "<mark>" in page or question.source_sentence is None
    [attempt] = run_attempts(app, run_id)
    assert (attempt.question_id, attempt.position, attempt.correct) == (
        question_id,
        position,
        right,
    )
    assert attempt.response == response
    assert attempt.time_taken_ms is None  # no shown token was posted


def test_time_taken_comes_from_the_signed_shown_field(app: Flask, client: FlaskClient) -> None:
    run_id = start(client)
    page = client.get(f"/quiz/run/{run_id}/1").get_data(as_text=True)
    token = page.split('name="shown" type="hidden" value="')[1].split('"')[0]
    client.post(f"/quiz/run/{run_id}/1", data={"q1-answer": "Russia", "shown": token})
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    client.post(f"/quiz/run/{run_id}/2", data={"q2-answer": "naval divers", "shown": forged})
    first, second = run_attempts(app, run_id)
    assert first.time_taken_ms is not None and 0 <= first.time_taken_ms < 60_000
    assert second.time_taken_ms is None


@pytest.mark.parametrize(
    ("position", "data", "message"),
    [
        (1, {}, "Pick one of the answers."),
        (1, {"q1-answer": "Narnia"}, "Pick one of the answers."),
        (2, {}, "Tick at least one answer."),
        (4, {"q4-answer": "   "}, "Type an answer"),
        (9, {"q9-blank-1": ""}, "Fill in every blank"),
        (10, {"q10-rank-1": "1", "q10-rank-2": "1", "q10-rank-3": "x"}, "different place"),
        (11, {"q11-match-1": "Russia"}, "Choose a match for every item."),
    ],
)
def test_malformed_answers_reshow_the_form(
    app: Flask, client: FlaskClient, position: int, data: dict[str, str], message: str
) -> None:
    run_id = start(client)
    response = client.post(f"/quiz/run/{run_id}/{position}", data=data)
    assert response.status_code == 422  # read, but refused: the form again
    page = response.get_data(as_text=True)
    assert message in page and 'role="alert"' in page and "Check my answer" in page
    assert run_attempts(app, run_id) == []


@pytest.mark.parametrize("second", ["Tajikistan", "Russia"])
def test_double_submission_keeps_the_first(app: Flask, client: FlaskClient, second: str) -> None:
    run_id = start(client)
    client.post(f"/quiz/run/{run_id}/1", data={"q1-answer": "Tajikistan"})
    again = client.post(f"/quiz/run/{run_id}/1", data={"q1-answer": second})
    assert again.status_code == 302
    [attempt] = run_attempts(app, run_id)
    assert (attempt.response, attempt.correct) == ("Tajikistan", True)


def test_going_back_shows_the_verdict_not_the_form(client: FlaskClient) -> None:
    run_id = start(client)
    client.post(f"/quiz/run/{run_id}/1", data={"q1-answer": "Russia"})
    page = client.get(f"/quiz/run/{run_id}/1").get_data(as_text=True)
    assert "Wrong" in page and "Next question" in page and 'name="q1-answer"' not in page
    assert "Kharb-Maidon training ground in Tajikistan</mark>" in page


def test_concurrent_posts_record_one_attempt(app: Flask, client: FlaskClient) -> None:
    run_id = start(client)
    cookie = client.get_cookie("session")
    assert cookie is not None
    barrier, statuses = threading.Barrier(2), []

    def post(answer: str) -> None:
        other = app.test_client()
        other.set_cookie("session", cookie.value)
        barrier.wait()
        statuses.append(other.post(f"/quiz/run/{run_id}/1", data={"q1-answer": answer}).status_code)

    threads = [threading.Thread(target=post, args=(a,)) for a in ("Tajikistan", "Russia")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert statuses == [302, 302]
    assert len(run_attempts(app, run_id)) == 1


def test_another_learner_cannot_see_a_run(app: Flask, client: FlaskClient) -> None:
    run_id = start(client)
    stranger = app.test_client()
    for url in (f"/quiz/run/{run_id}/1", f"/quiz/run/{run_id}/done", f"/quiz/run/{run_id}/all"):
        assert stranger.get(url).status_code == 404
    assert stranger.post(f"/quiz/run/{run_id}/1", data={"q1-answer": "x"}).status_code == 404
    assert stranger.post(f"/quiz/run/{run_id}/retry").status_code == 404
    assert run_attempts(app, run_id) == []


@pytest.mark.parametrize(("token_of", "status"), [(str, 200), (lambda t: t[::-1], 404)])
def test_a_question_page_checks_the_sessions_token(
    app: Flask, client: FlaskClient, token_of: Any, status: int
) -> None:
    """The question page reads its run's owner along with the run (one query): a session that
    names the owner with a token that isn't theirs (one revoked, say) opens nothing."""
    run_id = start(client)
    with client.session_transaction() as session:
        learner_id, token = session[ANONYMOUS_KEY].split(":")
    other = app.test_client()
    with other.session_transaction() as session:
        session[ANONYMOUS_KEY] = f"{learner_id}:{token_of(token)}"
    assert other.get(f"/quiz/run/{run_id}/1").status_code == status
    assert other.get(f"/quiz/run/{run_id}/2").status_code == status


def answer_all(app: Flask, client: FlaskClient, run_id: int, right: set[str]) -> None:
    for position, question_id in enumerate(saved_run(app, run_id).question_ids, 1):
        response = ANSWERS[question_id][0 if question_id in right else 1]
        data = form_fields(sample_question(app, question_id), run_id, position, response)
        assert client.post(f"/quiz/run/{run_id}/{position}", data=data).status_code == 302


def test_end_of_run_score_and_retry(app: Flask, client: FlaskClient) -> None:
    run_id = start(client, count="4")
    answer_all(app, client, run_id, right={"drills-country", "tajik-ties"})
    page = client.get(f"/quiz/run/{run_id}/done").get_data(as_text=True)
    assert "Quiz complete" in page and "50%" in page and "2 of 4" in page
    assert "Retry the ones I missed (2)" in page
    assert saved_run(app, run_id).finished_at is not None
    retried = client.post(f"/quiz/run/{run_id}/retry")
    new_id = int(retried.location.split("/")[3])
    assert saved_run(app, new_id).question_ids == ["drills-specialists", "training-ground"]


def test_done_before_the_end_lists_what_is_left(app: Flask, client: FlaskClient) -> None:
    run_id = start(client, count="3")
    client.post(f"/quiz/run/{run_id}/1", data={"q1-answer": "Tajikistan"})
    page = client.get(f"/quiz/run/{run_id}/done").get_data(as_text=True)
    assert "2 questions left" in page and "33%" in page
    assert saved_run(app, run_id).finished_at is None


def test_all_on_one_page(app: Flask, client: FlaskClient) -> None:
    response = client.post("/quiz/sample", data={"layout": "all"})
    run_id = int(response.location.split("/")[3])
    assert response.location == f"/quiz/run/{run_id}/all"
    page = client.get(response.location).get_data(as_text=True)
    assert all(f'name="q{p}-' in page for p in range(1, 12))
    data: dict[str, Any] = {}
    for position, question_id in enumerate(SAMPLE_IDS, 1):
        question = sample_question(app, question_id)
        data |= form_fields(question, run_id, position, ANSWERS[question_id][position % 2])
    missing_one = {k: v for k, v in data.items() if not k.startswith("q4-")}
    reshown = client.post(f"/quiz/run/{run_id}/all", data=missing_one)
    assert reshown.status_code == 422 and "Type an answer" in reshown.get_data(as_text=True)
    assert run_attempts(app, run_id) == []
    done = client.post(f"/quiz/run/{run_id}/all", data=data)
    assert done.location == f"/quiz/run/{run_id}/done"
    attempts = run_attempts(app, run_id)
    assert [a.correct for a in attempts] == [p % 2 == 0 for p in range(1, 12)]
    page = client.get(done.location).get_data(as_text=True)
    assert page.count('class="verdict verdict-') == 11


@pytest.fixture
def csrf_client(make_app: Any) -> Iterator[FlaskClient]:
    yield make_app(WTF_CSRF_ENABLED=True).test_client()


def test_csrf_is_required(csrf_client: FlaskClient) -> None:
    response = csrf_client.post("/quiz/sample", data={"layout": "one"})
    assert response.status_code == 400
    page = csrf_client.get("/quiz/sample").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    started = csrf_client.post("/quiz/sample", data={"layout": "one", "csrf_token": token})
    assert started.status_code == 302
    assert csrf_client.post(started.location, data={"q1-answer": "Russia"}).status_code == 400
