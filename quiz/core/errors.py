"""The one family of errors the core raises, so callers can catch them all at once."""

from __future__ import annotations


class QuizError(Exception):
    """Base of every error the quiz core raises on purpose."""


class ResponseError(QuizError):
    """A response has the wrong shape for its question (say, text where a list is needed)."""


class SelfGradedError(QuizError):
    """A `card` question has no automatic grading: the learner rates themselves."""


class ResponseTooLongError(ResponseError):
    """A response longer than any answer needs; refused before any parsing, so it costs nothing."""
