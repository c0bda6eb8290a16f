"""CSV read into cards (or typed-answer questions): `front,back[,tags]` under a header row.

The header names the columns (front/question, back/answer, tags, explanation, in any order,
as `quiz export --format csv` writes them); a header that names none is taken by position.
"""

from __future__ import annotations

import csv
import io
import re

from quiz.core.interchange.records import Draft, Imported, InterchangeError, read_input_text

_COLUMNS = {
    "front": ("front", "question", "prompt"),
    "back": ("back", "answer"),
    "tags": ("tags", "tag"),
    "explanation": ("explanation", "notes", "extra"),
}
_TAG_SEPARATORS = re.compile(r"[\s,;]+")


def read_csv(raw: bytes, title: str, as_text: bool = False) -> Imported:
    """One `card` per row (a `text` question with `as_text`); bad rows noted and skipped."""
    imported = Imported(title, [])
    reader = csv.reader(io.StringIO(read_input_text(raw), newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InterchangeError("1", "the file is empty: write a header row front,back,tags")
        columns = _columns(header)
        line = reader.line_num + 1
        for row in reader:
            _row(imported, row, columns, str(line), as_text)
            line = reader.line_num + 1
    except csv.Error as error:
        raise InterchangeError(str(reader.line_num), f"not valid CSV: {error}") from error
    return imported


def _columns(header: list[str]) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    found = {
        key: next(names.index(n) for n in aliases if n in names)
        for key, aliases in _COLUMNS.items()
        if any(n in names for n in aliases)
    }
    if "front" in found and "back" in found:
        return found
    if len(header) < 2:
        raise InterchangeError(
            "1", "the header row must name two columns or more: front,back[,tags]"
        )
    return {"front": 0, "back": 1, **({"tags": 2} if len(header) > 2 else {})}


def _row(
    imported: Imported, row: list[str], columns: dict[str, int], where: str, as_text: bool
) -> None:
    if not any(cell.strip() for cell in row):
        return
    values = {key: row[index].strip() if index < len(row) else "" for key, index in columns.items()}
    if not values["front"] or not values["back"]:
        side = "front" if not values["front"] else "back"
        imported.notes.append((where, f"skipped: the row has no {side}"))
        return
    if as_text:
        fields: dict[str, object] = {"type": "text", "prompt": values["front"]}
        fields["answer"] = values["back"]
    else:
        fields = {"type": "card", "front": values["front"], "back": values["back"]}
    if values.get("explanation"):
        fields["explanation"] = values["explanation"]
    tags = [tag for tag in _TAG_SEPARATORS.split(values.get("tags", "")) if tag]
    if tags:
        fields["tags"] = tags
    imported.drafts.append(Draft(where, values["front"], fields))
