"""The YAML reader keeps positions and the author's characters, and refuses what is unsafe."""

from __future__ import annotations

import time

import pytest

from quiz.core.banks.yaml_reading import YamlList, YamlMap, read_yaml


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("no", "no"),
        ("on", "on"),
        ("NO", "NO"),
        ("1.10", "1.10"),
        ("012", "012"),
        ("1:20", "1:20"),
        ("2023-04-18", "2023-04-18"),
        ("'~'", "~"),
        ('"yes"', "yes"),
        ("~", None),
        ("null", None),
        ("", None),
        ("!!str 3", "3"),
    ],
)
def test_scalars_keep_the_authors_characters(written: str, read: str | None) -> None:
    data, issues = read_yaml(f"answer: {written}\n")
    assert issues == []
    assert data["answer"] == read


def test_positions_of_keys_values_and_items() -> None:
    data, _ = read_yaml("title: T\nquestions:\n  - id: a\n    choices: [x, y]\n")
    assert isinstance(data, YamlMap) and data.where("questions") == (2, 1)
    question = data["questions"][0]
    assert isinstance(question, YamlMap) and question.mark == (3, 5)
    assert question.where("choices") == (4, 5)
    assert isinstance(question["choices"], YamlList) and question["choices"].where(1) == (4, 18)


def test_duplicate_key_points_at_the_second() -> None:
    _, issues = read_yaml("a: 1\nb: 2\na: 3\n")
    assert [(i.line, i.column) for i in issues] == [(3, 1)]
    assert "given twice" in issues[0].message and "line 1" in issues[0].message


def test_python_tags_are_refused() -> None:
    data, issues = read_yaml("a: !!python/object/apply:os.system ['echo hi']\nb: !custom x\n")
    assert data == {"a": None, "b": None}
    assert [i.line for i in issues] == [1, 2]
    assert "!!python/object/apply:os.system" in issues[0].message


def test_syntax_error_has_its_line() -> None:
    data, issues = read_yaml("title: T\nquestions: [a, b\nc: d\n")
    assert data is None
    # Where the list opens: its closing ']' is what is missing.
    assert (issues[0].line, issues[0].column) == (2, 12)
    assert issues[0].message.startswith("the list or mapping opened here is not closed")


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_fails_fast() -> None:
    started = time.perf_counter()
    data, issues = read_yaml(_bomb(10))
    assert data is None and "aliases" in issues[-1].message
    assert time.perf_counter() - started < 5  # a bound against hanging, not a benchmark


def test_self_referring_anchor_fails() -> None:
    data, issues = read_yaml("a: &x [1, *x]\n")
    assert data is None and issues


def test_merge_keys_merge_and_explicit_keys_win() -> None:
    data, issues = read_yaml("base: &b {type: text, typos: 1}\nq: {<<: *b, typos: 2}\n")
    assert issues == [] and data["q"] == {"type": "text", "typos": "2"}


@pytest.mark.parametrize("document", ["~\n", "null\n", "k: !!null ~\n"])
def test_an_unquoted_null_outside_a_text_value_reads_as_nothing(document: str) -> None:
    data, issues = read_yaml(document)
    assert issues == []
    assert data is None or data == {"k": None}


@pytest.mark.parametrize(
    ("document", "line", "column", "code"),
    [
        ("title: a\x00b\n", 1, 9, "U+0000"),
        ("title: T\nquestions:\n  - prompt: 'a\x01b'\n", 3, 15, "U+0001"),
        ("title: T\n\x0c\n", 2, 1, "U+000C"),
    ],
)
def test_a_control_character_has_its_line_and_column(
    document: str, line: int, column: int, code: str
) -> None:
    # PyYAML gave "position N" of the whole text on a second line, reported at 1:1.
    data, issues = read_yaml(document)
    assert data is None and len(issues) == 1
    assert (issues[0].line, issues[0].column) == (line, column)
    assert code in issues[0].message and "\n" not in issues[0].message
