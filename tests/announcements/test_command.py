"""The `parse_announcement` management command: JSON on stdout, French message and exit 2 on bad input."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

CORPUS = Path(__file__).parent / "corpus"


def run(path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("parse_announcement", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_prints_only_the_json_draft():
    out, err = run(CORPUS / "105_matinee_insertion.txt")
    draft = json.loads(out)
    assert draft["start_date"] == "2024-03-14"
    assert "Limoges" in out  # accents and names are written as is, not \u-escaped
    assert err == ""


def test_a_scan_exits_2_with_a_french_message(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(CORPUS / "114_scan.pdf")
    assert exit_info.value.code == 2


def test_an_unsupported_format_exits_2_and_says_why(tmp_path):
    path = tmp_path / "programme.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("parse_announcement", str(path), stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 2
    assert "Format non reconnu" in err.getvalue()


def test_a_missing_file_exits_2(tmp_path):
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("parse_announcement", str(tmp_path / "absent.txt"), stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 2
    assert "introuvable" in err.getvalue()
