"""One Anki note made into drafts: Basic (and reversed) → `card`, Cloze → `cloze`.

Fields are found by name (Front/Back, Text/Back Extra, and our own export's Answer and
Explanation), else by position; HTML becomes plain text and media references are noted.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.core.interchange.html_text import html_to_text
from quiz.core.interchange.records import Draft

_FRONT = ("front", "text", "question")
_BACK = ("back", "answer")
_EXTRA = ("explanation", "back extra", "extra")
_REVERSE_SWITCH = "add reverse"


@dataclass(frozen=True)
class NoteType:
    name: str
    cloze: bool
    fields: list[str]
    templates: int


def read_note(where: str, note_type: NoteType, values: list[str], tags: list[str]) -> list[Draft]:
    notes: list[str] = []
    named = _texts(note_type.fields, values, notes)
    if note_type.cloze:
        return _cloze(where, named, tags, notes)
    return _cards(where, note_type, named, tags, notes)


def _texts(names: list[str], values: list[str], notes: list[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for index, value in enumerate(values):
        name = names[index].lower() if index < len(names) else f"field {index + 1}"
        text, media = html_to_text(value)
        notes.extend(f"media: {item}" for item in media)
        texts[name] = text
    return texts


def _pick(texts: dict[str, str], names: tuple[str, ...], position: int) -> tuple[str, str]:
    for name in names:
        if name in texts:
            return name, texts[name]
    keys = list(texts)
    return (keys[position], texts[keys[position]]) if position < len(keys) else ("", "")


def _cards(
    where: str, note_type: NoteType, texts: dict[str, str], tags: list[str], notes: list[str]
) -> list[Draft]:
    front_name, front = _pick(texts, _FRONT, 0)
    back_name, back = _pick(texts, _BACK, 1)
    if not front or not back:
        return []
    fields: dict[str, object] = {"type": "card", "front": front, "back": back}
    used = {front_name, back_name, _REVERSE_SWITCH}
    _extras(fields, texts, used, tags, notes)
    drafts = [Draft(where, front, fields, notes)]
    if _reversed(note_type, texts):
        reverse = {**fields, "front": back, "back": front}
        drafts.append(Draft(where, f"{back} reversed", reverse))
    return drafts


def _reversed(note_type: NoteType, texts: dict[str, str]) -> bool:
    if note_type.templates < 2:
        return False
    return bool(texts.get(_REVERSE_SWITCH, "x"))


def _extras(
    fields: dict[str, object],
    texts: dict[str, str],
    used: set[str],
    tags: list[str],
    notes: list[str],
) -> None:
    name, extra = next(((n, texts[n]) for n in _EXTRA if texts.get(n)), ("", ""))
    if extra:
        fields["explanation"] = extra
    for other, text in texts.items():
        if other not in used and other != name and text:
            notes.append(f"field {other!r}: {text[:60]!r}")
    if tags:
        fields["tags"] = tags


def _cloze(where: str, texts: dict[str, str], tags: list[str], notes: list[str]) -> list[Draft]:
    name, text = _pick(texts, ("text",), 0)
    converted, numbers = cloze_blanks(text, notes)
    if len(numbers) > 1:
        shown = ", ".join(f"c{n}" for n in sorted(numbers))
        notes.append(f"one Anki card per deletion ({shown}): here they are one cloze")
    fields: dict[str, object] = {"type": "cloze", "text": converted}
    _extras(fields, texts, {name}, tags, notes)
    return [Draft(where, _first_words(text), fields, notes)]


def _first_words(text: str) -> str:
    """The cloze text with its deletions left out, for an id that does not name an answer."""
    out, index = [], 0
    while (start := text.find("{{c", index)) >= 0:
        out.append(text[index:start])
        end = text.find("}}", start)
        index = len(text) if end < 0 else end + 2
    out.append(text[index:])
    return "".join(out)


def cloze_blanks(text: str, notes: list[str]) -> tuple[str, set[int]]:
    """`{{c1::answer::hint}}` → `[[answer]]`, scanning once; the deletion numbers found."""
    out: list[str] = []
    numbers: set[int] = set()
    index = 0
    while (start := text.find("{{c", index)) >= 0:
        digits = start + 3
        while digits < len(text) and text[digits].isdecimal():
            digits += 1
        if digits == start + 3 or not text.startswith("::", digits):
            out.append(text[index : start + 3])
            index = start + 3
            continue
        end = text.find("}}", digits)
        if end < 0:  # no deletion closes after this point: the rest is text (and stays linear)
            break
        answer, _, hint = text[digits + 2 : end].partition("::")
        if hint:
            notes.append(f"the cloze hint {hint!r}")
        if "|" in answer or "[[" in answer or "]]" in answer:
            notes.append(f"'|', '[[' and ']]' in {answer!r} (made '/' and parentheses)")
            answer = answer.replace("|", "/").replace("[[", "(").replace("]]", ")")
        out.append(f"{text[index:start]}[[{answer.strip()}]]")
        numbers.add(int(text[start + 3 : digits]))
        index = end + 2
    out.append(text[index:])
    return "".join(out), numbers
