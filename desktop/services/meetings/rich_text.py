"""The minutes' rich text (HTML as the editor stores it) read back as typographic blocks, without Qt.

The editor saves Qt's rich-text HTML. Exports (Word, print) need only what a 纪要 can carry: headings of three
levels, paragraphs, list items and bold spans. Everything else in the HTML (fonts, sizes, colours, margins left
over from a paste) is deliberately dropped here so it can never reach the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# C0/C1 control characters, except TAB and LF; a paste from Word or a web page brings them along (U+000B vertical
# tab from Word line breaks, U+0007 from table cells, U+FEFF/U+200B zero-width marks).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u200b\ufffe\uffff]")
_HEADING_NUMBER = (
    (1, re.compile(r"^[一二三四五六七八九十百]+、")),
    (2, re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")),
    (3, re.compile(r"^\d+[.．、]")),
)


def clean_line(text: str) -> str:
    """Text as it may be stored and printed: control characters gone, no-break spaces as plain spaces."""
    return _CONTROL.sub("", text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n"))


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass
class Block:
    """One paragraph-level element: kind is "h1", "h2", "h3", "p" or "li"; ordinal numbers ordered-list items."""

    kind: str
    spans: list[Span] = field(default_factory=list)
    ordinal: int | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def heading_level(self) -> int:
        return {"h1": 1, "h2": 2, "h3": 3}.get(self.kind, 0)


def numbered_level(text: str) -> int:
    """The level a heading number at the start implies (一、 → 1, （一） → 2, 1. → 3), 0 when none."""
    for level, pattern in _HEADING_NUMBER:
        if pattern.match(text):
            return level
    return 0


def strip_number(text: str) -> str:
    """The heading text without a typed 一、/（一）/1. prefix, so the exporter can number headings itself."""
    level = numbered_level(text)
    if not level:
        return text
    return _HEADING_NUMBER[level - 1][1].sub("", text, count=1).lstrip()


_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre"}
_BOLD_TAGS = {"b", "strong"}
_SKIP_TAGS = {"head", "style", "script", "title", "xml"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]\d\d)", re.IGNORECASE)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._current: Block | None = None
        self._bold: list[bool] = []
        self._skip = 0
        self._lists: list[list[int]] = []  # per open list: [ordered?, counter]

    def _open(self, kind: str, ordinal: int | None = None) -> None:
        self._close()
        self._current = Block(kind, ordinal=ordinal)

    def _close(self) -> None:
        if self._current is not None and self._current.text.strip():
            self.blocks.append(self._current)
        self._current = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        style = dict(attrs).get("style") or ""
        if tag in ("ol", "ul"):
            self._lists.append([1 if tag == "ol" else 0, 0])
        elif tag == "li":
            ordinal = None
            if self._lists:
                self._lists[-1][1] += 1
                ordinal = self._lists[-1][1] if self._lists[-1][0] else None
            self._open("li", ordinal)
        elif tag in ("h1", "h2", "h3"):
            self._open(tag)
        elif tag in ("h4", "h5", "h6"):
            self._open("h3")
        elif tag in _BLOCK_TAGS:
            self._open("p")
        elif tag == "br":
            kind = self._current.kind if self._current is not None else "p"
            self._open("p" if kind == "li" else kind)
        if tag not in _VOID_TAGS:
            inherited = self._bold[-1] if self._bold else False
            self._bold.append(inherited or tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(style)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        if tag in _BLOCK_TAGS:
            self._close()
        if self._bold and tag not in _VOID_TAGS:
            self._bold.pop()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        text = clean_line(data).replace("\n", " ")
        if not text:
            return
        if self._current is None:
            if not text.strip():
                return
            self._current = Block("p")
        bold = self._bold[-1] if self._bold else False
        spans = self._current.spans
        if spans and spans[-1].bold == bold:
            spans[-1] = Span(spans[-1].text + text, bold)
        else:
            spans.append(Span(text, bold))

    def close(self) -> None:
        super().close()
        self._close()


def _trim(block: Block) -> Block:
    spans = list(block.spans)
    if spans:
        spans[0] = Span(spans[0].text.lstrip(" \t\u3000"), spans[0].bold)
        spans[-1] = Span(spans[-1].text.rstrip(), spans[-1].bold)
    return Block(block.kind, [s for s in spans if s.text], block.ordinal)


def parse_minutes(text: str) -> list[Block]:
    """Blocks of the stored minutes; plain text (one paragraph a line) is accepted too, e.g. from an import.

    A paragraph typed as "一、……" without the heading style, short and without a full stop, is taken as the
    heading it obviously is, so minutes pasted from Word without styles still print with the right fonts.
    """
    if not text or not text.strip():
        return []
    if "<" not in text:
        blocks = [Block("p", [Span(line)]) for line in clean_line(text).split("\n") if line.strip()]
    else:
        reader = _Reader()
        reader.feed(text)
        reader.close()
        blocks = reader.blocks
    result = []
    for block in blocks:
        block = _trim(block)
        if not block.spans:
            continue
        plain = block.text
        if block.kind == "p":
            level = numbered_level(plain)
            if level and len(plain) <= 40 and not plain.endswith(("。", "；", "：")):
                block = Block(f"h{level}", block.spans)
        result.append(block)
    return result
