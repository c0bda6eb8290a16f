"""The file `quiz new` writes: every commented example is a valid question once uncommented,
alone or all together, with and without a source article."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.banks.loading import load_bank
from quiz.core.banks.template import new_bank
from quiz.core.source import read_article

SEED = Path(__file__).parents[3] / "seeds" / "000_42a00ded27f26e66.txt"
TYPES = [
    "choice", "truefalse", "text", "number", "quantity", "date",
    "who", "cloze", "order", "match", "card",
]  # fmt: skip


def written(tmp_path: Path, with_source: bool) -> str:
    """What `quiz new` writes into tmp_path/bank.yaml (the article copied beside it)."""
    if not with_source:
        return new_bank("My bank", "schema.json", None, None)
    (tmp_path / "article.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    first = read_article(tmp_path / "article.txt").sentences[0].text
    return new_bank("My bank", "schema.json", "article.txt", first)


def examples(text: str) -> dict[str, str]:
    """Each commented example, uncommented, by its type."""
    found: dict[str, str] = {}
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith(("  # - ", "  #   ")):
            block.append("  " + line[4:])
        elif block:
            kind = next(b.split(": ")[1] for b in block if b.startswith("    type: "))
            found[kind] = "\n".join(block) + "\n"
            block = []
    return found


def header(text: str) -> str:
    return text[: text.index("questions:\n") + len("questions:\n")]


@pytest.mark.parametrize("with_source", [False, True], ids=["no-article", "article"])
def test_there_is_one_commented_example_of_every_type(tmp_path: Path, with_source: bool) -> None:
    assert list(examples(written(tmp_path, with_source))) == TYPES


@pytest.mark.parametrize("with_source", [False, True], ids=["no-article", "article"])
@pytest.mark.parametrize("kind", TYPES)
def test_each_example_is_valid_once_uncommented(
    tmp_path: Path, kind: str, with_source: bool
) -> None:
    text = written(tmp_path, with_source)
    path = tmp_path / "bank.yaml"
    path.write_text(header(text) + examples(text)[kind], encoding="utf-8")
    loaded = load_bank(path)
    assert loaded.problems == (), [str(problem) for problem in loaded.problems]
    assert loaded.bank is not None and [q.type for q in loaded.bank.questions] == [kind]


@pytest.mark.parametrize("with_source", [False, True], ids=["no-article", "article"])
def test_all_examples_together_are_a_valid_bank(tmp_path: Path, with_source: bool) -> None:
    text = written(tmp_path, with_source)
    path = tmp_path / "bank.yaml"
    path.write_text(header(text) + "".join(examples(text).values()), encoding="utf-8")
    loaded = load_bank(path)
    assert loaded.ok, [str(problem) for problem in loaded.problems]
    assert loaded.bank is not None and len(loaded.bank.questions) == len(TYPES)
    assert (loaded.article is not None) == with_source


def test_as_written_the_bank_asks_for_its_first_question(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(written(tmp_path, with_source=True), encoding="utf-8")
    assert [problem.message for problem in load_bank(path).problems] == [
        "'questions' must be a non-empty list of questions, each a mapping starting with "
        "'- id: ...'"
    ]
