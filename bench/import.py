"""Seconds per announcement for the importer, by kind of file.

Usage: python bench/import.py
Times parse_announcement_bytes in-process (no interpreter start-up) over the shared
seeds (when ../shared is beside the repository), the test corpus, and a generated
10-page PDF. Targets: median under 0.3 s for text and HTML, under 1 s for 10 pages.
"""

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rencontres.settings")

import django  # noqa: E402

django.setup()

from rencontres.announcements.parsing import parse_announcement_bytes  # noqa: E402
from rencontres.announcements.reading import UnreadableAnnouncement  # noqa: E402

KINDS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def ten_page_pdf() -> bytes:
    import typst

    day = (
        "== Mardi {n} mars 2024\n- 9h00 - 10h30 : Séance plénière numéro {n}\n- 10h45 - 12h30 : Atelier {n}\n\n"
        "#lorem(300)\n#pagebreak()\n"
    )
    source = '#set page(columns: 2)\n#set text(lang: "fr")\n= Cycle de formation\n' + "".join(
        day.format(n=n) for n in range(1, 11)
    )
    return typst.compile(source.encode())


def timed(data: bytes, name: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            parse_announcement_bytes(data, name)
        except UnreadableAnnouncement:
            pass
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    folders = [REPO / "tests" / "announcements" / "corpus"]
    if (REPO.parent / "shared" / "seeds").is_dir():
        folders.insert(0, REPO.parent / "shared" / "seeds")
    times: dict[str, list[float]] = {}
    for folder in folders:
        for path in sorted(folder.iterdir()):
            kind = KINDS.get(path.suffix.lower())
            if kind and path.is_file():
                times.setdefault(kind, []).append(timed(path.read_bytes(), path.name))
    pdf = ten_page_pdf()
    times["pdf 10 pages"] = [timed(pdf, "dix-pages.pdf")]
    for kind, values in times.items():
        print(f"{kind:13} {len(values):3} documents  median {statistics.median(values):.3f} s  max {max(values):.3f} s")


if __name__ == "__main__":
    main()
