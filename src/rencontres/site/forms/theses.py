"""The trainee's thesis form in « Mon espace »: the file (checked by content by the service) and its title."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.theses.services import MAX_THESIS_MEGABYTES

from .registration import ACCEPTED_DOCUMENTS


class ThesisForm(DsfrBaseForm):
    title = forms.CharField(
        label=_("Titre du mémoire"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    file = forms.FileField(
        label=_("Fichier du mémoire"),
        help_text=_("PDF, DOCX ou ODT, %(n)s Mo au plus.") % {"n": MAX_THESIS_MEGABYTES},
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_DOCUMENTS}),
        error_messages={
            "required": _("Choisissez le fichier de votre mémoire (PDF, DOCX ou ODT)."),
            "empty": _("Le fichier choisi est vide : déposez le bon fichier."),
        },
    )
