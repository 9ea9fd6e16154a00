"""Regenerate the PDF announcements of this corpus from their Typst sources in pdf_src/.

Run once after editing a source: `python tests/announcements/corpus/make_pdfs.py`.
The PDFs are committed so that tests need no compiler; 114_scan has no text layer on purpose.
"""

from pathlib import Path

import typst

HERE = Path(__file__).parent

if __name__ == "__main__":
    for source in sorted((HERE / "pdf_src").glob("*.typ")):
        target = HERE / f"{source.stem}.pdf"
        target.write_bytes(typst.compile(str(source)))
        print(f"{target.name}: {target.stat().st_size} bytes")
