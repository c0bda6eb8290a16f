"""The drafted `order` question: dated events in time order, at most five of them spread over
the whole article, and none when a relative year sits beside stated ones."""

from __future__ import annotations

from quiz.core.drafting.dates import find_dates
from quiz.core.drafting.questions import Candidate, Context
from quiz.core.drafting.timeline import order_candidate
from quiz.core.source import split_sentences


def order_of(text: str) -> Candidate | None:
    return order_candidate(Context(text, split_sentences(text)), find_dates(text))


def test_of_seven_events_five_are_kept_from_first_to_last() -> None:
    found = order_of(
        "The bridge opened in 2001. The dam was finished in 2003. The school was built in 2005. "
        "The airport closed in 2007. The tunnel was dug in 2009. The mine reopened in 2011. "
        "The park was laid out in 2013."
    )
    assert found is not None
    assert found.fields["items"] == [
        "The bridge opened",
        "The school was built",
        "The airport closed",
        "The tunnel was dug",
        "The park was laid out",
    ]
    assert found.comment == "the 5 dated events of the article, in time order"


def test_last_year_beside_stated_years_cannot_be_placed() -> None:
    text = (
        "The bridge opened in 2001. In September of last year, the dam was finished. "
        "The school was built in 2005. The airport closed in 2007."
    )
    assert order_of(text) is None
    assert order_of(text.replace("In September of last year, the dam", "In 2003 the dam"))
