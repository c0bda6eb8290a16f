"""One grader call from a question's fields, as the named rule tests use it (shared by
test_grading_rules.py and test_grading_breadth_rules.py)."""

from __future__ import annotations

from typing import Any

from quiz.core.grading import GRADERS
from quiz.core.verdict import Verdict


def graded(question_type: str, fields: dict[str, Any], response: Any) -> Verdict:
    """`response` graded against a question of `question_type` with `fields` (a quote is
    added); the fields must prepare without a problem."""
    problems: list[Any] = []
    key = GRADERS[question_type].prepare({"quote": "q", **fields}, lambda *a: problems.append(a))
    assert not problems, problems
    return GRADERS[question_type].grade(key, response)
