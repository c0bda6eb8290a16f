"""The app's settings: defaults, and the secret key kept in the instance folder across restarts."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from quiz.core.scheduling import DEFAULT_RETENTION
from quiz.resources import default_questions_dir


def default_settings(instance_path: Path, cwd: Path) -> dict[str, Any]:
    """Settings used unless the instance config, the tests or `QUIZ_*` variables say otherwise."""
    return {
        "QUESTIONS_DIR": str(default_questions_dir(cwd)),
        "DATABASE_URL": f"sqlite:///{instance_path / 'quiz.sqlite3'}",
        "RELOAD_BANKS": False,  # True: look for edited banks on every request
        "BANKS_CHECK_SECONDS": 1.0,  # otherwise at most this often per process
        "BANK_CACHE_DIR": str(instance_path / "bank-cache"),  # validated banks; "" for none
        "MIGRATE_ON_START": True,
        "SQLITE_SYNCHRONOUS": "FULL",  # or NORMAL: faster commits, not power-cut safe
        "SQLITE_WRITE_LOCK": True,  # False only to measure what the OS write lock buys
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # The largest request body taken, in bytes: answers are at most a few KB (413 past it).
        "MAX_CONTENT_LENGTH": 64 * 1024,
        # Sign-in throttling (Flask-Limiter). Counters live in the database so every app server
        # shares them; set QUIZ_RATELIMIT_STORAGE_URI=redis://host:6379 to keep them in Redis.
        "RATELIMIT_STORAGE_URI": "quizdb://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "LOGIN_LIMIT_PER_ACCOUNT": "5 per minute;20 per hour",
        "LOGIN_LIMIT_PER_ADDRESS": "30 per minute;300 per hour",
        "REGISTER_LIMIT_PER_ADDRESS": "60 per hour",
        # Deployment (see quiz.web.deployment): the number of reverse proxies in front of the
        # app whose X-Forwarded-* headers to trust, and whether it is served over HTTPS.
        "BEHIND_PROXY": 0,
        "HTTPS": False,
        "HSTS_MAX_AGE": 365 * 24 * 3600,
        # How long a session cookie stays valid after it was last written, and how long
        # "keep me signed in" lasts. Signing out or changing the password ends both at once.
        "PERMANENT_SESSION_LIFETIME": timedelta(days=31),
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # Flashcards (FSRS): the chance of recalling a card when it comes due, for learners who
        # have not chosen their own on the Flashcards page, and new cards introduced per day.
        "DESIRED_RETENTION": DEFAULT_RETENTION,
        "NEW_CARDS_PER_DAY": 20,
        # Progress pages kept per process, each checked against the database on every view
        # (quiz/web/progress/cache.py); 0 keeps none.
        "PROGRESS_PAGES_KEPT": 256,
    }


def persistent_secret_key(instance_path: Path) -> str:
    """The key in `instance/secret_key`, made once: sessions then survive a restart."""
    key_file = instance_path / "secret_key"
    if key_file.is_file():
        return key_file.read_text(encoding="utf-8").strip()
    key = secrets.token_hex(32)
    # Created readable by the owner alone: writing first and chmod-ing after would leave a
    # moment in which the umask's usual 0644 lets anyone on the machine read it.
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
