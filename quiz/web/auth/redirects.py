"""Where to go after signing in: only a path on this site, whatever tricks the link plays."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

MAX_TARGET = 2000


def safe_next(target: str | None) -> str | None:
    """`target` if it is a same-site path ("/quiz/x?y=1"), else None.

    An open redirect would let a link send learners anywhere after they sign in. Browsers
    read "//host", "/\\host", "////host" and "/<tab>/host" as another site, and some servers
    decode %2F, so the check runs on the decoded text too.
    """
    if not target or len(target) > MAX_TARGET:
        return None
    for text in (target, unquote(target)):
        if not text.startswith("/") or text.startswith("//"):
            return None
        if any(ch == "\\" or ch.isspace() or not ch.isprintable() for ch in text):
            return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target
