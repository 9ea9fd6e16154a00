"""Checks on a resource's file: the type read from the content (core.files), the size bounded."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rencontres.core import files
from rencontres.core.formatting import format_file_size

ACCEPTED = {files.PDF, files.DOCX, files.ODT, files.PPTX, files.ODP, files.XLSX, files.ODS, files.TEXT}


def checked_kind(uploaded) -> files.FileKind:
    """The file's kind if it is an accepted document within DOCUMENT_MAX_BYTES (the events' documents' limit, 20 Mo)."""
    name = getattr(uploaded, "name", "") or _("le fichier")
    if uploaded.size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("« %(name)s » pèse %(size)s : la limite est de %(limit)s. Réduisez-le (PDF compressé, par exemple).")
            % {
                "name": name,
                "size": format_file_size(uploaded.size),
                "limit": format_file_size(settings.DOCUMENT_MAX_BYTES),
            },
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("« %(name)s » est vide : déposez le bon fichier.") % {"name": name}, code="empty")
    try:
        kind = files.sniff(uploaded)
    except files.ArchiveTooLarge:
        kind = None
    if kind not in ACCEPTED:
        raise ValidationError(
            _(
                "« %(name)s » n'est pas un document PDF, Word, Writer, PowerPoint, Impress, tableur ou texte "
                "(le contenu du fichier a été vérifié, pas seulement son nom). Enregistrez-le dans l'un de ces formats."
            )
            % {"name": name},
            code="bad_type",
        )
    return kind
