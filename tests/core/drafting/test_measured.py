"""The drafter measured against hand-made labels (tests/data/articles/*.labels.yaml).

Aims (issue 9): every dated event and every measure found (but the misses listed below); at
least 80 % of quotations with the right speaker; fewer than one drafted question in five
that an author would delete outright (`measuring.deletions` says what that means). The
table is written to test-results/draft-recall.md for the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from measuring import Labelled, Score, deletions, labelled_articles, scores
from measuring import table as score_table

from quiz.core.drafting.drafting import draft_bank

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = labelled_articles()
REPORT = ROOT / "test-results" / "draft-recall.md"


@pytest.fixture(scope="module")
def measured() -> dict[str, list[Score]]:
    results = {item.name: scores(item) for item in ARTICLES}
    rows = [(name, score) for name, found in results.items() for score in found]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(score_table(rows) + "\n", encoding="utf-8")
    print("\n" + score_table(rows))
    return results


# Labelled facts the rules do not find yet, by article: fractions in words ("fell by a
# third", "by a quarter") among measures; scores ("3-1"), "twice" and an age written as
# "over 60" among counts.
MISSED_MEASURES = {"energy_heldout.txt": 1, "health_salt.txt": 1}
MISSED_COUNTS = {"sports_final.txt": 2, "match_derby.txt": 1, "health_salt.txt": 1}


def test_seven_labelled_articles_of_different_kinds() -> None:
    names = {item.name for item in ARTICLES}
    assert names == {
        "000_42a00ded27f26e66.txt",
        "science_glacier.txt",
        "sports_final.txt",
        "energy_heldout.txt",
        "court_fraud.txt",
        "match_derby.txt",
        "health_salt.txt",
    }


@pytest.mark.parametrize("item", ARTICLES, ids=lambda item: item.name)
def test_every_date_found(item: Labelled, measured: dict[str, list[Score]]) -> None:
    dates = next(s for s in measured[item.name] if s.kind == "dates")
    assert dates.recall == 1.0 and dates.precision == 1.0, dates


@pytest.mark.parametrize("item", ARTICLES, ids=lambda item: item.name)
def test_measures_found(item: Labelled, measured: dict[str, list[Score]]) -> None:
    measures = next(s for s in measured[item.name] if s.kind == "measures")
    assert measures.precision == 1.0, measures
    assert measures.labels - measures.recalled == MISSED_MEASURES.get(item.name, 0), measures


@pytest.mark.parametrize("item", ARTICLES, ids=lambda item: item.name)
def test_counts_found(item: Labelled, measured: dict[str, list[Score]]) -> None:
    counts = next(s for s in measured[item.name] if s.kind == "counts")
    assert counts.labels - counts.recalled == MISSED_COUNTS.get(item.name, 0), counts
    assert counts.precision >= 0.9, counts


@pytest.mark.parametrize("item", ARTICLES, ids=lambda item: item.name)
def test_quotations_with_the_right_speaker(
    item: Labelled, measured: dict[str, list[Score]]
) -> None:
    quotations = next(s for s in measured[item.name] if s.kind == "quotations")
    assert quotations.recall >= 0.8 and quotations.precision >= 0.8, quotations


@pytest.mark.parametrize("item", ARTICLES, ids=lambda item: item.name)
def test_fewer_than_one_question_in_five_deleted(item: Labelled) -> None:
    drafted = yaml.safe_load(draft_bank(item.article, "Draft", "article.txt").yaml)
    deleted = deletions(item, drafted)
    assert len(drafted["questions"]) >= 15
    assert len(deleted) / len(drafted["questions"]) < 0.2, deleted
