"""The author role on accounts, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quiz.storage import create_learner
from quiz.storage.roles import is_author, list_accounts, set_author


def test_new_accounts_are_not_authors_until_granted(db: Session) -> None:
    ada = create_learner(db, "ada", "correct horse")
    create_learner(db)  # anonymous: not an account, not listed
    bob = create_learner(db, "bob", "correct horse")
    db.commit()
    assert [a.username for a in list_accounts(db)] == ["ada", "bob"]
    assert not is_author(db, ada.id)

    assert set_author(db, ada, True) is True
    assert set_author(db, ada, True) is False  # already an author: nothing changed
    db.commit()
    assert is_author(db, ada.id) and not is_author(db, bob.id)

    assert set_author(db, ada, False) is True
    db.commit()
    assert not is_author(db, ada.id)


def test_an_unknown_id_is_no_author(db: Session) -> None:
    assert not is_author(db, 12345)
