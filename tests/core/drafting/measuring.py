"""Scoring the drafter against hand-made labels: recall and precision for each kind of fact,
and the share of drafted questions an author would delete outright.

A finding matches a label when it sits inside the label's passage (`in`) and has the same
value; a quotation matches when its words overlap the label's and the speaker is the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quiz.core.drafting.drafting import Findings, find_all
from quiz.core.drafting.findings import DateFinding, MeasureFinding, QuoteFinding, Span
from quiz.core.parsing.dates import parse_partial_date
from quiz.core.parsing.names import name_form
from quiz.core.parsing.quantities import compare, parse_quantity
from quiz.core.parsing.text import normalize
from quiz.core.source import Article

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"
KINDS = ("dates", "measures", "counts", "quotations")


@dataclass(frozen=True)
class Score:
    kind: str
    labels: int
    found: int
    recalled: int
    precise: int

    @property
    def recall(self) -> float:
        return self.recalled / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        return self.precise / self.found if self.found else 1.0


@dataclass(frozen=True)
class Labelled:
    name: str
    article: Article
    labels: dict[str, Any]


def labelled_articles() -> list[Labelled]:
    found = []
    for path in sorted(ARTICLES.glob("*.labels.yaml")):
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        article_path = (path.parent / labels["article"]).resolve()
        text = article_path.read_text(encoding="utf-8")
        found.append(
            Labelled(article_path.name, Article.from_text(str(article_path), text), labels)
        )
    return found


def scores(item: Labelled) -> list[Score]:
    findings = find_all(item.article)
    return [_score(kind, item, findings) for kind in KINDS]


def _score(kind: str, item: Labelled, findings: Findings) -> Score:
    labels = item.labels.get(kind) or []
    found = _findings_of(kind, findings)
    matched = [
        [f for f in found if _matches(kind, item.article.text, label, f)] for label in labels
    ]
    precise = sum(1 for f in found if any(f in m for m in matched))
    recalled = sum(1 for m in matched if m)
    return Score(kind, len(labels), len(found), recalled, precise)


def _findings_of(kind: str, findings: Findings) -> list[Any]:
    return {
        "dates": findings.dates,
        "measures": findings.quantities,
        "counts": findings.counts,
        "quotations": findings.quotations,
    }[kind]


def _matches(kind: str, text: str, label: dict[str, Any], finding: Any) -> bool:
    if kind == "quotations":
        return quote_matches(label, finding)
    if not _inside(text, label["in"], finding.span):
        return False
    return value_matches(kind, label["answer"], finding)


def _inside(text: str, passage: str, span: Span) -> bool:
    start = text.find(passage)
    assert start >= 0, f"label passage not in the article: {passage!r}"
    return start <= span.start < start + len(passage)


def value_matches(kind: str, answer: Any, finding: DateFinding | MeasureFinding) -> bool:
    if kind == "dates":
        assert isinstance(finding, DateFinding)
        labelled = parse_partial_date(str(answer))
        return (labelled.year, labelled.month, labelled.day) == (
            finding.date.year,
            finding.date.month,
            finding.date.day,
        )
    assert isinstance(finding, MeasureFinding)
    if kind == "counts":
        return finding.value == float(answer)
    return finding.quantity is not None and compare(parse_quantity(answer), finding.quantity).within


def quote_matches(label: dict[str, Any], finding: QuoteFinding) -> bool:
    said, found = _plain(label["quote"]), _plain(finding.quote)
    return (said in found or found in said) and same_speaker(label["speaker"], finding.speaker)


def same_speaker(first: str, second: str) -> bool:
    return name_form(first) == name_form(second)


def _plain(text: str) -> str:
    return normalize(text)


def table(rows: list[tuple[str, Score]]) -> str:
    lines = [
        "| article | kind | labelled | found | recall | precision |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, score in rows:
        lines.append(
            f"| {name} | {score.kind} | {score.labels} | {score.found} | "
            f"{score.recall:.0%} | {score.precision:.0%} |"
        )
    return "\n".join(lines)


def deletions(item: Labelled, drafted: dict[str, Any]) -> list[str]:
    """The drafted questions an author would delete outright, each with why.

    Operationally: a question is deleted when its fact is not one of the hand-listed facts of
    the article (a date, measure or count not in the list, or not in the sentence it quotes),
    when a `who` question names the wrong speaker, or when it repeats an earlier question.
    """
    deleted: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for question in drafted["questions"]:
        key = (question["type"], str(question.get("answer")), question.get("quote", ""))
        if key in seen:
            deleted.append(f"{question['id']}: repeats an earlier question")
        elif not _keeps(item, question):
            deleted.append(f"{question['id']}: not a fact of the article as labelled")
        seen.add(key)
    return deleted


def _keeps(item: Labelled, question: dict[str, Any]) -> bool:
    kind = question["type"]
    if kind == "who":
        return any(
            quote_matches(label, _as_quote(question))
            for label in item.labels.get("quotations") or []
        )
    if kind == "order":
        return bool(item.labels.get("order")) and len(question["items"]) >= 3
    kinds = {"date": ["dates"], "quantity": ["measures"], "number": ["counts"]}
    for label_kind in kinds.get(kind, ["measures", "counts"]):
        for label in item.labels.get(label_kind) or []:
            if label["in"] in question["quote"] and _same_value(label_kind, label, question):
                return True
    return False


def _as_quote(question: dict[str, Any]) -> QuoteFinding:
    return QuoteFinding(Span(0, 0), question["quote"], question["answer"], False, "", True, "")


def _same_value(kind: str, label: dict[str, Any], question: dict[str, Any]) -> bool:
    answer = str(question["answer"])
    try:
        if kind == "dates":
            given, wanted = parse_partial_date(answer), parse_partial_date(str(label["answer"]))
            return (given.year, given.month, given.day) == (wanted.year, wanted.month, wanted.day)
        if kind == "counts":
            return float(answer.replace(",", "")) == float(label["answer"])
        return compare(parse_quantity(str(label["answer"])), parse_quantity(answer)).within
    except ValueError:
        return False
