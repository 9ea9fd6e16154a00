"""The announcement as cleaned lines, keeping the layout hints the extractors rely on.

Markdown, HTML and PDF all arrive as Markdown-like text (see reading.py); here the
markup is removed from each line but remembered as flags (heading level, bold,
list item), because layout is much of what tells a title from a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

_BULLETS = "•▷►▶➤➢→✓✔■□◆◇○●◦·-–—*+>|"
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>", re.I)
_BBCODE = re.compile(r"\[/?[a-z][a-z ]{0,30}\](?!\()|(?<=\s)/?[a-z]{2,10}\](?!\()|^/?[a-z]{2,10}\](?!\()")
_ESCAPE = re.compile(r"\\+([\\_*\[\]()#.!\-+`])")


@dataclass
class Line:
    text: str  # the line without markup
    index: int  # position in Document.lines
    para: int  # paragraph number; blank lines and rules separate paragraphs
    heading: int = 0  # Markdown heading level, 0 when not a heading
    bold: bool = False  # the whole line is emphasised
    item: bool = False  # a list item or a quoted line
    rule: bool = False  # a horizontal rule (---): a section break

    @cached_property
    def words(self) -> list[str]:
        return re.findall(r"[\w'’-]+", self.text)


class Document:
    """Cleaned lines and paragraphs of one announcement."""

    def __init__(self, text: str):
        self.lines: list[Line] = []
        para = 0
        pending_break = False
        bold_open = False  # a **bold** span may wrap over several lines of a paragraph
        for raw in text.split("\n"):
            stripped = raw.strip()
            if not stripped or re.fullmatch(r"[-_*=~]{3,}", stripped):
                if re.fullmatch(r"[-_*=~]{3,}", stripped or ""):
                    self.lines.append(Line(text="", index=len(self.lines), para=para + 1, rule=True))
                    para += 1
                pending_break = True
                bold_open = False
                continue
            if pending_break and self.lines:
                para += 1
            pending_break = False
            line = parse_line(raw, len(self.lines), para)
            stripped = stripped.lstrip("#>•▷►▶➤-* ").strip() if not stripped.startswith("**") else stripped
            bold_after = bold_open ^ (stripped.count("**") % 2 == 1)
            if (bold_open or stripped.startswith("**")) and (stripped.endswith("**") or bold_after):
                line.bold = True
            bold_open = bold_after
            if line.text:
                self.lines.append(line)
        self.text = "\n".join(line.text for line in self.lines)

    @cached_property
    def paragraphs(self) -> list[list[Line]]:
        groups: dict[int, list[Line]] = {}
        for line in self.lines:
            if not line.rule:
                groups.setdefault(line.para, []).append(line)
        return list(groups.values())

    @cached_property
    def flat(self) -> str:
        """Paragraphs joined with spaces: sentences that wrap over lines become whole again."""
        return "\n".join(" ".join(ln.text for ln in para) for para in self.paragraphs)


def parse_line(raw: str, index: int, para: int) -> Line:
    text = raw.strip()
    heading = 0
    match = re.match(r"^(#{1,6})\s+", text)
    if match:
        heading = len(match.group(1))
        text = text[match.end() :]
    item = False
    while text and (text[0] in _BULLETS) and not text.startswith(("**", "--")):
        if text[0] in "-–—+*" and len(text) > 1 and not text[1].isspace():
            break  # "-10 %" or "*italic*" is not a bullet
        text = text[1:].lstrip()
        item = True
    text = _AUTOLINK.sub(r"\1", text)
    text = _MD_LINK.sub(lambda m: _link_text(m.group(1), m.group(2)), text)
    text = _ESCAPE.sub(r"\1", text)
    text = _BBCODE.sub(" ", text)
    bold = bool(re.fullmatch(r"(\*\*|__).+(\*\*|__)\s*", text.strip()))
    text = text.replace("**", " ").replace("__", " ")
    text = re.sub(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", text)
    text = re.sub(r"(?<![\w#])#\s*$", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.)])", r"\1", text)
    return Line(text=text, index=index, para=para, heading=heading, bold=bold, item=item)


def _link_text(label: str, target: str) -> str:
    target = target.strip()
    if target.lower().startswith("mailto:"):
        address = target[7:]
        return label if address in label else f"{label} {address}".strip()
    if not label.strip() or label.strip() == target or _ESCAPE.sub(r"\1", label.strip()) == target:
        return target
    return f"{label} {target}"


def fold(text: str) -> str:
    """Lowercase without accents, for keyword tests."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def tidy_case(text: str) -> str:
    """Sentence case for text set in capitals; other text is left as written."""
    # Runs of two or more capitalised words inside mixed text ("L'INTERVENTION COLLECTIVE dans…").
    text = (
        re.sub(r"\b[A-ZÀ-Ý'’-]{3,}(?:\s+[A-ZÀ-Ý'’-]{2,})+\b", lambda m: m.group(0).lower(), text)
        if not is_upper(text)
        else text
    )
    parts = re.split(r"(\s*:\s*)", text)
    out = []
    for part in parts:
        if is_upper(part):
            part = part.lower()
            part = part[:1].upper() + part[1:]
        out.append(part)
    result = "".join(out)
    return result[:1].upper() + result[1:] if result and result[0].isalpha() else result
