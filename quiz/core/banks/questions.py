"""Building one Question from its YAML mapping, reporting every problem at its key or item."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any

from quiz.core.bank import Question, SourceSentence
from quiz.core.banks.format import COMMON_KEYS, DEFAULT_WHO_PROMPT, TYPES, TypeSpec
from quiz.core.banks.quote_quantities import contradiction
from quiz.core.banks.shapes import ShapeError, read_kind
from quiz.core.banks.yaml_reading import Mark, YamlList, YamlMap
from quiz.core.grading import GRADERS
from quiz.core.grading.quantity import QuantityKey
from quiz.core.source import Article, closest_passage, find_quote

Complain = Callable[[Mark, str], None]
"""complain(mark, message): record one problem at a position."""

_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def suggest(word: str, options: list[str]) -> str:
    """ " (did you mean 'x'?)" when one option is close, else a list of what is allowed."""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f" (expected one of: {', '.join(options)})"


class QuestionBuilder:
    """Turns one question mapping into a Question, or reports why it cannot."""

    def __init__(
        self,
        node: YamlMap,
        article: Article | None,
        complain: Complain,
        defaults: Mapping[str, Any] | None = None,
    ) -> None:
        self.node = node
        self.article = article
        self.complain = complain
        self.defaults = defaults or {}  # bank-level settings a question may override
        self.failed = False

    def fail(self, mark: Mark, message: str) -> None:
        self.failed = True
        self.complain(mark, message)

    def at_key(self, key: str, index: int | None = None) -> Mark:
        value = self.node.get(key)
        if index is not None and isinstance(value, YamlList):
            return value.where(index)
        return self.node.where(key)

    def build(self) -> Question | None:
        spec = self._spec()
        question_id = self._id()
        if spec is None:
            return None
        fields = self._fields(spec)
        if self.failed or question_id is None:
            return None
        key = GRADERS[spec.name].prepare(self._with_defaults(spec, fields), self._report)
        self._check_quote_quantity(key, fields.get("quote"))
        source = self._source_sentence(fields.get("quote"))
        if self.failed:
            return None
        return self._question(question_id, spec, fields, key, source)

    def _with_defaults(self, spec: TypeSpec, fields: dict[str, Any]) -> dict[str, Any]:
        """The fields the grader reads: the bank's settings for the keys this type takes,
        then the question's own. Kept out of `fields`, which is what the author wrote."""
        inherited = {k: v for k, v in self.defaults.items() if k in spec.optional}
        return {**inherited, **fields}

    def _report(self, message: str, key: str, index: int | None = None) -> None:
        self.fail(self.at_key(key, index), message)

    def _spec(self) -> TypeSpec | None:
        type_name = self.node.get("type")
        if type_name is None:
            self.fail(self.node.mark, "question has no 'type'" + suggest("", list(TYPES)))
            return None
        if not isinstance(type_name, str) or type_name not in TYPES:
            shown = type_name if isinstance(type_name, str) else "?"
            self.fail(
                self.node.where("type"),
                f"unknown question type '{shown}'" + suggest(shown, list(TYPES)),
            )
            return None
        return TYPES[type_name]

    def _id(self) -> str | None:
        value = self.node.get("id")
        if "id" not in self.node:
            self.fail(self.node.mark, "question has no 'id' (a short slug like 'drills-distance')")
            return None
        if not isinstance(value, str) or not _SLUG.match(value):
            self.fail(
                self.node.where("id"),
                f"id {value!r} must be a slug: lowercase letters, "
                "digits and dashes, like 'drills-distance'",
            )
            return None
        return value

    def _fields(self, spec: TypeSpec) -> dict[str, Any]:
        allowed = spec.keys
        fields: dict[str, Any] = {}
        for key, value in self.node.items():
            if key not in allowed:
                self.fail(
                    self.node.where(key),
                    f"unknown key '{key}' for a {spec.name} question" + suggest(key, list(allowed)),
                )
                continue
            try:
                fields[key] = read_kind(value, allowed[key])
            except ShapeError as error:
                self.fail(self.at_key(key, error.index), f"'{key}' {error}")
        for key in self._required(spec):
            if key not in self.node:
                self.fail(
                    self.node.mark, f"{spec.name} question '{self.node.get('id')}' has no '{key}'"
                )
        return fields

    @staticmethod
    def _required(spec: TypeSpec) -> list[str]:
        return [*(["prompt"] if spec.needs_prompt else []), *spec.required]

    def _check_quote_quantity(self, key: Any, quote: str | None) -> None:
        # Failing here also spares the author one error per check example, all at the
        # examples' lines, when the slip is the answer's.
        if isinstance(key, QuantityKey) and quote:
            problem = contradiction(key.reference, quote)
            if problem:
                self.fail(self.at_key("answer"), problem)

    def _source_sentence(self, quote: str | None) -> SourceSentence | None:
        if quote is None or self.article is None:
            return None
        found = find_quote(self.article, quote)
        if found is None:
            closest = closest_passage(self.article, quote)
            hint = f"; the closest passage is: {closest!r}" if closest else ""
            self.fail(
                self.node.where("quote"), f"quote not found in the source {self.article.name}{hint}"
            )
            return None
        return SourceSentence(found.sentence, found.quote_start, found.quote_end)

    def _question(
        self,
        question_id: str,
        spec: TypeSpec,
        fields: dict[str, Any],
        key: Any,
        source: SourceSentence | None,
    ) -> Question:
        prompt = fields.get("prompt") or _default_prompt(spec.name, fields)
        own = {k: v for k, v in fields.items() if k not in COMMON_KEYS}
        if spec.name == "who":
            own["quote"] = fields["quote"]
        return Question(
            id=question_id,
            type=spec.name,
            prompt=prompt,
            explanation=fields.get("explanation", ""),
            quote=fields.get("quote", ""),
            tags=tuple(fields.get("tags", ())),
            fields=own,
            key=key,
            source_sentence=source,
            line=self.node.mark[0],
        )


def _default_prompt(type_name: str, fields: dict[str, Any]) -> str:
    if type_name == "who":
        return DEFAULT_WHO_PROMPT
    if type_name == "card":
        return str(fields["front"])
    return "Fill in the blanks."
