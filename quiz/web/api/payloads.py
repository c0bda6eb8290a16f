"""The JSON shapes the API answers with (described in openapi.yaml): never an answer key."""

from __future__ import annotations

from collections.abc import Mapping

from quiz.core.bank import Bank, Question
from quiz.core.presentation import present
from quiz.storage import Attempt, BankProgress


def bank_summary(bank: Bank) -> dict[str, object]:
    return {
        "id": bank.id,
        "title": bank.title,
        "description": bank.description,
        "tags": list(bank.tags),
        "question_count": len(bank.quiz_questions),
        "exam": bank.exam,
    }


def bank_payload(bank: Bank) -> dict[str, object]:
    questions = [present(question).to_dict() for question in bank.quiz_questions]
    return {**bank_summary(bank), "questions": questions}


def verdict_payload(question: Question, attempt: Attempt) -> dict[str, object]:
    """The verdict, with what the learner may see once they have answered: explanation, quote."""
    source = question.source_sentence
    return {
        **attempt.verdict,
        "attempt_id": attempt.id,
        "question_id": question.id,
        "explanation": question.explanation,
        "quote": question.quote,
        "source_sentence": source.to_dict() if source else None,
    }


def progress_payload(
    banks: Mapping[str, Bank], progress: Mapping[str, BankProgress]
) -> list[dict[str, object]]:
    """Every served bank with this learner's standing there (zeros where never touched)."""
    return [_bank_progress(bank, progress.get(bank.id)) for bank in banks.values()]


def _bank_progress(bank: Bank, progress: BankProgress | None) -> dict[str, object]:
    current = {question.id for question in bank.questions}
    mastered = sorted(progress.mastered & current) if progress else []
    last = progress.last_attempt_at if progress else None
    return {
        "bank_id": bank.id,
        "title": bank.title,
        "question_count": len(bank.questions),
        "best_score": progress.best_score if progress else None,
        "last_attempt_at": last.isoformat() if last else None,
        "mastered": mastered,
        "mastered_count": len(mastered),
    }
