"""The speaker's upload form, reached by their personal link."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.core.forms import IdChoiceField
from rencontres.events.models import Session
from rencontres.resources.enums import Language


class SpeakerUploadForm(DsfrBaseForm):
    title = forms.CharField(
        label=_("Titre du document"),
        max_length=250,
        error_messages={"required": _("Donnez un titre au document (celui de votre intervention, par exemple).")},
    )
    session = IdChoiceField(
        label=_("Séance"), queryset=Session.objects.none(), required=False, empty_label=_("— l'événement entier —")
    )
    language = forms.ChoiceField(label=_("Langue"), choices=Language.choices, initial=Language.FRENCH)
    file = forms.FileField(
        label=_("Fichier"),
        help_text=_("PDF, Word, Writer, PowerPoint ou Impress, 20 Mo au plus."),
        error_messages={
            "required": _("Choisissez le fichier de votre support."),
            "empty": _("Le fichier envoyé est vide : choisissez le fichier de votre support."),
        },
    )

    def __init__(self, *args, speaker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = Session.objects.filter(session_speakers__speaker=speaker).select_related(
            "day"
        )
