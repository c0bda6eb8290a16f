"""HTML (from Anki fields or GIFT's [html] text) turned into plain text, media noted."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table"}
)
_HIDDEN = frozenset({"script", "style", "head", "title"})
_SPACES = re.compile(r"[ \t\u00a0]+")
# Looks like markup: a tag or an entity. One bounded class after a single letter: linear.
_LOOKS_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s>/]|&#?[a-zA-Z0-9]+;")
_SOUND = re.compile(r"\[sound:([^\]\n]{1,300})\]")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in ("img", "audio", "video", "source", "object", "embed"):
            source = dict(attrs).get("src") or tag
            self.media.append(f"{tag} {source}")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The text a reader sees, one paragraph per line, and the media it referred to."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    media = collector.media + [f"sound {name}" for name in _SOUND.findall(markup)]
    text = _SOUND.sub("", "".join(collector.parts))
    # Markup spaces its blocks itself: every break is one line break, never an empty line.
    return "\n".join(line for line in tidy(text).split("\n") if line), media


def looks_like_html(text: str) -> bool:
    return _LOOKS_HTML.search(text) is not None


def tidy(text: str) -> str:
    """Runs of spaces made one, lines trimmed, at most one empty line in a row."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()
