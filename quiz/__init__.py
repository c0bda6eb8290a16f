"""quiz: a quiz and flashcard trainer. `create_app` builds the web app; nothing runs at import.

`create_app` is loaded on first use, so `import quiz.cli` (validating banks) never pays for
Flask or SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.factory import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from quiz.factory import create_app

        return create_app
    raise AttributeError(f"module 'quiz' has no attribute {name!r}")
