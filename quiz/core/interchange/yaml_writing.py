"""Writing drafts as a readable bank file: block style, one question per entry, notes above."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from quiz.core.interchange.records import Draft

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 40


class _BlockDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Multi-line texts as `|` blocks, lists of short texts inline: what an author would type."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    inline = all(isinstance(item, str) and "\n" not in item for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=inline)


_BlockDumper.add_representer(str, _represent_text)
_BlockDumper.add_representer(list, _represent_list)


def slug(text: str, fallback: str) -> str:
    """A short id from a title or prompt: ascii words joined by dashes, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _NOT_SLUG.sub(" ", ascii_text.lower()).split()
    result = ""
    for word in words:
        if len(result) + len(word) + 1 > _MAX_SLUG and result:
            break
        result = f"{result}-{word}" if result else word[:_MAX_SLUG]
    return result or fallback


def unique_ids(drafts: list[Draft]) -> list[str]:
    """One id per draft, made from its name, with -2, -3... where two names give the same."""
    used: set[str] = set()
    # The last suffix tried per name: counting from 2 each time was quadratic in the repeats
    # (a 4 MB CSV of one repeated row took hours).
    last_count: dict[str, int] = {}
    ids = []
    for number, draft in enumerate(drafts, 1):
        base = slug(draft.name, f"{draft.fields.get('type', 'question')}-{number}")
        candidate, count = base, last_count.get(base, 1)
        while candidate in used:
            count += 1
            candidate = f"{base}-{count}"
        last_count[base] = count
        used.add(candidate)
        ids.append(candidate)
    return ids


def question_entry(question_id: str, draft: Draft, notes: bool = True) -> str:
    """One `- id: ...` list entry, indented under `questions:`, its comments above it."""
    mapping: dict[str, Any] = {"id": question_id, **draft.fields}
    body = yaml.dump(
        mapping,
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    lines = body.rstrip("\n").split("\n")
    entry = ["  - " + lines[0], *("    " + line if line else "" for line in lines[1:])]
    remarks = [*draft.comments, *(f"not carried: {n}" for n in draft.notes)] if notes else []
    comments = [f"  # {line}" for remark in remarks for line in remark.split("\n")]
    return "\n".join([*comments, *entry]) + "\n"


def bank_text(title: str, entries: list[str], origin: str) -> str:
    """The whole bank file: where it came from, its title, and the question entries."""
    head = yaml.dump({"title": title}, Dumper=_BlockDumper, allow_unicode=True, width=100)
    return f"# Imported from {origin} by `quiz import`.\n{head}questions:\n" + "\n".join(entries)
