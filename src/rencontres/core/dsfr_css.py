"""Only the DSFR stylesheet the pages use: its core, the components we render, the icons we show.

django-dsfr links the whole design system: `dsfr.min.css` (every component, with the rules for
old browsers and for print) and `utility.min.css` (every colour class and the ~1,700 icon
classes), 131 kB compressed on a first visit, most of it never applied to a page of ours. The
DSFR ships each component on its own (`dist/component/<name>/<name>.main.min.css`, each
README naming the components it depends on), so this module joins the core, the components
listed below in the order of the full bundle, the colour utilities and the rules of the icons
listed below into one stylesheet, and their print rules into another (linked with
`media="print"`, so it does not hold up the page). Relative `url()`s are rewritten for the
new file's folder; collectstatic then gives them hashed names as for any stylesheet.

`tests/core/test_dsfr_css.py` fails when a template uses a DSFR class or icon that this
subset leaves out: add the component or the icon here.
"""

import hashlib
import os
import posixpath
import re
import tempfile
from pathlib import Path

import dsfr

DIST = Path(dsfr.__file__).resolve().parent / "static" / "dsfr" / "dist"
# Static names of what is built; the folder is a sibling of DSFR's own, so urls stay short.
STYLESHEET = "dsfr/dist/rencontres/dsfr.min.css"
PRINT_STYLESHEET = "dsfr/dist/rencontres/dsfr.print.min.css"

# The components our pages render, with those their READMEs name as dependencies, in the
# order of DSFR's full bundle (dsfr.main.min.css), which is the order of their dependencies.
COMPONENTS = (
    "upload",
    "badge",
    "logo",
    "button",
    "breadcrumb",
    "form",
    "link",
    "callout",
    "pagination",
    "summary",
    "tag",
    "alert",
    "notice",
    "radio",
    "card",
    "checkbox",
    "input",
    "content",
    "toggle",
    "skiplink",
    "select",
    "modal",
    "navigation",
    "footer",
    "search",
    "password",
    "translate",
    "table",
    "header",
)

# The icon classes (fr-icon-*) our templates use; the components carry their own icons.
ICONS = (
    "fr-icon-account-circle-line",
    "fr-icon-add-line",
    "fr-icon-arrow-left-line",
    "fr-icon-arrow-right-line",
    "fr-icon-award-line",
    "fr-icon-book-2-line",
    "fr-icon-bus-line",
    "fr-icon-calendar-line",
    "fr-icon-chat-3-line",
    "fr-icon-checkbox-circle-line",
    "fr-icon-delete-line",
    "fr-icon-download-line",
    "fr-icon-edit-line",
    "fr-icon-eye-line",
    "fr-icon-eye-off-line",
    "fr-icon-file-add-line",
    "fr-icon-file-download-line",
    "fr-icon-file-text-line",
    "fr-icon-folder-2-line",
    "fr-icon-lock-line",
    "fr-icon-logout-box-r-line",
    "fr-icon-map-pin-2-line",
    "fr-icon-printer-line",
    "fr-icon-qr-code-line",
    "fr-icon-send-plane-line",
    "fr-icon-star-line",
    "fr-icon-subtract-line",
    "fr-icon-team-line",
    "fr-icon-upload-line",
)

BANNER = re.compile(r"^/\*!.*?\*/", re.DOTALL)
URL = re.compile(r"url\((['\"]?)([^'\")]+)\1\)")
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _read(relative: str) -> str:
    """A DSFR file without its licence banner (kept once, at the top of what is built)."""
    return BANNER.sub("", (DIST / relative).read_text(encoding="utf-8"))


def _moved(css: str, source: str, target: str) -> str:
    """`css` read from dist/`source`, its relative urls rewritten to be read from dist/`target`."""

    def rewrite(match: re.Match) -> str:
        url = match.group(2)
        if url.startswith(("data:", "/", "#")) or "://" in url:
            return match.group(0)
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(source), url))
        return f"url({posixpath.relpath(absolute, posixpath.dirname(target))})"

    return URL.sub(rewrite, css)


def _icon_rules(css: str, icons: tuple[str, ...]) -> str:
    """The rules of `css` (flat, as DSFR's icon files are) that style one of `icons`."""
    wanted = re.compile(r"\.(" + "|".join(re.escape(icon) for icon in icons) + r")(?![\w-])")
    return "".join(f"{selector}{{{body}}}" for selector, body in RULE.findall(css) if wanted.search(selector))


def _parts(kind: str) -> list[str]:
    """The DSFR files joined, for `kind` "main" (screen) or "print"."""
    parts = [f"core/core.{kind}.min.css"]
    parts += [f"component/{name}/{name}.{kind}.min.css" for name in COMPONENTS]
    if kind == "main":
        parts.append("utility/colors/colors.main.min.css")
    return [part for part in parts if (DIST / part).exists()]


def build(kind: str) -> str:
    """The stylesheet for `kind` "main" or "print", as text."""
    target = STYLESHEET.removeprefix("dsfr/dist/") if kind == "main" else PRINT_STYLESHEET.removeprefix("dsfr/dist/")
    banner = BANNER.match((DIST / "core" / "core.main.min.css").read_text(encoding="utf-8"))
    pieces = [banner.group(0) if banner else ""]
    pieces += [_moved(_read(part), part, target) for part in _parts(kind)]
    if kind == "main":
        icons = "utility/icons/icons.main.min.css"
        pieces.append(_moved(_icon_rules(_read(icons), ICONS), icons, target))
    return "".join(pieces)


def built_folder() -> Path:
    """A folder holding both stylesheets, written once per DSFR version and list (atomic writes).

    Checked at each call, not cached: a temporary folder may be cleaned while a server runs.
    """
    key = hashlib.sha256(repr((dsfr.__file__, COMPONENTS, ICONS)).encode())
    with (DIST / "core" / "core.main.min.css").open("rb") as banner:  # names the DSFR version
        key.update(banner.read(200))
    folder = Path(tempfile.gettempdir()) / f"rencontres-dsfr-{key.hexdigest()[:16]}"
    for name, kind in ((STYLESHEET, "main"), (PRINT_STYLESHEET, "print")):
        path = folder / name
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(build(kind), encoding="utf-8")
        partial.replace(path)
    return folder
