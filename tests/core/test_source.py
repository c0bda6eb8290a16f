"""The source article: reading it, splitting sentences, finding quotes, suggesting near misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.bank import SourceSentence
from quiz.core.source import (
    Article,
    SourceError,
    closest_passage,
    find_quote,
    read_article,
    split_sentences,
)

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_42a00ded27f26e66.txt"


@pytest.fixture(scope="module")
def article() -> Article:
    return read_article(SEED)


def test_reads_the_seed(article: Article) -> None:
    assert article.name == str(SEED)
    assert article.text.startswith("KABUL, AFGHANISTAN – The Russian and Tajik")
    assert len(article.sentences) == 20


def test_sentence_spans_point_into_the_text(article: Article) -> None:
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    starts = [sentence.start for sentence in article.sentences]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Shoigu noted that the Islamic State (ISIS) has increased the strength of its "
        "supporters by 15% last year.",
        "However, Tajik security forces successfully neutralized them.",
        "However, the Taliban have denied the presence of any terrorist groups, including IS-KP, "
        "in Afghanistan.",
        "They claim to have suppressed IS-KP, asserting that Afghanistan poses no threat to other "
        "countries.",
        "“Their main goal is to spread radical ideas and carry out sabotage activities along the "
        "CSTO’s southern borders,” he added.",
    ],
)
def test_sentences_split_sensibly(article: Article, sentence: str) -> None:
    assert sentence in [s.text for s in article.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Shoigu spoke. Dr. Smith left.", ("Mr. Shoigu spoke.", "Dr. Smith left.")),
        ("A heading\nThe body starts here.", ("A heading", "The body starts here.")),
        ("One.\n\n\nTwo.", ("One.", "Two.")),
        ("Same. Same. Same.", ("Same.", "Same.", "Same.")),
        ("", ()),
        ("\n  \n", ()),
    ],
)
def test_split_sentences(text: str, expected: tuple[str, ...]) -> None:
    sentences = split_sentences(text)
    assert tuple(s.text for s in sentences) == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("quote", "highlighted"),
    [
        ("Mr. Shoigu noted", "Mr. Shoigu noted"),
        ("Mr.   Shoigu\n noted", "Mr. Shoigu noted"),  # whitespace is free
        ("the Russian military contingent", "the Russian military contingent"),
        ("The Russian military contingent", "the Russian military contingent"),  # first letter
        ("Russia's Defense Ministry", "Russia’s Defense Ministry"),  # straight apostrophe
        ('"the interests of ethnic Tajiks', "“the interests of ethnic Tajiks"),  # straight quote
        (
            "“the interests of ethnic Tajiks and other minorities.”",
            "“the interests of ethnic Tajiks and other minorities.”",
        ),
        ("Mi-24 attack helicopters", "Mi-24 attack helicopters"),
        ("15%", "15%"),
    ],
)
def test_find_quote(article: Article, quote: str, highlighted: str) -> None:
    match = find_quote(article, quote)
    assert match is not None
    assert article.text[match.start : match.end] == highlighted
    assert match.parts()[1] == highlighted
    assert "".join(match.parts()) == match.sentence
    assert match.sentence in article.text


@pytest.mark.parametrize(
    "quote",
    [
        "Mr. Shoigu Noted",  # case matters after the first letter
        "mr. shoigu noted",
        "Mi-28 attack helicopters",
        "Mr. Shoigu noted that the Islamic State...",  # no ellipses
        "Kharb Maidon",  # a hyphen is not whitespace
        "KABUL, AFGHANISTAN - The Russian",  # nor is a hyphen an en dash
        "Shoigu said ISIS grew by 15%",
        "",
        "   ",
    ],
)
def test_quote_not_found(article: Article, quote: str) -> None:
    assert find_quote(article, quote) is None


def test_first_letter_may_be_lower_case(article: Article) -> None:
    # "The" is capital in the article, and only that first letter is forgiven.
    assert find_quote(article, "the Islamic State (ISIS) has") is not None


def test_quote_sentence_and_offsets(article: Article) -> None:
    match = find_quote(article, "201st military base")
    assert match is not None
    assert match.sentence.startswith("The news agency quoted Russia’s Defense Ministry")
    assert match.sentence.endswith("transport/combat helicopters.”")
    assert match.sentence[match.quote_start : match.quote_end] == "201st military base"
    assert match.sentence_start + match.quote_start == match.start


def test_quote_across_sentences_widens_to_both(article: Article) -> None:
    match = find_quote(article, "emirate.\nIn September of last year")
    assert match is not None
    assert match.sentence.startswith("This insurgent group operates")
    assert match.sentence.endswith("into Tajikistan.")
    assert match.parts()[1] == "emirate.\nIn September of last year"


@pytest.mark.parametrize(
    ("quote", "closest"),
    [
        ("Shoigu said ISIS grew its supporters by 20% last year", "Mr. Shoigu noted that"),
        ("the 210th military base in Tajikistan", "The news agency quoted"),
        (
            "Khovar reported that militants of Jamiat Ansarulla attacked",
            "In September of last year",
        ),
    ],
)
def test_closest_passage(article: Article, quote: str, closest: str) -> None:
    passage = closest_passage(article, quote)
    assert passage is not None
    assert passage.startswith(closest)


def test_closest_passage_gives_up_on_nonsense(article: Article) -> None:
    assert closest_passage(article, "zzzz qqqq xxxx") is None
    assert closest_passage(Article.from_text("empty.txt", ""), "anything") is None


def test_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceError, match="nope.txt not found"):
        read_article(missing)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot be read"):
        read_article(tmp_path)


def test_non_utf8_file_is_named(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Tadjikistan, caf\u00e9".encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin1.txt is not UTF-8 .*offset 16"):
        read_article(latin)


def test_bom_and_crlf_are_read_away(tmp_path: Path) -> None:
    source = tmp_path / "bom.txt"
    source.write_bytes("\ufeffMr. Shoigu spoke.\r\nHe left.".encode())
    article = read_article(source)
    assert article.text == "Mr. Shoigu spoke.\nHe left."
    assert [s.text for s in article.sentences] == ["Mr. Shoigu spoke.", "He left."]


def test_a_source_sentence_splits_around_its_quote() -> None:
    sentence = SourceSentence("Shoigu said: we stand together, today.", 13, 30)
    assert sentence.to_dict() == {
        "before": "Shoigu said: ",
        "quoted": "we stand together",
        "after": ", today.",
    }


def test_a_long_paragraph_is_cut_at_sentence_ends_and_loses_no_sentence() -> None:
    text = ("The drills ran for four days near the border. " * 100).strip()  # 4,600 characters
    sentences = split_sentences(text)
    assert len(sentences) == 100
    assert {s.text for s in sentences} == {"The drills ran for four days near the border."}
    assert all(text[s.start : s.end] == s.text for s in sentences)
