"""The help page: every term the pages use, each at its own anchor, reachable from the contents."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from quiz.storage.mastery import MASTERY_DEFINITION

TERMS = [
    "mastered",
    "accuracy",
    "streak",
    "best-score",
    "score",
    "weakest",
    "grading",
    "keyboard",
    "flashcards",
    "due",
    "new",
    "learning",
    "young",
    "mature",
    "desired-retention",
    "slow",
    "score-vs-accuracy",
    "question-count",
    "due-today",
    "ready-now",
    "retention-over-time",
]


@pytest.fixture
def help_html(client: FlaskClient) -> str:
    response = client.get("/help")
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.text)


@pytest.mark.parametrize("anchor", TERMS)
def test_each_term_has_an_anchor_and_a_contents_link(help_html: str, anchor: str) -> None:
    assert help_html.count(f'id="{anchor}"') == 1
    assert f'href="#{anchor}"' in help_html


def test_every_contents_link_lands_somewhere(help_html: str) -> None:
    ids = set(re.findall(r'id="([^"]+)"', help_html))
    targets = set(re.findall(r'href="#([^"]+)"', help_html))
    assert targets <= ids, targets - ids


@pytest.mark.parametrize(
    "text",
    [
        MASTERY_DEFINITION,
        'Days are counted in <abbr title="Coordinated Universal Time">UTC</abbr>',
        "(right picks − wrong picks) ÷ the number of right answers",
        "the fraction of pairs of items that are in the right order",
        "never a wrong digit",
        "Units are converted",
        "The family name is enough",
        "under 21 days",
        "21 days or more",
        "The default is 90% (0.9)",
        "more than twice your median answer time",
        "suggests the rating <strong>Hard</strong> instead of <strong>Good</strong>",
        "<kbd>U</kbd></dt><dd>Undo the last rating",
        "<kbd>N</kbd></dt><dd>Next question",
    ],
)
def test_definitions(help_html: str, text: str) -> None:
    assert text in help_html


def test_terms_are_a_definition_list(help_html: str) -> None:
    term = '<dt id="mastered"><a class="help-anchor" href="#mastered">Mastered</a></dt>'
    assert term in help_html


AUTHOR_TERMS = [
    "item-analysis",
    "attempt-modes",
    "facility",
    "median-time",
    "discrimination",
    "bank-score",
    "flags",
    "common-wrong",
]


@pytest.mark.parametrize("anchor", AUTHOR_TERMS)
def test_each_item_analysis_figure_is_defined(help_html: str, anchor: str) -> None:
    assert f'id="{anchor}"' in help_html and f'href="#{anchor}"' in help_html


def test_flag_thresholds_come_from_the_core(help_html: str) -> None:
    from quiz.core import item_analysis

    for flag in item_analysis.FLAG_LABELS:
        assert f'<dt id="{flag}">' in help_html
    assert "95 % right or more" in help_html and "20 % right or less" in help_html
    assert "corrected item–rest correlation" in help_html
