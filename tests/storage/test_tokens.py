"""Personal access tokens against both databases: hashed, capped, owned, revoked, touched."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.storage import create_learner
from quiz.storage.models import ApiToken
from quiz.storage.tokens import (
    MAX_NAME_LENGTH,
    MAX_TOKENS,
    TokenError,
    create_token,
    find_token,
    hash_secret,
    list_tokens,
    revoke_token,
    touch_token,
)

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_a_token_is_stored_only_as_its_hash(db: Session) -> None:
    ada = create_learner(db, "ada", "correct horse")
    made = create_token(db, ada, "  notebook ", read_only=True, now=NOW)
    db.commit()
    assert made.secret.startswith("quiz_") and len(made.secret) == 48
    [stored] = db.scalars(select(ApiToken)).all()
    assert stored.name == "notebook" and stored.read_only and stored.prefix == made.secret[:11]
    assert stored.token_hash == hash_secret(made.secret) != made.secret
    assert made.secret not in {stored.token_hash, stored.prefix, stored.name}
    found = find_token(db, made.secret)
    assert found is not None and found[0].id == stored.id and found[1].id == ada.id


@pytest.mark.parametrize(
    "secret", ["", "quiz_", "quiz_nope", "Bearer quiz_x", "x" * 48, "quiz_" + "a" * 200]
)
def test_anything_but_a_live_secret_finds_nothing(db: Session, secret: str) -> None:
    create_token(db, create_learner(db, "ada", "correct horse"), "cli", False, NOW)
    assert find_token(db, secret) is None


def test_revoking_is_immediate_and_only_for_the_owner(db: Session) -> None:
    ada = create_learner(db, "ada", "correct horse")
    bob = create_learner(db, "bob", "correct horse")
    made = create_token(db, ada, "cli", False, NOW)
    db.commit()
    assert revoke_token(db, bob.id, made.token.id) is None  # not bob's to revoke
    assert find_token(db, made.secret) is not None
    assert revoke_token(db, ada.id, made.token.id) == "cli"
    db.commit()
    assert find_token(db, made.secret) is None
    assert revoke_token(db, ada.id, made.token.id) is None  # already gone


def test_tokens_are_capped_per_account_and_named(db: Session) -> None:
    ada = create_learner(db, "ada", "correct horse")
    for number in range(MAX_TOKENS):
        create_token(db, ada, f"token {number}", False, NOW + timedelta(seconds=number))
    with pytest.raises(TokenError, match="revoke one first"):
        create_token(db, ada, "one more", False, NOW)
    bob = create_learner(db, "bob", "correct horse")
    create_token(db, bob, "bob's", False, NOW)  # the cap is per account
    names = [token.name for token in list_tokens(db, ada.id)]
    assert len(names) == MAX_TOKENS and names[0] == f"token {MAX_TOKENS - 1}"  # newest first
    for name in ("", "   ", "x" * (MAX_NAME_LENGTH + 1)):
        with pytest.raises(TokenError, match="1 to 60 characters"):
            create_token(db, bob, name, False, NOW)


def test_an_anonymous_learner_holds_no_tokens(db: Session) -> None:
    with pytest.raises(TokenError, match="Only an account"):
        create_token(db, create_learner(db), "cli", False, NOW)


def test_last_use_is_written_at_most_once_a_minute(db: Session) -> None:
    made = create_token(db, create_learner(db, "ada", "correct horse"), "cli", False, NOW)
    db.commit()
    token = made.token
    assert token.last_used_at is None
    assert touch_token(db, token, NOW) is True
    assert touch_token(db, token, NOW + timedelta(seconds=59)) is False
    db.commit()
    later = NOW + timedelta(seconds=61)
    assert touch_token(db, token, later) is True
    db.commit()
    db.expire_all()
    assert db.get(ApiToken, token.id).last_used_at == later  # type: ignore[union-attr]
