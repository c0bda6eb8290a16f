"""Validating a parsed bank: every problem of every question, each at its line and column."""

from __future__ import annotations

from typing import Any

from quiz.core.bank import Bank, Question
from quiz.core.banks.examples import check_examples
from quiz.core.banks.format import BANK_DEFAULTS, BANK_KEYS, BANK_REQUIRED, Kind
from quiz.core.banks.giveaways import giveaway
from quiz.core.banks.problems import Problem
from quiz.core.banks.questions import QuestionBuilder, suggest
from quiz.core.banks.shapes import ShapeError, read_kind
from quiz.core.banks.yaml_reading import Mark, YamlList, YamlMap
from quiz.core.source import Article


class BankValidator:
    """Collects the problems of one bank file while building its Bank."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def complain(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(self.file, mark[0], mark[1], message))

    def warn(self, mark: Mark, message: str) -> None:
        self.warnings.append(Problem(self.file, mark[0], mark[1], message, warning=True))

    def validate(self, data: Any, bank_id: str, article: Article | None) -> Bank | None:
        """The Bank, or None if any problem was found (they are all in `problems`)."""
        if not isinstance(data, YamlMap):
            self.complain((1, 1), "a bank must be a mapping with at least 'title' and 'questions'")
            return None
        header = self._header(data)
        defaults = {k: header[k] for k in BANK_DEFAULTS if header and header.get(k) is not None}
        questions = self._questions(data.get("questions"), data, article, defaults)
        if self.problems or header is None:
            return None
        return Bank(id=bank_id, questions=questions, **header)

    def _header(self, data: YamlMap) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        for key in data:
            if key not in BANK_KEYS:
                self.complain(
                    data.where(key),
                    f"unknown top-level key '{key}'" + suggest(key, list(BANK_KEYS)),
                )
            elif key == "source":
                self._read(data, key, BANK_KEYS[key])  # read by the loader; checked here
            elif key != "questions":
                values[key] = self._read(data, key, BANK_KEYS[key])
        for key in BANK_REQUIRED:
            if key not in data:
                self.complain(data.mark, f"the bank has no '{key}'")
        if "attempts" in data and values.get("exam") is not True:
            self.complain(
                data.where("attempts"),
                "'attempts' limits the runs of an exam: add 'exam: true' or remove 'attempts'",
            )
        if "title" not in values:
            return None
        values["tags"] = tuple(values.get("tags") or ())
        values.setdefault("description", "")
        values["exam"] = bool(values.get("exam"))
        values["decimal_comma"] = bool(values.get("decimal_comma"))
        return values

    def _read(self, data: YamlMap, key: str, kind: Kind) -> Any:
        try:
            return read_kind(data[key], kind)
        except ShapeError as error:
            mark = data[key].where(error.index) if error.index is not None else data.where(key)
            self.complain(mark, f"'{key}' {error}")
            return None

    def _questions(
        self, items: Any, data: YamlMap, article: Article | None, defaults: dict[str, Any]
    ) -> tuple[Question, ...]:
        if "questions" in data and (not isinstance(items, YamlList) or not items):
            self.complain(
                data.where("questions"),
                "'questions' must be a non-empty list of "
                "questions, each a mapping starting with '- id: ...'",
            )
            return ()
        built: list[Question] = []
        seen: dict[str, int] = {}
        for index, node in enumerate(items or ()):
            question = self._question(items, index, node, article, seen, defaults)
            if question is not None:
                built.append(question)
        return tuple(built)

    def _question(
        self,
        items: YamlList,
        index: int,
        node: Any,
        article: Article | None,
        seen: dict[str, int],
        defaults: dict[str, Any],
    ) -> Question | None:
        if not isinstance(node, YamlMap):
            self.complain(
                items.where(index),
                f"question {index + 1} must be a mapping of keys (id, type, prompt...)",
            )
            return None
        self._check_unique_id(node, seen)
        question = QuestionBuilder(node, article, self.complain, defaults).build()
        if question is None:
            return None
        self._check_meaning(question, node)
        return question

    def _check_unique_id(self, node: YamlMap, seen: dict[str, int]) -> None:
        question_id = node.get("id")
        if not isinstance(question_id, str):
            return
        if question_id in seen:
            self.complain(
                node.where("id"),
                f"id '{question_id}' is already used by the question "
                f"on line {seen[question_id]}: ids must be unique in a bank",
            )
        else:
            seen[question_id] = node.where("id")[0]

    def _check_meaning(self, question: Question, node: YamlMap) -> None:
        answer = giveaway(question, question.prompt) if "prompt" in node else None
        if answer is not None:
            self.complain(
                node.where("prompt"),
                f"the prompt gives away its own answer ({answer!r}): rephrase it",
            )
        answer = giveaway(question, question.id)
        if answer is not None:
            # A warning, not an error: the web pages never show ids before an answer, but the
            # JSON API lists them.
            self.warn(
                node.where("id"),
                f"the id gives away the answer ({answer!r}); ids are "
                "listed by the API, so name a question by its topic",
            )
        if isinstance(node.get("check"), YamlMap):
            check_examples(question, node["check"], self.complain, node.where("answer"))
