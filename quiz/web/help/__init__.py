"""The help page: what every word the other pages use means, with an anchor per term."""

from __future__ import annotations

from quiz.web.help.routes import bp

__all__ = ["bp"]
