"""The DSFR stylesheet built from its parts holds every class and icon our pages use, and only links that resolve."""

import gzip
import posixpath
import re
from pathlib import Path

import dsfr
import pytest

from rencontres.core import dsfr_css

SRC = Path(__file__).resolve().parents[2] / "src" / "rencontres"
DSFR = Path(dsfr.__file__).resolve().parent
# What django-dsfr renders for us: the base page and the form snippets of the widgets we use.
DSFR_RENDERED = [
    DSFR / "templates" / "dsfr" / "base.html",
    DSFR / "templates" / "dsfr" / "form_snippet.html",
    *(
        DSFR / "templates" / "dsfr" / "form_field_snippets" / f"{name}_snippet.html"
        for name in ("checkbox", "checkboxselectmultiple", "input", "radioselect")
    ),
    *(DSFR / "templates" / "django").rglob("*.html"),
    DSFR / "forms.py",
]
CLASS = re.compile(r"(?<![\w-])fr-[a-z0-9_-]*[a-z0-9]")


def used_classes() -> set[str]:
    files = [*SRC.rglob("*.html"), *SRC.rglob("*.py"), *DSFR_RENDERED]
    return {token for path in files for token in CLASS.findall(path.read_text(encoding="utf-8", errors="ignore"))}


def defines(css: str, name: str) -> bool:
    return re.search(r"\." + re.escape(name) + r"(?![\w-])", css) is not None


@pytest.fixture(scope="module")
def built() -> str:
    return dsfr_css.build("main")


@pytest.fixture(scope="module")
def whole() -> str:
    """Everything the DSFR defines: the full bundle and the utilities django-dsfr links by default."""
    return "".join(
        (dsfr_css.DIST / name).read_text(encoding="utf-8")
        for name in ("dsfr/dsfr.main.min.css", "utility/utility.main.min.css")
    )


def test_every_dsfr_class_our_pages_use_is_in_the_subset(built, whole):
    missing = sorted(c for c in used_classes() if defines(whole, c) and not defines(built, c))
    assert not missing, f"add their component or icon to rencontres/core/dsfr_css.py: {missing}"


def test_every_icon_listed_is_used_and_styled(built):
    icons = {c for c in used_classes() if c.startswith("fr-icon-")}
    assert set(dsfr_css.ICONS) == icons
    assert all(defines(built, icon) for icon in dsfr_css.ICONS)


def test_components_come_after_what_they_depend_on():
    """Each component's README names its dependencies; they must be in the list, and before it."""
    order = {name: position for position, name in enumerate(dsfr_css.COMPONENTS)}
    for name in dsfr_css.COMPONENTS:
        readme = (dsfr_css.DIST / "component" / name / "README.md").read_text(encoding="utf-8")
        tree = readme.split("## Dépendances", 1)[-1].split("## Utilisation", 1)[0] if "## Dépendances" in readme else ""
        for dependency in re.findall(r"└─ ([a-z-]+)", tree):
            if dependency != "core":
                assert order.get(dependency, len(order)) < order[name], (name, dependency)


def test_the_subset_is_much_lighter_than_what_django_dsfr_links(built):
    """Compressed, as a browser receives it: 61 kB instead of 131 kB with DSFR 1.14."""
    linked = "".join(
        (dsfr_css.DIST / name).read_text(encoding="utf-8") for name in ("dsfr/dsfr.min.css", "utility/utility.min.css")
    )
    assert len(gzip.compress(built.encode())) < 0.6 * len(gzip.compress(linked.encode()))


@pytest.mark.parametrize("kind", ["main", "print"])
def test_every_url_of_the_subset_leads_to_a_file(kind):
    css = dsfr_css.build(kind)
    target = posixpath.dirname(dsfr_css.STYLESHEET.removeprefix("dsfr/dist/"))
    urls = [u for _quote, u in dsfr_css.URL.findall(css) if not u.startswith("data:")]
    assert urls or kind == "print"
    for url in urls:
        assert (dsfr_css.DIST / posixpath.normpath(posixpath.join(target, url))).is_file(), url


def test_pages_link_the_subset_not_the_whole_design_system(client, db):
    from django.contrib.staticfiles import finders

    html = client.get("/").content.decode()
    assert "dsfr/dist/rencontres/dsfr.min.css" in html
    assert 'dsfr.print.min.css" media="print"' in html
    assert "dsfr/dist/dsfr/dsfr.min.css" not in html and "utility/utility.min.css" not in html
    assert Path(finders.find(dsfr_css.STYLESHEET)).read_text(encoding="utf-8") == dsfr_css.build("main")


def test_served_files_match_the_integrity_the_pages_announce(client, db, tmp_path, settings):
    """Outside debug, collectstatic rewrites stylesheets' url()s to hashed names: a Subresource
    Integrity hash of the original file then no longer matches, and the browser drops the file
    (django-dsfr's own tags did that, leaving `make run` pages without the design system)."""
    import base64
    import hashlib

    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    html = client.get("/").content.decode()
    tags = re.findall(r'<(?:link|script)[^>]*?(?:href|src)="/static/([^"]+)"[^>]*>', html)
    assert any(name.startswith("dsfr/dist/rencontres/dsfr.min.") for name in tags)
    for tag in re.findall(r"<(?:link|script)[^>]*>", html):
        if "integrity=" not in tag:
            continue
        name = re.search(r'(?:href|src)="/static/([^"]+)"', tag).group(1)
        algorithm, expected = re.search(r'integrity="(\w+)-([^"]+)"', tag).groups()
        digest = base64.b64encode(hashlib.new(algorithm, (tmp_path / name).read_bytes()).digest()).decode()
        assert digest == expected, name
