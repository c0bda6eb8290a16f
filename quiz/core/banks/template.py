"""The file `quiz new` writes: a schema modeline, the bank's header, and one commented-out
example of every question type, each valid as soon as it is uncommented."""

from __future__ import annotations

import json

_EXAMPLES = """\
  # Uncomment an example (select it, then Ctrl+/ in most editors), rewrite it, repeat.
  # Every type is described in docs/format.md; `quiz validate` checks the file.

  # - id: closest-planet
  #   type: choice
  #   prompt: Which planet is closest to the Sun?
  #   choices: [Mercury, Venus, Earth, Mars]
  #   answer: Mercury
  #   explanation: Mercury orbits at about 0.39 astronomical units.
  #   check:
  #     right: ["Mercury"]
  #     wrong: ["Venus", "Mars"]

  # - id: boiling-point
  #   type: truefalse
  #   prompt: "True or false: at sea level, water boils at 100 °C."
  #   answer: true
  #   check:
  #     right: ["true", "yes"]
  #     wrong: ["false", "no"]

  # - id: photosynthesis-gas
  #   type: text
  #   prompt: Which gas do plants take in to make sugar?
  #   answer: carbon dioxide
  #   accept: [CO2]
  #   check:
  #     right: ["Carbon dioxide", "co2", "carbon dioxyde"]
  #     wrong: ["oxygen", "carbon"]

  # - id: hexagon-sides
  #   type: number
  #   prompt: How many sides does a hexagon have?
  #   answer: 6
  #   check:
  #     right: ["6", "six"]
  #     wrong: ["5", "8"]

  # - id: marathon-length
  #   type: quantity
  #   prompt: How long is a marathon?
  #   answer: 42.195 km
  #   tolerance: 1%
  #   check:
  #     right: ["42.195 km", "26.2 miles", "42195 m"]
  #     wrong: ["42", "42 miles"]

  # - id: wall-falls
  #   type: date
  #   prompt: On what date did the Berlin Wall fall?
  #   answer: 9 November 1989
  #   check:
  #     right: ["November 9, 1989", "1989-11-09", "9th November 1989"]
  #     wrong: ["November 1989", "9 November 1990"]

  # - id: opening-words
  #   type: who
  #   prompt: Who said this?
  #   quote: >-
  #     {who_quote}
  #   answer: {who_answer}
  #   check:
  #     right: ["{who_answer}", "{who_surname}"]
  #     wrong: ["{who_first}"]

  # - id: water-parts
  #   type: cloze
  #   text: Water is made of [[hydrogen]] and [[oxygen]].
  #   check:
  #     right: [["hydrogen", "oxygen"]]
  #     wrong: [["oxygen", "hydrogen"]]

  # - id: planets-order
  #   type: order
  #   prompt: Put these planets in order from the Sun, nearest first.
  #   items: [Mercury, Venus, Earth, Mars]
  #   check:
  #     right: [["Mercury", "Venus", "Earth", "Mars"]]
  #     wrong: [["Venus", "Mercury", "Earth", "Mars"]]

  # - id: capitals
  #   type: match
  #   prompt: Match each country to its capital.
  #   pairs:
  #     - [France, Paris]
  #     - [Italy, Rome]
  #     - [Spain, Madrid]
  #   check:
  #     right:
  #       - {{"France": "Paris", "Italy": "Rome", "Spain": "Madrid"}}
  #     wrong:
  #       - {{"France": "Rome", "Italy": "Paris", "Spain": "Madrid"}}

  # - id: photosynthesis-card
  #   type: card
  #   front: Photosynthesis
  #   back: How plants make sugar from light, water and carbon dioxide.
"""
# Without an article, a famous line; with one, its first sentence (quotes must be verbatim).
_WHO_QUOTE = "That's one small step for man, one giant leap for mankind."
_WHO_ANSWER = "Neil Armstrong"
_PLACEHOLDER_SPEAKER = "Jane Doe"


def new_bank(title: str, schema_ref: str, source: str | None, first_sentence: str | None) -> str:
    """The text of a new bank file; `source` is relative to it, `first_sentence` from it."""
    header = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "description: What this bank covers, in a sentence or two.",
        "tags: []",
        f"source: {json.dumps(source, ensure_ascii=False)}"
        if source
        else "# source: ../seeds/article.txt   # the article the quotes come from",
        "",
        "questions:",
    ]
    speaker = _PLACEHOLDER_SPEAKER if first_sentence else _WHO_ANSWER
    examples = _EXAMPLES.format(
        who_quote=(first_sentence or _WHO_QUOTE).replace("\n", " "),
        who_answer=speaker,
        who_surname=speaker.split()[-1],
        who_first=speaker.split()[0],
    )
    return "\n".join(header) + "\n" + examples
