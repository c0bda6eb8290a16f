"""Idempotency keys in the database: one stored answer per key, even when two workers race."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from quiz.core.bank import Bank
from quiz.core.banks.loading import load_bank
from quiz.storage import Attempt, create_learner, make_sessionmaker, merge_learner
from quiz.storage.answering import answer_outside_run
from quiz.storage.idempotency import (
    BadKeyError,
    KeyReusedError,
    StoredResponse,
    check_key,
    fingerprint,
    respond_once,
)
from quiz.storage.models import IdempotencyKey

SAMPLE = Path(__file__).parents[1] / "data" / "banks" / "sample.yaml"
PRINT = fingerprint("/api/x", b'{"response": "Tajikistan"}')


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(SAMPLE)
    assert loaded.bank is not None
    return loaded.bank


def count(session: Session, model: type[Attempt] | type[IdempotencyKey]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def answering(session: Session, bank: Bank, learner_id: int) -> StoredResponse:
    attempt = answer_outside_run(
        session, learner_id, bank.id, bank.question("drills-country"), "Tajikistan"
    )
    return StoredResponse(200, {"attempt_id": attempt.id})


def test_a_stored_key_replays_and_refuses_another_request(db: Session, bank: Bank) -> None:
    learner = create_learner(db)
    first = respond_once(db, learner.id, "k", PRINT, lambda: answering(db, bank, learner.id))
    db.commit()
    again = respond_once(db, learner.id, "k", PRINT, lambda: answering(db, bank, learner.id))
    assert again == first and count(db, Attempt) == 1
    with pytest.raises(KeyReusedError, match="different request"):
        respond_once(db, learner.id, "k", "other", lambda: answering(db, bank, learner.id))
    assert count(db, Attempt) == 1


def test_two_workers_racing_with_one_key_store_one_answer(engine: Engine, bank: Bank) -> None:
    factory = make_sessionmaker(engine)
    with factory() as session:
        learner_id = create_learner(session).id
        session.commit()
    barrier = threading.Barrier(2)
    results: list[StoredResponse] = []

    def answer() -> None:
        with factory() as session:
            barrier.wait()
            respond = lambda: answering(session, bank, learner_id)  # noqa: E731
            results.append(respond_once(session, learner_id, "race", PRINT, respond))
            session.commit()

    threads = [threading.Thread(target=answer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert len(results) == 2 and results[0] == results[1]
    with factory() as session:
        assert (count(session, Attempt), count(session, IdempotencyKey)) == (1, 1)


def test_merging_an_anonymous_learner_drops_its_keys(db: Session, bank: Bank) -> None:
    anonymous, registered = create_learner(db), create_learner(db, "ada", "pw")
    respond_once(db, anonymous.id, "k", PRINT, lambda: answering(db, bank, anonymous.id))
    db.commit()
    merge_learner(db, anonymous, registered)
    db.commit()
    assert count(db, IdempotencyKey) == 0 and count(db, Attempt) == 1


@pytest.mark.parametrize("key", ["", " ", "a b", "x" * 201, "é", "\x00"])
def test_bad_keys_are_refused(key: str) -> None:
    with pytest.raises(BadKeyError, match="1 to 200 visible ASCII"):
        check_key(key)


def test_a_uuid_is_a_good_key() -> None:
    uuid = "0b8f2a6e-4c1d-4f8e-9a77-3c2b1d0e9f10"
    assert check_key(uuid) == uuid
