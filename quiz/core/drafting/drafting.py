"""`draft_bank`: an article's text in, a bank's YAML out, every question checked by the real
validator before it is kept, so the draft validates as is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from quiz.core.bank import Question
from quiz.core.banks.validation import BankValidator
from quiz.core.banks.yaml_reading import read_yaml
from quiz.core.drafting.dates import find_dates, same_date
from quiz.core.drafting.findings import DateFinding, MeasureFinding, QuoteFinding
from quiz.core.drafting.measures import find_measures
from quiz.core.drafting.questions import (
    Candidate,
    Context,
    count_candidate,
    date_candidate,
    measure_candidate,
    who_candidate,
)
from quiz.core.drafting.quotations import find_quotations
from quiz.core.drafting.timeline import order_candidate
from quiz.core.drafting.writing import bank_yaml, question_lines
from quiz.core.errors import QuizError, ResponseError
from quiz.core.grading import grade
from quiz.core.source import Article

_READ_ERRORS = (QuizError, ValueError, TypeError, ArithmeticError, KeyError)
# Work is capped on huge inputs: sentence splitting is the slow step (~1 s per 100 kB).
MAX_CHARACTERS = 200_000
DEFAULT_MAX_QUESTIONS = 60


@dataclass(frozen=True)
class Findings:
    dates: list[DateFinding]
    measures: list[MeasureFinding]
    quotations: list[QuoteFinding]

    @property
    def counts(self) -> list[MeasureFinding]:
        return [m for m in self.measures if m.quantity is None]

    @property
    def quantities(self) -> list[MeasureFinding]:
        return [m for m in self.measures if m.quantity is not None]


@dataclass(frozen=True)
class Draft:
    """A drafted bank: its YAML, how many questions it kept, and notes for the author."""

    yaml: str
    questions: int
    notes: list[str] = field(default_factory=list)


def find_all(article: Article) -> Findings:
    """Every date, measure, count and attributed quotation of the article."""
    dates = find_dates(article.text)
    measures = find_measures(article.text, [d.span for d in dates])
    return Findings(dates, measures, find_quotations(article.text, article.sentences))


def draft_bank(
    article: Article,
    title: str,
    source: str,
    max_questions: int = DEFAULT_MAX_QUESTIONS,
    schema: str | None = None,
) -> Draft:
    """The draft bank of `article` (whose `source` path is relative to the bank file);
    `schema`, where the bank's JSON Schema is, for editors."""
    findings = find_all(article)
    context = Context(article.text, article.sentences)
    candidates = sorted(_candidates(context, findings), key=lambda c: -c.score)
    best = _best_valid(candidates, article, max_questions)
    chosen = sorted(best, key=lambda c: (c.position < 0, c.position))
    _unique_ids(chosen)
    notes = []
    if len(best) == max_questions and len(candidates) > max_questions:
        notes.append(
            f"kept the best {len(best)} of {len(candidates)} candidate questions "
            f"(--max {max_questions})"
        )
    header = {
        "title": title,
        "description": "A draft drawn from the article by rules: reword the prompts, write "
        "the explanations, and delete what is not worth asking.",
        "tags": ["draft"],
        "source": source,
    }
    modeline = [f"yaml-language-server: $schema={schema}", ""] if schema else []
    preamble = [
        *modeline,
        "A draft bank: every question was found by rules, not by a reader.",
        "Each comment says what a question was drawn from. Reword the prompts, replace the",
        "explanations, and delete what is not worth asking; `quiz validate` checks the result.",
    ]
    return Draft(bank_yaml(header, chosen, preamble), len(chosen), notes)


def _best_valid(
    candidates: list[Candidate], article: Article, max_questions: int
) -> list[Candidate]:
    """The best candidates that validate, checked best first until `max_questions` are kept:
    validating costs a few milliseconds each, so a huge article is not validated in full."""
    kept: list[Candidate] = []
    for candidate in candidates:
        if len(kept) == max_questions:
            break
        if _kept(candidate, article):
            kept.append(candidate)
    return kept


def _candidates(context: Context, findings: Findings) -> list[Candidate]:
    made: list[Candidate | None] = []
    dates = _first_of_each(findings.dates)
    made += [date_candidate(context, d, [o for o in dates if o is not d]) for d in dates]
    made.append(order_candidate(context, dates))
    made += _measure_candidates(context, findings.quantities, measure_candidate)
    made += _measure_candidates(context, findings.counts, count_candidate)
    speakers = list(dict.fromkeys(q.speaker for q in findings.quotations))
    quotations = list({q.quote: q for q in reversed(findings.quotations)}.values())[::-1]
    for index, quotation in enumerate(quotations):
        with_choices = len(speakers) >= 3 and index % 2 == 1
        made.append(who_candidate(context, quotation, speakers, with_choices))
    return [c for c in made if c is not None]


Builder = Callable[[Context, MeasureFinding, list[MeasureFinding], bool], Candidate | None]


def _measure_candidates(
    context: Context, measures: list[MeasureFinding], build: Builder
) -> list[Candidate | None]:
    seen: set[tuple[float, str]] = set()
    made = []
    for finding in measures:
        unit = finding.quantity.unit if finding.quantity else ""
        if (finding.value, unit) in seen:
            continue
        seen.add((finding.value, unit))
        same_kind = [o for o in measures if o is not finding and _kind(o) == _kind(finding)]
        values = {o.value for o in same_kind} - {finding.value}
        as_choice = len(values) >= 2 and len(seen) % 2 == 0
        made.append(build(context, finding, same_kind, as_choice))
    return made


def _kind(finding: MeasureFinding) -> str:
    """What a value may be confused with: its unit, ages with ages, other counts together."""
    if finding.quantity:
        return finding.quantity.unit
    return "age" if finding.noun == "age" else "count"


def _first_of_each(dates: list[DateFinding]) -> list[DateFinding]:
    firsts: list[DateFinding] = []
    for finding in dates:
        if not any(same_date(finding, seen) for seen in firsts):
            firsts.append(finding)
    return firsts


def _kept(candidate: Candidate, article: Article) -> bool:
    """Keep a candidate only if it validates; its check examples are first graded and any
    that grades the other way is dropped (a spelling the grader does not take, say)."""
    try:
        question = _validated(candidate, article, with_check=False)
        if question is None:
            return False
        candidate.right = [r for r in candidate.right if _grades(question, r, True)]
        candidate.wrong = [w for w in candidate.wrong if _grades(question, w, False)]
        return _validated(candidate, article, with_check=True) is not None
    except _READ_ERRORS:
        # An answer the graders cannot read back (pint fails on some unit spellings with
        # errors of its own): the candidate is dropped, like any that does not validate.
        return False


def _validated(candidate: Candidate, article: Article, with_check: bool) -> Question | None:
    saved = (candidate.right, candidate.wrong)
    if not with_check:
        candidate.right, candidate.wrong = [], []
    text = "title: draft\nquestions:\n" + "\n".join(question_lines(candidate)) + "\n"
    candidate.right, candidate.wrong = saved
    data, issues = read_yaml(text)
    validator = BankValidator("draft")
    bank = validator.validate(data, "draft", article) if not issues else None
    return bank.questions[0] if bank is not None and not validator.problems else None


def _grades(question: Question, example: str, should_be_right: bool) -> bool:
    try:
        return grade(question, example).correct == should_be_right
    except (ResponseError, ValueError):
        return False


def _unique_ids(candidates: list[Candidate]) -> None:
    seen: dict[str, int] = {}
    for candidate in candidates:
        base = candidate.fields["id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            candidate.fields["id"] = f"{base}-{seen[base]}"
