"""Checks on uploaded files: the type is read from the content, never from the name."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rencontres.core.formatting import format_file_size

MAX_UPLOAD_BYTES = 10 * 1000 * 1000
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _zip_kind(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return "DOCX"
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "ODT"
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


def sniff_file_type(uploaded) -> str | None:
    """« PDF », « DOCX » or « ODT » from the first bytes and the archive's inside; None for anything else."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "PDF"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(uploaded)
        uploaded.seek(0)
        return kind
    return None


def checked_file_type(uploaded, *, max_megabytes: int = MAX_UPLOAD_BYTES // 1000**2) -> str:
    """The file's type if it is an accepted document of at most `max_megabytes` Mo; a ValidationError saying what to fix otherwise."""
    name = getattr(uploaded, "name", "") or _("le fichier")
    if uploaded.size > max_megabytes * 1000**2:
        raise ValidationError(
            _(
                "« %(name)s » pèse %(size)s : la limite est de %(limit)s Mo. Réduisez-le (PDF compressé, par exemple) "
                "puis déposez-le à nouveau."
            )
            % {"name": name, "size": format_file_size(uploaded.size), "limit": max_megabytes},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("« %(name)s » est vide : déposez le bon fichier.") % {"name": name}, code="empty")
    kind = sniff_file_type(uploaded)
    if kind is None:
        raise ValidationError(
            _(
                "« %(name)s » n'est pas un document PDF, DOCX ou ODT (le contenu du fichier a été vérifié, "
                "pas seulement son nom). Enregistrez-le dans l'un de ces formats."
            )
            % {"name": name},
            code="bad_type",
        )
    return kind
