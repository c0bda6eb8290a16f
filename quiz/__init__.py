"""quiz: a quiz and flashcard trainer. `create_app` builds the web app; nothing runs at import.

`create_app` is loaded on first use, so `import quiz.cli` (validating banks) never pays for
Flask or SQLAlchemy. The package itself imports nothing (not even for type checking), so
checking or importing `quiz.core` alone never pulls in the web layer; code inside the project
imports `quiz.factory.create_app`, which is typed.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from quiz.factory import create_app

        return create_app
    raise AttributeError(f"module 'quiz' has no attribute {name!r}")
