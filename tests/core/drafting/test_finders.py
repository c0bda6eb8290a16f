"""The finders on one sentence at a time: dates, measures, counts and who said what."""

from __future__ import annotations

import time

import pytest

from quiz.core.drafting.dates import find_dates
from quiz.core.drafting.measures import find_measures
from quiz.core.drafting.quotations import find_quotations
from quiz.core.source import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ended on 3 March 2021.", ["3 March 2021"]),
        ("It opens on Sept. 5, 2019, at noon.", ["5 September 2019"]),
        ("Fireworks on the 4th of July.", ["4 July"]),
        ("In late February of this year he spoke.", ["late February"]),
        ("Work began in mid-2025 and ended in May 2026.", ["mid-2025", "May 2026"]),
        ("Prices have risen since 1999.", ["1999"]),
        ("Images taken between 2013 and 2022.", ["2013", "2022"]),
        ("The report is dated 2023-04-18.", ["18 April 2023"]),
        ("May I ask? They may march in March.", ["March"]),
        ("He scored 2019 points and 1,999 rebounds.", []),
        ("On Saturday the team won.", []),
    ],
)
def test_dates(text: str, expected: list[str]) -> None:
    assert [f.date.describe() for f in find_dates(text)] == expected


def test_a_date_keeps_the_articles_wording_and_its_relative_year() -> None:
    [finding] = find_dates("In September of last year, Khovar reported an attack.")
    assert (finding.answer, finding.precision, finding.relative_year) == ("September", "month", -1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a four-day joint exercise", "4 days"),
        ("located about 20 kilometers from the border", "20 km"),
        ("it grew by 15% last year", "15%"),
        ("prices rose 12 per cent", "12%"),
        ("he won the 100m final", "100 m"),
        ("a top speed of 33 km/h", "33 km/h"),
        ("winds of 10.5 metres per second", "10.5 m/s"),
        ("an area of 300 square kilometres", "300 km²"),
        ("it reached 45°C at noon", "45 °C"),
        ("flows of 25 cubic metres per second", "25 m³/s"),
        ("1.2 million tonnes of CO2", "1,200,000 t"),
        ("two decades earlier", "20 years"),
        ("15 megawatts each", "15 MW"),
        ("temperatures hit 40C in London", "40 °C"),
        ("it reached 31C during the match", "31 °C"),  # not 31 coulomb·during
        ("nights fall to minus 80 degrees Celsius", "-80 °C"),  # the sign is kept
        ("a low of −3 °C at dawn", "-3 °C"),
        ("the first 2.3 km section opens", "2.3 km"),  # not km × pint's "section"
        ("it used 40 kilowatt hours a day", "40 kWh"),
        ("a hundred metres of road", "100 m"),
        ("it used 40 kilowatt days", "40 d·kW"),  # no one pint unit: the product is kept
        ("pressure fell by 3.2 millimetres of mercury", "3.2 mmHg"),  # not 3.2 mm
    ],
)
def test_measures(text: str, expected: str) -> None:
    [finding] = find_measures(text, [])
    assert finding.quantity is not None and str(finding.quantity) == expected


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("personnel of the 201st military base", 201, "military"),
        ("in front of 52,400 fans", 52400, "fans"),
        ("Three goals came late", 3, "goals"),
        ("install 30 new sensors", 30, "new sensors"),
        ("a third goal in the end", 3, "goal"),
        ("funded with $1.5 million", 1_500_000, "dollars"),
        ("sold for $1.2bn last year", 1_200_000_000, "dollars"),
        ("a £40m transfer fee", 40_000_000, "pounds"),
        ("takes home A$3.5 million in prize money", 3_500_000, "dollars"),
        ("an audience of 2.3 million, up", 2_300_000, ""),
        ("The crowd of 39,414 was the largest", 39414, ""),  # grouped digits count
        ("their previous eight league matches", 8, "league matches"),  # not 8 leagues (24 mi)
        ("Derek Hollis, 52, of Salford, admitted fraud", 52, "age"),
        ("and that his wife, 49, knew nothing", 49, "age"),
        ("a driver, 34, was hurt", 34, "age"),
    ],
)
def test_counts(text: str, value: float, noun: str) -> None:
    [finding] = find_measures(text, [])
    assert (finding.quantity, finding.value, finding.noun) == (None, value, noun)
    assert finding.text in text and not text[: finding.span.start].endswith(("A", "US"))


@pytest.mark.parametrize(
    "text",
    [
        "crews of Mi-24 and F-16 aircraft",  # names with digits
        "they won 3-1 at 2:30",  # a score and a time
        "one of them said 12 in the morning",  # no unit, no noun counted
        "fell by a third during the works",  # a fraction, not the third of something
        "the 2022 season",  # a year
        "samples would return in the 2030s",  # a decade, not 2,030 seconds
        "the music of the 1980s and 90s",
        "hundreds of people gathered",  # no number to ask for
        "it weighs 3 g in all",  # a one-letter unit after a space: a grade, a gear, a group
        "In March, 12, 14 and 15 were chosen",  # no one's age after a month
        "the rooms were 4, 5, 6 and 7",  # a list of numbers, no age
        "by then the score, 3, was level",  # between commas, but not after a person
        "restored supply to three quarters of the homes",  # a fraction, not three quarters
    ],
)
def test_not_measures(text: str) -> None:
    assert find_measures(text, []) == []


def quotations(text: str) -> list[tuple[str, str, bool]]:
    article = Article.from_text("test", text)
    return [(q.speaker, q.quote, q.organisation) for q in find_quotations(text, article.sentences)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Defense Minister Sergei Shoigu spoke first. "
            '"The threat is growing in the region," Shoigu said.',
            ("Sergei Shoigu", "The threat is growing in the region", False),
        ),
        (
            '"We were surprised by the speed," said Dr. Anna Keller, a glaciologist at ETH.',
            ("Anna Keller", "We were surprised by the speed", False),
        ),
        (
            "According to the Federal Office for the Environment, glaciers lost 6% of their ice.",
            ("Federal Office for the Environment", "glaciers lost 6% of their ice", True),
        ),
        (
            "Coach Mike Brown told reporters that the team had played its best game.",
            ("Mike Brown", "the team had played its best game", False),
        ),
        (
            "The Northern League's statement said the final drew a record audience.",
            ("Northern League", "the final drew a record audience", True),
        ),
        (
            "The water now flows at 25 cubic metres per second, Huss said, in high summer.",
            ("Huss", "The water now flows at 25 cubic metres per second", False),
        ),
        (
            "The Swiss National Science Foundation paid for it. "
            "The foundation's statement said the data would help towns plan ahead.",
            ("Swiss National Science Foundation", "the data would help towns plan ahead", True),
        ),
        (
            "Prime Minister Jane Holt told the BBC on Sunday that the plan would cost more.",
            ("Jane Holt", "the plan would cost more", False),
        ),
        (
            "Holt's aide Tom Reyes said Tuesday the plan was sound and fully costed.",
            ("Tom Reyes", "the plan was sound and fully costed", False),
        ),
        (
            "‘We didn’t expect this many people,’ said Mayor Ruth Adler of Leeds.",
            ("Ruth Adler", "We didn’t expect this many people", False),
        ),
        (
            '"We will be back in the fall," Sen. Susan Collins of Maine said in an interview.',
            ("Susan Collins", "We will be back in the fall", False),
        ),
        (
            'House Speaker Mike Johnson said the bill was "far from perfect" but necessary.',
            ("Mike Johnson", 'the bill was "far from perfect" but necessary', False),
        ),
        (
            "Western Power Distribution said engineers had restored supply to most homes.",
            ("Western Power Distribution", "engineers had restored supply to most homes", True),
        ),
        (
            "The White House said in a statement that the talks would resume soon.",
            ("White House", "the talks would resume soon", True),
        ),
        (
            "Shoigu said Tajikistan remains a close partner of Russia in the region.",
            ("Shoigu", "Tajikistan remains a close partner of Russia in the region", False),
        ),
        (
            "The campus is expected to open by 2026 at the latest, Apple said in a statement.",
            ("Apple", "The campus is expected to open by 2026 at the latest", True),
        ),
        (
            '"This is a huge win for our state," Gov. Roy Cooper told reporters on Monday.',
            ("Roy Cooper", "This is a huge win for our state", False),
        ),
        (
            '"These rocks are the best place to look," said Katie Stack Morgan, a scientist. '
            "Stack Morgan added that samples would be returned to Earth.",
            ("Katie Stack Morgan", "These rocks are the best place to look", False),
        ),
        (
            "The state news agency, TASS, reported that the exercise will last four days.",
            ("TASS", "the exercise will last four days", True),
        ),
        (
            "Commissioner Dmytro Lubinets said at least 8,000 Ukrainians remain in captivity.",
            ("Dmytro Lubinets", "at least 8,000 Ukrainians remain in captivity", False),
        ),
    ],
)
def test_quotations(text: str, expected: tuple[str, str, bool]) -> None:
    assert quotations(text)[0] == expected


def test_he_said_and_a_continued_quote_go_to_the_last_speaker() -> None:
    text = (
        "Striker Leah Okafor scored twice. Later Okafor said the team had earned it.\n"
        '"I dreamed of this day as a child," she said. "The fans carried us."'
    )
    assert [q[0] for q in quotations(text)] == ["Leah Okafor"] * 3


@pytest.mark.parametrize(
    "after",
    [
        ' "Go."',  # too short
        " Then the weather turned and the square emptied as the crowds left the centre in the "
        "rain; nobody stayed long, and the stalls were packed away well before the evening. "
        '"The fans carried us all the way."',  # too far from the quote it would continue
    ],
    ids=["too-short", "too-far"],
)
def test_a_continued_quote_must_be_near_and_long_enough(after: str) -> None:
    text = '"We will win this," said Mayor Ruth Adler.' + after
    assert quotations(text) == [("Ruth Adler", "We will win this", False)]


@pytest.mark.parametrize(
    "text",
    [
        "Midfielder Tom Brennan added a third goal in the 78th minute.",  # "added" a thing
        "Governor Ann Roy told reporters at a news conference in the capital city.",
        "The researchers found that the ice is thinning fast.",  # no named speaker
        "According to a study published in March, glaciers are shrinking.",  # not a name
        '"An unattributed line of dialogue," nobody knows who.',
        '"Yes, sir," said Putin.',  # too few quoted words to ask about
    ],
)
def test_not_attributed(text: str) -> None:
    assert quotations(text) == []


def _time_to_find(text: str) -> float:
    started = time.perf_counter()
    article = Article.from_text("x", text)
    find_dates(text)
    find_measures(text, [])
    find_quotations(text, article.sentences)
    return time.perf_counter() - started


def test_finders_take_linear_time_on_hostile_text() -> None:
    # Unclosed quote marks, endless digits and month names, one paragraph with no sentence
    # end: four times the text must take about four times as long, not sixteen.
    unit = "“" + "9" * 50 + " May " * 20 + '"' + "a" * 100 + ", " * 30
    small, large = _time_to_find(unit * 100), _time_to_find(unit * 400)
    assert large < 8 * small + 0.5, (small, large)


def test_a_two_word_family_name_takes_the_first_full_mention() -> None:
    text = (
        '"These rocks are the best place to look," said Katie Stack Morgan, a scientist. '
        "Stack Morgan added that samples would be returned to Earth. "
        "Bill Nelson told reporters that it was a giant step."
    )
    assert [speaker for speaker, _, _ in quotations(text)] == [
        "Katie Stack Morgan",
        "Katie Stack Morgan",
        "Bill Nelson",
    ]


def test_a_two_word_family_name_after_two_given_names_takes_the_full_name() -> None:
    text = (
        "Judge Maria Elena Garcia Lopez opened the hearing on Monday. "
        "Garcia Lopez said the evidence was weak and the case would be dropped."
    )
    assert quotations(text)[0][0] == "Maria Elena Garcia Lopez"


def test_a_longer_mention_with_a_title_or_capitals_is_not_a_given_name() -> None:
    text = (
        "NASA Administrator Bill Nelson watched the launch. "
        "Bill Nelson said it was a giant step for the agency."
    )
    assert quotations(text)[0][0] == "Bill Nelson"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A one-word name never given in full is a person named by family name...
        ("Karimov said the border would stay open for traders.", ("Karimov", False)),
        # ...unless the article or common knowledge makes it an organisation.
        ("Reuters said the border would stay open for traders.", ("Reuters", True)),
        ("Parliament said the border would stay open for traders.", ("Parliament", True)),
        (
            "The news agency Asia-Plus covered it. Asia-Plus said the border would stay open.",
            ("Asia-Plus", True),
        ),
        ("The operator Nordvind said the farm would open in a year.", ("Nordvind", True)),
        (
            "Shares in chipmaker Veltrix fell. Veltrix said it would close two plants.",
            ("Veltrix", True),
        ),
        # A place speaks for its government or authorities.
        ("Moscow said the exchange had been agreed in talks.", ("Moscow", True)),
        (
            "Floods hit homes in Kulob on Monday. Kulob said the roads would reopen soon.",
            ("Kulob", True),
        ),
        ("KULOB – Floods hit homes. Kulob said the roads would reopen soon.", ("Kulob", True)),
    ],
)
def test_a_one_word_speaker_is_a_person_unless_named_as_an_organisation(
    text: str, expected: tuple[str, bool]
) -> None:
    speaker, _, organisation = quotations(text)[0]
    assert (speaker, organisation) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A group named only by its role is no one to ask "who said this?" about, and the
        # places after it are not the speaker.
        "Officials in Dushanbe, Khorog and Kulob said the roads would reopen by Friday.",
        "Health officials in Bern, Zurich and Basel said they would consider similar limits.",
        "Police in Kabul said the roads would reopen by Friday morning.",
        "Prosecutors said he moved the money into dozens of accounts over the years.",
        "Residents said the water had been cut off for three days.",
        "Neighbours said they had heard shouting in the early hours of the night.",
        "One, who did not want to be named, said police had been called twice before.",
        # A nationality names no one: "Zverev" would be a guess.
        'Zverev lost. "He is the best player in the world," the German told reporters.',
        "The ministry said the roads would reopen by Friday morning.",
    ],
)
def test_a_speaker_named_only_by_a_role_is_not_attributed(text: str) -> None:
    assert quotations(text) == []


def test_a_place_before_the_name_is_not_a_list_of_places() -> None:
    text = "In Khorog, Karimov said the roads would reopen by Friday morning."
    assert quotations(text)[0][0] == "Karimov"


def test_a_listener_before_that_is_not_part_of_what_was_said() -> None:
    text = "Shah told the court that at least 11 schools had waited years for repairs."
    assert quotations(text)[0][1] == "at least 11 schools had waited years for repairs"


def test_a_family_name_with_a_particle_takes_the_full_name() -> None:
    text = (
        '"This cave is like a library of the last 10,000 years," archaeologist Guillermo de '
        "Anda told Reuters. De Anda said the team had found the bones of 12 extinct animals."
    )
    assert [speaker for speaker, _, _ in quotations(text)] == ["Guillermo de Anda"] * 2


def test_a_quote_given_to_someone_unnamed_does_not_go_to_the_last_speaker() -> None:
    text = (
        '"I know Sascha will win one of these soon," Sinner said. Zverev was gracious. '
        '"He is the best player in the world by a distance," the German told reporters.'
    )
    assert [speaker for speaker, _, _ in quotations(text)] == ["Sinner"]
