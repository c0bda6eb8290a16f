"""A bank without a `source`: every type loads with no quote (but `who`, whose quote is the
question), a quote is kept as written, and the rest of validation still applies."""

from __future__ import annotations

from pathlib import Path

from quiz.core.banks.loading import LoadedBank, load_bank

EVERY_TYPE = """title: No article
questions:
  - {id: c, type: choice, prompt: Pick one., choices: [a, b], answer: a}
  - {id: t, type: truefalse, prompt: Sky is blue., answer: true}
  - {id: x, type: text, prompt: Capital of Peru?, answer: Lima}
  - {id: n, type: number, prompt: How many legs has a spider?, answer: 8}
  - {id: q, type: quantity, prompt: How far?, answer: 20 km}
  - {id: d, type: date, prompt: When?, answer: 18 April 2024}
  - {id: z, type: cloze, text: "The capital of Peru is [[Lima]]."}
  - {id: o, type: order, prompt: Order them., items: [one, two]}
  - {id: m, type: match, prompt: Match them., pairs: [[a, "1"], [b, "2"]]}
  - {id: k, type: card, front: Front, back: Back}
  - {id: w, type: who, quote: "I came, I saw.", answer: Julius Caesar}
"""


def load_bank_text(tmp_path: Path, text: str) -> LoadedBank:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    return load_bank(path)


def test_every_type_loads_without_a_source_or_quotes(tmp_path: Path) -> None:
    loaded = load_bank_text(tmp_path, EVERY_TYPE)
    assert loaded.problems == ()
    assert loaded.bank is not None
    assert all(q.source_sentence is None for q in loaded.bank.questions)
    assert len(loaded.bank.questions) == 11


def test_a_quote_without_an_article_is_kept_as_written(tmp_path: Path) -> None:
    text = EVERY_TYPE.replace("answer: Lima}", "answer: Lima, quote: Lima is the capital.}")
    loaded = load_bank_text(tmp_path, text)
    assert loaded.bank is not None
    question = loaded.bank.question("x")
    assert question is not None and question.quote == "Lima is the capital."


def test_who_still_needs_its_quote_and_the_other_checks_still_run(tmp_path: Path) -> None:
    text = EVERY_TYPE.replace('quote: "I came, I saw.", ', "").replace(
        "prompt: Capital of Peru?", "prompt: Is Lima the capital of Peru?"
    )
    messages = [p.message for p in load_bank_text(tmp_path, text).problems]
    assert messages == [
        "the prompt gives away its own answer ('Lima'): rephrase it",
        "who question 'w' has no 'quote'",
    ]
