"""Templates only use what the State design system provides."""

import re
from pathlib import Path

import dsfr

import rencontres

TEMPLATES = sorted(Path(rencontres.__file__).parent.rglob("templates/**/*.html"))
DSFR_CSS = Path(dsfr.__file__).parent / "static/dsfr/dist/dsfr.min.css"
UTILITY_CSS = Path(dsfr.__file__).parent / "static/dsfr/dist/utility/utility.min.css"


def test_every_icon_a_template_names_exists_in_the_design_system():
    """An unknown fr-icon-* class draws a filled square where the icon should be."""
    known = set(re.findall(r"\.(fr-icon-[a-z0-9-]+)", DSFR_CSS.read_text() + UTILITY_CSS.read_text()))
    used = {(icon, path.name) for path in TEMPLATES for icon in re.findall(r"fr-icon-[a-z0-9-]+", path.read_text())}
    assert TEMPLATES and known
    assert sorted((icon, name) for icon, name in used if icon not in known) == []
