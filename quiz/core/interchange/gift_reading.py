"""Moodle GIFT read into draft questions: one question per blank-line-separated block.

Written from the grammar in Moodle's GIFT documentation. What our types cannot hold (partial
credit, per-answer feedback, a second numerical range) becomes a note on the question.
"""

from __future__ import annotations

import re

from quiz.core.interchange.gift_answers import (
    BLANK,
    Shape,
    around,
    read_choice,
    read_matching,
    read_numerical,
    read_short_answer,
    read_truefalse,
)
from quiz.core.interchange.gift_scanning import (
    CATEGORY,
    Block,
    Parts,
    blocks,
    restore,
    split_answers,
    split_question,
)
from quiz.core.interchange.html_text import html_to_text, looks_like_html, tidy
from quiz.core.interchange.records import (
    Draft,
    Imported,
    InterchangeError,
    MalformedError,
    read_input_text,
)

NO_BACK = "(no answer was given in the original)"
_TRUEFALSE = frozenset({"T", "F", "TRUE", "FALSE"})
# Moodle reads `// [tag:x]` and `// [id:x]` in a question's comments. Bounded, no nesting.
_COMMENT_TAG = re.compile(r"\[tag:([^\]\n]{1,100})\]")
_COMMENT_ID = re.compile(r"\[id:([^\]\n]{1,100})\]")
_CATEGORY_SKIPPED = re.compile(r"^\$\w+\$$|^top$|^Default for ", re.IGNORECASE)


def read_gift(raw: bytes, title: str) -> Imported:
    """Every question of a GIFT file; malformed ones are in `errors`, each at its line."""
    imported = Imported(title, [])
    tags: list[str] = []
    for block in blocks(read_input_text(raw)):
        first = block.lines[0].strip()
        if first.startswith(CATEGORY):
            tags = category_tags(first[len(CATEGORY) :])
            block = Block(block.lines[1:], block.numbers[1:], block.comments)
            if not block.lines:
                continue
        try:
            imported.drafts.append(read_question(block, tags))
        except InterchangeError as error:
            imported.errors.append(error)
    return imported


def category_tags(path: str) -> list[str]:
    """`$course$/top/Geography/Europe` → [Geography, Europe]: Moodle's own levels left out."""
    parts = [restore(part).strip() for part in path.split("/")]
    return [part for part in parts if part and not _CATEGORY_SKIPPED.search(part)]


def read_question(block: Block, tags: list[str]) -> Draft:
    parts = split_question(block)
    where = str(block.numbers[0])
    draft = Draft(where, parts.title, {}, comments=list(block.comments))
    before = _clean(parts.before, parts.text_format, draft)
    after = _clean(parts.after, parts.text_format, draft)
    try:
        shape = _shape(parts, before, after, draft)
    except MalformedError as error:
        raise InterchangeError(str(block.line_at(parts.body_offset)), str(error)) from error
    comments = "\n".join(block.comments)
    named = _COMMENT_ID.search(comments)
    draft.name = draft.name or (named.group(1).strip() if named else "") or shape.name
    draft.fields = {"type": shape.type, **shape.fields}
    if shape.explanation:
        draft.fields["explanation"] = shape.explanation
    tags = [*tags, *(t.strip() for t in _COMMENT_TAG.findall(comments) if t.strip())]
    if tags:
        draft.fields["tags"] = list(dict.fromkeys(tags))
    draft.notes.extend(shape.notes)
    return draft


def _shape(parts: Parts, before: str, after: str, draft: Draft) -> Shape:
    if parts.body is None:
        return _description(parts.title, before)
    body, general = _general_feedback(parts.body, parts.text_format, draft)
    missing_word = bool(after)
    prompt = around(before, BLANK, after) if missing_word else before
    if not prompt:
        prompt = parts.title
    if not prompt:
        raise MalformedError("the question has no text before its answers")
    shape = _answers(body, prompt, before, after, missing_word, parts.text_format, draft)
    shape.name = prompt  # the blank in place of a missing word: the id never names the answer
    if general:
        if shape.explanation and shape.type != "card":
            shape.notes.append(f"feedback on the right answer: {shape.explanation!r}")
        shape.explanation = general
    if shape.type == "card" and shape.explanation:
        shape.fields["back"], shape.explanation = shape.explanation, ""
    elif shape.type == "card":
        shape.fields["back"] = NO_BACK
        shape.notes.append("a model answer: the essay gives none (####), so write the card's back")
    return shape


def _answers(
    body: str,
    prompt: str,
    before: str,
    after: str,
    missing_word: bool,
    text_format: str,
    draft: Draft,
) -> Shape:
    stripped = body.strip()
    if not stripped:
        return Shape("card", {"front": prompt, "back": ""})
    if stripped.startswith("#"):
        return read_numerical(split_answers(stripped[1:]), prompt)
    if stripped.split("#", 1)[0].strip().upper() in _TRUEFALSE:
        return read_truefalse(stripped, prompt)

    def clean(text: str) -> str:
        return _clean(text, text_format, draft)

    answers = split_answers(body)
    # Moodle's order: a '~' anywhere makes multiple choice, then '->' makes matching.
    if any(answer.marker == "~" for answer in answers):
        return read_choice(answers, prompt, clean)
    if any("->" in answer.text for answer in answers):
        return read_matching(answers, prompt, clean)
    if all(answer.marker == "=" for answer in answers):
        cloze = (before, after) if missing_word else None
        return read_short_answer(answers, prompt, cloze, clean)
    return read_choice(answers, prompt, clean)


def _description(title: str, text: str) -> Shape:
    if title and text:
        return Shape("card", {"front": title, "back": text}, name=title)
    return Shape(
        "card",
        {"front": text or title, "back": NO_BACK},
        ["an answer: a description has none, so write the card's back"],
        name=text or title,
    )


def _general_feedback(body: str, text_format: str, draft: Draft) -> tuple[str, str]:
    if "####" not in body:
        return body, ""
    answers, _, general = body.rpartition("####")  # the last one, as Moodle reads it
    return answers, _clean(general, text_format, draft)


def _clean(text: str, text_format: str, draft: Draft) -> str:
    """Placeholders restored; HTML (marked, or Moodle's default format) made plain text."""
    text = restore(text)
    if text_format == "html" or (text_format == "moodle" and looks_like_html(text)):
        text, media = html_to_text(text)
        draft.notes.extend(f"media: {item}" for item in media)
        return text
    return tidy(text)
