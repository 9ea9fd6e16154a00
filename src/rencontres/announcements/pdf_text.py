"""Reading a PDF's text layer in a child process that cannot hold a worker.

pypdf reads the file (its decompression limits stop a zip bomb in a content stream) and
reports every text run with its position, size and font; from these, lines, paragraph breaks,
headings and bold lines are rebuilt. Runs come in content-stream order, which is the reading
order (column by column) in the PDFs that word processors and typesetters write.

A single page of 1.5 million text operators kept pypdf busy for 18 s, and a check between
pages cannot stop it. So the work runs in a process forked from a small server (the
"forkserver", started once, with pypdf already imported: a few milliseconds per PDF) with a
memory limit, and is killed when its time is up. This module raises PdfRefusal with a code;
reading.py says it in French (the child has no Django settings to translate with).
"""

from __future__ import annotations

import io
import multiprocessing
import re
import resource
from dataclasses import dataclass

TIME_LIMIT_SECONDS = 8
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024


class PdfRefusal(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["rencontres.announcements.pdf_text"])


def read_limited(data: bytes, *, max_pages: int) -> str:
    """The text, or PdfRefusal: "too_long" when the child overran its time or its memory."""
    receiver, sender = _context.Pipe(duplex=False)
    child = _context.Process(target=_child, args=(data, max_pages, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(TIME_LIMIT_SECONDS):
            raise PdfRefusal("too_long", seconds=TIME_LIMIT_SECONDS)
        outcome, value = receiver.recv()
    except EOFError:  # the child died, killed by its memory limit
        raise PdfRefusal("too_long", seconds=TIME_LIMIT_SECONDS) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "text":
        return value
    raise PdfRefusal(value[0], **value[1])


def _child(data: bytes, max_pages: int, sender) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT_SECONDS + 1, TIME_LIMIT_SECONDS + 2))
    try:
        sender.send(("text", extract_text(data, max_pages=max_pages)))
    except PdfRefusal as refusal:
        sender.send(("refusal", (refusal.code, refusal.params)))
    except MemoryError:
        sender.send(("refusal", ("too_long", {"seconds": TIME_LIMIT_SECONDS})))
    finally:
        sender.close()


def extract_text(data: bytes, *, max_pages: int) -> str:
    """In this process, without limits: what the child runs (and what tests may call directly)."""
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfRefusal("encrypted")
        page_count = len(reader.pages)
        if page_count > max_pages:
            raise PdfRefusal("too_many_pages", count=page_count, limit=max_pages)
        pages_text = [_layout_page(page, pypdf.mult) for page in reader.pages]
    except (PdfRefusal, MemoryError):
        raise
    except Exception:  # a third-party parser on untrusted input: any failure means "unreadable"
        raise PdfRefusal("damaged") from None
    text = "\n\n".join(t for t in pages_text if t.strip())
    if not re.search(r"\w{2,}", text):
        raise PdfRefusal("no_text")
    return text


@dataclass
class _PdfLine:
    y: float
    size: float
    bold: bool
    text: str = ""


def _layout_page(page, mult) -> str:
    lines: list[_PdfLine] = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        matrix = mult(tm, cm)
        y, height = matrix[5], abs(size * matrix[3]) or size
        bold = "bold" in str((font or {}).get("/BaseFont", "")).lower()
        last = lines[-1] if lines else None
        if last is not None and abs(last.y - y) <= 0.3 * max(height, 1):
            glue = "" if last.text.endswith(" ") or text.startswith(" ") else " "
            last.text += glue + text
            last.bold = last.bold and bold
        else:
            lines.append(_PdfLine(y=y, size=round(height, 1), bold=bold, text=text))

    page.extract_text(visitor_text=visit)
    if not lines:
        return ""
    sizes: dict[float, int] = {}
    for line in lines:
        sizes[line.size] = sizes.get(line.size, 0) + len(line.text)
    body_size = max(sizes, key=sizes.get)  # the size most text is set in
    out: list[str] = []
    previous: _PdfLine | None = None
    for line in lines:
        text = re.sub(r"\s+", " ", line.text).strip()
        if not text:
            continue
        if previous is not None and out and re.search(r"https?://(?:\S*[-/_.=?&])?$", out[-1]):
            out[-1] += text  # a link wrapped at the end of a line
            previous = line
            continue
        if (
            previous is not None
            and out
            and re.search(r"[^\W\d]-$", out[-1])
            and text[:1].isupper()
            and 0 <= previous.y - line.y <= 1.6 * max(line.size, previous.size)
        ):
            out[-1] += text  # "Bourgogne-" / "Franche-Comté": a compound name wrapped at its hyphen
            previous = line
            continue
        if previous is not None:
            gap = previous.y - line.y
            new_block = gap > 1.6 * max(line.size, previous.size) or gap < 0 or abs(line.size - previous.size) > 1.5
            out.append("\n\n" if new_block else "\n")
        if line.size >= body_size * 1.3:
            text = "# " + text
        elif line.bold:
            text = f"**{text}**"
        out.append(text)
        previous = line
    return "".join(out)
