"""Import quality measured with the shared scorer, on the seeds and on our own corpus."""

import json
import re
import subprocess
import sys
from pathlib import Path

from rencontres.announcements.parsing import parse_announcement_bytes
from tests.conftest import shared_or_skip

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_import.py"
CORPUS = Path(__file__).parent / "corpus"


def score(docs: Path, expected: Path, predicted: Path) -> float:
    """Parse every document that has an expected answer, then ask the shared scorer."""
    for answer in expected.glob("*.json"):
        document = next(p for p in docs.iterdir() if p.stem == answer.stem and p.is_file())
        result = parse_announcement_bytes(document.read_bytes(), document.name)
        (predicted / answer.name).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORER), "--expected", str(expected), "--predicted", str(predicted)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(re.search(r"import score: ([\d.]+)", out).group(1))


def test_seed_announcements_score_at_least_095(tmp_path):
    shared_or_skip(SCORER)
    assert score(SHARED / "seeds", SHARED / "seeds" / "expected", tmp_path) >= 0.95


def test_own_corpus_scores_at_least_085(tmp_path):
    shared_or_skip(SCORER)
    assert score(CORPUS, CORPUS / "expected", tmp_path) >= 0.85
