"""Account secrets against both databases: authenticating, changing passwords, session tokens."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quiz.storage import create_learner
from quiz.storage.accounts import authenticate

PASSWORD = "correct horse"


def test_authenticate_takes_the_password_only_with_its_username(db: Session) -> None:
    ada = create_learner(db, "ada", PASSWORD)
    create_learner(db, "bob", "another phrase")
    assert authenticate(db, "ada", PASSWORD) is ada
    assert authenticate(db, "ada", "another phrase") is None
    assert authenticate(db, "nobody", PASSWORD) is None
