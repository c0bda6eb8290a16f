"""The Banks page's records and the item analysis charts, without a browser."""

from __future__ import annotations

from pathlib import Path

from quiz.core.banks.loading import load_banks
from quiz.core.item_analysis import QuestionStats
from quiz.web.authors.charts import facility_scatter, score_histogram
from quiz.web.authors.files import bank_files, relative

GOOD = "title: Good\nquestions:\n  - id: q1\n    type: text\n    prompt: Capital of France?\n    answer: Paris\n"  # noqa: E501
WARNED = GOOD.replace("id: q1", "id: paris").replace("title: Good", "title: Warned")
BROKEN = "title: B\nquestions:\n  - id: x\n    type: txt\n"
MISSING_SOURCE = GOOD.replace("questions:", "source: articles/gone.txt\nquestions:")


def test_statuses_counts_and_relative_places(tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    folder.mkdir()
    for name, text in [
        ("good", GOOD),
        ("warned", WARNED),
        ("broken", BROKEN),
        ("gone", MISSING_SOURCE),
    ]:  # noqa: E501
        (folder / f"{name}.yaml").write_text(text)
    files = {f.path: f for f in bank_files(tuple(load_banks(folder)), folder)}
    assert list(files) == ["broken.yaml", "gone.yaml", "good.yaml", "warned.yaml"]  # broken first
    assert [files[p].status for p in files] == ["broken", "broken", "ok", "warnings"]
    assert (files["good.yaml"].questions, files["broken.yaml"].questions) == (1, None)
    [warning] = files["warned.yaml"].problems
    assert warning.warning and "gives away the answer" in warning.message
    [missing] = files["gone.yaml"].problems
    assert str(tmp_path) not in missing.message  # the message names no absolute path
    assert missing.excerpt is not None and missing.excerpt.lines[1].marked  # line 2: source


def test_relative_paths_never_leak_the_folder(tmp_path: Path) -> None:
    assert relative(tmp_path / "q" / "a" / "b.yaml", tmp_path / "q") == "a/b.yaml"
    assert relative(Path("/etc/passwd"), tmp_path) == "passwd"


def test_histogram_puts_each_learner_in_a_tenth() -> None:
    svg = str(score_histogram([0.0, 0.05, 0.33, 0.34, 1.0]))
    values = [part.split('"')[0] for part in svg.split('data-value="')[1:]]
    assert values == ["2", "0", "0", "2", "0", "0", "0", "0", "0", "1"]
    assert "90–100 %: 1" in svg
    assert "No learner has answered yet" in str(score_histogram([]))


def stats(question_id: str, facility: float | None, discrimination: float | None) -> QuestionStats:
    return QuestionStats(question_id, 5, 5, 0, 0, 0, facility, None, discrimination, ())


def test_scatter_plots_only_questions_with_both_figures() -> None:
    svg = str(
        facility_scatter([stats("a", 0.5, 0.3), stats("b", 0.9, None), stats("c", None, None)])
    )
    assert svg.count("<circle") == 1 and 'data-question="a"' in svg
    assert "a: 50 % right, discrimination 0.30" in svg.replace("50%", "50 %")
    assert "Needs 3 learners" in str(facility_scatter([stats("b", 0.9, None)]))
