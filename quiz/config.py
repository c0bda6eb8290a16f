"""The app's settings: defaults, and the secret key kept in the instance folder across restarts."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from quiz.resources import default_questions_dir


def default_settings(instance_path: Path, cwd: Path) -> dict[str, Any]:
    """Settings used unless the instance config, the tests or `QUIZ_*` variables say otherwise."""
    return {
        "QUESTIONS_DIR": str(default_questions_dir(cwd)),
        "DATABASE_URL": f"sqlite:///{instance_path / 'quiz.sqlite3'}",
        "RELOAD_BANKS": False,  # True: look for edited banks on every request
        "BANKS_CHECK_SECONDS": 1.0,  # otherwise at most this often per process
        "MIGRATE_ON_START": True,
        "SQLITE_SYNCHRONOUS": "FULL",  # or NORMAL: faster commits, not power-cut safe
        "SQLITE_WRITE_LOCK": True,  # False only to measure what the OS write lock buys
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
    }


def persistent_secret_key(instance_path: Path) -> str:
    """The key in `instance/secret_key`, made once: sessions then survive a restart."""
    key_file = instance_path / "secret_key"
    if key_file.is_file():
        return key_file.read_text(encoding="utf-8").strip()
    key = secrets.token_hex(32)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key
