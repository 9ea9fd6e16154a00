"""Turn an uploaded announcement (text, Markdown, HTML or PDF) into plain text.

The parser downstream works on lines and paragraphs, so every reader keeps the
structure it can see: blank lines between paragraphs, ``#`` before headings,
``**`` around bold lines, ``- `` before list items, `` | `` between table cells.
Every input is bounded in size, pages and time: announcements are short, and an
upload must never be able to hold a worker for long.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from django.utils.translation import gettext, gettext_lazy

from rencontres.core.formatting import format_file_size

from . import pdf_text

# Decimal megabytes, as the messages write sizes (« 10,0 Mo »).
MAX_BYTES = 10 * 1000 * 1000
MAX_PDF_PAGES = 60
MAX_TEXT_CHARS = 400_000
MAX_HTML_NODES = 300_000
# Real pages nest a few dozen elements deep; the HTML parser slows down with the square of the
# depth (50,000 nested <div> took 8 s of one worker, 200,000 several minutes), so a page nested
# deeper than this is refused before it is parsed.
MAX_HTML_DEPTH = 1_000

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class UnreadableAnnouncement(Exception):
    """The input cannot be turned into an announcement; ``message`` is French, for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_path(path: str | Path) -> str:
    """Read a file from disk, refusing oversized files before loading them."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise UnreadableAnnouncement(
            gettext("Le fichier « %(name)s » est introuvable ou illisible.") % {"name": path.name}
        ) from None
    _check_size(size)
    try:
        data = path.read_bytes()
    except OSError:
        raise UnreadableAnnouncement(
            gettext("Le fichier « %(name)s » ne peut pas être lu.") % {"name": path.name}
        ) from None
    return read_bytes(data, path.name)


def read_bytes(data: bytes, filename: str = "") -> str:
    """Return the announcement's text with structure hints, or raise UnreadableAnnouncement."""
    _check_size(len(data))
    kind = detect_format(data, filename)
    if kind == "pdf":
        text = pdf_to_text(data)
    elif kind == "html":
        text = html_to_text(decode_text(data))
    else:
        text = decode_text(data)
    return clean_text(text)


def _check_size(size: int) -> None:
    if size == 0:
        raise UnreadableAnnouncement(gettext("Le fichier est vide."))
    if size > MAX_BYTES:
        raise UnreadableAnnouncement(
            gettext("Le fichier pèse %(size)s : la limite est de %(limit)s.")
            % {"size": format_file_size(size), "limit": format_file_size(MAX_BYTES)}
        )


def detect_format(data: bytes, filename: str) -> str:
    """Decide from the content first: a suffix can lie, magic bytes rarely do."""
    suffix = Path(filename).suffix.lower()
    head = data[:1024].lstrip()
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if suffix == ".pdf":
        raise UnreadableAnnouncement(gettext("Ce fichier porte l'extension .pdf mais n'est pas un PDF valide."))
    if _looks_binary(data[:8192]):
        raise UnreadableAnnouncement(
            gettext("Format non reconnu : seuls les fichiers texte, Markdown, HTML et PDF peuvent être importés.")
        )
    lowered = head[:512].lower()
    if suffix in HTML_SUFFIXES or lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise UnreadableAnnouncement(
        gettext("Format « %(suffix)s » non pris en charge : importez un fichier texte, Markdown, HTML ou PDF.")
        % {"suffix": suffix}
    )


# Magic numbers of formats people upload by mistake (Word, images, archives).
_BINARY_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"{\\rtf")


def _looks_binary(sample: bytes) -> bool:
    if sample.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in sample:
        return not (sample.startswith((b"\xff\xfe", b"\xfe\xff")))
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM, or UTF-16 with BOM), else Windows-1252, as French offices write."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableAnnouncement(gettext("Le fichier texte n'est pas lisible (encodage inconnu).")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def clean_text(text: str) -> str:
    """Normalise Unicode and line ends, drop control characters, and refuse empty or huge text."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("\ufeff", "")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2028\u2029]", "", text)
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableAnnouncement(
            gettext("Le texte est trop long pour une annonce (plus de %(limit)d caractères).")
            % {"limit": MAX_TEXT_CHARS}
        )
    if not re.search(r"\w{2,}", text):
        raise UnreadableAnnouncement(gettext("Le document ne contient aucun texte exploitable."))
    return text


# --- HTML -----------------------------------------------------------------------------

# Never rendered as text: scripts and styles are dropped, so nothing in them runs or leaks.
_HTML_DROPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "nav",
    "footer",
    "head",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "-comment",
}
_HTML_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "main",
    "aside",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "blockquote",
    "address",
    "figure",
    "figcaption",
    "fieldset",
    "details",
    "summary",
    "hr",
    "center",
    "body",
    "html",
}
_DOC_HREF = re.compile(r"\.(?:pdf|docx?|odt|xlsx?|ods|pptx?|rtf)(?:[?#]\S*)?$", re.I)
_HTML_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def html_to_text(html: str) -> str:
    """Render HTML as Markdown-like text with selectolax (the C parser copes with any tag soup).

    The walk is iterative so that a deeply nested page cannot exhaust Python's stack.
    """
    from selectolax.lexbor import LexborHTMLParser

    check_html_depth(html)
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(root, True)]
    visited = 0
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            _close_html_node(node, tag, out)
            continue
        visited += 1
        if visited > MAX_HTML_NODES:
            raise UnreadableAnnouncement(gettext("La page HTML est trop complexe pour être importée."))
        if tag in _HTML_DROPPED:
            continue
        if tag == "-text":
            value = node.text_content or ""
            out.append(re.sub(r"\s+", " ", value))
            continue
        _open_html_node(node, tag, out)
        stack.append((node, False))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, True) for c in reversed(children))
    text = "".join(out)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n[ \t]+", "\n", text)
    text = re.sub(r"\*\*\s*\*\*", "", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
# Elements that never have content, or whose end tag HTML lets authors leave out: they do not
# nest, whatever the markup says.
_NOT_NESTING = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "p",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "option",
    "optgroup",
    "thead",
    "tbody",
    "tfoot",
    "colgroup",
    "caption",
    "rb",
    "rt",
    "rp",
    "rtc",
}


def check_html_depth(html: str) -> None:
    """Refuse, before parsing, a page whose elements nest deeper than MAX_HTML_DEPTH.

    A scan of the tags alone, in linear time: the parser itself is quadratic in the depth.
    """
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _NOT_NESTING:
            continue
        if closing:
            depth = max(depth - 1, 0)
            continue
        depth += 1
        if depth > MAX_HTML_DEPTH:
            raise UnreadableAnnouncement(
                gettext(
                    "La page HTML est trop longue à lire : ses éléments sont imbriqués sur plus de "
                    "%(limit)d niveaux. Copiez-en plutôt le texte."
                )
                % {"limit": MAX_HTML_DEPTH}
            )


def _open_html_node(node, tag: str, out: list[str]) -> None:
    if tag in _HTML_HEADINGS:
        out.append("\n\n" + "#" * _HTML_HEADINGS[tag] + " ")
    elif tag == "p" or tag in _HTML_BLOCKS:
        out.append("\n\n" if tag in {"p", "table", "ul", "ol", "blockquote", "section", "article"} else "\n")
    elif tag == "li":
        out.append("\n- ")
    elif tag == "tr":
        out.append("\n")
    elif tag in {"td", "th"}:
        if out and not out[-1].endswith("\n"):
            out.append(" | ")
    elif tag == "br":
        out.append("\n")
    elif tag in {"strong", "b"}:
        out.append(" **")


def _close_html_node(node, tag: str, out: list[str]) -> None:
    if tag in _HTML_HEADINGS or tag == "p":
        out.append("\n\n")
    elif tag in _HTML_BLOCKS:
        out.append("\n")
    elif tag in {"strong", "b"}:
        out.append("** ")
    elif tag == "a":
        href = (node.attributes.get("href") or "").strip()
        label = node.text(deep=True).strip()
        if href.lower().startswith("mailto:"):
            address = href[7:].split("?")[0]
            if address and address not in label:
                out.append(f" {address} ")
        elif re.match(r"https?://", href, re.I) and href not in label:
            out.append(f" <{href}> ")
        elif _DOC_HREF.search(href) and not re.match(r"^[a-z][a-z+.-]*:", href, re.I):
            out.append(f" {href} ")  # a relative link to a file: the address names the document


# --- PDF ------------------------------------------------------------------------------

PDF_MESSAGES = {
    "encrypted": gettext_lazy("Ce PDF est protégé par un mot de passe : il ne peut pas être lu."),
    "too_many_pages": gettext_lazy("Ce PDF a trop de pages (%(count)d) pour une annonce : la limite est de %(limit)d."),
    "damaged": gettext_lazy("Ce fichier PDF est endommagé ou illisible."),
    "too_long": gettext_lazy(
        "Ce PDF est trop long à lire (plus de %(seconds)d secondes ou trop de mémoire) : il est trop lourd ou "
        "trop complexe. Importez-en plutôt le texte."
    ),
    "no_text": gettext_lazy(
        "Ce PDF ne contient pas de texte (document scanné ?) : importez le texte ou un PDF avec une couche texte."
    ),
}


def pdf_to_text(data: bytes) -> str:
    """The PDF's text layer with its structure, read in a child process with hard limits.

    See pdf_text.py: a hostile PDF can take a parser minutes of CPU or gigabytes of memory,
    and only a separate process can be stopped for sure.
    """
    try:
        return pdf_text.read_limited(data, max_pages=MAX_PDF_PAGES)
    except pdf_text.PdfRefusal as refusal:
        raise UnreadableAnnouncement(str(PDF_MESSAGES[refusal.code]) % refusal.params) from None
